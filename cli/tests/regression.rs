//! Quality floor on a committed sample of real pages, so that a change that
//! breaks quality fails without the full evaluation corpus.
//!
//! `tests/fixtures/regression.jsonl`: 50 pages of the dev corpus (14 from the
//! Zyte article-extraction benchmark, MIT; 14 from the web-content-extraction
//! benchmark, Apache-2.0; 22 from trafilatura's evaluation set, Apache-2.0),
//! as scraped text with gold text or must-keep/must-drop snippets. The figures
//! come from `deboiler eval`, which scores as the project's scorer does.

use assert_cmd::Command;

/// The floors sit a little under today's figures (gold F1 0.917, snippet F1
/// 0.942), so that noise from small changes passes and a real drop fails.
const GOLD_F1_FLOOR: f64 = 0.90;
const SNIPPET_F1_FLOOR: f64 = 0.92;

#[test]
fn regression_set_stays_above_its_quality_floor() {
    let out = Command::cargo_bin("deboiler")
        .expect("binary built")
        .args(["eval", "../tests/fixtures/regression.jsonl", "--worst", "0"])
        .output()
        .expect("deboiler eval runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let all = stdout
        .lines()
        .find(|l| l.starts_with("ALL "))
        .expect("ALL row");
    let numbers: Vec<f64> = all
        .split(|c: char| c.is_whitespace() || c == '|')
        .filter_map(|t| t.parse().ok())
        .collect();
    // ALL n | gold F1 P R acc empty | snip sF1 sP sR drop HM
    let (gold_f1, snippet_f1) = (numbers[2], numbers[8]);
    assert!(
        gold_f1 >= GOLD_F1_FLOOR,
        "gold F1 {gold_f1} below {GOLD_F1_FLOOR}\n{stdout}"
    );
    assert!(
        snippet_f1 >= SNIPPET_F1_FLOOR,
        "snippet F1 {snippet_f1} below {SNIPPET_F1_FLOOR}\n{stdout}"
    );
}

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
        stdout.starts_with("Second pass over the output: 0 of 50 pages lose lines"),
        "{stdout}"
    );
}
