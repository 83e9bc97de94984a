//! The two pages deboiler was specified from: every line labelled `K` must be
//! in the output, no line labelled `D` may be (`?` lines may go either way).
//!
//! Fixtures: `tests/fixtures/seeds/*.txt` (scraped text of a Rolling Stone and
//! a The Week article page, quoted for testing) with their `.labels` files,
//! a Chinese page labelled the same way (`tests/fixtures/cjk/`), and a Thai one
//! (`tests/fixtures/thai/`).

use deboiler::{Cleaner, Config, Preset};
use std::collections::HashSet;

fn normalise(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every preset keeps every `K` line; all but `recall` (which keeps
/// anything that may be article) drop every `D` line.
fn check_seed(name: &str) {
    for preset in Preset::ALL {
        check_labelled("seeds", name, preset);
    }
}

fn check_labelled(folder: &str, name: &str, preset: Preset) {
    let dir = format!("{}/tests/fixtures/{folder}/", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(format!("{dir}{name}.txt")).expect("seed text");
    let labels = std::fs::read_to_string(format!("{dir}{name}.labels")).expect("seed labels");
    let cleaner = Cleaner::new(Config::with_preset(preset)).expect("preset config");
    let cleaned = cleaner.clean(&text);
    let output: HashSet<String> = cleaned.rendered().lines().map(normalise).collect();
    let mut errors = Vec::new();
    for label in labels.lines() {
        let Some((tag, line)) = label.split_once('\t') else {
            continue;
        };
        let line = normalise(line);
        if line.is_empty() {
            continue;
        }
        match tag {
            "K" if !output.contains(&line) => errors.push(format!("lost K line: {line}")),
            "D" if preset != Preset::Recall && output.contains(&line) => {
                errors.push(format!("kept D line: {line}"))
            }
            _ => {}
        }
    }
    assert!(
        errors.is_empty(),
        "{name} ({preset}):\n{}",
        errors.join("\n")
    );
    // Every removed line is explained by a rule code and a reason.
    for (d, _) in cleaned.removed() {
        assert!(!d.code.is_empty() && !d.reason.is_empty(), "{d:?}");
    }
}

#[test]
fn rolling_stone_seed_comes_out_clean() {
    check_seed("rolling-stone-iran-strike");
}

#[test]
fn the_week_seed_comes_out_clean() {
    check_seed("the-week-iran-missiles");
}

/// A Chinese news commentary (Xinhua, from trafilatura's evaluation set):
/// written without spaces, its paragraphs must read as prose, not as short
/// lines before the article.
#[test]
fn a_chinese_article_is_kept_whole() {
    for preset in Preset::ALL {
        check_labelled("cjk", "xinhuanet-wuhan", preset);
    }
}

#[test]
fn a_thai_article_is_kept_whole() {
    for preset in Preset::ALL {
        check_labelled("thai", "bangkok-rain", preset);
    }
}
