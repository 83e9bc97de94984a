use crate::rules::text::{ascii_openings, may_open_with, regex, word_in, word_len, Openings};
use crate::rules::{declare_rule, Context, Marks};
use once_cell::sync::Lazy;
use regex::Regex;

/// A label naming the neighbouring post, with an optional button word
/// before it: `Next post:`, `Zurück Vorheriger Beitrag`, `Artículo anterior`.
static LABEL: Lazy<Regex> = Lazy::new(|| {
    regex(
        r"(?i)^[^\w]*(?:(?:weiter|zurück|next|previous|siguiente|anterior)\s+)?(?:(?:next|previous|prev|newer|older|nächster|vorheriger|voriger|neuerer|älterer|article\s+suivant|article\s+précédent)\s+(?:post|article|story|entry|beitrag|artikel|eintrag)|(?:entrada|noticia|artículo)\s+(?:siguiente|anterior))",
    )
});

/// Post titles are short; a sentence that happens to end in an arrow is not one.
const MAX_WORDS: u32 = 20;

declare_rule! {
    /// Links to the previous and next post, marked by arrows or a label.
    ///
    /// **What it removes:** a line of up to 20 words that opens with `←`, `«`
    /// or `‹`, or ends with `→`, `»` or `›`, or opens with a label such as
    /// `Next post:`, `Vorheriger Beitrag` or `Artículo anterior`: the title of
    /// a neighbouring post. The labels match noise on 126 sites of the corpus
    /// and never article text.
    ///
    /// **Why it is noise:** blog engines print the neighbouring posts' titles
    /// under every post; they are links, not part of this one.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - ← Trying Out A New Recipe: Justine Dorion’s Sticky Ginger Bars
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - The December Comfort Watches 2025, Day Nineteen: The Big Short →
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + The train from Paris → Lyon takes two hours, and the tickets were cheaper than the bus.
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Weiter Nächster Beitrag: Im September: Lizenztextlesung und OERde14
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + Previous articles in this series looked at the cost of the new bridge and the delays to its opening.
    /// …
    /// ```
    ///
    /// **Keeps:** lines with arrows inside them ("Paris → Lyon takes two hours
    /// by train."); a label word that goes on ("Previous articles in this
    /// series…").
    ///
    /// **Languages:** any.
    pub struct AdjacentPost {
        code: "NAV004",
        name: "adjacent-post-link",
        family: Navigation,
    }

    fn prepare(&self) {
        Lazy::force(&LABEL);
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, text, f) in cx.lines() {
            if f.words == 0 || f.words > MAX_WORDS {
                continue;
            }
            let arrowed = text.starts_with(['←', '«', '‹']) || text.ends_with(['→', '»', '›']);
            if (arrowed && !f.inner_sentence()) || is_labelled(text) {
                out.remove_quoting(i, "link to a neighbouring post", 50);
            }
        }
    }
}

/// The words a [`LABEL`] can open with, so that the expression runs only
/// on lines that open with one of them.
const OPENING_WORDS: [&str; 18] = [
    "weiter",
    "zurück",
    "next",
    "previous",
    "prev",
    "newer",
    "older",
    "nächster",
    "vorheriger",
    "voriger",
    "neuerer",
    "älterer",
    "article",
    "entrada",
    "noticia",
    "artículo",
    "siguiente",
    "anterior",
];

/// The first two bytes of [`OPENING_WORDS`].
const OPENINGS: Openings = ascii_openings(&OPENING_WORDS);

/// `text` from its first letter or digit. Most lines open with one:
/// nothing to trim. Bullets, quotes and brackets are ASCII, passed over by
/// the byte.
// A call in WebAssembly, where inlined it made the module 0.1 KB larger gzipped.
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn from_first_word(text: &str) -> &str {
    let ascii_marks = text
        .bytes()
        .position(|b| b.is_ascii_alphanumeric() || !b.is_ascii())
        .unwrap_or(text.len());
    let rest = &text[ascii_marks..];
    if rest.as_bytes().first().is_some_and(|b| !b.is_ascii()) {
        rest.trim_start_matches(|c: char| !crate::chars::is_alphanumeric(c))
    } else {
        rest
    }
}

/// Whether `text` opens with a neighbouring-post label that ends there (the
/// post's title may be glued on: `nächster beitragGlasaal-Schmuggel`).
fn is_labelled(text: &str) -> bool {
    let opening = from_first_word(text);
    if !may_open_with(opening, &OPENINGS) {
        return false;
    }
    let first = &opening[..word_len(opening)];
    if !word_in(first, &OPENING_WORDS) {
        return false;
    }
    LABEL
        .find(text)
        .is_some_and(|m| !text[m.end()..].starts_with(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// The byte loop trims what the character loop does.
        #[test]
        fn a_line_is_trimmed_to_its_first_word_as_by_characters(text in "[-*#( \"«←é٣a1]{0,8}") {
            proptest::prop_assert_eq!(
                super::from_first_word(&text),
                text.trim_start_matches(|c: char| !crate::chars::is_alphanumeric(c))
            );
        }
    }
}
