//! The rule set: every rule, its code and its documentation.
//!
//! A rule looks at a [`Page`] and marks lines as noise, each with a short
//! reason. Rules never edit text; the engine combines their marks with the
//! content classifier and decides. [`registry`] lists every built-in rule in
//! the order they run, one line each.

use crate::features::Features;
use crate::page::Page;
use std::borrow::Cow;
use std::ops::Range;

mod ads;
mod caption;
pub(crate) mod comments;
mod cookie;
#[cfg(all(test, feature = "rule-docs"))]
mod examples;
mod footer;
mod markup;
mod navigation;
mod newsletter;
mod packs;
mod repetition;
mod share;
mod structure;
mod svg;
mod tags;
mod teaser;
pub(crate) mod text;
mod user;
mod widget;

pub(crate) use crate::labels::LabelList;
pub(crate) use crate::phrases::PhraseList;
pub(crate) use crate::reasons::Reasons;
pub use crate::rule_info::{Family, RuleInfo};

/// When a rule runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Before the article region is known: the rule sees only the page.
    Lines,
    /// After the engine has found the article region: the rule also sees it.
    Context,
}

/// A phrase of a rule's trigger list found on a line.
///
/// Held in 12 bytes, since a page can have a hit on every line: the line
/// and where the match starts in 32 bits, the phrase's index and length in
/// 16 (the cleaner refuses a rule with more phrases or a longer one, see
/// [`MAX_TRIGGERS`]); a hit past the 4,294,967,295th line or byte of a
/// line is not recorded (see [`Trigger::new`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    line: u32,
    start: u32,
    phrase: u16,
    len: u16,
}

/// The most trigger phrases a rule may have: as many as a [`Trigger`]'s
/// phrase index can name.
pub const MAX_TRIGGERS: usize = u16::MAX as usize + 1;
/// The most bytes a trigger phrase may take: the longest match a
/// [`Trigger`] can hold.
pub const MAX_TRIGGER_BYTES: usize = u16::MAX as usize;

impl Trigger {
    /// The hit of phrase `phrase` at bytes `at` of line `line`; `None` when
    /// the line or the start does not fit in 32 bits, or the phrase's index
    /// or length in 16.
    pub fn new(line: usize, phrase: usize, at: Range<usize>) -> Option<Trigger> {
        Some(Trigger {
            line: u32::try_from(line).ok()?,
            start: u32::try_from(at.start).ok()?,
            phrase: u16::try_from(phrase).ok()?,
            len: u16::try_from(at.len()).ok()?,
        })
    }

    /// Index of the line in [`Page::text`].
    #[inline]
    pub fn line(&self) -> usize {
        self.line as usize
    }

    /// Index of the phrase in the rule's [`Rule::triggers`].
    #[inline]
    pub fn phrase(&self) -> usize {
        self.phrase as usize
    }

    /// Byte range of the match in the line's rendered text.
    #[inline]
    pub fn at(&self) -> Range<usize> {
        let start = self.start as usize;
        start..start + usize::from(self.len)
    }

    /// Whether the phrase opens its line: only bullets or punctuation before it.
    pub fn opens_line(&self, text: &str) -> bool {
        !text[..self.at().start]
            .chars()
            .any(crate::chars::is_alphanumeric)
    }

    /// Whether the phrase closes its line: only punctuation after it.
    pub fn closes_line(&self, text: &str) -> bool {
        !text[self.at().end..]
            .chars()
            .any(crate::chars::is_alphanumeric)
    }
}

/// What the engine knows when [`Phase::Context`] rules run.
#[derive(Debug, Clone)]
pub struct State {
    /// Lines (indices into [`Page::text`]) of the main article region: the
    /// run of lines with the highest content score.
    pub region: Range<usize>,
    /// Every region taken as article, in page order (the main one included):
    /// long articles broken up by lists or tables have several.
    pub regions: Vec<Range<usize>>,
    /// For each line, whether it lies in one of `regions`.
    pub article: Vec<bool>,
    /// The line taken as the headline, which context rules leave alone.
    pub title: Option<usize>,
    /// The lines of the reader-comment section, if the page has one.
    pub comments: Option<Range<usize>>,
}

impl State {
    /// Whether line `i` lies in one of the article regions.
    pub fn in_article(&self, i: usize) -> bool {
        self.article.get(i).copied().unwrap_or(false)
    }
}

/// Everything a rule may look at.
pub struct Context<'p, 'a> {
    /// The analysed page.
    pub page: &'p Page<'a>,
    /// Hits of this rule's [`Rule::triggers`], in line order.
    pub triggers: &'p [Trigger],
    /// The engine's view so far; `Some` only in [`Phase::Context`].
    pub state: Option<&'p State>,
}

impl<'p, 'a> Context<'p, 'a> {
    /// Every line but the blank ones (no rule's business): its index,
    /// rendered text and features. A line of markup alone is no blank line,
    /// though it renders as nothing.
    pub fn lines(&self) -> impl Iterator<Item = (usize, &'p str, &'p Features)> + 'p {
        let page = self.page;
        page.ruled_lines()
            .map(move |i| (i, &page.text[i], &page.features[i]))
    }
}

/// A rule's verdict that a line is noise. Eight bytes: a page may have
/// millions of lines, so the reason is an index into the page's
/// [`Reasons`], and a cleaner has at most [`crate::engine::MAX_RULES`]
/// rules.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mark {
    pub reason: u32,
    pub rule: u16,
    /// Only suspected: the line counts as noise when the engine looks for
    /// the article, but is kept if it ends up inside it.
    pub weak: bool,
    /// Made by a rule whose lines open reader comments.
    pub opens_comments: bool,
}

/// Where a rule writes its verdicts. The first rule to mark a line wins, so
/// earlier (more specific) rules name the reason.
pub struct Marks<'m> {
    rule: u16,
    opens_comments: bool,
    marks: &'m mut [Option<Mark>],
    reasons: &'m mut Reasons,
}

impl<'m> Marks<'m> {
    pub(crate) fn new(
        rule: usize,
        opens_comments: bool,
        marks: &'m mut [Option<Mark>],
        reasons: &'m mut Reasons,
    ) -> Self {
        Marks {
            rule: rule as u16,
            opens_comments,
            marks,
            reasons,
        }
    }

    /// Marks line `line` (an index into the page's lines) as noise.
    pub fn remove(&mut self, line: usize, reason: impl Into<Cow<'static, str>>) {
        self.set(line, reason.into(), false);
    }

    /// Marks line `line` as likely noise: it counts against the article when
    /// the engine looks for it, and is removed only if it lies outside it.
    /// For signals that content has too (link lines, repeated lines).
    pub fn suspect(&mut self, line: usize, reason: impl Into<Cow<'static, str>>) {
        self.set(line, reason.into(), true);
    }

    /// [`Marks::remove`] with the reason worked out only if no rule has
    /// marked the line yet (its reason would be formatted for nothing).
    pub fn remove_with<R: Into<Cow<'static, str>>>(
        &mut self,
        line: usize,
        reason: impl FnOnce() -> R,
    ) {
        self.set_with(line, reason, false);
    }

    /// [`Marks::remove`] with the reason `label: "…"` around the line's
    /// text, cut to `max` characters: written out only if a decision is
    /// read (see [`crate::reasons::Reason::Quoting`]).
    pub fn remove_quoting(&mut self, line: usize, label: &'static str, max: u8) {
        self.place(line, false, |reasons| reasons.add_quoting(label, max));
    }

    /// [`Marks::suspect`] with the reason worked out only if no rule has
    /// marked the line yet.
    pub fn suspect_with<R: Into<Cow<'static, str>>>(
        &mut self,
        line: usize,
        reason: impl FnOnce() -> R,
    ) {
        self.set_with(line, reason, true);
    }

    fn set_with<R: Into<Cow<'static, str>>>(
        &mut self,
        line: usize,
        reason: impl FnOnce() -> R,
        weak: bool,
    ) {
        self.place(line, weak, |reasons| reasons.add(reason().into()));
    }

    /// [`Marks::remove`] with a reason that many lines in a row share: it
    /// is copied only when the reason before it differs.
    pub fn remove_shared(&mut self, line: usize, reason: &str) {
        self.set_shared(line, reason, false);
    }

    /// [`Marks::suspect`] with a reason that many lines share (see
    /// [`Marks::remove_shared`]).
    pub fn suspect_shared(&mut self, line: usize, reason: &str) {
        self.set_shared(line, reason, true);
    }

    fn set_shared(&mut self, line: usize, reason: &str, weak: bool) {
        self.place(line, weak, |reasons| reasons.add_shared(reason));
    }

    fn set(&mut self, line: usize, reason: Cow<'static, str>, weak: bool) {
        self.place(line, weak, |reasons| reasons.add(reason));
    }

    /// Marks `line` unless a rule has marked it already, its reason added
    /// (by `add`) only then.
    #[inline]
    fn place(&mut self, line: usize, weak: bool, add: impl FnOnce(&mut Reasons) -> u32) {
        if let Some(slot @ None) = self.marks.get_mut(line) {
            *slot = Some(Mark {
                rule: self.rule,
                reason: add(self.reasons),
                weak,
                opens_comments: self.opens_comments,
            });
        }
    }

    /// Marks line `line` as noise even if another rule marked it first:
    /// for a verdict on a whole block (a comment section) that names the
    /// block, rather than what each of its lines looks like.
    pub fn overrule(&mut self, line: usize, reason: impl Into<Cow<'static, str>>) {
        if let Some(slot) = self.marks.get_mut(line) {
            *slot = Some(Mark {
                rule: self.rule,
                reason: self.reasons.add(reason.into()),
                weak: false,
                opens_comments: self.opens_comments,
            });
        }
    }

    /// Whether some rule has already marked `line`.
    pub fn is_marked(&self, line: usize) -> bool {
        self.marks.get(line).is_some_and(Option::is_some)
    }

    /// Whether some rule has removed `line` (a suspicion does not count):
    /// context rules see the marks as they stand, earlier context rules'
    /// included.
    pub fn is_removed(&self, line: usize) -> bool {
        self.marks
            .get(line)
            .is_some_and(|m| m.as_ref().is_some_and(|m| !m.weak))
    }
}

/// A noise detector. See the module docs and `deboiler rules`.
pub trait Rule: Send + Sync {
    /// Code, name, family and documentation.
    fn info(&self) -> &RuleInfo;

    /// When the rule runs; most rules need only the page.
    fn phase(&self) -> Phase {
        Phase::Lines
    }

    /// Lower-case phrases whose presence makes a line a candidate for this
    /// rule. The engine finds all rules' phrases in one pass over the page
    /// and hands each rule its hits in [`Context::triggers`].
    fn triggers(&self) -> Vec<String> {
        Vec::new()
    }

    /// Compiles the patterns this rule uses, which are otherwise compiled
    /// on first use (see [`crate::prepare`]).
    fn prepare(&self) {}

    /// The most words a line may have for this rule to act on a trigger
    /// phrase in it: the engine drops the rule's hits in longer lines.
    fn trigger_max_words(&self) -> u32 {
        u32::MAX
    }

    /// Whether this rule's lines open reader comments: from the first of
    /// several such lines on, nothing counts towards the article.
    fn opens_comments(&self) -> bool {
        false
    }

    /// Marks the lines this rule finds to be noise.
    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>);
}

/// A rule's documentation as compiled in: all of it, or with the
/// `rule-docs` feature off (the WebAssembly build, where every byte is
/// downloaded), its one-line summary.
#[cfg(feature = "rule-docs")]
macro_rules! rule_doc {
    ($summary:literal $(, $doc:literal)*) => {
        concat!($summary, "\n", $($doc, "\n"),*)
    };
}
#[cfg(not(feature = "rule-docs"))]
macro_rules! rule_doc {
    ($summary:literal $(, $doc:literal)*) => {
        concat!($summary, "\n")
    };
}
pub(crate) use rule_doc;

/// Declares a rule from one block: its doc comment (the documentation
/// `deboiler rules` prints), code, name and family, what the engine needs
/// to know of it (phase, trigger phrases and the longest line they act on,
/// whether it opens comments: each optional, in this order), then the
/// [`Rule`] methods it defines itself, `apply` at least.
///
/// Without methods it declares only a code for the engine's own decisions.
macro_rules! declare_rule {
    (
        #[doc = $summary:literal]
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            code: $code:literal,
            name: $rule_name:literal,
            family: $family:ident,
        }
    ) => {
        #[doc = $summary]
        $(#[doc = $doc])*
        #[derive(Debug, Default, Clone, Copy)]
        pub struct $name;

        impl $name {
            /// Code, name, family and documentation of this rule.
            pub fn info() -> &'static $crate::rules::RuleInfo {
                static INFO: $crate::rules::RuleInfo = $crate::rules::RuleInfo {
                    code: std::borrow::Cow::Borrowed($code),
                    name: std::borrow::Cow::Borrowed($rule_name),
                    family: $crate::rules::Family::$family,
                    doc: std::borrow::Cow::Borrowed($crate::rules::rule_doc!($summary $(, $doc)*)),
                };
                &INFO
            }
        }
    };
    // A rule that removes lines made only of the labels of one built-in list.
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            code: $code:literal, name: $rule_name:literal, family: $family:ident,
            labels: $list:ident, reason: $what:literal,
        }
    ) => {
        $crate::rules::declare_rule! {
            $(#[doc = $doc])*
            pub struct $name { code: $code, name: $rule_name, family: $family, }

            fn apply(&self, cx: &$crate::rules::Context<'_, '_>, out: &mut $crate::rules::Marks<'_>) {
                $crate::rules::mark_labels(cx, out, $crate::rules::LabelList::$list, $what);
            }
        }
    };
    // A rule that removes every line (within its word limit) holding one of its phrases.
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            code: $code:literal, name: $rule_name:literal, family: $family:ident,
            phrases: $phrases:ident, max_words: $max_words:expr, reason: $what:literal,
        }
    ) => {
        $crate::rules::declare_rule! {
            $(#[doc = $doc])*
            pub struct $name {
                code: $code, name: $rule_name, family: $family,
                triggers: $phrases.entries().to_vec(),
                max_words: $max_words,
            }

            fn apply(&self, cx: &$crate::rules::Context<'_, '_>, out: &mut $crate::rules::Marks<'_>) {
                $crate::rules::mark_triggered(cx, out, &$phrases, $what);
            }
        }
    };
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            code: $code:literal,
            name: $rule_name:literal,
            family: $family:ident,
            $(phase: $phase:ident,)?
            $(triggers: $triggers:expr,)?
            $(max_words: $max_words:expr,)?
            $(opens_comments: $opens:expr,)?
        }
        $($methods:tt)+
    ) => {
        $crate::rules::declare_rule! {
            $(#[doc = $doc])*
            pub struct $name { code: $code, name: $rule_name, family: $family, }
        }

        impl $crate::rules::Rule for $name {
            fn info(&self) -> &$crate::rules::RuleInfo {
                $name::info()
            }
            $(
                fn phase(&self) -> $crate::rules::Phase {
                    $crate::rules::Phase::$phase
                }
            )?
            $(
                fn triggers(&self) -> Vec<String> {
                    $triggers
                }
            )?
            $(
                fn trigger_max_words(&self) -> u32 {
                    $max_words
                }
            )?
            $(
                fn opens_comments(&self) -> bool {
                    $opens
                }
            )?
            $($methods)+
        }
    };
}
pub(crate) use declare_rule;

/// Every built-in rule, in the order it runs (earlier rules name the reason
/// when several match a line).
pub fn registry() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(svg::SketchResidue),
        Box::new(svg::IconLabels),
        Box::new(cookie::ConsentNotice),
        Box::new(newsletter::SubscribePrompt),
        Box::new(newsletter::SubscribeLabel),
        Box::new(comments::CommentLogin),
        Box::new(widget::InterfaceMessage),
        Box::new(comments::CommentHeader),
        Box::new(comments::CommentMeta),
        Box::new(tags::TagLine),
        Box::new(footer::Copyright),
        Box::new(footer::PoweredBy),
        Box::new(footer::LegalLinks),
        Box::new(footer::AffiliateDisclosure),
        Box::new(footer::Disclaimer),
        Box::new(navigation::Pagination),
        Box::new(navigation::Breadcrumb),
        Box::new(navigation::MenuLabels),
        Box::new(navigation::AdjacentPost),
        Box::new(navigation::GluedEntries),
        Box::new(share::FollowerCount),
        Box::new(share::ShareLabels),
        Box::new(share::SharePrompt),
        Box::new(ads::AdLabel),
        Box::new(caption::AgencyCredit),
        Box::new(caption::DatedCaption),
        Box::new(caption::Gallery),
        Box::new(teaser::ReadAlso),
        Box::new(teaser::SectionHeading),
        Box::new(teaser::BylineTeasers),
        Box::new(teaser::DateLine),
        Box::new(teaser::AgedTeasers),
        Box::new(teaser::Truncated),
        Box::new(teaser::MoreLink),
        Box::new(teaser::HeadlineDeks),
        Box::new(comments::RecentComments),
        Box::new(markup::MarkupOnly),
        Box::new(markup::LinkList),
        Box::new(structure::Separator),
        Box::new(repetition::RepeatedLine),
        Box::new(comments::CommentSection),
        Box::new(teaser::AfterSectionEnd),
        Box::new(structure::Sandwiched),
        Box::new(structure::OutsideArticle),
    ]
}

/// Infos of the rules that are not in [`registry`] but can name a decision:
/// the engine's own verdicts for kept lines.
pub fn engine_infos() -> [&'static RuleInfo; 2] {
    [structure::ArticleText::info(), structure::Headline::info()]
}

pub(crate) use packs::{rules_of as pack_rules, PACKS};

/// The rule whose headings (`Related posts`, `Ähnliche Beiträge`) end an
/// article: the engine does not take the run under one for the article
/// when prose above it could be.
pub(crate) fn section_end_info() -> &'static RuleInfo {
    teaser::SectionHeading::info()
}
/// The rule whose notices (`© 2008, KTVU.`) are the site's footer: the
/// engine's article ends at one that follows its prose.
pub(crate) fn site_footer_info() -> &'static RuleInfo {
    footer::Copyright::info()
}
pub(crate) use footer::is_site_notice;
pub(crate) use structure::{ArticleText, Headline};
pub(crate) use user::UserRuleSet;

/// Marks each line that holds one of the rule's trigger phrases (the engine
/// hands a rule only the hits on lines within its word limit), giving
/// `what` and the phrase as the reason.
pub(crate) fn mark_triggered(
    cx: &Context<'_, '_>,
    out: &mut Marks<'_>,
    phrases: &PhraseList,
    what: &str,
) {
    for t in cx.triggers {
        if !out.is_marked(t.line()) {
            out.remove(t.line(), format!("{what}: \"{}\"", phrases.get(t.phrase())));
        }
    }
}

/// Marks each line made only of labels from the built-in list `list`.
pub(crate) fn mark_labels(
    cx: &Context<'_, '_>,
    out: &mut Marks<'_>,
    list: LabelList,
    what: &'static str,
) {
    let bit = list.bit();
    for (i, lists) in cx.page.label_lists.iter().enumerate() {
        if lists & bit != 0 {
            out.remove_quoting(i, what, 60);
        }
    }
}

pub(crate) use crate::segment::shorten;

#[cfg(test)]
pub(crate) mod testing;
