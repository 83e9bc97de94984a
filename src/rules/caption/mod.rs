//! Photo captions and agency credits.

mod agency_credit;
mod dated_caption;
mod gallery;

pub use agency_credit::AgencyCredit;
pub use dated_caption::DatedCaption;
pub use gallery::Gallery;
