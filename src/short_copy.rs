//! Copies of a few bytes into a fixed buffer, written as fixed-size moves.
//!
//! The vector loops pad a line's last bytes into a block of their own, and
//! the stop-word lookup copies a word to lower-case it: a copy per line and
//! per word, of a length known only at run time, which the compiler makes a
//! call to the C library's `memcpy` (its own dispatch on the length, for a
//! copy of a few bytes). Two moves of a fixed size that overlap in the
//! middle copy any length between that size and twice it. WebAssembly
//! copies with one instruction of its own (`memory.copy`), and there the
//! copy is left as it is, which keeps the module smaller.

/// Copies `src` to the start of `dst`; the rest of `dst` is left as it is.
/// `src` longer than 32 bytes or than `dst` copies nothing (no caller
/// passes one: each copies at most a block's or a short word's bytes).
#[inline(always)]
pub(crate) fn copy_short<const N: usize>(dst: &mut [u8; N], src: &[u8]) {
    let n = src.len();
    if n > N || n > 32 {
        return;
    }
    if cfg!(target_arch = "wasm32") {
        dst[..n].copy_from_slice(src);
        return;
    }
    if n >= 16 {
        put::<16, N>(dst, 0, src);
        put::<16, N>(dst, n - 16, &src[n - 16..]);
    } else if n >= 8 {
        put::<8, N>(dst, 0, src);
        put::<8, N>(dst, n - 8, &src[n - 8..]);
    } else if n >= 4 {
        put::<4, N>(dst, 0, src);
        put::<4, N>(dst, n - 4, &src[n - 4..]);
    } else if n > 0 {
        // One to three bytes: the first, the middle and the last.
        dst[0] = src[0];
        dst[n / 2] = src[n / 2];
        dst[n - 1] = src[n - 1];
    }
}

/// The first `W` bytes of `src` written to `dst` at `at`.
#[inline(always)]
fn put<const W: usize, const N: usize>(dst: &mut [u8; N], at: usize, src: &[u8]) {
    if let (Some(from), Some(to)) = (src.first_chunk::<W>(), dst.get_mut(at..at + W)) {
        to.copy_from_slice(from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_up_to_the_buffer_is_copied_and_the_rest_kept() {
        let src: Vec<u8> = (1..=40).collect();
        for n in 0..=33 {
            let mut dst = [0xEEu8; 33];
            copy_short(&mut dst, &src[..n]);
            if n <= 32 {
                assert_eq!(&dst[..n], &src[..n], "length {n}");
                assert!(dst[n..].iter().all(|&b| b == 0xEE), "length {n}");
            } else {
                assert!(dst.iter().all(|&b| b == 0xEE), "length {n}");
            }
        }
        let mut small = [0u8; 8];
        copy_short(&mut small, &src[..9]);
        assert_eq!(small, [0; 8]);
        copy_short(&mut small, &src[..7]);
        assert_eq!(small, [1, 2, 3, 4, 5, 6, 7, 0]);
    }
}
