use crate::rules::declare_rule;

declare_rule! {
    /// The labels that mark an advertising slot.
    ///
    /// **What it removes:** a line made only of such labels: "Advertisement",
    /// "Story continues below advertisement", "Sponsored links", "Anzeige",
    /// "Publicité", "Reklama".
    ///
    /// **Why it is noise:** the label stays in the text when the ad itself is gone.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - ADVERTISEMENT
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Anzeige
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Sponsored links
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + Advertisement revenue at the newspaper fell by a third last year, the company said in its annual report.
    /// …
    /// ```
    ///
    /// **Keeps:** sentences about advertising ("Advertisement revenue fell by a third.").
    ///
    /// **Languages:** en, de, fr, es, it, pt, nl, pl (`data/ads.labels`).
    pub struct AdLabel {
        code: "ADS001",
        name: "ad-label",
        family: Ads,
        labels: Ads,
        reason: "advertising label",
    }
}
