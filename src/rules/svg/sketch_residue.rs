use crate::rules::{declare_rule, Context, Marks, PhraseList};
use once_cell::sync::Lazy;

static PHRASES: Lazy<PhraseList> =
    Lazy::new(|| PhraseList::parse(include_str!("../data/svg.phrases")));

declare_rule! {
    /// Lines carrying the `<title>` that drawing programs write into exported SVG icons.
    ///
    /// **What it removes:** "Created with Sketch.", "Created with Figma",
    /// "Generator: Adobe Illustrator …": a line of up to 12 words with one, or a
    /// chain of two or more whatever the line's length.
    ///
    /// **Why it is noise:** converters print the title of every inline SVG icon,
    /// so a page with twenty icons yields twenty such phrases; no article says it.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - Arrow Created with Sketch. Calendar Created with Sketch. Path Created with Sketch.
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + The designers said the first mock-ups were created with Sketch before the team moved to other tools.
    /// …
    /// ```
    ///
    /// **Keeps:** prose that mentions the tools ("The mock-ups were drawn in Sketch and Figma.").
    ///
    /// **Languages:** any (the phrases are the programs' own English).
    pub struct SketchResidue {
        code: "SVG001",
        name: "sketch-residue",
        family: SvgResidue,
        triggers: PHRASES.entries().to_vec(),
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for t in cx.triggers {
            let chain = cx.triggers.iter().filter(|o| o.line() == t.line()).count() >= 2;
            if chain || cx.page.features[t.line()].words <= 12 {
                out.remove(
                    t.line(),
                    format!("SVG icon title: \"{}\"", PHRASES.get(t.phrase())),
                );
            }
        }
    }
}
