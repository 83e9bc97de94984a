//! The phrase automaton as one flat table of 16-bit states.
//!
//! `aho-corasick` builds the automaton; its DFA is then copied into a table
//! shaped for the search loop, which follows one transition a byte and so
//! waits on one load a byte. Each transition there is a lookup of the
//! byte's class inside the automaton, a bounds check, a 32-bit state and a
//! test for special states. Here a byte's code is read once (the alphabet
//! of the phrases, see [`super::alphabet`]), a state is a 16-bit number (the
//! built-in lists have 4,290 states: half the table of 32-bit states, so
//! more of it stays in the cache), a row is a power of two wide so that a
//! state and a code make an index with a shift, and the states with matches
//! are numbered last, so that one comparison tells whether a state has any.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, PatternID};

/// A match: the pattern and the byte range it spans.
pub(crate) type Found = (PatternID, std::ops::Range<usize>);

/// The automaton as a table.
pub(crate) struct FlatDfa {
    /// Each byte's code in the automaton's alphabet.
    codes: [u8; 256],
    /// `next[state << shift | code]`: the state after a byte of that code.
    next: Box<[u16]>,
    shift: u32,
    /// The search's start state.
    start: u16,
    /// States from this number on have matches.
    first_match: u16,
    /// The matches of match state `first_match + m` are
    /// `matches[ends[m]..ends[m + 1]]`, in the automaton's order.
    ends: Box<[u32]>,
    /// Each match's pattern and length in bytes.
    matches: Box<[(PatternID, u32)]>,
}

impl FlatDfa {
    /// `dfa` searched unanchored from `start` over text coded by `codes`
    /// (each code a column of the table, as an alphabet's are); `None` if
    /// the search can reach more than 65,535 states.
    // Built once per cleaner: out of line, rather than copied into the
    // loop that builds the automaton.
    #[inline(never)]
    pub(crate) fn of(dfa: &DFA, start: StateID, codes: &[u8; 256]) -> Option<FlatDfa> {
        let width = usize::from(codes.iter().copied().max().unwrap_or(0)) + 1;
        let shift = width.next_power_of_two().trailing_zeros();
        // Every state the search can reach, from the start state on, and
        // its number, by the automaton's own state id (a table half the
        // size of the automaton's at most: its ids step by a row of 32-bit
        // states, this holds 16-bit numbers).
        const UNSEEN: u16 = u16::MAX;
        let mut number: Vec<u16> = Vec::new();
        let mut order = Vec::new();
        let mut seen = |sid: StateID, order: &mut Vec<StateID>| {
            let i = sid.as_usize();
            if i >= number.len() {
                number.resize(i + 1, UNSEEN);
            }
            if number[i] == UNSEEN {
                number[i] = 0;
                order.push(sid);
            }
        };
        seen(start, &mut order);
        let mut k = 0;
        while let Some(&sid) = order.get(k) {
            for code in 0..width {
                seen(dfa.next_state(Anchored::No, sid, code as u8), &mut order);
            }
            // 65,535 at most, so that no state is numbered `u16::MAX`.
            if order.len() >= 1 << 16 {
                return None;
            }
            k += 1;
        }
        // The states without matches first, then those with: the first
        // with matches is numbered by the count of those without (the
        // number of states, which none reaches, when none has matches).
        let (mut n, mut first_match) = (0, 0);
        for with_matches in [false, true] {
            if with_matches {
                first_match = n;
            }
            for &sid in &order {
                if dfa.is_match(sid) == with_matches {
                    number[sid.as_usize()] = n;
                    n += 1;
                }
            }
        }
        let number = |sid: StateID| number[sid.as_usize()];
        let mut next = vec![0u16; order.len() << shift].into_boxed_slice();
        let (mut ends, mut matches) = (vec![0u32], Vec::new());
        for &sid in &order {
            let row = usize::from(number(sid)) << shift;
            for code in 0..width {
                next[row | code] = number(dfa.next_state(Anchored::No, sid, code as u8));
            }
        }
        // In the order numbered.
        for &sid in order.iter().filter(|&&sid| dfa.is_match(sid)) {
            for k in 0..dfa.match_len(sid) {
                let pid = dfa.match_pattern(sid, k);
                matches.push((pid, dfa.pattern_len(pid) as u32));
            }
            ends.push(matches.len() as u32);
        }
        Some(FlatDfa {
            codes: *codes,
            next,
            shift,
            start: number(start),
            first_match,
            ends: ends.into_boxed_slice(),
            matches: matches.into_boxed_slice(),
        })
    }

    /// The number of the search's start state.
    pub(crate) fn start(&self) -> u16 {
        self.start
    }

    /// The state after `byte`.
    #[inline(always)]
    fn next(&self, state: u16, byte: u8) -> u16 {
        let code = usize::from(self.codes[usize::from(byte)]);
        self.next[(usize::from(state) << self.shift) | code]
    }

    /// Searches `a` and `b` side by side from states `sa` and `sb`, the
    /// matches of `a` that end at its `k`-th byte added to `out_a` as
    /// ending at `from_a + k + 1` (and so for `b`); returns the states
    /// after them.
    #[inline(always)]
    pub(crate) fn pair(
        &self,
        (a, mut sa, from_a, out_a): (&[u8], u16, usize, &mut Vec<Found>),
        (b, mut sb, from_b, out_b): (&[u8], u16, usize, &mut Vec<Found>),
    ) -> (u16, u16) {
        let n = a.len().min(b.len());
        let mut k = 0;
        while k < n {
            let done;
            (done, sa, sb) = self.pair_to_match(&a[k..n], &b[k..n], sa, sb);
            k += done;
            self.found(sa, from_a + k, out_a);
            self.found(sb, from_b + k, out_b);
        }
        (sa, sb)
    }

    /// The bytes of `a` and `b` searched side by side up to the first
    /// whose state has matches in either, or to the end, and the states
    /// after them. Matches are rare, and a loop of its own, with no call in
    /// it, keeps every value it needs in registers.
    #[inline(never)]
    fn pair_to_match(&self, a: &[u8], b: &[u8], mut sa: u16, mut sb: u16) -> (usize, u16, u16) {
        let mut done = 0;
        for (&x, &y) in a.iter().zip(b) {
            sa = self.next(sa, x);
            sb = self.next(sb, y);
            done += 1;
            if sa >= self.first_match || sb >= self.first_match {
                break;
            }
        }
        (done, sa, sb)
    }

    /// [`FlatDfa::pair`] for one text.
    pub(crate) fn search(
        &self,
        text: &[u8],
        mut state: u16,
        from: usize,
        out: &mut Vec<Found>,
    ) -> u16 {
        for (k, &byte) in text.iter().enumerate() {
            state = self.next(state, byte);
            self.found(state, from + k + 1, out);
        }
        state
    }

    /// Adds the matches of `state`, if it has any, as ending at `end`.
    #[inline(always)]
    fn found(&self, state: u16, end: usize, out: &mut Vec<Found>) {
        if state >= self.first_match {
            self.push_matches(usize::from(state - self.first_match), end, out);
        }
    }

    #[cold]
    #[inline(never)]
    fn push_matches(&self, m: usize, end: usize, out: &mut Vec<Found>) {
        let (from, to) = (self.ends[m] as usize, self.ends[m + 1] as usize);
        for &(pid, len) in &self.matches[from..to] {
            out.push((pid, end - len as usize..end));
        }
    }
}
