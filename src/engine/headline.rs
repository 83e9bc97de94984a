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
    if let Some(bare) = bare_heading_below(page, marks, chosen, opening) {
        return Some(bare);
    }
    Some(unsuffixed_heading_below(page, marks, chosen, region.end).unwrap_or(chosen))
}

/// The page's own heading below a title line that carries the site's name
/// after a separator (`Iran Strikes Back - Rolling Stone` above `Everything
/// You Need to Know About the Iranian Strike`): the `<title>` a converter
/// printed first, where the heading the page shows comes a few lines later.
/// The heading is the headline; the title line is then outside the article.
fn unsuffixed_heading_below(
    page: &Page<'_>,
    marks: &[Option<Mark>],
    chosen: usize,
    end: usize,
) -> Option<usize> {
    let text = &page.text[chosen];
    let (stem, site) = site_suffix(text)?;
    let stem_words = word_set(stem);
    let site = site.to_lowercase();
    let lines = (chosen + 1..end)
        .filter(|&n| !page.is_blank(n) && marks[n].is_none())
        .take(UNSUFFIXED_HEADING_REACH);
    for n in lines {
        let line = &page.text[n];
        if (3..=UNSUFFIXED_HEADING_WORDS).contains(&page.features[n].words)
            && is_heading_like(&page.features[n], line)
            && site_suffix(line).is_none()
            && !line.to_lowercase().contains(&site)
            && overlap(&stem_words, &word_set(line)) >= 0.5
        {
            return Some(n);
        }
        // The heading comes before the article's prose.
        if classify(&page.features[n], page.lang.is_some()) == Class::Good {
            return None;
        }
    }
    None
}

/// How many kept lines below a suffixed title line the page's heading may be.
const UNSUFFIXED_HEADING_REACH: usize = 4;
/// The most words that heading has (longer lines there are the lead).
const UNSUFFIXED_HEADING_WORDS: u32 = 20;

/// A title line's text before and after its last ` - `, ` | `, ` – ` or
/// ` — `, when what follows reads as a site's name (1 to 4 capitalised
/// words, or a domain) and what comes before is a heading of 3 words or more.
fn site_suffix(text: &str) -> Option<(&str, &str)> {
    let at = [" - ", " | ", " – ", " — "]
        .iter()
        .filter_map(|sep| text.rfind(sep).map(|i| (i, sep.len())))
        .max_by_key(|&(i, _)| i)?;
    let (stem, site) = (text[..at.0].trim(), text[at.0 + at.1..].trim());
    let words = |s: &str| s.split_whitespace().count();
    // A name: every word capitalised (or a domain's), not a year or a phrase.
    let name_like = site.chars().any(char::is_alphabetic)
        && site
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()) || w.contains('.'));
    ((1..=4).contains(&words(site)) && words(stem) >= 3 && site.len() <= 40 && name_like)
        .then_some((stem, site))
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

#[cfg(test)]
mod tests {
    use super::site_suffix;

    #[test]
    fn a_site_suffix_is_a_short_name_after_a_separator() {
        assert_eq!(
            site_suffix("Iran Strikes U.S. Targets - Rolling Stone"),
            Some(("Iran Strikes U.S. Targets", "Rolling Stone"))
        );
        assert_eq!(
            site_suffix("Bridge Repairs Finish Early | gazette.example"),
            Some(("Bridge Repairs Finish Early", "gazette.example"))
        );
        // A year, a phrase, a subtitle are part of the title.
        assert_eq!(site_suffix("Best Cheap Costumes | 2020"), None);
        assert_eq!(
            site_suffix("Remote Support – AR-Kundenservice der Zukunft?"),
            None
        );
        assert_eq!(
            site_suffix("Bridge Repairs - A Story Of The Whole City"),
            None
        );
        assert_eq!(site_suffix("Repairs - Gazette"), None);
    }
}
