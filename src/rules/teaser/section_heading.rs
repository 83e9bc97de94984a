use crate::rules::{declare_rule, Context, Marks, PhraseList, Trigger};
use once_cell::sync::Lazy;

pub(super) static PHRASES: Lazy<PhraseList> =
    Lazy::new(|| PhraseList::parse(include_str!("../data/section_end.phrases")));

declare_rule! {
    /// Headings of link blocks: "Related", "More from …", "Read next", "Most popular".
    ///
    /// **What it removes:** a short line (the heading and at most four more words,
    /// no full stop) that starts with such a heading: "Related articles", "More
    /// from The Week", "You may also like", "Das könnte Sie auch interessieren",
    /// "À lire aussi", "Te puede interesar"; or that ends with one of two words
    /// or more ("More you might like", "Our latest articles").
    ///
    /// **Why it is noise:** it introduces links to other pages; see also
    /// `TSR004`, which removes the block after it.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - Most Popular
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Das könnte Sie auch interessieren
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Stories you might also like:
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Das Thema könnte dich auch interessieren:
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - About the Author
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + Related research has shown the same effect in mice, the authors of the study wrote.
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + Send us your comments
    /// …
    /// ```
    ///
    /// **Keeps:** sentences that start with such words ("Related research has shown
    /// the same effect in mice."), and lines that end with a one-word heading
    /// ("Send us your comments").
    ///
    /// **Languages:** en, de, fr, es, it, pt, nl, pl (`data/section_end.phrases`).
    pub struct SectionHeading {
        code: "TSR001",
        name: "section-heading",
        family: Teaser,
        triggers: PHRASES.entries().to_vec(),
        max_words: heading_max_words(),
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for t in cx.triggers {
            if let Some(phrase) = heading_phrase(cx, t) {
                out.remove_with(t.line(), || format!("heading of a link block: \"{phrase}\""));
            }
        }
    }
}

/// The trigger of `t` if its line is a section heading.
/// The most words a heading line can have: the longest phrase and four more.
pub(super) fn heading_max_words() -> u32 {
    static MAX: Lazy<u32> = Lazy::new(|| {
        let longest = PHRASES
            .entries()
            .iter()
            .map(|p| p.split_whitespace().count())
            .max()
            .unwrap_or(0);
        longest as u32 + 4
    });
    *MAX
}

pub(super) fn heading_phrase(cx: &Context<'_, '_>, t: &Trigger) -> Option<&'static str> {
    let text = &cx.page.text[t.line()];
    let phrase = PHRASES.get(t.phrase());
    let phrase_words = phrase.split_whitespace().count() as u32;
    let f = &cx.page.features[t.line()];
    let full_stop = text.trim_end().ends_with('.') && !text.ends_with("...");
    // A one-word heading at a line's end is too often the end of a sentence
    // or a button ("Send us your comments", "View Comments").
    let placed = t.opens_line(text) || (phrase_words >= 2 && t.closes_line(text));
    (placed && f.words <= phrase_words + 4 && !full_stop).then_some(phrase)
}
