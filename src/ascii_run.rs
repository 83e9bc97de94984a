//! Eight bytes at a time: the word loop of [`crate::features`] spends most
//! of its time inside runs of ASCII letters and digits, and a run is
//! measured here with a few integer operations per eight bytes (each byte a
//! lane of a `u64`) instead of a step and a branch per byte; a markdown
//! link's destination is passed over the same way.

/// The top bit of every byte lane.
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;
/// One in every byte lane.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The lanes of `w` (ASCII bytes only, top bits clear) that lie in
/// `lo..=hi`, as their top bits. Each lane's sum stays below 0x100, so no
/// carry crosses into the next lane.
#[inline(always)]
pub(crate) fn in_range(w: u64, lo: u8, hi: u8) -> u64 {
    let at_least_lo = w + ONES * u64::from(0x80 - lo);
    let above_hi = w + ONES * u64::from(0x7F - hi);
    at_least_lo & !above_hi & HIGH
}

/// What the leading run of ASCII letters and digits of eight bytes holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AsciiRun {
    /// Bytes in the run (0 to 8): it ends at the first byte that is not an
    /// ASCII letter or digit.
    pub len: usize,
    /// ASCII digits in the run.
    pub digits: u32,
    /// Whether the run has a letter.
    pub letters: bool,
    /// Places in the run where an upper-case letter follows a lower-case
    /// one, counting the first byte after `after_lower`.
    pub joins: u32,
    /// Whether the run's last byte is a lower-case letter (`after_lower`
    /// when the run is empty).
    pub ends_lower: bool,
    /// The eight bytes with the run's capitals lower-cased; the bytes after
    /// the run are not the input's.
    pub lowered: u64,
}

impl AsciiRun {
    /// Measures the run that opens `bytes`, read as a little-endian `u64`;
    /// `after_lower` says whether the byte before was a lower-case letter.
    #[inline(always)]
    pub(crate) fn of(bytes: [u8; 8], after_lower: bool) -> AsciiRun {
        let raw = u64::from_le_bytes(bytes);
        let ascii = !raw & HIGH;
        let w = raw & !HIGH;
        let digit = in_range(w, b'0', b'9') & ascii;
        let upper = in_range(w, b'A', b'Z') & ascii;
        let lower = in_range(w, b'a', b'z') & ascii;
        let alnum = digit | upper | lower;
        let len = ((!alnum & HIGH).trailing_zeros() / 8) as usize;
        // The top bits of the run's lanes.
        let run = HIGH & u64::MAX.checked_shr(64 - 8 * len as u32).unwrap_or(0);
        let lower_before = (lower << 8) | (u64::from(after_lower) << 7);
        let ends_lower = match len {
            0 => after_lower,
            n => lower >> (8 * n - 1) & 1 != 0,
        };
        AsciiRun {
            len,
            digits: (digit & run).count_ones(),
            letters: (upper | lower) & run != 0,
            joins: (lower_before & upper & run).count_ones(),
            ends_lower,
            // 0x80 >> 2 is the case bit, 0x20.
            lowered: raw | ((upper & run) >> 2),
        }
    }
}

/// The first place from `from` where eight bytes in a row are not all
/// plain: a plain byte is ASCII, above the space and not `)`, so none of
/// them can end a markdown link's destination (see `markup`). Links run to
/// a hundred bytes and more; this passes over most of them with a few
/// integer operations per eight bytes.
pub(crate) fn skip_plain(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // Lanes below 0x21, lanes equal to `)` (zero after the xor), and
        // lanes above ASCII: the usual tests for a zero or small byte,
        // exact as to whether any lane is one.
        let small = w.wrapping_sub(ONES * 0x21) & !w & HIGH;
        let paren = w ^ (ONES * u64::from(b')'));
        let close = paren.wrapping_sub(ONES) & !paren & HIGH;
        if small | close | (w & HIGH) != 0 {
            break;
        }
        at += 8;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars::{self, ALNUM, CASE_LOWER, CASE_UPPER, DIGIT, LETTER};

    /// The same, a byte at a time with the character table.
    fn by_table(bytes: [u8; 8], mut after_lower: bool) -> AsciiRun {
        let table = chars::table();
        let (mut len, mut digits, mut letters, mut joins) = (0, 0, false, 0);
        let mut lowered = bytes;
        for (i, &b) in bytes.iter().enumerate() {
            let class = if b < 0x80 { table[usize::from(b)] } else { 0 };
            if class & ALNUM == 0 {
                break;
            }
            len += 1;
            digits += u32::from(class & DIGIT != 0);
            letters |= class & LETTER != 0;
            joins += u32::from(after_lower && class & CASE_UPPER != 0);
            after_lower = class & CASE_LOWER != 0;
            lowered[i] = b.to_ascii_lowercase();
        }
        let run = AsciiRun::of(bytes, false);
        AsciiRun {
            len,
            digits,
            letters,
            joins,
            ends_lower: after_lower,
            // Past the run the bytes are unspecified: take them as computed.
            lowered: u64::from_le_bytes(lowered) & mask(len) | run.lowered & !mask(len),
        }
    }

    fn mask(len: usize) -> u64 {
        u64::MAX.checked_shr(64 - 8 * len as u32).unwrap_or(0)
    }

    #[test]
    fn every_byte_is_classed_as_the_table_classes_it() {
        for b in 0..=255u8 {
            for after_lower in [false, true] {
                let bytes = [b, b'a', b'Q', b'7', b, b' ', b'x', b];
                assert_eq!(
                    AsciiRun::of(bytes, after_lower),
                    by_table(bytes, after_lower)
                );
                let bytes = [b'Z'; 8].map(|_| b);
                assert_eq!(
                    AsciiRun::of(bytes, after_lower),
                    by_table(bytes, after_lower)
                );
            }
        }
    }

    #[test]
    fn a_word_is_measured_and_lower_cased() {
        let run = AsciiRun::of(*b"McCain2 ", true);
        assert_eq!((run.len, run.digits, run.joins), (7, 1, 2));
        assert!(run.letters && !run.ends_lower);
        assert_eq!(&run.lowered.to_le_bytes()[..7], b"mccain2");
        assert_eq!(AsciiRun::of(*b"abcdefgh", false).len, 8);
        assert_eq!(AsciiRun::of(*b" abcdefg", true).len, 0);
        assert!(AsciiRun::of(*b" abcdefg", true).ends_lower);
    }

    proptest::proptest! {
        #[test]
        fn any_eight_bytes_measure_as_the_table_says(
            bytes in proptest::array::uniform8(proptest::prelude::any::<u8>()),
            after_lower: bool,
        ) {
            proptest::prop_assert_eq!(AsciiRun::of(bytes, after_lower), by_table(bytes, after_lower));
        }

        #[test]
        fn words_of_letters_and_digits_measure_as_the_table_says(
            text in "[a-zA-Z0-9 .\u{e9}]{8}",
            after_lower: bool,
        ) {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(&text.as_bytes()[..8]);
            proptest::prop_assert_eq!(AsciiRun::of(bytes, after_lower), by_table(bytes, after_lower));
        }
    }

    proptest::proptest! {
        #[test]
        fn plain_runs_end_no_later_than_the_first_byte_that_is_not_plain(
            text in "[a-z/().:?=& \t\u{b}é]{0,40}", from in 0usize..8,
        ) {
            let bytes = text.as_bytes();
            let from = from.min(bytes.len());
            let at = skip_plain(bytes, from);
            let plain = |b: &u8| *b > b' ' && *b < 0x80 && *b != b')';
            proptest::prop_assert!(bytes[from..at].iter().all(plain));
            // It stops only at a block of eight holding a byte that is not plain,
            // or within eight bytes of the end.
            let next = bytes.get(at..at + 8);
            proptest::prop_assert!(next.is_none_or(|block| !block.iter().all(plain)));
        }
    }
}
