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
    /// **Example:** `* [About Me/Contact](https://theantijunecleaver.com/who-am-i/)` is removed.
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
        for (i, f) in cx.page.features.iter().enumerate() {
            if f.words > 0 && f.words <= 20 && f.link_density() >= MIN_LINK_DENSITY {
                out.remove(i, format!("link: \"{}\"", shorten(&cx.page.text[i], 50)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::verdict_in_article;

    #[test]
    fn removes_menu_links() {
        let line = "* [About Me/Contact](https://theantijunecleaver.com/who-am-i/)";
        assert_eq!(verdict_in_article(line), Some("MKP002"));
    }

    #[test]
    fn keeps_prose_with_a_link() {
        let line = "The council published [the report](https://example.org/r.pdf) on Monday, and residents have two weeks to respond.";
        assert_eq!(verdict_in_article(line), None);
    }
}
