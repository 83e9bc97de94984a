//! Menus, breadcrumbs, skip links and pagination.

mod breadcrumb;
mod menu_labels;
mod pagination;

pub use breadcrumb::Breadcrumb;
pub use menu_labels::MenuLabels;
pub use pagination::Pagination;
