//! Overlapping phrase search over two lines at once.
//!
//! A DFA search is a chain of dependent loads: each byte's next state is
//! read from the row of the state before it, so a single search waits on
//! the cache at every byte. Two lines searched in the same loop are two
//! independent chains, which the processor follows side by side; a lane
//! whose line ends takes the next line while the other goes on. The
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

/// How far a lane's line has been searched: the bytes before `at`, which
/// left the automaton in state `sid`.
#[derive(Clone, Copy, Default)]
pub(crate) struct Progress {
    pub(crate) sid: StateID,
    pub(crate) at: usize,
}

impl Progress {
    /// Nothing searched yet.
    pub(crate) fn start(lane: &Lane<'_>) -> Progress {
        Progress {
            sid: lane.start,
            at: 0,
        }
    }

    /// Bytes of the lane's line not yet searched.
    pub(crate) fn left(&self, lane: &Lane<'_>) -> usize {
        lane.haystack.len() - self.at
    }
}

/// Searches the next `n` bytes of both lanes (each has at least `n` left)
/// in one loop, adding each lane's matches to its `out` in the order a
/// search of its line alone reports them: by where they end, then in the
/// automaton's order at that end. A caller keeps both lanes busy by giving
/// a lane whose line is done the next line.
pub(crate) fn search_pair(
    (a, pa, out_a): (&Lane<'_>, &mut Progress, &mut Vec<Found>),
    (b, pb, out_b): (&Lane<'_>, &mut Progress, &mut Vec<Found>),
    n: usize,
) {
    let (mut sa, mut sb) = (pa.sid, pb.sid);
    let (from_a, from_b) = (pa.at, pb.at);
    let (ha, hb) = (
        &a.haystack[from_a..from_a + n],
        &b.haystack[from_b..from_b + n],
    );
    for (i, (&x, &y)) in ha.iter().zip(hb).enumerate() {
        sa = step(a.automaton, sa, a.codes[usize::from(x)], from_a + i, out_a);
        sb = step(b.automaton, sb, b.codes[usize::from(y)], from_b + i, out_b);
    }
    (pa.sid, pa.at) = (sa, from_a + n);
    (pb.sid, pb.at) = (sb, from_b + n);
}

/// Searches the rest of one lane's line (see [`search_pair`]).
pub(crate) fn search_rest(lane: &Lane<'_>, progress: &mut Progress, out: &mut Vec<Found>) {
    let mut sid = progress.sid;
    for (i, &x) in lane.haystack.iter().enumerate().skip(progress.at) {
        sid = step(lane.automaton, sid, lane.codes[usize::from(x)], i, out);
    }
    (progress.sid, progress.at) = (sid, lane.haystack.len());
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
            let (mut pa, mut pb) = (Progress::start(&lane_a), Progress::start(&lane_b));
            // In two steps, as a caller refilling lanes does.
            let n = pa.left(&lane_a).min(pb.left(&lane_b));
            search_pair((&lane_a, &mut pa, &mut out_a), (&lane_b, &mut pb, &mut out_b), n / 2);
            search_pair(
                (&lane_a, &mut pa, &mut out_a),
                (&lane_b, &mut pb, &mut out_b),
                n - n / 2,
            );
            search_rest(&lane_a, &mut pa, &mut out_a);
            search_rest(&lane_b, &mut pb, &mut out_b);
            proptest::prop_assert_eq!(&out_a, &library(&patterns, &a));
            proptest::prop_assert_eq!(&out_b, &library(&patterns, &b));
            let mut alone = Vec::new();
            search_rest(&lane_a, &mut Progress::start(&lane_a), &mut alone);
            proptest::prop_assert_eq!(&alone, &out_a);
        }
    }
}
