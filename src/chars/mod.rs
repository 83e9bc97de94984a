//! Character classes by table: the Unicode properties the word loop and the
//! rules ask of every character, looked up in one byte instead of searched
//! for in the standard library's property tables each time.
//!
//! The table covers the scripts written with spaces and their punctuation
//! (below U+3000); the build script fills it from the standard library's
//! own answers, so a lookup always agrees with them. Other characters are
//! asked directly.

/// The class bits and how a character's class is worked out. The build
/// script includes it too and writes the table for the characters below
/// [`TABLE_END`]; the rarer ones are worked out at run time.
mod classes;

use classes::{compute, OWN_LOWER, TABLE_END};
pub(crate) use classes::{ALNUM, CASE_LOWER, CASE_UPPER, LETTER, UPPER};
// Digits are ASCII and classed by the word masks' own test; the reference
// word loop of the tests reads the bit.
#[cfg(test)]
pub(crate) use classes::DIGIT;

/// The table, written by the build script with [`classes::compute`]: filled
/// at run time it took 11 M instructions, a sixth of the command-line
/// tool's start-up.
static TABLE: [u8; TABLE_END as usize] =
    *include_bytes!(concat!(env!("OUT_DIR"), "/char_classes.bin"));

/// The table's entries, indexed by code point below U+3000. Hold it across
/// a loop rather than asking [`class`] each time.
pub(crate) fn table() -> &'static [u8] {
    &TABLE
}

/// The class of `c` (see the constants), from `table` when it covers `c`.
#[inline]
pub(crate) fn class_in(table: &[u8], c: char) -> u8 {
    match table.get(c as usize) {
        Some(&class) => class,
        // Han ideographs and Hangul syllables, the bulk of Chinese, Japanese
        // and Korean text: every one a letter without case (the test below
        // holds this to the standard library).
        None if matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}') => {
            ALNUM | LETTER
        }
        None => compute(c),
    }
}

/// The class of `c`.
#[inline]
pub(crate) fn class(c: char) -> u8 {
    class_in(table(), c)
}

/// [`char::is_alphabetic`], by table.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    class(c) & LETTER != 0
}

/// [`char::is_alphanumeric`], by table.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    class(c) & ALNUM != 0
}

/// Calls `push` with each character of `c`'s lower case, as
/// [`char::to_lowercase`] yields them: ASCII and the characters of the table
/// that are their own lower case (most of them) without its search.
#[inline]
pub(crate) fn for_lowercase(c: char, mut push: impl FnMut(char)) {
    if c.is_ascii() {
        push(c.to_ascii_lowercase());
    } else if table()
        .get(c as usize)
        .is_some_and(|&class| class & OWN_LOWER != 0)
    {
        push(c);
    } else {
        c.to_lowercase().for_each(push);
    }
}

/// Whether `c` lower-cases as [`char::to_ascii_lowercase`] does: an ASCII
/// character, or one of the table's that is its own lower case.
#[inline]
pub(crate) fn lowers_as_ascii(c: char) -> bool {
    c.is_ascii()
        || table()
            .get(c as usize)
            .is_some_and(|&class| class & OWN_LOWER != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_agrees_with_the_standard_library_for_every_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let class = class(c);
            assert_eq!(class & LETTER != 0, c.is_alphabetic(), "{c:?}");
            assert_eq!(class & ALNUM != 0, c.is_alphanumeric(), "{c:?}");
            assert_eq!(class & DIGIT != 0, c.is_ascii_digit(), "{c:?}");
            assert_eq!(
                class & UPPER != 0,
                c.is_alphabetic() && c.is_uppercase(),
                "{c:?}"
            );
            assert_eq!(class & CASE_UPPER != 0, c.is_uppercase(), "{c:?}");
            assert_eq!(class & CASE_LOWER != 0, c.is_lowercase(), "{c:?}");
            let mut lower = String::new();
            for_lowercase(c, |l| lower.push(l));
            assert_eq!(lower, c.to_lowercase().to_string(), "{c:?}");
            if lowers_as_ascii(c) {
                assert_eq!(lower, c.to_ascii_lowercase().to_string(), "{c:?}");
            }
        }
    }
}
