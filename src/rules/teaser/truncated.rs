use crate::features::closes_sentence;
use crate::rules::{declare_rule, Context, Marks};
use crate::score::Class;

/// Excerpts are a paragraph at most.
const MAX_WORDS: u32 = 80;

/// A line cut off right under a paragraph that closes its sentence, with
/// at least this many words, is the article's own last paragraph, cut by a
/// preview or a feed, not an excerpt (an excerpt stands under its
/// headline). Six pages better on the three corpora (l3s-gn1/a74d418f 0.89
/// → 0.98, wceb/0435 0.70 → 0.76), none worse: dev gold 0.9401 → 0.9402,
/// snippets 0.9301 → 0.9304, dev_ext 0.9093 → 0.9097, innerText 0.9140 →
/// 0.9144. At 12 one more page better and one a little worse; at 30 two
/// fewer better.
const CUT_PARAGRAPH_WORDS: u32 = 20;

declare_rule! {
    /// Truncated excerpts of other stories (suspected).
    ///
    /// **What it removes:** a line of four to 80 words cut off by an ellipsis
    /// right after a letter (`…plus JBL he...`, `…improved Alexa suppor…`,
    /// `…the season [...]`), when it lies outside the article. Inside the
    /// article it stays; the rule tells the engine such lines are unlikely to
    /// be article text.
    ///
    /// **Why it is noise:** listings and teaser blocks cut headlines and
    /// summaries to a length; an article's own sentences are whole.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// …
    ///   More deals
    /// - Microsoft offers “Build your own Surface Go Kids Bundle” plus JBL he...
    ///   Cool laptops with improved Alexa suppor…
    /// ```
    ///
    /// ```text
    /// …
    /// + The mayor paused, looked at the crowd, and said only that the work would go on...
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + The mayor paused, looked at the crowd, and said only that the work would go on...
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + The council will meet again next month, when the regional government is expected to answer on the money for the bridge and on the timetable for the works that the...
    ///   Read the full story
    /// ```
    ///
    /// **Keeps:** sentences that trail off after a space or a full word inside
    /// the article ("And then… nothing."), and a paragraph of 20 words or more
    /// cut off right under a paragraph that closes its sentence: the
    /// article's own, cut short by a preview.
    ///
    /// **Languages:** any.
    pub struct Truncated {
        code: "TSR007",
        name: "truncated-excerpt",
        family: Teaser,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        let page = cx.page;
        for (i, text, f) in cx.lines() {
            let words = f.words;
            if !(4..=MAX_WORDS).contains(&words) || !is_cut_off(text) {
                continue;
            }
            // An excerpt stands under its headline; see CUT_PARAGRAPH_WORDS.
            let under_paragraph = words >= CUT_PARAGRAPH_WORDS
                && page.prev_text(i).is_some_and(|p| {
                    page.class(p) == Class::Good && closes_sentence(&page.text[p])
                });
            if !under_paragraph {
                out.suspect(i, "excerpt cut off by an ellipsis");
            }
        }
    }
}

/// Whether `text` ends in an ellipsis glued to a letter.
fn is_cut_off(text: &str) -> bool {
    let body = ["[...]", "[…]", "...", "…"]
        .iter()
        .find_map(|e| text.strip_suffix(e))
        .map(|b| b.trim_end_matches(' '));
    body.and_then(|b| b.chars().next_back())
        .is_some_and(crate::chars::is_alphanumeric)
        && !text.trim_end_matches(['.', '…', ']', '[']).ends_with(' ')
}
