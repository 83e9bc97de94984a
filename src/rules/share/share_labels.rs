use crate::rules::declare_rule;

declare_rule! {
    /// Rows of share buttons and social network names.
    ///
    /// **What it removes:** a line made only of share labels and network names,
    /// with or without counters: "Share", "Tweet", "Facebook Twitter LinkedIn
    /// Email", "Teilen", "Partager", "12 Comments".
    ///
    /// **Why it is noise:** these are buttons, printed as text.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - Share Tweet Email Print
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Share 1.2K Tweet 30 Email
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + Twitter said on Friday that the account had been closed because it broke the rules.
    /// …
    /// ```
    ///
    /// **Keeps:** a sentence naming a network ("Twitter said the account was closed.").
    ///
    /// **Languages:** en, de, fr, es, it, pt, nl, pl (`data/share.labels`).
    pub struct ShareLabels {
        code: "SHR001",
        name: "share-buttons",
        family: Share,
        labels: Share,
        reason: "share button",
    }
}
