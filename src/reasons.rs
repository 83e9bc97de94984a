//! The reasons a page's decisions give: each stored once however many lines
//! it is given for, and a reason that quotes its line written out only when
//! a decision is read.

use crate::segment::quote;
use std::borrow::Cow;

/// One reason of a page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Reason {
    /// Said in full.
    Said(Cow<'static, str>),
    /// `label: "…"` around the text of the line the reason is given for,
    /// cut to `max` characters (see [`quote`]). Rules quote thousands of
    /// lines; a caller who wants only the text never has them written out.
    Quoting { label: &'static str, max: u8 },
}

impl Reason {
    /// The reason as a decision gives it for a line whose text is `line`.
    pub(crate) fn spell_out(&self, line: &str) -> Cow<'static, str> {
        match self {
            Reason::Said(said) => said.clone(),
            Reason::Quoting { label, max } => Cow::Owned(quote(label, line, usize::from(*max))),
        }
    }
}

/// The reasons given on one page (rules tend to give the same reason to a
/// run of lines, and it is stored once).
#[derive(Debug, Clone, Default)]
pub(crate) struct Reasons(pub Vec<Reason>);

impl Reasons {
    /// The index of `reason`, added if it differs from the latest one.
    pub fn add(&mut self, reason: Cow<'static, str>) -> u32 {
        if !matches!(self.0.last(), Some(Reason::Said(last)) if *last == reason) {
            self.0.push(Reason::Said(reason));
        }
        self.last()
    }

    /// [`Reasons::add`] for a borrowed reason, copied only when it differs
    /// from the latest one.
    pub fn add_shared(&mut self, reason: &str) -> u32 {
        if !matches!(self.0.last(), Some(Reason::Said(last)) if last == reason) {
            self.0.push(Reason::Said(Cow::Owned(reason.to_string())));
        }
        self.last()
    }

    /// The index of a reason that quotes its line after `label`, cut to
    /// `max` characters: one entry serves a run of lines, each quoted when
    /// its decision is read.
    pub fn add_quoting(&mut self, label: &'static str, max: u8) -> u32 {
        let reason = Reason::Quoting { label, max };
        if self.0.last() != Some(&reason) {
            self.0.push(reason);
        }
        self.last()
    }

    fn last(&self) -> u32 {
        (self.0.len() - 1) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_lines_shares_its_reason_and_each_quotes_its_own_line() {
        let mut reasons = Reasons::default();
        let a = reasons.add_quoting("tag list", 10);
        let b = reasons.add_quoting("tag list", 10);
        let c = reasons.add(Cow::Borrowed("link"));
        let d = reasons.add_shared("link");
        let e = reasons.add_quoting("tag list", 10);
        assert_eq!((a, b, c, d, e), (0, 0, 1, 1, 2));
        let quoting = &reasons.0[0];
        assert_eq!(quoting.spell_out("Tags: news"), "tag list: \"Tags: news\"");
        assert_eq!(
            quoting.spell_out("Tags: news, sport, weather"),
            "tag list: \"Tags: news…\""
        );
        assert_eq!(reasons.0[1].spell_out("anything"), "link");
    }
}
