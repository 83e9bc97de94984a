//! Copyright lines, "Powered by" credits, legal links, disclaimers and
//! affiliate disclosures.

mod affiliate;
mod copyright;
mod disclaimer;
mod legal_links;
mod powered_by;

pub use affiliate::AffiliateDisclosure;
pub(crate) use copyright::is_site_notice;
pub use copyright::Copyright;
pub use disclaimer::Disclaimer;
pub use legal_links::LegalLinks;
pub use powered_by::PoweredBy;
