//! A page analysed once for all rules: lines, rendered text, features,
//! language and repetition.

use crate::features::{measure, Features, StopCounts};
use crate::labels::{label_lists, LabelKey};
use crate::lang::{self, StopWords, LANGUAGES};
use crate::markup::render;
use crate::segment::{split_lines, Line};
use std::borrow::Cow;
use std::collections::HashMap;

/// Lines of more words than this are never made only of interface labels.
const MAX_LABEL_LINE_WORDS: u32 = 12;

/// The analysed page that rules look at.
#[derive(Debug)]
pub struct Page<'a> {
    /// Input lines with spans and normalised text (blank lines included).
    pub lines: Vec<Line<'a>>,
    /// Each line's text with converter markup rendered away (see [`crate::markup`]).
    pub text: Vec<Cow<'a, str>>,
    /// Each line's features, measured on [`Page::text`].
    pub features: Vec<Features>,
    /// Index into [`LANGUAGES`] of the page's language, if it could be told.
    pub lang: Option<usize>,
    /// How often each line's text occurs on the page (0 for blank lines).
    pub repeats: Vec<u32>,
    /// Index of the first line with the same text as this one.
    pub first_seen: Vec<usize>,
    /// The built-in label lists each line is made of (see
    /// [`crate::rules::label_lists`]); 0 for lines too long or too
    /// sentence-like to be interface labels.
    pub label_lists: Vec<u8>,
}

impl<'a> Page<'a> {
    /// Splits, renders and measures `input`.
    pub fn analyse(input: &'a str) -> Page<'a> {
        let lines = split_lines(input);
        let stop = StopWords::get();
        let mut text = Vec::with_capacity(lines.len());
        let mut features = Vec::with_capacity(lines.len());
        let mut stop_counts: Vec<StopCounts> = Vec::with_capacity(lines.len());
        let mut totals = [0u32; LANGUAGES.len()];
        let mut total_words = 0u32;
        for line in &lines {
            let rendered = match &line.text {
                Cow::Borrowed(s) => render(s),
                Cow::Owned(s) => {
                    let r = render(s);
                    crate::markup::Rendered {
                        text: Cow::Owned(r.text.into_owned()),
                        ..r
                    }
                }
            };
            let (mut f, counts) = measure(&rendered.text, stop);
            f.link_chars = rendered.link_chars as u32;
            f.links = rendered.links as u32;
            f.images = rendered.images as u32;
            f.markup_only = rendered.text.is_empty() && !line.text.is_empty();
            // Menus and labels say little about the language; sentences do.
            if f.words >= 6 {
                for (t, c) in totals.iter_mut().zip(counts) {
                    *t = t.saturating_add(u32::from(c));
                }
                total_words = total_words.saturating_add(f.words);
            }
            text.push(rendered.text);
            features.push(f);
            stop_counts.push(counts);
        }
        let lang = lang::guess(&totals, total_words);
        // A page in one language with an interface in another (an English
        // article on a French site) has prose in the second language too.
        let second = lang.and_then(|l| lang::second(&totals, l));
        if let Some(l) = lang {
            for (f, c) in features.iter_mut().zip(&stop_counts) {
                f.stop_words = u32::from(second.map_or(c[l], |s| c[l].max(c[s])));
            }
        }
        let (repeats, first_seen) = count_repeats(&text);
        let mut key = LabelKey::default();
        let label_lists = text
            .iter()
            .zip(&features)
            .map(|(t, f)| {
                let label_like =
                    (1..=MAX_LABEL_LINE_WORDS).contains(&f.words) && !(f.terminal && f.words > 3);
                if label_like {
                    label_lists(t, &mut key)
                } else {
                    0
                }
            })
            .collect();
        Page {
            lines,
            text,
            features,
            lang,
            repeats,
            first_seen,
            label_lists,
        }
    }

    /// Number of lines, blank ones included.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Whether line `i` has no visible text (blank, or markup only).
    pub fn is_blank(&self, i: usize) -> bool {
        self.text[i].is_empty()
    }

    /// The nearest line before `i` with visible text.
    pub fn prev_text(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| !self.is_blank(j))
    }

    /// The nearest line after `i` with visible text.
    pub fn next_text(&self, i: usize) -> Option<usize> {
        (i + 1..self.len()).find(|&j| !self.is_blank(j))
    }

    /// Up to `reach` lines with visible text on each side of line `i`.
    pub fn text_lines_around(&self, i: usize, reach: usize) -> impl Iterator<Item = usize> + '_ {
        let before = (0..i).rev().filter(|&j| !self.is_blank(j)).take(reach);
        let after = (i + 1..self.len())
            .filter(|&j| !self.is_blank(j))
            .take(reach);
        before.chain(after)
    }
}

/// How often each line's text occurs, and where it first occurs. The hash
/// table is seeded per process: page text is written by strangers, and lines
/// crafted to collide under a fixed hash would make a page cost quadratic
/// time.
fn count_repeats(text: &[Cow<'_, str>]) -> (Vec<u32>, Vec<usize>) {
    let mut seen: HashMap<&str, (u32, usize), foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(text.len(), foldhash::fast::RandomState::default());
    for (i, t) in text.iter().enumerate() {
        if !t.is_empty() {
            let entry = seen.entry(t.as_ref()).or_insert((0, i));
            entry.0 = entry.0.saturating_add(1);
        }
    }
    text.iter()
        .enumerate()
        .map(|(i, t)| seen.get(t.as_ref()).copied().unwrap_or((0, i)))
        .unzip()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_and_language_are_found() {
        let page = Page::analyse(
            "Subscribe\nThe cat sat on the mat and it was happy with the world.\nSubscribe\n",
        );
        assert_eq!(page.repeats, [2, 1, 2]);
        assert_eq!(page.first_seen, [0, 1, 0]);
        assert_eq!(page.lang.map(|l| LANGUAGES[l]), Some("en"));
    }

    #[test]
    fn markup_only_lines_have_no_text() {
        let page = Page::analyse("![logo](https://x.org/l.png)\n[Home](https://x.org/)");
        assert!(page.is_blank(0));
        assert!(page.features[0].markup_only);
        assert_eq!(page.text[1], "Home");
        assert_eq!(page.features[1].link_chars, 4);
    }
}
