//! Markup that HTML-to-text converters leave in a line: markdown links and
//! images (html2text), autolinks and bare URLs.
//!
//! Rendering keeps a link's anchor text and drops image markup and URLs, so
//! that `[the report](https://…)` prints as `the report`. It never adds text.

use crate::byte_pairs::or_pairs;
use crate::segment::regex;
use once_cell::sync::Lazy;
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;

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
// The two forms, as patterns (the tests hold the matchers below to them):
// an image `^!\[[^\]]*\]\([^)\s]*(?:\s+"[^"]*")?\)` and a link
// `^\[[^\[\]]*\]\((?:<[^>]*>|[^)\s]*)(?:\s+"[^"]*")?\)`, tried where their
// first byte is (see [`matches`]).

/// Where the markdown image that opens `s` ends (`![alt](src "title")`),
/// as the image pattern would match it at the start of `s`.
fn image_end(s: &str) -> Option<usize> {
    let alt = s.strip_prefix("![")?;
    let close = 2 + memchr::memchr(b']', alt.as_bytes())?;
    destination_end(s, close + 1)
}

/// Where the markdown link that opens `s` ends (`[anchor](href "title")`,
/// `[anchor](<href>)`), as the link pattern would match it at the start of
/// `s`: the anchor holds no bracket.
fn link_end(s: &str) -> Option<usize> {
    let anchor = s.strip_prefix('[')?;
    let close = 1 + memchr::memchr2(b'[', b']', anchor.as_bytes())?;
    if s.as_bytes()[close] != b']' {
        return None;
    }
    let open = close + 1;
    // `<href>` is tried first, then a plain destination, as the pattern's
    // alternation prefers.
    if s[open..].starts_with("(<") {
        let inner = open + 2;
        let gt = memchr::memchr(b'>', &s.as_bytes()[inner..]);
        if let Some(end) = gt.and_then(|g| title_end(s, inner + g + 1)) {
            return Some(end);
        }
    }
    destination_end(s, open)
}

/// After a `(` at `open`: a destination without `)` or spaces, then the
/// optional title and the closing `)`.
fn destination_end(s: &str, open: usize) -> Option<usize> {
    let href = open + 1;
    if !s[open..].starts_with('(') {
        return None;
    }
    // ASCII bytes are tested as bytes; a character is decoded only at a
    // byte above ASCII (a space there may be Unicode's).
    let bytes = s.as_bytes();
    let mut end = crate::ascii_run::skip_plain(bytes, href);
    while let Some(&b) = bytes.get(end) {
        if b < 0x80 {
            // `\s` takes the vertical tab too, which `is_ascii_whitespace` does not.
            if b == b')' || b.is_ascii_whitespace() || b == 0x0B {
                break;
            }
            end += 1;
        } else {
            let c = s[end..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                break;
            }
            end += c.len_utf8();
        }
    }
    title_end(s, end)
}

/// From `at`: a title in quotes after spaces, if one is there and the `)`
/// follows it, else the `)` right away.
fn title_end(s: &str, at: usize) -> Option<usize> {
    let rest = &s[at..];
    let title = rest.trim_start_matches(char::is_whitespace);
    if title.len() < rest.len() {
        if let Some(quoted) = title.strip_prefix('"') {
            if let Some(q) = memchr::memchr(b'"', quoted.as_bytes()) {
                let end = s.len() - quoted.len() + q + 1;
                if s[end..].starts_with(')') {
                    return Some(end + 1);
                }
            }
        }
    }
    rest.starts_with(')').then_some(at + 1)
}

/// Where markup opening a text ends, if markup opens it.
type EndAt = fn(&str) -> Option<usize>;

/// The spans of `text` a search for the markup `end_at` recognises finds,
/// one after the other: `end_at` tells where markup opening at a given
/// point ends, and markup opens only at `opener` bytes, so trying each of
/// those in turn finds what a search from the line's start would.
fn spans(end_at: EndAt, opener: u8, text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(at) = memchr::memchr(opener, &text.as_bytes()[from..]) {
            let start = from + at;
            // `opener` is ASCII, so `start` is a character boundary.
            match end_at(&text[start..]) {
                Some(len) => {
                    from = start + len;
                    return Some(start..from);
                }
                None => from = start + 1,
            }
        }
        None
    })
}

/// The anchor text of a markdown link: from the opening `[` to the first
/// `]`, which the link pattern does not allow inside it (no capture groups
/// needed), trimmed.
fn anchor(link: &str) -> &str {
    link[1..link.find(']').unwrap_or(1)].trim()
}

/// `text` with each markup span that `end_at` finds replaced by what
/// `keep` takes from it, and how many spans there were; `None` when there
/// were none, so that a line without markup is not copied.
fn replace_spans<'t>(
    end_at: EndAt,
    opener: u8,
    text: &'t str,
    mut keep: impl FnMut(&'t str) -> &'t str,
) -> Option<(String, usize)> {
    let mut found = spans(end_at, opener, text);
    let first = found.next()?;
    // What is kept of markup is never longer than the markup.
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut last = 0;
    for span in std::iter::once(first).chain(found) {
        out.push_str(&text[last..span.start]);
        out.push_str(keep(&text[span.clone()]));
        count += 1;
        last = span.end;
    }
    out.push_str(&text[last..]);
    Some((out, count))
}

// `(?-u:\b)`: ASCII word boundaries, which the regex crate's lazy DFA can
// search; a Unicode `\b` sends lines with non-ASCII text to a slower engine.
static URL: Lazy<Regex> = Lazy::new(|| regex(r"<?(?-u:\b)(?:https?://|www\.)[^\s<>]+>?"));

/// Compiles the URL pattern now (see [`crate::prepare`]).
pub(crate) fn prepare() {
    Lazy::force(&URL);
}

// Substring searchers built once (building one per call costs more than the search).
static SCHEME: Lazy<memchr::memmem::Finder<'static>> =
    Lazy::new(|| memchr::memmem::Finder::new(b"://"));
static WWW: Lazy<memchr::memmem::Finder<'static>> =
    Lazy::new(|| memchr::memmem::Finder::new(b"www."));

/// Renders the markup of one normalised line (see the module docs).
pub fn render(line: &str) -> Rendered<'_> {
    let bytes = line.as_bytes();
    // One vector loop over the line's byte pairs finds `](` and rules out
    // most lines before the substring searches for `://` and `www.`.
    let marks = or_pairs(bytes, b' ', |x, next| {
        (u8::from(x == b']') & u8::from(next == b'('))
            | (u8::from(x == b':') & u8::from(next == b'/')) << 1
            | (u8::from(x == b'w') & u8::from(next == b'w')) << 2
    });
    let has_link = marks & 1 != 0;
    let has_url = (marks & 2 != 0 && SCHEME.find(bytes).is_some())
        || (marks & 4 != 0 && WWW.find(bytes).is_some());
    render_marked(line, has_link, has_url)
}

/// Renders `line`, which has a markdown link or image only if `has_link`
/// and a bare address only if `has_url`.
fn render_marked(line: &str, has_link: bool, has_url: bool) -> Rendered<'_> {
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
        if let Some((out, n)) = replace_spans(image_end, b'!', &text, |_| "") {
            images = n;
            text = Cow::Owned(out);
        }
        let rendered = replace_spans(link_end, b'[', &text, |link| {
            let anchor = anchor(link);
            link_chars += anchor.chars().count();
            anchor
        });
        if let Some((out, n)) = rendered {
            links = n;
            text = Cow::Owned(out);
        }
        links += images;
    }
    if has_url && URL.is_match(&text) {
        text = Cow::Owned(URL.replace_all(&text, "").into_owned());
    }
    if let Cow::Owned(s) = text {
        // Removing markup can leave doubled or edge spaces behind; a line
        // that needs no tidying is kept as it is, not copied again.
        text = match crate::segment::normalize(&s) {
            Cow::Borrowed(tidy) if tidy.len() == s.len() => Cow::Owned(s),
            tidy => Cow::Owned(tidy.into_owned()),
        };
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
        fn lines_passed_over_have_no_markup(
            tokens in proptest::collection::vec("(\\]\\(|\\[a\\]|\\(b\\)|://|www\\.|w|x|é| |\\.|:|/)", 0..40)
        ) {
            let text = tokens.concat();
            let (fast, full) = (render(&text), render_marked(&text, true, true));
            proptest::prop_assert_eq!(
                (fast.text, fast.links, fast.images, fast.link_chars),
                (full.text, full.links, full.images, full.link_chars)
            );
        }
    }

    /// The markup's patterns, searched from the line's start: what the
    /// matchers must find.
    const IMAGE: &str = r#"!\[[^\]]*\]\([^)\s]*(?:\s+"[^"]*")?\)"#;
    const LINK: &str = r#"\[[^\[\]]*\]\((?:<[^>]*>|[^)\s]*)(?:\s+"[^"]*")?\)"#;

    proptest::proptest! {
        #[test]
        fn the_matchers_find_what_the_patterns_find(
            tokens in proptest::collection::vec(
                "(\\[a\\]|\\(b\\)|\\(<u v>\\)|!|\\[|\\]|\\(|\\)|<|>| |\u{a0}|\u{3000}|\"|\"t\"|a|é|:|/)",
                0..16,
            )
        ) {
            let text = tokens.concat();
            let cases: [(EndAt, u8, &str); 2] = [(image_end, b'!', IMAGE), (link_end, b'[', LINK)];
            for (end_at, opener, pattern) in cases {
                let expected: Vec<_> = regex(pattern).find_iter(&text).map(|m| m.range()).collect();
                proptest::prop_assert_eq!(spans(end_at, opener, &text).collect::<Vec<_>>(), expected);
            }
        }
    }

    /// `line` rendered straight from the patterns, one `replace_all` each.
    fn by_patterns(line: &str) -> (String, usize, usize, usize) {
        let images = regex(IMAGE).find_iter(line).count();
        let text = regex(IMAGE).replace_all(line, "");
        let (mut links, mut link_chars) = (0, 0);
        let text = regex(LINK).replace_all(&text, |c: &regex::Captures<'_>| {
            let a = anchor(&c[0]);
            links += 1;
            link_chars += a.chars().count();
            a.to_string()
        });
        let text = URL.replace_all(&text, "");
        let text = crate::segment::normalize(&text).into_owned();
        (text, links + images, images, link_chars)
    }

    proptest::proptest! {
        #[test]
        fn rendering_is_what_the_patterns_make_of_the_line(
            tokens in proptest::collection::vec(
                "(\\[a\\]|\\[ b c \\]|\\(b\\)|\\(<u v>\\)|!\\[|!|\\[|\\]|\\(|\\)| |  |\"t\"|a|é|https://x\\.y/z|www\\.q)",
                0..16,
            )
        ) {
            let text = crate::segment::normalize(&tokens.concat()).into_owned();
            let r = render(&text);
            proptest::prop_assert_eq!(
                (r.text.into_owned(), r.links, r.images, r.link_chars),
                by_patterns(&text)
            );
        }
    }
}
