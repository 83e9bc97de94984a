//! The batch run: every source read in bounded batches, cleaned in
//! parallel, written in input order, counted, and summarised. Records in =
//! written + skipped, always; every error is on stderr and in the counts.

use crate::args::{Cli, Format, InputFormat};
use crate::input::{self, is_broken_pipe, Kind, Selection, Source};
use crate::output::{self, AtomicFile, WriteError};
use crate::plan;
use crate::records::{Item, Items};
use crate::work::{Done, Worker};
use anyhow::Result;
use deboiler::Cleaner;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Records cleaned per parallel batch, and the input they may hold, for
/// each job: what bounds memory on inputs of any size (three batches are
/// held at a time, see [`Batch::clean_source`]). A batch ends with the
/// slowest page in it, so more jobs take larger batches; a batch much
/// smaller than this costs more in waking the workers than it saves.
const BATCH_ITEMS_PER_JOB: usize = 2048;
const BATCH_BYTES_PER_JOB: usize = 2 << 20;
/// The most jobs that make a batch larger (32 MB of input at most).
const BATCH_JOBS: usize = 16;
/// Plain-text files read and cleaned together: at most this much text.
const TEXT_GROUP_BYTES: u64 = 32 << 20;

/// A batch's limits, in records and input bytes, for this run's jobs.
fn batch_limits() -> (usize, usize) {
    let jobs = rayon::current_num_threads().clamp(1, BATCH_JOBS);
    (BATCH_ITEMS_PER_JOB * jobs, BATCH_BYTES_PER_JOB * jobs)
}

/// Exit codes (documented in `--help`).
pub const EXIT_SOME_FAILED: u8 = 1;
pub const EXIT_WRITE_FAILED: u8 = 3;

/// Counts over a whole run; the summary prints them.
#[derive(Default)]
struct Stats {
    sources: usize,
    failed_sources: usize,
    skipped_entries: usize,
    records_in: usize,
    records_out: usize,
    pages: usize,
    errors: usize,
    skipped: usize,
    bytes_in: usize,
    bytes_out: usize,
    lines: usize,
    lines_removed: usize,
    by_rule: BTreeMap<String, usize>,
}

/// One run of the batch tool.
pub(crate) struct Batch<'a> {
    cli: &'a Cli,
    worker: Worker<'a>,
    sources: Vec<Source>,
    /// Under `-o`, each source's output file.
    targets: Vec<PathBuf>,
    inputs: Vec<PathBuf>,
    stats: Stats,
    progress: ProgressBar,
    report: Option<AtomicFile>,
}

impl<'a> Batch<'a> {
    /// Finds the inputs and plans the outputs; an error here means nothing
    /// was cleaned (a usage error).
    pub(crate) fn new(cli: &'a Cli, cleaner: &'a Cleaner) -> Result<Batch<'a>> {
        let forced = match (cli.jsonl, cli.input_format) {
            (true, _) | (_, InputFormat::Jsonl) => Some(Kind::Jsonl),
            (_, InputFormat::Text) => Some(Kind::Text),
            (_, InputFormat::Warc) => Some(Kind::Warc),
            (_, InputFormat::Auto) => None,
        };
        let selection = Selection::new(forced, &cli.ext, &cli.glob)?;
        let args = if cli.files.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            cli.files.clone()
        };
        let (sources, skipped_entries) = selection.expand(&args)?;
        let inputs: Vec<PathBuf> = sources.iter().filter_map(|s| s.path.clone()).collect();
        let targets = match &cli.output {
            Some(dir) => plan::targets(&sources, dir),
            None => Vec::new(),
        };
        plan::check(&sources, &targets, cli.report.as_deref())?;
        if cli.output.is_some() || cli.report.is_some() {
            output::clean_up_on_signals();
        }
        let report = match &cli.report {
            Some(path) => Some(AtomicFile::create(path, &inputs)?),
            None => None,
        };
        let progress = progress_bar(cli, &sources);
        Ok(Batch {
            cli,
            worker: Worker {
                cli,
                cleaner,
                reporting: report.is_some(),
                stream: cli.output.is_none(),
            },
            sources,
            targets,
            inputs,
            stats: Stats {
                skipped_entries,
                ..Stats::default()
            },
            progress,
            report,
        })
    }

    /// Cleans every source. Errors reading an input are counted and the run
    /// goes on; an error writing output ends it (exit 3), with every
    /// unfinished file removed.
    pub(crate) fn run(mut self) -> Result<ExitCode> {
        let started = Instant::now();
        let stdout = io::stdout();
        let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
        let sources = std::mem::take(&mut self.sources);
        let result = self.run_sources(&sources, &mut out).and_then(|()| {
            out.flush()
                .map_err(|e| WriteError::new("standard output", e).into())
        });
        if let Err(err) = result {
            self.progress.finish_and_clear();
            if let Some(report) = self.report.take() {
                report.abandon();
                eprintln!("deboiler: --report not written: the run did not finish");
            }
            if is_broken_pipe(&err) {
                // The reader of our output went away (`deboiler … | head`).
                return Ok(ExitCode::SUCCESS);
            }
            eprintln!("deboiler: error: {err:#}");
            self.summarise(started.elapsed().as_secs_f64());
            return Ok(ExitCode::from(EXIT_WRITE_FAILED));
        }
        if let Some(report) = self.report.take() {
            if let Err(err) = report.finish() {
                eprintln!("deboiler: error: {err:#}");
                return Ok(ExitCode::from(EXIT_WRITE_FAILED));
            }
        }
        self.progress.finish_and_clear();
        self.summarise(started.elapsed().as_secs_f64());
        let s = &self.stats;
        let failed = s.errors > 0 || s.failed_sources > 0 || s.skipped_entries > 0;
        Ok(if failed {
            ExitCode::from(EXIT_SOME_FAILED)
        } else {
            ExitCode::SUCCESS
        })
    }

    fn run_sources(&mut self, sources: &[Source], out: &mut impl Write) -> Result<()> {
        let many = sources.len() > 1;
        let mut at = 0;
        while at < sources.len() {
            // Plain-text files are one page each: read and clean many at once.
            let group = text_group(&sources[at..]);
            if group > 1 {
                self.clean_text_files(&sources[at..at + group], at, many, out)?;
                at += group;
                continue;
            }
            let source = &sources[at];
            self.stats.sources += 1;
            let result = match self.targets.get(at).cloned() {
                Some(target) => self.write_file(source, &target),
                None => self.write_stream(source, many, out),
            };
            self.check_source(source, result)?;
            at += 1;
        }
        Ok(())
    }

    /// Counts a source that failed to be read; passes write errors on.
    fn check_source(&mut self, source: &Source, result: Result<()>) -> Result<()> {
        match result {
            Err(err) if err.downcast_ref::<WriteError>().is_some() || is_broken_pipe(&err) => {
                Err(err)
            }
            Err(err) => {
                self.stats.failed_sources += 1;
                eprintln!("deboiler: {}: {err:#}", source.name());
                Ok(())
            }
            Ok(()) => Ok(()),
        }
    }

    fn header(&self, source: &Source, many: bool, out: &mut impl Write) -> Result<()> {
        if many && source.kind == Kind::Text && !self.cli.explain && self.cli.format == Format::Text
        {
            writeln!(out, "==> {} <==", source.name())
                .map_err(|e| WriteError::new("standard output", e))?;
        }
        Ok(())
    }

    fn write_stream(&mut self, source: &Source, many: bool, out: &mut impl Write) -> Result<()> {
        self.header(source, many, out)?;
        let read_error = self.clean_source(source, out, "standard output")?;
        match read_error {
            Some(error) => Err(anyhow::anyhow!("{error}")),
            None => Ok(()),
        }
    }

    fn write_file(&mut self, source: &Source, target: &std::path::Path) -> Result<()> {
        let mut file = AtomicFile::create(target, &self.inputs)
            .map_err(|e| WriteError::new(target.display().to_string(), io::Error::other(e)))?;
        let place = target.display().to_string();
        match self.clean_source(source, &mut file, &place) {
            Ok(None) => file.finish(),
            Ok(Some(error)) => {
                // Part of the input was read: keep what it gave, under a
                // name that says so.
                let partial = file.finish_partial()?;
                Err(anyhow::anyhow!(
                    "{error}; what was read is in {}",
                    partial.display()
                ))
            }
            Err(err) => {
                file.abandon();
                Err(err)
            }
        }
    }

    /// Streams one source through the cleaner in parallel batches, writing
    /// results in input order. Returns the read error that ended the input
    /// early, if any (its records before the error are written).
    ///
    /// While the workers clean a batch, this thread writes the batch before
    /// it and reads and parses the next, so that reading and writing
    /// overlap the cleaning instead of holding the workers up. At most three
    /// batches are held: the one written, the one cleaned, the one read.
    fn clean_source(
        &mut self,
        source: &Source,
        out: &mut impl Write,
        place: &str,
    ) -> Result<Option<String>> {
        let reader = input::open(source)?;
        let mut items = Items::new(source, reader, self.cli.strict);
        let worker = self.worker;
        let (max_items, max_bytes) = batch_limits();
        let mut cleaned: Option<(Vec<Item>, Vec<Done>)> = None;
        let mut batch = items.next_batch(max_items, max_bytes);
        while !batch.is_empty() {
            let (done, written, next) = std::thread::scope(|scope| {
                let cleaning = scope.spawn(|| {
                    batch
                        .par_iter()
                        .map(|i| worker.clean(i))
                        .collect::<Vec<Done>>()
                });
                let written = match cleaned.take() {
                    Some((items, done)) => self.write_batch(&items, done, out, place),
                    None => Ok(()),
                };
                // After a write error nothing more is read: the run ends.
                let next = match written {
                    Ok(()) => items.next_batch(max_items, max_bytes),
                    Err(_) => Vec::new(),
                };
                let done = cleaning
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (done, written, next)
            });
            written?;
            cleaned = Some((batch, done));
            batch = next;
        }
        if let Some((items, done)) = cleaned {
            self.write_batch(&items, done, out, place)?;
        }
        Ok(items.read_error)
    }

    /// Writes a cleaned batch in order and counts it.
    fn write_batch(
        &mut self,
        items: &[Item],
        done: Vec<Done>,
        out: &mut impl Write,
        place: &str,
    ) -> Result<()> {
        for (item, d) in items.iter().zip(done) {
            self.record(item, d, out, place)?;
        }
        self.progress
            .set_message(format!("{} pages", self.stats.pages));
        Ok(())
    }

    /// Reads and cleans a group of plain-text files in parallel, then writes
    /// them in order.
    fn clean_text_files(
        &mut self,
        group: &[Source],
        first: usize,
        many: bool,
        out: &mut impl Write,
    ) -> Result<()> {
        let worker = &self.worker;
        let strict = self.cli.strict;
        let cleaned: Vec<Result<Vec<(Item, Done)>>> = group
            .par_iter()
            .map(|source| {
                let reader = input::open(source)?;
                let items = Items::new(source, reader, strict).next_batch(1, usize::MAX);
                Ok(items
                    .into_iter()
                    .map(|item| {
                        let done = worker.clean(&item);
                        (item, done)
                    })
                    .collect())
            })
            .collect();
        for (n, (source, result)) in group.iter().zip(cleaned).enumerate() {
            self.stats.sources += 1;
            let result = result.and_then(|pages| match self.targets.get(first + n).cloned() {
                Some(target) => {
                    let mut file = AtomicFile::create(&target, &self.inputs).map_err(|e| {
                        WriteError::new(target.display().to_string(), io::Error::other(e))
                    })?;
                    let place = target.display().to_string();
                    for (item, done) in pages {
                        if let Err(err) = self.record(&item, done, &mut file, &place) {
                            file.abandon();
                            return Err(err);
                        }
                    }
                    file.finish()
                }
                None => {
                    self.header(source, many, out)?;
                    for (item, done) in pages {
                        self.record(&item, done, out, "standard output")?;
                    }
                    Ok(())
                }
            });
            self.check_source(source, result)?;
        }
        Ok(())
    }

    /// Writes one cleaned item and counts it.
    fn record(&mut self, item: &Item, d: Done, out: &mut impl Write, place: &str) -> Result<()> {
        let s = &mut self.stats;
        s.records_in += 1;
        if let Some(error) = &d.error {
            s.errors += 1;
            eprintln!("deboiler: {}: {error}", item.place);
        } else {
            s.pages += 1;
        }
        match &d.output {
            Some(text) => {
                out.write_all(text.as_bytes())
                    .map_err(|e| WriteError::new(place, e))?;
                s.records_out += 1;
            }
            None => s.skipped += 1,
        }
        if let Some(report) = &mut self.report {
            let place = report.target().display().to_string();
            for line in &d.report {
                writeln!(report, "{line}").map_err(|e| WriteError::new(&place, e))?;
            }
        }
        s.bytes_in += d.bytes_in;
        s.bytes_out += d.bytes_out;
        s.lines += d.lines;
        for (code, n) in d.removed {
            s.lines_removed += n;
            *s.by_rule.entry(code).or_default() += n;
        }
        self.progress.inc(d.bytes_in as u64);
        Ok(())
    }

    fn summarise(&self, seconds: f64) {
        let s = &self.stats;
        let quiet_ok = s.pages <= 1
            && s.errors == 0
            && s.failed_sources == 0
            && s.skipped_entries == 0
            && s.sources <= 1;
        if self.cli.quiet || quiet_ok {
            return;
        }
        let mb = |b: usize| b as f64 / 1e6;
        let removed = if s.bytes_in == 0 {
            0.0
        } else {
            100.0 * (1.0 - s.bytes_out as f64 / s.bytes_in as f64)
        };
        eprintln!(
            "deboiler: {} pages from {} input(s) in {seconds:.1} s; {:.1} MB of text in, {:.1} MB kept ({removed:.0}% removed); {} of {} lines removed",
            s.pages, s.sources, mb(s.bytes_in), mb(s.bytes_out), s.lines_removed, s.lines
        );
        eprintln!(
            "deboiler: records: {} in = {} written + {} skipped; {} errors ({} passed through as error records); {} inputs failed; {} folder entries skipped",
            s.records_in,
            s.records_out,
            s.skipped,
            s.errors,
            s.errors - s.skipped.min(s.errors),
            s.failed_sources,
            s.skipped_entries
        );
        let mut rules: Vec<_> = s.by_rule.iter().collect();
        rules.sort_by(|a, b| b.1.cmp(a.1));
        let top: Vec<String> = rules
            .iter()
            .take(12)
            .map(|(code, n)| format!("{code} {n}"))
            .collect();
        if !top.is_empty() {
            eprintln!("deboiler: removed lines by rule: {}", top.join(", "));
        }
    }
}

/// How many sources from the start of `sources` are plain-text files that
/// can be read and cleaned together (up to 64 files and 32 MB).
fn text_group(sources: &[Source]) -> usize {
    let mut bytes = 0;
    sources
        .iter()
        .take(64)
        .take_while(|s| {
            bytes += s.size().unwrap_or(u64::MAX / 2);
            s.kind == Kind::Text && s.path.is_some() && bytes <= TEXT_GROUP_BYTES
        })
        .count()
}

/// The bar shows a total and an ETA when the inputs' sizes say how much
/// text there is; nothing at all off a terminal or with `-q`.
fn progress_bar(cli: &Cli, sources: &[Source]) -> ProgressBar {
    if cli.quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let plain_files = sources
        .iter()
        .all(|s| s.path.is_some() && input::strip_compression(&s.relative) == s.relative);
    let (template, length) = if plain_files {
        (
            "{bar:30} {bytes}/{total_bytes} ({bytes_per_sec}, ETA {eta}) {msg}",
            Some(sources.iter().filter_map(Source::size).sum()),
        )
    } else {
        (
            "{spinner} {bytes} cleaned ({bytes_per_sec}) {msg} [{elapsed}]",
            None,
        )
    };
    if let Some(length) = length {
        bar.set_length(length);
    }
    bar.set_style(
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}
