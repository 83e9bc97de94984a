//! `deboiler eval`: clean every page of an evaluation corpus and score the
//! output as the project's scorer (`eval/score.py`) does: the shingle F1 of
//! the article-extraction benchmark against gold text, and trafilatura-style
//! must-keep / must-drop snippets.

use anyhow::{bail, Context as _, Result};
use deboiler::Cleaner;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::path::Path;

/// One corpus record (fields the scorer reads; others are ignored).
#[derive(Debug, Deserialize)]
pub struct Record {
    id: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    converter: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    text: String,
    #[serde(default)]
    gold: Option<String>,
    #[serde(default)]
    with: Vec<String>,
    #[serde(default)]
    without: Vec<String>,
}

/// Per-record scores.
#[derive(Debug, Clone, Default)]
struct Scored {
    /// Normalised (tp, fp, fn), exact token match, empty output; for gold records.
    gold: Option<(f64, f64, f64, bool, bool)>,
    /// (tp, fp, fn, tn) of snippets; for records with snippets.
    snippets: Option<[usize; 4]>,
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

fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

fn shingles<'t>(tokens: &[&'t str]) -> FxHashMap<Vec<&'t str>, usize> {
    let mut map: FxHashMap<Vec<&str>, usize> = FxHashMap::default();
    if tokens.is_empty() {
        return map;
    }
    if tokens.len() < 4 {
        map.insert(tokens.to_vec(), 1);
        return map;
    }
    for w in tokens.windows(4) {
        *map.entry(w.to_vec()).or_default() += 1;
    }
    map
}

fn shingle_scores(gold: &str, pred: &str) -> (f64, f64, f64, bool, bool) {
    let (gt, pt) = (tokens(gold), tokens(pred));
    let (g, p) = (shingles(&gt), shingles(&pt));
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &gc) in &g {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += gc.min(pc) as f64;
        fn_ += gc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &p {
        fp += pc.saturating_sub(g.get(k).copied().unwrap_or(0)) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        (tp, fp, fn_) = (tp / s, fp / s, fn_ / s);
    }
    (tp, fp, fn_, gt == pt, pt.is_empty())
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn score_record(record: &Record, pred: &str) -> Scored {
    let gold = record
        .gold
        .as_deref()
        .filter(|g| !g.is_empty())
        .map(|g| shingle_scores(g, pred));
    let snippets = (!record.with.is_empty() || !record.without.is_empty()).then(|| {
        let out = normalise(pred);
        let tp = record
            .with
            .iter()
            .filter(|w| out.contains(&normalise(w)))
            .count();
        let fp = record
            .without
            .iter()
            .filter(|w| out.contains(&normalise(w)))
            .count();
        [tp, fp, record.with.len() - tp, record.without.len() - fp]
    });
    Scored { gold, snippets }
}

fn precision(tp: f64, fp: f64, fn_: f64) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

fn recall(tp: f64, fp: f64, fn_: f64) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fn_ == 0.0 {
        0.0
    } else {
        tp / (tp + fn_)
    }
}

fn mean(xs: &[f64]) -> f64 {
    if xs.is_empty() {
        0.0
    } else {
        xs.iter().sum::<f64>() / xs.len() as f64
    }
}

/// One row of the table.
#[derive(Default)]
struct Row {
    n: usize,
    gold: Vec<(f64, f64, f64, bool, bool)>,
    snippets: Vec<[usize; 4]>,
}

impl Row {
    fn add(&mut self, s: &Scored) {
        self.n += 1;
        self.gold.extend(s.gold);
        self.snippets.extend(s.snippets);
    }

    fn format(&self, name: &str) -> String {
        let p = mean(
            &self
                .gold
                .iter()
                .filter(|g| g.0 + g.1 > 0.0)
                .map(|g| precision(g.0, g.1, g.2))
                .collect::<Vec<_>>(),
        );
        let r = mean(
            &self
                .gold
                .iter()
                .filter(|g| g.0 + g.2 > 0.0)
                .map(|g| recall(g.0, g.1, g.2))
                .collect::<Vec<_>>(),
        );
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        let acc = mean(
            &self
                .gold
                .iter()
                .map(|g| if g.3 { 1.0 } else { 0.0 })
                .collect::<Vec<_>>(),
        );
        let empty = self.gold.iter().filter(|g| g.4).count();
        let [tp, fp, fn_, tn] = self.snippets.iter().fold([0; 4], |a, s| {
            [a[0] + s[0], a[1] + s[1], a[2] + s[2], a[3] + s[3]]
        });
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (sp, sr, drop) = (ratio(tp, tp + fp), ratio(tp, tp + fn_), ratio(tn, tn + fp));
        let sf1 = ratio(2 * tp, 2 * tp + fp + fn_);
        let hm = if sr + drop > 0.0 {
            2.0 * sr * drop / (sr + drop)
        } else {
            0.0
        };
        let g = |x: f64, has: bool| {
            if has {
                format!("{x:.3}")
            } else {
                "  -  ".into()
            }
        };
        let hg = !self.gold.is_empty();
        let hs = !self.snippets.is_empty();
        format!(
            "{:<26} {:>5} | {:>4} {} {} {} {} {:>5} | {:>4} {} {} {} {} {}",
            truncate(name, 26),
            self.n,
            self.gold.len(),
            g(f1, hg),
            g(p, hg),
            g(r, hg),
            g(acc, hg),
            empty,
            self.snippets.len(),
            g(sf1, hs),
            g(sp, hs),
            g(sr, hs),
            g(drop, hs),
            g(hm, hs)
        )
    }
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// Options of `deboiler eval`.
pub struct Options<'a> {
    pub corpus: &'a Path,
    pub worst: usize,
    pub page: Option<&'a str>,
    pub predictions: Option<&'a Path>,
    pub second_pass: bool,
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
    let header = format!(
        "{:<26} {:>5} | {:>4} {:>5} {:>5} {:>5} {:>5} {:>5} | {:>4} {:>5} {:>5} {:>5} {:>5} {:>5}",
        "group",
        "n",
        "gold",
        "F1",
        "P",
        "R",
        "acc",
        "empty",
        "snip",
        "sF1",
        "sP",
        "sR",
        "drop",
        "HM"
    );
    writeln!(out, "{header}\n{}", "-".repeat(header.len()))?;
    let mut all = Row::default();
    for s in &scored {
        all.add(s);
    }
    writeln!(out, "{}", all.format("ALL"))?;
    type Key = fn(&Record) -> Option<&str>;
    let groups: [(&str, Key); 3] = [
        ("source", |r| r.source.as_deref()),
        ("converter", |r| r.converter.as_deref()),
        ("lang", |r| r.lang.as_deref()),
    ];
    for (name, key) in groups {
        let mut rows: BTreeMap<&str, Row> = BTreeMap::new();
        for (r, s) in records.iter().zip(&scored) {
            rows.entry(key(r).unwrap_or("?")).or_default().add(s);
        }
        for (value, row) in rows.iter().filter(|(_, row)| row.n >= 5) {
            writeln!(out, "{}", row.format(&format!("{name}={value}")))?;
        }
    }
    writeln!(out, "(groups of fewer than 5 pages not shown)")?;
    if opts.worst > 0 {
        writeln!(
            out,
            "\nWorst pages (gold: min of precision and recall; snippets: errors):"
        )?;
        let mut worst: Vec<(f64, String)> = records
            .iter()
            .zip(&scored)
            .filter_map(|(r, s)| {
                let conv = r.converter.as_deref().unwrap_or("?");
                if let Some((tp, fp, fn_, _, _)) = s.gold {
                    let (p, rc) = (precision(tp, fp, fn_), recall(tp, fp, fn_));
                    Some((p.min(rc), format!("P={p:.2} R={rc:.2}  {}  {conv}", r.id)))
                } else {
                    s.snippets.map(|[tp, fp, fn_, tn]| {
                        let total = (tp + fp + fn_ + tn).max(1) as f64;
                        (
                            1.0 - (fp + fn_) as f64 / total,
                            format!("lost {fn_} kept {fp} snippets  {}  {conv}", r.id),
                        )
                    })
                }
            })
            .collect();
        worst.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (score, line) in worst.iter().take(opts.worst) {
            writeln!(out, "  {score:.2}  {line}")?;
        }
        writeln!(
            out,
            "\nSee one page's lines with: deboiler eval CORPUS --page ID"
        )?;
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_scores_match_the_benchmark_definition() {
        let (tp, fp, fn_, exact, empty) = shingle_scores("a b c d e", "a b c d x");
        // gold shingles: abcd, bcde; predicted: abcd, bcdx.
        assert!(
            (tp - 1.0 / 3.0).abs() < 1e-9
                && (fp - 1.0 / 3.0).abs() < 1e-9
                && (fn_ - 1.0 / 3.0).abs() < 1e-9
        );
        assert!(!exact && !empty);
        let (_, _, _, _, empty) = shingle_scores("a b", "");
        assert!(empty);
    }
}
