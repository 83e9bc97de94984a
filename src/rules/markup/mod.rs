//! Converter markup with no text of its own.

mod link_list;
mod markup_only;

pub use link_list::LinkList;
pub use markup_only::MarkupOnly;
