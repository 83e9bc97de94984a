//! `deboiler eval`: clean every page of an evaluation corpus and score the
//! output as the project's scorer (`eval/score.py`) does: the shingle F1 of
//! the article-extraction benchmark against gold text, and trafilatura-style
//! must-keep / must-drop snippets.

use crate::args::EvalHints;
use crate::score::{
    normalise, precision, recall, score_record, shingles, table_header, tokens, truncate, Figures,
    Row, Scored,
};
use anyhow::{bail, Context as _, Result};
use deboiler::{Cleaner, Hints};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::Path;

/// One corpus record (fields the scorer reads; others are ignored).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Record {
    pub id: String,
    pub source: Option<String>,
    pub converter: Option<String>,
    pub lang: Option<String>,
    pub text: String,
    pub gold: Option<String>,
    pub with: Vec<String>,
    pub without: Vec<String>,
    pub url: Option<String>,
}

pub fn load(path: &Path) -> Result<Vec<Record>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut records = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("{}:{}: cannot read", path.display(), n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a corpus record", path.display(), n + 1))?;
        records.push(record);
    }
    if records.is_empty() {
        bail!("{} holds no records", path.display());
    }
    Ok(records)
}

/// Options of `deboiler eval`.
pub struct Options<'a> {
    pub corpus: &'a Path,
    pub worst: usize,
    pub page: Option<&'a str>,
    pub predictions: Option<&'a Path>,
    pub second_pass: bool,
    /// Print the figures as JSON instead of a table.
    pub json: bool,
    /// What the cleaner is told besides the text.
    pub hints: EvalHints,
}

impl Record {
    /// The hints `kind` gives for this record.
    fn hints(&self, kind: EvalHints) -> Hints<'_> {
        let mut hints = Hints::default();
        if kind != EvalHints::None {
            hints = hints.with_url(self.url.as_deref().unwrap_or(""));
        }
        if kind == EvalHints::GoldTitle {
            let first = self
                .gold
                .as_deref()
                .and_then(|g| g.lines().find(|l| !l.trim().is_empty()));
            hints = hints.with_title(first.unwrap_or(""));
        }
        hints
    }
}

pub fn run(cleaner: &Cleaner, opts: &Options<'_>, out: &mut impl Write) -> Result<()> {
    let records = load(opts.corpus)?;
    if let Some(id) = opts.page {
        // An exact id first: `final-65` is also the start of `final-657`.
        let exact = records.iter().find(|r| r.id == id);
        let Some(record) = exact.or_else(|| records.iter().find(|r| r.id.starts_with(id))) else {
            bail!("no record with id {id:?} in {}", opts.corpus.display());
        };
        return show_page(cleaner, record, opts.hints, out);
    }
    if opts.second_pass {
        return second_pass(cleaner, &records, opts, out);
    }
    let cleaned: Vec<(String, Option<String>)> = records
        .par_iter()
        .map(|r| {
            let c = cleaner.clean_with(&r.text, &r.hints(opts.hints));
            (c.text(), c.title().map(str::to_string))
        })
        .collect();
    if let Some(path) = opts.predictions {
        let mut file = std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        );
        for (r, (text, title)) in records.iter().zip(&cleaned) {
            let record = serde_json::json!({"id": r.id, "title": title, "text": text});
            writeln!(file, "{record}")?;
        }
    }
    let scored: Vec<Scored> = records
        .iter()
        .zip(&cleaned)
        .map(|(r, (t, _))| score_record(r, t))
        .collect();
    let groups = group_figures(&records, &scored);
    let worst = worst_pages(&records, &scored);
    if opts.json {
        let report = serde_json::json!({
            "corpus": opts.corpus.display().to_string(),
            "groups": groups,
            "worst": &worst[..worst.len().min(opts.worst)],
        });
        writeln!(out, "{report:#}")?;
        return Ok(());
    }
    writeln!(out, "{}", table_header())?;
    for figures in &groups {
        writeln!(out, "{}", figures.row())?;
    }
    writeln!(out, "(groups of fewer than 5 pages not shown)")?;
    if opts.worst > 0 {
        writeln!(
            out,
            "\nWorst pages (gold: min of precision and recall; snippets: errors):"
        )?;
        for w in worst.iter().take(opts.worst) {
            writeln!(
                out,
                "  {:.2}  {}  {}  {}",
                w.score, w.what, w.id, w.converter
            )?;
        }
        writeln!(
            out,
            "\nSee one page's lines with: deboiler eval CORPUS --page ID"
        )?;
    }
    Ok(())
}

/// The figures of the whole corpus, then per source, converter and
/// language (groups of at least 5 pages).
fn group_figures(records: &[Record], scored: &[Scored]) -> Vec<Figures> {
    let mut all = Row::default();
    for s in scored {
        all.add(s);
    }
    let mut groups = vec![all.figures("ALL")];
    type Key = fn(&Record) -> Option<&str>;
    let keys: [(&str, Key); 3] = [
        ("source", |r| r.source.as_deref()),
        ("converter", |r| r.converter.as_deref()),
        ("lang", |r| r.lang.as_deref()),
    ];
    for (name, key) in keys {
        let mut rows: BTreeMap<&str, Row> = BTreeMap::new();
        for (r, s) in records.iter().zip(scored) {
            rows.entry(key(r).unwrap_or("?")).or_default().add(s);
        }
        for (value, row) in rows.iter().filter(|(_, row)| row.n >= 5) {
            groups.push(row.figures(&format!("{name}={value}")));
        }
    }
    groups
}

/// A page in the list of the worst.
#[derive(Serialize)]
struct Worst<'r> {
    /// Gold pages: the lower of precision and recall; snippet pages: the
    /// share of snippets right.
    score: f64,
    id: &'r str,
    /// What went wrong, in figures.
    what: String,
    converter: &'r str,
}

/// Every scored page, worst first.
fn worst_pages<'r>(records: &'r [Record], scored: &[Scored]) -> Vec<Worst<'r>> {
    let mut worst: Vec<Worst<'r>> = records
        .iter()
        .zip(scored)
        .filter_map(|(r, s)| {
            let (score, what) = if let Some((tp, fp, fn_, _, _)) = s.gold {
                let (p, rc) = (precision(tp, fp, fn_), recall(tp, fp, fn_));
                (p.min(rc), format!("P={p:.2} R={rc:.2}"))
            } else {
                let [tp, fp, fn_, tn] = s.snippets?;
                let total = (tp + fp + fn_ + tn).max(1) as f64;
                (
                    1.0 - (fp + fn_) as f64 / total,
                    format!("lost {fn_} kept {fp} snippets"),
                )
            };
            Some(Worst {
                score,
                id: &r.id,
                what,
                converter: r.converter.as_deref().unwrap_or("?"),
            })
        })
        .collect();
    worst.sort_by(|a, b| a.score.total_cmp(&b.score));
    worst
}

/// Cleans every page as `deboiler --jsonl` does (the body in the text
/// field, the headline in the title field), then cleans that record again,
/// and lists the pages whose body changes: a clean page should come back
/// unchanged.
fn second_pass(
    cleaner: &Cleaner,
    records: &[Record],
    opts: &Options<'_>,
    out: &mut impl Write,
) -> Result<()> {
    // Per page: (id, lines of the first body, lines of the second).
    type Pass = (String, Vec<String>, Vec<String>);
    let lines = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect()
    };
    let results: Vec<Pass> = records
        .par_iter()
        .map(|r| {
            let hints = r.hints(opts.hints);
            let first = cleaner.clean_with(&r.text, &hints);
            let body = first.text();
            let title = first.title().map(str::to_string);
            // The record now has a title field, null if no headline was found.
            let hints = match hints.title {
                None => hints.with_title(title.as_deref().unwrap_or("")),
                Some(_) => hints,
            };
            let again = cleaner.clean_with(&body, &hints).text();
            (r.id.clone(), lines(&body), lines(&again))
        })
        .collect();
    let total: usize = results.iter().map(|r| r.1.len()).sum();
    let changed: Vec<&Pass> = results.iter().filter(|r| r.1 != r.2).collect();
    let emptied = changed
        .iter()
        .filter(|r| !r.1.is_empty() && r.2.is_empty())
        .count();
    let lost: usize = changed
        .iter()
        .map(|r| r.1.len().saturating_sub(r.2.len()))
        .sum();
    writeln!(
        out,
        "Second pass over the --jsonl output: {} of {} records change ({:.1}%), {emptied} emptied; {lost} of {total} body lines lost.",
        changed.len(),
        results.len(),
        100.0 * changed.len() as f64 / results.len().max(1) as f64
    )?;
    for (id, before, after) in changed.iter().take(opts.worst) {
        writeln!(out, "\n{id}: {} lines, then {}", before.len(), after.len())?;
        for line in before.iter().filter(|l| !after.contains(l)).take(5) {
            writeln!(out, "  - {}", truncate(line, 100))?;
        }
    }
    Ok(())
}

/// Every line of one page: kept (`+`) or removed (`-`), whether the reference
/// wants it (`G` most of its shingles are in the gold, `W` holds a must-keep
/// snippet, `X` a must-drop one), `!!` where the two disagree, the rule and reason.
fn show_page(
    cleaner: &Cleaner,
    record: &Record,
    hints: EvalHints,
    out: &mut impl Write,
) -> Result<()> {
    let cleaned = cleaner.clean_with(&record.text, &record.hints(hints));
    let gold: Option<FxHashMap<Vec<&str>, usize>> =
        record.gold.as_deref().map(|g| shingles(&tokens(g)));
    writeln!(
        out,
        "== {} ({})",
        record.id,
        record.converter.as_deref().unwrap_or("?")
    )?;
    if let Some(title) = cleaned.title() {
        writeln!(out, "title: {title}")?;
    }
    for d in cleaned.decisions().filter(|d| !d.blank) {
        let text = cleaned.line_text(&d);
        let wanted = match &gold {
            Some(g) => {
                let toks = tokens(text);
                let sh = shingles(&toks);
                let total: usize = sh.values().sum();
                let inside: usize = sh
                    .iter()
                    .filter(|(k, _)| g.contains_key(*k))
                    .map(|(_, c)| c)
                    .sum();
                (total > 0 && inside * 2 >= total).then_some('G')
            }
            None => {
                let norm = normalise(text);
                let has = |list: &[String]| list.iter().any(|s| norm.contains(&normalise(s)));
                if has(&record.with) {
                    Some('W')
                } else if has(&record.without) {
                    Some('X')
                } else {
                    None
                }
            }
        };
        let keep_wanted = matches!(wanted, Some('G' | 'W'));
        let drop_wanted = gold.is_some() && wanted.is_none() || wanted == Some('X');
        let wrong = (d.kept && !d.title && drop_wanted) || (!d.kept && keep_wanted);
        writeln!(
            out,
            "{} {} {} {:>5} {} {:<30} | {}",
            if wrong { "!!" } else { "  " },
            if d.kept { '+' } else { '-' },
            wanted.unwrap_or(' '),
            d.line,
            d.code,
            truncate(&d.reason, 30),
            truncate(text, 100)
        )?;
    }
    Ok(())
}
