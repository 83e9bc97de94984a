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
        for (i, text, f) in cx.lines() {
            // A word (it holds a letter) or an ASCII digit is enough to keep
            // a line: its characters are read only when it has neither.
            if f.words > 0 || f.digits > 0 {
                continue;
            }
            if !text.is_empty() && !text.chars().any(crate::chars::is_alphanumeric) {
                out.remove(i, "separator without text");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::verdict_in_article;

    #[test]
    fn a_digit_of_any_script_keeps_a_line() {
        // No word and no ASCII digit: the characters are read.
        assert_eq!(verdict_in_article("– ٣ –"), None);
        assert_eq!(verdict_in_article("– 7 –"), None);
        assert_eq!(verdict_in_article("– – –"), Some("STR001"));
    }
}
