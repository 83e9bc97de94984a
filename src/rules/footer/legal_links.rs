use crate::rules::declare_rule;

declare_rule! {
    /// Footer links: privacy, terms, imprint, contact, sitemap.
    ///
    /// **What it removes:** a line made only of such links: "Privacy Policy",
    /// "Terms of Use | Contact Us", "Impressum Datenschutz AGB", "Mentions légales".
    ///
    /// **Why it is noise:** it is the site's footer navigation.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - Privacy Policy | Terms of Service | Contact
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Impressum Datenschutz AGB
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + The privacy policy was changed last month without telling the people who use the service.
    /// …
    /// ```
    ///
    /// **Keeps:** sentences about privacy or terms ("The privacy policy was changed
    /// without telling users.").
    ///
    /// **Languages:** en, de, fr, es, it, pt, nl, pl (`data/legal.labels`).
    pub struct LegalLinks {
        code: "FTR003",
        name: "legal-links",
        family: Footer,
        labels: Legal,
        reason: "footer link",
    }
}
