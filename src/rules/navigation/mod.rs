//! Menus, breadcrumbs, skip links and pagination.

mod adjacent_post;
mod breadcrumb;
mod glued_entries;
mod menu_labels;
mod pagination;

pub use adjacent_post::AdjacentPost;
pub use breadcrumb::Breadcrumb;
pub use glued_entries::GluedEntries;
pub use menu_labels::MenuLabels;
pub use pagination::Pagination;
