//! Quality floor on a committed sample of real pages, so that a change that
//! breaks quality fails without the full evaluation corpus.
//!
//! `tests/fixtures/regression.jsonl`: 55 pages of the dev corpus (14 from the
//! Zyte article-extraction benchmark, MIT; 18 from the web-content-extraction
//! benchmark, Apache-2.0, a numbered list article and a table of figures among
//! them; 23 from trafilatura's evaluation set, Apache-2.0)
//! and 13 of dev_ext (mozilla/readability's test pages, Apache-2.0: a list
//! article, a page with a comment thread, a story with a photo gallery set
//! into it, several languages and converters, Chromium innerText among them), as scraped text with gold text or
//! must-keep/must-drop snippets. The figures
//! come from `deboiler eval`, which scores as the project's scorer does.

use assert_cmd::Command;
use serde_json::Value;

/// Floors a little under today's figures (in brackets), so that noise from
/// small changes passes and a real drop fails: (group, field, figure, floor).
const FLOORS: [(&str, &str, &str, f64); 7] = [
    ("ALL", "gold", "f1", 0.89),                    // 0.929
    ("ALL", "snippets", "f1", 0.92),                // 0.943
    ("source=zyte", "gold", "f1", 0.85),            // 0.923
    ("source=wceb", "gold", "f1", 0.93),            // 0.942
    ("source=wceb", "snippets", "f1", 0.97),        // 0.975
    ("source=trafilatura", "snippets", "f1", 0.86), // 0.906
    ("source=readability", "gold", "f1", 0.89),     // 0.915
];

#[test]
fn regression_set_stays_above_its_quality_floors() {
    let out = Command::cargo_bin("deboiler")
        .expect("binary built")
        .args([
            "eval",
            "../tests/fixtures/regression.jsonl",
            "--format",
            "json",
        ])
        .output()
        .expect("deboiler eval runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    let groups = report["groups"].as_array().expect("groups");
    let mut below = Vec::new();
    for (group, part, figure, floor) in FLOORS {
        let row = groups
            .iter()
            .find(|g| g["group"] == group)
            .unwrap_or_else(|| panic!("no group {group}"));
        let value = row[part][figure]
            .as_f64()
            .unwrap_or_else(|| panic!("{group} has no {part} {figure}"));
        if value < floor {
            below.push(format!("{group} {part} {figure} {value:.3} < {floor}"));
        }
    }
    assert!(below.is_empty(), "below the floor: {below:?}");
}

/// Cleaning the `--jsonl` output again (the body in the text field, the
/// headline in the title field) changes no record of the regression set.
#[test]
fn second_pass_over_the_regression_set_removes_nothing() {
    let out = Command::cargo_bin("deboiler")
        .expect("binary built")
        .args([
            "eval",
            "../tests/fixtures/regression.jsonl",
            "--second-pass",
        ])
        .output()
        .expect("deboiler eval runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.starts_with("Second pass over the --jsonl output: 0 of 68 records change"),
        "{stdout}"
    );
}
