use crate::rules::{declare_rule, mark_labels, Context, LabelList, Marks};

declare_rule! {
    /// Menu entries and skip links.
    ///
    /// **What it removes:** a line made only of navigation labels: "Skip to
    /// content", "Menu", "Search", "Sign in", "Next", "Read more", "Startseite",
    /// "Suche", "Accueil", "Inicio".
    ///
    /// **Why it is noise:** these are buttons and links of the site's interface.
    ///
    /// **Example:** `Skip to main content` and `Menu Search` are removed.
    ///
    /// **Keeps:** a line with any word that is not a label ("Search teams found
    /// the boat at dawn.").
    ///
    /// **Languages:** en, de, fr, es, it, pt, nl, pl (`data/navigation.labels`).
    pub struct MenuLabels {
        code: "NAV002",
        name: "menu-label",
        family: Navigation,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        mark_labels(cx, out, LabelList::Navigation, "menu entry");
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::verdict_in_article;

    #[test]
    fn removes_skip_links() {
        assert_eq!(verdict_in_article("Skip to main content"), Some("NAV002"));
        assert_eq!(verdict_in_article("* Menu"), Some("NAV002"));
    }

    #[test]
    fn keeps_a_sentence_with_a_menu_word() {
        let line = "Search teams found the missing boat at dawn, about two miles from the harbour entrance.";
        assert_eq!(verdict_in_article(line), None);
    }
}
