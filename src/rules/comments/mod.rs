//! Reader comments under an article.

mod comment_header;
mod comment_login;
mod comment_section;
mod recent_comments;

pub use comment_header::{is_comment_header, CommentHeader, CommentMeta, HEADER_WORDS};
pub use comment_login::CommentLogin;
pub use comment_section::CommentSection;
pub use recent_comments::RecentComments;
