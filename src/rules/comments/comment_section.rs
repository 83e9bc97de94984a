use crate::rules::{declare_rule, shorten, Context, Marks};

declare_rule! {
    /// The reader-comment section, removed whole.
    ///
    /// **What it removes:** every line of the comment section the engine
    /// found (see `engine/comments.rs`): from its header (`57 Comments`,
    /// `Leave a Reply`, a bare `Comments` heading) through the repeating
    /// unit of each comment (a name and date, the comment, `Reply`) to the
    /// last comment, with one reason that names the section, in place of
    /// whatever its lines looked like one by one.
    ///
    /// **Why it is noise:** comments are readers' text, not the article. A
    /// busy thread holds more prose than a short post, so it is found by
    /// its structure, not by its words.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// + The council will decide on the bridge next week, after a public meeting in the town hall on Thursday evening.
    /// …
    /// - Comments
    /// - Posted by: Ellen at September 10, 2012 11:40 AM
    /// - We had the same heat all week here, and the nights did not cool down at all until the storm came through on Friday.
    /// - Posted by: Toni at September 10, 2012 12:11 PM
    /// - I knit through every summer anyway, but I would love to know where the cool evenings went this year in the valley.
    /// - Posted by: Gina at September 10, 2012 12:12 PM
    /// ```
    ///
    /// **Keeps:** the article above the section, and the page's footer
    /// below it (other rules judge those lines).
    ///
    /// **Languages:** headers in the corpus languages (see `CMT001`); the
    /// units are recognised by their shape.
    pub struct CommentSection {
        code: "CMT003",
        name: "comment-section",
        family: Comments,
        phase: Context,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        let Some(state) = cx.state else { return };
        let Some(section) = state.comments.clone() else { return };
        let page = cx.page;
        let reason = format!(
            "comment section, lines {}–{}, from \"{}\"",
            page.number(section.start),
            page.number(section.end - 1),
            shorten(&page.text[section.start], 30)
        );
        for i in section {
            if page.is_blank_input(i) || state.in_article(i) || state.title == Some(i) {
                continue;
            }
            out.overrule(i, reason.clone());
        }
    }
}
