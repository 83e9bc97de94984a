//! Titles and icon names leaked from inline SVG images.

mod icon_labels;
mod sketch_residue;

pub use icon_labels::IconLabels;
pub use sketch_residue::SketchResidue;
