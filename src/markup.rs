//! Markup that HTML-to-text converters leave in a line: markdown links and
//! images (html2text), autolinks and bare URLs.
//!
//! Rendering keeps a link's anchor text and drops image markup and URLs, so
//! that `[the report](https://…)` prints as `the report`. It never adds text.

use crate::segment::regex;
use once_cell::sync::Lazy;
use regex::Regex;
use std::borrow::Cow;

/// A line with its markup rendered away, and how much of it was link text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered<'a> {
    /// The visible text: anchor texts kept, image markup and URLs dropped.
    pub text: Cow<'a, str>,
    /// Characters of `text` that were anchor text of a link.
    pub link_chars: usize,
    /// Number of markdown links and images the line held.
    pub links: usize,
    /// Number of images the line held.
    pub images: usize,
}

// Image markup first, so that `[![alt](img)](href)` becomes `[](href)`.
// Both patterns are anchored and tried only where their first byte is (see
// [`matches`]).
static IMAGE: Lazy<Regex> = Lazy::new(|| regex(r#"^!\[[^\]]*\]\([^)\s]*(?:\s+"[^"]*")?\)"#));
static LINK: Lazy<Regex> =
    Lazy::new(|| regex(r#"^\[[^\[\]]*\]\((?:<[^>]*>|[^)\s]*)(?:\s+"[^"]*")?\)"#));

/// The spans an unanchored search for `anchored` (a pattern that starts
/// with `^` and then the byte `opener`) would find in `text`, one after the
/// other: the leftmost match starts at the first `opener` where the pattern
/// matches, so trying it there, anchored, finds the same spans without the
/// backward pass an unanchored search needs to find where a match starts.
fn matches(anchored: &Regex, opener: u8, text: &str) -> Vec<std::ops::Range<usize>> {
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(at) = memchr::memchr(opener, &text.as_bytes()[from..]) {
        let start = from + at;
        // `opener` is ASCII, so `start` is a character boundary.
        match anchored.find(&text[start..]) {
            Some(m) => {
                spans.push(start..start + m.end());
                from = start + m.end();
            }
            None => from = start + 1,
        }
    }
    spans
}

/// `text` without `spans` (in order, not overlapping).
fn without(text: &str, spans: &[std::ops::Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for span in spans {
        out.push_str(&text[last..span.start]);
        last = span.end;
    }
    out.push_str(&text[last..]);
    out
}
// `(?-u:\b)`: ASCII word boundaries, which the regex crate's lazy DFA can
// search; a Unicode `\b` sends lines with non-ASCII text to a slower engine.
static URL: Lazy<Regex> = Lazy::new(|| regex(r"<?(?-u:\b)(?:https?://|www\.)[^\s<>]+>?"));

// Substring searchers built once (building one per call costs more than the search).
static LINK_END: Lazy<memchr::memmem::Finder<'static>> =
    Lazy::new(|| memchr::memmem::Finder::new(b"]("));
static SCHEME: Lazy<memchr::memmem::Finder<'static>> =
    Lazy::new(|| memchr::memmem::Finder::new(b"://"));
static WWW: Lazy<memchr::memmem::Finder<'static>> =
    Lazy::new(|| memchr::memmem::Finder::new(b"www."));

/// Renders the markup of one normalised line (see the module docs).
pub fn render(line: &str) -> Rendered<'_> {
    let bytes = line.as_bytes();
    // One cheap byte search rules out most lines before the substring searches.
    let has_link = memchr::memchr(b']', bytes).is_some() && LINK_END.find(bytes).is_some();
    let has_url = (memchr::memchr(b':', bytes).is_some() && SCHEME.find(bytes).is_some())
        || (memchr::memchr(b'.', bytes).is_some() && WWW.find(bytes).is_some());
    if !has_link && !has_url {
        return Rendered {
            text: Cow::Borrowed(line),
            link_chars: 0,
            links: 0,
            images: 0,
        };
    }
    let mut text: Cow<'_, str> = Cow::Borrowed(line);
    let mut images = 0;
    let mut links = 0;
    let mut link_chars = 0;
    if has_link {
        let spans = matches(&IMAGE, b'!', &text);
        images = spans.len();
        if images > 0 {
            text = Cow::Owned(without(&text, &spans));
        }
        // The anchors are shorter than their links: the line's length is room enough.
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for whole in matches(&LINK, b'[', &text) {
            // The anchor runs from the opening `[` to the first `]`, which
            // the pattern does not allow inside it (no capture groups needed).
            let link = &text[whole.clone()];
            let anchor = link[1..link.find(']').unwrap_or(1)].trim();
            out.push_str(&text[last..whole.start]);
            out.push_str(anchor);
            link_chars += anchor.chars().count();
            links += 1;
            last = whole.end;
        }
        if links > 0 {
            out.push_str(&text[last..]);
            text = Cow::Owned(out);
        }
        links += images;
    }
    if has_url && URL.is_match(&text) {
        text = Cow::Owned(URL.replace_all(&text, "").into_owned());
    }
    if let Cow::Owned(s) = &text {
        // Removing markup can leave doubled or edge spaces behind.
        let tidy = crate::segment::normalize(s).into_owned();
        text = Cow::Owned(tidy);
    }
    Rendered {
        text,
        link_chars,
        links,
        images,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_render_as_anchor_text() {
        let r = render("Read [the full report](https://example.com/r \"title\") here.");
        assert_eq!(r.text, "Read the full report here.");
        assert_eq!(r.link_chars, "the full report".len());
        assert_eq!(r.links, 1);
    }

    #[test]
    fn images_and_linked_images_vanish() {
        let r = render("[![Logo](https://x.org/logo.png)](https://x.org/)");
        assert_eq!(r.text, "");
        let r = render("![A cat on a mat](cat.jpg) The cat sat.");
        assert_eq!(r.text, "The cat sat.");
        assert_eq!(r.images, 1);
    }

    #[test]
    fn bare_urls_are_dropped_but_brackets_in_prose_stay() {
        assert_eq!(
            render("Visit https://example.com/page now").text,
            "Visit now"
        );
        let prose = "He said [sic] that (as always) it works.";
        assert_eq!(render(prose).text, prose);
    }

    proptest::proptest! {
        #[test]
        fn anchored_search_finds_what_a_search_from_the_start_finds(
            tokens in proptest::collection::vec(
                "(\\[a\\]|\\(b\\)|\\(<u v>\\)|!|\\[|\\]|\\(|\\)|<|>| |\"t\"|a|:|/)",
                0..16,
            )
        ) {
            let text = tokens.concat();
            for (anchored, opener) in [(&*IMAGE, b'!'), (&*LINK, b'[')] {
                let unanchored = regex(&anchored.as_str()[1..]);
                let expected: Vec<_> = unanchored.find_iter(&text).map(|m| m.range()).collect();
                proptest::prop_assert_eq!(matches(anchored, opener, &text), expected);
            }
        }
    }
}
