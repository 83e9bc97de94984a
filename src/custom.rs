//! Rules written in Rust: the extension point for noise that the phrases
//! and regexes of a [`Config`](crate::Config) cannot describe.

use crate::rule_info::RuleInfo;
use crate::rules::{Context, Marks, Rule};
use std::borrow::Cow;

/// One line as a [`CustomRule`] sees it.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct LineView<'a> {
    /// 1-based line number in the input.
    pub number: usize,
    /// The line's text, whitespace normalised and converter markup rendered.
    pub text: &'a str,
    /// Words on the line.
    pub words: u32,
}

/// A rule written in Rust. It looks at one line at a time (blank lines are
/// not shown to it) and says why the line is noise, or `None`.
///
/// Custom rules run after the built-in line rules and before the engine
/// looks for the article, like user rules from a config; the first rule to
/// remove a line names the reason. Pass them to
/// [`Cleaner::with_rules`](crate::Cleaner::with_rules).
///
/// ```
/// use deboiler::{Cleaner, Config, CustomRule, Family, LineView, RuleInfo};
/// use std::borrow::Cow;
///
/// struct Shouting;
///
/// impl CustomRule for Shouting {
///     fn info(&self) -> RuleInfo {
///         RuleInfo::new("XMP001", "all-capitals", Family::User, "Lines written in capitals only.")
///     }
///     fn check(&self, line: &LineView<'_>) -> Option<Cow<'static, str>> {
///         let letters = line.text.chars().filter(|c| c.is_alphabetic());
///         (line.words >= 2 && letters.clone().count() > 0 && letters.clone().all(char::is_uppercase))
///             .then(|| "written in capitals".into())
///     }
/// }
///
/// # fn main() -> Result<(), deboiler::ConfigError> {
/// let cleaner = Cleaner::with_rules(Config::default(), vec![Box::new(Shouting)])?;
/// let cleaned = cleaner.clean("BUY NOW WHILE STOCKS LAST\nThe river rose by two metres overnight and the old bridge was closed before dawn.");
/// let (decision, line) = cleaned.removed().next().expect("a removed line");
/// assert_eq!((decision.code.as_ref(), line), ("XMP001", "BUY NOW WHILE STOCKS LAST"));
/// # Ok(())
/// # }
/// ```
pub trait CustomRule: Send + Sync {
    /// Code, name, family and documentation. The code must not be a
    /// built-in rule's.
    fn info(&self) -> RuleInfo;

    /// Why `line` is noise, or `None` to leave it to the other rules.
    fn check(&self, line: &LineView<'_>) -> Option<Cow<'static, str>>;
}

/// A [`CustomRule`] as the engine runs it.
pub(crate) struct Custom {
    info: RuleInfo,
    rule: Box<dyn CustomRule>,
}

impl Custom {
    pub(crate) fn new(rule: Box<dyn CustomRule>) -> Custom {
        Custom {
            info: rule.info(),
            rule,
        }
    }
}

impl Rule for Custom {
    fn info(&self) -> &RuleInfo {
        &self.info
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        let page = cx.page;
        for (i, text) in page.text.iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            let line = LineView {
                number: page.number(i),
                text,
                words: page.features[i].words,
            };
            if let Some(reason) = self.rule.check(&line) {
                out.remove(i, reason);
            }
        }
    }
}
