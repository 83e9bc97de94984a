use crate::rules::{declare_rule, PhraseList};
use once_cell::sync::Lazy;

static PHRASES: Lazy<PhraseList> =
    Lazy::new(|| PhraseList::parse(include_str!("../data/widget.phrases")));

declare_rule! {
    /// Messages of the page's interface: comment forms, loaders, players.
    ///
    /// **What it removes:** lines of up to 40 words with a phrase such as
    /// "Save my name, email, and website in this browser", "Your email address will
    /// not be published", "There was an error while loading. Please reload this page."
    ///
    /// **Why it is noise:** it is text of a form or widget, not of the article.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - Save my name, email, and website in this browser for the next time I comment.
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + When the engineers finally reached the control room, they found that something went wrong with the cooling system hours before the alarm sounded, and that the night shift had tried for a long time to fix it by hand before calling anybody for help.
    /// …
    /// ```
    ///
    /// **Keeps:** long paragraphs that happen to use a phrase ("something went
    /// wrong" inside a story).
    ///
    /// **Languages:** en, de, fr, es, it, pt, pl (`data/widget.phrases`).
    pub struct InterfaceMessage {
        code: "WDG001",
        name: "interface-message",
        family: Widget,
        phrases: PHRASES,
        max_words: 40,
        reason: "interface message",
    }
}
