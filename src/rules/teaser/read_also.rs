use super::section_heading::PHRASES;
use crate::rules::text::regex;
use crate::rules::{declare_rule, Context, Marks};
use once_cell::sync::Lazy;
use regex::Regex;

/// Short link labels that only act as teasers when a colon follows them.
/// `SHORT_LABEL`'s colon comes within this many bytes.
const SHORT_LABEL_REACH: usize = 32;

static SHORT_LABEL: Lazy<Regex> = Lazy::new(|| {
    regex(
        r"(?i)^(?:[*•>-]\s*)?(?:more|watch|listen|video|lea|lee|siehe|voir|ver|mira|zobacz|leia)\s*:\s*\S",
    )
});

/// Teaser lines are a title; a paragraph that opens with "See also:" runs longer.
const MAX_WORDS: u32 = 30;

declare_rule! {
    /// One-line links to other stories inside or under an article.
    ///
    /// **What it removes:** a line of up to 30 words that opens with a
    /// link-block heading followed by a colon, `»` or `→`, then a title:
    /// "Read more: …", "Related: …", "Lesen Sie auch: …", "Lea también: …",
    /// "À lire aussi : …", "Czytaj też: …", "WATCH: …".
    ///
    /// **Why it is noise:** it links to another page; the title is not part of
    /// this story.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - Read more: Recognizing Germany colonial crimes
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Lea también: Impiden ingreso a Nicaragua a reportero y camarógrafo estadounidense
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + Read more carefully, the lawyer said, and you will see that the contract says otherwise.
    /// …
    /// ```
    ///
    /// **Keeps:** sentences that use the words without the colon ("Read more
    /// carefully, the contract says otherwise.").
    ///
    /// **Languages:** as `TSR001`, with "Lea", "Watch", "Siehe", "Voir".
    pub struct ReadAlso {
        code: "TSR005",
        name: "read-also-link",
        family: Teaser,
        triggers: PHRASES.entries().to_vec(),
        max_words: MAX_WORDS,
    }

    fn prepare(&self) {
        Lazy::force(&SHORT_LABEL);
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for t in cx.triggers {
            let text = &cx.page.text[t.line()];
            let rest = text[t.at().end..].trim_start();
            let labelled = rest.starts_with([':', '»', '→', '|', '>']) && rest.len() > 3;
            if t.opens_line(text) && labelled {
                out.remove_quoting(t.line(), "link to another story", 50);
            }
        }
        for (i, text, f) in cx.lines() {
            if f.words <= MAX_WORDS
                && cx.page.colon_within(i, SHORT_LABEL_REACH)
                && SHORT_LABEL.is_match(text)
            {
                out.remove_quoting(i, "link to another story", 50);
            }
        }
    }
}
