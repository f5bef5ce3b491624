"""Training code for the bundled models, run from a checkout of the repository.

Not installed with the package (``pyproject.toml`` packages ``quotes*`` only);
run each module from the repository root, e.g. ``python -m training.train``.
The trained files it writes ship in ``quotes/models/``.
"""
