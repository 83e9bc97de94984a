use crate::rules::{declare_rule, mark_labels, Context, LabelList, Marks};

declare_rule! {
    /// Buttons and headings of sign-up boxes: "Subscribe", "Newsletter", "Sign up".
    ///
    /// **What it removes:** a line made only of such labels.
    ///
    /// **Why it is noise:** it is the caption of a form, printed as text.
    ///
    /// **Example:** `Subscribe` and `Newsletter` are removed.
    ///
    /// **Keeps:** sentences that use the words ("Subscribers got the news first.").
    ///
    /// **Languages:** en, de, fr, es, it, pl (`data/newsletter.labels`).
    pub struct SubscribeLabel {
        code: "NWS002",
        name: "subscribe-label",
        family: Newsletter,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        mark_labels(cx, out, LabelList::Newsletter, "sign-up button");
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::verdict_in_article;

    #[test]
    fn removes_a_subscribe_button() {
        assert_eq!(verdict_in_article("Subscribe"), Some("NWS002"));
    }

    #[test]
    fn keeps_a_sentence_about_subscribers() {
        let line = "Subscribers who had paid for the whole year were told that they would get their money back.";
        assert_eq!(verdict_in_article(line), None);
    }
}
