//! Overlapping phrase search over two lines at once.
//!
//! A DFA search is a chain of dependent loads: each byte's next state is
//! read from the row of the state before it, so a single search waits on
//! the cache at every byte. Two lines searched in the same loop are two
//! independent chains, which the processor follows side by side; a lane
//! whose line ends takes the next line while the other goes on. The
//! matches are those `AhoCorasick::find_overlapping_iter` reports for each
//! line on its own, in the same order (a test holds them equal).

use super::flat_dfa::FlatDfa;
pub(crate) use super::flat_dfa::Found;

/// One line's search: its automaton and the line's bytes.
pub(crate) struct Lane<'a> {
    pub(crate) automaton: &'a FlatDfa,
    pub(crate) haystack: &'a [u8],
}

/// How far a lane's line has been searched: the bytes before `at`, which
/// left the automaton in state `state`.
#[derive(Clone, Copy, Default)]
pub(crate) struct Progress {
    pub(crate) state: u16,
    pub(crate) at: usize,
}

impl Progress {
    /// Nothing searched yet.
    pub(crate) fn start(lane: &Lane<'_>) -> Progress {
        Progress {
            state: lane.automaton.start(),
            at: 0,
        }
    }

    /// Bytes of the lane's line not yet searched.
    pub(crate) fn left(&self, lane: &Lane<'_>) -> usize {
        lane.haystack.len() - self.at
    }
}

/// A lane's part in [`search_pair`]: the lane, its progress and its matches.
pub(crate) type Side<'s, 'a> = (&'s Lane<'a>, &'s mut Progress, &'s mut Vec<Found>);

/// Searches the next `n` bytes of both lanes (each has at least `n` left,
/// and both search with the same automaton) in one loop, adding each lane's
/// matches to its `out` in the order a search of its line alone reports
/// them: by where they end, then in the automaton's order at that end. A
/// caller keeps both lanes busy by giving a lane whose line is done the next
/// line.
pub(crate) fn search_pair((a, pa, out_a): Side<'_, '_>, (b, pb, out_b): Side<'_, '_>, n: usize) {
    debug_assert!(std::ptr::eq(a.automaton, b.automaton));
    let (from_a, from_b) = (pa.at, pb.at);
    let (sa, sb) = a.automaton.pair(
        (&a.haystack[from_a..from_a + n], pa.state, from_a, out_a),
        (&b.haystack[from_b..from_b + n], pb.state, from_b, out_b),
    );
    (pa.state, pa.at) = (sa, from_a + n);
    (pb.state, pb.at) = (sb, from_b + n);
}

/// Searches the rest of one lane's line (see [`search_pair`]).
pub(crate) fn search_rest(lane: &Lane<'_>, progress: &mut Progress, out: &mut Vec<Found>) {
    let rest = &lane.haystack[progress.at..];
    progress.state = lane
        .automaton
        .search(rest, progress.state, progress.at, out);
    progress.at = lane.haystack.len();
}

#[cfg(test)]
mod tests {
    use super::super::alphabet::Alphabet;
    use super::*;
    use aho_corasick::automaton::Automaton;
    use aho_corasick::dfa::DFA;
    use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, MatchKind};

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
            // Searched in the phrases' alphabet, as the cleaner searches.
            let alphabet = Alphabet::of(&patterns.map(String::from));
            let dfa = DFA::builder()
                .match_kind(MatchKind::Standard)
                .build(alphabet.encode_all(&patterns.map(String::from)))
                .unwrap();
            let start = dfa.start_state(Anchored::No).unwrap();
            let codes = alphabet.0;
            let flat = FlatDfa::of(&dfa, start, &codes).unwrap();
            let (lane_a, lane_b) = (
                Lane { automaton: &flat, haystack: a.as_bytes() },
                Lane { automaton: &flat, haystack: b.as_bytes() },
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
