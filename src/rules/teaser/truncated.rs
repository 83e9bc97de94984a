use crate::rules::{declare_rule, Context, Marks};

/// Excerpts are a paragraph at most.
const MAX_WORDS: u32 = 80;

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
    /// **Keeps:** sentences that trail off after a space or a full word inside
    /// the article ("And then… nothing.").
    ///
    /// **Languages:** any.
    pub struct Truncated {
        code: "TSR007",
        name: "truncated-excerpt",
        family: Teaser,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, text, f) in cx.lines() {
            let words = f.words;
            if (4..=MAX_WORDS).contains(&words) && is_cut_off(text) {
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
