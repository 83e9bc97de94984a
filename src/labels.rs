//! Whole-line interface labels ("Share", "Skip to content", "Tweet").

use crate::phrases::PhraseList;
use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

/// The longest label, in words; longer runs are not looked up.
const MAX_LABEL_WORDS: usize = 8;

/// The built-in label lists, each a bit in the masks of [`label_lists`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelList {
    /// Menu entries and skip links (`data/navigation.labels`).
    Navigation,
    /// Share buttons (`data/share.labels`).
    Share,
    /// Icon names of inline SVG (`data/svg.labels`).
    Svg,
    /// Footer and legal links (`data/legal.labels`).
    Legal,
    /// Sign-up buttons (`data/newsletter.labels`).
    Newsletter,
    /// Advertising labels (`data/ads.labels`).
    Ads,
}

impl LabelList {
    const ALL: [LabelList; 6] = [
        LabelList::Navigation,
        LabelList::Share,
        LabelList::Svg,
        LabelList::Legal,
        LabelList::Newsletter,
        LabelList::Ads,
    ];

    /// This list's bit in a mask of [`label_lists`].
    pub fn bit(self) -> u8 {
        1 << self as u8
    }

    fn data(self) -> &'static str {
        match self {
            LabelList::Navigation => include_str!("rules/data/navigation.labels"),
            LabelList::Share => include_str!("rules/data/share.labels"),
            LabelList::Svg => include_str!("rules/data/svg.labels"),
            LabelList::Legal => include_str!("rules/data/legal.labels"),
            LabelList::Newsletter => include_str!("rules/data/newsletter.labels"),
            LabelList::Ads => include_str!("rules/data/ads.labels"),
        }
    }
}

/// Every label of every list in one table (label in key form → bits of the
/// lists that hold it), so that a line is looked up once for all rules.
static INDEX: Lazy<Index> = Lazy::new(|| {
    let mut labels: FxHashMap<String, Entry> = FxHashMap::default();
    let mut key = LabelKey::default();
    for list in LabelList::ALL {
        for label in PhraseList::parse(list.data()).entries() {
            if key.fill(label) {
                labels.entry(key.text.clone()).or_default().lists |= list.bit();
                // Every shorter run of its first words leads on to it.
                for w in &key.words[..key.words.len() - 1] {
                    labels
                        .entry(key.text[..w.1].to_string())
                        .or_default()
                        .longer = true;
                }
            }
        }
    }
    Index { labels }
});

struct Index {
    /// Each label, and each run of a label's first words, in key form. A
    /// line made of labels starts with a label's first word, so most lines
    /// are ruled out by one lookup; a run that leads to no label ends the
    /// search from its first word.
    labels: FxHashMap<String, Entry>,
}

/// What a run of words in key form is in [`Index`].
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    /// The lists that hold it as a label (0 when it only starts labels).
    lists: u8,
    /// Whether a longer label starts with it.
    longer: bool,
}

/// The label lists that `line` is made of entirely (at least one label),
/// as a mask of [`LabelList::bit`]s; 0 when none. Case, punctuation,
/// counters ("1.2K") and bullets are ignored.
pub fn label_lists(line: &str, key: &mut LabelKey) -> u8 {
    let index = &*INDEX;
    let Some(first) = raw_words(line).find(|w| !is_counter(w)) else {
        return 0;
    };
    key.text.clear();
    push_lowercase(&mut key.text, first);
    if !index.labels.contains_key(key.text.as_str()) || !key.fill(line) {
        return 0;
    }
    let index = &index.labels;
    let words = &key.words;
    let n = words.len();
    // reach[i]: the lists whose labels can spell out the first i words.
    let mut reach = [0u8; MAX_KEY_WORDS + 1];
    reach[0] = u8::MAX;
    for i in 0..n {
        if reach[i] == 0 {
            continue;
        }
        for len in 1..=MAX_LABEL_WORDS.min(n - i) {
            let run = &key.text[words[i].0..words[i + len - 1].1];
            let Some(entry) = index.get(run) else { break };
            reach[i + len] |= reach[i] & entry.lists;
            if !entry.longer {
                break;
            }
        }
    }
    reach[n]
}

/// Lines of more words than this (counters aside) are not looked up.
const MAX_KEY_WORDS: usize = 4 * MAX_LABEL_WORDS;

/// A line's words lower-cased and joined by single spaces, counters left
/// out; a buffer to reuse from line to line.
#[derive(Debug, Clone)]
pub struct LabelKey {
    text: String,
    /// Byte range of each word in `text`.
    words: Vec<(usize, usize)>,
}

impl Default for LabelKey {
    fn default() -> Self {
        LabelKey::new()
    }
}

impl LabelKey {
    /// A key with room for a line of labels (a dozen bytes a word, its
    /// space included), so that it is not regrown word by word on each page.
    pub fn new() -> LabelKey {
        LabelKey {
            text: String::with_capacity(MAX_KEY_WORDS * 12),
            words: Vec::with_capacity(MAX_KEY_WORDS),
        }
    }

    /// Fills the key from `line`; false if it has no word or too many to be labels.
    fn fill(&mut self, line: &str) -> bool {
        self.text.clear();
        self.words.clear();
        for word in raw_words(line) {
            if is_counter(word) {
                continue;
            }
            if self.words.len() == MAX_KEY_WORDS {
                return false;
            }
            if !self.text.is_empty() {
                self.text.push(' ');
            }
            let start = self.text.len();
            push_lowercase(&mut self.text, word);
            self.words.push((start, self.text.len()));
        }
        !self.words.is_empty()
    }
}

/// Appends `word` lower-cased, with `’` as `'`.
fn push_lowercase(text: &mut String, word: &str) {
    if word.is_ascii() {
        let start = text.len();
        text.push_str(word);
        text[start..].make_ascii_lowercase();
    } else {
        for c in word.chars() {
            if c == '’' {
                text.push('\'');
            } else {
                crate::chars::for_lowercase(c, |l| text.push(l));
            }
        }
    }
}

/// Words of a line; apostrophes and hyphens stay inside words.
fn raw_words(line: &str) -> RawWords<'_> {
    RawWords { line, at: 0 }
}

/// What [`raw_words`] yields: the runs of word characters (letters, digits,
/// `'`, `’`, `-`, `&`), each trimmed to its first and last letter or digit,
/// the empty ones skipped. ASCII bytes are read one by one, without
/// decoding a character.
struct RawWords<'l> {
    line: &'l str,
    at: usize,
}

/// Whether `c` may be part of a word of [`raw_words`].
fn in_word(c: char) -> bool {
    crate::chars::is_alphanumeric(c) || matches!(c, '\'' | '’' | '-' | '&')
}

impl<'l> RawWords<'l> {
    /// Whether the character at byte `i` may be part of a word, and its length.
    #[inline]
    fn part_at(&self, i: usize) -> (bool, usize) {
        let x = self.line.as_bytes()[i];
        if x.is_ascii() {
            (
                x.is_ascii_alphanumeric() || matches!(x, b'\'' | b'-' | b'&'),
                1,
            )
        } else {
            let c = self.line[i..].chars().next().unwrap_or_default();
            (in_word(c), c.len_utf8())
        }
    }
}

impl<'l> Iterator for RawWords<'l> {
    type Item = &'l str;

    fn next(&mut self) -> Option<&'l str> {
        let len = self.line.len();
        while self.at < len {
            let mut i = self.at;
            while i < len {
                let (part, n) = self.part_at(i);
                if part {
                    break;
                }
                i += n;
            }
            let start = i;
            while i < len {
                let (part, n) = self.part_at(i);
                if !part {
                    break;
                }
                i += n;
            }
            self.at = i;
            let word = &self.line[start..i];
            // Most words open and end with an ASCII letter or digit: nothing
            // to trim.
            let b = word.as_bytes();
            let word = if b.first().is_some_and(u8::is_ascii_alphanumeric)
                && b.last().is_some_and(u8::is_ascii_alphanumeric)
            {
                word
            } else {
                word.trim_matches(|c: char| !crate::chars::is_alphanumeric(c))
            };
            if !word.is_empty() {
                return Some(word);
            }
        }
        None
    }
}

/// Share and comment counters: `12`, `1.2k`, `3m`.
fn is_counter(word: &str) -> bool {
    let digits = word.trim_end_matches(['k', 'm', 'K', 'M']);
    !digits.is_empty()
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The iterator yields what splitting at every other character and
        /// trimming each piece yields.
        #[test]
        fn raw_words_are_the_trimmed_pieces(line in "[a-zA-Z0-9 '’&.,:|Éé·-]{0,40}") {
            let split: Vec<&str> = line
                .split(|c: char| !in_word(c))
                .map(|w| w.trim_matches(|c: char| !crate::chars::is_alphanumeric(c)))
                .filter(|w| !w.is_empty())
                .collect();
            proptest::prop_assert_eq!(raw_words(&line).collect::<Vec<_>>(), split);
        }
    }

    #[test]
    fn a_line_of_share_labels_is_found_and_a_sentence_is_not() {
        let mut key = LabelKey::default();
        let mask = label_lists("* Share 1.2K Tweet | Copy link", &mut key);
        assert!(mask & LabelList::Share.bit() != 0);
        assert_eq!(
            label_lists("Share your thoughts with the editor", &mut key),
            0
        );
    }

    #[test]
    fn lines_made_of_labels_match() {
        let mut key = LabelKey::default();
        let share = LabelList::Share.bit();
        assert!(label_lists("Share", &mut key) & share != 0);
        assert!(label_lists("* Share 1.2K Tweet | Copy link", &mut key) & share != 0);
        assert_eq!(
            label_lists("Share your thoughts with the editor", &mut key),
            0
        );
        assert_eq!(label_lists("", &mut key), 0);
    }

    #[test]
    fn a_line_matches_a_list_only_with_labels_of_that_list() {
        let mut key = LabelKey::default();
        // "Skip to content" is a menu label, "Tweet" a share label: together
        // they are neither a menu nor a share bar.
        assert!(label_lists("Skip to content", &mut key) & LabelList::Navigation.bit() != 0);
        assert_eq!(label_lists("Skip to content Tweet", &mut key), 0);
    }
}
