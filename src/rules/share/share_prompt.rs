use crate::rules::{declare_rule, mark_triggered, Context, Marks, PhraseList};
use once_cell::sync::Lazy;

static PHRASES: Lazy<PhraseList> =
    Lazy::new(|| PhraseList::parse(include_str!("../data/share.phrases")));

declare_rule! {
    /// Calls to share the page or follow the site.
    ///
    /// **What it removes:** lines of up to 14 words with a share or follow phrase:
    /// "Share on Facebook", "Share this article", "Follow us on Instagram", "Copy
    /// link", "Artikel teilen", "Suivez-nous".
    ///
    /// **Why it is noise:** it is the site's social-media furniture.
    ///
    /// **Example:** `Share this article` and `Follow us on Twitter` are removed.
    ///
    /// **Keeps:** longer sentences ("Residents were asked to share this information
    /// with neighbours who do not use the internet.").
    ///
    /// **Languages:** en, de, fr, es, it, pt, nl, pl (`data/share.phrases`).
    pub struct SharePrompt {
        code: "SHR002",
        name: "share-prompt",
        family: Share,
        triggers: PHRASES.entries().to_vec(),
        max_words: 14,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        mark_triggered(cx, out, &PHRASES, "share prompt");
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::verdict_in_article;

    #[test]
    fn removes_share_prompts() {
        assert_eq!(
            verdict_in_article("Follow us on Twitter and Instagram"),
            Some("SHR002")
        );
    }

    #[test]
    fn keeps_longer_sentences() {
        let line = "Residents were asked to share this information with neighbours who do not use the internet or read the local paper.";
        assert_eq!(verdict_in_article(line), None);
    }
}
