//! Copyright lines, "Powered by" credits and legal links.

mod copyright;
mod disclaimer;
mod legal_links;
mod powered_by;

pub(crate) use copyright::is_site_notice;
pub use copyright::Copyright;
pub use disclaimer::Disclaimer;
pub use legal_links::LegalLinks;
pub use powered_by::PoweredBy;
