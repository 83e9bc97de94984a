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
            .map(|l| words(l).join(" "))
            .collect();
        LabelSet { labels }
    }

    /// Whether `line` consists only of labels of this set (at least one),
    /// ignoring case, punctuation, counters ("1.2K") and bullets. Labels are
    /// matched greedily, longest first, over the line's words.
    pub fn matches(&self, line: &str) -> bool {
        let words = words(line);
        let words: Vec<&str> = words
            .iter()
            .map(String::as_str)
            .filter(|w| !is_counter(w))
            .collect();
        if words.is_empty() || words.len() > 4 * MAX_LABEL_WORDS {
            return false;
        }
        let mut i = 0;
        'outer: while i < words.len() {
            for len in (1..=MAX_LABEL_WORDS.min(words.len() - i)).rev() {
                if self.labels.contains(&words[i..i + len].join(" ")) {
                    i += len;
                    continue 'outer;
                }
            }
            return false;
        }
        true
    }
}

/// Lower-cased words of a line; apostrophes and hyphens stay inside words.
fn words(line: &str) -> Vec<String> {
    line.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '&')))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('’', "'").to_lowercase())
        .collect()
}

/// Share and comment counters: `12`, `1.2k`, `3m`.
fn is_counter(word: &str) -> bool {
    let digits = word.trim_end_matches(['k', 'm']);
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
