//! Properties that hold for any input: no panic, output lines are input
//! lines in order (or, on a table laid out in columns, cells of them in
//! reading order), spans point at the exact input bytes, the report is JSON;
//! and on real pages, cleaning the output again changes nothing.

use deboiler::{Cleaner, Config};
use proptest::prelude::*;
use std::sync::OnceLock;

fn keep_markup() -> &'static Cleaner {
    static CLEANER: OnceLock<Cleaner> = OnceLock::new();
    CLEANER.get_or_init(|| {
        Cleaner::new(Config {
            keep_markup: true,
            ..Config::default()
        })
        .expect("valid config")
    })
}

fn normalise(line: &str) -> String {
    let visible: String = line
        .chars()
        .filter(|c| {
            c.is_whitespace()
                || !(c.is_control() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'))
        })
        .collect();
    visible.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines built from words that trigger rules and words that make prose.
fn page() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "the",
        "council",
        "said",
        "bridge",
        "Subscribe",
        "newsletter",
        "Share",
        "Home",
        "»",
        "©",
        "2019",
        "cookies",
        "we",
        "use",
        "Created",
        "with",
        "Sketch.",
        "By",
        "Published",
        "Related",
        "says:",
        "[link](https://x.org)",
        "![img](a.png)",
        "-",
        "|",
        "Nov.",
        "19,",
        "und",
        "der",
        "la",
        "de",
        "é",
        "…",
        "...",
        "\u{a0}",
        "\t",
        "Reply",
        "1.",
        "*",
    ]);
    let line = prop::collection::vec(word, 0..30).prop_map(|w| w.join(" "));
    prop::collection::vec(line, 0..60).prop_map(|l| l.join("\n"))
}

/// The byte span of every input line, as the cleaner splits them.
fn line_spans(input: &str) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    let mut start = 0;
    let mut chars = input.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if BREAKS.contains(&c) {
            spans.push(start..i);
            if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                chars.next();
                start = i + 2;
            } else {
                start = i + c.len_utf8();
            }
        }
    }
    if start < input.len() {
        spans.push(start..input.len());
    }
    spans
}

/// Pages with a table laid out in padded columns, as inscriptis prints
/// one: rows of a short cell, a gap, and a longer one, and rule words
/// around it.
fn columns_page() -> impl Strategy<Value = String> {
    let words = || {
        prop::collection::vec(
            prop::sample::select(vec![
                "the", "council", "said", "Share", "Reply", "bridge", "é", "*", "1.",
            ]),
            1..20,
        )
    };
    let row = (words(), 3usize..12, words(), 0usize..8).prop_map(|(left, gap, right, pad)| {
        let left = left.join(" ");
        let right = right.join(" ");
        format!("{left:<30}{}{right}{}", " ".repeat(gap), " ".repeat(pad))
    });
    (page(), prop::collection::vec(row, 0..12), page())
        .prop_map(|(before, rows, after)| format!("{before}\n{}\n{after}", rows.join("\n")))
}

/// What ends a line: `\r\n` is split first, then any of these.
const BREAKS: [char; 6] = ['\n', '\r', '\x0B', '\x0C', '\u{2028}', '\u{2029}'];

fn check(input: &str) -> Result<(), TestCaseError> {
    let cleaned = keep_markup().clean(input);
    let line_spans = line_spans(input);
    let mut spans = Vec::new();
    for d in cleaned.decisions() {
        // Spans are on character boundaries, inside the line they name.
        let line = &line_spans[d.line - 1];
        prop_assert!(d.span.start >= line.start && d.span.end <= line.end);
        prop_assert!(input.is_char_boundary(d.span.start) && input.is_char_boundary(d.span.end));
        let raw = &input[d.span.clone()];
        prop_assert!(!raw.contains(BREAKS));
        prop_assert_eq!(normalise(raw), normalise(cleaned.line_text(&d)));
        spans.push(d.span.clone());
    }
    // No byte is decided twice.
    spans.sort_by_key(|s| (s.start, s.end));
    prop_assert!(spans.windows(2).all(|w| w[0].end <= w[1].start));
    // Every output line is a decided piece, in the decisions' order; that
    // order is the input's unless a table was read by columns.
    let pieces: Vec<String> = cleaned
        .decisions()
        .map(|d| normalise(&input[d.span]))
        .collect();
    let in_order = cleaned
        .decisions()
        .zip(cleaned.decisions().skip(1))
        .all(|(a, b)| a.span.end <= b.span.start);
    let input_lines: Vec<String> = input
        .split("\r\n")
        .flat_map(|l| l.split(BREAKS))
        .map(normalise)
        .collect();
    let (mut at, mut at_piece) = (0, 0);
    for out in cleaned
        .rendered()
        .lines()
        .map(normalise)
        .filter(|l| !l.is_empty())
    {
        let found = pieces[at_piece..].iter().position(|l| *l == out);
        prop_assert!(
            found.is_some(),
            "output line not decided (in order): {out:?}"
        );
        at_piece += found.unwrap_or(0) + 1;
        if in_order {
            let found = input_lines[at..].iter().position(|l| *l == out);
            prop_assert!(
                found.is_some(),
                "output line not in input (in order): {out:?}"
            );
            at += found.unwrap_or(0) + 1;
        }
    }
    let json = serde_json::to_string(&cleaned).expect("serialisable");
    let _: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_unicode_is_cleaned_without_panic(input in any::<String>()) {
        check(&input)?;
        let _ = deboiler::clean(&input).rendered();
    }

    #[test]
    fn pages_of_rule_words_keep_their_invariants(input in page()) {
        check(&input)?;
        // The default config (markup rendered) never panics either.
        let _ = deboiler::clean(&input).rendered();
    }

    #[test]
    fn a_page_is_cleaned_alike_after_any_other(first in page(), second in page()) {
        // Whatever a thread keeps from page to page (the patterns' caches,
        // the lazily built tables), nothing of the first page may show in
        // the second's result.
        let alone = {
            let second = second.clone();
            std::thread::spawn(move || outcome(&second)).join().expect("no panic")
        };
        let _ = deboiler::clean(&first);
        prop_assert_eq!(outcome(&second), alone);
    }

    #[test]
    fn pages_with_tables_in_columns_keep_their_invariants(input in columns_page()) {
        check(&input)?;
        let _ = deboiler::clean(&input).rendered();
    }

    #[test]
    fn arbitrary_bytes_decoded_lossily_are_safe(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let input = String::from_utf8_lossy(&bytes);
        check(&input)?;
    }
}

/// Everything a cleaning decides about `input`.
fn outcome(input: &str) -> (String, Vec<deboiler::Decision>) {
    let cleaned = deboiler::clean(input);
    (cleaned.rendered(), cleaned.decisions().collect())
}

/// Real pages: the committed regression sample and the seeds.
fn fixture_pages() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    let mut pages: Vec<String> = std::fs::read_to_string(format!("{dir}regression.jsonl"))
        .expect("regression sample")
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("JSON")["text"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    for seed in ["the-week-iran-missiles", "rolling-stone-iran-strike"] {
        pages.push(std::fs::read_to_string(format!("{dir}seeds/{seed}.txt")).expect("seed"));
    }
    assert!(pages.len() >= 50);
    pages
}

/// The same invariants on real pages.
#[test]
fn fixture_pages_keep_the_invariants() {
    for page in &fixture_pages() {
        check(page).unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Cleaning the output again removes nothing more: the output is a clean
/// page, and the rules must see it as one.
#[test]
fn cleaning_the_output_again_removes_nothing() {
    for page in &fixture_pages() {
        let once = deboiler::clean(page).rendered();
        let twice = deboiler::clean(&once);
        let lost: Vec<_> = twice
            .removed()
            .filter(|(d, _)| !d.blank)
            .map(|(d, line)| format!("{} {line}", d.code))
            .collect();
        assert!(
            lost.is_empty(),
            "second pass removed {lost:#?}\nfrom:\n{once}"
        );
        assert_eq!(twice.rendered(), once);
    }
}
