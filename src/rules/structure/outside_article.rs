use crate::rules::{declare_rule, shorten, Context, Marks};
use std::cell::OnceCell;

declare_rule! {
    /// Lines outside the article region.
    ///
    /// **What it removes:** every line before the article starts or after it
    /// ends. The article is the run of lines with the highest total content
    /// score: prose lines (long, full of stop words, with sentence punctuation)
    /// count for it, short, link-heavy and noise lines against it. The lead
    /// just above it and the headline are kept.
    ///
    /// **Why it is noise:** menus, teaser lists, footers and sidebars surround
    /// the article; most of their lines have no phrase that gives them away.
    ///
    /// **Example:**
    ///
    /// ```text
    /// - World
    /// - Business
    /// - Culture
    /// …
    /// …
    /// - Weather
    /// - Travel
    /// ```
    ///
    /// ```text
    ///   World
    ///   Business
    /// + The bridge reopened on Monday after three months of repairs, the council said.
    ///   Weather
    /// ```
    ///
    /// **Keeps:** the article, however short, when the page has one.
    ///
    /// **Languages:** any; stop-word lists for 28 languages (see `lang.rs`);
    /// sentence punctuation stands in elsewhere.
    pub struct OutsideArticle {
        code: "STR003",
        name: "outside-article",
        family: Structure,
        phase: Context,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        let Some(state) = cx.state else { return };
        let page = cx.page;
        let first = state.regions.first().map_or(0, |r| r.start);
        let last = state.regions.last().map_or(0, |r| r.end);
        // Each reason names where the article is, so a reader can check the
        // choice; written the first time a line needs it (most pages need
        // one or two of the three, and short pages often none).
        let where_article = OnceCell::new();
        let article = || {
            where_article.get_or_init(|| {
                let main = &state.region;
                let lines = format!(
                    "lines {}–{}",
                    page.number(main.start),
                    page.number(main.end.max(main.start + 1) - 1)
                );
                match state.title {
                    Some(t) => format!("{lines}, under \"{}\"", shorten(&page.text[t], 40)),
                    None => lines,
                }
            })
        };
        let (before, after, between) = (OnceCell::new(), OnceCell::new(), OnceCell::new());
        for i in page.ruled_lines() {
            if state.in_article(i) || state.title == Some(i) {
                continue;
            }
            let reason: &str = if state.regions.is_empty() {
                "the page has no article text"
            } else if i < first {
                before.get_or_init(|| format!("before the article ({})", article()))
            } else if i >= last {
                after.get_or_init(|| format!("after the article ({})", article()))
            } else {
                between.get_or_init(|| {
                    format!(
                        "between parts of the article ({}), with too little article text",
                        article()
                    )
                })
            };
            out.remove_shared(i, reason);
        }
    }
}

#[cfg(test)]
mod tests {
    /// The reasons before and after the article name the same lines.
    #[test]
    fn reasons_say_where_the_article_is() {
        let page = "Our local pages\nHome | News | Sport\nWeekend edition\n\nBridge reopens after three months of repairs\n\nThe bridge over the river reopened on Monday after three months of repairs, the council said in a statement.\nDrivers had faced long detours through the town centre while the work went on, and shops on the far bank lost trade.\nThe council said the final bill came in under budget, and that the footpath would open next week.\n\nMore from the town\nWeather this week\n";
        let cleaned = crate::clean(page);
        let reasons: Vec<(usize, String)> = cleaned
            .decisions()
            .filter(|d| d.code == "STR003")
            .map(|d| (d.line, d.reason.to_string()))
            .collect();
        let first = &reasons.first().expect("a line outside the article").1;
        let last = &reasons.last().expect("a line outside the article").1;
        let place = first
            .strip_prefix("before the article (lines ")
            .unwrap_or_else(|| panic!("{reasons:?}"));
        assert!(place.contains('–') && place.ends_with(')'), "{first}");
        assert_eq!(last, &format!("after the article (lines {place}"));
    }
}
