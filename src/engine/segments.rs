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
pub(super) fn maximal_segments(
    scores: impl ExactSizeIterator<Item = f32>,
) -> Vec<(f32, Range<usize>)> {
    // Line numbers take 32 bits, as on every page that fits in memory;
    // a word only past that (and never where a word is 32 bits).
    #[cfg(target_pointer_width = "64")]
    if u32::try_from(scores.len()).is_err() {
        return runs_of::<usize>(scores);
    }
    runs_of::<u32>(scores)
}

/// A line's or a run's number, in as many bits as the page needs.
trait Number: Copy + PartialEq {
    /// No number: the largest, which no run reaches.
    const NONE: Self;
    /// `n`, which the caller has checked fits.
    fn of(n: usize) -> Self;
    fn get(self) -> usize;
}

impl Number for u32 {
    const NONE: u32 = u32::MAX;
    #[inline]
    fn of(n: usize) -> u32 {
        n as u32
    }
    #[inline]
    fn get(self) -> usize {
        self as usize
    }
}

#[cfg(target_pointer_width = "64")]
impl Number for usize {
    const NONE: usize = usize::MAX;
    fn of(n: usize) -> usize {
        n
    }
    fn get(self) -> usize {
        self
    }
}

/// [`maximal_segments`] with lines and runs numbered in `N`.
fn runs_of<N: Number>(scores: impl Iterator<Item = f32>) -> Vec<(f32, Range<usize>)> {
    /// 32 bytes with 32-bit numbers: a page can have a run every few lines.
    struct Run<N> {
        start: N,
        end: N,
        /// The nearest earlier run with a smaller `left`; `N::NONE` for none.
        previous: N,
        /// Cumulative score before the run and at its end.
        left: f64,
        right: f64,
    }
    const _: () = assert!(std::mem::size_of::<Run<u32>>() == 32);
    let mut runs: Vec<Run<N>> = Vec::new();
    let mut total = 0.0f64;
    for (i, score) in scores.enumerate() {
        let score = f64::from(score);
        if score > 0.0 {
            let mut run = Run {
                start: N::of(i),
                end: N::of(i + 1),
                left: total,
                right: total + score,
                previous: N::NONE,
            };
            loop {
                let mut j = runs.len().checked_sub(1);
                while let Some(k) = j {
                    if runs[k].left < run.left {
                        break;
                    }
                    j = Some(runs[k].previous).filter(|&p| p != N::NONE).map(N::get);
                }
                match j {
                    Some(k) if runs[k].right < run.right => {
                        // The new run extends run k: merge them and look again.
                        run.start = runs[k].start;
                        run.left = runs[k].left;
                        runs.truncate(k);
                    }
                    _ => {
                        run.previous = j.map_or(N::NONE, N::of);
                        if runs.len() == runs.capacity() {
                            // Grown by half, not doubled: the list can
                            // hold a run for every third line.
                            runs.reserve_exact(runs.len() / 2 + 4);
                        }
                        runs.push(run);
                        break;
                    }
                }
            }
        }
        total += score;
    }
    // Collected in the runs' memory, then shrunk to the segments' own size.
    let mut segments: Vec<(f32, Range<usize>)> = runs
        .into_iter()
        .map(|r| ((r.right - r.left) as f32, r.start.get()..r.end.get()))
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
        let runs = maximal_segments(scores.into_iter());
        #[cfg(target_pointer_width = "64")]
        assert_eq!(runs_of::<usize>(scores.into_iter()), runs);
        let ranges: Vec<_> = runs.iter().map(|r| r.1.clone()).collect();
        assert_eq!(ranges, [1..3, 4..5, 6..7, 8..9]);
        assert_eq!(runs[0].0, 5.0);
    }
}
