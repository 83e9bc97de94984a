//! Advertisement labels.

mod ad_label;

pub use ad_label::AdLabel;
