//! The public description of rules: [`Family`] and [`RuleInfo`].

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// A kind of noise; every rule belongs to one. Families can be switched off
/// as a whole in [`Config`](crate::Config).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Family {
    /// Newsletter, subscription and sign-up prompts.
    Newsletter,
    /// Titles and icon names leaked from inline SVG images.
    SvgResidue,
    /// Lists of other stories: headlines, deks, bylines, "Related" headings.
    Teaser,
    /// Menus, breadcrumbs, "Skip to content", pagination.
    Navigation,
    /// Tag and topic lines.
    Tags,
    /// Share buttons, social links, follower counts.
    Share,
    /// Cookie and consent notices.
    Cookie,
    /// Copyright, "Powered by", legal links.
    Footer,
    /// Comment forms, loading errors and other interface text.
    Widget,
    /// Reader comments: their headers and everything after the first.
    Comments,
    /// "Advertisement" and sponsored-content labels.
    Ads,
    /// Lines printed more than once on the page.
    Repetition,
    /// Photo captions and agency credits.
    Caption,
    /// Converter markup with no text of its own: image-only and link-only lines.
    Markup,
    /// Decisions from the page's structure: lines outside the article, separators.
    Structure,
    /// Rules supplied by the user in the configuration.
    User,
    /// The article itself: the family of the decisions that keep a line.
    Content,
}

impl Family {
    /// Every family, in display order.
    pub const ALL: [Family; 17] = [
        Family::Newsletter,
        Family::SvgResidue,
        Family::Teaser,
        Family::Navigation,
        Family::Tags,
        Family::Share,
        Family::Cookie,
        Family::Footer,
        Family::Widget,
        Family::Comments,
        Family::Ads,
        Family::Repetition,
        Family::Caption,
        Family::Markup,
        Family::Structure,
        Family::User,
        Family::Content,
    ];

    /// The kebab-case name used in configs and reports (`svg-residue`).
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Newsletter => "newsletter",
            Family::SvgResidue => "svg-residue",
            Family::Teaser => "teaser",
            Family::Navigation => "navigation",
            Family::Tags => "tags",
            Family::Share => "share",
            Family::Cookie => "cookie",
            Family::Footer => "footer",
            Family::Widget => "widget",
            Family::Comments => "comments",
            Family::Ads => "ads",
            Family::Repetition => "repetition",
            Family::Caption => "caption",
            Family::Markup => "markup",
            Family::Structure => "structure",
            Family::User => "user",
            Family::Content => "content",
        }
    }
}

/// The error of parsing a [`Family`] or a [`Preset`](crate::Preset) name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} {name:?}; expected one of: {expected}")]
pub struct ParseNameError {
    what: &'static str,
    name: String,
    expected: String,
}

/// The one of `all` whose name (`as_str`) is `name`; the error names `what`
/// was asked for and every name there is.
pub(crate) fn parse_name<T: Copy>(
    name: &str,
    all: &[T],
    as_str: fn(T) -> &'static str,
    what: &'static str,
) -> Result<T, ParseNameError> {
    all.iter()
        .copied()
        .find(|&x| as_str(x) == name)
        .ok_or_else(|| ParseNameError {
            what,
            name: name.to_string(),
            expected: all
                .iter()
                .map(|&x| as_str(x))
                .collect::<Vec<_>>()
                .join(", "),
        })
}

impl FromStr for Family {
    type Err = ParseNameError;

    /// Parses a family name as written by [`Family::as_str`].
    ///
    /// ```
    /// assert_eq!("svg-residue".parse(), Ok(deboiler::Family::SvgResidue));
    /// assert!("svg".parse::<deboiler::Family>().is_err());
    /// ```
    fn from_str(name: &str) -> Result<Family, ParseNameError> {
        parse_name(name, &Family::ALL, Family::as_str, "family")
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `pad`, so that `{:<12}` aligns family names in tables.
        f.pad(self.as_str())
    }
}

/// What identifies and documents a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RuleInfo {
    /// Stable code, e.g. `NWS001`.
    pub code: Cow<'static, str>,
    /// Kebab-case name of the pattern the rule detects, e.g. `subscribe-prompt`.
    pub name: Cow<'static, str>,
    /// The family the rule belongs to.
    pub family: Family,
    /// The rule's documentation (its doc comment), in Markdown.
    #[serde(serialize_with = "serialize_doc")]
    pub doc: Cow<'static, str>,
}

fn serialize_doc<S: serde::Serializer>(doc: &str, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&tidy_doc(doc))
}

/// Doc comments arrive with one leading space per line; drop it.
pub(crate) fn tidy_doc(doc: &str) -> String {
    doc.lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

impl RuleInfo {
    /// A rule's description, for a [`CustomRule`](crate::CustomRule).
    pub fn new(
        code: impl Into<Cow<'static, str>>,
        name: impl Into<Cow<'static, str>>,
        family: Family,
        doc: impl Into<Cow<'static, str>>,
    ) -> RuleInfo {
        RuleInfo {
            code: code.into(),
            name: name.into(),
            family,
            doc: doc.into(),
        }
    }

    /// The documentation without the doc-comment indentation.
    pub fn doc_text(&self) -> String {
        tidy_doc(&self.doc)
    }

    /// The first line of the documentation.
    pub fn summary(&self) -> &str {
        self.doc
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
    }
}
