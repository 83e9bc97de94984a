//! The `deboiler` command-line tool: a thin layer over the library.

use anyhow::{bail, Context as _, Result};
use clap::{Parser, Subcommand, ValueEnum};
use deboiler::{Cleaned, Cleaner, Config, Preset};
use rayon::prelude::*;
use serde_json::{Map, Value};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[path = "cli/bench.rs"]
mod bench;
#[path = "cli/eval.rs"]
mod eval;

const EXAMPLES: &str = "\
Examples:
  deboiler examples/the-week-iran-missiles.txt      clean a page, print the article
  curl -s … | html2text | deboiler                   clean standard input
  deboiler --explain page.txt                        every line, kept (+) or removed (-), with rule and reason
  deboiler --format json page.txt > report.json      the full report: title, text, every decision
  deboiler --jsonl < pages.jsonl > clean.jsonl       JSON Lines with \"id\" and \"text\" in, {id,title,text} out
  deboiler --preset precision --disable share a.txt  stricter, but keep share lines
  deboiler rules                                     list every rule with its documentation
  deboiler rule NWS001                               one rule's documentation
  deboiler eval corpus.jsonl                         score against gold text and snippets (see `eval --help`)
  deboiler eval corpus.jsonl --page wceb/0030        one page, line by line, with what the gold wants
  deboiler bench corpus.jsonl                        throughput: MB/s and pages/s, one thread and all

Exit codes:
  0  every input was cleaned
  1  some inputs or records could not be read or parsed (the others were cleaned; errors on stderr)
  2  usage or configuration error: nothing was cleaned

A file named like a subcommand (`rules`) must be given as `./rules`.";

/// Strip boilerplate (menus, newsletter prompts, teasers, cookie notices,
/// footers) from scraped web page text and print the article.
///
/// Reads plain text (html-text, inscriptis, resiliparse or html2text output,
/// innerText, WET records) from FILEs or standard input. Every output line is
/// an input line; `--explain` shows which rule removed each of the others.
#[derive(Parser, Debug)]
#[command(name = "deboiler", version, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Pages to clean (one page per file; `-` or nothing reads standard input).
    files: Vec<PathBuf>,

    /// Show every line with its decision: `+` kept, `-` removed, the rule code,
    /// name and reason.
    #[arg(long, conflicts_with_all = ["format", "jsonl"])]
    explain: bool,

    /// Output format for plain pages: `text` (headline, blank line, article) or
    /// `json` (the full report with every decision).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,

    /// Read JSON Lines: one page per line with `id` and `text` fields; write one
    /// `{"id", "title", "text"}` record per input record, in order.
    #[arg(long)]
    jsonl: bool,

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

    /// Worker threads for `--jsonl` (default: all cores).
    #[arg(global = true, short, long, value_name = "N")]
    jobs: Option<usize>,

    /// Fail on input that is not valid UTF-8 instead of decoding it lossily.
    #[arg(long)]
    strict: bool,
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
    },
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
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

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
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
    if let Some(Command::Eval {
        corpus,
        worst,
        page,
        predictions,
    }) = &cli.command
    {
        let options = eval::Options {
            corpus,
            worst: *worst,
            page: page.as_deref(),
            predictions: predictions.as_deref(),
        };
        eval::run(&cleaner, &options, &mut io::stdout().lock())?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(Command::Bench { inputs, passes }) = &cli.command {
        bench::run(&cleaner, inputs, *passes, &mut io::stdout().lock())?;
        return Ok(ExitCode::SUCCESS);
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let inputs: Vec<PathBuf> = if cli.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        cli.files.clone()
    };
    let mut failures = 0usize;
    for path in &inputs {
        let result = if cli.jsonl {
            clean_jsonl(&cleaner, path, &mut out).map(|bad| failures += bad)
        } else {
            read_page(path, cli.strict).and_then(|text| {
                let cleaned = cleaner.clean(&text);
                write_page(&cli, path, inputs.len() > 1, &cleaned, &mut out)
            })
        };
        if let Err(err) = result {
            if is_broken_pipe(&err) {
                return Ok(ExitCode::SUCCESS);
            }
            eprintln!("deboiler: {}: {err:#}", path.display());
            failures += 1;
        }
    }
    if let Err(err) = out.flush() {
        if err.kind() == io::ErrorKind::BrokenPipe {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(err.into());
    }
    Ok(if failures > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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

/// Reads a whole page; invalid UTF-8 is decoded lossily with a warning
/// (or is an error with `--strict`).
fn read_page(path: &Path, strict: bool) -> Result<String> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
    } else {
        bytes = std::fs::read(path).context("cannot read file")?;
    }
    decode(bytes, &path.display().to_string(), strict)
}

fn decode(bytes: Vec<u8>, name: &str, strict: bool) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            if strict {
                bail!("invalid UTF-8 at byte {at} (drop --strict to decode it lossily)");
            }
            eprintln!(
                "deboiler: warning: {name}: invalid UTF-8 at byte {at}, replaced with U+FFFD"
            );
            Ok(String::from_utf8_lossy(err.as_bytes()).into_owned())
        }
    }
}

fn write_page(
    cli: &Cli,
    path: &Path,
    many: bool,
    cleaned: &Cleaned<'_>,
    out: &mut impl Write,
) -> Result<()> {
    if cli.explain {
        let summary = cleaned.summary();
        writeln!(
            out,
            "== {}: kept {} of {} lines ({} of {} words), language {}",
            path.display(),
            summary.lines_kept,
            summary.lines,
            summary.words_kept,
            summary.words,
            cleaned.language().unwrap_or("unknown")
        )?;
        for d in cleaned.decisions().iter().filter(|d| !d.blank) {
            let sign = if d.kept { '+' } else { '-' };
            writeln!(
                out,
                "{sign} {:>5}  {} {:<20} {}",
                d.line, d.code, d.name, d.reason
            )?;
            writeln!(out, "         | {}", shorten(cleaned.line_text(d), 110))?;
        }
        return Ok(());
    }
    match cli.format {
        Format::Json => {
            serde_json::to_writer(&mut *out, cleaned)?;
            writeln!(out)?;
        }
        Format::Text => {
            if many {
                writeln!(out, "==> {} <==", path.display())?;
            }
            let text = cleaned.rendered();
            if !text.is_empty() {
                writeln!(out, "{text}")?;
            }
        }
    }
    Ok(())
}

fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// Records cleaned per parallel batch; bounds memory on large inputs.
const BATCH: usize = 256;

/// Cleans a JSON Lines stream; returns how many records could not be parsed.
fn clean_jsonl(cleaner: &Cleaner, path: &Path, out: &mut impl Write) -> Result<usize> {
    let name = path.display().to_string();
    let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(io::BufReader::new(io::stdin()))
    } else {
        Box::new(io::BufReader::new(
            std::fs::File::open(path).context("cannot open file")?,
        ))
    };
    let mut failures = 0;
    let mut batch: Vec<(usize, Vec<u8>)> = Vec::with_capacity(BATCH);
    let mut lines = reader.split(b'\n');
    let mut number = 0;
    loop {
        batch.clear();
        for line in lines.by_ref() {
            number += 1;
            let line = line.context("cannot read input")?;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            batch.push((number, line));
            if batch.len() == BATCH {
                break;
            }
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<Result<String, String>> = batch
            .par_iter()
            .map(|(n, line)| clean_record(cleaner, line).map_err(|e| format!("{name}:{n}: {e}")))
            .collect();
        for result in results {
            match result {
                Ok(record) => writeln!(out, "{record}")?,
                Err(message) => {
                    eprintln!("deboiler: {message}");
                    failures += 1;
                }
            }
        }
    }
    Ok(failures)
}

fn clean_record(cleaner: &Cleaner, line: &[u8]) -> Result<String, String> {
    let line = String::from_utf8_lossy(line);
    let record: Map<String, Value> = match serde_json::from_str(&line) {
        Ok(Value::Object(map)) => map,
        Ok(_) => return Err("not a JSON object".into()),
        Err(e) => return Err(format!("invalid JSON: {e}")),
    };
    let text = match record.get("text") {
        Some(Value::String(s)) => s.as_str(),
        Some(Value::Null) | None => return Err("record has no \"text\" field".into()),
        Some(_) => return Err("\"text\" is not a string".into()),
    };
    let cleaned = cleaner.clean(text);
    let mut out = Map::new();
    out.insert(
        "id".into(),
        record.get("id").cloned().unwrap_or(Value::Null),
    );
    out.insert(
        "title".into(),
        cleaned
            .title()
            .map_or(Value::Null, |t| Value::String(t.to_string())),
    );
    out.insert("text".into(), Value::String(cleaned.text()));
    serde_json::to_string(&out).map_err(|e| e.to_string())
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
