//! The `deboiler` command-line tool: a thin layer over the library that
//! reads files, folders, standard input, JSON Lines and WARC/WET, in
//! parallel, and writes the cleaned text. The binary is `src/main.rs`; the
//! readers are public for the fuzz targets.

mod args;
mod batch;
mod bench;
mod eval;
mod format;
pub mod input;
mod json_path;
mod listing;
mod output;
mod plan;
pub mod records;
mod report;
mod score;
pub mod warc;
mod work;

use anyhow::{Context as _, Result};
use args::{Cli, Command};
use batch::Batch;
use clap::Parser;
use deboiler::Cleaner;
use input::is_broken_pipe;
use std::io::{self, Write};
use std::process::ExitCode;

/// The most worker threads per core `-j` gives.
const MAX_JOBS_PER_CORE: usize = 4;

/// Exit code of a usage or configuration error: nothing was cleaned.
const EXIT_USAGE: u8 = 2;

/// Runs the command line of this process.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("deboiler: error: {err:#}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match &cli.command {
        Some(Command::Rules { long }) => return listing::list_rules(*long),
        Some(Command::Rule { code }) => return listing::show_rule(code),
        _ => {}
    }
    // The rules' patterns compile on a spare core while this thread builds
    // the phrase automaton and reads the first records, instead of on the
    // workers as the first pages need them.
    std::thread::spawn(deboiler::prepare);
    let cleaner = Cleaner::new(cli.config()?)?;
    if let Some(jobs) = cli.jobs.map(usize::from) {
        // More threads than cores only costs memory and start-up time.
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let most = cores * MAX_JOBS_PER_CORE;
        if jobs > most {
            eprintln!(
                "deboiler: warning: -j {jobs} is more than {MAX_JOBS_PER_CORE} per core; using {most}"
            );
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.min(most))
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
            hints,
            format,
        }) => {
            let options = eval::Options {
                corpus,
                worst: *worst,
                page: page.as_deref(),
                predictions: predictions.as_deref(),
                second_pass: *second_pass,
                json: *format == args::EvalFormat::Json,
                hints: *hints,
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
