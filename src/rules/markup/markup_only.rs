use crate::rules::{declare_rule, Context, Marks};

declare_rule! {
    /// Lines of images, empty links and bare URLs.
    ///
    /// **What it removes:** a line with nothing left once markup is rendered:
    /// `![logo](https://…/logo.png)`, `[](https://…)`, `https://example.com/page`.
    ///
    /// **Why it is noise:** plain text cannot show an image, and a URL on its
    /// own is not article text. Switched off by `keep_markup`.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - ![logo](https://x.org/logo.png)
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - https://example.com/some/page
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + The council published [the full report](https://example.org/report.pdf) on its website on Monday morning.
    /// …
    /// ```
    ///
    /// **Keeps:** lines where a link has anchor text (rendered as that text).
    ///
    /// **Languages:** any.
    pub struct MarkupOnly {
        code: "MKP001",
        name: "markup-only",
        family: Markup,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, _, f) in cx.lines() {
            if f.markup_only() {
                let what = if f.has_images() {
                    "image markup only"
                } else {
                    "link or URL only, no text"
                };
                out.remove(i, what);
            }
        }
    }
}
