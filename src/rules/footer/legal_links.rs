use crate::rules::{declare_rule, mark_labels, Context, LabelList, Marks};

declare_rule! {
    /// Footer links: privacy, terms, imprint, contact, sitemap.
    ///
    /// **What it removes:** a line made only of such links: "Privacy Policy",
    /// "Terms of Use | Contact Us", "Impressum Datenschutz AGB", "Mentions légales".
    ///
    /// **Why it is noise:** it is the site's footer navigation.
    ///
    /// **Example:** `Privacy Policy Terms of Service Contact` is removed.
    ///
    /// **Keeps:** sentences about privacy or terms ("The privacy policy was changed
    /// without telling users.").
    ///
    /// **Languages:** en, de, fr, es, it, pt, nl, pl (`data/legal.labels`).
    pub struct LegalLinks {
        code: "FTR003",
        name: "legal-links",
        family: Footer,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        mark_labels(cx, out, LabelList::Legal, "footer link");
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::verdict_in_article;

    #[test]
    fn removes_footer_links() {
        assert_eq!(
            verdict_in_article("Privacy Policy | Terms of Service | Contact"),
            Some("FTR003")
        );
        assert_eq!(
            verdict_in_article("Impressum Datenschutz AGB"),
            Some("FTR003")
        );
    }

    #[test]
    fn keeps_sentences_about_privacy() {
        let line = "The privacy policy was changed last month without telling the people who use the service.";
        assert_eq!(verdict_in_article(line), None);
    }
}
