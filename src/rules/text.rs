//! Small string helpers shared by rules: cheap tests that decide whether a
//! line is worth a regular expression at all.

use crate::features::BULLETS;
pub(crate) use crate::segment::regex;

/// `text` without a leading list bullet and spaces.
pub(crate) fn without_bullet(text: &str) -> &str {
    // Most lines open with a letter or a digit: nothing to trim.
    if text
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        return text;
    }
    text.trim_start_matches(|c: char| c == ' ' || BULLETS.contains(&c))
}

/// Whether `text` is a line of HTML or XML markup (`<div id="main">`,
/// `</script>`, `<!DOCTYPE html>`): code a post quotes, not a trail or a
/// menu, though its `>` look like a trail's separators. A bracketed label
/// (`<back | forward >`, `< Prev`) has a space inside the brackets.
pub(crate) fn is_tag_line(text: &str) -> bool {
    let b = trim(text).as_bytes();
    b.len() >= 3
        && b[0] == b'<'
        && b[b.len() - 1] == b'>'
        && (b[1].is_ascii_alphabetic() || b[1] == b'/' || b[1] == b'!')
        && b[b.len() - 2] != b' '
}

/// [`str::trim`], without decoding a character when both ends are visible
/// ASCII (the lines of a page are trimmed already).
pub(crate) fn trim(text: &str) -> &str {
    let b = text.as_bytes();
    let plain = |x: Option<&u8>| x.is_some_and(|x| (b'!'..=b'~').contains(x));
    if plain(b.first()) && plain(b.last()) {
        text
    } else {
        text.trim()
    }
}

/// The words that open a byline (`By John Ley`, `von Tilman Weber`, `di
/// Mario Rossi`, `Autor: Jan Kowalski`).
pub(crate) const BYLINE_WORDS: [&str; 8] =
    ["by", "von", "par", "por", "di", "door", "przez", "autor"];
/// The first bytes of [`BYLINE_WORDS`].
const BYLINE_OPENINGS: Openings = ascii_openings(&BYLINE_WORDS);

/// Whether the first word of `text` (after a bullet; letters and digits)
/// is one of [`BYLINE_WORDS`], its first two bytes asked first.
pub(crate) fn opens_with_byline_word(text: &str) -> bool {
    let text = without_bullet(text);
    may_open_with(text, &BYLINE_OPENINGS) && word_in(&text[..word_len(text)], &BYLINE_WORDS)
}

/// Length in bytes of the run of letters and digits that opens `text`.
/// ASCII bytes are tested as bytes; the rest of the run is decoded only
/// when a non-ASCII character is reached.
pub(crate) fn word_len(text: &str) -> usize {
    let b = text.as_bytes();
    let ascii = b
        .iter()
        .position(|x| !x.is_ascii_alphanumeric())
        .unwrap_or(b.len());
    if ascii == b.len() || b[ascii].is_ascii() {
        return ascii;
    }
    let rest = &text[ascii..];
    ascii
        + rest
            .find(|c: char| !crate::chars::is_alphanumeric(c))
            .unwrap_or(rest.len())
}

/// The last word of `text`, letters and digits only.
pub(crate) fn last_word(text: &str) -> &str {
    let trimmed = text.trim_end_matches(|c: char| !crate::chars::is_alphanumeric(c));
    let start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !crate::chars::is_alphanumeric(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &trimmed[start..]
}

/// The first two bytes of the entries of a list, for [`may_open_with`]: for
/// each ASCII byte that opens an entry (in either case), the bytes that
/// follow it, a bit each: `a` to `z` (either case) in bits 0 to 25, a byte
/// beyond ASCII in bit 30, any other (or the entry's end) in bit 31.
pub(crate) type Openings = [u32; 128];

/// Bit of [`Openings`]: an entry's second byte is beyond ASCII.
const FOLLOWED_BEYOND_ASCII: u32 = 1 << 30;
/// Bit of [`Openings`]: an entry's second byte is ASCII but no letter, or
/// the entry has one byte.
const FOLLOWED_BY_OTHER: u32 = 1 << 31;

/// The [`Openings`] of `list` (lower-case entries).
pub(crate) const fn ascii_openings(list: &[&str]) -> Openings {
    let mut table = [0u32; 128];
    let mut i = 0;
    while i < list.len() {
        let b = list[i].as_bytes();
        if b[0] < 0x80 {
            let follows = if b.len() == 1 {
                // Whatever follows a one-byte entry, the line may open with it.
                u32::MAX
            } else if b[1] >= 0x80 {
                FOLLOWED_BEYOND_ASCII
            } else if b[1].is_ascii_alphabetic() {
                1 << (b[1].to_ascii_lowercase() - b'a')
            } else {
                FOLLOWED_BY_OTHER
            };
            table[b[0].to_ascii_lowercase() as usize] |= follows;
            table[b[0].to_ascii_uppercase() as usize] |= follows;
        }
        i += 1;
    }
    table
}

/// Whether `text` may open with an entry of the list whose
/// [`ascii_openings`] are `openings`, ignoring case: false only when its
/// first byte is ASCII and opens no entry, or its first two bytes are
/// ASCII and open none. A character beyond ASCII can lower-case to an
/// ASCII letter (the Kelvin sign to `k`), so only ASCII bytes rule an entry
/// out; an ASCII byte matches no character beyond ASCII. Two bytes rule
/// out many more lines than the first alone.
#[inline]
pub(crate) fn may_open_with(text: &str, openings: &Openings) -> bool {
    let b = text.as_bytes();
    let Some(&first) = b.first() else {
        return true;
    };
    if first >= 0x80 {
        return true;
    }
    let follows = openings[usize::from(first)];
    let bit = match b.get(1) {
        Some(&second) if second.is_ascii_alphabetic() => 1 << (second.to_ascii_lowercase() - b'a'),
        Some(&second) if second < 0x80 => FOLLOWED_BY_OTHER,
        // Beyond ASCII, or nothing more: any entry with this opening byte.
        _ => u32::MAX,
    };
    follows & bit != 0
}

/// Whether `word` equals one of `list` (lower-case entries), ignoring case.
/// (Entries whose upper case has another byte length, such as `ı`, need
/// their own entry in that case.)
pub(crate) fn word_in(word: &str, list: &[&str]) -> bool {
    if word.is_empty() {
        return false;
    }
    // Whether the word is ASCII is asked once, not for every entry.
    if word.is_ascii() {
        list.iter()
            .any(|w| w.len() == word.len() && word.eq_ignore_ascii_case(w))
    } else {
        list.iter()
            .any(|w| w.len() == word.len() && strip_prefix_ignore_case(word, w) == Some(""))
    }
}

/// `text` with the prefix `lower` (a lower-case string) removed, matched
/// ignoring case; `None` if `text` does not start with it.
pub(crate) fn strip_prefix_ignore_case<'t>(text: &'t str, lower: &str) -> Option<&'t str> {
    // ASCII against ASCII, byte by byte: a character outside ASCII may
    // lower-case to an ASCII letter (the Kelvin sign to `k`), so the bytes
    // compared must all be ASCII.
    let (t, l) = (text.as_bytes(), lower.as_bytes());
    if t.len() < l.len() || !l.is_ascii() {
        return strip_prefix_ignore_case_chars(text, lower);
    }
    for (&c, &e) in t.iter().zip(l) {
        if c >= 0x80 {
            return strip_prefix_ignore_case_chars(text, lower);
        }
        if c != e && c.to_ascii_lowercase() != e {
            return None;
        }
    }
    Some(&text[l.len()..])
}

/// [`strip_prefix_ignore_case`], character by character.
fn strip_prefix_ignore_case_chars<'t>(text: &'t str, lower: &str) -> Option<&'t str> {
    let mut rest = text.char_indices();
    for expected in lower.chars() {
        let (_, c) = rest.next()?;
        if c != expected && !c.to_lowercase().eq(std::iter::once(expected)) {
            return None;
        }
    }
    Some(rest.next().map_or("", |(i, _)| &text[i..]))
}

/// The number that opens a numbered heading (`5. Screwdrivers`, `## 2)
/// Paris`; html2text escapes the dot: `### 1\. PMP`), one to three digits
/// after any `#` and spaces, and the rest of the line from its `. ` or `) `.
pub(crate) fn section_number(text: &str) -> Option<(u64, &str)> {
    // By the byte: `#`, spaces and digits are ASCII (most lines open with
    // a letter, and are done with at the first byte).
    let b = text.as_bytes();
    let text = &text[b.iter().take_while(|&&c| c == b'#' || c == b' ').count()..];
    let digits = text.bytes().position(|c| !c.is_ascii_digit())?;
    let rest = text[digits..].strip_prefix('\\').unwrap_or(&text[digits..]);
    if !(1..=3).contains(&digits) || !(rest.starts_with(". ") || rest.starts_with(") ")) {
        return None;
    }
    Some((text[..digits].parse().ok()?, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn a_section_number_is_read_as_by_characters(text in "[#  0-9.)\\aé]{0,8}") {
            let by_chars = || {
                let text = text.trim_start_matches(['#', ' ']);
                let digits = text.find(|c: char| !c.is_ascii_digit())?;
                let rest = text[digits..].strip_prefix('\\').unwrap_or(&text[digits..]);
                if !(1..=3).contains(&digits) || !(rest.starts_with(". ") || rest.starts_with(") ")) {
                    return None;
                }
                Some((text[..digits].parse::<u64>().ok()?, rest))
            };
            proptest::prop_assert_eq!(section_number(&text), by_chars());
        }

        #[test]
        fn trimming_agrees_with_the_standard_library(text in "[a< \t\x0B\x01\u{A0}\u{3000}é]{0,6}") {
            proptest::prop_assert_eq!(trim(&text), text.trim());
        }
    }

    proptest::proptest! {
        #[test]
        fn prefixes_compare_alike_by_bytes_and_by_characters(
            text in "[aAbBkK\u{212A}éÉ ]{0,6}",
            lower in "[abkBé ]{0,4}",
        ) {
            proptest::prop_assert_eq!(
                strip_prefix_ignore_case(&text, &lower),
                strip_prefix_ignore_case_chars(&text, &lower)
            );
        }
    }

    #[test]
    fn words_at_the_edges() {
        assert!(opens_with_byline_word("• By Jane Doe") && opens_with_byline_word("AUTOR: Jan"));
        assert!(!opens_with_byline_word("Bypass road") && !opens_with_byline_word("Bay area"));
        assert_eq!(last_word("12. joetoronto says:"), "says");
        assert_eq!(last_word("Straße"), "Straße");
        assert!(word_in("SAID", &["said"]));
        const LIST: [&str; 3] = ["said", "zurück", "älterer"];
        const INITIALS: Openings = ascii_openings(&LIST);
        for word in [
            "SAID", "said", "Zurück", "ÄLTERER", "Älterer", "told", "", "1999",
        ] {
            if !may_open_with(word, &INITIALS) {
                assert!(!word_in(word, &LIST), "{word}");
            }
        }
        assert!(!may_open_with("told", &INITIALS) && !may_open_with("1999", &INITIALS));
        assert!(!may_open_with("Sx", &INITIALS) && !may_open_with("zo", &INITIALS));
        assert!(may_open_with("Sa", &INITIALS) && may_open_with("s", &INITIALS));
        assert!(may_open_with("Zurück", &INITIALS) && may_open_with("Älterer", &INITIALS));
        assert_eq!(
            strip_prefix_ignore_case("Strona Główna Sport", "strona główna"),
            Some(" Sport")
        );
        assert_eq!(strip_prefix_ignore_case("Home", "homepage"), None);
    }

    proptest::proptest! {
        /// The two-byte test rules out only lines that open with no entry,
        /// ignoring case (entries of one byte, with bytes beyond ASCII or
        /// other ASCII bytes included).
        #[test]
        fn a_line_ruled_out_by_its_opening_opens_with_no_entry(
            list in proptest::collection::vec("[a-zäß0-9' -]{1,4}", 1..6),
            text in "[a-zA-ZäÄ0-9' \u{212A}-]{0,5}",
        ) {
            let entries: Vec<&str> = list.iter().map(String::as_str).collect();
            if !may_open_with(&text, &ascii_openings(&entries)) {
                for e in &entries {
                    proptest::prop_assert!(strip_prefix_ignore_case(&text, e).is_none(), "{text:?} {e:?}");
                }
            }
        }
    }
}
