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
    /// **Example:** `Microsoft offers “Build your own Surface Go Kids Bundle” plus JBL he...`
    /// in a list of deals is removed.
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
        for (i, text) in cx.page.text.iter().enumerate() {
            let words = cx.page.features[i].words;
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
        .is_some_and(char::is_alphanumeric)
        && !text.trim_end_matches(['.', '…', ']', '[']).ends_with(' ')
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{verdict, verdict_in_article, PROSE};

    #[test]
    fn removes_cut_off_excerpts_outside_the_article() {
        let line = "Microsoft offers “Build your own Surface Go Kids Bundle” plus JBL he...";
        let page = format!("{PROSE}More deals\n{line}\nCool laptops with improved Alexa suppor…\n");
        assert_eq!(verdict(&page, line), Some("TSR007"));
    }

    #[test]
    fn keeps_them_inside_the_article() {
        let line =
            "The mayor paused, looked at the crowd, and said only that the work would go on...";
        assert_eq!(verdict_in_article(line), None);
    }
}
