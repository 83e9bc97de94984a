use crate::rules::{declare_rule, mark_labels, Context, LabelList, Marks};

declare_rule! {
    /// The labels that mark an advertising slot.
    ///
    /// **What it removes:** a line made only of such labels: "Advertisement",
    /// "Story continues below advertisement", "Anzeige", "Publicité", "Reklama".
    ///
    /// **Why it is noise:** the label stays in the text when the ad itself is gone.
    ///
    /// **Example:** `ADVERTISEMENT` is removed.
    ///
    /// **Keeps:** sentences about advertising ("Advertisement revenue fell by a third.").
    ///
    /// **Languages:** en, de, fr, es, it, pt, nl, pl (`data/ads.labels`).
    pub struct AdLabel {
        code: "ADS001",
        name: "ad-label",
        family: Ads,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        mark_labels(cx, out, LabelList::Ads, "advertising label");
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::verdict_in_article;

    #[test]
    fn removes_advertisement_label() {
        assert_eq!(verdict_in_article("ADVERTISEMENT"), Some("ADS001"));
        assert_eq!(verdict_in_article("Anzeige"), Some("ADS001"));
    }

    #[test]
    fn keeps_a_sentence_about_advertising() {
        let line = "Advertisement revenue at the newspaper fell by a third last year, the company said in its annual report.";
        assert_eq!(verdict_in_article(line), None);
    }
}
