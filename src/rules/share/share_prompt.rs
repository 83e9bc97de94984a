use crate::rules::{declare_rule, PhraseList};
use once_cell::sync::Lazy;

static PHRASES: Lazy<PhraseList> =
    Lazy::new(|| PhraseList::parse(include_str!("../data/share.phrases")));

declare_rule! {
    /// Calls to share the page or follow the site.
    ///
    /// **What it removes:** lines of up to 14 words with a share or follow phrase:
    /// "Share on Facebook", "Share this article", "Follow us on Instagram", "Copy
    /// link", "Artikel teilen", "Suivez-nous".
    ///
    /// **Why it is noise:** it is the site's social-media furniture.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - Follow us on Twitter and Instagram
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + Residents were asked to share this information with neighbours who do not use the internet or read the local paper.
    /// …
    /// ```
    ///
    /// **Keeps:** longer sentences ("Residents were asked to share this information
    /// with neighbours who do not use the internet.").
    ///
    /// **Languages:** en, de, fr, es, it, pt, nl, pl (`data/share.phrases`).
    pub struct SharePrompt {
        code: "SHR002",
        name: "share-prompt",
        family: Share,
        phrases: PHRASES,
        max_words: 14,
        reason: "share prompt",
    }
}
