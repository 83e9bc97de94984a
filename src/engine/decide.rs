//! Decisions: one per line, kept or removed, with the rule and the reason.

use crate::features::Features;
use crate::page::Page;
use crate::reasons::Reason;
use crate::report::{RuleRef, Verdict};
use crate::rules::{ArticleText, Headline, Mark, Reasons, Rule, State};
use std::borrow::Cow;

/// The reasons of kept and blank lines, first in every page's [`Reasons`].
const FIXED: [&str; 6] = [
    "blank line",
    "headline of the article",
    "prose inside the article",
    "short line inside the article",
    "prose in a further part of the article",
    "short line in a further part of the article",
];
const BLANK: u32 = 0;
const HEADLINE: u32 = 1;

/// A page's reasons, starting with those of kept and blank lines.
pub(crate) fn reasons() -> Reasons {
    // Room for the rules' first few reasons too, or the list grown from six
    // is moved at once; only a few, as it goes out with the page's report.
    let mut reasons = Vec::with_capacity(FIXED.len() + 10);
    reasons.extend(FIXED.iter().map(|r| Reason::Said(Cow::Borrowed(*r))));
    Reasons(reasons)
}

/// Turns the rules' marks into one verdict per line, naming the rules
/// that decided in `rules` (the first two are the content classifier's).
pub(crate) struct Decider<'r> {
    all: &'r [Box<dyn Rule>],
    /// For each rule of the cleaner, its index in `rules` once it decides a line.
    local: Vec<u32>,
    pub rules: Vec<RuleRef>,
}

impl<'r> Decider<'r> {
    pub fn new(all: &'r [Box<dyn Rule>]) -> Self {
        Decider {
            all,
            local: vec![u32::MAX; all.len()],
            // The classifier's two and room for the rules that decide.
            rules: {
                let mut rules = Vec::with_capacity(8);
                rules.push(RuleRef::of(ArticleText::info()));
                rules.push(RuleRef::of(Headline::info()));
                rules
            },
        }
    }

    /// The verdict on line `i`: removed by `mark`, kept as the headline,
    /// or kept as article text. A suspicion inside the article does not
    /// count.
    pub fn decide(
        &mut self,
        page: &Page<'_>,
        i: usize,
        mark: Option<Mark>,
        state: &State,
        score: f32,
    ) -> Verdict {
        let mark = mark.filter(|m| !(m.weak && state.in_article(i)));
        let title = state.title == Some(i);
        let blank = page.is_blank_input(i);
        let (kept, rule, reason) = if blank {
            (false, 0, BLANK)
        } else if let Some(m) = mark {
            (false, self.local_rule(m.rule), m.reason)
        } else if title {
            (true, 1, HEADLINE)
        } else {
            (
                true,
                0,
                kept_reason(&page.features[i], state.region.contains(&i)),
            )
        };
        Verdict::new(kept, blank, title, rule, reason, score)
    }

    fn local_rule(&mut self, rule: u16) -> u32 {
        let slot = &mut self.local[rule as usize];
        if *slot == u32::MAX {
            *slot = self.rules.len() as u32;
            self.rules.push(RuleRef::of(self.all[rule as usize].info()));
        }
        *slot
    }
}

/// Index into [`FIXED`] of the reason a kept line gets.
fn kept_reason(f: &Features, main: bool) -> u32 {
    match (f.words >= 12, main) {
        (true, true) => 2,
        (false, true) => 3,
        (true, false) => 4,
        (false, false) => 5,
    }
}

// A page of millions of lines holds one mark, then one verdict, per line in
// the same memory; these sizes are what the README's memory figures count.
const _: () = assert!(std::mem::size_of::<Option<Mark>>() == 8);
const _: () = assert!(std::mem::size_of::<Verdict>() == 8);
const _: () = assert!(std::mem::size_of::<Features>() == 24);
