use crate::rules::declare_rule;

declare_rule! {
    /// Lines made only of icon names ("Arrow", "Chevron down", "Close icon").
    ///
    /// **What it removes:** a line whose every word is an icon or shape name
    /// from the SVG `<title>` and `aria-label` attributes converters print.
    ///
    /// **Why it is noise:** the icon is decoration; its name is not text a reader sees.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - Chevron down
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + The arrow struck the old oak tree just above the heads of the two startled walkers.
    /// …
    /// ```
    ///
    /// **Keeps:** any line with a word that is not an icon name ("The arrow struck the target.").
    ///
    /// **Languages:** English icon names, which is what design tools write.
    pub struct IconLabels {
        code: "SVG002",
        name: "icon-label",
        family: SvgResidue,
        labels: Svg,
        reason: "icon name",
    }
}
