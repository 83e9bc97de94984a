//! The per-line memory budget: cleaning a page of many short lines takes at
//! most 64 bytes a line at its peak, besides one copy of the text, whether
//! its lines are alike, distinct, rule hits or runs of prose.
//! Counted by an allocator that tracks the bytes held (not timed: how fast
//! is measured by `deboiler bench` and `scripts/bench-hostile.sh`).
//!
//! This file holds a single test, so that no other test's allocations are
//! counted with it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The system allocator, with a count of the bytes held and their peak.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let held = HELD.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(held, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is passed on unchanged.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) };
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            HELD.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most bytes a line of the page may cost while it is cleaned, its
/// text aside: the page's and the engine's arrays (48 to 49 bytes a line
/// today on most pages held to it below, 55 with a trigger phrase on every
/// line, 62 on a comment thread).
const BUDGET: f64 = 64.0;

/// Peak bytes a line while `input` is cleaned, less one copy of its text
/// (the rendered lines are kept in one buffer sized to the input).
///
/// The page is cleaned once before it is counted: the regular expressions'
/// lazy DFAs fill their caches on the first pages a cleaner sees, up to a
/// fixed size that does not grow with the page (on the menus-and-prose page
/// below they add 7 bytes a line the first time, none the second).
fn peak_per_line(cleaner: &deboiler::Cleaner, input: &str) -> f64 {
    let lines = input.lines().count();
    drop(cleaner.clean(input));
    let before = HELD.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let cleaned = cleaner.clean(input);
    let peak = PEAK.load(Ordering::Relaxed) - before;
    // The result is used, so that cleaning is not skipped.
    assert_eq!(cleaned.decisions().len(), lines);
    drop(cleaned);
    peak.saturating_sub(input.len()) as f64 / lines as f64
}

/// Checks each page against its allowance, naming the first over it.
fn hold(cleaner: &deboiler::Cleaner, pages: &[(&str, String, f64)]) {
    for (name, page, allowed) in pages {
        let per_line = peak_per_line(cleaner, page);
        assert!(
            per_line <= *allowed,
            "{name}: {per_line:.1} bytes a line at the peak (allowed {allowed})"
        );
    }
}

/// `n` lines, line `i` made by `line`.
fn lines(n: usize, line: impl Fn(usize) -> String) -> String {
    (0..n).map(|i| line(i) + "\n").collect()
}

#[test]
fn a_page_of_many_short_lines_costs_at_most_its_allowance_a_line() {
    let cleaner =
        deboiler::Cleaner::new(deboiler::Config::default()).expect("the default config builds");
    // Menus between runs of paragraphs: the article search proper.
    let mut mixed = String::new();
    for n in 0..5_000 {
        mixed.push_str(&format!("Home\nNews\nSport {n}\nWeather\n\n"));
        for p in 0..4 {
            mixed.push_str(&format!(
                "The council met on day {n} to discuss part {p} of the budget for the coming year.\n\n"
            ));
        }
    }
    let pages = [
        // Lines too short to be prose: the page is searched for a terse
        // article.
        ("one character", "x\n".repeat(200_000), BUDGET),
        // Every line different: the table that counts repeated lines holds
        // them all (95 bytes a line when it held each line's text and grew
        // as it went).
        (
            "distinct lines",
            lines(200_000, |i| format!("x{i}")),
            BUDGET,
        ),
        ("menus and prose", mixed, BUDGET),
        // Prose has stop-word hits in a dozen languages a line, counted
        // until the page's language is known (95 bytes a line when each
        // count took two bytes and the table of repeated lines held each
        // line's text).
        (
            "prose",
            lines(50_000, |i| {
                format!("The council met on day {i} to discuss the budget for the coming year and agreed.")
            }),
            BUDGET,
        ),
        // A data table padded into columns, read row by row (161 bytes a
        // line when its cells were kept to decide whether it was one).
        (
            "padded table",
            lines(50_000, |i| {
                format!("Item {i}          Price {i}          Stock {i}")
            }),
            BUDGET,
        ),
        (
            "links",
            lines(50_000, |i| format!("[Story {i}](https://example.com/{i})")),
            BUDGET,
        ),
        (
            "dates",
            lines(50_000, |i| format!("March {} 2020", i % 28 + 1)),
            BUDGET,
        ),
        // A trigger phrase on every line: its hit for the rule comes on top
        // of the page's arrays while the rules run (60.2 when the line
        // rules' hits were kept through the article search, 76.0 when each
        // hit took 16 bytes, the features 32 and a text bound 8; 121 when
        // each hit took 32 bytes and the hits were sorted through a copy).
        (
            "a phrase a line",
            lines(50_000, |i| format!("Share on Facebook {i}")),
            BUDGET,
        ),
        // A comment thread, a run of prose every third line: the article
        // search's runs come on top of the page's arrays (66.3 when the
        // line rules' hits were kept through that search; 95.9 with
        // 32-byte features, 40-byte runs doubled as they grew, every run
        // kept for the block map however low it scored, and a list of the
        // rule hits read by the end-of-article rule; 164 with wider runs
        // and hits).
        (
            "comment thread",
            lines(50_000, |i| match i % 3 {
                0 => format!("John Smith {i} says:"),
                1 => "March 3, 2020 at 4:15 pm".to_string(),
                _ => format!("I really liked this article number {i}, thanks for writing it."),
            }),
            BUDGET,
        ),
    ];
    hold(&cleaner, &pages);
}
