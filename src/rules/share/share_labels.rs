use crate::rules::{declare_rule, mark_labels, Context, LabelList, Marks};

declare_rule! {
    /// Rows of share buttons and social network names.
    ///
    /// **What it removes:** a line made only of share labels and network names,
    /// with or without counters: "Share", "Tweet", "Facebook Twitter LinkedIn
    /// Email", "Teilen", "Partager", "12 Comments".
    ///
    /// **Why it is noise:** these are buttons, printed as text.
    ///
    /// **Example:** `Share Tweet Email Print` is removed.
    ///
    /// **Keeps:** a sentence naming a network ("Twitter said the account was closed.").
    ///
    /// **Languages:** en, de, fr, es, it, pt, nl, pl (`data/share.labels`).
    pub struct ShareLabels {
        code: "SHR001",
        name: "share-buttons",
        family: Share,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        mark_labels(cx, out, LabelList::Share, "share button");
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::verdict_in_article;

    #[test]
    fn removes_share_rows() {
        assert_eq!(
            verdict_in_article("Share Tweet Email Print"),
            Some("SHR001")
        );
        assert_eq!(
            verdict_in_article("Share 1.2K Tweet 30 Email"),
            Some("SHR001")
        );
    }

    #[test]
    fn keeps_a_sentence_naming_a_network() {
        let line =
            "Twitter said on Friday that the account had been closed because it broke the rules.";
        assert_eq!(verdict_in_article(line), None);
    }
}
