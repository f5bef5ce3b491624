"""The ``quotes`` command line: a thin layer over :mod:`quotes.pipeline`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from quotes import export, models, report
from quotes.analysis import Analysis
from quotes.annotate import SimpleAnnotator
from quotes.ingest import Problem, count_inputs, read_corpus
from quotes.pipeline import ARTICLE_BUDGET, analyze
from quotes.span_model import NoTagger
from quotes.store import Store, StoreError

err = Console(stderr=True, soft_wrap=True)  # one-line messages stay one line
DASK_MODULES = {"dask", "distributed", "pyarrow"}


class CommandError(Exception):
    """A mistake in how the command was called: one line on standard error, exit status 2."""


def out() -> Console:
    """Standard output: the terminal's width, or 160 columns when piped (rich would use 80)."""
    return Console() if sys.stdout.isatty() else Console(width=160)


@contextmanager
def _needs_dask() -> Iterator[None]:
    """Turn the dask extra's absence into one line saying what to install."""
    try:
        yield
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in DASK_MODULES:
            raise
        raise CommandError(f"Dask and Parquet need the dask extra ({exc.name} is missing): "
                           "pip install 'quotes[dask]'") from exc


def _add_min_confidence(p: argparse.ArgumentParser) -> None:
    p.add_argument("--min-confidence", type=float, metavar="P",
                   help="keep quotes at least this likely to be right (0: every quote; default: the threshold "
                        "chosen for 0.85 precision on PolNeAR, see docs/evaluation.md)")


def _add_inputs(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", type=Path,
                   help="files (.txt, .html, .jsonl) or folders; or a quotes.db from an earlier --db run")
    _add_run_options(p)
    _add_min_confidence(p)
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="dask: run on a Dask cluster and write Parquet to --out (needs quotes[dask])")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a LocalCluster)")
    p.add_argument("--out", type=Path, default=Path("quotes-parquet"), help="Parquet folder for --engine dask")


def _add_run_options(p: argparse.ArgumentParser) -> None:
    """How the pipeline runs: every command that annotates takes these."""
    p.add_argument("--models", default="auto", metavar="SET",
                   help="compact, official, or a folder of models (default: official if installed, "
                        "else compact)")
    p.add_argument("--annotator", choices=["stanza", "simple"], default="stanza",
                   help="'simple' skips Stanza (regex tokens, no tags): quick looks at quote marks only")
    p.add_argument("--rules-only", action="store_true",
                   help="leave out the learned report tagger: fewer reports, more of them right")
    p.add_argument("--db", type=Path, help="SQLite store: resume an interrupted run, cache annotations")
    p.add_argument("--article-budget", type=float, default=ARTICLE_BUDGET, metavar="SECONDS",
                   help="seconds that finding one article's quotes may take (annotation apart); an article over it "
                        f"is reported as a problem and the run goes on (default: {ARTICLE_BUDGET:g})")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="annotation processes, one Stanza pipeline each (default: the number of cores; "
                        "a small corpus is annotated in one process)")


def _is_parquet(path: Path) -> bool:
    return (path / "articles").is_dir() and any((path / "articles").glob("*.parquet"))


def _run(args: argparse.Namespace) -> Analysis:
    """The analysis the command asked for, with the quotes that reach --min-confidence."""
    return _results(args).above(args.min_confidence)


def _results(args: argparse.Namespace) -> Analysis:
    """Every quote of the run (or of the stored results), whatever its confidence."""
    if args.command == "report" or all(p.suffix == ".db" or _is_parquet(p) for p in args.paths):
        return _load_results(args.paths)
    annotator = SimpleAnnotator() if args.annotator == "simple" else None
    tagger = NoTagger() if args.rules_only else None
    if getattr(args, "engine", "local") == "dask":
        from quotes.distributed import analyze_dask, load_parquet

        where = args.scheduler or f"local cluster of {max(2, args.workers)}"
        with _needs_dask(), err.status(f"analyzing on Dask ({where})"):
            counts = analyze_dask(args.paths, args.out, models=args.models, annotator=annotator,
                                  scheduler=args.scheduler, workers=max(2, args.workers), tagger=tagger)
            result = load_parquet(args.out)
        err.print(f"wrote {counts['articles']} articles, {counts['quotes']} quotes to {args.out}/")
        for p in result.problems:
            _say_problem(p)
        return result
    columns = (SpinnerColumn(), TextColumn("analyzing"), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("analyze", total=count_inputs(args.paths), rate="")

        def advance(n: int) -> None:
            bar.advance(task, n)
            t = bar.tasks[0]
            if t.elapsed:
                bar.update(task, rate=f"{t.completed / t.elapsed:.1f}/s")

        result = analyze(args.paths, models=args.models, annotator=annotator, progress=advance,
                         db=args.db, workers=args.workers, tagger=tagger, min_confidence=0.0,
                         article_budget=args.article_budget)
    for p in result.problems:
        _say_problem(p)
    if args.db is not None:
        # the report covers the whole store, as `quotes report` shows it: its problems too, not this run's alone
        with Store(args.db) as store:
            result.problems = store.problems()
    return result


def _load_results(paths: list[Path]) -> Analysis:
    """Read earlier results (SQLite stores or Dask Parquet folders) without annotating."""
    from quotes.distributed import load_parquet
    from quotes.store import Store

    result = Analysis()
    for path in paths:
        if _is_parquet(path):
            with _needs_dask():
                part = load_parquet(path)
        elif path.is_dir():
            raise CommandError(f"{path}: a folder of articles, not stored results; "
                               f"analyze it with: quotes analyze {path}")
        elif path.exists():
            with Store(path, read_only=True) as store:
                part = store.load()
        else:
            raise StoreError(f"{path}: no such database")
        result.articles += part.articles
        result.quotes += part.quotes
        result.problems += part.problems
        result.annotator = part.annotator
    return result


def _say_problem(p: Problem) -> None:
    err.print(f"[{'red' if p.fatal else 'yellow'}]{'error' if p.fatal else 'warning'}:[/] {p}",
              highlight=False, soft_wrap=True)


def _status(result: Analysis) -> int:
    """1 when nothing could be read, else 0: a run over some bad files still succeeds."""
    return 0 if result.articles or not result.problems else 1


def cmd_extract(args: argparse.Namespace) -> int:
    result = _run(args)
    if args.format == "table":
        if args.output is None:
            out().print(report.quotes_table(result))
        else:
            with open(args.output, "w", encoding="utf-8") as fh:
                Console(file=fh, width=160).print(report.quotes_table(result))
    else:
        export.WRITERS[args.format](result.quotes, args.output or sys.stdout)
    return _status(result)


def cmd_analyze(args: argparse.Namespace) -> int:
    result = _run(args)
    if not result.articles and result.problems:
        return 1  # the problems are already on standard error: a report of empty tables adds nothing
    return _print_report(result, args)


def cmd_text(args: argparse.Namespace) -> int:
    articles = []
    for item in read_corpus(args.paths):
        if isinstance(item, Problem):
            _say_problem(item)
        elif args.doc is None or item.id == args.doc:
            articles.append(item)
    if args.doc is not None and not articles:
        raise CommandError(f"no article {args.doc!r} in {', '.join(map(str, args.paths))}")
    for article in articles:
        if args.format == "jsonl":
            sys.stdout.write(json.dumps({"doc": article.id, "text": article.text}, ensure_ascii=False) + "\n")
        else:
            if len(articles) > 1:
                sys.stdout.write(f"==> {article.id} <==\n")  # as head(1) separates files
            sys.stdout.write(article.text)
    return 0 if articles else 1


def _print_report(result: Analysis, args: argparse.Namespace) -> int:
    if args.html:
        from quotes.html import write_html

        write_html(result, args.html)
        err.print(f"wrote {args.html}")
    if args.format == "markdown":
        sys.stdout.write(report.to_markdown(result, args.limit, args.sort))
    elif args.format == "json":
        sys.stdout.write(json.dumps(report.to_dict(result, args.limit, args.sort), ensure_ascii=False, indent=1)
                         + "\n")
    else:
        report.console().print(report.render(result, args.limit, args.sort))
    return _status(result)


def _add_report_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["table", "markdown", "json"], default="table")
    p.add_argument("--limit", type=int, metavar="N",
                   help="at most N rows a table: the top speakers, organizations and claims, the first N quotes "
                        f"(default: all quotes, the top {report.TERMINAL_TOP} of the rest in a terminal)")
    p.add_argument("--sort", choices=report.SORTS, default="article",
                   help="order of the quotes; confidence: the most likely right first")
    p.add_argument("--html", type=Path, metavar="FILE",
                   help="also write the report as one self-contained HTML file, every article with its quotes marked")


def cmd_graph(args: argparse.Namespace) -> int:
    from quotes.graph import FORMATS, build_graph, write_graph

    if args.output.suffix.lower() not in FORMATS:
        err.print(f"[red]error:[/] {args.output}: use a {', '.join(FORMATS)} file name")
        return 2
    result = _run(args)
    if not result.articles and result.problems:
        return 1
    g = build_graph(result)
    write_graph(g, args.output)
    kinds = Counter(t for _, t in g.nodes(data="type"))
    err.print(f"wrote {args.output}: {g.number_of_nodes()} nodes ("
              + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + f"), {g.number_of_edges()} edges")
    return 0


def cmd_models(args: argparse.Namespace) -> int:
    console = out()
    if args.action == "install":
        try:
            path = models.install(resources_url=args.resources_url)
        except models.ModelError as exc:
            err.print(f"[red]error:[/] {exc}", highlight=False)
            return 2
        console.print(f"official Stanza English models installed in {path}")
        return 0
    active = models.resolve("auto")
    from rich.table import Table

    table = Table(title="Model sets", title_justify="left")
    for col in ("Set", "Installed", "Active", "Processors", "Location"):
        table.add_column(col)
    for ms in models.available():
        table.add_row(ms.name, "yes" if ms.installed else "no", "*" if ms == active else "",
                      ms.processors, str(ms.path))
    console.print(table)
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from quotes import evaluate as ev

    # with --agreement, only the articles several annotators marked, where their agreement is the yardstick
    agreed, agreement = ev.agreement(args.gold) if args.agreement else (None, None)
    gold = agreed if agreed is not None else ev.read_gold(args.gold)
    if args.limit:
        gold = gold[: args.limit]
    if not gold:
        what = "articles with several annotators" if args.agreement else "gold articles"
        err.print(f"[red]error:[/] no {what} under {args.gold}")
        return 2
    args.paths = [args.gold / "text" / f"{a.doc}.txt" for a in gold]
    everything = _results(args)
    result = everything.above(args.min_confidence)
    evaluation = ev.evaluate(gold, ev.by_doc(result.quotes))
    scores = evaluation.scores()
    calibration = ev.Calibration.of(ev.evaluate(gold, ev.by_doc(everything.quotes)))
    between = agreement.scores() if agreement is not None else None
    mentions = ev.read_mentions(args.entities) if args.entities else None
    entities = ev.entity_scores(mentions, result.quotes, result.entities.speaker) if mentions else None
    roles = ev.role_scores(ev.mention_pairs(mentions, result.quotes)) if mentions else None
    if args.json:
        thresholds = [calibration.at(t / 20) for t in range(20)]
        sys.stdout.write(json.dumps({"articles": len(gold), "annotator": result.annotator,
                                     "min_confidence": result.min_confidence, "held_back": len(result.held),
                                     "scores": scores, "ece": calibration.ece(), "reliability": calibration.bins(),
                                     "thresholds": thresholds}
                                    | ({"agreement": between} if between else {})
                                    | ({"entities": {"bcubed": entities[0], "people": entities[1]}}
                                       if entities else {})
                                    | ({"roles": roles} if roles else {}), indent=1) + "\n")
        return 0
    console = out()
    if between:
        console.print(ev.scores_table(between, "Annotator agreement (further annotators against the first)"))
    console.print(ev.scores_table(scores, f"Attribution scores at confidence >= {result.min_confidence:.2f} "
                                          f"({len(result.held)} quotes held back)"))
    console.print(ev.reliability_table(calibration))
    console.print(ev.thresholds_table(calibration, default=result.min_confidence))
    if entities and roles:
        console.print(ev.roles_table(roles))
        console.print(ev.entities_table(entities[0]))
        console.print(ev.people_table(entities[1]))
    if args.errors:
        console.print(ev.errors_table(evaluation, {a.doc: a.text for a in gold}))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotes", description="Who is quoted, saying what, in news articles.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="print every quote (JSON Lines by default)")
    _add_inputs(p)
    p.add_argument("--format", choices=[*export.FORMATS, "table"], default="jsonl")
    p.add_argument("-o", "--output", type=Path, help="write to this file instead of standard output")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("analyze", help="report quotes, speakers, organizations and claims across outlets")
    _add_inputs(p)
    _add_report_options(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("report", help="the analyze report from a store, with no annotation")
    p.add_argument("paths", nargs="+", type=Path, metavar="RESULTS",
                   help="quotes.db files written with --db, or Parquet folders written with --engine dask")
    _add_min_confidence(p)
    _add_report_options(p)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("text", help="print each article's text as quote offsets index it (an HTML page's main text)")
    p.add_argument("paths", nargs="+", type=Path, help="files (.txt, .html, .jsonl) or folders")
    p.add_argument("--doc", metavar="ID", help="only the article with this id (the doc of extract's output)")
    p.add_argument("--format", choices=["text", "jsonl"], default="text",
                   help="text: each text as it is, after a '==> ID <==' line when there are several; "
                        "jsonl: one {\"doc\", \"text\"} object per article")
    p.set_defaults(func=cmd_text)

    p = sub.add_parser("graph", help="write the speaker-claim-article network (GraphML, GEXF or JSON)")
    _add_inputs(p)
    p.add_argument("-o", "--output", type=Path, required=True, help="FILE.graphml, FILE.gexf or FILE.json")
    p.set_defaults(func=cmd_graph)

    p = sub.add_parser("evaluate", help="score against brat attribution annotations (PolNeAR layout)")
    p.add_argument("gold", type=Path, help="folder with text/*.txt and attributions/*.ann")
    _add_run_options(p)
    _add_min_confidence(p)
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--errors", action="store_true", help="also list every error with its text")
    p.add_argument("--limit", type=int, help="only the first N articles")
    p.add_argument("--entities", type=Path, metavar="MENTIONS.tsv",
                   help="also score the speakers against this gold: role and organization per mention, "
                        "entities (B-cubed, the most quoted people's nodes) "
                        "(benchmarks/data/polnear-dev-entities/mentions.tsv for PolNeAR dev)")
    p.add_argument("--agreement", action="store_true",
                   help="only articles with several annotators, and how far those annotators agree")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("models", help="list the model sets or install the official ones")
    p.add_argument("action", choices=["list", "install"], nargs="?", default="list")
    p.add_argument("--resources-url", help="download from this Stanza model hub mirror instead")
    p.set_defaults(func=cmd_models)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except (models.ModelError, StoreError, CommandError) as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
        return 2
    except KeyboardInterrupt:
        err.print("[yellow]interrupted[/]")
        return 130


if __name__ == "__main__":
    sys.exit(main())
