//! The result of cleaning a page: the kept text and every line's decision.

use crate::rule_info::Family;
use crate::segment::shorten;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

/// What happened to one input line, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Decision {
    /// 1-based line number in the input.
    pub line: usize,
    /// Byte span of the line in the input (without the line terminator).
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
}

/// Counts of kept and removed lines and words.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Summary {
    /// Non-blank lines in the input.
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
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
}

impl BlockMap {
    /// One line for people: `article: lines 12–40 (main), 52–60; headline:
    /// line 10; comments from line 80`.
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
        if let Some(c) = self.comments_from {
            out.push_str(&format!("; comments from line {c}"));
        }
        out
    }
}

/// A cleaned page: the kept text, the headline, and every line's decision.
///
/// Borrows the input text; serialises (with serde) to the JSON report of
/// `deboiler --format json`.
#[derive(Debug, Clone)]
pub struct Cleaned<'a> {
    pub(crate) decisions: Vec<Decision>,
    /// Output text per line (markup rendered unless the config keeps it).
    pub(crate) lines: Vec<Cow<'a, str>>,
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
        self.title.map(|i| self.lines[i].as_ref())
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

    /// Every input line's decision, in input order.
    pub fn decisions(&self) -> &[Decision] {
        &self.decisions
    }

    /// The output text of the line a decision is about.
    pub fn line_text(&self, decision: &Decision) -> &str {
        self.lines.get(decision.line - 1).map_or("", |l| l.as_ref())
    }

    /// The removed lines with their decisions.
    pub fn removed(&self) -> impl Iterator<Item = (&Decision, &str)> {
        self.decisions
            .iter()
            .filter(|d| !d.kept && !d.blank)
            .map(|d| (d, self.line_text(d)))
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
        for d in self.decisions.iter().filter(|d| !d.blank) {
            let sign = if d.kept { '+' } else { '-' };
            out.push_str(&format!(
                "{sign} {:>5}  {} {:<20} {}\n         | {}\n",
                d.line,
                d.code,
                d.name,
                d.reason,
                shorten(self.line_text(d), 110)
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
        for (d, &words) in self.decisions.iter().zip(&self.words) {
            if d.blank {
                continue;
            }
            let words = words as usize;
            s.lines += 1;
            s.words += words;
            if d.kept {
                s.lines_kept += 1;
                s.words_kept += words;
            } else {
                s.lines_removed += 1;
                s.words_removed += words;
                *s.removed_by_family.entry(d.family).or_default() += 1;
                *s.removed_by_rule.entry(d.code.to_string()).or_default() += 1;
            }
        }
        s
    }

    fn join(&self, with_title: bool) -> String {
        let mut out = String::new();
        let mut gap = false;
        let mut any = false;
        for (d, text) in self.decisions.iter().zip(&self.lines) {
            if d.blank {
                gap = true;
                continue;
            }
            if !d.kept || (d.title && !with_title) || text.is_empty() {
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
    decision: &'c Decision,
    text: &'c str,
}

#[derive(Serialize)]
struct ReportView<'c> {
    title: Option<&'c str>,
    text: String,
    rendered: String,
    language: Option<&'static str>,
    summary: Summary,
    article: &'c BlockMap,
    decisions: Vec<DecisionView<'c>>,
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
            decisions: self
                .decisions
                .iter()
                .map(|d| DecisionView {
                    decision: d,
                    text: self.line_text(d),
                })
                .collect(),
        }
        .serialize(s)
    }
}
