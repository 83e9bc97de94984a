//! Overlapping phrase search over two lines at once.
//!
//! A DFA search is a chain of dependent loads: each byte's next state is
//! read from the row of the state before it, so a single search waits on
//! the cache at every byte. Two lines searched in the same loop are two
//! independent chains, which the processor follows side by side. The
//! matches are those `AhoCorasick::find_overlapping_iter` reports for each
//! line on its own, in the same order (a test holds them equal).

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, PatternID};

/// One line's search: its automaton, start state, the code in the
/// automaton's alphabet of each byte, and the line's bytes.
pub(crate) struct Lane<'a> {
    pub(crate) automaton: &'a DFA,
    pub(crate) start: StateID,
    pub(crate) codes: &'a [u8; 256],
    pub(crate) haystack: &'a [u8],
}

/// A match: the pattern and the byte range it spans.
pub(crate) type Found = (PatternID, std::ops::Range<usize>);

/// Every overlapping match of `a` into `out_a` and of `b` into `out_b`,
/// each in the order a search of that line alone reports them: by where
/// they end, then in the automaton's order at that end.
pub(crate) fn search_pair(
    a: &Lane<'_>,
    b: &Lane<'_>,
    out_a: &mut Vec<Found>,
    out_b: &mut Vec<Found>,
) {
    let (mut sa, mut sb) = (a.start, b.start);
    let common = a.haystack.len().min(b.haystack.len());
    for (i, (&x, &y)) in a.haystack.iter().zip(b.haystack).enumerate() {
        sa = step(a.automaton, sa, a.codes[usize::from(x)], i, out_a);
        sb = step(b.automaton, sb, b.codes[usize::from(y)], i, out_b);
    }
    for (i, &x) in a.haystack.iter().enumerate().skip(common) {
        sa = step(a.automaton, sa, a.codes[usize::from(x)], i, out_a);
    }
    for (i, &y) in b.haystack.iter().enumerate().skip(common) {
        sb = step(b.automaton, sb, b.codes[usize::from(y)], i, out_b);
    }
}

/// Every overlapping match of one line (see [`search_pair`]).
pub(crate) fn search(lane: &Lane<'_>, out: &mut Vec<Found>) {
    let mut sid = lane.start;
    for (i, &x) in lane.haystack.iter().enumerate() {
        sid = step(lane.automaton, sid, lane.codes[usize::from(x)], i, out);
    }
}

/// The state after byte `at` (coded `byte`), with the matches that end there.
/// An unanchored search with standard semantics never reaches the dead
/// state, and would stay there without matches if it did, as a search
/// that stops there reports none.
#[inline(always)]
fn step(dfa: &DFA, sid: StateID, byte: u8, at: usize, out: &mut Vec<Found>) -> StateID {
    let next = dfa.next_state(Anchored::No, sid, byte);
    if dfa.is_special(next) && dfa.is_match(next) {
        for k in 0..dfa.match_len(next) {
            let pid = dfa.match_pattern(next, k);
            let end = at + 1;
            out.push((pid, end - dfa.pattern_len(pid)..end));
        }
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

    fn library(patterns: &[&str], hay: &str) -> Vec<Found> {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns)
            .unwrap();
        ac.find_overlapping_iter(hay)
            .map(|m| (m.pattern(), m.range()))
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn a_pair_finds_what_the_library_finds_in_each_line(
            a in "[abc ]{0,24}",
            b in "[abc ]{0,24}",
        ) {
            let patterns = ["ab", "b", "abc", "c a", "bca", "b", "a b c"];
            let dfa = DFA::builder()
                .match_kind(MatchKind::Standard)
                .build(patterns)
                .unwrap();
            let start = dfa.start_state(Anchored::No).unwrap();
            let mut codes = [0u8; 256];
            for (b, code) in codes.iter_mut().enumerate() {
                *code = b as u8;
            }
            let (lane_a, lane_b) = (
                Lane { automaton: &dfa, start, codes: &codes, haystack: a.as_bytes() },
                Lane { automaton: &dfa, start, codes: &codes, haystack: b.as_bytes() },
            );
            let (mut out_a, mut out_b) = (Vec::new(), Vec::new());
            search_pair(&lane_a, &lane_b, &mut out_a, &mut out_b);
            proptest::prop_assert_eq!(&out_a, &library(&patterns, &a));
            proptest::prop_assert_eq!(&out_b, &library(&patterns, &b));
            let mut alone = Vec::new();
            search(&lane_a, &mut alone);
            proptest::prop_assert_eq!(&alone, &out_a);
        }
    }
}
