//! Decisions: one per line, kept or removed, with the rule and the reason.

use crate::features::Features;
use crate::page::Page;
use crate::report::Decision;
use crate::rules::{ArticleText, Headline, Mark, RuleInfo, State};
use std::borrow::Cow;

/// The decision on line `i`: removed by `mark` (and `rule`, the rule that
/// made it), kept as the headline, or kept as article text.
pub(crate) fn decide(
    page: &Page<'_>,
    i: usize,
    mark: Option<(Mark, &RuleInfo)>,
    state: &State,
    score: f32,
) -> Decision {
    let title = state.title;
    let line = &page.lines[i];
    let blank = line.is_blank();
    let (kept, info, reason): (bool, &RuleInfo, Cow<'static, str>) = if blank {
        (false, ArticleText::info(), Cow::Borrowed("blank line"))
    } else if let Some((m, rule)) = mark {
        (false, rule, m.reason)
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
        span: line.span.clone(),
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

fn describe_kept(f: &Features, main: bool) -> &'static str {
    match (f.words >= 12, main) {
        (true, true) => "prose inside the article",
        (false, true) => "short line inside the article",
        (true, false) => "prose in a further part of the article",
        (false, false) => "short line in a further part of the article",
    }
}
