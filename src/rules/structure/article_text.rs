use crate::rules::declare_rule;

declare_rule! {
    /// Kept: a line of the article.
    ///
    /// **What it marks:** the decision for every line no rule removed: it lies
    /// inside the article region (or is its lead) and is article text.
    ///
    /// **Languages:** any.
    pub struct ArticleText {
        code: "ART001",
        name: "article-text",
        family: Content,
    }
}

declare_rule! {
    /// Kept: the headline of the article.
    ///
    /// **What it marks:** the heading-like line just above the article that
    /// best matches the page's first line (usually the HTML title). It goes to
    /// the `title` field of JSON output and first in plain output.
    ///
    /// **Languages:** any.
    pub struct Headline {
        code: "ART002",
        name: "headline",
        family: Content,
    }
}
