//! Helpers for rule tests: run one rule over a small page.

use super::*;
use crate::{Cleaner, Config};

/// Cleans `page` with the default config and reports, per line text,
/// which rule code removed it (if any).
pub fn removed_by(page: &str) -> Vec<(String, Option<&'static str>)> {
    let cleaner = Cleaner::new(Config::default()).expect("default config");
    let cleaned = cleaner.clean(page);
    cleaned
        .decisions()
        .filter(|d| !d.blank)
        .map(|d| {
            let code = if d.kept {
                None
            } else {
                Some(code_static(&d.code))
            };
            (page[d.span.clone()].trim().to_string(), code)
        })
        .collect()
}

/// The lines of `page` that the default config keeps, in order.
pub fn kept(page: &str) -> Vec<String> {
    removed_by(page)
        .into_iter()
        .filter(|(_, code)| code.is_none())
        .map(|(line, _)| line)
        .collect()
}

/// Fails unless some line of `lines` starts with `prefix`.
#[track_caller]
pub fn assert_has_line(lines: &[String], prefix: &str) {
    assert!(
        lines.iter().any(|l| l.starts_with(prefix)),
        "no line starting {prefix:?} in {lines:?}"
    );
}

/// Fails if some line of `lines` starts with `prefix`.
#[track_caller]
pub fn assert_no_line(lines: &[String], prefix: &str) {
    assert!(
        !lines.iter().any(|l| l.starts_with(prefix)),
        "a line starting {prefix:?} in {lines:?}"
    );
}

fn code_static(code: &str) -> &'static str {
    registry()
        .iter()
        .map(|r| r.info().code.clone())
        .find(|c| c == code)
        .and_then(|c| match c {
            Cow::Borrowed(c) => Some(c),
            Cow::Owned(_) => None,
        })
        .unwrap_or("?")
}

/// The code of the rule that removed `line` when it stands in `page`,
/// `None` if it was kept.
pub fn verdict(page: &str, line: &str) -> Option<&'static str> {
    removed_by(page)
        .into_iter()
        .find(|(text, _)| text == line)
        .unwrap_or_else(|| panic!("line {line:?} not in page"))
        .1
}

/// A page of plain article prose to embed test lines in, so the region
/// finder has an article to find.
pub const PROSE: &str = "The council met on Tuesday evening to discuss the budget for the coming year, and the debate went on for several hours.\n\
Members argued about the cost of repairing the old bridge, which has been closed to traffic since the floods in the spring.\n\
In the end they agreed to ask the regional government for help, although nobody was sure that the money would arrive in time.\n\
The mayor said that she was disappointed by the delay but that the town would find a way to reopen the crossing before winter.\n";

/// [`PROSE`] with `line` in the middle of it, where the article is.
pub fn embed(line: &str) -> String {
    let mut parts: Vec<&str> = PROSE.lines().collect();
    parts.insert(2, line);
    parts.join("\n")
}

/// The code of the rule that removes `line` when it stands inside an article.
pub fn verdict_in_article(line: &str) -> Option<&'static str> {
    verdict(&embed(line), line)
}

#[test]
fn rules_visit_every_line_but_the_blank_ones() {
    let page = crate::page::Page::analyse("One line\n\n   \n[![logo](a.png)](b)\nTwo");
    let cx = Context {
        page: &page,
        triggers: &[],
        state: None,
    };
    let seen: Vec<usize> = cx.lines().map(|(i, ..)| i).collect();
    assert_eq!(seen, [0, 3, 4]);
}
