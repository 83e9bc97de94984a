use crate::rules::{declare_rule, Context, Marks, PhraseList};
use once_cell::sync::Lazy;

static PHRASES: Lazy<PhraseList> =
    Lazy::new(|| PhraseList::parse(include_str!("../data/poweredby.phrases")));

declare_rule! {
    /// Site-builder credits: "Powered by WordPress", "Theme by …", "Designed by …".
    ///
    /// **What it removes:** a line of up to 10 words that starts with such a
    /// credit (the credit alone, "Powered by", included).
    ///
    /// **Why it is noise:** it names the site's software or designer, not the story.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - Powered by
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Proudly powered by WordPress
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + The car is powered by a small electric motor that the team built in a garage.
    /// …
    /// ```
    ///
    /// **Keeps:** sentences where the phrase is not a credit ("The car is powered by
    /// a small electric motor.").
    ///
    /// **Languages:** en, de, fr, es, it (`data/poweredby.phrases`).
    pub struct PoweredBy {
        code: "FTR002",
        name: "powered-by",
        family: Footer,
        triggers: PHRASES.entries().to_vec(),
        max_words: 10,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for t in cx.triggers {
            let text = &cx.page.text[t.line()];
            if t.opens_line(text) {
                out.remove(
                    t.line(),
                    format!("site credit: \"{}\"", PHRASES.get(t.phrase())),
                );
            }
        }
    }
}
