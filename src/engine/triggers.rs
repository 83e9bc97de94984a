//! Trigger phrases: every rule's phrases found in one pass of one automaton
//! over each line, and handed to the rules as hits per rule.
//!
//! Long lines are searched with the same automaton as short ones and their
//! hits for rules that act on short lines only are dropped: with the
//! alphabet below the automaton is compact enough that a second, smaller
//! one for long lines searched no faster, and it cost a third of the
//! start-up.

use super::alphabet::Alphabet;
use super::flat_dfa::FlatDfa;
use super::overlapping;
use super::trigger_limits;
use crate::byte_pairs::or_pairs;
use crate::chars;
use crate::config::ConfigError;
use crate::page::Page;
use crate::rules::{Rule, Trigger};
use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};
use std::cmp::Reverse;

/// Lines of more words than this keep their capitals beyond ASCII unfolded
/// for the search (see [`Line::prepare`]): only the few rules that act on
/// long lines look at their hits, and long lines hold most of the bytes.
const SHORT_LINE_WORDS: u32 = 40;

/// Phrases are searched by their first this many bytes, and the rest of a
/// phrase is compared where its opening is found: the automaton over the
/// openings has 4,290 states for the built-in lists against 7,550 for whole
/// phrases, and is built in 42% less time (a cleaner's start-up is mostly
/// this build); an opening this long is rarely found without the rest of
/// its phrase, so the search costs no more (with 8 bytes, a third of the
/// states, it cost 0.1 to 0.4% more instructions a page).
const OPENING_BYTES: usize = 12;

/// Room for this many hits (64 KB) may stay unused in a rule's list of
/// hits; more is given back.
const SPARE_HITS: usize = 4096;

/// An automaton over the openings of the trigger phrases of some rules.
struct TriggerSet {
    /// Built by `aho-corasick`, searched as a flat table.
    automaton: FlatDfa,
    /// The phrases, in the order of their openings' pattern ids (phrases
    /// that open alike share the automaton's states, not its patterns).
    phrases: Vec<Phrase>,
    /// Byte → its code in the automaton's alphabet (see [`Alphabet`]).
    alphabet: Alphabet,
}

/// A trigger phrase: its rule, its index among the rule's phrases, and its
/// bytes in the automaton's alphabet.
struct Phrase {
    rule: usize,
    index: usize,
    coded: Box<[u8]>,
}

impl TriggerSet {
    /// The phrases of `rules`; `None` if there are none.
    fn build(rules: &[Box<dyn Rule>]) -> Result<Option<TriggerSet>, ConfigError> {
        let mut patterns = Vec::new();
        let mut owner = Vec::new();
        for (r, rule) in rules.iter().enumerate() {
            let phrases = rule.triggers();
            trigger_limits::check(rule.as_ref(), &phrases)?;
            for (p, phrase) in phrases.into_iter().enumerate() {
                patterns.push(phrase);
                owner.push((r, p));
            }
        }
        if patterns.is_empty() {
            return Ok(None);
        }
        TriggerSet::of(&patterns, &owner).map(Some)
    }

    /// The automaton over `patterns`, the phrase of `owner`'s (rule,
    /// index) at the same position.
    fn of(patterns: &[String], owner: &[(usize, usize)]) -> Result<TriggerSet, ConfigError> {
        let alphabet = Alphabet::of(patterns);
        let bad = |message: String| ConfigError::BadRule {
            rule: "phrases".into(),
            message,
        };
        let coded = alphabet.encode_all(patterns);
        // A list too large for the table's 16-bit states is searched by
        // shorter openings: with openings of one byte, there are at most
        // as many states as codes, and the rest is compared as before.
        let mut opening = OPENING_BYTES;
        let automaton = loop {
            let openings = coded
                .iter()
                .map(|phrase| &phrase[..phrase.len().min(opening)]);
            let dfa = DFA::builder()
                .match_kind(MatchKind::Standard)
                .build(openings)
                .map_err(|e| bad(e.to_string()))?;
            let start = dfa
                .start_state(Anchored::No)
                .map_err(|e| bad(e.to_string()))?;
            match FlatDfa::of(&dfa, start, &alphabet.0) {
                Some(flat) => break flat,
                None if opening > 1 => opening /= 2,
                None => return Err(bad("too many phrase states".into())),
            }
        };
        let phrases = owner
            .iter()
            .zip(coded)
            .map(|(&(rule, index), coded)| Phrase {
                rule,
                index,
                coded: coded.into_boxed_slice(),
            })
            .collect();
        Ok(TriggerSet {
            automaton,
            phrases,
            alphabet,
        })
    }

    /// The phrases found whole in `haystack` where `found` has their
    /// openings, as (end, length, phrase), in the order a search for the
    /// whole phrases reports them: by end, the longer first, then by phrase.
    fn whole_phrases(
        &self,
        haystack: &[u8],
        found: &[overlapping::Found],
        whole: &mut Vec<(usize, Reverse<usize>, u32)>,
    ) {
        whole.clear();
        let codes = &self.alphabet.0;
        for (pattern, at) in found {
            let f = pattern.as_usize();
            let coded = &self.phrases[f].coded;
            let end = at.start + coded.len();
            let rest = &coded[at.len()..];
            let is_whole = haystack.get(at.end..end).is_some_and(|bytes| {
                bytes
                    .iter()
                    .zip(rest)
                    .all(|(&b, &c)| codes[usize::from(b)] == c)
            });
            if is_whole {
                // Kept in order as it goes: a line has a few at most, and a
                // sort would add a sizeable routine to the WebAssembly.
                let found = (end, Reverse(coded.len()), f as u32);
                let mut at = whole.len();
                whole.push(found);
                while at > 0 && whole[at - 1] > found {
                    whole.swap(at - 1, at);
                    at -= 1;
                }
            }
        }
    }
}

/// The trigger automaton of a cleaner.
pub(crate) struct Triggers {
    /// One automaton over every rule's trigger phrases; `None` when no rule
    /// has any.
    set: Option<TriggerSet>,
    /// Each rule's [`Rule::trigger_max_words`].
    max_words: Vec<u32>,
}

impl Triggers {
    pub(crate) fn build(rules: &[Box<dyn Rule>]) -> Result<Triggers, ConfigError> {
        Ok(Triggers {
            max_words: rules.iter().map(|r| r.trigger_max_words()).collect(),
            set: TriggerSet::build(rules)?,
        })
    }

    /// Every rule's trigger phrases found at word boundaries, per rule, on
    /// lines no longer than the rule's [`Rule::trigger_max_words`].
    pub(crate) fn find(&self, page: &Page<'_>) -> Vec<Vec<Trigger>> {
        let mut hits: Vec<Vec<Trigger>> = vec![Vec::new(); self.max_words.len()];
        // The lines to search, two at a time (see [`overlapping`]): a lane whose
        // line ends takes the next, so no bytes are searched alone.
        let mut lines = page
            .ruled_lines()
            .filter_map(|i| self.set_for(page, i).map(|set| (i, set)));
        let (mut a, mut b) = (Slot::default(), Slot::default());
        let mut whole = Vec::new();
        a.load(page, lines.next());
        b.load(page, lines.next());
        while let (Some(held_a), Some(held_b)) = (a.held, b.held) {
            let (la, lb) = (lane(page, held_a, &a.text), lane(page, held_b, &b.text));
            let n = a.progress.left(&la).min(b.progress.left(&lb));
            overlapping::search_pair(
                (&la, &mut a.progress, &mut a.found),
                (&lb, &mut b.progress, &mut b.found),
                n,
            );
            if a.progress.left(&la) == 0 {
                self.record(page, &a, &mut whole, &mut hits);
                a.load(page, lines.next());
            }
            if b.progress.left(&lb) == 0 {
                self.record(page, &b, &mut whole, &mut hits);
                b.load(page, lines.next());
            }
        }
        for slot in [&mut a, &mut b] {
            if let Some(held) = slot.held {
                let lane = lane(page, held, &slot.text);
                overlapping::search_rest(&lane, &mut slot.progress, &mut slot.found);
                self.record(page, slot, &mut whole, &mut hits);
            }
        }
        // The lanes finish their lines out of order. A line's hits for a rule
        // are recorded by where they end, the longest first, then by phrase:
        // sorted on all four in place, without the copy a stable sort takes.
        for rule_hits in &mut hits {
            rule_hits.sort_unstable_by_key(|t| (t.line(), t.at().end, t.at().start, t.phrase()));
            // A page with a hit on most lines can leave a list half empty
            // after its last doubling, and the lists outlive the search.
            if rule_hits.capacity() - rule_hits.len() > SPARE_HITS {
                rule_hits.shrink_to_fit();
            }
        }
        hits
    }

    /// The automaton line `i` is searched with: none for a line without
    /// visible text.
    fn set_for(&self, page: &Page<'_>, i: usize) -> Option<&TriggerSet> {
        if page.text.is_empty_at(i) {
            return None;
        }
        self.set.as_ref()
    }

    /// The hits of a slot's line among its matches, each kept for its rule
    /// when the line is short enough for the rule and the phrase stands at
    /// word boundaries. `whole` is a buffer for the phrases found whole.
    fn record(
        &self,
        page: &Page<'_>,
        slot: &Slot<'_>,
        whole: &mut Vec<(usize, Reverse<usize>, u32)>,
        hits: &mut [Vec<Trigger>],
    ) {
        let Some((i, set)) = slot.held else {
            return;
        };
        if slot.found.is_empty() {
            return;
        }
        let words = page.features[i].words;
        let haystack = slot.text.haystack(page, i);
        set.whole_phrases(haystack.as_bytes(), &slot.found, whole);
        for &(end, Reverse(len), f) in whole.iter() {
            let phrase = &set.phrases[f as usize];
            let (r, start) = (phrase.rule, end - len);
            if words <= self.max_words[r] && at_word_boundaries(haystack, start, end) {
                hits[r].extend(Trigger::new(i, phrase.index, start..end));
            }
        }
    }
}

/// A lane of the search: the line it holds, with its automaton, text,
/// progress and matches (the buffers reused line to line).
#[derive(Default)]
struct Slot<'t> {
    /// The line and the automaton it is searched with, if any.
    held: Option<(usize, &'t TriggerSet)>,
    text: Line,
    progress: overlapping::Progress,
    found: Vec<overlapping::Found>,
}

/// A line being searched: its case-folded text if folding changed it (a reused buffer).
#[derive(Default)]
struct Line {
    folded: String,
    is_folded: bool,
}

impl Line {
    fn prepare(&mut self, page: &Page<'_>, i: usize) {
        // The automaton folds ASCII case only; other capitals
        // (`À lire aussi`, `Ähnliche Artikel`) are folded here, on the
        // short lines where headings and labels are.
        let (f, text) = (&page.features[i], &page.text[i]);
        // A line whose characters count as many as its bytes holds no
        // character outside ASCII but CJK ones (each counted three, see
        // `Features::chars`), and so no capital to fold.
        self.is_folded = f.words <= SHORT_LINE_WORDS
            && f.chars as usize != text.len()
            && fold_case(text, &mut self.folded);
    }

    /// The text the phrases are searched in.
    fn haystack<'p>(&'p self, page: &'p Page<'_>, i: usize) -> &'p str {
        if self.is_folded {
            &self.folded
        } else {
            &page.text[i]
        }
    }
}

impl<'t> Slot<'t> {
    /// Takes `next` (a line and its automaton), if any, from its start.
    fn load(&mut self, page: &Page<'_>, next: Option<(usize, &'t TriggerSet)>) {
        self.held = next;
        if let Some(held) = next {
            self.text.prepare(page, held.0);
            self.found.clear();
            self.progress = overlapping::Progress::start(&lane(page, held, &self.text));
        }
    }
}

/// The search of line `i` with `set`, in `text` (see [`Line`]).
fn lane<'s>(
    page: &'s Page<'_>,
    (i, set): (usize, &'s TriggerSet),
    text: &'s Line,
) -> overlapping::Lane<'s> {
    overlapping::Lane {
        automaton: &set.automaton,
        haystack: text.haystack(page, i).as_bytes(),
    }
}

/// Writes `text` into `folded` with its non-ASCII capitals in lower case, if it
/// has any (else false). A character whose lower case is longer or shorter
/// (`İ`) is left as it is, so every byte offset stays valid for the original.
fn fold_case(text: &str, folded: &mut String) -> bool {
    if !may_have_non_ascii_capitals(text.as_bytes())
        || !text
            .chars()
            .any(|c| !c.is_ascii() && chars::class(c) & chars::CASE_UPPER != 0)
    {
        return false;
    }
    folded.clear();
    for c in text.chars() {
        let (mut lower, mut n) = (c, 0);
        chars::for_lowercase(c, |l| {
            lower = l;
            n += 1;
        });
        folded.push(if n == 1 && lower.len_utf8() == c.len_utf8() {
            lower
        } else {
            c
        });
    }
    true
}

/// A cheap test on bytes for the capitals of the phrase lists' languages
/// and their neighbours: Latin-1 capitals (`C3 80`–`C3 9E`) and the lead
/// bytes of the two-byte blocks where capitals and small letters mix
/// (Latin Extended, Greek, Cyrillic, Armenian: `C4`–`D5`). Typographic
/// quotes and dashes (three bytes) do not make a line pass.
fn may_have_non_ascii_capitals(bytes: &[u8]) -> bool {
    // One vector loop over the byte pairs (most lines have none).
    or_pairs(bytes, b' ', |b, next| {
        (u8::from(b == 0xC3) & u8::from(next <= 0x9E))
            | u8::from(b.wrapping_sub(0xC4) <= 0xD5 - 0xC4)
    }) != 0
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
    use super::super::alphabet::tests::matches_coded;
    use super::*;
    use crate::rules::{MAX_TRIGGERS, MAX_TRIGGER_BYTES};

    #[test]
    fn a_hit_is_held_in_its_narrow_numbers_or_not_at_all() {
        let t = Trigger::new(3, 1, 4..9).unwrap();
        assert_eq!((t.line(), t.phrase(), t.at()), (3, 1, 4..9));
        assert_eq!(std::mem::size_of::<Trigger>(), 12);
        let last = Trigger::new(0, MAX_TRIGGERS - 1, 7..7 + MAX_TRIGGER_BYTES).unwrap();
        assert_eq!(
            (last.phrase(), last.at()),
            (MAX_TRIGGERS - 1, 7..7 + MAX_TRIGGER_BYTES)
        );
        assert!(Trigger::new(0, MAX_TRIGGERS, 0..1).is_none());
        assert!(Trigger::new(0, 0, 0..MAX_TRIGGER_BYTES + 1).is_none());
        #[cfg(target_pointer_width = "64")]
        {
            assert!(Trigger::new(1 << 32, 0, 0..1).is_none());
            assert!(Trigger::new(0, 0, (1 << 32)..(1 << 32) + 1).is_none());
        }
    }

    #[test]
    fn lanes_out_of_step_find_what_each_line_finds_alone() {
        let cleaner = crate::Cleaner::new(crate::Config::default()).unwrap();
        let long = "We use cookies to improve your experience, and by continuing you accept our cookie policy; read the privacy policy to learn more about the data we collect and the partners we share it with, which is a long sentence of many words indeed";
        let lines = [
            "Share this",
            long,
            // Found before the long line above is done, by the same rule.
            "Read our cookie policy",
            "Comments (3)",
            "",
            "Related articles",
            long,
            long,
            "Reply",
            "Copyright © 2020 All rights reserved",
            "Tags: news",
        ];
        let text = lines.join("\n");
        let page = Page::analyse(&text);
        assert_eq!(page.len(), lines.len());
        let all = cleaner.triggers.find(&page);
        let mut total = 0;
        for (k, line) in lines.iter().enumerate() {
            let alone = cleaner.triggers.find(&Page::analyse(line));
            for (r, hits) in all.iter().enumerate() {
                let on_line: Vec<_> = hits
                    .iter()
                    .filter(|t| t.line() == k)
                    .map(|t| (t.phrase(), t.at()))
                    .collect();
                let expected: Vec<_> = alone[r].iter().map(|t| (t.phrase(), t.at())).collect();
                assert_eq!(on_line, expected, "line {k}, rule {r}");
                total += on_line.len();
            }
        }
        assert!(total >= 8, "{total} hits");
        for hits in &all {
            assert!(hits.windows(2).all(|w| w[0].line() <= w[1].line()));
        }
    }

    #[test]
    fn long_lines_keep_only_the_hits_of_rules_that_act_on_them() {
        let cleaner = crate::Cleaner::new(crate::Config::default()).unwrap();
        let filler = "the river rose over the low fields and the town ".repeat(5);
        let text = format!("Share this\n{filler}share this {filler}");
        let page = Page::analyse(&text);
        let long_words = page.features[1].words;
        assert!(long_words > SHORT_LINE_WORDS);
        let hits = cleaner.triggers.find(&page);
        let max_words = &cleaner.triggers.max_words;
        // Some rule acting on short lines only finds its phrase on the short
        // line and not in the long one that holds it too.
        let short_only = (0..hits.len())
            .find(|&r| max_words[r] < long_words && hits[r].iter().any(|t| t.line() == 0));
        let r = short_only.expect("a short-line rule has a hit on `Share this`");
        assert!(hits[r].iter().all(|t| t.line() == 0), "{:?}", hits[r]);
        for (r, rule_hits) in hits.iter().enumerate() {
            for t in rule_hits {
                assert!(page.features[t.line()].words <= max_words[r]);
            }
        }
    }

    fn fold(text: &str) -> Option<String> {
        let mut folded = "left from the line before".to_string();
        fold_case(text, &mut folded).then_some(folded)
    }

    #[test]
    fn non_ascii_capitals_are_folded_in_place() {
        assert_eq!(fold("À lire aussi").as_deref(), Some("à lire aussi"));
        assert_eq!(
            fold("ÄHNLICHE Artikel").as_deref(),
            Some("ähnliche artikel")
        );
        assert_eq!(fold("plain ASCII"), None);
        assert_eq!(fold("schön und grün"), None);
        // A capital in a later block, its second byte in the block after.
        let late = format!("{}Ä", "x".repeat(31));
        assert_eq!(fold(&late), Some(format!("{}ä", "x".repeat(31))));
        let dotted = fold("İstanbul Ünlü").unwrap();
        assert_eq!(dotted.len(), "İstanbul Ünlü".len());
    }

    #[test]
    fn every_capital_of_the_two_byte_alphabets_is_noticed_anywhere() {
        for c in ('\u{80}'..='\u{57F}').filter(|c| c.is_uppercase()) {
            for before in [0, 1, 30, 31, 32, 63, 64] {
                let line = format!("{}{c} x", "x".repeat(before));
                assert!(
                    may_have_non_ascii_capitals(line.as_bytes()),
                    "{c:?} at {before}"
                );
            }
        }
        for c in ['é', 'ß', '’', '“', '—', '€', 'ä'] {
            assert!(
                !may_have_non_ascii_capitals(format!("{c} {c}").as_bytes()),
                "{c:?}"
            );
        }
    }

    /// The phrases found whole around their openings, as (phrase, start,
    /// end) in the order found.
    fn whole_matches(phrases: &[String], text: &str) -> Vec<(usize, usize, usize)> {
        let owner: Vec<(usize, usize)> = (0..phrases.len()).map(|p| (0, p)).collect();
        let set = TriggerSet::of(phrases, &owner).unwrap();
        let lane = overlapping::Lane {
            automaton: &set.automaton,
            haystack: text.as_bytes(),
        };
        let mut found = Vec::new();
        overlapping::search_rest(&lane, &mut overlapping::Progress::start(&lane), &mut found);
        let mut whole = Vec::new();
        set.whole_phrases(text.as_bytes(), &found, &mut whole);
        whole
            .iter()
            .map(|&(end, Reverse(len), f)| (f as usize, end - len, end))
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn phrases_found_by_their_openings_are_those_a_whole_search_finds(
            phrases in proptest::collection::vec("[ab ]{1,18}", 1..12),
            pieces in proptest::collection::vec((0usize..12, 0usize..20, "[aAbB c]{0,3}"), 0..8),
        ) {
            // Phrases longer and shorter than their openings, sharing them,
            // repeated, in a text of phrases whole and cut short, capitals
            // and other bytes between: the same matches in the same order
            // as an automaton over the whole phrases.
            let text: String = pieces
                .iter()
                .map(|(p, cut, gap)| {
                    let phrase = &phrases[p % phrases.len()];
                    format!("{}{gap}", &phrase[..(*cut).min(phrase.len())])
                })
                .collect();
            proptest::prop_assert_eq!(whole_matches(&phrases, &text), matches_coded(&phrases, &text));
        }
    }

    #[test]
    fn a_long_phrase_is_found_only_whole() {
        let phrases: Vec<String> = [
            "subscribe to our newsletter",
            "subscribe to our",
            "subscribe",
        ]
        .iter()
        .map(|p| p.to_string())
        .collect();
        let text = "Subscribe to our newsletters | subscribe to our podcast and its news";
        assert_eq!(whole_matches(&phrases, text), matches_coded(&phrases, text));
        let found: Vec<usize> = whole_matches(&phrases, text).iter().map(|m| m.0).collect();
        assert_eq!(found, [2, 1, 0, 2, 1]);
    }

    #[test]
    fn phrases_too_many_for_the_table_are_searched_by_shorter_openings() {
        // 9,500 phrases whose first 12 bytes differ after the fifth: over
        // 65,535 states by those 12 bytes, so searched by 6, and found whole.
        let phrases: Vec<String> = (0..9500)
            .map(|n| format!("q{n:04}xyzwvut tail {n}"))
            .collect();
        let alphabet = Alphabet::of(&phrases);
        let openings = alphabet
            .encode_all(&phrases)
            .into_iter()
            .map(|p| p[..OPENING_BYTES].to_vec());
        let dfa = DFA::builder().build(openings).unwrap();
        let start = dfa.start_state(Anchored::No).unwrap();
        assert!(FlatDfa::of(&dfa, start, &alphabet.0).is_none());
        let text = "see q0042xyzwvut tail 42 and q0042xyzwvut tail 43 and Q9499XYZWVUT TAIL 9499";
        let found = whole_matches(&phrases, text);
        assert_eq!(found, matches_coded(&phrases, text));
        assert_eq!(found.iter().map(|m| m.0).collect::<Vec<_>>(), [42, 9499]);
    }

    #[test]
    fn boundaries_are_checked_on_word_characters_only() {
        assert!(at_word_boundaries("Share this", 0, 5));
        assert!(!at_word_boundaries("Shared", 0, 5));
        assert!(at_word_boundaries("Foto: dpa", 0, 5));
    }
}
