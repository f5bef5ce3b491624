"""Run one of Stanza's training modules with CPU-friendly patches.

Invoked as ``python training/_stanza_main.py stanza.models.tagger ARGS...``
by :mod:`training.train`; a separate process so that a time budget can
stop it while the best checkpoint Stanza saved on dev stays on disk.
"""

from __future__ import annotations

import importlib
import os
import sys

import torch
from torch import nn


class EinsumBilinear(nn.Bilinear):
    """``nn.Bilinear`` with an einsum forward.

    Same parameters and initialisation, so saved models load in stock Stanza;
    on CPU its backward pass is far faster than the native bilinear kernel,
    which dominates POS and parser training time.
    """

    def forward(self, input1: torch.Tensor, input2: torch.Tensor) -> torch.Tensor:
        out = torch.einsum("...i,oij,...j->...o", input1, self.weight, input2)
        return out + self.bias if self.bias is not None else out


def warm_start_tagger(module: object, model_file: str) -> None:
    """Start Stanza's POS trainer from the weights of an earlier model.

    The tagger has no option to continue; its ``Trainer`` built from scratch
    (same data, so the same vocabulary and shapes) gets the saved weights
    loaded before the first step. Pretrained embeddings are not in the file
    (Stanza does not save them), hence ``strict=False``.
    """
    base = module.Trainer  # type: ignore[attr-defined]

    class WarmTrainer(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            if kwargs.get("model_file") is None:
                state = torch.load(model_file, map_location="cpu", weights_only=True)["model"]
                self.model.load_state_dict({k: v.float() for k, v in state.items()}, strict=False)

    module.Trainer = WarmTrainer  # type: ignore[attr-defined]


def main() -> None:
    module_name, args = sys.argv[1], sys.argv[2:]
    torch.set_num_threads(int(os.environ.get("QUOTES_TRAIN_THREADS", "1")))
    nn.Bilinear = EinsumBilinear  # type: ignore[misc]
    module = importlib.import_module(module_name)
    if "--quotes_warm_start" in args:  # ours, not Stanza's: strip it before Stanza parses
        i = args.index("--quotes_warm_start")
        warm_start_tagger(module, args[i + 1])
        del args[i:i + 2]
    module.main(args)


if __name__ == "__main__":
    main()
