use crate::rules::{declare_rule, shorten, Context, Marks};

/// Post titles are short; a sentence that happens to end in an arrow is not one.
const MAX_WORDS: u32 = 20;

declare_rule! {
    /// Links to the previous and next post, marked by arrows.
    ///
    /// **What it removes:** a line of up to 20 words that opens with `←`, `«`
    /// or `‹`, or ends with `→`, `»` or `›`: the title of a neighbouring post.
    ///
    /// **Why it is noise:** blog engines print the neighbouring posts' titles
    /// under every post; they are links, not part of this one.
    ///
    /// **Example:** `← Trying Out A New Recipe: Justine Dorion's Sticky Ginger Bars`
    /// and `The December Comfort Watches 2025, Day Nineteen: The Big Short →` are removed.
    ///
    /// **Keeps:** lines with arrows inside them ("Paris → Lyon takes two hours by train.").
    ///
    /// **Languages:** any.
    pub struct AdjacentPost {
        code: "NAV004",
        name: "adjacent-post-link",
        family: Navigation,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, text) in cx.page.text.iter().enumerate() {
            let f = &cx.page.features[i];
            let arrowed = text.starts_with(['←', '«', '‹']) || text.ends_with(['→', '»', '›']);
            if arrowed && f.words > 0 && f.words <= MAX_WORDS && !f.inner_sentence {
                out.remove(
                    i,
                    format!("link to a neighbouring post: \"{}\"", shorten(text, 50)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::verdict_in_article;

    #[test]
    fn removes_previous_and_next_post_links() {
        assert_eq!(
            verdict_in_article("← Trying Out A New Recipe: Justine Dorion’s Sticky Ginger Bars"),
            Some("NAV004")
        );
        assert_eq!(
            verdict_in_article("The December Comfort Watches 2025, Day Nineteen: The Big Short →"),
            Some("NAV004")
        );
    }

    #[test]
    fn keeps_arrows_inside_a_sentence() {
        let line = "The train from Paris → Lyon takes two hours, and the tickets were cheaper than the bus.";
        assert_eq!(verdict_in_article(line), None);
    }
}
