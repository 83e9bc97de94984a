//! Eight bytes at a time, each byte a lane of a `u64`: the word masks
//! ([`crate::word_masks`]) class ASCII bytes with a few integer operations
//! per eight bytes instead of a step and a branch per byte, and a markdown
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

    #[test]
    fn a_lane_is_in_range_exactly_when_its_byte_is() {
        for (lo, hi) in [(b'0', b'9'), (b'A', b'Z'), (b'a', b'z'), (0, 0x7F)] {
            for b in 0..0x80u8 {
                // The byte in one lane, others around it in the rest.
                let w = u64::from_le_bytes([b'a', b, b'Z', 0, b'9', 0x7F, b' ', b]);
                let lanes = in_range(w, lo, hi);
                for (k, &x) in w.to_le_bytes().iter().enumerate() {
                    let top = lanes >> (8 * k + 7) & 1 != 0;
                    assert_eq!(top, (lo..=hi).contains(&x), "{x:#x} in {lo:#x}..={hi:#x}");
                }
            }
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
