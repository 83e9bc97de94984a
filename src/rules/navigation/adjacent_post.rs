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
    /// **Keeps:** lines with arrows inside them ("Paris → Lyon takes two hours by train.").
    ///
    /// **Languages:** any.
    pub struct AdjacentPost {
        code: "NAV004",
        name: "adjacent-post-link",
        family: Navigation,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, text, f) in cx.lines() {
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
