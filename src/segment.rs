//! Splitting page text into lines with byte spans, and normalising each line.
//!
//! Spans always point into the caller's original text, so a report can be
//! mapped back to the exact input bytes; the normalised text is what the
//! rules see and what the output prints.

use std::borrow::Cow;
use std::ops::Range;

/// One input line: its position in the original text and its normalised form.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// 1-based line number in the input.
    pub number: usize,
    /// Byte span of the line in the input, without its line terminator.
    pub span: Range<usize>,
    /// The line with whitespace normalised: non-breaking and other Unicode
    /// spaces become a plain space, zero-width characters and control
    /// characters are dropped, runs of spaces collapse to one, and the ends
    /// are trimmed. Empty for a blank line.
    pub text: Cow<'a, str>,
}

impl Line<'_> {
    /// True when the line holds nothing but whitespace.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Splits `input` into lines on `\n`, `\r\n` or a lone `\r`.
pub fn split_lines(input: &str) -> Vec<Line<'_>> {
    let bytes = input.as_bytes();
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    let mut start = 0;
    let mut number = 1;
    for end in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if end < start {
            // The `\n` of a `\r\n` pair, already consumed.
            continue;
        }
        lines.push(Line {
            number,
            span: start..end,
            text: normalize(&input[start..end]),
        });
        number += 1;
        start = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
            end + 2
        } else {
            end + 1
        };
    }
    if start < input.len() {
        lines.push(Line {
            number,
            span: start..input.len(),
            text: normalize(&input[start..]),
        });
    }
    lines
}

/// Characters that render as nothing and only get in the way of matching.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    ) || (c.is_control() && c != '\t')
}

/// Whether a trimmed line has anything [`normalize`] would change: a run of
/// spaces, a space other than U+0020, or an invisible character.
fn needs_work(trimmed: &str) -> bool {
    let b = trimmed.as_bytes();
    let mut prev_space = false;
    for (i, &byte) in b.iter().enumerate() {
        let space = byte == b' ';
        if (space && prev_space) || byte < 0x20 || byte == 0x7f {
            return true;
        }
        prev_space = space;
        // Lead bytes of the non-ASCII spaces and invisible characters:
        // U+0080–U+00A0 and U+00AD (C2), U+1680 (E1), U+2000–U+200D, U+2028,
        // U+2029, U+202F, U+205F, U+2060 (E2), U+3000 (E3), U+FEFF (EF).
        if matches!(byte, 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF) {
            let c = trimmed[i..].chars().next().unwrap_or(' ');
            if (c.is_whitespace() && c != ' ') || is_invisible(c) {
                return true;
            }
        }
    }
    false
}

/// Normalises the whitespace of one line (see [`Line::text`]).
///
/// Borrows when the line needs nothing but trimming, which is the usual case.
pub fn normalize(raw: &str) -> Cow<'_, str> {
    let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
    if !needs_work(trimmed) {
        return Cow::Borrowed(trimmed);
    }
    let mut out = String::with_capacity(trimmed.len());
    let mut pending_space = false;
    for c in trimmed.chars() {
        if c.is_whitespace() {
            pending_space = true;
        } else if is_invisible(c) {
            continue;
        } else {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    }
    if out == trimmed {
        Cow::Borrowed(trimmed)
    } else {
        Cow::Owned(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_at_the_input_bytes() {
        let input = "one\r\ntwo \u{a0}words\rthree\n\nfour";
        let lines = split_lines(input);
        let texts: Vec<_> = lines.iter().map(|l| l.text.as_ref()).collect();
        assert_eq!(texts, ["one", "two words", "three", "", "four"]);
        assert_eq!(&input[lines[1].span.clone()], "two \u{a0}words");
        assert_eq!(lines[4].number, 5);
        assert_eq!(&input[lines[4].span.clone()], "four");
    }

    #[test]
    fn zero_width_and_control_characters_vanish() {
        assert_eq!(normalize("\u{feff}Hello\u{200b} world\u{0}"), "Hello world");
        assert!(matches!(normalize("plain text"), Cow::Borrowed(_)));
    }

    #[test]
    fn trailing_newline_adds_no_line() {
        assert_eq!(split_lines("a\nb\n").len(), 2);
        assert!(split_lines("").is_empty());
    }
}
