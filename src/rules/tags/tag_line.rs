use crate::rules::text::regex;
use crate::rules::{declare_rule, Context, Marks};
use once_cell::sync::Lazy;
use regex::Regex;

/// The longest label with its bullet and colon is well under this many bytes.
const LABEL_REACH: usize = 48;

static TAG_PREFIX: Lazy<Regex> = Lazy::new(|| {
    regex(
        r"(?i)^(?:[*•#-]\s*)?(?:in this article|tags?|tagged(?: with)?|topics?|related topics|filed under|category|cat[ée]gories?|categor[íi]as?|kategorien?|keywords|more about|schlagw[öo]rter|schlagworte|stichw[öo]rter|themen|mots[- ]cl[ée]s|[ée]tiquettes|th[èe]mes|etiquetas|temas|tematy|tagi|argomenti|onderwerpen|trefwoorden)\s*:",
    )
});

declare_rule! {
    /// Tag and topic lists under or above an article.
    ///
    /// **What it removes:** a line starting with a tag label and a colon ("In This
    /// Article:", "Tags:", "Topics:", "Filed under:", "Schlagwörter:", "Kategorie:",
    /// "Mots-clés:", "Etiquetas:") of up to 40 words, or with no sentence punctuation.
    ///
    /// **Why it is noise:** the list links to index pages; it is navigation.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - In This Article: Donald Trump, Iran, Iraq, Qasem Soleimani
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Schlagwörter: Verkehr, Unfall, Polizei
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Kategorie: Alle Blogposts, Fair Fashion, Go Green
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + Topics discussed at the meeting included the budget, the new school and the closure of the bridge over the river.
    /// …
    /// ```
    ///
    /// **Keeps:** sentences in which such a word is not a label ("Topics discussed
    /// included the budget.").
    ///
    /// **Languages:** en, de, fr, es, it, pl, nl.
    pub struct TagLine {
        code: "TAG001",
        name: "tag-line",
        family: Tags,
    }

    fn prepare(&self) {
        Lazy::force(&TAG_PREFIX);
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, text, f) in cx.lines() {
            if f.words == 0 || f.words > 60 || (f.words > 40 && f.terminal()) {
                continue;
            }
            if cx.page.colon_within(i, LABEL_REACH) && TAG_PREFIX.is_match(text) {
                out.remove_quoting(i, "tag list", 50);
            }
        }
    }
}
