use crate::rules::{declare_rule, Context, Marks, PhraseList};
use once_cell::sync::Lazy;

static PHRASES: Lazy<PhraseList> =
    Lazy::new(|| PhraseList::parse(include_str!("../data/caption.phrases")));

declare_rule! {
    /// Photo credits and captions that carry them.
    ///
    /// **What it removes:** a line of up to 60 words where a photo credit
    /// ("Getty Images", "Shutterstock", "AP Photo", "picture alliance", "Foto:",
    /// "Photo:", "Credit:", "©") closes it (stands in its last 60 characters) or
    /// opens it (a marker with a colon, or any credit on a line of up to 12 words),
    /// and a line that ends in an agency and a photographer in brackets,
    /// whatever the agency: `(REUTERS/Denis Balibouse)`, `(EFE/Juan Pérez)`
    /// (19 sites of the corpus).
    ///
    /// **Why it is noise:** captions describe an image the text version does not
    /// show; the credit is metadata.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - President Trump speaks to reporters in the Oval Office on Tuesday. (Photo by Drew Angerer/Getty Images)
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Foto: dpa/Michael Kappeler
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + Getty Images said on Monday that it would buy its smaller rival for about one billion dollars, ending months of talks between the two companies and their owners in London and New York.
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Dmitry Muratov, Russian journalist and Nobel Peace Prize laureate (REUTERS/Denis Balibouse)
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + The data flows through Google Cloud, where the team runs its pipelines on three services (Pub/Sub, Dataflow and BigQuery)
    /// …
    /// ```
    ///
    /// **Keeps:** long paragraphs and lines where the agency is named mid-sentence
    /// ("Getty Images said on Monday that it would buy its rival for $1bn, ending months of talks.");
    /// brackets with a slash that hold a list or lower-case words ("(Pub/Sub, Dataflow and BigQuery)").
    ///
    /// **Languages:** any (agency names); markers in en, de, fr.
    pub struct AgencyCredit {
        code: "CAP001",
        name: "photo-credit",
        family: Caption,
        triggers: PHRASES.entries().to_vec(),
        max_words: 60,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for t in cx.triggers {
            let text = &cx.page.text[t.line()];
            let f = &cx.page.features[t.line()];
            let phrase = PHRASES.get(t.phrase());
            // A credit opens a caption ("Foto: …") or closes it ("… /Getty Images").
            let opens =
                t.opens_line(text) && (phrase.ends_with(':') || phrase == "©" || f.words <= 12);
            let closes = text.len() - t.at().end <= 60;
            if f.words <= 60 && (opens || closes) {
                out.remove(
                    t.line(),
                    format!("photo credit: \"{}\"", PHRASES.get(t.phrase())),
                );
            }
        }
        for (i, text, f) in cx.lines() {
            if f.words <= 60 && text.ends_with(')') && is_bracketed_credit(text) {
                out.remove(i, "photo credit: \"(agency/photographer)\"");
            }
        }
    }
}

/// Whether `text` ends in `(Agency/Photographer)`: one to three capitalised
/// words, a slash, then a capitalised name of at most 40 bytes with no
/// comma or further slash.
fn is_bracketed_credit(text: &str) -> bool {
    let Some(open) = text.rfind('(') else {
        return false;
    };
    let inside = &text[open + 1..text.len() - 1];
    let Some((agency, name)) = inside.split_once('/') else {
        return false;
    };
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    let agency_words: Vec<&str> = agency.split(' ').collect();
    (1..=3).contains(&agency_words.len())
        && agency_words.iter().all(|w| capitalised(w))
        && capitalised(name)
        && (2..=40).contains(&name.len())
        && !name.contains([',', '/', '(', ')'])
}
