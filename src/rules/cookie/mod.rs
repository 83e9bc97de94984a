//! Cookie and consent notices.

mod consent_notice;

pub use consent_notice::ConsentNotice;
