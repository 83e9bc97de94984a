use crate::rules::text::word_in;
use crate::rules::{declare_rule, Context, Marks, PhraseList};
use once_cell::sync::Lazy;

static PHRASES: Lazy<PhraseList> =
    Lazy::new(|| PhraseList::parse(include_str!("../data/affiliate.phrases")));

/// A disclosure is a sentence or two; longer text is about the business.
const MAX_WORDS: u32 = 60;

/// Words in which a site speaks of itself: first-person pronouns in the
/// corpus languages ("we may earn", "wir erhalten", "nous touchons"). Not
/// "I": it is also the Italian article ("I link affiliati pagano…").
const SITE_VOICE: [&str; 27] = [
    "we", "us", "our", "my", "me", "wir", "uns", "unsere", "unser", "ich", "mir", "nous", "notre",
    "nos", "je", "nosotros", "nuestro", "nuestra", "nuestros", "nuestras", "noi", "nostro",
    "nostra", "wij", "ons", "onze", "nasz",
];
/// What a page calls itself after "this": "this post contains affiliate links".
const SELF_NAMES: [&str; 6] = ["post", "article", "page", "site", "website", "blog"];

declare_rule! {
    /// Affiliate disclosures: the site says that its links earn it money.
    ///
    /// **What it removes:** a line of up to 60 words that speaks of
    /// affiliate links or a commission ("affiliate links", "earn us a
    /// commission", "Affiliate-Links", "eine Provision", "liens
    /// d'affiliation") in the site's own voice: a first-person word ("we",
    /// "our", "my", "wir", "nous") or "this post", "this article". Inside
    /// the article too.
    ///
    /// **Why it is noise:** the disclosure is printed above or below every
    /// review and buying guide of the site; it is the site speaking about
    /// itself, not the article, and it reads like prose, so the article
    /// region takes it in.
    ///
    /// **Example:**
    ///
    /// ```text
    ///   The best budget headphones cost less than a night out, and several of them sound better than models that cost five times as much.
    /// - This article contains affiliate links that may earn us a commission at no extra cost to you.
    ///   We tested twenty pairs over three months, on the train, in the gym and at our desks, and asked a panel of listeners to rank them.
    /// ```
    ///
    /// ```text
    ///   Die besten Wanderschuhe für den Herbst haben wir auf drei Touren in den Alpen getestet, bei Regen, Schnee und Sonne.
    /// - Die mit einem Stern gekennzeichneten Links sind Affiliate-Links: Kaufen Sie darüber ein, erhalten wir eine kleine Provision.
    ///   Alle Modelle haben wir selbst gekauft, kein Hersteller hat für den Test bezahlt.
    /// ```
    ///
    /// ```text
    ///   Online shops pay bloggers for the buyers they send, and the sums have grown quickly over the last five years.
    ///   Some of the largest blogs now earn more from shops than from the advertising that once paid for them.
    /// + Affiliate links pay a blogger a commission when a reader buys through them, usually a few per cent of the price.
    ///   Regulators now ask that every such link be labelled as advertising, and several have fined bloggers who did not.
    ///   Readers, the surveys say, mostly do not mind, as long as the reviews stay honest and the labels are clear.
    /// ```
    ///
    /// ```text
    ///   I negozi online pagano i blogger per i clienti che mandano, e le somme sono cresciute molto negli ultimi cinque anni.
    ///   Alcuni dei blog più grandi guadagnano ormai più dai negozi che dalla pubblicità che li pagava una volta.
    /// + I link affiliati pagano al blogger una commissione quando un lettore compra, di solito pochi punti percentuali.
    ///   Le autorità chiedono ora che ogni link di questo tipo sia segnalato come pubblicità, e alcune hanno già multato dei blogger.
    ///   I lettori, dicono i sondaggi, per lo più non se ne preoccupano, purché le recensioni restino oneste.
    /// ```
    ///
    /// **Keeps:** text about affiliate marketing that does not speak for the
    /// site ("Affiliate links pay a blogger a commission when a reader buys
    /// through them").
    ///
    /// **Languages:** en, de, fr, es, it, pl (`data/affiliate.phrases`).
    pub struct AffiliateDisclosure {
        code: "FTR005",
        name: "affiliate-disclosure",
        family: Footer,
        triggers: PHRASES.entries().to_vec(),
        max_words: MAX_WORDS,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for t in cx.triggers {
            if site_voice(&cx.page.text[t.line()]) {
                out.remove(
                    t.line(),
                    format!("affiliate disclosure: \"{}\"", PHRASES.get(t.phrase())),
                );
            }
        }
    }
}

/// Whether `text` speaks in the site's voice: a first-person word, or
/// "this" before a name for the page.
fn site_voice(text: &str) -> bool {
    let mut after_this = false;
    for word in text.split(|c: char| !crate::chars::is_alphanumeric(c)) {
        if word.is_empty() {
            continue;
        }
        if word_in(word, &SITE_VOICE) || (after_this && word_in(word, &SELF_NAMES)) {
            return true;
        }
        after_this = word.eq_ignore_ascii_case("this");
    }
    false
}
