//! Decisions that come from the page's structure rather than from phrases.

mod article_text;
mod outside_article;
mod sandwiched;
mod separator;

pub use article_text::{ArticleText, Headline};
pub use outside_article::OutsideArticle;
pub use sandwiched::Sandwiched;
pub use separator::Separator;
