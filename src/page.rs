//! A page analysed once for all rules: lines, rendered text, features,
//! language and repetition.

use crate::columns::{for_each_piece, read_order, Piece};
use crate::features::{measure, Features};
use crate::labels::{label_lists, LabelKey};
use crate::lang::{self, StopWords, LANGUAGES};
use crate::line_set::{self, LineSet};
use crate::markup::render;
use crate::score::{classify, Class};
use crate::segment::normalize;
use crate::texts::Texts;
use hashbrown::HashTable;
use std::hash::BuildHasher;

/// Lines of more words than this are never made only of interface labels.
const MAX_LABEL_LINE_WORDS: u32 = 12;

/// The analysed page that rules look at.
///
/// Its state is a few flat arrays indexed by line, so that a page of
/// millions of short lines costs tens of bytes a line, not hundreds.
#[derive(Debug)]
pub struct Page<'a> {
    /// The input text.
    pub input: &'a str,
    /// Each line's text with whitespace normalised and converter markup
    /// rendered away (see [`crate::segment::normalize`], [`crate::markup`]).
    pub text: Texts,
    /// Each line's features, measured on [`Page::text`].
    pub features: Vec<Features>,
    /// Index into [`LANGUAGES`] of the page's language, if it could be told.
    pub lang: Option<usize>,
    /// Per line, how often its text occurs on the page for the first line
    /// with that text (flagged with [`FIRST`]), and the index of that first
    /// line for the others: see [`Page::repeats`], [`Page::first_seen`].
    groups: Vec<u32>,
    /// The built-in label lists each line is made of (see
    /// [`crate::labels::label_lists`]); 0 for lines too long or too
    /// sentence-like to be interface labels.
    pub label_lists: Vec<u8>,
    /// The page's pieces in reading order when a table on it is read
    /// column by column (see [`crate::columns`]); `None` when its lines
    /// are its pieces, as on most pages.
    pub pieces: Option<Vec<Piece>>,
    /// Where each line's first colon is, when it is within
    /// [`COLON_REACH`] bytes of the start; `u8::MAX` otherwise.
    first_colon: Vec<u8>,
    /// Each line's class (see [`crate::score::classify`]), worked out once:
    /// the engine's passes and several rules ask it of the same lines.
    classes: Vec<Class>,
    /// The lines that are not blank in the input (those with visible text
    /// and those of markup alone), one bit each: the lines rules visit
    /// (see [`Page::ruled_lines`]), found without looking at the others.
    ruled: LineSet,
}

/// How far into a line [`Page::colon_within`] can look: label patterns
/// anchored at a line's start need a colon near it, and several rules
/// ask, so each line is looked at once.
const COLON_REACH: usize = 64;

impl<'a> Page<'a> {
    /// Splits, renders and measures `input`.
    // Inlined into the cleaner, its one caller: as a call of its own it took
    // 3% more instructions a pass.
    #[inline(always)]
    pub fn analyse(input: &'a str) -> Page<'a> {
        let pieces = read_order(input);
        let breaks = match &pieces {
            Some(pieces) => pieces.len(),
            None => memchr::memchr_iter(b'\n', input.as_bytes()).count() + 1,
        };
        let stop = StopWords::get();
        let mut text = Texts::with_capacity(breaks, input.len());
        let mut features = Vec::with_capacity(breaks);
        // Stop-word hits per line, kept sparse until the page's language is
        // known: which languages a line has hits for, then those counts.
        let mut hit_langs: Vec<u32> = Vec::with_capacity(breaks);
        // A line has hits in a language or a few, or none: room for one a
        // line spares most of the regrowing. A prose line has hits in a
        // dozen languages, so a count takes a byte; the few of 255 or more
        // (a line of that many stop words) are kept apart, by line.
        let mut hit_counts: Vec<u8> = Vec::with_capacity(breaks);
        let mut large_counts: Vec<(usize, usize, u16)> = Vec::new();
        let mut totals = [0u32; LANGUAGES.len()];
        let mut total_words = 0u32;
        let mut first_colon = Vec::with_capacity(breaks);
        let mut ruled = LineSet::with_capacity(breaks);
        for_each_piece(input, pieces.as_deref(), &mut |span| {
            let normalised = normalize(&input[span.clone()]);
            if normalised.is_empty() {
                // A blank line (a third of a converter's lines): nothing to
                // render or measure.
                hit_langs.push(0);
                first_colon.push(u8::MAX);
                text.push("");
                features.push(Features::default());
                return;
            }
            ruled.insert(features.len());
            let rendered = render(&normalised);
            let (mut f, hits) = measure(&rendered.text, stop);
            f.link_chars = rendered.link_chars as u32;
            f.set_markup(
                rendered.links > 0,
                rendered.images > 0,
                rendered.text.is_empty() && !normalised.is_empty(),
            );
            // Which languages the line has hits for: most lines have few.
            let mask = hits.langs;
            let mut bits = mask;
            while bits != 0 {
                let l = bits.trailing_zeros() as usize;
                hit_counts.push(u8::try_from(hits.counts[l]).unwrap_or(u8::MAX));
                // Menus and labels say little about the language; sentences do.
                if f.words >= 6 {
                    totals[l] = totals[l].saturating_add(u32::from(hits.counts[l]));
                }
                bits &= bits - 1;
            }
            if f.words >= 6 {
                total_words = total_words.saturating_add(f.words);
            }
            // A count is at most the line's words: only a line of 255 words
            // or more can have one too large for its byte.
            if f.words >= u32::from(u8::MAX) {
                keep_large(&mut large_counts, features.len(), &hits.counts);
            }
            hit_langs.push(mask);
            let head = &rendered.text.as_bytes()[..rendered.text.len().min(COLON_REACH)];
            first_colon.push(memchr::memchr(b':', head).map_or(u8::MAX, |at| at as u8));
            text.push(&rendered.text);
            features.push(f);
        });
        let lang = lang::guess(&totals, total_words);
        // A page in one language with an interface in another (an English
        // article on a French site) has prose in the second language too.
        let second = lang.and_then(|l| lang::second(&totals, l));
        if let Some(l) = lang {
            let mut next = 0;
            for (i, (f, &mask)) in features.iter_mut().zip(&hit_langs).enumerate() {
                // Only a line of 255 words or more can have a count past a byte.
                let long = f.words >= u32::from(u8::MAX);
                let count = |lang: usize| {
                    let bit = 1u32 << lang;
                    if mask & bit == 0 {
                        return 0;
                    }
                    match hit_counts[next + (mask & (bit - 1)).count_ones() as usize] {
                        u8::MAX if long => large_count(&large_counts, i, lang),
                        c => u16::from(c),
                    }
                };
                f.stop_words = u32::from(second.map_or(count(l), |s| count(l).max(count(s))));
                next += mask.count_ones() as usize;
            }
        }
        drop((hit_langs, hit_counts, large_counts));
        let classes = features
            .iter()
            .map(|f| classify(f, lang.is_some()))
            .collect();
        let groups = count_repeats(&text);
        let mut key = LabelKey::new();
        let label_lists = text
            .iter()
            .zip(&features)
            .map(|(t, f)| {
                let label_like =
                    (1..=MAX_LABEL_LINE_WORDS).contains(&f.words) && !(f.terminal() && f.words > 3);
                if label_like {
                    label_lists(t, &mut key)
                } else {
                    0
                }
            })
            .collect();
        Page {
            input,
            text,
            features,
            lang,
            groups,
            label_lists,
            pieces,
            first_colon,
            classes,
            ruled,
        }
    }

    /// The lines that are not blank in the input, in order: those with
    /// visible text and those of markup alone.
    #[inline]
    pub fn ruled_lines(&self) -> line_set::Lines<'_> {
        self.ruled.iter()
    }

    /// The lines' text and word counts, and the pieces if the page has
    /// them; the rest of the page's state is freed.
    pub fn into_text(self) -> (Texts, Vec<u32>, Option<Vec<Piece>>) {
        let words = self.features.iter().map(|f| f.words).collect();
        (self.text, words, self.pieces)
    }

    /// Number of lines, blank ones included.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.features.len()
    }

    /// How often line `i`'s text occurs on the page (0 for a line without
    /// visible text).
    pub fn repeats(&self, i: usize) -> u32 {
        let g = self.groups[i];
        if g & FIRST != 0 {
            g & !FIRST
        } else {
            self.groups[g as usize] & !FIRST
        }
    }

    /// Index of the first line with the same text as line `i`.
    pub fn first_seen(&self, i: usize) -> usize {
        let g = self.groups[i];
        if g & FIRST != 0 {
            i
        } else {
            g as usize
        }
    }

    /// 1-based number of the input line that line `i` is (or is a piece
    /// of).
    pub fn number(&self, i: usize) -> usize {
        match &self.pieces {
            Some(pieces) => pieces[i].line as usize + 1,
            None => i + 1,
        }
    }

    /// Whether line `i` has a colon within its first `reach` bytes (looked
    /// up within [`COLON_REACH`], searched for beyond it).
    #[inline]
    pub fn colon_within(&self, i: usize, reach: usize) -> bool {
        if reach > COLON_REACH {
            let text = self.text[i].as_bytes();
            return memchr::memchr(b':', &text[..text.len().min(reach)]).is_some();
        }
        usize::from(self.first_colon[i]) < reach
    }

    /// Line `i`'s class: `classify` of its features in the page's language.
    #[inline]
    pub fn class(&self, i: usize) -> Class {
        self.classes[i]
    }

    /// Whether line `i` has no visible text (blank, or markup only).
    #[inline]
    pub fn is_blank(&self, i: usize) -> bool {
        // A line's text has a character if it has a byte: its features say
        // so without the text's bounds.
        debug_assert_eq!(self.features[i].chars == 0, self.text.is_empty_at(i));
        self.features[i].chars == 0
    }

    /// Whether input line `i` holds nothing but whitespace (a line of
    /// markup only is not blank here, though it has no visible text).
    pub fn is_blank_input(&self, i: usize) -> bool {
        self.is_blank(i) && !self.features[i].markup_only()
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

/// The stop-word count of line `line` in language `lang` that was too
/// large for a byte, from the few kept apart (`(line, lang, count)`, in
/// order).
#[cold]
#[inline(never)]
fn large_count(large: &[(usize, usize, u16)], line: usize, lang: usize) -> u16 {
    large
        .binary_search_by_key(&(line, lang), |&(i, l, _)| (i, l))
        .map_or(u16::from(u8::MAX), |at| large[at].2)
}

/// Keeps line `line`'s stop-word counts too large for a byte (see
/// [`large_count`]).
#[cold]
#[inline(never)]
fn keep_large(large: &mut Vec<(usize, usize, u16)>, line: usize, counts: &[u16]) {
    for (lang, &count) in counts.iter().enumerate() {
        if count >= u16::from(u8::MAX) {
            large.push((line, lang, count));
        }
    }
}

/// Marks an entry of [`Page::groups`] that holds a count.
const FIRST: u32 = 1 << 31;

/// [`Page::groups`] for the page's lines. The hash table is seeded per
/// process: page text is written by strangers, and lines crafted to collide
/// under a fixed hash would make a page cost quadratic time. It holds each
/// distinct line's index, 4 bytes and a control byte a slot, and is sized
/// once for every line being new: a table of the lines themselves (24 bytes
/// and a control byte a slot), grown as lines came, had held up to 57 bytes
/// a line of a page of distinct lines, and half as much again while it grew.
fn count_repeats(text: &Texts) -> Vec<u32> {
    let state = foldhash::fast::RandomState::default();
    let hash = |t: &str| state.hash_one(t);
    let lines = text.iter().filter(|t| !t.is_empty()).count();
    let mut seen: HashTable<u32> = HashTable::with_capacity(lines);
    let mut groups: Vec<u32> = Vec::with_capacity(text.len());
    for (i, t) in text.iter().enumerate() {
        // Past 2^31 lines a line counts as new: its index would not fit.
        let index = u32::try_from(i).ok().filter(|&i| i < FIRST);
        match index {
            Some(index) if !t.is_empty() => {
                let first = *seen
                    .entry(
                        hash(t),
                        |&j| &text[j as usize] == t,
                        |&j| hash(&text[j as usize]),
                    )
                    .or_insert(index)
                    .get();
                if first == index {
                    groups.push(FIRST | 1);
                } else {
                    let count = &mut groups[first as usize];
                    *count = FIRST | (*count & !FIRST).saturating_add(1).min(FIRST - 1);
                    groups.push(first);
                }
            }
            _ => groups.push(FIRST | u32::from(!t.is_empty())),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_and_language_are_found() {
        let page = Page::analyse(
            "Subscribe\nThe cat sat on the mat and it was happy with the world.\nSubscribe\n",
        );
        let repeats: Vec<_> = (0..3).map(|i| page.repeats(i)).collect();
        let first_seen: Vec<_> = (0..3).map(|i| page.first_seen(i)).collect();
        assert_eq!(repeats, [2, 1, 2]);
        assert_eq!(first_seen, [0, 1, 0]);
        assert_eq!(page.lang.map(|l| LANGUAGES[l]), Some("en"));
    }

    #[test]
    fn stop_words_past_a_byte_are_counted_in_full() {
        // 300 English stop words on one line, and a short line after it.
        let text = format!("{}\nthe end of it all here", "the of and ".repeat(100));
        let page = Page::analyse(&text);
        assert_eq!(page.lang.map(|l| LANGUAGES[l]), Some("en"));
        assert_eq!(page.features[0].words, 300);
        assert_eq!(page.features[0].stop_words, 300);
        assert!(page.features[1].stop_words >= 3);
    }

    #[test]
    fn markup_only_lines_have_no_text() {
        let page = Page::analyse("![logo](https://x.org/l.png)\n[Home](https://x.org/)");
        assert!(page.is_blank(0));
        assert!(page.features[0].markup_only());
        assert_eq!(&page.text[1], "Home");
        assert_eq!(page.features[1].link_chars, 4);
    }

    proptest::proptest! {
        /// The lines rules visit are those with text and those of markup
        /// alone, blank lines of any whitespace left out.
        #[test]
        fn ruled_lines_are_the_lines_not_blank_in_the_input(
            lines in proptest::collection::vec(
                proptest::sample::select(vec!["", " ", "\u{a0}\t", "Text here", "![x](https://x.org/x.png)", "[Home](/)", "- a"]),
                0..150,
            )
        ) {
            let input = lines.join("\n");
            let page = Page::analyse(&input);
            let expected: Vec<usize> = (0..page.len())
                .filter(|&i| !page.text[i].is_empty() || page.features[i].markup_only())
                .collect();
            proptest::prop_assert_eq!(page.ruled_lines().collect::<Vec<_>>(), expected);
        }
    }
}
