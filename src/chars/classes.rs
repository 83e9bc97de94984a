// Included by the build script as well (so no inner doc comment here: see
// `mod classes` in `chars`).

/// Part of a word: alphabetic or numeric.
pub(crate) const ALNUM: u8 = 1;
/// Alphabetic.
pub(crate) const LETTER: u8 = 2;
/// An ASCII digit.
pub(crate) const DIGIT: u8 = 4;
/// An alphabetic upper-case letter (what makes a word capitalised).
pub(crate) const UPPER: u8 = 8;
/// Upper case ([`char::is_uppercase`]).
pub(crate) const CASE_UPPER: u8 = 16;
/// Lower case ([`char::is_lowercase`]).
pub(crate) const CASE_LOWER: u8 = 32;

/// Its own lower case: [`char::to_lowercase`] yields the character itself.
pub(crate) const OWN_LOWER: u8 = 64;

/// Characters below this are classified by table.
pub(crate) const TABLE_END: u32 = 0x3000;

/// The class of `c`, computed from the standard library's properties: kept
/// out of line, as it runs for rare characters only.
#[inline(never)]
pub(crate) fn compute(c: char) -> u8 {
    let mut class = 0;
    if c.is_ascii_digit() {
        class |= ALNUM | DIGIT;
    }
    let upper = c.is_uppercase();
    if c.is_alphabetic() {
        class |= ALNUM | LETTER;
        if upper {
            class |= UPPER;
        }
    } else if c.is_numeric() {
        class |= ALNUM;
    }
    if upper {
        class |= CASE_UPPER;
    }
    if c.is_lowercase() {
        class |= CASE_LOWER;
    }
    if c.to_lowercase().eq([c]) {
        class |= OWN_LOWER;
    }
    class
}
