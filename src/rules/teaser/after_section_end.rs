use super::section_heading::{heading_phrase, PHRASES};
use crate::rules::{declare_rule, Context, Marks, Phase, Rule, RuleInfo};

/// Share of the article's text that must come before a link-block heading
/// for the heading to end the article.
const ENDED_SHARE: f32 = 0.6;

declare_rule! {
    /// Everything between a link-block heading near the end of the article and
    /// the end of the article region.
    ///
    /// **What it removes:** when a heading such as "Related", "More from …",
    /// "Comments" or "Lesen Sie auch" stands inside the article region after at
    /// least 60% of its text, the lines after it up to the region's end.
    ///
    /// **Why it is noise:** a teaser block of other stories often has long deks
    /// that read like prose; the heading says the article is over.
    ///
    /// **Example:** after `Read next`, the lines `Orkney's war on stoats` / `A
    /// coordinated stoat cull on the Scottish islands has proved successful` are removed.
    ///
    /// **Keeps:** the article before the heading, and everything when the heading
    /// comes early (a "Related" box in the first half of a story).
    ///
    /// **Languages:** as `TSR001`.
    pub struct AfterSectionEnd {
        code: "TSR004",
        name: "after-section-end",
        family: Teaser,
    }
}

impl Rule for AfterSectionEnd {
    fn info(&self) -> &RuleInfo {
        Self::info()
    }

    fn phase(&self) -> Phase {
        Phase::Context
    }

    fn triggers(&self) -> Vec<String> {
        PHRASES.entries().to_vec()
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        let Some(state) = cx.state else { return };
        let region = state.region.clone();
        let kept_chars = |range: std::ops::Range<usize>| -> u32 {
            range
                .filter(|&i| !state.removed[i])
                .map(|i| cx.page.features[i].chars)
                .sum()
        };
        let total = kept_chars(region.clone());
        if total == 0 {
            return;
        }
        for t in cx.triggers {
            if t.line <= region.start || t.line >= region.end {
                continue;
            }
            let Some(phrase) = heading_phrase(cx, t) else {
                continue;
            };
            let before = kept_chars(region.start..t.line);
            if before as f32 >= ENDED_SHARE * total as f32 {
                for i in t.line + 1..region.end {
                    if !cx.page.is_blank(i) {
                        out.remove(
                            i,
                            format!("after the \"{phrase}\" heading that ends the article"),
                        );
                    }
                }
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{verdict, PROSE};

    #[test]
    fn removes_teaser_deks_after_read_next() {
        let dek = "A coordinated stoat cull on the Scottish islands has proved successful, and conservationists are not slowing down now.";
        let page = format!("{PROSE}Read next\nOrkney's war on stoats\n{dek}\n");
        assert_eq!(verdict(&page, dek), Some("TSR004"));
    }

    #[test]
    fn keeps_article_after_an_early_heading() {
        let last = PROSE.lines().last().unwrap();
        let first = PROSE.lines().next().unwrap();
        let rest: Vec<&str> = PROSE.lines().skip(1).collect();
        let page = format!("{first}\nRelated\n{}\n", rest.join("\n"));
        assert_eq!(verdict(&page, last), None);
    }
}
