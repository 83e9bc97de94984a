//! Stop words per language (`stopwords.txt`: the Snowball lists as NLTK
//! ships them where NLTK has the language, stopwords-iso otherwise; the
//! file's header names the source and licence of each), and a page-level
//! language guess from them.
//!
//! Stop-word density is the language-independent core of jusText's
//! paragraph classifier: running prose is full of function words, menus and
//! teaser titles are not.

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

/// Languages with a stop-word list, as ISO 639-1 codes. The position of a
/// code is its bit in [`StopWords::mask`].
pub const LANGUAGES: [&str; 28] = [
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "sv", "da", "fi", "no", "hu", "ro", "cs",
    "sk", "sl", "hr", "tr", "id", "el", "uk", "bg", "ca", "lt", "lv", "et",
];

/// One bit per entry of [`LANGUAGES`].
pub type LangMask = u32;

/// All stop words of [`LANGUAGES`] in one table: word → languages it belongs to.
pub struct StopWords {
    /// Words of up to eight bytes, keyed by the lower-cased word packed
    /// into an integer (see [`packed`]): most stop words, and most words of
    /// a line, are this short, and an integer is hashed and compared in one
    /// step.
    short: FxHashMap<u64, LangMask>,
    /// One bit per hash value of [`StopWords::short`]'s keys: most words
    /// are no stop word, and this small table (it stays in the cache) says
    /// so for nearly all of them without a look into the larger one.
    short_bits: Box<[u64]>,
    /// Longer words, keyed by the lower-cased word's bytes.
    table: FxHashMap<&'static [u8], LangMask>,
    /// One bit per hash value of [`long_key`] for the words of
    /// [`StopWords::table`]: a long word is seldom a stop word, and this
    /// says so before its bytes are hashed and compared.
    long_bits: Box<[u64]>,
}

/// Bits of the hash that index [`StopWords::short_bits`] (16 KB; about one
/// in twenty bits is set).
const FILTER_BITS: u32 = 17;

/// Where `key` falls in [`StopWords::short_bits`]: the top bits of a
/// multiplicative hash.
#[inline]
fn filter_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS)) as usize
}

/// Bits of the hash that index [`StopWords::long_bits`] (2 KB; about one in
/// eighteen bits is set, words alike in length and first eight bytes
/// sharing one).
const LONG_FILTER_BITS: u32 = 14;

/// A key for [`StopWords::long_bits`]: a word's first eight bytes and its
/// length, hashed to [`LONG_FILTER_BITS`] bits.
#[inline]
fn long_key(word: &[u8]) -> usize {
    let head = packed(&word[..word.len().min(8)]);
    let key = head ^ (word.len() as u64).wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - LONG_FILTER_BITS)) as usize
}

/// `word`, of at most eight bytes, as an integer: its bytes in order, zeros
/// after (no word holds a zero byte, so no two words share one).
#[inline]
fn packed(word: &[u8]) -> u64 {
    let mut bytes = [0u8; 8];
    bytes[..word.len()].copy_from_slice(word);
    u64::from_le_bytes(bytes)
}

/// The first `len` (1 to 8) of `bytes` packed as [`packed`] packs them,
/// without copying: the bytes after them are masked off.
#[inline]
pub fn packed_prefix(bytes: [u8; 8], len: usize) -> u64 {
    u64::from_le_bytes(bytes) & (u64::MAX >> (64 - 8 * len.clamp(1, 8)))
}

/// Stop words are short; longer words are not looked up.
const MAX_STOP_WORD_BYTES: usize = 48;

static STOP_WORDS: Lazy<StopWords> = Lazy::new(|| {
    let mut table: FxHashMap<&'static [u8], LangMask> = FxHashMap::default();
    let mut short: FxHashMap<u64, LangMask> = FxHashMap::default();
    let mut bit: Option<LangMask> = None;
    for line in include_str!("stopwords.txt").lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some(code) = line.strip_prefix('@') {
            bit = LANGUAGES.iter().position(|l| *l == code).map(|i| 1 << i);
            continue;
        }
        if let Some(bit) = bit {
            let word = line.as_bytes();
            if word.len() <= 8 {
                *short.entry(packed(word)).or_default() |= bit;
            } else {
                *table.entry(word).or_default() |= bit;
            }
        }
    }
    let mut short_bits = vec![0u64; (1 << FILTER_BITS) / 64].into_boxed_slice();
    for &key in short.keys() {
        let slot = filter_slot(key);
        short_bits[slot / 64] |= 1 << (slot % 64);
    }
    let mut long_bits = vec![0u64; (1 << LONG_FILTER_BITS) / 64].into_boxed_slice();
    for word in table.keys() {
        let slot = long_key(word);
        long_bits[slot / 64] |= 1 << (slot % 64);
    }
    StopWords {
        short,
        short_bits,
        table,
        long_bits,
    }
});

impl StopWords {
    /// The shared table, built on first use.
    pub fn get() -> &'static StopWords {
        &STOP_WORDS
    }

    /// The languages whose stop-word list holds `lower`, a lower-cased word.
    pub fn mask_of_lowercase(&self, lower: &[u8]) -> LangMask {
        if lower.len() <= 8 {
            self.mask_of_short(packed(lower))
        } else {
            let slot = long_key(lower);
            if self.long_bits[slot / 64] & (1 << (slot % 64)) == 0 {
                return 0;
            }
            self.table.get(lower).copied().unwrap_or(0)
        }
    }

    /// The languages whose stop-word list holds the lower-cased word of up
    /// to eight bytes that `key` packs (see [`packed_prefix`]).
    #[inline]
    pub fn mask_of_short(&self, key: u64) -> LangMask {
        let slot = filter_slot(key);
        if self.short_bits[slot / 64] & (1 << (slot % 64)) == 0 {
            return 0;
        }
        self.short.get(&key).copied().unwrap_or(0)
    }

    /// The languages whose stop-word list holds `word` (any case).
    pub fn mask(&self, word: &str) -> LangMask {
        if word.len() > MAX_STOP_WORD_BYTES {
            return 0;
        }
        let mut buf = [0u8; MAX_STOP_WORD_BYTES];
        // Most words beyond ASCII (`für`, `été`) are lower-cased by their
        // ASCII bytes alone: their other characters are their own lower case.
        let n = word.len();
        buf[..n].copy_from_slice(word.as_bytes());
        buf[..n].make_ascii_lowercase();
        let lower = if word.chars().all(crate::chars::lowers_as_ascii) {
            &buf[..n]
        } else {
            // Lower-casing can lengthen a word; one that no longer fits is
            // no stop word.
            let (mut len, mut fits) = (0, true);
            for c in word.chars() {
                crate::chars::for_lowercase(c, |l| {
                    let n = l.len_utf8();
                    fits &= len + n <= buf.len();
                    if fits {
                        l.encode_utf8(&mut buf[len..len + n]);
                        len += n;
                    }
                });
            }
            if !fits {
                return 0;
            }
            &buf[..len]
        };
        self.mask_of_lowercase(lower)
    }
}

/// The index into [`LANGUAGES`] with the most stop-word hits, if any language
/// has enough hits to be trusted.
pub fn guess(counts: &[u32; LANGUAGES.len()], total_words: u32) -> Option<usize> {
    let (best, &hits) = counts
        .iter()
        .enumerate()
        .max_by_key(|&(i, &c)| (c, usize::MAX - i))?;
    // Below ~8% of the words, the "stop words" are chance hits (names, numbers).
    (hits >= 5 && hits * 100 >= total_words * 8).then_some(best)
}

/// A second language with at least a fifth of `first`'s stop-word hits (and ten).
pub fn second(counts: &[u32; LANGUAGES.len()], first: usize) -> Option<usize> {
    let (second, &hits) = counts
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != first)
        .max_by_key(|&(i, &c)| (c, usize::MAX - i))?;
    (hits >= 10 && hits * 5 >= counts[first]).then_some(second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_prefix_is_the_packed_word() {
        let bytes = *b"untilxyz";
        assert_eq!(packed_prefix(bytes, 5), packed(b"until"));
        assert_eq!(packed_prefix(bytes, 8), packed(b"untilxyz"));
        assert_eq!(packed_prefix(bytes, 1), packed(b"u"));
        let sw = StopWords::get();
        assert_eq!(sw.mask_of_short(packed_prefix(bytes, 5)), sw.mask("until"));
    }

    #[test]
    fn stop_words_are_found_in_any_case() {
        let sw = StopWords::get();
        assert_ne!(sw.mask("The") & 1, 0);
        assert_ne!(sw.mask("und") & (1 << 1), 0);
        assert_eq!(sw.mask("Soleimani"), 0);
        // Short words and long ones are kept apart; both are found.
        assert_ne!(sw.mask("WÄHREND") & (1 << 1), 0);
        // Beyond ASCII, by the ASCII bytes alone when the other characters
        // are their own lower case, and character by character otherwise.
        assert_ne!(sw.mask("Für") & (1 << 1), 0);
        assert_ne!(sw.mask("FÜR") & (1 << 1), 0);
        assert_eq!(sw.mask("Fürst"), 0);
        assert_ne!(sw.mask("Themselves") & 1, 0);
        assert_eq!(sw.mask("themselve"), 0);
        assert_eq!(sw.mask("th"), 0);
    }

    #[test]
    fn every_long_stop_word_passes_the_filter_and_most_other_words_do_not() {
        let sw = StopWords::get();
        for (word, &langs) in &sw.table {
            assert_eq!(sw.mask_of_lowercase(word), langs);
        }
        let set: u32 = sw.long_bits.iter().map(|b| b.count_ones()).sum();
        assert!(set as usize <= sw.table.len(), "{set}");
        assert!(
            f64::from(set) < 0.1 * f64::from(1u32 << LONG_FILTER_BITS),
            "{set}"
        );
    }

    #[test]
    fn every_language_has_a_list() {
        let sw = StopWords::get();
        for (i, code) in LANGUAGES.iter().enumerate() {
            let hits = (sw.short.values().chain(sw.table.values()))
                .filter(|m| **m & (1 << i) != 0)
                .count();
            assert!(hits >= 20, "{code}: {hits} stop words");
        }
    }

    #[test]
    fn guess_needs_enough_hits() {
        let mut counts = [0; LANGUAGES.len()];
        counts[1] = 30;
        counts[0] = 10;
        assert_eq!(guess(&counts, 100), Some(1));
        assert_eq!(guess(&counts, 10_000), None);
    }
}
