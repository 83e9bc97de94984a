//! The words of a line read off bit masks, sixty-four bytes at a time.
//!
//! Each byte's class (part of a word, letter, digit, case) becomes one bit
//! of a 64-bit mask, sixteen bytes per step with vector instructions where
//! the target has them (see [`crate::simd16`]) and eight per step with a
//! few integer operations elsewhere; words are then the runs of set bits,
//! found with a count of trailing zeros. A loop that steps byte by byte
//! takes a branch at every word's start and end, which the processor cannot
//! foresee; here a line costs a few operations per step and per word.
//!
//! Characters beyond ASCII are classified one by one where a mask marks
//! their first byte (most lines have none or few); the caller is shown each
//! of them first, and those it counts apart (the scripts written without
//! spaces, see [`crate::features`]) are no part of any word.

use crate::ascii_run::{in_range, HIGH};
use crate::chars::{self, ALNUM, CASE_LOWER, CASE_UPPER, LETTER, UPPER};
use crate::lang::{packed_prefix, LangMask, StopWords, LANGUAGES};
use crate::short_copy::copy_short;
#[cfg(simd16)]
use crate::simd16;

/// Longest ASCII word lower-cased in place for the stop-word lookup; the
/// rest go through [`StopWords::mask`].
pub(crate) const MAX_ASCII_WORD: usize = 32;

/// What the word loop counts on a line, after its bullet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct WordCounts {
    /// Runs of alphanumeric characters that hold a letter.
    pub words: u32,
    /// Those of them that start with an upper-case letter.
    pub capitalised: u32,
    /// ASCII digits.
    pub digits: usize,
    /// Places where a lower-case character is followed by an upper-case one.
    pub case_joins: usize,
    /// UTF-8 continuation bytes: the characters are the bytes less these.
    pub continuation: usize,
    /// A sentence stop (`.`, `!`, `?`) followed by a space and more text.
    pub sentence_break: bool,
    /// Stop-word hits per language.
    pub counts: [u16; LANGUAGES.len()],
    /// The languages with a hit.
    pub langs: LangMask,
}

impl WordCounts {
    /// Counts a word whose stop-word languages are `mask`.
    #[inline]
    pub(crate) fn add_word(&mut self, mut mask: LangMask) {
        self.words += 1;
        self.langs |= mask;
        // Saturating: a multi-megabyte line can hold more than 65,535 stop
        // words, and its density is that of prose either way.
        while mask != 0 {
            let lang = mask.trailing_zeros() as usize;
            self.counts[lang] = self.counts[lang].saturating_add(1);
            mask &= mask - 1;
        }
    }
}

/// Eight bytes from `at` as a little-endian integer, zeros past the end.
#[inline(always)]
fn load8(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(chunk) => u64::from_le_bytes(chunk.try_into().unwrap_or_default()),
        None => {
            let rest = bytes.get(at..).unwrap_or_default();
            let mut padded = [0u8; 8];
            copy_short(&mut padded, rest);
            u64::from_le_bytes(padded)
        }
    }
}

/// Bit `j` set where lane `j` (byte `j`) of `lanes` has its top bit set.
#[cfg(any(not(simd16), test))]
#[inline(always)]
fn lane_bits(lanes: u64) -> u64 {
    ((lanes >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// Bits `from..to` of a mask (`from <= to <= 64`).
#[inline(always)]
fn between(from: usize, to: usize) -> u64 {
    let low = u64::MAX.checked_shl(from as u32).unwrap_or(0);
    let high = u64::MAX.checked_shr(64 - to as u32).unwrap_or(0);
    low & high
}

/// The classes of 64 bytes, one bit per byte.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Block {
    /// Every byte of an alphanumeric character.
    alnum: u64,
    /// The first byte of a letter.
    letter: u64,
    /// The first byte of an alphabetic upper-case letter ([`UPPER`]: a
    /// capitalised word's start).
    upper: u64,
    /// The first byte of an upper-case character ([`CASE_UPPER`]).
    case_upper: u64,
    /// The last byte of a lower-case character ([`CASE_LOWER`]): a join is
    /// an upper-case first byte right after it.
    case_lower: u64,
    /// ASCII digits.
    digit: u64,
    /// The first byte of a character beyond ASCII.
    lead: u64,
    /// UTF-8 continuation bytes.
    continuation: u64,
    /// `.`, `!` and `?`.
    stop: u64,
    /// Spaces.
    space: u64,
}

/// The ASCII classes of the 64 bytes from `base` (zeros past the end), and
/// where the other characters start; those are classified by the caller.
/// Sixteen bytes a step where the target has vector instructions for it
/// (see [`crate::simd16`]); eight-byte lanes elsewhere.
#[cfg(simd16)]
#[inline(always)]
fn read_block(bytes: &[u8], base: usize) -> Block {
    let mut b = Block::default();
    for k in 0..4 {
        let at = base + 16 * k;
        if at >= bytes.len() {
            break;
        }
        let mut chunk = [0u8; 16];
        match bytes.get(at..at + 16) {
            Some(full) => chunk.copy_from_slice(full),
            None => copy_short(&mut chunk, &bytes[at..]),
        }
        let [digit, upper, lower, high, continuation, stop, space] = simd16::word_classes(&chunk);
        let shift = 16 * k;
        b.stop |= stop << shift;
        b.space |= space << shift;
        b.digit |= digit << shift;
        b.upper |= upper << shift;
        b.case_lower |= lower << shift;
        b.alnum |= (digit | upper | lower) << shift;
        // 11xxxxxx starts a character, 10xxxxxx continues one.
        b.lead |= (high & !continuation) << shift;
        b.continuation |= continuation << shift;
    }
    // ASCII letters are their own first and last bytes.
    b.case_upper = b.upper;
    b.letter = b.upper | b.case_lower;
    b
}

#[cfg(not(simd16))]
use read_block_in_lanes as read_block;

/// [`read_block`] eight bytes at a time in the lanes of a `u64`, for every
/// other processor (and, in the tests, to hold the vector one to).
#[cfg(any(not(simd16), test))]
#[inline(always)]
fn read_block_in_lanes(bytes: &[u8], base: usize) -> Block {
    let mut b = Block::default();
    for k in 0..8 {
        let at = base + 8 * k;
        if at >= bytes.len() {
            break;
        }
        let raw = load8(bytes, at);
        let ascii = !raw & HIGH;
        let w = raw & !HIGH;
        let digit = lane_bits(in_range(w, b'0', b'9') & ascii);
        let upper = lane_bits(in_range(w, b'A', b'Z') & ascii);
        let lower = lane_bits(in_range(w, b'a', b'z') & ascii);
        let is = |byte: u8| in_range(w, byte, byte);
        let stop = lane_bits((is(b'.') | is(b'!') | is(b'?')) & ascii);
        let space = lane_bits(is(b' ') & ascii);
        let shift = 8 * k;
        b.stop |= stop << shift;
        b.space |= space << shift;
        b.digit |= digit << shift;
        b.upper |= upper << shift;
        b.case_lower |= lower << shift;
        b.alnum |= (digit | upper | lower) << shift;
        if raw & HIGH != 0 {
            // 11xxxxxx starts a character, 10xxxxxx continues one.
            b.lead |= lane_bits(raw & (raw << 1) & HIGH) << shift;
            b.continuation |= lane_bits(raw & !(raw << 1) & HIGH) << shift;
        }
    }
    // ASCII letters are their own first and last bytes.
    b.case_upper = b.upper;
    b.letter = b.upper | b.case_lower;
    b
}

/// The word being read: where it starts, whether it is capitalised and
/// whether it has a letter so far.
#[derive(Debug, Clone, Copy, Default)]
struct Open {
    start: usize,
    capital: bool,
    letter: bool,
}

/// Counts the words of `text` from byte `from`. Each character beyond
/// ASCII goes to `apart` first, with its byte offset, in order: one it
/// counts apart (it returns true) ends a word and is no part of one.
pub(crate) fn scan(
    text: &str,
    from: usize,
    stop: &StopWords,
    mut apart: impl FnMut(usize, char) -> bool,
) -> WordCounts {
    let bytes = text.as_bytes();
    let table = chars::table();
    let mut out = WordCounts::default();
    // The bits of a character begun in one block that fall in the next.
    let (mut spill_alnum, mut spill_lower) = (0u64, 0u64);
    // Whether the block before ended inside a word, and on a lower-case
    // character.
    let (mut open, mut after_lower) = (false, false);
    // Whether the block before ended on a sentence stop.
    let mut after_stop = false;
    let mut word = Open::default();
    let mut base = from;
    while base < bytes.len() {
        let mut b = read_block(bytes, base);
        b.alnum |= spill_alnum;
        b.case_lower |= spill_lower;
        (spill_alnum, spill_lower) = (0, 0);
        let mut leads = b.lead;
        while leads != 0 {
            let p = leads.trailing_zeros() as usize;
            leads &= leads - 1;
            let Some(c) = text.get(base + p..).and_then(|t| t.chars().next()) else {
                continue;
            };
            if apart(base + p, c) {
                continue;
            }
            let class = chars::class_in(table, c);
            let width = c.len_utf8();
            // The character's bytes `p..end`; those past this block spill.
            let end = p + width;
            if class & ALNUM != 0 {
                b.alnum |= between(p, end.min(64));
                spill_alnum |= between(0, end.saturating_sub(64));
            }
            b.letter |= u64::from(class & LETTER != 0) << p;
            b.upper |= u64::from(class & UPPER != 0) << p;
            b.case_upper |= u64::from(class & CASE_UPPER != 0) << p;
            if class & CASE_LOWER != 0 {
                let last = end - 1;
                if last < 64 {
                    b.case_lower |= 1 << last;
                } else {
                    spill_lower |= 1 << (last - 64);
                }
            }
        }
        out.continuation += b.continuation.count_ones() as usize;
        out.digits += b.digit.count_ones() as usize;
        let lower_before = (b.case_lower << 1) | u64::from(after_lower);
        out.case_joins += (b.case_upper & lower_before).count_ones() as usize;
        after_lower = b.case_lower >> 63 != 0;
        // A space after a stop, unless it is the line's last byte.
        let last =
            u32::try_from(bytes.len() - 1 - base).map_or(0, |at| 1u64.checked_shl(at).unwrap_or(0));
        let breaks = ((b.stop << 1) | u64::from(after_stop)) & b.space & !last;
        out.sentence_break |= breaks != 0;
        after_stop = b.stop >> 63 != 0;
        // Words start where a run of word bytes does and end after it.
        // Starts and ends alternate: each end closes the word of the
        // lowest start left, or first the word carried over from the
        // block before (so the loop takes no branch on which edge it is).
        let before = (b.alnum << 1) | u64::from(open);
        let mut starts = b.alnum & !before;
        let mut ends = !b.alnum & before;
        let mut carried = open;
        let open_at = |s: usize| Open {
            start: base + s,
            capital: b.upper >> s & 1 != 0,
            letter: false,
        };
        while ends != 0 {
            let p = ends.trailing_zeros() as usize;
            ends &= ends - 1;
            let from_bit = if carried {
                carried = false;
                0
            } else {
                let s = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                word = open_at(s);
                s
            };
            word.letter |= b.letter & between(from_bit, p) != 0;
            finish(text, word, base + p, stop, &mut out);
        }
        open = b.alnum >> 63 != 0;
        if open {
            // The word that runs on: opened here, or carried through.
            let from_bit = if starts != 0 {
                let s = starts.trailing_zeros() as usize;
                word = open_at(s);
                s
            } else {
                0
            };
            word.letter |= b.letter & between(from_bit, 64) != 0;
        }
        base += 64;
    }
    if open {
        finish(text, word, bytes.len(), stop, &mut out);
    }
    out
}

/// Counts the word `word.start..end` if it has a letter, with its stop-word
/// languages.
#[inline(always)]
fn finish(text: &str, word: Open, end: usize, stop: &StopWords, out: &mut WordCounts) {
    if !word.letter {
        return;
    }
    out.capitalised += u32::from(word.capital);
    let bytes = text.as_bytes();
    let len = end - word.start;
    let mask = if len <= 8 {
        let raw = packed_prefix(load8(bytes, word.start).to_le_bytes(), len);
        if raw & HIGH == 0 {
            // 0x80 >> 2 is the case bit, 0x20.
            stop.mask_of_short(raw | (in_range(raw, b'A', b'Z') >> 2))
        } else {
            stop.mask(&text[word.start..end])
        }
    } else if len <= MAX_ASCII_WORD && bytes[word.start..end].is_ascii() {
        let mut lower = [0u8; MAX_ASCII_WORD];
        copy_short(&mut lower, &bytes[word.start..end]);
        lower[..len].make_ascii_lowercase();
        stop.mask_of_lowercase(&lower[..len])
    } else {
        stop.mask(&text[word.start..end])
    };
    out.add_word(mask);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lane_bits_gathers_each_lanes_top_bit_in_order() {
        for j in 0..8 {
            assert_eq!(lane_bits(0x80 << (8 * j)), 1 << j);
        }
        assert_eq!(lane_bits(HIGH), 0xFF);
        assert_eq!(lane_bits(0), 0);
    }

    proptest::proptest! {
        /// Random bytes, at every length and offset: the vector reading
        /// and the eight-byte lanes class each byte alike.
        #[test]
        fn a_block_reads_alike_sixteen_bytes_and_eight_at_a_time(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..150),
            base in 0usize..100,
        ) {
            proptest::prop_assert_eq!(read_block(&bytes, base), read_block_in_lanes(&bytes, base));
        }
    }

    #[test]
    fn every_byte_value_is_classed_alike_sixteen_bytes_and_eight_at_a_time() {
        let bytes: Vec<u8> = (0..=255).collect();
        for base in (0..256).step_by(64) {
            assert_eq!(read_block(&bytes, base), read_block_in_lanes(&bytes, base));
        }
    }

    #[test]
    fn between_covers_the_bits_from_one_place_to_another() {
        assert_eq!(between(0, 64), u64::MAX);
        assert_eq!(between(0, 0), 0);
        assert_eq!(between(3, 5), 0b11000);
        assert_eq!(between(63, 64), 1 << 63);
        assert_eq!(between(64, 64), 0);
    }

    #[test]
    fn words_across_blocks_and_characters_across_blocks_count_once() {
        let stop = StopWords::get();
        // A word of 70 letters spans two blocks; `é` straddles the first
        // block's end (bytes 63 and 64).
        let long = "a".repeat(70);
        let w = scan(&long, 0, stop, |_, _| false);
        assert_eq!((w.words, w.continuation), (1, 0));
        let straddle = format!("{}é the", "x".repeat(63));
        let w = scan(&straddle, 0, stop, |_, _| false);
        assert_eq!((w.words, w.continuation), (2, 1));
        assert_eq!(w.counts[0], 1, "`the` is an English stop word");
    }

    #[test]
    fn a_character_counted_apart_ends_a_word_and_is_no_part_of_one() {
        let stop = StopWords::get();
        let mut seen = Vec::new();
        let w = scan("ab中cd é", 0, stop, |at, c| {
            seen.push((at, c));
            c == '中'
        });
        // Every character beyond ASCII is shown, with its offset.
        assert_eq!(seen, [(2, '中'), (8, 'é')]);
        assert_eq!(w.words, 3);
        let w = scan("ab中cd", 0, stop, |_, _| false);
        assert_eq!(w.words, 1, "a letter is part of the word");
    }
}
