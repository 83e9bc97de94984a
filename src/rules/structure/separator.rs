use crate::rules::{declare_rule, Context, Marks};

declare_rule! {
    /// Lines with no letters or digits: rules, dashes, lone bullets.
    ///
    /// **What it removes:** `-`, `–––––`, `* * *`, `|`, `•`.
    ///
    /// **Why it is noise:** separators carry no text; in teaser lists they
    /// divide one item from the next.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - –––––
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + 1914–1918
    /// …
    /// ```
    ///
    /// **Keeps:** any line with a letter or a digit.
    ///
    /// **Languages:** any.
    pub struct Separator {
        code: "STR001",
        name: "separator",
        family: Structure,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, text, _) in cx.lines() {
            if !text.is_empty() && !text.chars().any(crate::chars::is_alphanumeric) {
                out.remove(i, "separator without text");
            }
        }
    }
}
