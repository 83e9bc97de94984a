//! Lines printed more than once on a page.

mod repeated_line;

pub use repeated_line::RepeatedLine;
