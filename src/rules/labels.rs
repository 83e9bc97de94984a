//! Whole-line interface labels ("Share", "Skip to content", "Tweet").

use super::PhraseList;
use rustc_hash::FxHashSet;

/// The longest label, in words; longer runs are not looked up.
const MAX_LABEL_WORDS: usize = 8;

/// A set of labels; a line matches when it is made entirely of labels.
#[derive(Debug, Clone)]
pub struct LabelSet {
    labels: FxHashSet<String>,
}

impl LabelSet {
    /// Builds the set from a `.labels` data file.
    pub fn parse(data: &str) -> LabelSet {
        let labels = PhraseList::parse(data)
            .entries()
            .iter()
            .filter_map(|l| LabelKey::new(l))
            .map(|key| key.text)
            .collect();
        LabelSet { labels }
    }

    /// Whether `line` consists only of labels of this set (at least one),
    /// ignoring case, punctuation, counters ("1.2K") and bullets.
    pub fn matches(&self, line: &str) -> bool {
        LabelKey::new(line).is_some_and(|key| self.matches_key(&key))
    }

    /// [`LabelSet::matches`] on a line's prepared [`LabelKey`]. Labels are
    /// matched greedily, longest first, over the line's words.
    pub fn matches_key(&self, key: &LabelKey) -> bool {
        let words = &key.words;
        let mut i = 0;
        'outer: while i < words.len() {
            for len in (1..=MAX_LABEL_WORDS.min(words.len() - i)).rev() {
                let run = &key.text[words[i].0..words[i + len - 1].1];
                if self.labels.contains(run) {
                    i += len;
                    continue 'outer;
                }
            }
            return false;
        }
        true
    }
}

/// A line prepared for label lookups once, for every label set: its words
/// lower-cased and joined by single spaces, counters left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelKey {
    text: String,
    /// Byte range of each word in `text`.
    words: Vec<(usize, usize)>,
}

impl LabelKey {
    /// The key of `line`, or `None` if it has no word or too many to be labels.
    pub fn new(line: &str) -> Option<LabelKey> {
        let mut text = String::with_capacity(line.len());
        let mut words = Vec::new();
        for word in raw_words(line) {
            if is_counter(word) {
                continue;
            }
            if words.len() == 4 * MAX_LABEL_WORDS {
                return None;
            }
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            if word.is_ascii() {
                text.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                for c in word.chars() {
                    if c == '’' {
                        text.push('\'');
                    } else {
                        text.extend(c.to_lowercase());
                    }
                }
            }
            words.push((start, text.len()));
        }
        (!words.is_empty()).then_some(LabelKey { text, words })
    }
}

/// Words of a line; apostrophes and hyphens stay inside words.
fn raw_words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '&')))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
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

    #[test]
    fn lines_made_of_labels_match() {
        let set = LabelSet::parse("share\ntweet\ncopy link\nemail\n");
        assert!(set.matches("Share"));
        assert!(set.matches("* Share 1.2K Tweet | Copy link"));
        assert!(!set.matches("Share your thoughts with the editor"));
        assert!(!set.matches(""));
    }
}
