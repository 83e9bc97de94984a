//! Scoring as the project's scorer (`eval/score.py`) does: the shingle F1 of
//! the article-extraction benchmark against gold text, and trafilatura-style
//! must-keep / must-drop snippets.

use crate::eval::Record;
use rustc_hash::FxHashMap;
use serde::Serialize;

/// Per-record scores.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scored {
    /// Normalised (tp, fp, fn), exact token match, empty output; for gold records.
    pub gold: Option<(f64, f64, f64, bool, bool)>,
    /// (tp, fp, fn, tn) of snippets; for records with snippets.
    pub snippets: Option<[usize; 4]>,
}

pub(crate) fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

pub(crate) fn shingles<'t>(tokens: &[&'t str]) -> FxHashMap<Vec<&'t str>, usize> {
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

pub(crate) fn shingle_scores(gold: &str, pred: &str) -> (f64, f64, f64, bool, bool) {
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

pub(crate) fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn score_record(record: &Record, pred: &str) -> Scored {
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

pub(crate) fn precision(tp: f64, fp: f64, fn_: f64) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

/// Recall is precision with the roles of misses and false hits swapped.
pub(crate) fn recall(tp: f64, fp: f64, fn_: f64) -> f64 {
    precision(tp, fn_, fp)
}

pub(crate) fn mean(xs: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = xs.fold((0.0, 0usize), |(sum, n), x| (sum + x, n + 1));
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// One row of the table.
#[derive(Default)]
pub(crate) struct Row {
    pub n: usize,
    gold: Vec<(f64, f64, f64, bool, bool)>,
    snippets: Vec<[usize; 4]>,
}

impl Row {
    pub(crate) fn add(&mut self, s: &Scored) {
        self.n += 1;
        self.gold.extend(s.gold);
        self.snippets.extend(s.snippets);
    }

    /// The figures of this group, as `score.py` computes them.
    pub(crate) fn figures(&self, name: &str) -> Figures {
        let gold = || self.gold.iter();
        let p = mean(
            gold()
                .filter(|g| g.0 + g.1 > 0.0)
                .map(|g| precision(g.0, g.1, g.2)),
        );
        let r = mean(
            gold()
                .filter(|g| g.0 + g.2 > 0.0)
                .map(|g| recall(g.0, g.1, g.2)),
        );
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        let acc = mean(gold().map(|g| f64::from(u8::from(g.3))));
        let empty = gold().filter(|g| g.4).count();
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
        Figures {
            group: name.to_string(),
            pages: self.n,
            gold: (!self.gold.is_empty()).then_some(GoldFigures {
                pages: self.gold.len(),
                f1,
                precision: p,
                recall: r,
                exact: acc,
                empty,
            }),
            snippets: (!self.snippets.is_empty()).then_some(SnippetFigures {
                pages: self.snippets.len(),
                f1: sf1,
                precision: sp,
                recall: sr,
                dropped: drop,
                harmonic_mean: hm,
            }),
        }
    }
}

/// The figures of one group of pages.
#[derive(Debug, Serialize)]
pub(crate) struct Figures {
    pub group: String,
    pub pages: usize,
    /// `None` where no page of the group has gold text.
    pub gold: Option<GoldFigures>,
    /// `None` where no page of the group has snippets.
    pub snippets: Option<SnippetFigures>,
}

/// Against gold text: shingle F1 of the mean precision and recall, the
/// share of outputs equal to the gold, and how many outputs are empty.
#[derive(Debug, Serialize)]
pub(crate) struct GoldFigures {
    pub pages: usize,
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    pub exact: f64,
    pub empty: usize,
}

/// Against must-keep and must-drop snippets: F1, precision and recall of
/// the must-keep ones, the share of must-drop ones dropped, and the
/// harmonic mean of recall and that share.
#[derive(Debug, Serialize)]
pub(crate) struct SnippetFigures {
    pub pages: usize,
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    pub dropped: f64,
    pub harmonic_mean: f64,
}

/// The table's header and rule.
pub(crate) fn table_header() -> String {
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
    format!("{header}\n{}", "-".repeat(header.len()))
}

impl Figures {
    /// One row of the table.
    pub(crate) fn row(&self) -> String {
        let g = |x: Option<f64>| x.map_or_else(|| "  -  ".to_string(), |x| format!("{x:.3}"));
        let gold = self.gold.as_ref();
        let snip = self.snippets.as_ref();
        format!(
            "{:<26} {:>5} | {:>4} {} {} {} {} {:>5} | {:>4} {} {} {} {} {}",
            truncate(&self.group, 26),
            self.pages,
            gold.map_or(0, |f| f.pages),
            g(gold.map(|f| f.f1)),
            g(gold.map(|f| f.precision)),
            g(gold.map(|f| f.recall)),
            g(gold.map(|f| f.exact)),
            gold.map_or(0, |f| f.empty),
            snip.map_or(0, |f| f.pages),
            g(snip.map(|f| f.f1)),
            g(snip.map(|f| f.precision)),
            g(snip.map(|f| f.recall)),
            g(snip.map(|f| f.dropped)),
            g(snip.map(|f| f.harmonic_mean))
        )
    }
}

pub(crate) fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
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
