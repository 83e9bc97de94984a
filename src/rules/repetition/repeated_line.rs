use crate::rules::{declare_rule, Context, Marks};

/// Repeated lines this short are interface labels, every copy of them.
const LABEL_WORDS: u32 = 3;
/// Repeated lines up to this long may be labels or an article's subheadings.
const HEADING_WORDS: u32 = 5;

/// A label that ends with a colon introduces what follows it: a list
/// article repeats its fields in every entry (`Pros:`, `Cons:`,
/// `Website:`), while the labels of an interface (`Reply`, `Share`, `Read
/// more`) stand alone. Such a line is treated like a subheading, removed
/// only outside the article. On dev it took gold F1 from 0.9396 to 0.9401
/// (eleven pages better, wceb/0068 0.78 → 0.84; four a little worse, none
/// by more than 0.004) and moved no snippet; dev_ext unchanged. Lines whose
/// next line is a bullet (`Pros` over its list) gained more gold but lost
/// snippets (`Book now` over a list of offers), and every short repeat kept
/// inside the article lost 0.001 of snippets.
fn introduces(text: &str) -> bool {
    text.ends_with(':')
}

declare_rule! {
    /// Lines that occur more than once on the page.
    ///
    /// **What it removes:** every copy of a repeated line of up to three words
    /// ("Reply", "Read more", "Hace 3 horas"); copies of repeated lines of four or
    /// five words ("By JERUSALEM POST STAFF") or of up to three that end with a
    /// colon ("Pros:"), and every copy after the first of a longer repeated
    /// line, where they lie outside the article (a suspicion: inside it, they
    /// stay).
    ///
    /// **Why it is noise:** sites print promos, labels and bylines of teasers
    /// over and over; an article rarely says a thing twice.
    ///
    /// **Example:**
    ///
    /// ```text
    ///   Escape your echo chamber and get the facts behind the news from every side.
    /// …
    /// …
    /// - Escape your echo chamber and get the facts behind the news from every side.
    /// - Jerusalem Post Staff
    ///   Jerusalem Post Staff
    /// ```
    ///
    /// ```text
    /// …
    /// + The harbour master said the ferry would run again on Friday, once the storm had passed.
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + Pros:
    ///   * Free delivery in every city it serves, however small the order is.
    ///   The second company on the list has served the region for twenty years and trains its own staff.
    /// + Pros:
    ///   * Twenty years of experience and a staff trained by the company itself.
    /// …
    /// ```
    ///
    /// **Keeps:** the first copy of a longer repeated line, a list article's
    /// repeated field labels ("Pros:", "Website:") inside the article, and
    /// lines that occur once.
    ///
    /// **Languages:** any.
    pub struct RepeatedLine {
        code: "DUP001",
        name: "repeated-line",
        family: Repetition,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        let page = cx.page;
        let mut said = (0, String::new());
        for i in page.ruled_lines() {
            let times = page.repeats(i);
            if times < 2 || page.features[i].words == 0 {
                continue;
            }
            let first = page.first_seen(i);
            let words = page.features[i].words;
            if words <= LABEL_WORDS && !introduces(&page.text[i]) {
                out.remove_shared(i, printed(&mut said, times));
            } else if words <= HEADING_WORDS {
                // Listicles repeat their subheadings ("Pros & Cons"), so these
                // go only outside the article.
                out.suspect_shared(i, printed(&mut said, times));
            } else if first != i {
                // Articles do repeat themselves (a pull quote, a refrain), so
                // a later copy inside the article stays.
                out.suspect_with(i, || format!("repeats line {}", page.number(first)));
            }
        }
    }
}

/// The reason for a line printed `times` times, kept in `said` and written
/// again only when the count differs from the last one's: a page's copies
/// of its short lines share a handful of counts.
fn printed(said: &mut (u32, String), times: u32) -> &str {
    if said.0 != times {
        *said = (
            times,
            format!("short line printed {times} times on the page"),
        );
    }
    &said.1
}
