//! Every line's decision (line number, kept or removed, rule code) on both
//! seeds and every page of the regression set, as reviewed snapshots in
//! `tests/snapshots/`. A change in behaviour shows up as a diff to review
//! (`cargo insta review`); in CI (`INSTA_UPDATE=no`) an unreviewed change
//! fails. The sensitivity test checks that the snapshots can see every
//! family: switching any one off changes them.

use deboiler::{Cleaner, Config, Family};
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// (snapshot name, page text) for both seeds and every regression page.
fn pages() -> Vec<(String, String)> {
    let mut pages = Vec::new();
    for seed in ["rolling-stone-iran-strike", "the-week-iran-missiles"] {
        let text = std::fs::read_to_string(format!("{FIXTURES}/seeds/{seed}.txt")).expect("seed");
        pages.push((format!("seed-{seed}"), text));
    }
    let regression =
        std::fs::read_to_string(format!("{FIXTURES}/regression.jsonl")).expect("regression set");
    for line in regression.lines() {
        let record: Value = serde_json::from_str(line).expect("JSON record");
        let id = record["id"].as_str().expect("id");
        // `zyte/<64 hex digits>` → `zyte-<first 12>`: short, stable file names.
        let (source, rest) = id.split_once('/').expect("source/name id");
        let name: String = rest
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .take(40)
            .collect();
        let name = if source == "zyte" { &name[..12] } else { &name };
        let text = record["text"].as_str().expect("text").to_string();
        pages.push((format!("regression-{source}-{name}"), text));
    }
    pages
}

/// One line per non-blank input line: number, `+` kept or `-` removed, code.
fn decisions(cleaner: &Cleaner, text: &str) -> String {
    cleaner
        .clean(text)
        .decisions()
        .filter(|d| !d.blank)
        .map(|d| {
            format!(
                "{:>5} {} {}\n",
                d.line,
                if d.kept { '+' } else { '-' },
                d.code
            )
        })
        .collect()
}

#[test]
fn decisions_match_the_reviewed_snapshots() {
    let cleaner = Cleaner::new(Config::default()).expect("default config");
    let pages = pages();
    assert_eq!(pages.len(), 70, "both seeds and 68 regression pages");
    for (name, text) in &pages {
        insta::assert_snapshot!(name.as_str(), decisions(&cleaner, text));
    }
}

#[test]
fn switching_off_any_family_changes_the_snapshots() {
    let pages = pages();
    let default = Cleaner::new(Config::default()).expect("default config");
    let before: Vec<String> = pages.iter().map(|(_, t)| decisions(&default, t)).collect();
    let unseen: Vec<Family> = Family::ALL
        .into_iter()
        .filter(|f| !matches!(f, Family::User | Family::Content))
        .filter(|&family| {
            let cleaner = Cleaner::new(Config {
                disable: vec![family.to_string()],
                ..Config::default()
            })
            .expect("valid config");
            pages
                .iter()
                .zip(&before)
                .all(|((_, text), before)| decisions(&cleaner, text) == *before)
        })
        .collect();
    assert!(
        unseen.is_empty(),
        "no snapshot changes when these families are off: {unseen:?}"
    );
}
