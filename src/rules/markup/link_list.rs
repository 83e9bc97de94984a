use crate::rules::{declare_rule, shorten, Context, Marks};

/// Share of a line's text that is anchor text for it to count as a link.
const MIN_LINK_DENSITY: f32 = 0.75;

declare_rule! {
    /// Lines that are (almost) entirely a link: menu items and link lists.
    ///
    /// **What it removes:** a line of up to 20 words where at least three
    /// quarters of the text is link anchor text, as html2text renders menus:
    /// `* [Home](https://…)`, `[Politics](…) [Sport](…)`.
    ///
    /// **Why it is noise:** article text is mostly unlinked; a line that is one
    /// link is navigation or a teaser.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - * [About Me/Contact](https://theantijunecleaver.com/who-am-i/)
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + The council published [the report](https://example.org/r.pdf) on Monday, and residents have two weeks to respond.
    /// …
    /// ```
    ///
    /// **Keeps:** prose with links in it, and long linked lines.
    ///
    /// **Languages:** any (needs link markup, which html2text output has).
    pub struct LinkList {
        code: "MKP002",
        name: "link-line",
        family: Markup,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, text, f) in cx.lines() {
            if f.words > 0 && f.words <= 20 && f.link_density() >= MIN_LINK_DENSITY {
                out.remove(i, format!("link: \"{}\"", shorten(text, 50)));
            }
        }
    }
}
