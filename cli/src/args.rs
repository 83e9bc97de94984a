//! The command line: flags, subcommands, help text, and the config they make.

use anyhow::{Context as _, Result};
use clap::{Parser, Subcommand, ValueEnum};
use deboiler::{Config, ParseNameError, Preset};
use std::path::PathBuf;

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

Nothing is lost in silence: invalid UTF-8 is decoded with U+FFFD and a warning
naming the place and byte offset (--strict makes it an error); a malformed JSON
line or WARC record is written as an error record {\"error\", \"source\", \"raw\"}
(--on-error skip leaves it out) and reported on stderr with file and line or
byte; a file that cannot be read to the end keeps the records before the error
(under -o in NAME.partial); skipped folder entries are named and counted; the
summary balances (records in = written + skipped). Outputs under -o are written
to a temporary name and renamed when complete; two inputs that would write the
same output, or an output that is an input or the --report file, are refused
before anything is written.

Exit codes:
  0  every input was cleaned
  1  some inputs, records or folder entries could not be read (the others were
     cleaned and written; each failure is on stderr and in the summary)
  2  usage or configuration error: nothing was cleaned
  3  an output could not be written (disk full, file too large, permissions):
     the run stopped and removed its unfinished files
  130, 143, 129  interrupted (Ctrl-C, SIGTERM, SIGHUP): unfinished files removed

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
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Option<Command>,

    /// Files or folders to clean (`-` or nothing reads standard input).
    pub(crate) files: Vec<PathBuf>,

    /// Show every line with its decision: `+` kept, `-` removed, the rule code,
    /// name and reason.
    #[arg(long, conflicts_with = "format")]
    pub(crate) explain: bool,

    /// Output for plain-text pages: `text` (headline, blank line, article) or
    /// `json` (one report per page with every decision).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,

    /// Read JSON Lines (same as `--input-format jsonl`).
    #[arg(long, conflicts_with = "input_format")]
    pub(crate) jsonl: bool,

    /// What the inputs hold; `auto` goes by the file name.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub(crate) input_format: InputFormat,

    /// JSON Lines: the field holding the page text (dots reach into objects: `page.body`).
    #[arg(long, default_value = "text", value_name = "PATH")]
    pub(crate) text_field: String,

    /// JSON Lines: the field naming a record in messages and reports.
    #[arg(long, default_value = "id", value_name = "PATH")]
    pub(crate) id_field: String,

    /// JSON Lines and WARC: the page's title. A record that has it gives it
    /// as a hint (the headline is the line that repeats it); one that has not
    /// gets the detected headline there. Empty for neither.
    #[arg(long, default_value = "title", value_name = "NAME")]
    pub(crate) title_field: String,

    /// JSON Lines: the field holding the page's URL, whose words hint at the
    /// headline (WARC records give WARC-Target-URI). Empty for none.
    #[arg(long, default_value = "url", value_name = "PATH")]
    pub(crate) url_field: String,

    /// JSON Lines and WARC: add a `deboiler` field with the record's counts.
    #[arg(long)]
    pub(crate) annotate: bool,

    /// Write every line's decision (source, line, kept, rule, reason) to FILE as JSON Lines.
    #[arg(long, value_name = "FILE")]
    pub(crate) report: Option<PathBuf>,

    /// Write results under DIR instead of standard output, mirroring the
    /// inputs' tree: text files keep their names, JSON Lines and WARC inputs
    /// become `.jsonl`. Inputs are never overwritten.
    #[arg(short, long, value_name = "DIR")]
    pub(crate) output: Option<PathBuf>,

    /// In folders, take only files with these extensions (before .gz/.zst), e.g. `txt,jsonl`.
    #[arg(long, value_delimiter = ',', value_name = "EXT")]
    pub(crate) ext: Vec<String>,

    /// In folders, take only files whose path (relative to the folder) matches; repeatable.
    #[arg(long, value_name = "PATTERN")]
    pub(crate) glob: Vec<String>,

    /// What to do with a record that cannot be read: `pass` writes an error
    /// record in its place, `skip` leaves it out; either way it is reported.
    #[arg(long, value_enum, default_value_t = OnError::Pass)]
    pub(crate) on_error: OnError,

    /// Preset: `precision` (less noise, may lose article lines), `balanced`, or
    /// `recall` (keep anything that may be article).
    #[arg(global = true, long, value_parser = parse_preset)]
    pub(crate) preset: Option<Preset>,

    /// Switch off a rule (code, e.g. `DUP001`) or a family (e.g. `share`);
    /// repeat or separate with commas.
    #[arg(global = true, long, value_delimiter = ',')]
    pub(crate) disable: Vec<String>,

    /// Switch a rule or family back on after `--disable` or the config.
    #[arg(global = true, long, value_delimiter = ',')]
    pub(crate) enable: Vec<String>,

    /// Enable an opt-in vocabulary pack (`site-vocabulary`: phrase and label
    /// entries kept out of the defaults because they fitted too few sites).
    #[arg(global = true, long = "pack", value_name = "NAME")]
    pub(crate) packs: Vec<String>,

    /// Read the configuration from a TOML or JSON file (see `Config` in the
    /// library docs); command-line flags override it.
    #[arg(global = true, long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,

    /// Keep converter markup (markdown links and images, URLs) instead of
    /// rendering links as their text.
    #[arg(global = true, long)]
    pub(crate) keep_markup: bool,

    /// Worker threads (default: all cores; at most 4 per core).
    #[arg(global = true, short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) jobs: Option<u16>,

    /// Fail on input that is not valid UTF-8 instead of decoding it lossily.
    #[arg(long)]
    pub(crate) strict: bool,

    /// No progress bar and no summary.
    #[arg(short, long)]
    pub(crate) quiet: bool,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
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
        /// What the cleaner is told besides the text: `url` (the record's
        /// `url`, as `--jsonl` does), `none`, or `gold-title` (the URL and the
        /// first line of the gold text as the title, to measure what a known
        /// title is worth).
        #[arg(long, value_enum, default_value_t = EvalHints::Url)]
        hints: EvalHints,
        /// `table` (for people) or `json` (for scripts: every group's figures
        /// and the worst pages).
        #[arg(long, value_enum, default_value_t = EvalFormat::Table, conflicts_with_all = ["page", "second_pass"])]
        format: EvalFormat,
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
        /// one-character lines, half a million distinct verse-like lines, a
        /// 100 MB page) and show that time grows in proportion to size.
        #[arg(long)]
        scaling: bool,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum EvalHints {
    None,
    Url,
    GoldTitle,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum EvalFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum InputFormat {
    Auto,
    Text,
    Jsonl,
    Warc,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub(crate) enum OnError {
    Pass,
    Skip,
}

fn parse_preset(name: &str) -> Result<Preset, ParseNameError> {
    name.parse()
}

impl Cli {
    /// The config: the `--config` file, then the flags on top.
    pub(crate) fn config(&self) -> Result<Config> {
        let cli = self;
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
            config.preset = preset;
        }
        config.disable.extend(cli.disable.iter().cloned());
        config.packs.extend(cli.packs.iter().cloned());
        config.enable.extend(cli.enable.iter().cloned());
        config.keep_markup |= cli.keep_markup;
        Ok(config)
    }
}
