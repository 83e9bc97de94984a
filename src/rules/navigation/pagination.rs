use crate::rules::text::regex;
use crate::rules::{declare_rule, Context, Marks};
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

/// Whether `text` opens as the patterns need: with a digit, `<`, or the
/// first letter of a page word or a previous/next word, in either case.
/// A line that opens with another ASCII byte matches neither (both are
/// anchored); any other opening goes to the patterns, whose case folding
/// reaches beyond ASCII.
fn may_start(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(&b) if b.is_ascii() => {
            b.is_ascii_digit() || b == b'<' || b"pnzwvsa".contains(&b.to_ascii_lowercase())
        }
        _ => true,
    }
}

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

    fn prepare(&self) {
        Lazy::force(&PAGE_OF);
        Lazy::force(&PAGE_NUMBERS);
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, text, f) in cx.lines() {
            // Either pattern holds at most two words with letters (`Page …
            // of`, `Previous … Next`).
            if text.is_empty()
                || text.len() > 80
                || f.digits == 0
                || f.words > 2
                || !may_start(text)
            {
                continue;
            }
            if PAGE_OF.is_match(text) || PAGE_NUMBERS.is_match(text) {
                out.remove_quoting(i, "pagination", 40);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_lines_pass_the_opening_test() {
        for line in [
            "Page 2 of 9",
            "« 1 2 3 … 9 Next »",
            "Seite 3 von 4",
            "1 2 3",
            "‹ 4 5 6",
            "Previous 1 2 3 Next",
            "Página 2 de 9",
        ] {
            assert!(may_start(line), "{line}");
            let words = crate::features::measure(line, crate::lang::StopWords::get())
                .0
                .words;
            assert!(words <= 2, "{line}");
            assert!(
                PAGE_OF.is_match(line) || PAGE_NUMBERS.is_match(line),
                "{line}"
            );
        }
        assert!(!may_start("The 3 of us"));
    }

    proptest::proptest! {
        #[test]
        fn lines_the_opening_test_rules_out_match_no_pattern(
            open in "[ -~]",
            rest in "( ?[0-9]{1,2}| of| next| previous| von| »| …){0,6}",
        ) {
            let line = format!("{open}{rest}");
            let matched = PAGE_OF.is_match(&line) || PAGE_NUMBERS.is_match(&line);
            if !may_start(&line) {
                proptest::prop_assert!(!matched);
            }
            if matched {
                let words = crate::features::measure(&line, crate::lang::StopWords::get()).0.words;
                proptest::prop_assert!(words <= 2, "{line}: {words} words");
            }
        }
    }
}
