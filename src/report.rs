//! The result of cleaning a page: the kept text and every line's decision.

use crate::columns::Piece;
use crate::reasons::Reason;
use crate::rule_info::{Family, RuleInfo};
use crate::segment::{for_each_line, line_end, shorten};
use crate::texts::Texts;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

/// What happened to one input line, and why.
///
/// A table that the converter laid out in padded columns is read column by
/// column, and decided cell by cell: the cells of one line then have a
/// decision each, with that line's number and the cell's span.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Decision {
    /// 1-based line number in the input.
    pub line: usize,
    /// Byte span of the line (or cell) in the input, without the line
    /// terminator.
    pub span: Range<usize>,
    /// Whether the line is part of the output (the headline counts as kept).
    pub kept: bool,
    /// Whether the line has no visible text; blank lines are neither article nor noise.
    pub blank: bool,
    /// Whether the line was taken as the page's headline (see [`Cleaned::title`]).
    pub title: bool,
    /// Code of the rule behind the decision, e.g. `NWS001`; kept lines carry
    /// the content classifier's code `ART001` (or `ART002` for the headline).
    pub code: Cow<'static, str>,
    /// Name of that rule, e.g. `subscribe-prompt`.
    pub name: Cow<'static, str>,
    /// Family of that rule.
    pub family: Family,
    /// A short reason a person can read.
    pub reason: Cow<'static, str>,
    /// The content score of the line: positive looks like article prose,
    /// negative like boilerplate.
    pub score: f32,
    /// Where the decision is among the page's decisions.
    #[serde(skip)]
    pub(crate) index: usize,
}

/// Counts of kept and removed lines and words.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Summary {
    /// Non-blank lines in the input (a table read by columns counts its
    /// cells).
    pub lines: usize,
    /// Non-blank lines kept (the headline included).
    pub lines_kept: usize,
    /// Non-blank lines removed.
    pub lines_removed: usize,
    /// Words in the input.
    pub words: usize,
    /// Words kept.
    pub words_kept: usize,
    /// Words removed.
    pub words_removed: usize,
    /// Removed lines per family.
    pub removed_by_family: BTreeMap<Family, usize>,
    /// Removed lines per rule code.
    pub removed_by_rule: BTreeMap<String, usize>,
}

/// Where the engine found the article: the parts (runs of lines) taken as
/// article, and where reader comments start. Line numbers are 1-based and
/// inclusive, as in the decisions.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct BlockMap {
    /// The article's parts in page order: first and last line of each.
    pub parts: Vec<(usize, usize)>,
    /// Which of `parts` scored best (the others are further parts).
    pub main: Option<usize>,
    /// The headline's line.
    pub headline: Option<usize>,
    /// The first line of the comment section, if the page has one.
    pub comments_from: Option<usize>,
    /// Its last line.
    pub comments_to: Option<usize>,
    /// The runs of lines the search for the article weighed, in page
    /// order: the ones it took and the best-scoring ones it left, each
    /// with its score and why.
    pub blocks: Vec<Block>,
}

/// A run of lines the search for the article weighed (see
/// [`BlockMap::blocks`]). The article's final parts can differ a little
/// from the runs taken: a lead above joins them, a headline or the end of
/// the prose cuts them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Block {
    /// First line (1-based).
    pub first: usize,
    /// Last line (1-based, inclusive).
    pub last: usize,
    /// The sum of its lines' content scores, to a tenth.
    pub score: f32,
    /// Whether it became article.
    pub taken: bool,
    /// Why it was taken or left: `best score`, `scored 2.1, a further part needs 4.0`.
    pub why: String,
}

impl BlockMap {
    /// One line for people: `article: lines 12–40 (main), 52–60; headline:
    /// line 10; comments: lines 80–120`.
    pub fn describe(&self) -> String {
        if self.parts.is_empty() {
            return "no article found".into();
        }
        let parts: Vec<String> = self
            .parts
            .iter()
            .enumerate()
            .map(|(n, (a, b))| {
                let main = if Some(n) == self.main && self.parts.len() > 1 {
                    " (main)"
                } else {
                    ""
                };
                format!("{a}–{b}{main}")
            })
            .collect();
        let mut out = format!("article: lines {}", parts.join(", "));
        if let Some(h) = self.headline {
            out.push_str(&format!("; headline: line {h}"));
        }
        match (self.comments_from, self.comments_to) {
            (Some(a), Some(b)) => out.push_str(&format!("; comments: lines {a}–{b}")),
            (Some(a), None) => out.push_str(&format!("; comments from line {a}")),
            _ => {}
        }
        out
    }

    /// The weighed runs, one a line: `+ lines 12–40  score 14.2  best
    /// score`, `-` for a run left out.
    pub fn describe_blocks(&self) -> String {
        self.blocks
            .iter()
            .map(|b| {
                let sign = if b.taken { '+' } else { '-' };
                let lines = if b.first == b.last {
                    format!("line {}", b.first)
                } else {
                    format!("lines {}–{}", b.first, b.last)
                };
                format!(
                    "{sign} {lines:<17} score {:>6}  {}\n",
                    tenths(b.score),
                    b.why
                )
            })
            .collect()
    }
}

/// `x` to one decimal (`-2.5`, `14.0`), written without the standard
/// library's float formatting, which would add 5 KB to the WebAssembly
/// build for this alone.
pub(crate) fn tenths(x: f32) -> String {
    let t = (x * 10.0).round() as i64;
    let sign = if t < 0 { "-" } else { "" };
    format!("{sign}{}.{}", t.abs() / 10, t.abs() % 10)
}

/// One line's decision as a page stores it (eight bytes, so that a page
/// of millions of lines stays small); [`Cleaned::decision`] spells it out.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Verdict {
    reason: u32,
    /// The score in hundredths.
    score: i16,
    /// Index into [`Cleaned::rules`] in the low bits, flags in the top three.
    rule: u16,
}

const KEPT: u16 = 1 << 15;
const BLANK: u16 = 1 << 14;
const TITLE: u16 = 1 << 13;
const RULE_BITS: u16 = TITLE - 1;

impl Verdict {
    /// `score` is kept to hundredths; `rule` is below 8192 (see
    /// [`crate::engine::MAX_RULES`]).
    pub(crate) fn new(
        kept: bool,
        blank: bool,
        title: bool,
        rule: u32,
        reason: u32,
        score: f32,
    ) -> Self {
        let flag = |on: bool, bit: u16| if on { bit } else { 0 };
        Verdict {
            reason,
            score: (score * 100.0).round().clamp(-32767.0, 32767.0) as i16,
            rule: (rule as u16 & RULE_BITS)
                | flag(kept, KEPT)
                | flag(blank, BLANK)
                | flag(title, TITLE),
        }
    }

    /// The index of the verdict's reason among the page's reasons.
    pub(crate) fn reason(self) -> u32 {
        self.reason
    }

    /// The verdict with its reason at index `reason`.
    pub(crate) fn with_reason(self, reason: u32) -> Self {
        Verdict { reason, ..self }
    }

    fn kept(self) -> bool {
        self.rule & KEPT != 0
    }

    fn blank(self) -> bool {
        self.rule & BLANK != 0
    }

    fn title(self) -> bool {
        self.rule & TITLE != 0
    }

    fn rule(self) -> usize {
        (self.rule & RULE_BITS) as usize
    }

    fn score(self) -> f32 {
        f32::from(self.score) / 100.0
    }
}

/// What a decision says of the rule behind it.
#[derive(Debug, Clone)]
pub(crate) struct RuleRef {
    code: Cow<'static, str>,
    name: Cow<'static, str>,
    family: Family,
}

impl RuleRef {
    pub(crate) fn of(info: &RuleInfo) -> Self {
        RuleRef {
            code: info.code.clone(),
            name: info.name.clone(),
            family: info.family,
        }
    }
}

/// A cleaned page: the kept text, the headline, and every line's decision.
///
/// Borrows the input text; serialises (with serde) to the JSON report of
/// `deboiler --format json`.
#[derive(Debug, Clone)]
pub struct Cleaned<'a> {
    pub(crate) input: &'a str,
    /// Where each line starts in `input`, found when a decision is first
    /// spelt out: the text alone never needs them (unused when `pieces` is
    /// set).
    pub(crate) starts: OnceLock<Vec<usize>>,
    /// The pieces of a page read column by column (see [`crate::columns`]).
    pub(crate) pieces: Option<Vec<Piece>>,
    pub(crate) verdicts: Vec<Verdict>,
    /// The rules named by `verdicts`.
    pub(crate) rules: Vec<RuleRef>,
    /// The reasons named by `verdicts`.
    pub(crate) reasons: Vec<Reason>,
    /// Output text per line (markup rendered unless the config keeps it).
    pub(crate) lines: Texts,
    pub(crate) words: Vec<u32>,
    pub(crate) title: Option<usize>,
    pub(crate) language: Option<&'static str>,
    pub(crate) map: BlockMap,
}

impl<'a> Cleaned<'a> {
    /// The article body: kept lines in input order, the headline excluded.
    /// A blank line separates two kept lines where the input had one.
    pub fn text(&self) -> String {
        self.join(false)
    }

    /// The detected headline, if any.
    pub fn title(&self) -> Option<&str> {
        self.title.map(|i| &self.lines[i])
    }

    /// The plain rendering the CLI prints: the headline, a blank line, then
    /// the body.
    pub fn rendered(&self) -> String {
        match self.title() {
            Some(title) => {
                let body = self.text();
                if body.is_empty() {
                    title.to_string()
                } else {
                    format!("{title}\n\n{body}")
                }
            }
            None => self.text(),
        }
    }

    /// Every input line's decision, in input order (a table read by
    /// columns: its cells' decisions, in reading order).
    pub fn decisions(&self) -> impl ExactSizeIterator<Item = Decision> + DoubleEndedIterator + '_ {
        (0..self.verdicts.len()).map(|i| self.spell_out(i))
    }

    /// The decision at `index` (0-based) of [`Cleaned::decisions`], if the
    /// page has that many: that of line `index + 1` unless a table on the
    /// page was read by columns.
    pub fn decision(&self, index: usize) -> Option<Decision> {
        (index < self.verdicts.len()).then(|| self.spell_out(index))
    }

    /// Number of decisions: one per input line, blank ones included (one
    /// per cell, and one per break between columns, on a table read by
    /// columns).
    pub fn line_count(&self) -> usize {
        self.verdicts.len()
    }

    /// Where each input line starts, found from the text on first use.
    fn line_starts(&self) -> &[usize] {
        self.starts.get_or_init(|| {
            let mut starts = Vec::with_capacity(self.verdicts.len());
            for_each_line(self.input, |span| starts.push(span.start));
            starts
        })
    }

    fn spell_out(&self, i: usize) -> Decision {
        let v = self.verdicts[i];
        let rule = &self.rules[v.rule()];
        let (line, span) = match &self.pieces {
            Some(pieces) => (pieces[i].line as usize + 1, pieces[i].span.clone()),
            None => {
                let start = self.line_starts()[i];
                (i + 1, start..line_end(self.input, start))
            }
        };
        Decision {
            line,
            span,
            kept: v.kept(),
            blank: v.blank(),
            title: v.title(),
            code: rule.code.clone(),
            name: rule.name.clone(),
            family: rule.family,
            reason: self.reasons[v.reason as usize].spell_out(&self.lines[i]),
            score: v.score(),
            index: i,
        }
    }

    /// The output text of the line (or cell) a decision is about.
    pub fn line_text(&self, decision: &Decision) -> &str {
        self.lines.get(decision.index).unwrap_or("")
    }

    /// The text of every kept line in input order, the headline included.
    pub fn kept_lines(&self) -> impl Iterator<Item = &str> {
        self.verdicts
            .iter()
            .zip(self.lines.iter())
            .filter(|(v, _)| v.kept())
            .map(|(_, text)| text)
    }

    /// The removed lines with their decisions.
    pub fn removed(&self) -> impl Iterator<Item = (Decision, &str)> {
        (0..self.verdicts.len())
            .filter(|&i| !self.verdicts[i].kept() && !self.verdicts[i].blank())
            .map(|i| (self.spell_out(i), &self.lines[i]))
    }

    /// The block map, then every non-blank line with its decision, as
    /// `deboiler --explain` prints it: `+` kept or `-` removed, line number,
    /// rule code, name and reason, then the line's text (cut at 110
    /// characters).
    ///
    /// ```
    /// let cleaned = deboiler::clean("The river rose by two metres overnight and the old bridge was closed before dawn.\nShare on Facebook");
    /// let explained = cleaned.explain();
    /// assert!(explained.contains("-     2  SHR002 share-prompt"));
    /// assert!(explained.contains("| Share on Facebook"));
    /// ```
    pub fn explain(&self) -> String {
        let mut out = format!("   {}\n", self.map.describe());
        for line in self.map.describe_blocks().lines() {
            out.push_str(&format!("   {line}\n"));
        }
        for d in self.decisions().filter(|d| !d.blank) {
            let sign = if d.kept { '+' } else { '-' };
            out.push_str(&format!(
                "{sign} {:>5}  {} {:<20} {}\n         | {}\n",
                d.line,
                d.code,
                d.name,
                d.reason,
                shorten(self.line_text(&d), 110)
            ));
        }
        out
    }

    /// Where the article was found (see [`BlockMap`]).
    pub fn block_map(&self) -> &BlockMap {
        &self.map
    }

    /// ISO 639-1 code of the language the stop-word statistics used.
    pub fn language(&self) -> Option<&'static str> {
        self.language
    }

    /// Counts of kept and removed lines and words, per family and rule.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        let mut by_rule = vec![0usize; self.rules.len()];
        for (v, &words) in self.verdicts.iter().zip(&self.words) {
            if v.blank() {
                continue;
            }
            let words = words as usize;
            s.lines += 1;
            s.words += words;
            if v.kept() {
                s.lines_kept += 1;
                s.words_kept += words;
            } else {
                s.lines_removed += 1;
                s.words_removed += words;
                by_rule[v.rule()] += 1;
            }
        }
        for (rule, n) in self.rules.iter().zip(by_rule).filter(|(_, n)| *n > 0) {
            *s.removed_by_family.entry(rule.family).or_default() += n;
            *s.removed_by_rule.entry(rule.code.to_string()).or_default() += n;
        }
        s
    }

    fn join(&self, with_title: bool) -> String {
        let shown = |v: &Verdict, text: &str| {
            !v.blank() && v.kept() && (with_title || !v.title()) && !text.is_empty()
        };
        // Sized once: each shown line and at most two line breaks before it.
        let size = (self.verdicts.iter().zip(self.lines.iter()))
            .filter(|(v, text)| shown(v, text))
            .map(|(_, text)| text.len() + 2)
            .sum();
        let mut out = String::with_capacity(size);
        let mut gap = false;
        let mut any = false;
        for (v, text) in self.verdicts.iter().zip(self.lines.iter()) {
            if v.blank() {
                gap = true;
                continue;
            }
            if !shown(v, text) {
                continue;
            }
            if any {
                out.push_str(if gap { "\n\n" } else { "\n" });
            }
            out.push_str(text);
            any = true;
            gap = false;
        }
        out
    }
}

#[derive(Serialize)]
struct DecisionView<'c> {
    #[serde(flatten)]
    decision: Decision,
    text: &'c str,
}

/// Every decision, spelt out one at a time as the report is written.
struct DecisionsView<'c, 'a>(&'c Cleaned<'a>);

impl Serialize for DecisionsView<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let cleaned = self.0;
        s.collect_seq((0..cleaned.verdicts.len()).map(|i| DecisionView {
            decision: cleaned.spell_out(i),
            text: &cleaned.lines[i],
        }))
    }
}

#[derive(Serialize)]
struct ReportView<'c> {
    title: Option<&'c str>,
    text: String,
    rendered: String,
    language: Option<&'static str>,
    summary: Summary,
    article: &'c BlockMap,
    decisions: DecisionsView<'c, 'c>,
}

impl Serialize for Cleaned<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ReportView {
            title: self.title(),
            text: self.text(),
            rendered: self.rendered(),
            language: self.language,
            summary: self.summary(),
            article: &self.map,
            decisions: DecisionsView(self),
        }
        .serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::tenths;

    #[test]
    fn tenths_are_written_like_the_float_format() {
        for x in [0.0f32, 0.04, 1.25, -0.5, -2.96, 14.0, 85.04, 1234.56] {
            assert_eq!(
                tenths(x),
                format!("{:.1}", (x * 10.0).round() / 10.0),
                "{x}"
            );
        }
        // No negative zero.
        assert_eq!(tenths(-0.04), "0.0");
    }
}
