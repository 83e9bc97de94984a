use crate::rules::text::regex;
use crate::rules::{declare_rule, Context, Marks};
use once_cell::sync::Lazy;
use regex::Regex;

// `(?-u:\b)`: ASCII word boundaries, which the regex crate's lazy DFA can
// search; a Unicode `\b` sends lines with non-ASCII text to a slower engine.
static DATE: Lazy<Regex> = Lazy::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:\d{1,2}\.?\s*(?:jan|feb|m[äa]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz]|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia)[a-zäéû]*\.?,?\s*\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})(?-u:\b)",
    )
});

declare_rule! {
    /// Lines that are only a date (and time): datelines of teasers and of the page.
    ///
    /// **What it removes:** a line of up to 12 words holding a date ("Tuesday
    /// November 19, 2019", "Updated: 08.01.2020, 14:32 Uhr", "8 janvier 2020")
    /// with few stop words and no full sentence.
    ///
    /// **Why it is noise:** publication dates are metadata; in teaser lists they
    /// repeat for every item.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - Tuesday November 19, 2019
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - 08.01.2020, 14:32 Uhr
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + On November 19, 2019 the court ruled against the company and ordered it to pay the costs.
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + 2020-08-01 18:00:00+00 │ 200 │ 4084
    /// …
    /// ```
    ///
    /// **Keeps:** sentences with dates ("On November 19, 2019 the court ruled
    /// against the company."), and rows of a table or of figures that start
    /// with a date (a column bar, `|` or `│`, or a `%`, `$`, `€` or `£`).
    ///
    /// **Languages:** month names in en, de, fr, es, pl; numeric dates in any.
    pub struct DateLine {
        code: "TSR003",
        name: "date-line",
        family: Teaser,
    }

    fn prepare(&self) {
        Lazy::force(&DATE);
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, text, f) in cx.lines() {
            // Tables (`|`) and figures (`%`, `$`) carry dates as data.
            if f.digits < 4
                || f.words > 12
                || f.stop_words > 2
                // "Nov. 19" has a full stop too; sentences are longer.
                || (f.inner_sentence() && f.words > 6)
                || text.contains(['|', '│', '%', '$', '€', '£'])
            {
                continue;
            }
            if DATE.is_match(text) {
                out.remove_quoting(i, "date line", 40);
            }
        }
    }
}
