//! The batch run: every source read in bounded batches, cleaned in
//! parallel, written in input order, counted, and summarised.

use crate::args::{Cli, Format, InputFormat, OnError};
use crate::input::{self, is_broken_pipe, Kind, Selection, Source};
use crate::output::{self, AtomicFile};
use crate::records::{Item, Items, Payload};
use crate::{format, json_path, report};
use anyhow::Result;
use deboiler::{Cleaned, Cleaner};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Records cleaned per parallel batch, and the text they may hold: what
/// bounds memory on inputs of any size.
const BATCH_ITEMS: usize = 512;
const BATCH_BYTES: usize = 32 << 20;

/// Counts over a whole run; the summary prints them.
#[derive(Default)]
struct Stats {
    sources: usize,
    failed_sources: usize,
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

/// What cleaning one item gave.
struct Done {
    /// Text to write (a page, a JSON line); `None` for a skipped record.
    output: Option<String>,
    /// Lines for the `--report` file.
    report: Vec<String>,
    /// The error, for records that could not be read.
    error: Option<String>,
    bytes_in: usize,
    bytes_out: usize,
    lines: usize,
    removed: Vec<String>,
}

/// One run of the batch tool.
pub(crate) struct Batch<'a> {
    cli: &'a Cli,
    cleaner: &'a Cleaner,
    sources: Vec<Source>,
    inputs: Vec<PathBuf>,
    stats: Stats,
    progress: ProgressBar,
    report: Option<AtomicFile>,
}

impl<'a> Batch<'a> {
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
        let sources = selection.expand(&args)?;
        let inputs: Vec<PathBuf> = sources.iter().filter_map(|s| s.path.clone()).collect();
        if cli.output.is_some() || cli.report.is_some() {
            output::clean_up_on_interrupt();
        }
        let report = match &cli.report {
            Some(path) => Some(AtomicFile::create(path, &inputs)?),
            None => None,
        };
        // The bar shows a total and an ETA when the inputs' sizes say how much text there is.
        let progress = progress_bar(cli);
        let plain_files = sources
            .iter()
            .all(|s| s.path.is_some() && input::strip_compression(&s.relative) == s.relative);
        if plain_files {
            progress.set_length(sources.iter().filter_map(Source::size).sum());
            progress.set_style(
                ProgressStyle::with_template(
                    "{bar:30} {bytes}/{total_bytes} ({bytes_per_sec}, ETA {eta}) {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
        }
        Ok(Batch {
            cli,
            cleaner,
            sources,
            inputs,
            stats: Stats::default(),
            progress,
            report,
        })
    }

    pub(crate) fn run(mut self) -> Result<ExitCode> {
        let started = Instant::now();
        let stdout = io::stdout();
        let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
        let sources = std::mem::take(&mut self.sources);
        let many = sources.len() > 1;
        for source in &sources {
            self.stats.sources += 1;
            let result = match &self.cli.output {
                Some(dir) => self.write_file(source, dir),
                None => self.write_stream(source, many, &mut out),
            };
            if let Err(err) = result {
                if is_broken_pipe(&err) {
                    return Ok(ExitCode::SUCCESS);
                }
                self.stats.failed_sources += 1;
                eprintln!("deboiler: {}: {err:#}", source.name());
            }
        }
        if let Err(err) = out.flush() {
            if err.kind() == io::ErrorKind::BrokenPipe {
                return Ok(ExitCode::SUCCESS);
            }
            return Err(err.into());
        }
        if let Some(report) = self.report.take() {
            report.finish()?;
        }
        self.progress.finish_and_clear();
        self.summarise(started.elapsed().as_secs_f64());
        let failed = self.stats.errors > 0 || self.stats.failed_sources > 0;
        Ok(if failed {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }

    fn write_stream(&mut self, source: &Source, many: bool, out: &mut impl Write) -> Result<()> {
        if many && source.kind == Kind::Text && !self.cli.explain && self.cli.format == Format::Text
        {
            writeln!(out, "==> {} <==", source.name())?;
        }
        self.clean_source(source, out)
    }

    fn write_file(&mut self, source: &Source, dir: &Path) -> Result<()> {
        let relative = input::strip_compression(&source.relative);
        let target = match source.kind {
            Kind::Text if source.path.is_none() => dir.join("stdin.txt"),
            Kind::Text => dir.join(relative),
            Kind::Jsonl | Kind::Warc => dir.join(relative.with_extension("jsonl")),
        };
        let mut file = AtomicFile::create(&target, &self.inputs)?;
        match self.clean_source(source, &mut file) {
            Ok(()) => file.finish(),
            Err(err) => {
                file.abandon();
                Err(err)
            }
        }
    }

    /// Streams one source through the cleaner in parallel batches, writing
    /// results in input order.
    fn clean_source(&mut self, source: &Source, out: &mut impl Write) -> Result<()> {
        let reader = input::open(source)?;
        let mut items = Items::new(source, reader, self.cli.strict);
        let stream = self.cli.output.is_none();
        loop {
            let batch = items.next_batch(BATCH_ITEMS, BATCH_BYTES)?;
            if batch.is_empty() {
                break;
            }
            let done: Vec<Done> = batch
                .par_iter()
                .map(|item| self.clean_item(item, stream))
                .collect();
            for (item, d) in batch.iter().zip(done) {
                self.stats.records_in += 1;
                if let Some(error) = &d.error {
                    self.stats.errors += 1;
                    eprintln!("deboiler: {}: {error}", item.place);
                } else {
                    self.stats.pages += 1;
                }
                match &d.output {
                    Some(text) => {
                        out.write_all(text.as_bytes())?;
                        self.stats.records_out += 1;
                    }
                    None => self.stats.skipped += 1,
                }
                if let Some(report) = &mut self.report {
                    for line in &d.report {
                        writeln!(report, "{line}")?;
                    }
                }
                self.stats.bytes_in += d.bytes_in;
                self.stats.bytes_out += d.bytes_out;
                self.stats.lines += d.lines;
                self.stats.lines_removed += d.removed.len();
                for code in d.removed {
                    *self.stats.by_rule.entry(code).or_default() += 1;
                }
                self.progress.inc(d.bytes_in as u64);
            }
            self.progress
                .set_message(format!("{} pages", self.stats.pages));
        }
        Ok(())
    }

    fn clean_item(&self, item: &Item, stream: bool) -> Done {
        match &item.payload {
            Payload::Page(text) => {
                let cleaned = self.cleaner.clean(text);
                let output = match (self.cli.explain, self.cli.format) {
                    (true, _) => format::explain(&item.place, &cleaned),
                    (false, Format::Json) => {
                        format!("{}\n", serde_json::to_string(&cleaned).unwrap_or_default())
                    }
                    (false, Format::Text) => {
                        let rendered = cleaned.rendered();
                        // On a terminal or pipe each page ends with a newline;
                        // a file holds exactly the article.
                        if stream && !rendered.is_empty() {
                            format!("{rendered}\n")
                        } else {
                            rendered
                        }
                    }
                };
                self.done(text, &cleaned, output, &item.place, None)
            }
            Payload::Json(record) => {
                let Some(text) =
                    json_path::get_path(record, &self.cli.text_field).and_then(Value::as_str)
                else {
                    let why = match json_path::get_path(record, &self.cli.text_field) {
                        None | Some(Value::Null) => {
                            format!("record has no {:?} field", self.cli.text_field)
                        }
                        Some(_) => format!("field {:?} is not a string", self.cli.text_field),
                    };
                    return self.failed(item, why, serde_json::to_string(record).ok());
                };
                let id = json_path::get_path(record, &self.cli.id_field).map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                });
                let cleaned = self.cleaner.clean(text);
                let mut record = record.clone();
                json_path::set_path(
                    &mut record,
                    &self.cli.text_field,
                    Value::String(cleaned.text()),
                );
                let output = if self.cli.explain {
                    format::explain(&item.place, &cleaned)
                } else {
                    format::finish_record(self.cli, &mut record, &cleaned);
                    format!("{}\n", Value::Object(record))
                };
                let place = match &id {
                    Some(id) => format!("{} ({id})", item.place),
                    None => item.place.clone(),
                };
                self.done(text, &cleaned, output, &place, id)
            }
            Payload::Warc(headers, text) => {
                let cleaned = self.cleaner.clean(text);
                let mut record = headers.clone();
                let id = headers
                    .get("WARC-Record-ID")
                    .and_then(Value::as_str)
                    .map(str::to_string);
                record.insert("text".into(), Value::String(cleaned.text()));
                let output = if self.cli.explain {
                    format::explain(&item.place, &cleaned)
                } else {
                    format::finish_record(self.cli, &mut record, &cleaned);
                    format!("{}\n", Value::Object(record))
                };
                self.done(text, &cleaned, output, &item.place, id)
            }
            Payload::Bad { error, raw } => self.failed(item, error.clone(), raw.clone()),
        }
    }

    fn done(
        &self,
        input: &str,
        cleaned: &Cleaned<'_>,
        output: String,
        place: &str,
        id: Option<String>,
    ) -> Done {
        // Bytes of kept text, counted without building the text again.
        let mut kept = 0;
        let mut removed = Vec::new();
        let mut report = Vec::new();
        let mut lines = 0;
        for d in cleaned.decisions().iter().filter(|d| !d.blank) {
            lines += 1;
            if d.kept {
                kept += cleaned.line_text(d).len();
            } else {
                removed.push(d.code.to_string());
            }
            if self.report.is_some() {
                report.push(report::line(place, id.as_deref(), d, cleaned.line_text(d)));
            }
        }
        Done {
            bytes_in: input.len(),
            bytes_out: kept,
            output: Some(output),
            report,
            error: None,
            lines,
            removed,
        }
    }

    fn failed(&self, item: &Item, error: String, raw: Option<String>) -> Done {
        let output = (self.cli.on_error == OnError::Pass).then(|| {
            let mut record = json!({"error": error, "source": item.place});
            if let Some(raw) = &raw {
                record["raw"] = Value::String(raw.clone());
            }
            format!("{record}\n")
        });
        Done {
            output,
            report: Vec::new(),
            error: Some(error),
            bytes_in: item.size(),
            bytes_out: 0,
            lines: 0,
            removed: Vec::new(),
        }
    }

    fn summarise(&self, seconds: f64) {
        let s = &self.stats;
        if self.cli.quiet
            || (s.pages <= 1 && s.errors == 0 && s.failed_sources == 0 && s.sources <= 1)
        {
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
            "deboiler: records: {} in = {} written + {} skipped; {} errors ({} passed through as error records); {} inputs failed",
            s.records_in,
            s.records_out,
            s.skipped,
            s.errors,
            s.errors - s.skipped.min(s.errors),
            s.failed_sources
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

fn progress_bar(cli: &Cli) -> ProgressBar {
    if cli.quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {bytes} cleaned ({bytes_per_sec}) {msg} [{elapsed}]",
        )
        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar
}
