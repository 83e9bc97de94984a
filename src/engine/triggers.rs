//! Trigger phrases: every rule's phrases found in one pass of one automaton
//! over each line, and handed to the rules as hits per rule.

use crate::config::ConfigError;
use crate::page::Page;
use crate::rules::{Rule, Trigger};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// Lines of more words than this are searched only for the phrases of the
/// rules that act on long lines (most rules look at short lines only, and
/// long lines hold most of the bytes).
const SHORT_LINE_WORDS: u32 = 40;

/// An automaton over the trigger phrases of some rules.
struct TriggerSet {
    automaton: AhoCorasick,
    /// Pattern id → (rule index, phrase index).
    owner: Vec<(usize, usize)>,
}

impl TriggerSet {
    /// The phrases of the rules that `include` selects; `None` if there are none.
    fn build(
        rules: &[Box<dyn Rule>],
        include: impl Fn(&dyn Rule) -> bool,
    ) -> Result<Option<TriggerSet>, ConfigError> {
        let mut patterns = Vec::new();
        let mut owner = Vec::new();
        for (r, rule) in rules.iter().enumerate() {
            if !include(rule.as_ref()) {
                continue;
            }
            for (p, phrase) in rule.triggers().into_iter().enumerate() {
                patterns.push(phrase);
                owner.push((r, p));
            }
        }
        if patterns.is_empty() {
            return Ok(None);
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| ConfigError::BadRule {
                rule: "phrases".into(),
                message: e.to_string(),
            })?;
        Ok(Some(TriggerSet { automaton, owner }))
    }
}

/// The trigger automata of a cleaner: one for short lines, one for long ones.
pub(crate) struct Triggers {
    /// One automaton over every rule's trigger phrases, for short lines.
    short_lines: Option<TriggerSet>,
    /// The phrases of the rules that act on long lines too.
    long_lines: Option<TriggerSet>,
    /// Each rule's [`Rule::trigger_max_words`].
    max_words: Vec<u32>,
}

impl Triggers {
    pub(crate) fn build(rules: &[Box<dyn Rule>]) -> Result<Triggers, ConfigError> {
        Ok(Triggers {
            max_words: rules.iter().map(|r| r.trigger_max_words()).collect(),
            short_lines: TriggerSet::build(rules, |_| true)?,
            long_lines: TriggerSet::build(rules, |rule| {
                rule.trigger_max_words() > SHORT_LINE_WORDS
            })?,
        })
    }

    /// Every rule's trigger phrases found at word boundaries, per rule, on
    /// lines no longer than the rule's [`Rule::trigger_max_words`].
    pub(crate) fn find(&self, page: &Page<'_>) -> Vec<Vec<Trigger>> {
        let mut hits: Vec<Vec<Trigger>> = vec![Vec::new(); self.max_words.len()];
        let max_words = &self.max_words;
        for (i, text) in page.text.iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            let set = if page.features[i].words <= SHORT_LINE_WORDS {
                &self.short_lines
            } else {
                &self.long_lines
            };
            let Some(set) = set else { continue };
            let words = page.features[i].words;
            // The automaton folds ASCII case only; other capitals
            // (`À lire aussi`, `Ähnliche Artikel`) are folded here, on the
            // short lines where headings and labels are.
            let folded = if words <= SHORT_LINE_WORDS {
                fold_case(text)
            } else {
                None
            };
            let haystack = folded.as_deref().unwrap_or(text);
            for m in set.automaton.find_overlapping_iter(haystack) {
                let (r, p) = set.owner[m.pattern().as_usize()];
                if words <= max_words[r] && at_word_boundaries(haystack, m.start(), m.end()) {
                    hits[r].push(Trigger {
                        line: i,
                        phrase: p,
                        at: m.start()..m.end(),
                    });
                }
            }
        }
        hits
    }
}

/// `text` with its non-ASCII capitals in lower case, when it has any. A
/// character whose lower case is longer or shorter (`İ`) is left as it is,
/// so that every byte offset stays valid for the original text.
fn fold_case(text: &str) -> Option<String> {
    if !may_have_non_ascii_capitals(text.as_bytes())
        || !text.chars().any(|c| !c.is_ascii() && c.is_uppercase())
    {
        return None;
    }
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => folded.push(l),
            _ => folded.push(c),
        }
    }
    Some(folded)
}

/// A cheap test on bytes for the capitals of the phrase lists' languages
/// and their neighbours: Latin-1 capitals (`C3 80`–`C3 9E`) and the lead
/// bytes of the two-byte blocks where capitals and small letters mix
/// (Latin Extended, Greek, Cyrillic, Armenian: `C4`–`D5`). Typographic
/// quotes and dashes (three bytes) do not make a line pass.
fn may_have_non_ascii_capitals(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().any(|(i, &b)| {
        (b == 0xC3 && bytes.get(i + 1).is_some_and(|&n| n <= 0x9E)) || (0xC4..=0xD5).contains(&b)
    })
}

/// Whether a match at `start..end` of `text` is bounded by non-word
/// characters (or the phrase itself starts or ends with punctuation).
fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let word = crate::chars::is_alphanumeric;
    let phrase = &text[start..end];
    let starts_word = phrase.chars().next().is_some_and(word);
    let ends_word = phrase.chars().next_back().is_some_and(word);
    let before_ok = !starts_word || !text[..start].chars().next_back().is_some_and(word);
    let after_ok = !ends_word || !text[end..].chars().next().is_some_and(word);
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_capitals_are_folded_in_place() {
        assert_eq!(fold_case("À lire aussi").as_deref(), Some("à lire aussi"));
        assert_eq!(
            fold_case("ÄHNLICHE Artikel").as_deref(),
            Some("ähnliche artikel")
        );
        assert_eq!(fold_case("plain ASCII"), None);
        let dotted = fold_case("İstanbul Ünlü").unwrap();
        assert_eq!(dotted.len(), "İstanbul Ünlü".len());
    }

    #[test]
    fn boundaries_are_checked_on_word_characters_only() {
        assert!(at_word_boundaries("Share this", 0, 5));
        assert!(!at_word_boundaries("Shared", 0, 5));
        assert!(at_word_boundaries("Foto: dpa", 0, 5));
    }
}
