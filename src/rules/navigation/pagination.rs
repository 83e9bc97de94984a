use crate::rules::text::regex;
use crate::rules::{declare_rule, shorten, Context, Marks};
use once_cell::sync::Lazy;
use regex::Regex;

static PAGE_OF: Lazy<Regex> = Lazy::new(|| {
    regex(
        r"(?i)^(?:page|seite|página|pagina|strona|pagina)\s+\d+\s*(?:of|von|de|di|z|sur|/)\s*\d+$",
    )
});
/// Page numbers with optional arrows and previous/next words: `« 1 2 3 … 9 Next »`.
static PAGE_NUMBERS: Lazy<Regex> = Lazy::new(|| {
    regex(
        r"(?i)^(?:[«‹<←]\s*)?(?:(?:prev(?:ious)?|next|zurück|weiter|vorherige|nächste|précédent|suivant|anterior|siguiente)\s*)?(?:[\d…]+\s+){2,}[\d…]+(?:\s*(?:prev(?:ious)?|next|zurück|weiter|vorherige|nächste|précédent|suivant|anterior|siguiente))?(?:\s*[»›>→])?$",
    )
});

declare_rule! {
    /// Pagination controls.
    ///
    /// **What it removes:** "Page 2 of 5", "Seite 1 von 3", and lines of page
    /// numbers with optional previous/next words: `« 1 2 3 … 9 Next »`.
    ///
    /// **Why it is noise:** it links to other pages of a listing or a long article.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - 1 2 3 4 5 Next
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Page 2 of 5
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + Page 3 of the report lists the costs of each of the 12 projects that the council approved.
    /// …
    /// ```
    ///
    /// **Keeps:** numbers inside sentences and tables with text ("Page 3 of the
    /// report lists the costs.").
    ///
    /// **Languages:** en, de, fr, es, it, pl.
    pub struct Pagination {
        code: "NAV003",
        name: "pagination",
        family: Navigation,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, text, f) in cx.lines() {
            if text.is_empty() || text.len() > 80 || f.digits == 0 {
                continue;
            }
            if PAGE_OF.is_match(text) || PAGE_NUMBERS.is_match(text) {
                out.remove(i, format!("pagination: \"{}\"", shorten(text, 40)));
            }
        }
    }
}
