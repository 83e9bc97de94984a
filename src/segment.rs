//! Splitting page text into lines with byte spans, and normalising each line.
//!
//! Spans always point into the caller's original text, so a report can be
//! mapped back to the exact input bytes; the normalised text is what the
//! rules see and what the output prints.

#[cfg(any(not(simd16), test))]
use crate::byte_pairs::marked_blocks;
#[cfg(simd16)]
use crate::short_copy::copy_short;
use std::borrow::Cow;
use std::ops::Range;

/// Calls `each` with the byte span of every line of `input`, in order,
/// without its line terminator. Lines end at `\n`, `\r\n`, a lone `\r`,
/// and the rarer breaks that some converters write: form feed, vertical
/// tab, and the Unicode line and paragraph separators (U+2028, U+2029).
/// A final terminator adds no empty line.
pub fn for_each_line(input: &str, mut each: impl FnMut(Range<usize>)) {
    let bytes = input.as_bytes();
    let mut start = 0;
    if has_rare_breaks(bytes) {
        let mut chars = input.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let width = match c {
                '\r' if chars.peek().is_some_and(|&(_, n)| n == '\n') => {
                    chars.next();
                    2
                }
                '\n' | '\r' | '\x0B' | '\x0C' | '\u{2028}' | '\u{2029}' => c.len_utf8(),
                _ => continue,
            };
            each(start..i);
            start = i + width;
        }
    } else {
        for end in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if end < start {
                // The `\n` of a `\r\n` pair, already consumed.
                continue;
            }
            each(start..end);
            start = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                end + 2
            } else {
                end + 1
            };
        }
    }
    if start < input.len() {
        each(start..input.len());
    }
}

/// Where the line that starts at byte `start` ends (see [`for_each_line`]),
/// found again from the text so that a page need not keep every line's end.
pub fn line_end(input: &str, start: usize) -> usize {
    let bytes = &input.as_bytes()[start..];
    let mut end = memchr::memchr2(b'\n', b'\r', bytes).unwrap_or(bytes.len());
    let mut from = 0;
    while let Some(at) = memchr::memchr3(0x0B, 0x0C, 0xE2, &bytes[from..end]) {
        let at = from + at;
        if bytes[at] != 0xE2
            || (bytes.get(at + 1) == Some(&0x80) && matches!(bytes.get(at + 2), Some(0xA8 | 0xA9)))
        {
            end = at;
            break;
        }
        from = at + 1;
    }
    start + end
}

/// Whether `bytes` hold a form feed, a vertical tab, or U+2028 or U+2029;
/// most pages have none, and take the fast path.
fn has_rare_breaks(bytes: &[u8]) -> bool {
    static LINE_SEPARATOR: once_cell::sync::Lazy<memchr::memmem::Finder<'static>> =
        once_cell::sync::Lazy::new(|| memchr::memmem::Finder::new("\u{2028}".as_bytes()));
    static PARAGRAPH_SEPARATOR: once_cell::sync::Lazy<memchr::memmem::Finder<'static>> =
        once_cell::sync::Lazy::new(|| memchr::memmem::Finder::new("\u{2029}".as_bytes()));
    memchr::memchr2(b'\x0B', b'\x0C', bytes).is_some()
        || LINE_SEPARATOR.find(bytes).is_some()
        || PARAGRAPH_SEPARATOR.find(bytes).is_some()
}

/// Characters that render as nothing and only get in the way of matching.
/// The zero-width joiner and non-joiner (U+200C, U+200D) are not among
/// them: they change how Persian and Indic words and emoji are written.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}') || (c.is_control() && c != '\t')
}

/// Whether a trimmed line has anything [`normalize`] would change: a run of
/// spaces, a space other than U+0020, or an invisible character.
///
/// Looks at bytes: the non-ASCII spaces and invisible characters are U+0085,
/// U+00A0 and the C1 controls, U+00AD (`C2 xx`), U+1680 (`E1 9A 80`),
/// U+2000–U+200B, U+2028, U+2029, U+202F (`E2 80 xx`), U+205F, U+2060
/// (`E2 81 xx`), U+3000 (`E3 80 80`) and U+FEFF (`EF BB BF`); most lines
/// have none of their lead bytes followed by the right second byte.
///
/// Sixteen bytes a vector where the target has vector instructions for
/// them (see [`crate::simd16`]), two vectors a step (most lines are under
/// a hundred bytes: fewer steps, each with its own tests, cost less); only the
/// bytes marked there are looked at again, where a loop over byte pairs
/// can only say which blocks to look at byte by byte.
#[cfg(simd16)]
fn needs_work(trimmed: &str) -> bool {
    let b = trimmed.as_bytes();
    let mut at = 0;
    while at < b.len() {
        // Padded with a byte that marks nothing.
        let mut block = [b'a'; 32];
        match b.get(at..at + 32) {
            Some(full) => block.copy_from_slice(full),
            None => copy_short(&mut block, &b[at..]),
        }
        let low: [u8; 16] = std::array::from_fn(|i| block[i]);
        let high: [u8; 16] = std::array::from_fn(|i| block[16 + i]);
        let [low_marks, low_spaces] = crate::simd16::work_marks(&low);
        let [high_marks, high_spaces] = crate::simd16::work_marks(&high);
        let mut marks = u32::from(low_marks) | u32::from(high_marks) << 16;
        let spaces = u32::from(low_spaces) | u32::from(high_spaces) << 16;
        let next_space = u32::from(b.get(at + 32) == Some(&b' '));
        if spaces & ((spaces >> 1) | (next_space << 31)) != 0 {
            return true;
        }
        while marks != 0 {
            if special_at(b, at + marks.trailing_zeros() as usize) {
                return true;
            }
            marks &= marks - 1;
        }
        at += 32;
    }
    false
}

#[cfg(not(simd16))]
use needs_work_in_pairs as needs_work;

/// [`needs_work`] with a loop over byte pairs, for other targets (and, in
/// the tests, to hold the vector one to).
#[cfg(any(not(simd16), test))]
fn needs_work_in_pairs(trimmed: &str) -> bool {
    let b = trimmed.as_bytes();
    // Most lines have no control byte, no lead byte of interest and no two
    // spaces in a row: one vector loop over the line rules them out.
    let maybe = |x: u8, next: u8| {
        u8::from(x < 0x20)
            | u8::from(x == 0x7f)
            | u8::from(x == 0xC2)
            | u8::from(x.wrapping_sub(0xE1) < 3)
            | u8::from(x == 0xEF)
            | (u8::from(x == b' ') & u8::from(next == b' '))
    };
    marked_blocks(b, b'a', maybe).any(|(block, _)| {
        block
            .into_iter()
            .any(|i| special_at(b, i) || (b[i] == b' ' && b.get(i + 1) == Some(&b' ')))
    })
}

/// Whether a control character, a non-ASCII space or an invisible
/// character starts at byte `i` (see [`needs_work`]).
fn special_at(b: &[u8], i: usize) -> bool {
    let byte = b[i];
    if byte < 0x20 || byte == 0x7f {
        return true;
    }
    let next = b.get(i + 1).copied().unwrap_or(0);
    let third = b.get(i + 2).copied().unwrap_or(0);
    match byte {
        0xC2 => next <= 0xA0 || next == 0xAD,
        0xE1 => next == 0x9A && third == 0x80,
        0xE2 => {
            (next == 0x80 && matches!(third, 0x80..=0x8B | 0xA8 | 0xA9 | 0xAF))
                || (next == 0x81 && matches!(third, 0x9F | 0xA0))
        }
        0xE3 => next == 0x80 && third == 0x80,
        0xEF => next == 0xBB && third == 0xBF,
        _ => false,
    }
}

/// `raw` without the whitespace and invisible characters at its ends.
fn trim_line(raw: &str) -> &str {
    // ASCII spaces and controls by the byte first: some converters indent
    // and pad lines with hundreds of spaces (inscriptis' tables).
    let b = raw.as_bytes();
    let kept = |x: &u8| *x > b' ' && *x != 0x7F;
    let start = b.iter().position(kept).unwrap_or(b.len());
    let end = b.iter().rposition(kept).map_or(start, |p| p + 1);
    // Both ends fall next to ASCII bytes, so on character boundaries. An
    // ASCII byte kept at either end is neither a space nor invisible.
    let line = &raw[start..end];
    match (b.get(start), b.get(end.wrapping_sub(1))) {
        (Some(first), Some(last)) if first.is_ascii() && last.is_ascii() => line,
        _ => line.trim_matches(|c: char| c.is_whitespace() || is_invisible(c)),
    }
}

/// Normalises the whitespace of one line: non-breaking and other Unicode
/// spaces become a plain space, zero-width characters and control
/// characters are dropped, runs of spaces collapse to one, and the ends are
/// trimmed. Empty for a blank line.
///
/// Borrows when the line needs nothing but trimming, which is the usual case.
pub fn normalize(raw: &str) -> Cow<'_, str> {
    let trimmed = trim_line(raw);
    if !needs_work(trimmed) {
        return Cow::Borrowed(trimmed);
    }
    let b = trimmed.as_bytes();
    let mut out = String::with_capacity(trimmed.len());
    let mut pending_space = false;
    let mut i = 0;
    while i < b.len() {
        // Visible ASCII, most of any line, is copied a run at a time; the
        // rest (spaces, controls, anything beyond ASCII) a character at a
        // time. Both steps end on character boundaries.
        let run = b[i..]
            .iter()
            .position(|x| !x.is_ascii_graphic())
            .unwrap_or(b.len() - i);
        let (piece, visible) = if run > 0 {
            (&trimmed[i..i + run], true)
        } else {
            let c = trimmed[i..].chars().next().unwrap_or(' ');
            let piece = &trimmed[i..i + c.len_utf8()];
            let white = c.is_whitespace();
            pending_space |= white;
            (piece, !white && !is_invisible(c))
        };
        if visible {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push_str(piece);
        }
        i += piece.len();
    }
    if out == trimmed {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(out)
    }
}

/// Built-in patterns compiled so far in this process (see
/// [`crate::compiled_patterns`]).
pub(crate) static COMPILED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A built-in pattern, compiled (once, in a `Lazy`). Built-in patterns are
/// fixed and tested, so a failure is a bug in this crate.
pub(crate) fn regex(pattern: &str) -> regex::Regex {
    COMPILED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    regex::Regex::new(pattern).expect("built-in patterns are valid")
}

/// `text` cut to at most `max` characters, with an ellipsis when cut;
/// written straight into the reason that quotes it, without a string of
/// its own.
pub(crate) fn shorten(text: &str, max: usize) -> Shortened<'_> {
    match text.char_indices().nth(max) {
        Some((i, _)) => Shortened {
            text: &text[..i],
            cut: true,
        },
        None => Shortened { text, cut: false },
    }
}

/// `label: "text"`, the text [`shorten`]ed to `max` characters: the reason
/// of a rule that quotes its line, written straight into a string of its
/// size (rules quote thousands of lines, and the formatting machinery
/// would grow each string a few times over).
pub(crate) fn quote(label: &str, text: &str, max: usize) -> String {
    let short = shorten(text, max);
    let mut out = String::with_capacity(label.len() + short.text.len() + 7);
    out.push_str(label);
    out.push_str(": \"");
    out.push_str(short.text);
    if short.cut {
        out.push('…');
    }
    out.push('"');
    out
}

/// What [`shorten`] keeps of a text; displays as the text, then `…` if cut.
pub(crate) struct Shortened<'a> {
    text: &'a str,
    cut: bool,
}

impl std::fmt::Display for Shortened<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text)?;
        if self.cut {
            f.write_str("…")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn a_line_is_trimmed_as_by_characters(
            raw in "[ a\t\n\x0B\x0C\r\x01\x1F\x7F\u{85}\u{A0}\u{AD}\u{200B}\u{2028}\u{3000}\u{FEFF}é]{0,12}",
        ) {
            let by_chars = raw.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
            proptest::prop_assert_eq!(trim_line(&raw), by_chars);
        }
    }

    proptest::proptest! {
        #[test]
        fn work_is_noticed_as_by_characters(line in "[ a\t\u{A0}\u{AD}\u{200B}\u{3000}é’]{0,80}") {
            let by_chars = line.contains("  ")
                || line.chars().any(|c| (c.is_whitespace() && c != ' ') || is_invisible(c));
            proptest::prop_assert_eq!(needs_work(&line), by_chars);
            proptest::prop_assert_eq!(needs_work_in_pairs(&line), by_chars);
        }
    }

    proptest::proptest! {
        #[test]
        fn a_quote_reads_as_its_format(label in "[a-z {}]{0,12}", text in "[a é…\"]{0,14}", max in 0usize..12) {
            let formatted = format!("{label}: \"{}\"", shorten(&text, max));
            proptest::prop_assert_eq!(quote(&label, &text, max), formatted);
        }
    }

    /// What [`normalize`] makes of a trimmed line, character by character.
    fn by_chars(trimmed: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in trimmed.chars() {
            if c.is_whitespace() {
                pending_space = true;
            } else if !is_invisible(c) {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn a_line_is_normalised_as_by_characters(
            raw in "[ a.\t\n\x0B\x01\x1F\x7F~!\u{85}\u{A0}\u{AD}\u{200B}\u{2028}\u{3000}\u{FEFF}é’日]{0,40}",
        ) {
            proptest::prop_assert_eq!(normalize(&raw), by_chars(trim_line(&raw)));
        }
    }

    fn split(input: &str) -> Vec<(Range<usize>, String)> {
        let mut lines = Vec::new();
        for_each_line(input, |span| {
            assert_eq!(line_end(input, span.start), span.end, "{span:?}");
            lines.push((span.clone(), normalize(&input[span]).into_owned()));
        });
        lines
    }

    #[test]
    fn form_feeds_and_unicode_separators_break_lines() {
        let input = "one\x0ctwo\u{2028}three\u{2029}four\r\nfive\x0bsix";
        let lines = split(input);
        let texts: Vec<&str> = lines.iter().map(|l| l.1.as_str()).collect();
        assert_eq!(texts, ["one", "two", "three", "four", "five", "six"]);
        assert_eq!(&input[lines[2].0.clone()], "three");
    }

    #[test]
    fn joiners_are_kept_and_zero_width_spaces_dropped() {
        // Persian "I want" is written with a zero-width non-joiner; a family
        // emoji is joined by zero-width joiners.
        assert_eq!(normalize("می\u{200c}خواهم"), "می\u{200c}خواهم");
        assert_eq!(normalize("👩\u{200d}💻 coder"), "👩\u{200d}💻 coder");
        assert_eq!(normalize("a\u{200b}b  c"), "ab c");
    }

    #[test]
    fn spans_point_at_the_input_bytes() {
        let input = "one\r\ntwo \u{a0}words\rthree\n\nfour\u{2014}";
        let lines = split(input);
        let texts: Vec<_> = lines.iter().map(|l| l.1.as_str()).collect();
        assert_eq!(texts, ["one", "two words", "three", "", "four\u{2014}"]);
        assert_eq!(&input[lines[1].0.clone()], "two \u{a0}words");
        assert_eq!(&input[lines[4].0.clone()], "four\u{2014}");
    }

    #[test]
    fn zero_width_and_control_characters_vanish() {
        assert_eq!(normalize("\u{feff}Hello\u{200b} world\u{0}"), "Hello world");
        assert!(matches!(normalize("plain text"), Cow::Borrowed(_)));
    }

    #[test]
    fn every_space_and_invisible_character_is_noticed() {
        // The byte-level check must agree with the character classes.
        for c in ('\u{80}'..='\u{3100}').chain(['\u{FEFF}', '\u{FFFD}', 'é', '’']) {
            let line = format!("a{c}b");
            let expected = c.is_whitespace() || is_invisible(c);
            assert_eq!(needs_work(&line), expected, "U+{:04X}", c as u32);
            assert_eq!(needs_work_in_pairs(&line), expected, "U+{:04X}", c as u32);
        }
        assert!(needs_work("a  b"));
        assert!(!needs_work("a b"));
        // On either side of the vector loop's steps, and across them.
        for at in [14, 15, 16, 30, 31, 32, 33, 63, 64] {
            let a = "a".repeat(at);
            for line in [
                format!("{a}  b"),
                format!("{a}\u{a0}b"),
                format!("{a}\u{200b}"),
            ] {
                assert!(needs_work(&line), "{line:?}");
                assert!(needs_work_in_pairs(&line), "{line:?}");
            }
            assert!(!needs_work(&format!("{a} b {a}")));
        }
    }

    #[test]
    fn trailing_newline_adds_no_line() {
        assert_eq!(split("a\nb\n").len(), 2);
        assert!(split("").is_empty());
    }
}
