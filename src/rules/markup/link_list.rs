use crate::rules::text::section_number;
use crate::rules::{declare_rule, Context, Marks};
use crate::score::Class;

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
    /// ```text
    /// …
    /// + The first essay argues that a small team should spend its few chances to innovate where it matters.
    /// + ## [2. Parse, Don't Validate](https://example.org/parse)
    /// + The second essay shows how types can carry what a program has already checked about its input.
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - * [Guide to the Wharton interview](https://example.org/wharton/interview)
    /// + ## [5\. Chicago Booth](https://example.org/booth)
    /// + The Booth program is known for its academic rigour, and its flexible curriculum lets students shape their own path.
    /// …
    /// ```
    ///
    /// **Keeps:** prose with links in it, long linked lines, and a linked
    /// heading (`## [Title](…)`) with paragraphs right above and below it: a
    /// list article's entry (on the three corpora, 14 such lines are article
    /// text and none noise). A numbered one (`## [5\. Chicago Booth](…)`)
    /// needs only the paragraph below, as the entry above may end with its
    /// own list of links (11 more lines, all article text).
    ///
    /// **Languages:** any (needs link markup, which html2text output has).
    pub struct LinkList {
        code: "MKP002",
        name: "link-line",
        family: Markup,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, text, f) in cx.lines() {
            if f.words > 0
                && f.words <= 20
                && f.link_density() >= MIN_LINK_DENSITY
                && !heading_between_paragraphs(cx, i, text)
            {
                out.remove_quoting(i, "link", 50);
            }
        }
    }
}

/// Whether line `i` is a markdown heading with a paragraph on the text
/// lines right above and below it.
fn heading_between_paragraphs(cx: &Context<'_, '_>, i: usize, text: &str) -> bool {
    let page = cx.page;
    let paragraph = |j: Option<usize>| j.is_some_and(|j| page.class(j) == Class::Good);
    text.starts_with('#')
        && (paragraph(page.prev_text(i)) || numbered(text))
        && paragraph(page.next_text(i))
}

/// Whether a markdown heading opens with a section number and a dot
/// (`## 5\. Booth`).
fn numbered(text: &str) -> bool {
    section_number(text).is_some_and(|(_, rest)| rest.starts_with('.'))
}
