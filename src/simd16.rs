//! Sixteen bytes a step with 128-bit vector instructions, for the loops
//! that class every byte of a line: a compare tests sixteen bytes and one
//! instruction gathers their sixteen answers as bits, where a loop over
//! bytes or eight-byte lanes takes several operations a byte.
//!
//! Built where the target has them (`cfg(simd16)`, set by the build
//! script): x86-64, whose SSE2 every processor has, and WebAssembly built
//! with SIMD. Bytes are compared as signed: those beyond ASCII are
//! negative, below every ASCII range, and the UTF-8 continuation bytes
//! (10xxxxxx) are the ones below -64.

#[cfg(target_arch = "x86_64")]
use sse2 as imp;
#[cfg(target_arch = "wasm32")]
use wasm as imp;

/// The ASCII digits, capitals and small letters of `chunk`, its bytes
/// beyond ASCII and those of them that continue a character, its sentence
/// stops (`.`, `!`, `?`) and its spaces, a bit each.
#[inline(always)]
pub(crate) fn word_classes(chunk: &[u8; 16]) -> [u64; 7] {
    // SAFETY: see `available`.
    #[cfg_attr(target_arch = "wasm32", allow(unused_unsafe))]
    let bits = unsafe { imp::word_classes(chunk) };
    bits.map(u64::from)
}

/// The bytes of `chunk` that may start something whitespace normalising
/// changes (a control byte; the lead bytes `C2`, `E1` to `E3` and `EF` of
/// the non-ASCII spaces and invisible characters), and its spaces, a bit
/// each.
#[inline(always)]
pub(crate) fn work_marks(chunk: &[u8; 16]) -> [u16; 2] {
    // SAFETY: see `available`.
    #[cfg_attr(target_arch = "wasm32", allow(unused_unsafe))]
    unsafe {
        imp::work_marks(chunk)
    }
}

// `available`: the functions below are marked with the target feature
// they use, which makes a call `unsafe` on x86-64. SSE2 is part of x86-64
// itself: every processor this code runs on has it. (WebAssembly's calls
// need no `unsafe`: a module's instructions are checked when it is loaded,
// and only a build with SIMD compiles this.)

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };

    #[target_feature(enable = "sse2")]
    #[inline]
    fn load(chunk: &[u8; 16]) -> __m128i {
        // SAFETY: `chunk` is 16 readable bytes; the load needs no alignment.
        unsafe { _mm_loadu_si128(chunk.as_ptr().cast()) }
    }

    /// Bytes in `lo..=hi` as signed values.
    #[target_feature(enable = "sse2")]
    #[inline]
    fn within(v: __m128i, lo: i8, hi: i8) -> __m128i {
        let at_least = _mm_cmpgt_epi8(v, _mm_set1_epi8(lo - 1));
        _mm_and_si128(at_least, _mm_cmplt_epi8(v, _mm_set1_epi8(hi + 1)))
    }

    #[target_feature(enable = "sse2")]
    #[inline]
    fn bits(m: __m128i) -> u16 {
        _mm_movemask_epi8(m) as u16
    }

    #[target_feature(enable = "sse2")]
    #[inline]
    pub(super) fn word_classes(chunk: &[u8; 16]) -> [u16; 7] {
        let v = load(chunk);
        let eq = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
        [
            bits(within(v, b'0' as i8, b'9' as i8)),
            bits(within(v, b'A' as i8, b'Z' as i8)),
            bits(within(v, b'a' as i8, b'z' as i8)),
            bits(v),
            bits(_mm_cmplt_epi8(v, _mm_set1_epi8(-64))),
            bits(_mm_or_si128(_mm_or_si128(eq(b'.'), eq(b'!')), eq(b'?'))),
            bits(eq(b' ')),
        ]
    }

    #[target_feature(enable = "sse2")]
    #[inline]
    pub(super) fn work_marks(chunk: &[u8; 16]) -> [u16; 2] {
        let v = load(chunk);
        let eq = |b: u8| _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8));
        let marks = _mm_or_si128(
            _mm_or_si128(within(v, 0, 0x1F), eq(0x7F)),
            _mm_or_si128(
                _mm_or_si128(eq(0xC2), eq(0xEF)),
                within(v, 0xE1u8 as i8, 0xE3u8 as i8),
            ),
        );
        [bits(marks), bits(eq(b' '))]
    }
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use std::arch::wasm32::{
        i8x16_bitmask, i8x16_eq, i8x16_gt, i8x16_lt, i8x16_splat, v128, v128_and, v128_load,
        v128_or,
    };

    #[inline]
    fn load(chunk: &[u8; 16]) -> v128 {
        // SAFETY: `chunk` is 16 readable bytes; the load needs no alignment.
        unsafe { v128_load(chunk.as_ptr().cast()) }
    }

    /// Bytes in `lo..=hi` as signed values.
    #[inline]
    fn within(v: v128, lo: i8, hi: i8) -> v128 {
        v128_and(
            i8x16_gt(v, i8x16_splat(lo - 1)),
            i8x16_lt(v, i8x16_splat(hi + 1)),
        )
    }

    #[inline]
    pub(super) fn word_classes(chunk: &[u8; 16]) -> [u16; 7] {
        let v = load(chunk);
        let eq = |b: u8| i8x16_eq(v, i8x16_splat(b as i8));
        [
            i8x16_bitmask(within(v, b'0' as i8, b'9' as i8)),
            i8x16_bitmask(within(v, b'A' as i8, b'Z' as i8)),
            i8x16_bitmask(within(v, b'a' as i8, b'z' as i8)),
            i8x16_bitmask(v),
            i8x16_bitmask(i8x16_lt(v, i8x16_splat(-64))),
            i8x16_bitmask(v128_or(v128_or(eq(b'.'), eq(b'!')), eq(b'?'))),
            i8x16_bitmask(eq(b' ')),
        ]
    }

    #[inline]
    pub(super) fn work_marks(chunk: &[u8; 16]) -> [u16; 2] {
        let v = load(chunk);
        let eq = |b: u8| i8x16_eq(v, i8x16_splat(b as i8));
        let marks = v128_or(
            v128_or(within(v, 0, 0x1F), eq(0x7F)),
            v128_or(
                v128_or(eq(0xC2), eq(0xEF)),
                within(v, 0xE1u8 as i8, 0xE3u8 as i8),
            ),
        );
        [i8x16_bitmask(marks), i8x16_bitmask(eq(b' '))]
    }
}
