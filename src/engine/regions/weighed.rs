//! The runs of lines the article search weighed, and what became of them:
//! what the block map lists.

use crate::report::{tenths, Block};
use std::ops::Range;

/// A run of lines the search for the article weighed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Weighed {
    pub lines: Range<usize>,
    /// The sum of its lines' scores.
    pub score: f32,
    pub fate: Fate,
}

impl Weighed {
    /// The run as the block map gives it, its lines numbered by `number`;
    /// `parts` are the article's final parts, which may take in a run the
    /// search left (as the lead of the run below, or as prose between two
    /// parts).
    pub(crate) fn block(&self, parts: &[Range<usize>], number: impl Fn(usize) -> usize) -> Block {
        let chosen = self.fate.taken();
        let inside = parts
            .iter()
            .any(|p| p.start <= self.lines.start && self.lines.end <= p.end);
        let taken = chosen || inside;
        let why = match self.fate {
            _ if !chosen && inside => {
                "within the article: the lead of the run below or prose between parts".to_string()
            }
            Fate::Main => "best score".to_string(),
            Fate::Terse => "no prose on the page: its best run of sentences".to_string(),
            Fate::Part => "a further part: scored nearly as well, with paragraphs".to_string(),
            Fate::Section => "a further part: a section of a numbered list article".to_string(),
            Fate::Low { needed } => {
                format!("a further part needs a score of {}", tenths(needed))
            }
            Fate::FewParagraphs {
                have,
                needed,
                under_links,
            } => {
                let place = if under_links {
                    " below a related-links heading"
                } else {
                    ""
                };
                format!("{have} line(s) ending a sentence, a further part{place} needs {needed}")
            }
            Fate::Blurb => "a lone short part below the article: its footer's blurb".to_string(),
        };
        Block {
            first: number(self.lines.start),
            last: number(self.lines.end - 1),
            score: (self.score * 10.0).round() / 10.0,
            taken,
            why,
        }
    }
}

/// What became of a run the search weighed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Fate {
    /// The best run: the article's main part.
    Main,
    /// A page without prose: its best run of sentences.
    Terse,
    /// Scored nearly as well as the best and holds paragraphs.
    Part,
    /// One of a numbered list article's sections, however it scored.
    Section,
    /// Scored below what a further part needs.
    Low { needed: f32 },
    /// Scored enough but holds too few lines that end a sentence (a list
    /// of headlines, a block of contact details); more are needed below a
    /// related-links heading that follows the article (`under_links`).
    FewParagraphs {
        /// Counts for the explanation, in 32 bits (saturated) so that a
        /// weighed run takes 32 bytes, not 48: a page can have a run every
        /// few lines.
        have: u32,
        needed: u32,
        under_links: bool,
    },
    /// A lone short part below the article: its footer's blurb.
    Blurb,
}

impl Fate {
    /// Whether the search took the run as article.
    pub(super) fn taken(self) -> bool {
        matches!(self, Fate::Main | Fate::Terse | Fate::Part | Fate::Section)
    }
}

/// Runs scoring below this (less than one short paragraph) are left out of
/// the block map, however many a page has.
pub(super) const WEIGHED_MIN_SCORE: f32 = 1.0;
/// The block map lists at most this many runs that did not become article.
const WEIGHED_MAX_LEFT: usize = 6;

/// Keeps the runs that became article and the best-scoring others.
pub(crate) fn trim_weighed(weighed: &mut Vec<Weighed>) {
    // The best scores of the runs left out, highest first (no sort: the
    // WebAssembly build would carry one more sort for this alone).
    let mut best = [f32::MIN; WEIGHED_MAX_LEFT];
    for w in weighed.iter().filter(|w| !w.fate.taken()) {
        if let Some(k) = best.iter().position(|&b| w.score > b) {
            best.copy_within(k..WEIGHED_MAX_LEFT - 1, k + 1);
            best[k] = w.score;
        }
    }
    let floor = best[WEIGHED_MAX_LEFT - 1].max(WEIGHED_MIN_SCORE);
    let mut kept_left = 0;
    weighed.retain(|w| {
        if w.fate.taken() {
            return true;
        }
        let keep = w.score >= floor && kept_left < WEIGHED_MAX_LEFT;
        kept_left += usize::from(keep);
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_block_map_lists_few_of_the_runs_left_out() {
        let run = |score: f32, start: usize| Weighed {
            lines: start..start + 1,
            score,
            fate: Fate::Low { needed: 10.0 },
        };
        // Twenty scores, all different, in no order down the page: the six best
        // are 4.0 and more.
        let mut weighed: Vec<Weighed> = (0..20)
            .map(|i| run(0.5 + (i * 7 % 20) as f32 * 0.25, i))
            .collect();
        weighed.push(Weighed {
            lines: 50..60,
            score: 30.0,
            fate: Fate::Main,
        });
        trim_weighed(&mut weighed);
        // The main run and the six best of the others, in page order.
        assert_eq!(weighed.len(), 1 + WEIGHED_MAX_LEFT);
        assert!(weighed
            .windows(2)
            .all(|w| w[0].lines.start < w[1].lines.start));
        assert!(weighed
            .iter()
            .filter(|w| w.fate != Fate::Main)
            .all(|w| w.score >= 4.0));
        assert_eq!(weighed.last().map(|w| w.fate), Some(Fate::Main));
    }
}
