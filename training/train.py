"""Train the compact English model set from open treebanks with Stanza's own trainers.

Usage::

    python -m training.train                     # prepare data, train all, package, evaluate
    python -m training.train pos depparse        # only these steps
    python -m training.train --budget pos=90     # minutes for a step

Every step is resumable: data preparation and finished trainers are skipped
when their outputs exist (``--force`` redoes them), the parser continues
from its checkpoint, NER and the POS tagger from their last best models
(Stanza's tagger cannot continue, so ``_stanza_main`` loads the weights into
it). On a fresh checkout, whose work folder is gone, they continue from the
packaged models (``--from-scratch`` turns that off). Each trainer runs in
its own process under a time budget; Stanza saves the best model on dev
while it trains, so a budget that runs out keeps the best model so far.
Results (settings, dev scores, wall time) accumulate in ``WORK/state.json``,
copied next to the packaged models as ``training.json``, from which
:mod:`training.card` writes its section of ``docs/models.md``.

Data (``--data``, default ``../shared/data``):

- UD English EWT: tokenizer, MWT, lemmatizer, POS, parser. The parser trains on
  tags predicted by the POS model (``retag``), as it will see them when annotating.
- UNER English EWT (repeated ``UNER_WEIGHT`` times) and the PolNeAR silver NER
  (news, CoreNLP 4-class): NER. Every tenth silver document is held out for
  evaluation.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quotes.models import COMPACT_DIR, MODEL_FILES

STANZA_MAIN = str(Path(__file__).with_name("_stanza_main.py"))  # a script: runs from any folder
SHORT = "en_ewt"
STEPS = ("prepare", "tokenize", "mwt", "lemma", "pos", "retag", "depparse", "ner", "package", "evaluate")
ON_REQUEST = ("prepare-ner",)  # rebuild only the NER data, e.g. after changing UNER_WEIGHT


@dataclass
class Layout:
    """Where the training data and outputs live under the work folder."""

    data: Path
    work: Path
    out: Path = COMPACT_DIR
    warm: bool = True  # continue from the packaged models when the work folder has none

    @property
    def data_root(self) -> Path:
        return self.work / "data"

    def saved(self, step: str) -> Path:
        return self.work / "saved" / step / MODEL_FILES[step]

    def prepared(self, step: str, split: str, kind: str = "in") -> Path:
        return self.data_root / step / f"{SHORT}.{split}.{kind}.conllu"

    @property
    def state_file(self) -> Path:
        return self.work / "state.json"


@dataclass
class Trainer:
    """One Stanza trainer: its module, its arguments and its default budget."""

    module: str
    args: Callable[[Layout], list[str]]
    budget_min: float
    settings: dict[str, str] = field(default_factory=dict)
    # Arguments that continue an interrupted run; None when the trainer cannot,
    # and a rerun would overwrite the best model with an early one.
    resume: Callable[[Layout], list[str]] | None = None


def _settings_args(settings: dict[str, str]) -> list[str]:
    out: list[str] = []
    for key, value in settings.items():
        out += [f"--{key}"] if value == "" else [f"--{key}", value]
    return out


def _tokenize_args(lay: Layout) -> list[str]:
    from stanza.utils.avg_sent_len import avg_sent_len

    tok = lay.data_root / "tokenize"
    labels = tok / f"{SHORT}-ud-train.toklabels"
    seqlen = str(-(-int(avg_sent_len(str(labels)) * 3) // 100) * 100)
    return [
        "--label_file", str(labels), "--txt_file", str(tok / f"{SHORT}.train.txt"),
        "--lang", "en", "--shorthand", SHORT, "--max_seqlen", seqlen,
        "--mwt_json_file", str(tok / f"{SHORT}-ud-dev-mwt.json"),
        "--dev_txt_file", str(tok / f"{SHORT}.dev.txt"),
        "--dev_label_file", str(tok / f"{SHORT}-ud-dev.toklabels"),
        "--dev_conll_gold", str(tok / f"{SHORT}.dev.gold.conllu"),
    ]


def _conllu_args(step: str, gold: bool = False, lang: bool = True, kind: str = "in") -> Callable[[Layout], list[str]]:
    """Train/dev CoNLL-U arguments; the lemmatizer takes neither --lang nor --gold_file."""

    def build(lay: Layout) -> list[str]:
        args = ["--train_file", str(lay.prepared(step, "train", kind)),
                "--eval_file", str(lay.prepared(step, "dev", kind)), "--shorthand", SHORT]
        if lang:
            args += ["--lang", "en"]
        if gold:
            args += ["--gold_file", str(lay.prepared(step, "dev", "gold"))]
        return args

    return build


def _ner_args(lay: Layout) -> list[str]:
    ner = lay.data_root / "ner"
    return [
        "--train_file", str(ner / "train.json"), "--eval_file", str(ner / "uner-dev.json"),
        "--shorthand", "en_news",
    ]


def _start_from(lay: Layout, step: str) -> Path | None:
    """The model to continue from: this work folder's best, else (a fresh checkout,
    whose work folder is gone) the packaged one, unless training from scratch."""
    saved = lay.saved(step)
    if saved.exists():
        return saved
    packaged = lay.out / MODEL_FILES[step]
    return packaged if lay.warm and packaged.exists() else None


def _warm_start(step: str, flag: str, *extra: str) -> Callable[[Layout], list[str]]:
    """Arguments that start from the previous best model; ``extra`` only when there is one."""

    def build(lay: Layout) -> list[str]:
        start = _start_from(lay, step)
        return [*flag.split(), str(start), *extra] if start else []

    return build


def _parser_checkpoint(lay: Layout) -> list[str]:
    # Stanza's parser resumes by itself from an existing checkpoint (optimizer included);
    # from a saved model it starts with Adam at a low rate, not again with Adadelta at 2.0
    ckpt = lay.saved("depparse").with_suffix(".checkpoint.pt")
    args = ["--checkpoint_save_name", str(ckpt)]
    start = None if ckpt.exists() else _start_from(lay, "depparse")
    return args + (["--continue_from", str(start), "--optim", "adam", "--lr", "0.0003", "--no_second_optim"]
                   if start else [])


# Sizes are trimmed from Stanza's defaults where they cost annotation time (the
# character models of the tagger and parser, the parser's LSTM and label
# scorer) without a clear gain on dev; eval intervals are frequent so a budget
# cut loses little. The POS tagger and parser were trained on a GPU (see
# docs/models.md); on two CPU cores they get through a few thousand steps in
# hours and stop well short of these scores.
TRAINERS: dict[str, Trainer] = {
    "tokenize": Trainer("stanza.models.tokenizer", _tokenize_args, 25,
                        {"steps": "20000", "eval_steps": "500"}),
    "mwt": Trainer("stanza.models.mwt_expander", _conllu_args("mwt", gold=True), 6,
                   {"num_epoch": "10", "max_dec_len": "12"}),
    "lemma": Trainer("stanza.models.lemmatizer", _conllu_args("lemma", lang=False), 12,
                     {"num_epoch": "1"}),
    "pos": Trainer("stanza.models.tagger", _conllu_args("pos"), 60,
                   {"no_pretrain": "", "char_hidden_dim": "200", "eval_interval": "200",
                    "fix_eval_interval": ""},
                   # a lower learning rate when continuing, so the first steps do not undo the
                   # model (0.001 plateaued at dev AllTags 91.0 after two continued runs)
                   resume=_warm_start("pos", "--quotes_warm_start", "--lr", "0.0005")),
    "depparse": Trainer("stanza.models.parser", _conllu_args("depparse", kind="tagged"), 70,
                        {"no_pretrain": "", "hidden_dim": "300", "char_hidden_dim": "400",
                         "deep_biaff_hidden_dim": "200", "eval_interval": "200",
                         "second_optim_start_step": "6000"},
                        resume=_parser_checkpoint),
    "ner": Trainer("stanza.models.ner_tagger", _ner_args, 60,
                   {"no_pretrain": "", "batch_size": "32", "eval_interval": "400",
                    "max_steps": "60000"},
                   resume=_warm_start("ner", "--finetune --finetune_load_name")),
}


# ---------------------------------------------------------------- state


def load_state(lay: Layout) -> dict:
    if lay.state_file.exists():
        return json.loads(lay.state_file.read_text())
    return {"steps": {}}


def save_state(lay: Layout, state: dict) -> None:
    lay.state_file.parent.mkdir(parents=True, exist_ok=True)
    lay.state_file.write_text(json.dumps(state, indent=2, sort_keys=True))


def record(lay: Layout, step: str, **values: object) -> None:
    state = load_state(lay)
    entry = state["steps"].setdefault(step, {})
    if "seconds" in values:  # accumulate across resumed runs
        values["seconds"] = entry.get("seconds", 0) + values["seconds"]  # type: ignore[operator]
    entry.update(values)
    save_state(lay, state)


# ---------------------------------------------------------------- data preparation


def _stanza_env(lay: Layout) -> dict[str, str]:
    return {**os.environ, "UDBASE": str(lay.work / "ud"), "DATA_ROOT": str(lay.data_root)}


def _bio_sentences(path: Path, token_col: int, tag_col: int) -> Iterator[tuple[str | None, list[tuple[str, str]]]]:
    """Yield ``(doc id or None, [(token, tag)])`` from a BIO/IOB2 file."""
    doc, sent = None, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# doc =") or line.startswith("# newdoc id ="):
            doc = line.split("=", 1)[1].strip()
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if sent:
                yield doc, sent
            sent = []
        else:
            cols = line.split("\t")
            tag = cols[tag_col].replace("-OTH", "-MISC")  # UNER "other" = CoNLL MISC
            sent.append((cols[token_col], tag))
    if sent:
        yield doc, sent


def _write_ner_json(sentences: list[list[tuple[str, str]]], path: Path) -> None:
    doc = [[{"text": w, "ner": t} for w, t in sent] for sent in sentences]
    path.write_text(json.dumps(doc), encoding="utf-8")


def prepare(lay: Layout) -> None:
    ud = lay.work / "ud" / "UD_English-EWT"
    ud.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev", "test"):
        src = (lay.data / "ud" / f"en_ewt-ud-{split}.conllu").resolve()
        shutil.copyfile(src, ud / src.name)
    env = _stanza_env(lay)
    for script, extra in (("tokenizer", []), ("mwt", []), ("pos", []), ("depparse", ["--gold"])):
        subprocess.run([sys.executable, "-m", f"stanza.utils.datasets.prepare_{script}_treebank",
                        "UD_English-EWT", *extra], env=env, check=True)
    # prepare_lemma_treebank wants to download; the lemmatizer only needs the gold files.
    lemma = lay.data_root / "lemma"
    lemma.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev"):
        for kind in ("in", "gold"):
            shutil.copyfile(ud / f"en_ewt-ud-{split}.conllu", lay.prepared("lemma", split, kind))

    prepare_ner(lay)


# UNER's gold sentences are repeated in the NER training data: the silver news
# outnumber them 2:1 and carry CoreNLP's conventions, while the quality gate is
# gold UNER.
UNER_WEIGHT = 3


def prepare_ner(lay: Layout) -> None:
    """NER data: UNER train (weighted) and 9 of every 10 silver news documents;
    UNER dev and the tenth silver documents for evaluation."""
    ner = lay.data_root / "ner"
    ner.mkdir(parents=True, exist_ok=True)
    uner = {s: [t for _, t in _bio_sentences(lay.data / "ud" / f"uner_en_ewt-{s}.iob2", 1, 2)]
            for s in ("train", "dev")}
    silver_train, silver_held = [], []
    docs: list[str] = []
    for doc, sent in _bio_sentences(lay.data / "polnear" / "train-silver" / "corenlp-ner.bio", 0, 1):
        if not docs or docs[-1] != doc:
            docs.append(str(doc))
        (silver_held if len(docs) % 10 == 0 else silver_train).append(sent)
    _write_ner_json(uner["train"] * UNER_WEIGHT + silver_train, ner / "train.json")
    _write_ner_json(uner["dev"], ner / "uner-dev.json")
    _write_ner_json(silver_held, ner / "silver-heldout.json")
    record(lay, "prepare", ner_train_sentences=len(uner["train"]) * UNER_WEIGHT + len(silver_train),
           ner_uner_weight=UNER_WEIGHT, silver_heldout_sentences=len(silver_held), silver_docs=len(docs))


def retag(lay: Layout) -> None:
    """Give the parser's train and dev files the POS model's tags (heads and labels stay gold).

    Stanza's own ``prepare_depparse_treebank`` does the same unless told
    ``--gold``; it is run with ``--gold`` here because it would look for (and
    download) a tagger of its own, so this step retags with ours, through the
    tagger's predict mode.
    """
    tagger = _start_from(lay, "pos")
    if tagger is None:
        raise SystemExit("retag: no POS model yet; run the pos step first")
    for split in ("train", "dev"):
        cmd = [sys.executable, STANZA_MAIN, "stanza.models.tagger", "--mode", "predict",
               "--save_dir", str(tagger.parent), "--save_name", tagger.name, "--no_pretrain",
               "--lang", "en", "--shorthand", SHORT, "--eval_file", str(lay.prepared("depparse", split)),
               "--output_file", str(lay.prepared("depparse", split, "tagged"))]
        subprocess.run(cmd, env=_stanza_env(lay), check=True, stdout=subprocess.DEVNULL)
    record(lay, "retag", tagger=str(tagger.relative_to(tagger.parents[1])), date=time.strftime("%Y-%m-%d"))


def _retag_stale(lay: Layout) -> bool:
    """Are the parser's tags missing, or older than the POS model that would give them?"""
    tagged, tagger = lay.prepared("depparse", "train", "tagged"), _start_from(lay, "pos")
    return not tagged.exists() or (tagger is not None and tagger.stat().st_mtime > tagged.stat().st_mtime)


# ---------------------------------------------------------------- training


def _device() -> str:
    import torch

    if torch.cuda.is_available():
        return torch.cuda.get_device_name(0)
    return f"CPU ({os.cpu_count()} cores)"


def train(lay: Layout, step: str, budget_min: float, threads: int) -> None:
    trainer = TRAINERS[step]
    saved = lay.saved(step)
    saved.parent.mkdir(parents=True, exist_ok=True)
    resume = trainer.resume(lay) if trainer.resume else []
    args = [*trainer.args(lay), *_settings_args(trainer.settings), *resume,
            "--save_dir", str(saved.parent), "--save_name", saved.name]
    cmd = [sys.executable, STANZA_MAIN, trainer.module, *args]
    log = lay.work / "logs" / f"{step}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    env = {**_stanza_env(lay), "QUOTES_TRAIN_THREADS": str(threads)}
    with log.open("a") as fh:
        fh.write(f"\n=== {time.strftime('%Y-%m-%d %H:%M')} budget {budget_min} min: {' '.join(cmd)}\n")
        fh.flush()
        try:
            proc = subprocess.run(cmd, stdout=fh, stderr=subprocess.STDOUT, env=env,
                                  timeout=budget_min * 60)
            ended = "finished" if proc.returncode == 0 else f"failed ({proc.returncode})"
        except subprocess.TimeoutExpired:
            ended = "budget reached"
    seconds = round(time.monotonic() - start)
    if not saved.exists():
        raise SystemExit(f"{step}: {ended} without a saved model; see {log}")
    run: dict[str, object] = {"date": time.strftime("%Y-%m-%d"), "minutes": round(seconds / 60), "ended": ended,
                              "device": _device()}
    if resume:  # the flags that continued it, without the machine's paths
        run["continued_with"] = " ".join(a for a in resume if not a.startswith(("/", ".")))
    runs = load_state(lay)["steps"].get(step, {}).get("runs", [])
    record(lay, step, ended=ended, seconds=seconds, settings=trainer.settings,
           module=trainer.module, threads=threads, runs=[*runs, run])
    print(f"{step}: {ended} after {seconds} s -> {saved}")


# ---------------------------------------------------------------- packaging and evaluation


def _halve(obj: object) -> object:
    """Store float32 weights as float16; Stanza's load_state_dict casts them back."""
    import torch

    if isinstance(obj, torch.Tensor) and obj.dtype == torch.float32:
        return obj.half()
    if isinstance(obj, dict):
        return {k: _halve(v) for k, v in obj.items()}
    return obj


def package(lay: Layout) -> None:
    import torch

    lay.out.mkdir(parents=True, exist_ok=True)
    for step in TRAINERS:
        src = lay.saved(step)
        if not src.exists():
            print(f"package: {step} not trained yet, skipped")
            continue
        ckpt = torch.load(src, map_location="cpu", weights_only=False)
        ckpt.pop("optimizer", None)  # training state, not needed to annotate
        torch.save(_halve(ckpt), lay.out / MODEL_FILES[step])
    # Stanza wants a resources.json in the pipeline's dir: naming English with no
    # downloadable processors makes it look nothing up (and not warn)
    (lay.out / "resources.json").write_text('{"en": {"lang_name": "English"}}\n')
    record(lay, "package", bytes=sum(p.stat().st_size for p in lay.out.glob("*.pt")))
    shutil.copyfile(lay.state_file, lay.out / "training.json")


def evaluate(lay: Layout) -> None:
    from training import evaluate as ev

    ud = lay.data / "ud"
    scores = ev.ud_scores(lay.out, ud / "en_ewt-ud-dev.conllu")
    scores |= ev.ner_scores(lay.out, lay.data_root / "ner" / "uner-dev.json", "uner_dev")
    scores |= ev.ner_scores(lay.out, lay.data_root / "ner" / "silver-heldout.json", "silver_heldout")
    record(lay, "evaluate", scores=scores, date=time.strftime("%Y-%m-%d"))
    shutil.copyfile(lay.state_file, lay.out / "training.json")
    print(json.dumps(scores, indent=2))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m training.train", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("steps", nargs="*", choices=[[], *STEPS, *ON_REQUEST], default=list(STEPS), metavar="STEP",
                        help=f"steps to run, of: {', '.join(STEPS + ON_REQUEST)} (default: all but {ON_REQUEST[0]})")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--work", type=Path, default=Path(".train"))
    parser.add_argument("--out", type=Path, default=COMPACT_DIR)
    parser.add_argument("--budget", action="append", default=[], metavar="STEP=MIN",
                        help="minutes for a trainer (repeatable)")
    parser.add_argument("--threads", type=int, default=1, help="torch threads per trainer")
    parser.add_argument("--force", action="store_true", help="redo steps whose output exists")
    parser.add_argument("--from-scratch", action="store_true",
                        help="do not continue from the packaged models (POS, parser, NER) when WORK has none")
    opts = parser.parse_args(argv)
    steps = opts.steps or list(STEPS)
    budgets = {k: float(v) for k, v in (b.split("=", 1) for b in opts.budget)}
    lay = Layout(opts.data, opts.work.resolve(), opts.out, warm=not opts.from_scratch)
    for step in steps:
        if step == "prepare":
            if opts.force or not (lay.data_root / "ner" / "train.json").exists():
                prepare(lay)
        elif step == "prepare-ner":
            prepare_ner(lay)
        elif step == "retag":
            if opts.force or _retag_stale(lay):
                retag(lay)
        elif step in TRAINERS:
            ended = load_state(lay)["steps"].get(step, {}).get("ended")
            resumable = ended == "budget reached" and TRAINERS[step].resume is not None
            if opts.force or ended is None or resumable:
                train(lay, step, budgets.get(step, TRAINERS[step].budget_min), opts.threads)
        elif step == "package":
            package(lay)
        elif step == "evaluate":
            evaluate(lay)


if __name__ == "__main__":
    main()
