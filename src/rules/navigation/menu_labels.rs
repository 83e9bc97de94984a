use crate::rules::declare_rule;

declare_rule! {
    /// Menu entries and skip links.
    ///
    /// **What it removes:** a line made only of navigation labels: "Skip to
    /// content", "Menu", "Search", "Sign in", "Next", "Read more", "Startseite",
    /// "Suche", "Accueil", "Inicio".
    ///
    /// **Why it is noise:** these are buttons and links of the site's interface.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - Skip to main content
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - * Menu
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + Search teams found the missing boat at dawn, about two miles from the harbour entrance.
    /// …
    /// ```
    ///
    /// **Keeps:** a line with any word that is not a label ("Search teams found
    /// the boat at dawn.").
    ///
    /// **Languages:** en, de, fr, es, it, pt, nl, pl (`data/navigation.labels`).
    pub struct MenuLabels {
        code: "NAV002",
        name: "menu-label",
        family: Navigation,
        labels: Navigation,
        reason: "menu entry",
    }
}
