"""Tests of the Python package against the committed fixtures.

Run from the repository: `pytest python/tests` after `pip install "./python[test]"`.
The CLI comparison needs `target/release/deboiler` (or DEBOILER_BIN).
"""

from __future__ import annotations

import doctest
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import deboiler

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SEEDS = ["rolling-stone-iran-strike", "the-week-iran-missiles"]
PRESETS = ["precision", "balanced", "recall"]


def normalise(line: str) -> str:
    return " ".join(line.split())


def labelled(folder: str, name: str) -> tuple[str, list[tuple[str, str]]]:
    text = (FIXTURES / folder / f"{name}.txt").read_text(encoding="utf-8")
    labels = []
    for row in (FIXTURES / folder / f"{name}.labels").read_text(encoding="utf-8").splitlines():
        tag, _, line = row.partition("\t")
        if normalise(line):
            labels.append((tag, normalise(line)))
    return text, labels


@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("name", SEEDS)
def test_seed_labels_hold_through_python(name: str, preset: str) -> None:
    text, labels = labelled("seeds", name)
    cleaned = deboiler.clean(text, preset=preset)
    output = {normalise(line) for line in cleaned.rendered.splitlines()}
    lost = [line for tag, line in labels if tag == "K" and line not in output]
    kept = [line for tag, line in labels if tag == "D" and line in output]
    assert not lost, lost
    if preset != "recall":
        assert not kept, kept


def cli() -> str | None:
    found = os.environ.get("DEBOILER_BIN") or str(ROOT / "target" / "release" / "deboiler")
    return found if Path(found).exists() else shutil.which("deboiler")


FIXTURE_FILES = [FIXTURES / "seeds" / f"{n}.txt" for n in SEEDS] + [
    FIXTURES / "cjk" / "xinhuanet-wuhan.txt"
]


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.stem)
def test_report_is_the_native_report(path: Path) -> None:
    binary = cli()
    if binary is None:
        pytest.skip("no deboiler binary (cargo build --release)")
    native = subprocess.run(
        [binary, "--format", "json", str(path)], capture_output=True, check=True
    ).stdout.decode("utf-8")
    text = path.read_text(encoding="utf-8")
    cleaned = deboiler.clean(text)
    assert cleaned.to_json() == native.strip()
    report = json.loads(native)
    # The Python decisions say the same, with spans as `str` indices.
    decisions = cleaned.decisions
    assert len(decisions) == len(report["decisions"])
    data = text.encode("utf-8")
    for mine, theirs in zip(decisions, report["decisions"]):
        assert (mine.line, mine.kept, mine.code, mine.name, mine.reason) == (
            theirs["line"],
            theirs["kept"],
            theirs["code"],
            theirs["name"],
            theirs["reason"],
        )
        assert mine.family == theirs["family"].strip()
        start, end = theirs["span"]["start"], theirs["span"]["end"]
        assert text[mine.start : mine.end] == data[start:end].decode("utf-8")


def test_clean_many_equals_clean_in_a_loop() -> None:
    pages = [json.loads(line)["text"] for line in (FIXTURES / "regression.jsonl").open()]
    cleaner = deboiler.Cleaner()
    one_by_one = [cleaner.clean(p).rendered for p in pages]
    for threads in (None, 1, 2):
        assert [c.rendered for c in cleaner.clean_many(pages, threads=threads)] == one_by_one
    records = [json.loads(line) for line in (FIXTURES / "regression.jsonl").open()]
    urls = [r.get("url") for r in records]
    titles = [r.get("title") for r in records]
    hinted = [cleaner.clean(r["text"], title=t, url=u).rendered for r, t, u in zip(records, titles, urls)]
    assert [c.rendered for c in cleaner.clean_many(pages, titles=titles, urls=urls)] == hinted
    with pytest.raises(ValueError, match="urls has 1 items for"):
        cleaner.clean_many(pages, urls=["x"])


def test_text_may_be_bytes_and_nothing_else() -> None:
    assert deboiler.clean(b"caf\xc3\xa9 au lait").decisions[0].text == "café au lait"
    # Invalid UTF-8 is replaced, never an error.
    assert "\ufffd" in deboiler.clean(b"caf\xe9 au lait").decisions[0].text
    with pytest.raises(TypeError, match="str or bytes, not NoneType"):
        deboiler.clean(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="not int"):
        deboiler.Cleaner().clean_many(["a", 3])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        deboiler.Cleaner().clean_many(5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least 1"):
        deboiler.Cleaner().clean_many(["a"], threads=0)


def test_empty_and_huge_pages() -> None:
    assert deboiler.clean("").text == ""
    assert deboiler.clean("").decisions == []
    line = "the river rose again and the bridge was closed for the night " * 200_000
    cleaned = deboiler.clean(line)
    assert len(cleaned.decisions) == 1
    many = deboiler.clean("x\n" * 200_000)
    assert len(many.decisions) == 200_000


def test_bad_configs_name_the_field(tmp_path: Path) -> None:
    with pytest.raises(deboiler.ConfigError, match="no-such-family"):
        deboiler.Cleaner(disable=["no-such-family"])
    with pytest.raises(deboiler.ConfigError, match="preset"):
        deboiler.Cleaner(preset="fast")
    with pytest.raises(deboiler.ConfigError, match="unknown option 'presets'"):
        deboiler.Cleaner(presets="recall")
    with pytest.raises(deboiler.ConfigError, match="colour"):
        deboiler.Cleaner({"colour": "blue"})
    with pytest.raises(deboiler.ConfigError, match="regex"):
        deboiler.Cleaner(rules=[{"name": "promo", "regex": "("}])
    with pytest.raises(deboiler.ConfigError, match="cannot read config"):
        deboiler.Cleaner(tmp_path / "missing.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text('preset = "recall"\ndisable = "share"\n')
    with pytest.raises(deboiler.ConfigError, match="disable"):
        deboiler.Cleaner(bad)
    with pytest.raises(TypeError, match="config must be"):
        deboiler.Cleaner(42)  # type: ignore[arg-type]
    assert issubclass(deboiler.ConfigError, ValueError)


def test_config_files_and_keywords_agree(tmp_path: Path) -> None:
    page = "The river rose by two metres overnight and the old bridge was closed before dawn.\nShare on Facebook"
    toml = tmp_path / "c.toml"
    toml.write_text('disable = ["share"]\n')
    as_json = tmp_path / "c.json"
    as_json.write_text('{"disable": ["share"]}')
    results = {
        deboiler.Cleaner(c).clean(page).rendered
        for c in (toml, str(as_json), {"disable": ["share"]})
    }
    results.add(deboiler.Cleaner(disable=["share"]).clean(page).rendered)
    assert len(results) == 1
    assert "SHR002" not in {d.code for d in deboiler.Cleaner(toml).clean(page).decisions}
    # Keywords replace the file's fields.
    both = deboiler.Cleaner(toml, disable=[]).clean(page)
    assert "SHR002" in {d.code for d in both.removed()}


def test_cleaned_api() -> None:
    text, _ = labelled("seeds", "the-week-iran-missiles")
    cleaned = deboiler.clean(text, title="Iran missiles target US troops: what we know so far")
    assert cleaned.title == "Iran missiles target US troops: what we know so far"
    assert cleaned.language == "en"
    removed = cleaned.removed()
    assert removed and all(not d.kept and not d.blank for d in removed)
    assert all(d.reason and d.code for d in removed)
    report = cleaned.to_dict()
    assert report["summary"]["lines_removed"] == len(removed)
    assert removed[0].to_dict()["code"] == removed[0].code
    assert "-" in cleaned.explain() and "|" in cleaned.explain()
    assert [r for r in deboiler.rules() if r["code"] == "SHR002"][0]["family"].strip() == "share"


def test_docstring_examples_run() -> None:
    failures, tried = doctest.testmod(deboiler, optionflags=doctest.ELLIPSIS)
    assert tried > 0 and failures == 0


def test_types_check_under_mypy_strict(tmp_path: Path) -> None:
    mypy = shutil.which("mypy") or str(Path(sys.executable).parent / "mypy")
    if not Path(mypy).exists():
        pytest.skip("mypy is not installed")
    example = Path(__file__).with_name("typed_example.py")
    run = subprocess.run(
        [mypy, "--strict", "--no-incremental", str(example)], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
    # A misuse is caught: the stubs are not `Any`.
    wrong = tmp_path / "wrong.py"
    wrong.write_text("import deboiler\nx: int = deboiler.clean('a').text\n")
    run = subprocess.run(
        [mypy, "--strict", "--no-incremental", str(wrong)], capture_output=True, text=True
    )
    assert run.returncode != 0 and "Incompatible types" in run.stdout, run.stdout


def test_a_cleaner_pickles_as_its_config() -> None:
    import pickle

    cleaner = deboiler.Cleaner({"preset": "recall"}, disable=["share"])
    copy = pickle.loads(pickle.dumps(cleaner))
    page = "The river rose by two metres overnight and the old bridge was closed before dawn.\nShare on Facebook"
    assert copy.clean(page).rendered == cleaner.clean(page).rendered
