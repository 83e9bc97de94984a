//! Reader comments as structure: where a comment section starts.
//!
//! A thread is prose too, and a busy one outweighs a short post above it;
//! once the section's start is known, nothing from there on counts towards
//! the article. The start is a comment header (`57 Comments`, `Leave a
//! Reply`, `Kommentare (5)`: the lines of rules that open comments) that the
//! section's repeating unit follows: more headers, or a short line printed
//! again and again under each comment (`Reply`, `Permalink`, a date). Either
//! way the section comes after some prose, the post it comments on: a count
//! or a tab (`Comments (7)`) above the article starts nothing.

use crate::page::Page;
use crate::rules::Mark;
use crate::score::{classify, Class};

/// Comment headers that make a section on their own…
const MIN_HEADERS: usize = 3;
/// …within this many lines.
const HEADERS_SPAN: usize = 80;
/// How far below a header the repeating unit must show…
const UNIT_REACH: usize = 30;
/// …and how many unit lines it takes.
const MIN_UNIT_LINES: usize = 2;
/// A unit line is short and printed at least this often on the page.
const UNIT_REPEATS: u32 = 3;
const UNIT_MAX_WORDS: u32 = 8;

/// The first line of the page's comment section, if it has one.
pub(crate) fn section_start(page: &Page<'_>, marks: &[Option<Mark>]) -> Option<usize> {
    let is_header = |i: usize| marks[i].as_ref().is_some_and(|m| m.opens_comments);
    let headers: Vec<usize> = (0..page.len()).filter(|&i| is_header(i)).collect();

    // A repeated short line whose first copy is below the header belongs to
    // the section's units, not to the page's menus.
    let unit = |header: usize, i: usize| {
        let f = &page.features[i];
        is_header(i)
            || (page.repeats(i) >= UNIT_REPEATS
                && page.first_seen(i) > header
                && (1..=UNIT_MAX_WORDS).contains(&f.words))
    };
    // Comments follow what they comment on: some prose comes first.
    let lang = page.lang.is_some();
    let first_prose = (0..page.len()).find(|&i| classify(&page.features[i], lang) == Class::Good);
    let clustered = headers
        .windows(MIN_HEADERS)
        .find(|w| w[w.len() - 1] - w[0] <= HEADERS_SPAN && first_prose.is_some_and(|p| p < w[0]))
        .map(|w| w[0]);
    let followed = headers.iter().copied().find(|&h| {
        first_prose.is_some_and(|p| p < h)
            && (h + 1..page.len().min(h + 1 + UNIT_REACH))
                .filter(|&i| unit(h, i))
                .count()
                >= MIN_UNIT_LINES
    });
    clustered.into_iter().chain(followed).min()
}
