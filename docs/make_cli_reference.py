"""Regenerate docs/cli.md from the argument parser: python docs/make_cli_reference.py"""

import contextlib
import io
import os
from pathlib import Path

from quotes.cli import build_parser


def help_of(parser) -> str:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        parser.print_help()
    return buf.getvalue().rstrip()


def main() -> None:
    os.environ["COLUMNS"] = "100"
    parser = build_parser()
    out = ["# CLI reference", "", "Generated from the argument parser by `python docs/make_cli_reference.py`.", "",
           "```text", help_of(parser), "```", ""]
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():
        out += [f"## quotes {name}", "", "```text", help_of(p), "```", ""]
    Path(__file__).with_name("cli.md").write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    main()
