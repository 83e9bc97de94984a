//! A test of every byte of a line and the byte after it, in blocks of fixed
//! length: the compiler turns such a loop into vector code, where a search
//! per marker (`memchr`, `memmem`) costs a call and a set-up per line, and
//! most lines are short.

use crate::short_copy::copy_short;
use std::ops::Range;

/// Bytes looked at per step of the loop.
const BLOCK: usize = 32;

/// The blocks of `bytes` in which `test(byte, next)` is not 0 for some
/// byte, each with the bitwise OR of the tests over it: `pad` stands after
/// the last byte (and fills the last block, so `test(pad, pad)` must be 0).
pub(crate) fn marked_blocks<T: Fn(u8, u8) -> u8>(bytes: &[u8], pad: u8, test: T) -> Blocks<'_, T> {
    Blocks {
        bytes,
        from: 0,
        pad,
        test,
    }
}

/// See [`marked_blocks`].
pub(crate) struct Blocks<'b, T> {
    bytes: &'b [u8],
    /// Where the next block starts; past the end once the last is done.
    from: usize,
    pad: u8,
    test: T,
}

impl<T: Fn(u8, u8) -> u8> Blocks<'_, T> {
    #[inline(always)]
    fn marks(&self, window: &[u8; BLOCK + 1]) -> u8 {
        (0..BLOCK).fold(0u8, |marks, i| {
            marks | (self.test)(window[i], window[i + 1])
        })
    }
}

impl<T: Fn(u8, u8) -> u8> Iterator for Blocks<'_, T> {
    type Item = (Range<usize>, u8);

    #[inline(always)]
    fn next(&mut self) -> Option<(Range<usize>, u8)> {
        while self.from <= self.bytes.len() {
            let from = self.from;
            self.from += BLOCK;
            let (len, marks) = match self.bytes.get(from..=from + BLOCK) {
                Some(window) => {
                    let window: &[u8; BLOCK + 1] = window.try_into().ok()?;
                    (BLOCK, self.marks(window))
                }
                None => {
                    // Fewer than BLOCK + 1 bytes left: copied into a padded block.
                    let rest = &self.bytes[from..];
                    let mut padded = [self.pad; BLOCK + 1];
                    copy_short(&mut padded, rest);
                    // Nothing follows the last block.
                    self.from = usize::MAX;
                    (rest.len(), self.marks(&padded))
                }
            };
            if marks != 0 {
                return Some((from..from + len, marks));
            }
        }
        None
    }
}

/// The bitwise OR of `test(byte, next)` over every byte of `bytes` (see
/// [`marked_blocks`]).
pub(crate) fn or_pairs(bytes: &[u8], pad: u8, test: impl Fn(u8, u8) -> u8) -> u8 {
    marked_blocks(bytes, pad, test).fold(0, |all, (_, marks)| all | marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Byte values 1 to 3 followed by a 2 set their bits; 0 pads.
    fn test(x: u8, y: u8) -> u8 {
        (u8::from(y == 2) << x) & 0b1110
    }

    proptest::proptest! {
        #[test]
        fn every_pair_is_tested_once_in_its_block(bytes in proptest::collection::vec(0u8..4, 0..100)) {
            let next = |i: usize| bytes.get(i + 1).copied().unwrap_or(0);
            let by_pairs = (0..bytes.len()).fold(0, |m, i| m | test(bytes[i], next(i)));
            proptest::prop_assert_eq!(or_pairs(&bytes, 0, test), by_pairs);
            let mut blocks = Vec::new();
            for (range, marks) in marked_blocks(&bytes, 0, test) {
                let in_block = range.clone().fold(0, |m, i| m | test(bytes[i], next(i)));
                proptest::prop_assert_eq!(marks, in_block);
                blocks.push(range);
            }
            let marked: Vec<Range<usize>> = (0..bytes.len())
                .step_by(BLOCK)
                .map(|from| from..(from + BLOCK).min(bytes.len()))
                .filter(|r| r.clone().any(|i| test(bytes[i], next(i)) != 0))
                .collect();
            proptest::prop_assert_eq!(blocks, marked);
        }
    }
}
