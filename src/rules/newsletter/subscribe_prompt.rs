use crate::rules::{declare_rule, PhraseList};
use once_cell::sync::Lazy;

static PHRASES: Lazy<PhraseList> =
    Lazy::new(|| PhraseList::parse(include_str!("../data/newsletter.phrases")));

/// Prompts are short; a long paragraph that mentions a newsletter is prose.
const MAX_WORDS: u32 = 45;

declare_rule! {
    /// Newsletter, subscription, trial-offer and reader-support prompts.
    ///
    /// **What it removes:** lines of up to 45 words with a sign-up phrase:
    /// "Sign up for our newsletter", "get the best of X delivered to your inbox",
    /// "Start your trial subscription today", "Newsletter abonnieren", "Abonnez-vous",
    /// or an appeal for the readers' money: "Support us", "Donate today",
    /// "Unterstütze uns mit deiner Spende", "Apoya el periodismo", or for
    /// their help after the article: "If you liked this post, please share
    /// it", "Wenn Ihnen der Artikel gefallen hat: …".
    ///
    /// **Why it is noise:** the prompt belongs to the site, not the story, and
    /// sites print it in and around every article; an appeal for support is the
    /// same prompt for a site that asks for donations instead of subscriptions.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - From our morning news briefing to a weekly Good News Newsletter, get the best of The Week delivered directly to your inbox.
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Immer informiert bleiben mit dem wöchentlichen AUTO&Wirtschaft Newsletter. Jetzt anmelden!
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Eine Welt ohne Hetze? Unterstütze uns mit deiner Spende!
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - If you liked this post, please share it with a friend who might enjoy it too.
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + The paper's editors said that the number of readers who pay for the print edition has fallen every year since 2010, while the audience of the free morning briefing, which is sent out by email before seven o'clock, has grown to more than two million people across the country.
    /// …
    /// ```
    ///
    /// **Keeps:** long paragraphs that report on newsletters or subscriptions.
    ///
    /// **Languages:** en, de, fr, es, it, pt, nl, pl (`data/newsletter.phrases`).
    pub struct SubscribePrompt {
        code: "NWS001",
        name: "subscribe-prompt",
        family: Newsletter,
        phrases: PHRASES,
        max_words: MAX_WORDS,
        reason: "sign-up prompt",
    }
}
