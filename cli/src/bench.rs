//! `deboiler bench`: throughput of the library on a corpus of pages.

use anyhow::{bail, Context as _, Result};
use deboiler::Cleaner;
use rayon::prelude::*;
use std::io::{BufRead, Write};
use std::path::Path;
use std::time::Instant;

/// Reads the `text` field of every JSON Lines record, or a whole file as one page.
fn load_pages(path: &Path) -> Result<Vec<String>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let is_jsonl = path
        .extension()
        .is_some_and(|e| e == "jsonl" || e == "json");
    if !is_jsonl {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        return Ok(vec![text]);
    }
    let mut pages = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: invalid JSON", path.display(), n + 1))?;
        match value.get("text").and_then(|t| t.as_str()) {
            Some(text) => pages.push(text.to_string()),
            None => bail!("{}:{}: no \"text\" field", path.display(), n + 1),
        }
    }
    Ok(pages)
}

/// The fastest of `passes` runs of `pass` in seconds, and what the last returned.
fn best_of(passes: usize, pass: impl Fn() -> usize) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut result = 0;
    for _ in 0..passes {
        let started = Instant::now();
        result = pass();
        best = best.min(started.elapsed().as_secs_f64());
    }
    (best, result)
}

/// Peak resident memory of this process, from `/proc/self/status` (Linux).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

pub fn run(
    cleaner: &Cleaner,
    inputs: &[std::path::PathBuf],
    passes: usize,
    out: &mut impl Write,
) -> Result<()> {
    let mut pages = Vec::new();
    for path in inputs {
        pages.extend(load_pages(path)?);
    }
    if pages.is_empty() {
        bail!("no pages to clean");
    }
    let bytes: usize = pages.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    writeln!(
        out,
        "{} pages, {:.1} MB of text, best of {passes} passes",
        pages.len(),
        mb
    )?;
    let passes = passes.max(1);
    let (best_single, kept) = best_of(passes, || {
        pages.iter().map(|p| cleaner.clean(p).text().len()).sum()
    });
    writeln!(
        out,
        "library, 1 thread:  {:>8.1} MB/s  {:>8.0} pages/s  ({:.3} s a pass; output {:.1}% of input)",
        mb / best_single,
        pages.len() as f64 / best_single,
        best_single,
        100.0 * kept as f64 / bytes as f64
    )?;
    let threads = rayon::current_num_threads();
    let (best_parallel, _) = best_of(passes, || {
        pages
            .par_iter()
            .map(|p| cleaner.clean(p).text().len())
            .sum()
    });
    writeln!(
        out,
        "library, {threads} threads: {:>8.1} MB/s  {:>8.0} pages/s  (scaling {:.2}x)",
        mb / best_parallel,
        pages.len() as f64 / best_parallel,
        best_single / best_parallel
    )?;
    if let Some(peak) = peak_rss_mb() {
        writeln!(
            out,
            "peak memory: {peak:.0} MB (the corpus itself is held in memory)"
        )?;
    }
    Ok(())
}

/// Synthetic pages of growing size: time must grow in proportion.
pub fn scaling(cleaner: &Cleaner, out: &mut impl Write) -> Result<()> {
    let sentence =
        "The council met on Tuesday to discuss the budget, and the debate went on for hours. ";
    let page = "Skip to content\nHome News Sport\nThe council met on Tuesday evening to discuss the budget for the coming year, and the debate went on for several hours.\nMembers argued about the cost of repairing the old bridge, which has been closed since the floods.\nSubscribe to our newsletter\nShare on Facebook\n";
    type Make = Box<dyn Fn(usize) -> String>;
    let shapes: Vec<(&str, Make, [usize; 2])> = vec![
        (
            "one line, no newline (MB)",
            Box::new(move |mb| sentence.repeat(mb * 1_000_000 / sentence.len())),
            [5, 10],
        ),
        (
            "one-character lines (lines)",
            Box::new(|n| "a\n".repeat(n)),
            [500_000, 1_000_000],
        ),
        (
            // Distinct, so that no line is a repeat: each looks like verse.
            "verse-like lines (lines)",
            Box::new(|n| (0..n).map(|i| format!("Along the river {i},\n")).collect()),
            [250_000, 500_000],
        ),
        (
            "article page repeated (MB)",
            Box::new(move |mb| page.repeat(mb * 1_000_000 / page.len())),
            [50, 100],
        ),
    ];
    writeln!(
        out,
        "{:<30} {:>10} {:>10} {:>10} {:>9}",
        "input shape", "size", "MB", "seconds", "MB/s"
    )?;
    for (name, make, sizes) in shapes {
        let mut times = Vec::new();
        for size in sizes {
            let text = make(size);
            let started = Instant::now();
            let kept = cleaner.clean(&text).text().len();
            let seconds = started.elapsed().as_secs_f64();
            times.push(seconds);
            let mb = text.len() as f64 / 1e6;
            writeln!(
                out,
                "{name:<30} {size:>10} {mb:>10.1} {seconds:>10.3} {:>9.1}",
                mb / seconds
            )?;
            std::hint::black_box(kept);
        }
        writeln!(
            out,
            "{:<30} twice the input took {:.2}x the time",
            "",
            times[1] / times[0]
        )?;
    }
    Ok(())
}
