//! The region search's arithmetic: the best-scoring runs of a page's line
//! scores.

use std::ops::Range;

/// The maximum-sum run of `scores` within `within` (Kadane's algorithm).
pub(super) fn max_segment(scores: &[f32], within: Range<usize>) -> (f32, Range<usize>) {
    let mut best = 0.0f32;
    let mut best_range = within.start..within.start;
    let mut sum = 0.0f32;
    let mut start = within.start;
    for i in within {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += scores[i];
        if sum > best {
            best = sum;
            best_range = start..i + 1;
        }
    }
    (best, best_range)
}

/// Every maximal scoring run of `scores` with its sum, in page order: the
/// best run, then the best runs of what lies left and right of it, and so on
/// (Ruzzo and Tompa's linear-time algorithm, so that a page of a million
/// lines costs no more per line than a short one). The scores are read
/// once, in order, so they need not be stored.
pub(super) fn maximal_segments(scores: impl IntoIterator<Item = f32>) -> Vec<(f32, Range<usize>)> {
    struct Run {
        range: Range<usize>,
        /// Cumulative score before the run and at its end.
        left: f64,
        right: f64,
        /// The nearest earlier run with a smaller `left`; [`NONE`] for none
        /// (eight bytes a run less than an `Option`, on a page that can
        /// have a run every few lines).
        previous: usize,
    }
    const NONE: usize = usize::MAX;
    let mut runs: Vec<Run> = Vec::new();
    let mut total = 0.0f64;
    for (i, score) in scores.into_iter().enumerate() {
        let score = f64::from(score);
        if score > 0.0 {
            let mut run = Run {
                range: i..i + 1,
                left: total,
                right: total + score,
                previous: NONE,
            };
            loop {
                let mut j = runs.len().checked_sub(1);
                while let Some(k) = j {
                    if runs[k].left < run.left {
                        break;
                    }
                    j = Some(runs[k].previous).filter(|&p| p != NONE);
                }
                match j {
                    Some(k) if runs[k].right < run.right => {
                        // The new run extends run k: merge them and look again.
                        run.range.start = runs[k].range.start;
                        run.left = runs[k].left;
                        runs.truncate(k);
                    }
                    _ => {
                        run.previous = j.unwrap_or(NONE);
                        runs.push(run);
                        break;
                    }
                }
            }
        }
        total += score;
    }
    // Collected in the runs' memory, then shrunk to the segments' own size:
    // a page of short runs of prose has a run for every few lines.
    let mut segments: Vec<(f32, Range<usize>)> = runs
        .into_iter()
        .map(|r| ((r.right - r.left) as f32, r.range))
        .collect();
    segments.shrink_to_fit();
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maximal_segments_are_found_left_and_right_of_the_best() {
        let scores = [-1.0, 2.0, 3.0, -10.0, 4.0, -1.0, 1.0, -5.0, 1.0];
        let runs = maximal_segments(scores);
        let ranges: Vec<_> = runs.iter().map(|r| r.1.clone()).collect();
        assert_eq!(ranges, [1..3, 4..5, 6..7, 8..9]);
        assert_eq!(runs[0].0, 5.0);
    }
}
