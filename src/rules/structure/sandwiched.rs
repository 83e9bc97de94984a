use crate::rules::{declare_rule, Context, Marks};
use crate::score::Class;

/// Lines longer than this are prose whatever their neighbours.
const MAX_WORDS: u32 = 25;

declare_rule! {
    /// A short line between two lines that rules removed.
    ///
    /// **What it removes:** a line of up to 25 words that is not long prose and
    /// whose nearest text lines above and below were both removed as noise.
    ///
    /// **Why it is noise:** boilerplate comes in blocks; a promo's middle line
    /// ("Escape your echo chamber.") rarely has a phrase of its own, but its
    /// neighbours do.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// …
    ///   Subscribe to The Week
    /// - Escape your echo chamber. Get the facts behind the news, plus analysis from multiple perspectives.
    ///   Sign up for The Week's Free Newsletters
    /// ```
    ///
    /// ```text
    /// …
    /// …
    ///   Subscribe to The Week
    /// + Nobody was hurt, the police said.
    /// + The road to the harbour will stay closed until the engineers have checked the sea wall for damage.
    /// ```
    ///
    /// **Keeps:** long paragraphs between noise lines, the headline, and short
    /// lines with article text on either side.
    ///
    /// **Languages:** any.
    pub struct Sandwiched {
        code: "STR002",
        name: "between-noise",
        family: Structure,
        phase: Context,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        let Some(state) = cx.state else { return };
        let page = cx.page;
        let removed = |j: Option<usize>| j.is_some_and(|j| out.is_removed(j));
        // Found first, removed after: a line this rule removes does not make
        // its neighbour sandwiched.
        let sandwiched: Vec<usize> = page
            .ruled_lines()
            .filter(|&i| {
                let f = &page.features[i];
                let candidate = !out.is_removed(i)
                    && !page.is_blank(i)
                    && state.title != Some(i)
                    && f.words <= MAX_WORDS
                    && !(page.class(i) == Class::Good && f.words > 12);
                candidate && removed(page.prev_text(i)) && removed(page.next_text(i))
            })
            .collect();
        for i in sandwiched {
            out.remove(i, "short line between two removed lines");
        }
    }
}
