use crate::rules::{declare_rule, Context, Marks, PhraseList};
use once_cell::sync::Lazy;

static PHRASES: Lazy<PhraseList> =
    Lazy::new(|| PhraseList::parse(include_str!("../data/disclaimer.phrases")));

/// Disclaimers run to a paragraph; longer text is an article about the subject.
const MAX_WORDS: u32 = 80;

declare_rule! {
    /// Legal, privacy, affiliate and "about this site" prose (suspected).
    ///
    /// **What it removes:** lines of up to 80 words with a disclaimer phrase ("By
    /// accessing this site…", "The views expressed…", "may earn a commission",
    /// "X is the leading…", "Alle Angaben ohne Gewähr", "política de privacidad"),
    /// when they lie outside the article. Inside it they stay: the rule only
    /// tells the engine that such lines are unlikely to be article text.
    ///
    /// **Why it is noise:** it is the site's own small print, printed under
    /// every page, and it reads like prose, so only its phrases give it away.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// …
    ///   Contact
    /// - By accessing this site and any pages thereof, you agree to be bound by the terms and conditions set out below.
    /// ```
    ///
    /// ```text
    /// …
    /// + The company said that your personal information would never be sold, but regulators were not convinced by the promise.
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + The company said that your personal information would never be sold, but regulators were not convinced by the promise.
    /// …
    /// ```
    ///
    /// **Keeps:** such sentences inside an article (a story about a privacy policy).
    ///
    /// **Languages:** en, de, fr, es, it, pt, nl, pl (`data/disclaimer.phrases`).
    pub struct Disclaimer {
        code: "FTR004",
        name: "site-disclaimer",
        family: Footer,
        triggers: PHRASES.entries().to_vec(),
        max_words: MAX_WORDS,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for t in cx.triggers {
            out.suspect(
                t.line(),
                format!("site small print: \"{}\"", PHRASES.get(t.phrase())),
            );
        }
    }
}
