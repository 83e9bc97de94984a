"""Moves each region-search threshold both ways and prints the gold F1 of
`deboiler eval` on dev.jsonl and dev_ext.jsonl at each value: the figures
behind the README's "Thresholds" table. Rebuilds once per value (a few
minutes in all) and puts the source back afterwards. Names given on the
command line limit the sweep to the thresholds whose names hold one of them.

    python3 scripts/sweep-thresholds.py
    python3 scripts/sweep-thresholds.py lone_part TITLE
"""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT.parent / "shared" / "corpus" / f for f in ("dev.jsonl", "dev_ext.jsonl")]
# (name, file, pattern with one group for the value, values to try; the first is the current one)
KNOBS = [
    ("GOOD_MAX_CHARS", "src/engine/regions.rs", r"const GOOD_MAX_CHARS: u32 = (\d+);", ["800", "400", "1600"]),
    ("NEAR_GOOD_SCORE", "src/engine/regions.rs", r"const NEAR_GOOD_SCORE: f32 = ([\d.]+);", ["0.3", "0.0", "0.6"]),
    ("balanced noise_score", "src/engine/params.rs", r"Preset::Balanced => Params \{\s*noise_score: ([-\d.]+),", ["-1.5", "-1.0", "-0.5"]),
    ("TITLE_CAPITALS", "src/features.rs", r"const TITLE_CAPITALS: f32 = ([\d.]+);", ["0.8", "0.7", "0.9"]),
    ("balanced short_score", "src/engine/params.rs", r"Preset::Balanced => Params \{[^}]*?short_score: ([-\d.]+),", ["-0.3", "-0.1", "-0.5"]),
    ("balanced lone_part_max_lines", "src/engine/params.rs", r"Preset::Balanced => Params \{[^}]*?lone_part_max_lines: (\d+),", ["10", "0", "2", "4"]),
]


def f1(corpus: Path) -> float:
    out = subprocess.run(
        [str(ROOT / "target/release/deboiler"), "eval", str(corpus), "--format", "json", "--worst", "0"],
        capture_output=True, check=True,
    ).stdout
    return json.loads(out)["groups"][0]["gold"]["f1"]


def build() -> None:
    subprocess.run(["cargo", "build", "--release", "--quiet", "-p", "deboiler-cli"], cwd=ROOT, check=True)


def main() -> None:
    if not all(c.exists() for c in CORPORA):
        sys.exit("needs ../shared/corpus/dev.jsonl and dev_ext.jsonl")
    build()
    now = [f1(c) for c in CORPORA]
    print(f"{'threshold':<40} {'value':>6} {'dev F1':>7} {'ext F1':>7}")
    wanted = sys.argv[1:]
    for name, file, pattern, values in KNOBS:
        if wanted and not any(w in name for w in wanted):
            continue
        path = ROOT / file
        original = path.read_text()
        match = re.search(pattern, original, re.S)
        assert match and match.group(1) == values[0], (pattern, match and match.group(1))
        try:
            for value in values:
                if value == values[0]:
                    dev, ext = now
                else:
                    path.write_text(original[: match.start(1)] + value + original[match.end(1) :])
                    build()
                    dev, ext = (f1(c) for c in CORPORA)
                mark = "  (now)" if value == values[0] else ""
                print(f"{name:<40} {value:>6} {dev:7.3f} {ext:7.3f}{mark}", flush=True)
        finally:
            path.write_text(original)
    build()


if __name__ == "__main__":
    main()
