//! Reader comments under an article.

mod comment_header;

pub use comment_header::{is_comment_header, CommentHeader, CommentMeta, HEADER_WORDS};
