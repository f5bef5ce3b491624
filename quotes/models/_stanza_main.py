"""Run one of Stanza's training modules with CPU-friendly patches.

Invoked as ``python -m quotes.models._stanza_main stanza.models.tagger ARGS...``
by :mod:`quotes.models.train`; a separate process so that a time budget can
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


def main() -> None:
    module_name, args = sys.argv[1], sys.argv[2:]
    torch.set_num_threads(int(os.environ.get("QUOTES_TRAIN_THREADS", "1")))
    nn.Bilinear = EinsumBilinear  # type: ignore[misc]
    module = importlib.import_module(module_name)
    module.main(args)


if __name__ == "__main__":
    main()
