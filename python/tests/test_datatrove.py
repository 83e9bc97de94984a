"""The datatrove step in a real local pipeline: JsonlReader, Deboiler, JsonlWriter."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import deboiler

datatrove = pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.formatters.base import BaseFormatter  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from deboiler.datatrove import Deboiler  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"


def test_a_local_pipeline_cleans_every_document(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    records = [json.loads(line) for line in (FIXTURES / "regression.jsonl").open()][:12]
    with (source / "pages.jsonl").open("w") as f:
        for r in records:
            f.write(json.dumps({"id": r["id"], "text": r["text"]}) + "\n")
    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(source)),
            Deboiler(preset="balanced"),
            JsonlWriter(str(out)),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    written = [
        json.loads(line)
        for path in sorted(out.glob("*.jsonl.gz"))
        for line in gzip.open(path, "rt", encoding="utf-8")
    ]
    assert [w["id"] for w in written] == [r["id"] for r in records]
    cleaner = deboiler.Cleaner(preset="balanced")
    for w, r in zip(written, records):
        expected = cleaner.clean(r["text"])
        assert w["text"] == expected.text
        meta = w["metadata"]["deboiler"]
        assert meta["lines_removed"] == expected.summary["lines_removed"]
        if expected.title:
            assert w["metadata"]["title"] == expected.title
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    step = next(s for s in stats if "deboiler" in s["name"])
    removed = sum(cleaner.clean(r["text"]).summary["lines_removed"] for r in records)
    assert step["stats"]["lines_removed"]["total"] == removed


def test_the_step_is_a_datatrove_formatter() -> None:
    step = Deboiler(disable=["share"])
    assert isinstance(step, BaseFormatter)
    assert step.format("Share on Facebook\nThe river rose by two metres overnight and the old bridge was closed before dawn.").startswith("The river")
    with pytest.raises(deboiler.ConfigError):
        Deboiler(preset="fast")
