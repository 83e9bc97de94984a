use crate::rules::text::strip_prefix_ignore_case;
use crate::rules::{declare_rule, Context, Marks};

/// The links that close a teaser's blurb, lower-cased.
const MORE_LINKS: [&str; 12] = [
    "more",
    "read more",
    "continue reading",
    "more details",
    "mehr",
    "mehr lesen",
    "weiterlesen",
    "leer más",
    "ver más",
    "lire la suite",
    "en savoir plus",
    "czytaj więcej",
];

/// The last words of [`MORE_LINKS`].
const LAST_WORDS: [&str; 10] = [
    "more",
    "reading",
    "details",
    "mehr",
    "lesen",
    "weiterlesen",
    "más",
    "suite",
    "plus",
    "więcej",
];

/// A blurb has a sentence before its link (`Learn how here. More`).
const MIN_WORDS: u32 = 5;
/// Blurbs are a paragraph at most.
const MAX_WORDS: u32 = 80;

declare_rule! {
    /// Blurbs of other stories that end in a link to read on.
    ///
    /// **What it removes:** a line of five to 80 words whose sentence (or
    /// ellipsis) is followed by `More`, `Read more`, `More Details`, `mehr
    /// >>`, `Weiterlesen`, `Leer más`, `Lire la suite`: `Stress really does
    /// kill but you can control it. Learn how here. More`.
    ///
    /// **Why it is noise:** the link word is the teaser's own: a list of
    /// other stories shows the start of each and links to the rest. An
    /// article's paragraphs do not end in a link to themselves. On the
    /// three corpora it removes 248 lines on 81 pages of more than ten
    /// sites; five of them are article text (a post's own excerpt printed
    /// above it). Every link word matches noise on three sites or more, or
    /// nothing yet (`Full Story` fitted one site and is left out). `Learn
    /// more` after a paragraph is left alone: product and about pages end
    /// real paragraphs with it.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - Stress really does kill but you can control it before it controls you. Learn how here. More
    /// - Are you paying on a high-interest mortgage? Find out what you can save... mehr >>
    /// - Winter doesn't mean you have to gain weight. Learn how to stay slim all year. More Details
    /// - When you walk into almost any store, you're overloaded with sights, sounds,… Read more Read more
    /// …
    /// ```
    ///
    /// ```text
    /// + The council wants to hear more.
    /// + Residents who want to read more can find the report at the town hall, where it is on display until May.
    /// ```
    ///
    /// **Keeps:** sentences that end with the word itself (`The council
    /// wants to hear more.`), and a bare `Read more` link (`MKP002`'s and
    /// `TSR001`'s).
    ///
    /// **Languages:** en, de, es, fr, pl.
    pub struct MoreLink {
        code: "TSR010",
        name: "more-link-blurb",
        family: Teaser,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, text, f) in cx.lines() {
            if (MIN_WORDS..=MAX_WORDS).contains(&f.words) && ends_in_more_link(text) {
                out.remove(i, "teaser's blurb with a link to read more");
            }
        }
    }
}

/// Whether `text` ends with a sentence (or an ellipsis) and then one of
/// [`MORE_LINKS`], perhaps with an arrow after it (`… do. More`, `…
/// and... mehr >>`), or the link printed twice (`…,… Read more Read more`).
fn ends_in_more_link(text: &str) -> bool {
    let text = text.trim_end_matches([' ', '»', '›', '>', '→']);
    // Most lines end in a word no link ends with: one look at it rules
    // them out.
    let last = text.rsplit(' ').next().unwrap_or(text);
    if !LAST_WORDS
        .iter()
        .any(|w| w.len() == last.len() && strip_prefix_ignore_case(last, w) == Some(""))
    {
        return false;
    }
    MORE_LINKS.iter().any(|link| {
        let Some(mut body) = strip_link(text, link) else {
            return false;
        };
        if let Some(again) = strip_link(body.trim_end(), link) {
            body = again;
        }
        body.ends_with(' ') && body.trim_end().ends_with(['.', '!', '?', '…', '"', '”'])
    })
}

/// `text` without `link` (lower case) at its end, matched ignoring case.
fn strip_link<'t>(text: &'t str, link: &str) -> Option<&'t str> {
    let at = text.len().checked_sub(link.len())?;
    (text.is_char_boundary(at) && strip_prefix_ignore_case(&text[at..], link) == Some(""))
        .then(|| &text[..at])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_link_ends_with_one_of_the_last_words() {
        for link in MORE_LINKS {
            let last = link.rsplit(' ').next().unwrap();
            assert!(LAST_WORDS.contains(&last), "{link}");
        }
        assert!(ends_in_more_link("Learn how to control stress here. More"));
        assert!(ends_in_more_link(
            "Wie man Stress abbaut, zeigen wir hier... Mehr »"
        ));
        assert!(!ends_in_more_link("The council wants to hear more"));
    }
}
