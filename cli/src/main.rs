//! The `deboiler` command-line tool: a thin layer over the library that
//! reads files, folders, standard input, JSON Lines and WARC/WET, in
//! parallel, and writes the cleaned text.

use anyhow::{bail, Context as _, Result};
use clap::{Parser, Subcommand, ValueEnum};
use deboiler::{Cleaned, Cleaner, Config, Preset};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

mod bench;
mod eval;
mod input;
mod output;
mod records;

use input::{is_broken_pipe, Kind, Selection, Source};
use output::AtomicFile;
use records::{Item, Items, Payload};

const EXAMPLES: &str = "\
Examples:
  Plain text (one page per file):
    deboiler examples/the-week-iran-missiles.txt      clean a page, print the article
    deboiler --explain page.txt                        every line, kept (+) or removed (-), with rule and reason
    deboiler --format json page.txt > report.json      the full report: title, text, every decision
    curl -s … | html2text | deboiler                   standard input
  Folders:
    deboiler -o clean/ pages/                          mirror the tree of pages/ into clean/, cleaned
    deboiler -o clean/ --ext txt,md --glob '2024/**' pages/
  JSON Lines (one page per record):
    deboiler --jsonl < pages.jsonl > clean.jsonl       text field replaced, every other field kept, title added
    deboiler --text-field body.text --id-field meta.id crawl.jsonl.gz > clean.jsonl
    deboiler -o clean/ --report decisions.jsonl --annotate shards/*.jsonl.zst
  Common Crawl WET / WARC (one page per conversion record):
    deboiler CC-MAIN-…warc.wet.gz > pages.jsonl        WARC headers (WARC-Target-URI, …) kept as fields
  Rules and evaluation:
    deboiler --preset precision --disable share a.txt  stricter, but keep share lines
    deboiler rules                                     list every rule with its documentation
    deboiler rule NWS001                               one rule's documentation
    deboiler eval corpus.jsonl                         score against gold text and snippets (see `eval --help`)
    deboiler bench corpus.jsonl                        throughput: MB/s and pages/s, one thread and all

Inputs ending in .gz or .zst are decompressed. .jsonl/.ndjson are JSON Lines and
.warc/.wet are WARC, whatever the compression; anything else is plain text
(override with --input-format). Standard input is plain text unless --jsonl.

Bad input never loses data: invalid UTF-8 is decoded with U+FFFD and a warning
naming the place and byte offset (--strict makes it an error); a malformed JSON
line is written as an error record {\"error\", \"source\", \"raw\"} (--on-error skip
leaves it out) and reported on stderr with file and line; the summary counts balance.
Outputs under -o are written to a temporary name and renamed when complete.

Exit codes:
  0  every input was cleaned
  1  some inputs or records could not be read or parsed (the others were cleaned; errors on stderr)
  2  usage or configuration error: nothing was cleaned

A file named like a subcommand (`rules`) must be given as `./rules`.";

/// Strip boilerplate (menus, newsletter prompts, teasers, cookie notices,
/// footers) from scraped web page text and print the article.
///
/// Reads plain text (html-text, inscriptis, resiliparse or html2text output,
/// innerText), JSON Lines and Common Crawl WET/WARC files, from files, folders
/// or standard input. Every output line is an input line; `--explain` shows
/// which rule removed each of the others.
#[derive(Parser, Debug)]
#[command(name = "deboiler", version, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Files or folders to clean (`-` or nothing reads standard input).
    files: Vec<PathBuf>,

    /// Show every line with its decision: `+` kept, `-` removed, the rule code,
    /// name and reason.
    #[arg(long, conflicts_with = "format")]
    explain: bool,

    /// Output for plain-text pages: `text` (headline, blank line, article) or
    /// `json` (one report per page with every decision).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Read JSON Lines (same as `--input-format jsonl`).
    #[arg(long, conflicts_with = "input_format")]
    jsonl: bool,

    /// What the inputs hold; `auto` goes by the file name.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    input_format: InputFormat,

    /// JSON Lines: the field holding the page text (dots reach into objects: `page.body`).
    #[arg(long, default_value = "text", value_name = "PATH")]
    text_field: String,

    /// JSON Lines: the field naming a record in messages and reports.
    #[arg(long, default_value = "id", value_name = "PATH")]
    id_field: String,

    /// JSON Lines and WARC: the field the detected headline goes to (left
    /// alone if the record already has it; empty to leave it out).
    #[arg(long, default_value = "title", value_name = "NAME")]
    title_field: String,

    /// JSON Lines and WARC: add a `deboiler` field with the record's counts.
    #[arg(long)]
    annotate: bool,

    /// Write every line's decision (source, line, kept, rule, reason) to FILE as JSON Lines.
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,

    /// Write results under DIR instead of standard output, mirroring the
    /// inputs' tree: text files keep their names, JSON Lines and WARC inputs
    /// become `.jsonl`. Inputs are never overwritten.
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,

    /// In folders, take only files with these extensions (before .gz/.zst), e.g. `txt,jsonl`.
    #[arg(long, value_delimiter = ',', value_name = "EXT")]
    ext: Vec<String>,

    /// In folders, take only files whose path (relative to the folder) matches; repeatable.
    #[arg(long, value_name = "PATTERN")]
    glob: Vec<String>,

    /// What to do with a record that cannot be read: `pass` writes an error
    /// record in its place, `skip` leaves it out; either way it is reported.
    #[arg(long, value_enum, default_value_t = OnError::Pass)]
    on_error: OnError,

    /// Preset: `precision` (less noise, may lose article lines), `balanced`, or
    /// `recall` (keep anything that may be article).
    #[arg(global = true, long, value_enum)]
    preset: Option<PresetArg>,

    /// Switch off a rule (code, e.g. `DUP001`) or a family (e.g. `share`);
    /// repeat or separate with commas.
    #[arg(global = true, long, value_delimiter = ',')]
    disable: Vec<String>,

    /// Switch a rule or family back on after `--disable` or the config.
    #[arg(global = true, long, value_delimiter = ',')]
    enable: Vec<String>,

    /// Read the configuration from a TOML or JSON file (see `Config` in the
    /// library docs); command-line flags override it.
    #[arg(global = true, long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Keep converter markup (markdown links and images, URLs) instead of
    /// rendering links as their text.
    #[arg(global = true, long)]
    keep_markup: bool,

    /// Worker threads (default: all cores).
    #[arg(global = true, short, long, value_name = "N")]
    jobs: Option<usize>,

    /// Fail on input that is not valid UTF-8 instead of decoding it lossily.
    #[arg(long)]
    strict: bool,

    /// No progress bar and no summary.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List every rule: code, family, name and summary (`--long` for full docs).
    Rules {
        /// Print each rule's full documentation.
        #[arg(long)]
        long: bool,
    },
    /// Print one rule's documentation.
    Rule {
        /// The rule's code, e.g. `NWS001`.
        code: String,
    },
    /// Clean every page of an evaluation corpus (JSON Lines with `id`, `text`,
    /// and `gold` and/or `with`/`without` snippets) and print the figures of
    /// the project's scorer: overall, per source, converter and language, and
    /// the worst pages. `--page ID` shows one page line by line instead.
    Eval {
        /// The corpus, e.g. `../shared/corpus/dev.jsonl`.
        corpus: PathBuf,
        /// How many of the worst pages to list.
        #[arg(long, default_value_t = 15)]
        worst: usize,
        /// Show one page (id or id prefix): every line kept (`+`) or removed
        /// (`-`), what the reference wants (`G` gold, `W` must keep, `X` must
        /// drop), `!!` where they disagree, and the rule behind it.
        #[arg(long, value_name = "ID")]
        page: Option<String>,
        /// Also write the predictions (`{id, title, text}` per record) here.
        #[arg(long, value_name = "FILE")]
        predictions: Option<PathBuf>,
        /// Instead of scoring, clean each page's output a second time and list
        /// the pages where that removes more lines, with the rule (a clean page
        /// should come back unchanged).
        #[arg(long, conflicts_with_all = ["page", "predictions"])]
        second_pass: bool,
    },
    /// Measure throughput: clean every page of the inputs (JSON Lines with a
    /// `text` field, or plain text files) on one thread and on all, and print
    /// MB/s, pages/s and peak memory.
    Bench {
        /// Corpus files, e.g. `../shared/corpus/dev.jsonl`.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Passes over the inputs; the best is reported.
        #[arg(long, default_value_t = 3)]
        passes: usize,
        /// Also clean synthetic pages of growing size (a 10 MB line, a million
        /// one-character lines, a 100 MB page) and show that time grows in
        /// proportion to size.
        #[arg(long)]
        scaling: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum InputFormat {
    Auto,
    Text,
    Jsonl,
    Warc,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum OnError {
    Pass,
    Skip,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum PresetArg {
    Precision,
    Balanced,
    Recall,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("deboiler: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match &cli.command {
        Some(Command::Rules { long }) => return list_rules(*long),
        Some(Command::Rule { code }) => return show_rule(code),
        _ => {}
    }
    let cleaner = Cleaner::new(build_config(&cli)?)?;
    if let Some(jobs) = cli.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()
            .context("could not start worker threads")?;
    }
    match &cli.command {
        Some(Command::Eval {
            corpus,
            worst,
            page,
            predictions,
            second_pass,
        }) => {
            let options = eval::Options {
                corpus,
                worst: *worst,
                page: page.as_deref(),
                predictions: predictions.as_deref(),
                second_pass: *second_pass,
            };
            eval::run(&cleaner, &options, &mut io::stdout().lock())?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Bench {
            inputs,
            passes,
            scaling,
        }) => {
            let mut out = io::stdout().lock();
            bench::run(&cleaner, inputs, *passes, &mut out)?;
            if *scaling {
                writeln!(out)?;
                bench::scaling(&cleaner, &mut out)?;
            }
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    Batch::new(&cli, &cleaner)?.run()
}

fn build_config(cli: &Cli) -> Result<Config> {
    let mut config = match &cli.config {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read config {}", path.display()))?;
            let parsed = if path.extension().is_some_and(|e| e == "json") {
                Config::from_json(&text)
            } else {
                Config::from_toml(&text)
            };
            parsed.with_context(|| format!("in config {}", path.display()))?
        }
        None => Config::default(),
    };
    if let Some(preset) = cli.preset {
        config.preset = match preset {
            PresetArg::Precision => Preset::Precision,
            PresetArg::Balanced => Preset::Balanced,
            PresetArg::Recall => Preset::Recall,
        };
    }
    config.disable.extend(cli.disable.iter().cloned());
    config.enable.extend(cli.enable.iter().cloned());
    config.keep_markup |= cli.keep_markup;
    Ok(config)
}

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
struct Batch<'a> {
    cli: &'a Cli,
    cleaner: &'a Cleaner,
    sources: Vec<Source>,
    inputs: Vec<PathBuf>,
    stats: Stats,
    progress: ProgressBar,
    report: Option<AtomicFile>,
}

impl<'a> Batch<'a> {
    fn new(cli: &'a Cli, cleaner: &'a Cleaner) -> Result<Batch<'a>> {
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

    fn run(mut self) -> Result<ExitCode> {
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
                    (true, _) => explain(&item.place, &cleaned),
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
                let Some(text) = get_path(record, &self.cli.text_field).and_then(Value::as_str)
                else {
                    let why = match get_path(record, &self.cli.text_field) {
                        None | Some(Value::Null) => {
                            format!("record has no {:?} field", self.cli.text_field)
                        }
                        Some(_) => format!("field {:?} is not a string", self.cli.text_field),
                    };
                    return self.failed(item, why, serde_json::to_string(record).ok());
                };
                let id = get_path(record, &self.cli.id_field).map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                });
                let cleaned = self.cleaner.clean(text);
                let mut record = record.clone();
                set_path(
                    &mut record,
                    &self.cli.text_field,
                    Value::String(cleaned.text()),
                );
                let output = if self.cli.explain {
                    explain(&item.place, &cleaned)
                } else {
                    self.finish_record(&mut record, &cleaned);
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
                    explain(&item.place, &cleaned)
                } else {
                    self.finish_record(&mut record, &cleaned);
                    format!("{}\n", Value::Object(record))
                };
                self.done(text, &cleaned, output, &item.place, id)
            }
            Payload::Bad { error, raw } => self.failed(item, error.clone(), raw.clone()),
        }
    }

    /// Adds the headline and, with `--annotate`, the counts to a JSON record.
    fn finish_record(&self, record: &mut Map<String, Value>, cleaned: &Cleaned<'_>) {
        if !self.cli.title_field.is_empty() && !record.contains_key(&self.cli.title_field) {
            let title = cleaned
                .title()
                .map_or(Value::Null, |t| Value::String(t.to_string()));
            record.insert(self.cli.title_field.clone(), title);
        }
        if self.cli.annotate {
            let s = cleaned.summary();
            record.insert(
                "deboiler".into(),
                json!({
                    "lines": s.lines, "lines_removed": s.lines_removed,
                    "words": s.words, "words_removed": s.words_removed,
                    "language": cleaned.language(),
                    "removed_by_rule": s.removed_by_rule,
                }),
            );
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
                let entry = json!({
                    "source": place, "id": id, "line": d.line, "kept": d.kept,
                    "code": d.code, "name": d.name, "family": d.family, "reason": d.reason,
                });
                report.push(entry.to_string());
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

/// Every non-blank line of a page: `+` kept or `-` removed, rule and reason.
fn explain(place: &str, cleaned: &Cleaned<'_>) -> String {
    let summary = cleaned.summary();
    let mut out = format!(
        "== {place}: kept {} of {} lines ({} of {} words), language {}\n",
        summary.lines_kept,
        summary.lines,
        summary.words_kept,
        summary.words,
        cleaned.language().unwrap_or("unknown")
    );
    for d in cleaned.decisions().iter().filter(|d| !d.blank) {
        let sign = if d.kept { '+' } else { '-' };
        out.push_str(&format!(
            "{sign} {:>5}  {} {:<20} {}\n",
            d.line, d.code, d.name, d.reason
        ));
        out.push_str(&format!(
            "         | {}\n",
            shorten(cleaned.line_text(d), 110)
        ));
    }
    out
}

/// The value at a dotted path (`page.body`) of a JSON object.
fn get_path<'v>(record: &'v Map<String, Value>, path: &str) -> Option<&'v Value> {
    let mut parts = path.split('.');
    let mut value = record.get(parts.next()?)?;
    for part in parts {
        value = value.as_object()?.get(part)?;
    }
    Some(value)
}

/// Sets the value at a dotted path that `get_path` found.
fn set_path(record: &mut Map<String, Value>, path: &str, new: Value) {
    let mut parts: Vec<&str> = path.split('.').collect();
    let Some(last) = parts.pop() else { return };
    let mut map = record;
    for part in parts {
        match map.get_mut(part).and_then(Value::as_object_mut) {
            Some(inner) => map = inner,
            None => return,
        }
    }
    map.insert(last.to_string(), new);
}

fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

fn list_rules(long: bool) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    for info in deboiler::builtin_rules() {
        if long {
            writeln!(
                out,
                "## {} {} ({})\n\n{}\n",
                info.code,
                info.name,
                info.family,
                info.doc_text()
            )?;
        } else {
            writeln!(
                out,
                "{}  {:<12} {:<20} {}",
                info.code,
                info.family,
                info.name,
                info.summary()
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn show_rule(code: &str) -> Result<ExitCode> {
    let rules = deboiler::builtin_rules();
    let Some(info) = rules.iter().find(|r| r.code.eq_ignore_ascii_case(code)) else {
        let codes: Vec<_> = rules.iter().map(|r| r.code.as_ref()).collect();
        bail!("no rule {code:?}; the codes are: {}", codes.join(", "));
    };
    println!(
        "{} {} (family: {})\n\n{}",
        info.code,
        info.name,
        info.family,
        info.doc_text()
    );
    Ok(ExitCode::SUCCESS)
}
