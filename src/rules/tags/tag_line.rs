use crate::rules::text::colon_within;
use crate::rules::{declare_rule, shorten, Context, Marks};
use once_cell::sync::Lazy;
use regex::Regex;

/// The longest label with its bullet and colon is well under this many bytes.
const LABEL_REACH: usize = 48;

static TAG_PREFIX: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?i)^(?:[*•#-]\s*)?(?:in this article|tags?|tagged(?: with)?|topics?|related topics|filed under|categories|category|keywords|more about|schlagw[öo]rter|schlagworte|stichw[öo]rter|themen|mots[- ]cl[ée]s|[ée]tiquettes|th[èe]mes|etiquetas|temas|tematy|tagi|argomenti|onderwerpen|trefwoorden)\s*:",
    )
    .expect("valid regex")
});

declare_rule! {
    /// Tag and topic lists under or above an article.
    ///
    /// **What it removes:** a line starting with a tag label and a colon ("In This
    /// Article:", "Tags:", "Topics:", "Filed under:", "Schlagwörter:", "Mots-clés:",
    /// "Etiquetas:") of up to 40 words, or with no sentence punctuation.
    ///
    /// **Why it is noise:** the list links to index pages; it is navigation.
    ///
    /// **Example:** `In This Article: Donald Trump, Iran, Iraq, Qasem Soleimani` is removed.
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

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, text) in cx.page.text.iter().enumerate() {
            let f = &cx.page.features[i];
            if f.words == 0 || f.words > 60 || (f.words > 40 && f.terminal) {
                continue;
            }
            if colon_within(text, LABEL_REACH) && TAG_PREFIX.is_match(text) {
                out.remove(i, format!("tag list: \"{}\"", shorten(text, 50)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::verdict_in_article;

    #[test]
    fn removes_in_this_article() {
        assert_eq!(
            verdict_in_article("In This Article: Donald Trump, Iran, Iraq, Qasem Soleimani"),
            Some("TAG001")
        );
        assert_eq!(
            verdict_in_article("Schlagwörter: Verkehr, Unfall, Polizei"),
            Some("TAG001")
        );
    }

    #[test]
    fn keeps_a_sentence_starting_with_topics() {
        let line = "Topics discussed at the meeting included the budget, the new school and the closure of the bridge over the river.";
        assert_eq!(verdict_in_article(line), None);
    }
}
