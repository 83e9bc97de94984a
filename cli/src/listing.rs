//! `deboiler rules` and `deboiler rule CODE`.

use anyhow::{bail, Result};
use std::io::{self, Write};
use std::process::ExitCode;

/// How to read the examples in the rules' documentation.
const LEGEND: &str = "Each example is a small page: a line starting `-` is removed by the rule, \
`+` is kept, an indented line is context, and `…` stands for paragraphs of article text. \
The examples are run as tests.";

pub(crate) fn list_rules(long: bool) -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    if long {
        writeln!(out, "{LEGEND}\n")?;
    }
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

pub(crate) fn show_rule(code: &str) -> Result<ExitCode> {
    let rules = deboiler::builtin_rules();
    let Some(info) = rules.iter().find(|r| r.code.eq_ignore_ascii_case(code)) else {
        let codes: Vec<_> = rules.iter().map(|r| r.code.as_ref()).collect();
        bail!("no rule {code:?}; the codes are: {}", codes.join(", "));
    };
    println!(
        "{} {} (family: {})\n\n{}\n\n{LEGEND}",
        info.code,
        info.name,
        info.family,
        info.doc_text()
    );
    Ok(ExitCode::SUCCESS)
}
