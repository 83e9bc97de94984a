use crate::rules::{declare_rule, mark_labels, Context, LabelList, Marks};

declare_rule! {
    /// Lines made only of icon names ("Arrow", "Chevron down", "Close icon").
    ///
    /// **What it removes:** a line whose every word is an icon or shape name
    /// from the SVG `<title>` and `aria-label` attributes converters print.
    ///
    /// **Why it is noise:** the icon is decoration; its name is not text a reader sees.
    ///
    /// **Example:** `Chevron down` and `Path Shape Group` are removed.
    ///
    /// **Keeps:** any line with a word that is not an icon name ("The arrow struck the target.").
    ///
    /// **Languages:** English icon names, which is what design tools write.
    pub struct IconLabels {
        code: "SVG002",
        name: "icon-label",
        family: SvgResidue,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        mark_labels(cx, out, LabelList::Svg, "icon name");
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::verdict_in_article;

    #[test]
    fn removes_icon_names() {
        assert_eq!(verdict_in_article("Chevron down"), Some("SVG002"));
    }

    #[test]
    fn keeps_a_sentence_with_an_icon_word() {
        let line =
            "The arrow struck the old oak tree just above the heads of the two startled walkers.";
        assert_eq!(verdict_in_article(line), None);
    }
}
