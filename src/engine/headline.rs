//! The headline: a heading-like line just above the article.

use crate::features::Features;
use crate::hints::Hints;
use crate::page::Page;
use crate::rules::Mark;
use crate::score::{classify, Class};
use std::ops::Range;

/// The headline: with a title from the caller, the line near the article
/// that repeats it (or none). Otherwise a heading-like line just before (or
/// at) the start of the article, preferring the one that best matches the
/// URL's words or the page's first line (usually the HTML `<title>`), then
/// one right above the article, then the article's own first line if it is
/// a heading.
pub(crate) fn find_title(
    page: &Page<'_>,
    marks: &[Option<Mark>],
    region: &Range<usize>,
    hints: &Hints<'_>,
) -> Option<usize> {
    if region.is_empty() {
        return None;
    }
    let live = |j: usize| !page.is_blank(j) && marks[j].is_none();
    let opening = (region.start..region.end).find(|&j| live(j))?;
    let from = region.start.saturating_sub(20);
    // The headline opens the article: no article line comes before it (the
    // plain output prints it first, and output keeps input order).
    let to = opening + 1;
    if let Some(title) = hints.title {
        return (!title.is_empty())
            .then(|| repeated_title(page, marks, from..to, title))
            .flatten();
    }
    let candidates: Vec<usize> = (from..to)
        .filter(|&j| marks[j].is_none() && is_heading_like(&page.features[j], &page.text[j]))
        .collect();
    let first = (0..page.len()).find(|&j| !page.is_blank(j))?;
    let title_words = match hints.url_words() {
        Some(words) => word_set(&words),
        None => word_set(&page.text[first]),
    };
    // The candidate that best repeats the page's first line (usually the HTML title).
    let best_match = candidates
        .iter()
        .filter(|&&j| j != first)
        .map(|&j| (j, overlap(&title_words, &word_set(&page.text[j]))))
        .filter(|&(_, o)| o >= 0.5)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(j, _)| j);
    // A heading right above the article, with only blank or removed lines between.
    let above = page.prev_text(opening).filter(|&j| {
        candidates.contains(&j)
            && (j + 1..opening).all(|k| page.is_blank(k) || marks[k].is_some())
            && page.features[j].capital_ratio() >= 0.2
    });
    // An article that opens with a heading opens with its headline.
    let opens_with_heading = Some(opening).filter(|j| {
        candidates.contains(j) && classify(&page.features[*j], page.lang.is_some()) != Class::Good
    });
    // A page that opens with a heading right above the article (a page
    // cleaned before) has its headline first; nothing below repeats it.
    if above == Some(first) {
        return above;
    }
    let chosen = best_match
        .or(above)
        .or(opens_with_heading)
        .or_else(|| candidates.contains(&first).then_some(first))?;
    Some(bare_heading_below(page, marks, chosen, opening).unwrap_or(chosen))
}

/// The heading right below `chosen` when `chosen` holds it whole with more
/// around it: a title line with the site's name or section (`Business |
/// Bridge Repairs: What Comes Next`) above the page's own heading (`Bridge
/// Repairs: What Comes Next`), or the same heading printed twice. The
/// heading itself is the headline; taking the longer line would leave the
/// heading in the body, and cleaning the output again would take it away.
fn bare_heading_below(
    page: &Page<'_>,
    marks: &[Option<Mark>],
    chosen: usize,
    opening: usize,
) -> Option<usize> {
    if chosen >= opening {
        return None;
    }
    let outer = page.text[chosen].to_lowercase();
    // One of the next few lines that no rule removed (a "Continue reading"
    // link or a "Supported by" label may come between).
    (chosen + 1..=opening)
        .filter(|&n| !page.is_blank(n) && marks[n].is_none())
        .take(BARE_HEADING_REACH)
        .find(|&n| {
            page.features[n].words >= 3
                && is_heading_like(&page.features[n], &page.text[n])
                && outer.contains(&page.text[n].to_lowercase())
        })
}

/// How many lines below a title line its bare heading may be.
const BARE_HEADING_REACH: usize = 3;

/// The line among `lines` that repeats the caller's `title`: most of its
/// words are the title's, and it is no longer than the title.
fn repeated_title(
    page: &Page<'_>,
    marks: &[Option<Mark>],
    lines: Range<usize>,
    title: &str,
) -> Option<usize> {
    let title_words = word_set(title);
    lines
        .filter(|&j| !page.is_blank(j) && marks[j].is_none())
        .map(|j| (j, word_set(&page.text[j])))
        .filter(|(_, words)| words.len() <= title_words.len())
        .map(|(j, words)| (j, overlap(&title_words, &words)))
        .filter(|&(_, o)| o >= TITLE_MATCH)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(j, _)| j)
}

/// Share of a line's words that must be the caller's title's.
const TITLE_MATCH: f32 = 0.8;

fn is_heading_like(f: &Features, text: &str) -> bool {
    let ends_like_sentence = text.ends_with('.') && !text.ends_with("...");
    (2..=30).contains(&f.words)
        && f.chars <= 220
        && !ends_like_sentence
        && !f.bullet
        && f.link_density() < 0.5
        && text.chars().next().is_some_and(|c| !c.is_lowercase())
}

fn word_set(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Shared words over the size of the smaller set; 0 unless two or more are shared.
fn overlap(title: &[String], candidate: &[String]) -> f32 {
    let common = candidate
        .iter()
        .filter(|w| title.binary_search(w).is_ok())
        .count();
    if common < 2 {
        return 0.0;
    }
    common as f32 / title.len().min(candidate.len()) as f32
}
