use crate::rules::{declare_rule, mark_triggered, Context, Marks, PhraseList};
use once_cell::sync::Lazy;

static PHRASES: Lazy<PhraseList> =
    Lazy::new(|| PhraseList::parse(include_str!("../data/newsletter.phrases")));

/// Prompts are short; a long paragraph that mentions a newsletter is prose.
const MAX_WORDS: u32 = 45;

declare_rule! {
    /// Newsletter, subscription and trial-offer prompts.
    ///
    /// **What it removes:** lines of up to 45 words with a sign-up phrase:
    /// "Sign up for our newsletter", "get the best of X delivered to your inbox",
    /// "Start your trial subscription today", "Newsletter abonnieren", "Abonnez-vous".
    ///
    /// **Why it is noise:** the prompt belongs to the site, not the story, and
    /// sites print it in and around every article.
    ///
    /// **Example:** `From our morning news briefing to a weekly Good News Newsletter,
    /// get the best of The Week delivered directly to your inbox.` is removed.
    ///
    /// **Keeps:** long paragraphs that report on newsletters or subscriptions.
    ///
    /// **Languages:** en, de, fr, es, it, pt, nl, pl (`data/newsletter.phrases`).
    pub struct SubscribePrompt {
        code: "NWS001",
        name: "subscribe-prompt",
        family: Newsletter,
        triggers: PHRASES.entries().to_vec(),
        max_words: MAX_WORDS,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        mark_triggered(cx, out, &PHRASES, "sign-up prompt");
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::verdict_in_article;

    #[test]
    fn removes_inbox_prompt() {
        let line = "From our morning news briefing to a weekly Good News Newsletter, get the best of The Week delivered directly to your inbox.";
        assert_eq!(verdict_in_article(line), Some("NWS001"));
        assert_eq!(
            verdict_in_article("Immer informiert bleiben mit dem wöchentlichen AUTO&Wirtschaft Newsletter. Jetzt anmelden!"),
            Some("NWS001")
        );
    }

    #[test]
    fn keeps_reporting_about_newsletters() {
        let line = "The paper's editors said that the number of readers who pay for the print edition has fallen every year since 2010, while the audience of the free morning briefing, which is sent out by email before seven o'clock, has grown to more than two million people across the country.";
        assert_eq!(verdict_in_article(line), None);
    }
}
