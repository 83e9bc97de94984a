//! The word loop a character at a time, as lines were measured before
//! [`crate::word_masks`]: the reference the masks are tested against, on
//! every kind of line, the scripts counted apart included.

use super::{
    is_cjk, is_unspaced, Scripts, FIRST_SPECIAL_SCRIPT, LAST_SCRIPT_STOP, SCRIPT_STOPS,
    UNSPACED_PHRASE_CHARS,
};
use crate::chars::{self, ALNUM, CASE_LOWER, CASE_UPPER, DIGIT, LETTER, UPPER};
use crate::lang::{packed_prefix, StopWords};
use crate::word_masks::{WordCounts, MAX_ASCII_WORD};

/// Counts the words of `text` after its bullet (`bullet` bytes) a
/// character at a time.
pub(super) fn count_by_char(text: &str, bullet: usize, stop: &StopWords) -> (WordCounts, Scripts) {
    let mut out = WordCounts::default();
    // One pass over the bytes: words are runs of alphanumerics. ASCII bytes
    // are classified by table; an ASCII word is lower-cased on the way, for
    // the stop-word lookup.
    let bytes = text.as_bytes();
    let mut word_start: Option<usize> = None;
    let mut has_letter = false;
    let mut first_upper = false;
    // Counted wide and narrowed once at the end.
    let mut capitalised = 0u32;
    // Its first eight bytes are read as one key however short the word.
    let mut lower = [0u8; MAX_ASCII_WORD + 8];
    let mut lower_len = 0usize;
    // Whether `lower` holds the word lower-cased: it does while the word is
    // ASCII and Latin-1 (most words of the languages with stop words).
    let mut lowered = true;
    // `first8`: the first eight bytes of the word's buffer, of which the
    // first `lower.len()` are the word's when it is that short.
    let finish =
        |word: &str, lower: &[u8], first8: [u8; 8], lowered: bool, out: &mut WordCounts| {
            out.add_word(if lowered && lower.len() <= 8 {
                stop.mask_of_short(packed_prefix(first8, lower.len()))
            } else if lowered {
                stop.mask_of_lowercase(lower)
            } else {
                stop.mask(word)
            });
        };
    let mut cjk = 0u32;
    // Thai-like characters, the length of the run they are in, and how many
    // runs of a phrase's length the line has.
    let (mut unspaced, mut run, mut phrases) = (0u32, 0u32, 0u32);
    // Where the last run of them ends.
    let mut run_end = usize::MAX;
    // Where the first full stop of a script without Latin punctuation ends.
    let mut script_stop_end = None;
    let table = chars::table();
    // The ASCII part as an array, so that a byte below 0x80 indexes it
    // without a bounds check.
    let ascii_classes: &[u8; 128] = table
        .get(..128)
        .and_then(|t| t.try_into().ok())
        .unwrap_or(&[0; 128]);
    let mut after_lower = false;
    // Counted wide in locals and narrowed once at the end, which keeps the
    // loop free of stores and branches.
    let (mut case_joins, mut digits) = (0usize, 0usize);
    // UTF-8 continuation bytes after the bullet: the characters are the
    // bytes less these.
    let mut continuation = 0usize;
    let mut i = bullet;
    // One step past the end, where the last word ends as if at a space.
    while i <= bytes.len() {
        // The character's lower case when it is one of Latin-1's (two bytes).
        let mut latin1 = None;
        let (class, width) = match bytes.get(i) {
            None => (0, 1),
            Some(&byte) if byte < 0x80 => (ascii_classes[usize::from(byte & 0x7F)], 1),
            Some(_) => {
                let c = text[i..].chars().next().unwrap_or(' ');
                continuation += c.len_utf8() - 1;
                if c < FIRST_SPECIAL_SCRIPT {
                    // Latin, Greek, Cyrillic, Hebrew: the common case.
                    latin1 = latin1_lowercase(c);
                    (chars::class_in(table, c), c.len_utf8())
                } else if is_cjk(c) {
                    // Counted apart below; it ends a word of another script.
                    cjk += 1;
                    (0, c.len_utf8())
                } else if is_unspaced(c) {
                    // Counted apart below, like CJK.
                    unspaced += 1;
                    // A run goes on only from the character before.
                    run = if run_end == i { run + 1 } else { 1 };
                    run_end = i + c.len_utf8();
                    phrases += u32::from(run == UNSPACED_PHRASE_CHARS);
                    (0, c.len_utf8())
                } else if c <= LAST_SCRIPT_STOP && SCRIPT_STOPS.contains(&c) {
                    script_stop_end.get_or_insert(i + c.len_utf8());
                    (0, c.len_utf8())
                } else {
                    (chars::class_in(table, c), c.len_utf8())
                }
            }
        };
        case_joins += usize::from(after_lower & (class & CASE_UPPER != 0));
        after_lower = class & CASE_LOWER != 0;
        if class & ALNUM != 0 {
            if word_start.is_none() {
                word_start = Some(i);
                has_letter = false;
                first_upper = class & UPPER != 0;
                lower_len = 0;
                lowered = true;
            }
            has_letter |= class & LETTER != 0;
            if width == 1 {
                digits += usize::from(class & DIGIT != 0);
                if lower_len < MAX_ASCII_WORD {
                    lower[lower_len] = bytes[i].to_ascii_lowercase();
                }
                lower_len += 1;
                // The rest of a run of ASCII letters and digits.
                while let Some(&byte) = bytes.get(i + 1) {
                    let class = ascii_classes[usize::from(byte & 0x7F)];
                    if byte >= 0x80 || class & ALNUM == 0 {
                        break;
                    }
                    i += 1;
                    case_joins += usize::from(after_lower & (class & CASE_UPPER != 0));
                    after_lower = class & CASE_LOWER != 0;
                    has_letter |= class & LETTER != 0;
                    digits += usize::from(class & DIGIT != 0);
                    if lower_len < MAX_ASCII_WORD {
                        lower[lower_len] = byte.to_ascii_lowercase();
                    }
                    lower_len += 1;
                }
            } else if let Some(l) = latin1.filter(|_| lower_len + 2 <= MAX_ASCII_WORD) {
                l.encode_utf8(&mut lower[lower_len..]);
                lower_len += 2;
            } else {
                lowered = false;
            }
        } else if let Some(start) = word_start.take() {
            if has_letter {
                capitalised += u32::from(first_upper);
                let lowered = lowered && lower_len <= MAX_ASCII_WORD;
                let mut first8 = [0u8; 8];
                first8.copy_from_slice(&lower[..8]);
                finish(
                    &text[start..i],
                    &lower[..lower_len.min(MAX_ASCII_WORD)],
                    first8,
                    lowered,
                    &mut out,
                );
            }
        }
        i += width;
    }
    out.capitalised = capitalised;
    out.case_joins = case_joins;
    out.digits = digits;
    out.continuation = continuation;
    out.sentence_break = bytes[bullet..]
        .windows(3)
        .any(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ');
    let scripts = Scripts {
        cjk,
        unspaced,
        phrases,
        run,
        run_end,
        script_stop_end,
    };
    (out, scripts)
}

/// The lower case of a Latin-1 character above ASCII (`Ä` → `ä`, `ß` →
/// `ß`), without the standard library's table search; `None` for any other
/// character. Latin-1's capitals lie 0x20 below their small letters, and
/// every lower case of the block is in it, two UTF-8 bytes like the capital.
#[inline]
fn latin1_lowercase(c: char) -> Option<char> {
    match c {
        '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{DE}' => char::from_u32(c as u32 + 0x20),
        '\u{80}'..='\u{FF}' => Some(c),
        _ => None,
    }
}

mod tests {
    use super::*;

    #[test]
    fn latin1_lower_case_agrees_with_the_standard_library() {
        for c in (0x80..=0xFF).filter_map(char::from_u32) {
            let std: String = c.to_lowercase().collect();
            assert_eq!(latin1_lowercase(c).map(String::from), Some(std), "{c:?}");
        }
        assert_eq!(latin1_lowercase('A'), None);
        assert_eq!(latin1_lowercase('Ā'), None);
    }
}
