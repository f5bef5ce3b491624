"""Tree decoding for Stanza's parser, in compiled code.

Stanza picks each sentence's dependency tree with Chu–Liu–Edmonds in pure
Python and NumPy; on CPU that costs as much as the parser's network, more
with a weak parser whose best arcs form many cycles. ``ufal.chu_liu_edmonds``
runs the same algorithm in C++. :func:`one_root` keeps Stanza's single-root
reweighting, so the trees are Stanza's own (tested on random score matrices).
"""

from __future__ import annotations

import numpy as np
from ufal.chu_liu_edmonds import chu_liu_edmonds


def one_root(scores: np.ndarray) -> np.ndarray:
    """The maximum spanning tree with exactly one arc from the root, as
    ``stanza.models.common.chuliu_edmonds.chuliu_edmonds_one_root`` returns it.

    ``scores[d, h]`` scores head ``h`` for dependent ``d``; row and column 0
    are the root. Returns the head of every node, with ``tree[0] == 0``.
    """
    scores = scores.astype(np.float64)  # a copy: the caller's scores stay as they were
    # Stanza's reweighting: make root arcs so costly that one is always best
    scores[:, 0] += scores[np.isfinite(scores)].min() * scores.shape[0]
    np.fill_diagonal(scores, np.nan)  # NaN: no arc
    scores[0] = np.nan
    heads, _ = chu_liu_edmonds(scores)
    tree = np.asarray(heads, dtype=np.int64)
    tree[0] = 0
    return tree


def install() -> None:
    """Make Stanza's parser decode with :func:`one_root`."""
    from stanza.models.depparse import model

    model.chuliu_edmonds_one_root = one_root
