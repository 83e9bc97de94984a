use crate::rules::text::opens_with_byline_word;
use crate::rules::text::regex;
use crate::rules::{declare_rule, Context, Marks};

use once_cell::sync::Lazy;
use regex::Regex;

/// `By NAME[, OUTLET] Published` and kin; or a bare `By NAME NAME`.
// `(?-u:\b)`: ASCII word boundaries, which the regex crate's lazy DFA can
// search; a Unicode `\b` sends lines with non-ASCII text to a slower engine.
static BYLINE: Lazy<Regex> = Lazy::new(|| {
    regex(
        r"^(?:[*•-]\s*)?(?:By|BY|Von|Par|Por|Di|Door|Przez)\s+[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][^.!?]{0,80}?(?:\s(?:Published|Updated|Last updated|Veröffentlicht|Aktualisiert|Publié|Publicado)(?-u:\b).{0,40}|\s*)$",
    )
});

/// Most lines between two bylines of one teaser run.
const MAX_ITEM_LINES: usize = 5;
/// Teaser headlines and deks are short.
const MAX_ITEM_WORDS: u32 = 50;

declare_rule! {
    /// Runs of teasers for other stories, each ending in a byline.
    ///
    /// **What it removes:** where two or more byline lines (`By NAME[, OUTLET]
    /// Published`, `By NAME`) follow each other within five lines, each byline
    /// and the headline and dek lines above it.
    ///
    /// **Why it is noise:** it is a list of other articles with their authors;
    /// the deks are sentences, so only the run shows them for what they are.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// …
    ///   -
    /// - Orkney's war on stoats
    /// - In the Spotlight A coordinated stoat cull on the Scottish islands has proved successful
    /// - By Abby Wilson Published
    ///   -
    /// - Cuba's energy crisis
    /// - The Explainer Already beset by a host of issues, the island nation is struggling with nationwide blackouts
    /// - By Rebekah Evans, The Week UK Published
    /// ```
    ///
    /// ```text
    ///   By Abby Wilson Published
    /// + The council met on Tuesday evening to discuss the budget for the coming year, and the debate went on for several hours.
    /// …
    /// ```
    ///
    /// **Keeps:** an article's own single byline and its paragraphs.
    ///
    /// **Languages:** en, de, fr, es, it, nl, pl byline words.
    pub struct BylineTeasers {
        code: "TSR002",
        name: "byline-teasers",
        family: Teaser,
    }

    fn prepare(&self) {
        Lazy::force(&BYLINE);
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        let page = cx.page;
        let bylines: Vec<usize> = page
            .ruled_lines()
            .filter(|&i| {
                let f = &page.features[i];
                f.words >= 2
                    && f.words <= 16
                    && opens_with_byline_word(&page.text[i])
                    && BYLINE.is_match(&page.text[i])
            })
            .collect();
        let in_run = |k: usize| {
            let near = |a: usize, b: usize| b - a <= MAX_ITEM_LINES + 1;
            (k > 0 && near(bylines[k - 1], bylines[k]))
                || (k + 1 < bylines.len() && near(bylines[k], bylines[k + 1]))
        };
        for k in 0..bylines.len() {
            if !in_run(k) {
                continue;
            }
            let byline = bylines[k];
            out.remove_quoting(byline, "teaser byline", 50);
            // The item's headline and dek: the lines above, up to the
            // previous byline or a separator.
            let stop = if k > 0 && in_run(k - 1) {
                bylines[k - 1] + 1
            } else {
                byline.saturating_sub(3)
            };
            for i in (stop..byline).rev() {
                let f = &page.features[i];
                if page.is_blank(i) {
                    continue;
                }
                // Article paragraphs end in a full stop; teaser deks rarely do.
                let paragraph = f.words > 12 && page.text[i].ends_with('.');
                if f.words == 0 || f.words > MAX_ITEM_WORDS || paragraph {
                    break;
                }
                out.remove(i, "headline or summary of a teaser for another story");
            }
        }
    }
}
