use crate::rules::{declare_rule, Context, Marks};

/// Repeated lines this short are interface labels, every copy of them.
const LABEL_WORDS: u32 = 3;
/// Repeated lines up to this long may be labels or an article's subheadings.
const HEADING_WORDS: u32 = 5;

declare_rule! {
    /// Lines that occur more than once on the page.
    ///
    /// **What it removes:** every copy of a repeated line of up to three words
    /// ("Reply", "Read more", "Hace 3 horas"); copies of repeated lines of four or
    /// five words ("By JERUSALEM POST STAFF") and every copy after the first of a
    /// longer repeated line, where they lie outside the article (a suspicion:
    /// inside it, they stay).
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
    /// **Keeps:** the first copy of a longer repeated line, and lines that occur once.
    ///
    /// **Languages:** any.
    pub struct RepeatedLine {
        code: "DUP001",
        name: "repeated-line",
        family: Repetition,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        let page = cx.page;
        for i in 0..page.len() {
            let times = page.repeats(i);
            if times < 2 || page.features[i].words == 0 {
                continue;
            }
            let first = page.first_seen(i);
            let words = page.features[i].words;
            if words <= LABEL_WORDS {
                out.remove(i, format!("short line printed {times} times on the page"));
            } else if words <= HEADING_WORDS {
                // Listicles repeat their subheadings ("Pros & Cons"), so these
                // go only outside the article.
                out.suspect(i, format!("short line printed {times} times on the page"));
            } else if first != i {
                // Articles do repeat themselves (a pull quote, a refrain), so
                // a later copy inside the article stays.
                out.suspect(i, format!("repeats line {}", page.number(first)));
            }
        }
    }
}
