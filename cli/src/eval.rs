//! `deboiler eval`: clean every page of an evaluation corpus and score the
//! output as the project's scorer (`eval/score.py`) does: the shingle F1 of
//! the article-extraction benchmark against gold text, and trafilatura-style
//! must-keep / must-drop snippets.

use crate::score::{
    normalise, precision, recall, score_record, shingles, table_header, tokens, truncate, Figures,
    Row, Scored,
};
use anyhow::{bail, Context as _, Result};
use deboiler::Cleaner;
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
}

pub fn run(cleaner: &Cleaner, opts: &Options<'_>, out: &mut impl Write) -> Result<()> {
    let records = load(opts.corpus)?;
    if let Some(id) = opts.page {
        let Some(record) = records.iter().find(|r| r.id == id || r.id.starts_with(id)) else {
            bail!("no record with id {id:?} in {}", opts.corpus.display());
        };
        return show_page(cleaner, record, out);
    }
    if opts.second_pass {
        return second_pass(cleaner, &records, opts.worst, out);
    }
    let cleaned: Vec<(String, Option<String>)> = records
        .par_iter()
        .map(|r| {
            let c = cleaner.clean(&r.text);
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

/// Cleans every page, then cleans its output (headline, blank line, body)
/// again, and lists the pages where the second pass removes lines.
fn second_pass(
    cleaner: &Cleaner,
    records: &[Record],
    show: usize,
    out: &mut impl Write,
) -> Result<()> {
    // Per page: (id, lines of the first output, [(code, line)] removed by the second pass).
    type Losses = (String, usize, Vec<(String, String)>);
    let results: Vec<Losses> = records
        .par_iter()
        .map(|r| {
            let first = cleaner.clean(&r.text).rendered();
            let again = cleaner.clean(&first);
            let lines = first.lines().filter(|l| !l.trim().is_empty()).count();
            let lost = again
                .removed()
                .filter(|(d, _)| !d.blank)
                .map(|(d, text)| (d.code.to_string(), text.to_string()))
                .collect();
            (r.id.clone(), lines, lost)
        })
        .collect();
    let total_lines: usize = results.iter().map(|r| r.1).sum();
    let changed: Vec<&Losses> = results.iter().filter(|r| !r.2.is_empty()).collect();
    let lost_lines: usize = changed.iter().map(|r| r.2.len()).sum();
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for (code, _) in changed.iter().flat_map(|r| &r.2) {
        *by_rule.entry(code).or_default() += 1;
    }
    writeln!(
        out,
        "Second pass over the output: {} of {} pages lose lines ({lost_lines} of {total_lines} output lines).",
        changed.len(),
        results.len()
    )?;
    if !by_rule.is_empty() {
        let rules: Vec<String> = by_rule.iter().map(|(c, n)| format!("{c} {n}")).collect();
        writeln!(out, "By rule: {}", rules.join(", "))?;
    }
    for (id, lines, lost) in changed.iter().take(show) {
        writeln!(out, "\n{id}: {} of {lines} lines", lost.len())?;
        for (code, text) in lost.iter().take(5) {
            writeln!(out, "  {code}  {}", truncate(text, 100))?;
        }
    }
    Ok(())
}

/// Every line of one page: kept (`+`) or removed (`-`), whether the reference
/// wants it (`G` most of its shingles are in the gold, `W` holds a must-keep
/// snippet, `X` a must-drop one), `!!` where the two disagree, the rule and reason.
fn show_page(cleaner: &Cleaner, record: &Record, out: &mut impl Write) -> Result<()> {
    let cleaned = cleaner.clean(&record.text);
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
    for d in cleaned.decisions().iter().filter(|d| !d.blank) {
        let text = cleaned.line_text(d);
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
