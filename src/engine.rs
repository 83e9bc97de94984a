//! The engine: runs the rules over a page, finds the article region, picks
//! the headline and turns everything into one decision per line.

use crate::config::{Config, ConfigError, Preset};
use crate::features::Features;
use crate::page::Page;
use crate::report::{Cleaned, Decision};
use crate::rules::{
    self, ArticleText, Context, Family, Headline, Mark, Marks, Phase, Rule, RuleInfo, State,
    Trigger, UserRuleSet,
};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use std::borrow::Cow;
use std::ops::Range;

/// Thresholds that the presets move.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Params {
    /// Score of a line that a rule marked as noise (for the region search).
    pub noise_score: f32,
    /// Score of a short line that is neither prose nor noise.
    pub short_score: f32,
    /// How many lines before the region may be taken in as its lead (dek).
    pub lead_lines: usize,
    /// A further region is article if it scores at least this share of the main one…
    pub extra_region_share: f32,
    /// …and at least this much, with at least this many prose lines.
    pub extra_region_min: f32,
    /// See `extra_region_min`.
    pub extra_region_prose_lines: usize,
}

impl Params {
    fn for_preset(preset: Preset) -> Params {
        match preset {
            Preset::Precision => Params {
                noise_score: -1.5,
                short_score: -0.5,
                lead_lines: 0,
                extra_region_share: 0.4,
                extra_region_min: 4.0,
                extra_region_prose_lines: 2,
            },
            Preset::Balanced => Params {
                noise_score: -1.0,
                short_score: -0.3,
                lead_lines: 2,
                extra_region_share: 0.2,
                extra_region_min: 2.0,
                extra_region_prose_lines: 1,
            },
            Preset::Recall => Params {
                noise_score: -0.5,
                short_score: -0.1,
                lead_lines: 4,
                extra_region_share: 0.1,
                extra_region_min: 1.0,
                extra_region_prose_lines: 1,
            },
        }
    }
}

/// A configured cleaner: every rule, pattern and automaton compiled once.
///
/// `Cleaner` is `Send + Sync`; share one across threads and call
/// [`Cleaner::clean`] on as many pages as you like.
///
/// ```
/// use deboiler::{Cleaner, Config, Preset};
/// let cleaner = Cleaner::new(Config::with_preset(Preset::Precision)).unwrap();
/// let page = "Skip to content\nThe river rose by two metres overnight, and the town's old bridge was closed before dawn as a precaution.\nShare on Facebook";
/// assert_eq!(cleaner.clean(page).text(), "The river rose by two metres overnight, and the town's old bridge was closed before dawn as a precaution.");
/// ```
pub struct Cleaner {
    config: Config,
    params: Params,
    rules: Vec<Box<dyn Rule>>,
    /// One automaton over every rule's trigger phrases, for short lines.
    short_line_triggers: Option<TriggerSet>,
    /// The phrases of the rules that act on long lines too.
    long_line_triggers: Option<TriggerSet>,
}

impl std::fmt::Debug for Cleaner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cleaner")
            .field("config", &self.config)
            .field(
                "rules",
                &self
                    .rules
                    .iter()
                    .map(|r| r.info().code.clone())
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl Cleaner {
    /// Compiles a cleaner for `config`.
    ///
    /// # Errors
    /// [`ConfigError`] when `disable`/`enable` name an unknown rule or
    /// family, or a user rule is empty or has a bad regular expression.
    pub fn new(config: Config) -> Result<Cleaner, ConfigError> {
        let users = UserRuleSet::compile(&config.rules)?;
        let mut all: Vec<Box<dyn Rule>> = rules::registry();
        all.extend(users.into_rules());
        let known =
            |name: &str| Family::parse(name).is_some() || all.iter().any(|r| r.info().code == name);
        for (field, names) in [("disable", &config.disable), ("enable", &config.enable)] {
            if let Some(bad) = names.iter().find(|n| !known(n)) {
                return Err(ConfigError::UnknownRule {
                    field,
                    name: bad.clone(),
                    families: Family::ALL.map(Family::as_str).join(", "),
                });
            }
        }
        let listed = |names: &[String], info: &RuleInfo| {
            names
                .iter()
                .any(|n| *n == info.code || Family::parse(n) == Some(info.family))
        };
        let rules: Vec<Box<dyn Rule>> = all
            .into_iter()
            .filter(|r| {
                let info = r.info();
                if config.keep_markup && info.family == Family::Markup {
                    return false;
                }
                !listed(&config.disable, info) || listed(&config.enable, info)
            })
            .collect();
        let short_line_triggers = TriggerSet::build(&rules, |_| true)?;
        let long_line_triggers =
            TriggerSet::build(&rules, |rule| rule.trigger_max_words() > SHORT_LINE_WORDS)?;
        Ok(Cleaner {
            params: Params::for_preset(config.preset),
            config,
            rules,
            short_line_triggers,
            long_line_triggers,
        })
    }

    /// The config this cleaner was built from.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The rules that run, in order (built-in and user rules).
    pub fn rules(&self) -> impl Iterator<Item = &RuleInfo> {
        self.rules.iter().map(|r| r.info())
    }

    /// Cleans one page of scraped text.
    pub fn clean<'a>(&self, input: &'a str) -> Cleaned<'a> {
        let page = Page::analyse(input);
        let hits = self.find_triggers(&page);
        let mut marks: Vec<Option<Mark>> = vec![None; page.len()];

        self.run_phase(Phase::Lines, &page, &hits, None, &mut marks);
        let mut scores: Vec<f32> = (0..page.len())
            .map(|i| line_score(&page, i, marks[i].is_some(), &self.params))
            .collect();
        self.mute_comments(&marks, &mut scores);
        let regions = self.article_regions(&page, &scores, &marks);
        let region = regions.main.clone();
        // The headline is printed first, so it must come before every part of
        // the article, not only the main one.
        let first_part = regions
            .all
            .first()
            .map_or(region.clone(), |r| r.start..region.end);
        let title = find_title(&page, &marks, &first_part);
        let mut article = vec![false; page.len()];
        for r in &regions.all {
            article[r.clone()].fill(true);
        }
        let mut state = State {
            region,
            regions: regions.all,
            article,
            removed: marks
                .iter()
                .map(|m| m.as_ref().is_some_and(|m| !m.weak))
                .collect(),
            title,
        };
        self.run_phase(Phase::Context, &page, &hits, Some(&state), &mut marks);
        // A context rule that ends the article early (a "See also" heading)
        // can leave a tail of short lines that only the removed part paid
        // for; trimmed now, as cleaning the output again would trim it.
        if settle_region_ends(&mut state, &marks, &scores) {
            self.run_phase(Phase::Context, &page, &hits, Some(&state), &mut marks);
        }

        let decisions = page
            .lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                // A suspicion is overruled inside the article.
                let mark = marks[i]
                    .as_ref()
                    .filter(|m| !(m.weak && state.in_article(i)));
                self.decide(&page, i, line.span.clone(), mark, &state, scores[i])
            })
            .collect();
        let lines = if self.config.keep_markup {
            page.lines.into_iter().map(|l| l.text).collect()
        } else {
            page.text
        };
        Cleaned {
            decisions,
            lines,
            words: page.features.iter().map(|f| f.words).collect(),
            title,
            language: page.lang.map(|l| crate::lang::LANGUAGES[l]),
        }
    }

    fn run_phase(
        &self,
        phase: Phase,
        page: &Page<'_>,
        hits: &[Vec<Trigger>],
        state: Option<&State>,
        marks: &mut [Option<Mark>],
    ) {
        for (r, rule) in self.rules.iter().enumerate() {
            if rule.phase() != phase {
                continue;
            }
            let cx = Context {
                page,
                triggers: &hits[r],
                state,
            };
            rule.apply(&cx, &mut Marks::new(r, marks));
        }
    }

    /// Every rule's trigger phrases found at word boundaries, per rule.
    fn find_triggers(&self, page: &Page<'_>) -> Vec<Vec<Trigger>> {
        let mut hits: Vec<Vec<Trigger>> = vec![Vec::new(); self.rules.len()];
        for (i, text) in page.text.iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            let set = if page.features[i].words <= SHORT_LINE_WORDS {
                &self.short_line_triggers
            } else {
                &self.long_line_triggers
            };
            let Some(set) = set else { continue };
            for m in set.automaton.find_overlapping_iter(text.as_ref() as &str) {
                let (r, p) = set.owner[m.pattern().as_usize()];
                if at_word_boundaries(text, m.start(), m.end()) {
                    hits[r].push(Trigger {
                        line: i,
                        phrase: p,
                        at: m.start()..m.end(),
                    });
                }
            }
        }
        hits
    }

    /// The article: the run of lines with the highest total content score
    /// (a maximum-sum segment) widened by its lead paragraph, and further
    /// runs that score nearly as well (a long article broken up by lists).
    fn article_regions(&self, page: &Page<'_>, scores: &[f32], marks: &[Option<Mark>]) -> Regions {
        let segments = maximal_segments(scores);
        // The best run; the first of equals.
        let Some((best, best_range)) =
            segments
                .iter()
                .cloned()
                .reduce(|a, b| if b.0 > a.0 { b } else { a })
        else {
            return self.terse_article(page, marks);
        };
        let main = self.with_lead(page, marks, best_range.clone());
        let mut all = vec![main.clone()];
        let threshold = (best * self.params.extra_region_share).max(self.params.extra_region_min);
        // Reader comments follow the article; their prose is not part of it.
        let comments_from = (main.end..page.len())
            .find(|&i| {
                marks[i]
                    .as_ref()
                    .is_some_and(|m| self.rules[m.rule].opens_comments())
            })
            .unwrap_or(page.len());
        // A run that reaches into the main region (whose lead may extend
        // into a neighbour) or into the comments yields its best part outside.
        let outside = |seg: Range<usize>| {
            let left = seg.start..seg.end.min(main.start);
            let right = seg.start.max(main.end)..seg.end.min(comments_from);
            [left, right]
                .into_iter()
                .filter(|p| !p.is_empty())
                .map(|p| max_segment(scores, p))
        };
        for (sum, seg) in segments.into_iter().flat_map(|(_, seg)| outside(seg)) {
            if seg.is_empty() || sum < threshold {
                continue;
            }
            // One paragraph on its own is an author box or a site blurb, not article.
            let prose_lines = seg
                .clone()
                .filter(|&i| {
                    marks[i].is_none()
                        && classify(&page.features[i], page.lang.is_some()) == Class::Good
                })
                .count();
            if prose_lines >= self.params.extra_region_prose_lines {
                all.push(seg);
            }
        }
        all.sort_by_key(|r| r.start);
        Regions { main, all }
    }

    /// Reader comments are prose too, and a busy thread outweighs a short
    /// article; from the first of three comment headers within 80 lines on,
    /// lines count for nothing in the search for the article.
    fn mute_comments(&self, marks: &[Option<Mark>], scores: &mut [f32]) {
        let headers: Vec<usize> = marks
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                m.as_ref()
                    .is_some_and(|m| self.rules[m.rule].opens_comments())
            })
            .map(|(i, _)| i)
            .collect();
        // The section starts at the first header with others close behind
        // it; a lone "124 Comments" under the headline starts nothing.
        let start = headers
            .windows(MIN_COMMENT_HEADERS)
            .find(|w| w[w.len() - 1] - w[0] <= COMMENT_SECTION_SPAN)
            .map(|w| w[0]);
        if let Some(start) = start {
            for s in &mut scores[start..] {
                *s = s.min(0.0);
            }
        }
    }

    /// For a page with no prose line at all (results tables, short notes,
    /// lists): the best run of lines that are at least sentences, so a terse
    /// article is kept whole rather than dropped for being terse.
    fn terse_article(&self, page: &Page<'_>, marks: &[Option<Mark>]) -> Regions {
        let scores: Vec<f32> = (0..page.len())
            .map(|i| {
                let f = &page.features[i];
                if page.lines[i].is_blank() || (f.markup_only && marks[i].is_none()) {
                    0.0
                } else if marks[i].is_some() || f.link_density() > 0.5 {
                    self.params.noise_score
                } else if f.words >= 4 && (f.terminal || f.inner_sentence) {
                    0.5
                } else if f.words >= 3 {
                    0.0
                } else {
                    self.params.short_score
                }
            })
            .collect();
        let Some((best, range)) =
            maximal_segments(&scores)
                .into_iter()
                .reduce(|a, b| if b.0 > a.0 { b } else { a })
        else {
            return Regions::default();
        };
        if best < TERSE_MIN_SCORE {
            return Regions::default();
        }
        Regions {
            main: range.clone(),
            all: vec![range],
        }
    }

    /// `best_range` widened by the lead (dek) that often sits just above the
    /// first paragraph and is too short to pay for itself in the sum.
    fn with_lead(
        &self,
        page: &Page<'_>,
        marks: &[Option<Mark>],
        best_range: Range<usize>,
    ) -> Range<usize> {
        let mut first = best_range.start;
        let mut taken = 0;
        let mut j = first;
        while taken < self.params.lead_lines && j > 0 {
            j -= 1;
            if page.is_blank(j) || marks[j].is_some() {
                continue;
            }
            if !is_lead_like(&page.features[j]) {
                break;
            }
            first = j;
            taken += 1;
        }
        first..best_range.end
    }

    fn decide(
        &self,
        page: &Page<'_>,
        i: usize,
        span: Range<usize>,
        mark: Option<&Mark>,
        state: &State,
        score: f32,
    ) -> Decision {
        let title = state.title;
        let line = &page.lines[i];
        let blank = line.is_blank();
        let (kept, info, reason): (bool, &RuleInfo, Cow<'static, str>) = if blank {
            (false, ArticleText::info(), Cow::Borrowed("blank line"))
        } else if let Some(m) = mark {
            (false, self.rules[m.rule].info(), m.reason.clone())
        } else if title == Some(i) {
            (
                true,
                Headline::info(),
                Cow::Borrowed("headline of the article"),
            )
        } else {
            let reason = describe_kept(&page.features[i], state.region.contains(&i));
            (true, ArticleText::info(), Cow::Borrowed(reason))
        };
        Decision {
            line: line.number,
            span,
            kept,
            blank,
            title: title == Some(i),
            code: info.code.clone(),
            name: info.name.clone(),
            family: info.family,
            reason,
            score: (score * 100.0).round() / 100.0,
        }
    }
}

/// Lines of more words than this are searched only for the phrases of the
/// rules that act on long lines (most rules look at short lines only, and
/// long lines hold most of the bytes).
const SHORT_LINE_WORDS: u32 = 40;

/// An automaton over the trigger phrases of some rules.
struct TriggerSet {
    automaton: AhoCorasick,
    /// Pattern id → (rule index, phrase index).
    owner: Vec<(usize, usize)>,
}

impl TriggerSet {
    /// The phrases of the rules that `include` selects; `None` if there are none.
    fn build(
        rules: &[Box<dyn Rule>],
        include: impl Fn(&dyn Rule) -> bool,
    ) -> Result<Option<TriggerSet>, ConfigError> {
        let mut patterns = Vec::new();
        let mut owner = Vec::new();
        for (r, rule) in rules.iter().enumerate() {
            if !include(rule.as_ref()) {
                continue;
            }
            for (p, phrase) in rule.triggers().into_iter().enumerate() {
                patterns.push(phrase);
                owner.push((r, p));
            }
        }
        if patterns.is_empty() {
            return Ok(None);
        }
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .map_err(|e| ConfigError::BadRule {
                rule: "phrases".into(),
                message: e.to_string(),
            })?;
        Ok(Some(TriggerSet { automaton, owner }))
    }
}

/// Comment headers that make a comment section…
const MIN_COMMENT_HEADERS: usize = 3;
/// …within this many lines.
const COMMENT_SECTION_SPAN: usize = 80;

/// How many sentence lines (at 0.5 each) a terse article needs.
const TERSE_MIN_SCORE: f32 = 1.5;

/// The article regions of a page.
#[derive(Debug, Default)]
struct Regions {
    /// The best-scoring region, with its lead.
    main: Range<usize>,
    /// All regions in page order, the main one included.
    all: Vec<Range<usize>>,
}

/// Ends each region at its best-scoring prefix of the lines still kept after
/// the context rules. Returns whether any region got shorter.
fn settle_region_ends(state: &mut State, marks: &[Option<Mark>], scores: &[f32]) -> bool {
    let mut changed = false;
    for region in &mut state.regions {
        let mut sum = 0.0f32;
        let mut best = f32::NEG_INFINITY;
        let mut best_end = region.end;
        for i in region.clone() {
            if marks[i].as_ref().is_some_and(|m| !m.weak) || state.title == Some(i) {
                continue;
            }
            sum += scores[i];
            if sum > best {
                best = sum;
                best_end = i + 1;
            }
        }
        if best_end < region.end && best > 0.0 {
            for flag in &mut state.article[best_end..region.end] {
                *flag = false;
            }
            if state.region == *region {
                state.region.end = best_end;
            }
            region.end = best_end;
            changed = true;
        }
    }
    changed
}

/// The maximum-sum run of `scores` within `within` (Kadane's algorithm).
fn max_segment(scores: &[f32], within: Range<usize>) -> (f32, Range<usize>) {
    let mut best = 0.0f32;
    let mut best_range = within.start..within.start;
    let mut sum = 0.0f32;
    let mut start = within.start;
    for i in within {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += scores[i];
        if sum > best {
            best = sum;
            best_range = start..i + 1;
        }
    }
    (best, best_range)
}

/// Every maximal scoring run of `scores` with its sum, in page order: the
/// best run, then the best runs of what lies left and right of it, and so on
/// (Ruzzo and Tompa's linear-time algorithm, so that a page of a million
/// lines costs no more per line than a short one).
fn maximal_segments(scores: &[f32]) -> Vec<(f32, Range<usize>)> {
    struct Run {
        range: Range<usize>,
        /// Cumulative score before the run and at its end.
        left: f64,
        right: f64,
        /// The nearest earlier run with a smaller `left`.
        previous: Option<usize>,
    }
    let mut runs: Vec<Run> = Vec::new();
    let mut total = 0.0f64;
    for (i, &score) in scores.iter().enumerate() {
        let score = f64::from(score);
        if score > 0.0 {
            let mut run = Run {
                range: i..i + 1,
                left: total,
                right: total + score,
                previous: None,
            };
            loop {
                let mut j = runs.len().checked_sub(1);
                while let Some(k) = j {
                    if runs[k].left < run.left {
                        break;
                    }
                    j = runs[k].previous;
                }
                match j {
                    Some(k) if runs[k].right < run.right => {
                        // The new run extends run k: merge them and look again.
                        run.range.start = runs[k].range.start;
                        run.left = runs[k].left;
                        runs.truncate(k);
                    }
                    _ => {
                        run.previous = j;
                        runs.push(run);
                        break;
                    }
                }
            }
        }
        total += score;
    }
    runs.into_iter()
        .map(|r| ((r.right - r.left) as f32, r.range))
        .collect()
}

/// Whether a match at `start..end` of `text` is bounded by non-word
/// characters (or the phrase itself starts or ends with punctuation).
fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let word = |c: char| c.is_alphanumeric();
    let phrase = &text[start..end];
    let starts_word = phrase.chars().next().is_some_and(word);
    let ends_word = phrase.chars().next_back().is_some_and(word);
    let before_ok = !starts_word || !text[..start].chars().next_back().is_some_and(word);
    let after_ok = !ends_word || !text[end..].chars().next().is_some_and(word);
    before_ok && after_ok
}

/// How much a line looks like article prose (positive) or boilerplate
/// (negative); the region search sums these.
pub(crate) fn line_score(page: &Page<'_>, i: usize, marked: bool, params: &Params) -> f32 {
    let f = &page.features[i];
    if page.lines[i].is_blank() || (f.markup_only && !marked) {
        return 0.0;
    }
    if marked {
        return params.noise_score - (f.chars.min(300) as f32) / 300.0;
    }
    match classify(f, page.lang.is_some()) {
        Class::Good => 1.0 + (f.chars.min(800) as f32) / 200.0,
        Class::NearGood => 0.3,
        Class::Short => params.short_score,
        Class::Bad => -1.0 - (f.chars.min(400) as f32) / 200.0,
    }
}

/// jusText-style classes of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Long prose: many stop words, sentence punctuation.
    Good,
    /// Shorter prose, or long text with few stop words.
    NearGood,
    /// Too short to tell.
    Short,
    /// Link-heavy or word-less.
    Bad,
}

pub(crate) fn classify(f: &Features, lang_known: bool) -> Class {
    // A paragraph that is all one link is a teaser, however long.
    if f.words == 0 || f.link_density() >= 0.8 || (f.link_density() > 0.5 && f.words <= 40) {
        return Class::Bad;
    }
    // Without a stop-word list for the language, sentence punctuation
    // stands in for stop-word density.
    let density = if lang_known {
        f.stop_density()
    } else if f.terminal || f.inner_sentence {
        0.35
    } else {
        0.1
    };
    let sentence = f.terminal || f.inner_sentence;
    let long_prose = f.chars >= 150 && density >= 0.25 && (sentence || f.chars >= 250);
    let short_prose = f.chars >= 70 && density >= 0.28 && sentence;
    if long_prose || short_prose {
        Class::Good
    } else if (f.chars >= 70 && density >= 0.15) || (f.words >= 6 && density >= 0.3 && sentence) {
        Class::NearGood
    } else {
        Class::Short
    }
}

/// A lead or dek: a sentence-like line with a fair share of stop words.
fn is_lead_like(f: &Features) -> bool {
    f.words >= 6 && f.words <= 60 && f.stop_density() >= 0.2 && f.link_density() < 0.3
}

fn describe_kept(f: &Features, main: bool) -> &'static str {
    match (f.words >= 12, main) {
        (true, true) => "prose inside the article",
        (false, true) => "short line inside the article",
        (true, false) => "prose in a further part of the article",
        (false, false) => "short line in a further part of the article",
    }
}

/// The headline: a heading-like line just before (or at) the start of the
/// article, preferring the one that best matches the page's first line
/// (usually the HTML `<title>`), then one right above the article, then the
/// article's own first line if it is a heading.
fn find_title(page: &Page<'_>, marks: &[Option<Mark>], region: &Range<usize>) -> Option<usize> {
    if region.is_empty() {
        return None;
    }
    let live = |j: usize| !page.is_blank(j) && marks[j].is_none();
    let opening = (region.start..region.end).find(|&j| live(j))?;
    let from = region.start.saturating_sub(20);
    // The headline opens the article: no article line comes before it (the
    // plain output prints it first, and output keeps input order).
    let to = opening + 1;
    let candidates: Vec<usize> = (from..to)
        .filter(|&j| marks[j].is_none() && is_heading_like(&page.features[j], &page.text[j]))
        .collect();
    let first = (0..page.len()).find(|&j| !page.is_blank(j))?;
    let title_words = word_set(&page.text[first]);
    // The candidate that best repeats the page's first line (usually the HTML title).
    let best_match = candidates
        .iter()
        .filter(|&&j| j != first)
        .map(|&j| (j, overlap(&title_words, &word_set(&page.text[j]))))
        .filter(|&(_, o)| o >= 0.5)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(j, _)| j);
    // A heading right above the article, with only blank or removed lines between.
    let above = page.prev_text(opening).filter(|&j| {
        candidates.contains(&j)
            && (j + 1..opening).all(|k| page.is_blank(k) || marks[k].is_some())
            && page.features[j].capital_ratio() >= 0.2
    });
    // An article that opens with a heading opens with its headline.
    let opens_with_heading = Some(opening).filter(|j| {
        candidates.contains(j) && classify(&page.features[*j], page.lang.is_some()) != Class::Good
    });
    // A page that opens with a heading right above the article (a page
    // cleaned before) has its headline first; nothing below repeats it.
    if above == Some(first) {
        return above;
    }
    best_match
        .or(above)
        .or(opens_with_heading)
        .or_else(|| candidates.contains(&first).then_some(first))
}

fn is_heading_like(f: &Features, text: &str) -> bool {
    let ends_like_sentence = text.ends_with('.') && !text.ends_with("...");
    (2..=30).contains(&f.words)
        && f.chars <= 220
        && !ends_like_sentence
        && !f.bullet
        && f.link_density() < 0.5
        && text.chars().next().is_some_and(|c| !c.is_lowercase())
}

fn word_set(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Shared words over the size of the smaller set; 0 unless two or more are shared.
fn overlap(title: &[String], candidate: &[String]) -> f32 {
    let common = candidate
        .iter()
        .filter(|w| title.binary_search(w).is_ok())
        .count();
    if common < 2 {
        return 0.0;
    }
    common as f32 / title.len().min(candidate.len()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maximal_segments_are_found_left_and_right_of_the_best() {
        let scores = [-1.0, 2.0, 3.0, -10.0, 4.0, -1.0, 1.0, -5.0, 1.0];
        let runs = maximal_segments(&scores);
        let ranges: Vec<_> = runs.iter().map(|r| r.1.clone()).collect();
        assert_eq!(ranges, [1..3, 4..5, 6..7, 8..9]);
        assert_eq!(runs[0].0, 5.0);
    }

    #[test]
    fn boundaries_are_checked_on_word_characters_only() {
        assert!(at_word_boundaries("Share this", 0, 5));
        assert!(!at_word_boundaries("Shared", 0, 5));
        assert!(at_word_boundaries("Foto: dpa", 0, 5));
    }

    #[test]
    fn a_tail_that_only_removed_lines_paid_for_is_trimmed() {
        // Two paragraphs, two short lines, then a heading and a teaser that a
        // context rule removed: the short lines lose what held them in.
        let scores = [2.0, 2.0, -0.3, -0.3, -1.0, 2.5];
        let removed = Some(Mark {
            rule: 0,
            reason: "after a heading that ends the article".into(),
            weak: false,
        });
        let marks = [None, None, None, None, removed.clone(), removed];
        // One region over all six lines.
        let whole_page = || State {
            region: 0..6,
            regions: std::iter::once(0..6).collect(),
            article: vec![true; 6],
            removed: vec![false; 6],
            title: None,
        };
        let mut state = whole_page();
        assert!(settle_region_ends(&mut state, &marks, &scores));
        assert_eq!(state.region, 0..2);
        assert_eq!(state.regions.first(), Some(&(0..2)));
        assert_eq!(state.regions.len(), 1);
        assert_eq!(state.article, [true, true, false, false, false, false]);
        // A region whose end still pays for itself is left alone.
        let marks = [None, None, None, None, None, None];
        let mut state = whole_page();
        assert!(!settle_region_ends(&mut state, &marks, &scores));
        assert_eq!(state.region, 0..6);
    }

    #[test]
    fn a_cleaned_page_keeps_its_first_line_as_headline() {
        // The opening paragraph repeats the headline's words, as a site's
        // title line would; the headline right above the article still wins.
        let page = format!(
            "Bridge Repairs: What Comes Next\n\nIf you wonder what comes next for the bridge repairs, the council has a plan and must find the money before winter:\n{}",
            crate::rules::testing::PROSE
        );
        let cleaned = crate::clean(&page);
        assert_eq!(cleaned.title(), Some("Bridge Repairs: What Comes Next"));
        assert_eq!(
            cleaned.rendered(),
            crate::clean(&cleaned.rendered()).rendered()
        );
    }

    #[test]
    fn cleaner_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Cleaner>();
    }

    #[test]
    fn unknown_disable_names_are_errors() {
        let err = Cleaner::new(Config {
            disable: vec!["NOPE01".into()],
            ..Config::default()
        })
        .unwrap_err();
        assert!(err.to_string().contains("NOPE01"), "{err}");
    }
}
