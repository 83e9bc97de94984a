//! The engine: runs the rules over a page, finds the article, picks the
//! headline and turns everything into one decision per line.
//!
//! A page passes through the modules in this order:
//!
//! 1. [`triggers`]: every rule's phrases found in one automaton pass;
//! 2. the line rules mark noise ([`crate::rules`], `Phase::Lines`);
//! 3. [`comments`]: where reader comments start, if they do;
//! 4. [`regions`]: lines scored (nothing from the comments on; [`lists`]
//!    and [`tables`] credit lists and tables that are article), the article's run(s) of lines chosen
//!    from the best-scoring runs ([`segments`]), once more if [`contents`]
//!    finds a table of contents under the lead;
//! 5. [`headline`]: the heading above the article;
//! 6. the context rules, which see the article, mark more noise
//!    (`Phase::Context`), and the region ends settle;
//! 7. [`decide`]: one [`Decision`](crate::Decision) per line.

mod alphabet;
mod between;
mod comments;
mod contents;
mod decide;
mod flat_dfa;
mod headline;
mod inline_images;
mod lists;
mod overlapping;
mod params;
mod regions;
mod segments;
mod tables;
mod trigger_limits;
mod triggers;

use crate::columns::for_each_piece;
use crate::config::{Config, ConfigError};
use crate::custom::{Custom, CustomRule};
use crate::hints::Hints;
use crate::page::Page;
use crate::reasons::Reason;
use crate::report::{BlockMap, Cleaned, Verdict};
use crate::rules::{
    self, Context, Family, Mark, Marks, Phase, Reasons, Rule, RuleInfo, State, Trigger, UserRuleSet,
};
use crate::segment::normalize;
use crate::texts::Texts;
use params::Params;
use regions::{line_score, settle_region_ends, Search};
use std::sync::OnceLock;
use triggers::Triggers;

/// The most rules a cleaner may have, built-in, user and custom rules
/// together; decisions name their rule in 13 bits.
pub(crate) const MAX_RULES: usize = 4096;

/// A configured cleaner: every rule, pattern and automaton compiled once.
///
/// `Cleaner` is `Send + Sync`; share one across threads and call
/// [`Cleaner::clean`] on as many pages as you like.
///
/// ```
/// use deboiler::{Cleaner, Config, Preset};
/// # fn main() -> Result<(), deboiler::ConfigError> {
/// let cleaner = Cleaner::new(Config::with_preset(Preset::Precision))?;
/// let page = "Skip to content\nThe river rose by two metres overnight, and the town's old bridge was closed before dawn as a precaution.\nShare on Facebook";
/// assert_eq!(cleaner.clean(page).text(), "The river rose by two metres overnight, and the town's old bridge was closed before dawn as a precaution.");
/// # Ok(())
/// # }
/// ```
pub struct Cleaner {
    config: Config,
    params: Params,
    /// The index of the rule that marks related-links headings, if it runs.
    section_end: Option<u16>,
    /// The index of the rule that marks copyright notices, if it runs.
    copyright: Option<u16>,
    rules: Vec<Box<dyn Rule>>,
    /// Per phase, the rules that run in it (their indices, in order) and
    /// whether their lines open reader comments: asked of each rule once
    /// here rather than on every page.
    by_phase: [Vec<(usize, bool)>; 2],
    triggers: Triggers,
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
        Cleaner::with_rules(config, Vec::new())
    }

    /// Compiles a cleaner for `config` with rules written in Rust as well
    /// (see [`CustomRule`]). They can be switched off in the config by
    /// code or family like any other rule.
    ///
    /// # Errors
    /// As [`Cleaner::new`], and [`ConfigError::BadRule`] when a custom
    /// rule's code is already taken.
    pub fn with_rules(
        config: Config,
        custom: Vec<Box<dyn CustomRule>>,
    ) -> Result<Cleaner, ConfigError> {
        let mut user_rules = config.rules.clone();
        for pack in &config.packs {
            user_rules.extend(
                rules::pack_rules(pack).ok_or_else(|| ConfigError::UnknownPack {
                    name: pack.clone(),
                    known: rules::PACKS.join(", "),
                })?,
            );
        }
        let users = UserRuleSet::compile(&user_rules)?;
        let mut all: Vec<Box<dyn Rule>> = rules::registry();
        all.extend(users.into_rules());
        for rule in custom {
            let rule = Custom::new(rule);
            let code = &rule.info().code;
            if all.iter().any(|r| r.info().code == *code) {
                return Err(ConfigError::BadRule {
                    rule: rule.info().name.to_string(),
                    message: format!("code {code} is taken by another rule"),
                });
            }
            all.push(Box::new(rule));
        }
        if all.len() > MAX_RULES {
            return Err(ConfigError::BadRule {
                rule: "rules".into(),
                message: format!(
                    "{} rules in all; the limit is {MAX_RULES} (one rule can hold many phrases)",
                    all.len()
                ),
            });
        }
        let known = |name: &str| {
            name.parse::<Family>().is_ok() || all.iter().any(|r| r.info().code == name)
        };
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
                .any(|n| *n == info.code || n.parse::<Family>() == Ok(info.family))
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
        let section_end = rules
            .iter()
            .position(|r| r.info().code == rules::section_end_info().code)
            .map(|i| i as u16);
        let copyright = rules
            .iter()
            .position(|r| r.info().code == rules::site_footer_info().code)
            .map(|i| i as u16);
        let in_phase = |phase: Phase| {
            (rules.iter().enumerate())
                .filter(|(_, r)| r.phase() == phase)
                .map(|(i, r)| (i, r.opens_comments()))
                .collect()
        };
        let by_phase = [in_phase(Phase::Lines), in_phase(Phase::Context)];
        Ok(Cleaner {
            section_end,
            copyright,
            by_phase,
            params: Params::for_preset(config.preset),
            triggers: Triggers::build(&rules)?,
            config,
            rules,
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
        self.clean_with(input, &Hints::default())
    }

    /// Cleans one page with what the caller knows of it besides its text
    /// (see [`Hints`]).
    pub fn clean_with<'a>(&self, input: &'a str, hints: &Hints<'_>) -> Cleaned<'a> {
        let page = Page::analyse(input);
        let mut hits = self.triggers.find(&page);
        let mut marks: Vec<Option<Mark>> = vec![None; page.len()];
        let mut reasons = decide::reasons();

        self.run_phase(Phase::Lines, &page, &hits, None, &mut marks, &mut reasons);
        // Only the context rules read hits from here on: the others' lists
        // (a hit on most lines of a comment thread) are freed before the
        // article search needs its own memory.
        for &(r, _) in &self.by_phase[0] {
            hits[r] = Vec::new();
        }

        let mut scores: Vec<f32> = (0..page.len())
            .map(|i| line_score(&page, i, marks[i].is_some(), &self.params))
            .collect();
        inline_images::credit_inline_images(&page, &marks, &mut scores);
        lists::credit_introduced_lists(&page, &marks, &mut scores);
        let quantity_lists = lists::credit_quantity_lists(&page, &marks, &mut scores);
        let series = lists::credit_numbered_sections(&page, &marks, &mut scores);
        tables::credit_tables(&page, &marks, &mut scores);
        tables::credit_figure_rows(&page, &marks, &mut scores);
        lists::credit_verse(&page, &marks, &mut scores);
        let search = Search {
            page: &page,
            marks: &marks,
            params: &self.params,
            section_end: self.section_end,
            copyright: self.copyright,
            anchor: headline::anchor(&page, &marks, hints),
            quantity_lists: &quantity_lists,
            series: &series,
        };
        // From the start of the comment section on, lines count for nothing
        // in the search for the article.
        let comments = comments::section(&page, &marks);
        let comments_from = comments.as_ref().map(|c| c.start);
        if let Some(start) = comments_from {
            for s in &mut scores[start..] {
                *s = s.min(0.0);
            }
        }
        let mut regions = search.article_regions(&scores);
        // A table of contents can part the lead from the article; found only
        // above the article, it costs a look at a few lines per page.
        if contents::credit_contents(&page, &marks, &mut scores, regions.main.start) {
            regions = search.article_regions(&scores);
        }

        // The headline is printed first, so it must come before every part of
        // the article, not only the main one.
        let mut region = regions.main.clone();
        let first_part = regions
            .all
            .first()
            .map_or(region.clone(), |r| r.start..region.end);
        let title = headline::find_title(&page, &marks, &first_part, hints, &series);
        let weighed = std::mem::take(&mut regions.weighed);
        // A headline inside the first part (the page's heading below its
        // title line) starts the article.
        if let Some(t) = title.filter(|&t| t > first_part.start) {
            regions.all.retain(|r| r.end > t);
            if let Some(r) = regions.all.first_mut() {
                r.start = r.start.max(t);
            }
            if region.start < t {
                region.start = t.min(region.end);
            }
        }
        // The text under a title the caller knows but no line repeats (a
        // page cleaned before) starts under its headline.
        let known_title = hints.title.is_some_and(|t| !t.is_empty());
        // Without a headline line, a first paragraph taken as a part of its
        // own may be the lead of the main part.
        let below = if title.is_none() {
            region.start
        } else {
            first_part.start
        };
        let lead = (title.is_some() || known_title)
            .then(|| search.under_headline(&scores, title, below))
            .flatten();
        if let Some(lead) = lead {
            regions
                .all
                .retain(|r| r.start < lead.start || r.end > lead.end);
            match regions.all.iter_mut().find(|r| r.start == lead.end) {
                // A lead right above a part opens it, so that the part's
                // end settling later cannot part them.
                Some(part) => {
                    if *part == region {
                        region.start = lead.start;
                    }
                    part.start = lead.start;
                }
                None => regions.all.insert(0, lead),
            }
        }

        let mut article = vec![false; page.len()];
        for r in &regions.all {
            article[r.clone()].fill(true);
        }
        let mut state = State {
            region,
            regions: regions.all,
            article,
            title,
            comments,
        };
        let context = |state: &State, marks: &mut [Option<Mark>], reasons: &mut Reasons| {
            self.run_phase(Phase::Context, &page, &hits, Some(state), marks, reasons)
        };
        context(&state, &mut marks, &mut reasons);
        // A context rule that ends the article early (a "See also" heading)
        // can leave a tail of short lines that only the removed part paid
        // for; trimmed now, as cleaning the output again would trim it.
        if settle_region_ends(&mut state, &marks, &scores) {
            context(&state, &mut marks, &mut reasons);
        }
        // A page whose only article line is its headline has no body to go
        // under it: that line is the body.
        let body = (0..page.len()).any(|i| {
            Some(i) != state.title
                && !page.is_blank(i)
                && marks[i]
                    .as_ref()
                    .is_none_or(|m| m.weak && state.in_article(i))
        });
        if !body {
            state.title = None;
        }
        let title = state.title;

        let mut decider = decide::Decider::new(&self.rules);
        // Collected in place: the verdicts take the marks' memory.
        let mut verdicts: Vec<_> = marks
            .into_iter()
            .enumerate()
            .map(|(i, mark)| decider.decide(&page, i, mark, &state, scores[i]))
            .collect();
        drop(scores);
        let number = |i: usize| page.number(i);
        let map = BlockMap {
            parts: state
                .regions
                .iter()
                .filter(|r| !r.is_empty())
                .map(|r| (number(r.start), number(r.end - 1)))
                .collect(),
            main: state.regions.iter().position(|r| *r == state.region),
            headline: title.map(number),
            comments_from: comments_from.map(number),
            comments_to: state.comments.as_ref().map(|c| number(c.end - 1)),
            blocks: weighed
                .iter()
                .filter(|w| !w.lines.is_empty())
                .map(|w| w.block(&state.regions, number))
                .collect(),
        };
        let (input, lang) = (page.input, page.lang);
        // A page read by pieces keeps their spans; any other finds its line
        // starts again when a decision is asked for (see `Cleaned`).
        let (text, words, pieces) = page.into_text();
        let lines = if self.config.keep_markup {
            // The output lines keep their markup, and the reasons quote
            // the rendered text the rules read: quoted now, while it is here.
            quote_now(&mut verdicts, &mut reasons, &text);
            let mut lines = Texts::with_capacity(text.len(), input.len());
            for_each_piece(input, pieces.as_deref(), &mut |span| {
                lines.push(&normalize(&input[span]))
            });
            lines
        } else {
            text
        };
        Cleaned {
            input,
            starts: OnceLock::new(),
            pieces,
            verdicts,
            rules: decider.rules,
            reasons: reasons.0,
            lines,
            words,
            title,
            language: lang.map(|l| crate::lang::LANGUAGES[l]),
            map,
        }
    }

    fn run_phase(
        &self,
        phase: Phase,
        page: &Page<'_>,
        hits: &[Vec<Trigger>],
        state: Option<&State>,
        marks: &mut [Option<Mark>],
        reasons: &mut Reasons,
    ) {
        let in_phase = &self.by_phase[usize::from(phase == Phase::Context)];
        for &(r, opens_comments) in in_phase {
            let cx = Context {
                page,
                triggers: &hits[r],
                state,
            };
            self.rules[r].apply(&cx, &mut Marks::new(r, opens_comments, marks, reasons));
        }
    }
}

/// Each verdict whose reason quotes its line, given that reason written out
/// with the line's text in `text`.
fn quote_now(verdicts: &mut [Verdict], reasons: &mut Reasons, text: &Texts) {
    for (i, v) in verdicts.iter_mut().enumerate() {
        let reason = &reasons.0[v.reason() as usize];
        if matches!(reason, Reason::Quoting { .. }) {
            let said = reason.spell_out(&text[i]);
            reasons.0.push(Reason::Said(said));
            *v = v.with_reason((reasons.0.len() - 1) as u32);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_heading_below_a_title_line_with_the_site_name_is_the_headline() {
        let page = format!(
            "Bridge Repairs Finish Early - City Gazette\nHome News Local\n\nThe Bridge Repairs Finish Three Months Early\n\n{}",
            crate::rules::testing::PROSE
        );
        let cleaned = crate::clean(&page);
        assert_eq!(
            cleaned.title(),
            Some("The Bridge Repairs Finish Three Months Early")
        );
        assert!(!cleaned.rendered().contains("City Gazette"));
    }

    #[test]
    fn text_under_a_known_title_keeps_its_opening_line() {
        // A page cleaned before: its body, the headline given as a hint.
        let body = format!(
            "By Anna Berg | 3 min read\n\n{}",
            crate::rules::testing::PROSE
        );
        let hints = Hints::default().with_title("Barcamp Graz 2015 Call for Action");
        let cleaned = Cleaner::new(Config::default())
            .unwrap()
            .clean_with(&body, &hints);
        assert!(cleaned.text().starts_with("By Anna Berg | 3 min read"));
    }

    #[test]
    fn text_under_a_known_title_keeps_the_short_lines_below_its_first_paragraph() {
        // A sermon cleaned before: a first paragraph, a few short lines
        // (a quote, a cut-off excerpt, the salutation), then the body.
        let body = format!(
            "Dr. Ruth Meyer, envoy of the church council to the federal government and the European Union, gave this address on 11 November.\n\nRead aloud\n\nJohn 14, 27\n\nGrace be with you and peace from God…\n\nDear sisters and brothers,\n\n{}",
            crate::rules::testing::PROSE
        );
        let cleaner = Cleaner::new(Config::default()).unwrap();
        let known = Hints::default().with_title("An address for the peace decade");
        let cleaned = cleaner.clean_with(&body, &known);
        assert!(
            cleaned.text().contains("Dear sisters and brothers,"),
            "{}",
            cleaned.text()
        );
    }

    #[test]
    fn reasons_quote_the_rendered_line_whether_or_not_markup_is_kept() {
        let page = format!(
            "Home » [News](https://x.org/news) » [World](https://x.org/world) » [Europe](https://x.org/eu)\n\n{}",
            crate::rules::testing::PROSE
        );
        let reason = |keep_markup| {
            let config = Config {
                keep_markup,
                ..Config::default()
            };
            let cleaner = Cleaner::new(config).unwrap();
            let cleaned = cleaner.clean(&page);
            let first = cleaned.decision(0).unwrap();
            assert!(!first.kept);
            (
                first.reason.into_owned(),
                cleaned.line_text(&cleaned.decision(0).unwrap()).to_string(),
            )
        };
        let (rendered, raw) = (reason(false), reason(true));
        assert_eq!(
            rendered.0,
            "breadcrumb trail: \"Home » News » World » Europe\""
        );
        assert_eq!(raw.0, rendered.0);
        assert!(raw.1.contains("](https://x.org/news)"), "{}", raw.1);
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
