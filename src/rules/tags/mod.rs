//! Tag and topic lines.

mod tag_line;

pub use tag_line::TagLine;
