//! Lists of other stories: section headings, bylined teasers, date lines,
//! and everything after the article has ended.

mod after_section_end;
mod aged_teasers;
mod byline_teasers;
mod date_line;
mod headline_deks;
mod more_link;
mod read_also;
mod section_heading;
mod truncated;

pub use after_section_end::AfterSectionEnd;
pub use aged_teasers::AgedTeasers;
pub use byline_teasers::BylineTeasers;
pub use date_line::DateLine;
pub use headline_deks::HeadlineDeks;
pub use more_link::MoreLink;
pub use read_also::ReadAlso;
pub use section_heading::SectionHeading;
pub use truncated::Truncated;
