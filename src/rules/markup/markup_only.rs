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
    /// **Example:** `[![The Anti-June Cleaver](https://…/penci-holder.png)](https://…/)` is removed.
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
        for (i, f) in cx.page.features.iter().enumerate() {
            if f.markup_only {
                let what = if f.images > 0 {
                    "image markup only"
                } else {
                    "link or URL only, no text"
                };
                out.remove(i, what);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::verdict_in_article;

    #[test]
    fn removes_image_lines() {
        assert_eq!(
            verdict_in_article("![logo](https://x.org/logo.png)"),
            Some("MKP001")
        );
        assert_eq!(
            verdict_in_article("https://example.com/some/page"),
            Some("MKP001")
        );
    }

    #[test]
    fn keeps_linked_prose() {
        let line = "The council published [the full report](https://example.org/report.pdf) on its website on Monday morning.";
        assert_eq!(verdict_in_article(line), None);
    }
}
