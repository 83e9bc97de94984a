use crate::rules::text::regex;
use crate::rules::{declare_rule, Context, Marks};
use once_cell::sync::Lazy;
use regex::Regex;

/// A relative time (`15 hrs ago`, `vor 3 Tagen`, `hace 2 horas`, `il y a 4
/// jours`) opening a line, with the dashes and spaces after it.
// `(?-u:\b)`: ASCII word boundaries, which the regex crate's lazy DFA can
// search; a Unicode `\b` sends lines with non-ASCII text to a slower engine.
static AGED: Lazy<Regex> = Lazy::new(|| {
    regex(
        r"(?i)^(?:[*•·-]\s*)?(?:\d{1,3}\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|vor\s+\d{1,3}\s+(?:sekunden|minuten|stunden|tagen|wochen|monaten|jahren)|il y a\s+\d{1,3}\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans)|hace\s+\d{1,3}\s+(?:segundos?|minutos?|horas?|días|dias|semanas?|meses|años|anos))(?-u:\b)[\s\-–—:|»«]*",
    )
});

/// The words that the relative times hold, for the trigger automaton.
const AGE_WORDS: [&str; 4] = ["ago", "vor", "hace", "il y a"];

/// A teaser's headline after its age has at least this many words (`2 days
/// ago at 07:52 am` is a comment's time stamp, for `CMT002`).
const MIN_HEADLINE_WORDS: usize = 2;
/// Teasers of a list follow each other within this many lines (blank ones
/// between included).
const MAX_GAP: usize = 3;
/// A list has at least this many: one or two such lines may be a post's
/// date beside its author (`vor 2 Monaten von Patrick Otte`).
const MIN_RUN: usize = 3;
/// Longest line taken for a teaser.
const MAX_WORDS: u32 = 30;

declare_rule! {
    /// Lists of other stories, each headline led by its age.
    ///
    /// **What it removes:** three or more lines, each within three lines of
    /// the next, that open with a relative time and go on with a headline:
    /// `15 hrs ago Washington girls knock off Lincoln`, `3 days ago – Park
    /// realizes win at Oracle`, `vor 2 Tagen Neue Brücke eröffnet`.
    ///
    /// **Why it is noise:** a story's age is the interface of a list of
    /// recent stories (a sidebar, a "more from this section" box); an
    /// article's own text never opens line after line with one.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - 15 hrs ago Washington girls knock off Lincoln
    /// - 3 days ago Park realizes win at Oracle
    /// - 4 days ago Second-quarter surge leads to Wash victory over Balboa
    /// …
    /// ```
    ///
    /// ```text
    /// + 3 days ago the council voted to close the old bridge to cars for the rest of the year.
    /// + The vote followed months of complaints from residents about the traffic on the narrow bridge.
    /// ```
    ///
    /// **Keeps:** a single line that opens with an age (a sentence, a post's
    /// date beside its author), and comment time stamps (`CMT002`'s).
    ///
    /// **Languages:** en, de, fr, es.
    pub struct AgedTeasers {
        code: "TSR009",
        name: "aged-teasers",
        family: Teaser,
        triggers: AGE_WORDS.iter().map(|w| w.to_string()).collect(),
        max_words: MAX_WORDS,
    }

    fn prepare(&self) {
        Lazy::force(&AGED);
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        let page = cx.page;
        let mut aged: Vec<usize> = Vec::new();
        for t in cx.triggers {
            if aged.last() == Some(&t.line()) || t.at().start > AGE_PREFIX_BYTES {
                continue;
            }
            let text = &page.text[t.line()];
            let headline = AGED.find(text).is_some_and(|age| {
                text[age.end()..].split_whitespace().count() >= MIN_HEADLINE_WORDS
            });
            if headline {
                aged.push(t.line());
            }
        }
        let lists = aged.chunk_by(|a, b| b - a <= MAX_GAP);
        for list in lists.filter(|list| list.len() >= MIN_RUN) {
            for &i in list {
                out.remove_quoting(i, "teaser led by its age", 40);
            }
        }
    }
}

/// The age words stand this close to the line's start (`• 12 months ago`).
const AGE_PREFIX_BYTES: usize = 24;
