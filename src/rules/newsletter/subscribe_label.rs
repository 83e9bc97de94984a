use crate::rules::declare_rule;

declare_rule! {
    /// Buttons and headings of sign-up boxes: "Subscribe", "Newsletter", "Sign up".
    ///
    /// **What it removes:** a line made only of such labels.
    ///
    /// **Why it is noise:** it is the caption of a form, printed as text.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - Subscribe
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + Subscribers who had paid for the whole year were told that they would get their money back.
    /// …
    /// ```
    ///
    /// **Keeps:** sentences that use the words ("Subscribers got the news first.").
    ///
    /// **Languages:** en, de, fr, es, it, pl (`data/newsletter.labels`).
    pub struct SubscribeLabel {
        code: "NWS002",
        name: "subscribe-label",
        family: Newsletter,
        labels: Newsletter,
        reason: "sign-up button",
    }
}
