//! Thresholds that the presets move. The balanced values were checked by
//! moving each both ways on the dev corpora (`scripts/sweep-thresholds.py`;
//! the README's "Thresholds" table has the figures): `noise_score` went
//! from -1.0 to -1.5 on that evidence (dev gold F1 0.920 → 0.921, dev_ext
//! 0.878 → 0.880), the others stayed where they scored best.

use crate::config::Preset;

/// Thresholds that the presets move.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Params {
    /// Score of a line that a rule marked as noise (for the region search).
    pub noise_score: f32,
    /// Score of a short line that is neither prose nor noise.
    pub short_score: f32,
    /// How many lines before the region may be taken in as its lead (dek).
    pub lead_lines: usize,
    /// A further region is article if it scores at least this share of the main one…
    pub extra_region_share: f32,
    /// …and at least this much, with at least this many prose lines.
    pub extra_region_min: f32,
    /// See `extra_region_min`.
    pub extra_region_prose_lines: usize,
    /// A further region below the article with at most this many lines
    /// (and two paragraphs), and no other below it, is the footer's blurb
    /// (an author box, the site's self-description, a disclaimer) and is
    /// dropped. At 2 lines it took dev_ext from 0.899 to 0.902 (Dragnet
    /// 0.855 to 0.861; 5 of 46 gold-scored pages lost); 10 added 0.001 on
    /// dev_ext and 0.0014 on innerText, 4 and 6 less.
    pub lone_part_max_lines: usize,
}

impl Params {
    pub(crate) fn for_preset(preset: Preset) -> Params {
        match preset {
            Preset::Precision => Params {
                noise_score: -1.5,
                short_score: -0.5,
                lead_lines: 0,
                extra_region_share: 0.4,
                extra_region_min: 4.0,
                extra_region_prose_lines: 2,
                lone_part_max_lines: 10,
            },
            Preset::Balanced => Params {
                noise_score: -1.5,
                short_score: -0.3,
                lead_lines: 2,
                extra_region_share: 0.2,
                extra_region_min: 2.0,
                extra_region_prose_lines: 1,
                lone_part_max_lines: 10,
            },
            Preset::Recall => Params {
                noise_score: -0.5,
                short_score: -0.1,
                lead_lines: 4,
                extra_region_share: 0.1,
                extra_region_min: 1.0,
                extra_region_prose_lines: 1,
                lone_part_max_lines: 0,
            },
        }
    }
}
