//! Configuration: preset, rules switched on or off, user rules.

use crate::rule_info::{parse_name, Family, ParseNameError};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// How eager the cleaner is to remove lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    /// Keep only what is clearly article text: cleaner output, some article
    /// lines lost (short lines at the edges, paragraphs away from the main body).
    Precision,
    /// The default trade-off.
    #[default]
    Balanced,
    /// Keep anything that may be article text: nothing of the article lost,
    /// more noise left in.
    Recall,
}

impl Preset {
    /// Every preset, from the most to the least eager to remove.
    pub const ALL: [Preset; 3] = [Preset::Precision, Preset::Balanced, Preset::Recall];

    /// The name used in configs and on the command line (`precision`).
    pub fn as_str(self) -> &'static str {
        match self {
            Preset::Precision => "precision",
            Preset::Balanced => "balanced",
            Preset::Recall => "recall",
        }
    }
}

impl FromStr for Preset {
    type Err = ParseNameError;

    /// Parses `precision`, `balanced` or `recall`.
    ///
    /// ```
    /// # fn main() -> Result<(), deboiler::ParseNameError> {
    /// let preset: deboiler::Preset = "recall".parse()?;
    /// assert_eq!(preset, deboiler::Preset::Recall);
    /// # Ok(())
    /// # }
    /// ```
    fn from_str(name: &str) -> Result<Preset, ParseNameError> {
        parse_name(name, &Preset::ALL, Preset::as_str, "preset")
    }
}

impl std::fmt::Display for Preset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// A rule supplied by the user: lines matching it are removed.
///
/// At least one of `phrases` and `regex` must be given. Limits, each an
/// error naming the rule: 10,000 phrases in all the rules of a config, 200
/// characters a phrase; a regex that compiles to more than 1 MB (2 MB of
/// lazy DFA), or that matches the empty string (it would remove every line).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct UserRule {
    /// Name shown in reports, e.g. `site-promo`.
    pub name: String,
    /// Code shown in reports; defaults to `USR` and the rule's position (`USR001`).
    pub code: Option<String>,
    /// The family it belongs to, for switching it off with others; default `user`.
    pub family: Option<Family>,
    /// Phrases (matched case-insensitively) that mark a line as noise.
    pub phrases: Vec<String>,
    /// A regular expression (Rust `regex` syntax) that marks a line as noise.
    pub regex: Option<String>,
    /// Only lines of at most this many words are removed (default: any length).
    pub max_words: Option<u32>,
}

/// How a [`Cleaner`](crate::Cleaner) behaves.
///
/// Every field has a default, so a config file need only name what it
/// changes. Unknown fields are an error, so a typo does not pass silently.
///
/// ```
/// # fn main() -> Result<(), deboiler::ConfigError> {
/// let config = deboiler::Config::from_json(r#"{
///     "preset": "precision",
///     "disable": ["share", "DUP001"],
///     "rules": [{"name": "shop-promo", "phrases": ["visit our shop"]}]
/// }"#)?;
/// assert_eq!(config.preset, deboiler::Preset::Precision);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Overall eagerness; see [`Preset`].
    pub preset: Preset,
    /// Rule codes (`NWS001`) or family names (`share`) to switch off.
    pub disable: Vec<String>,
    /// Rule codes or families to switch back on after `disable` (so one can
    /// disable a family but keep one of its rules).
    pub enable: Vec<String>,
    /// Extra rules; see [`UserRule`].
    pub rules: Vec<UserRule>,
    /// Opt-in vocabulary packs, by name: `site-vocabulary` holds the phrase
    /// and label entries kept out of the default lists because they fitted
    /// too few sites.
    pub packs: Vec<String>,
    /// Keep converter markup (markdown links, images, URLs) in the output
    /// instead of rendering links as their text.
    pub keep_markup: bool,
}

/// Why a [`Config`] could not be used.
///
/// The parser's and the regex engine's own errors are kept as the
/// [`source`](std::error::Error::source); [`ConfigError::kind`] tells the
/// cases apart without matching on variants that may grow.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The JSON text is not a valid config; the message names the field,
    /// what was expected, and the line and column.
    #[error("invalid config: {0}")]
    Json(#[source] serde_json::Error),
    /// The TOML text is not a valid config; the message names the field,
    /// what was expected, and where.
    #[cfg(feature = "toml")]
    #[error("invalid config: {source}")]
    Toml {
        /// What the TOML parser said.
        #[source]
        source: toml::de::Error,
        /// 1-based line and column of the error, when the parser says.
        position: Option<(usize, usize)>,
    },
    /// `disable` or `enable` names neither a rule code nor a family.
    #[error("unknown rule code or family {name:?} in `{field}` (see `deboiler rules` for the codes; families: {families})")]
    UnknownRule {
        /// The field: `disable` or `enable`.
        field: &'static str,
        /// The unknown name.
        name: String,
        /// The family names, for the message.
        families: String,
    },
    /// A user rule has an invalid or too large regular expression.
    #[error("user rule {rule:?}: invalid regex: {source}")]
    BadRegex {
        /// The rule's name.
        rule: String,
        /// What the regex engine said.
        #[source]
        source: regex::Error,
    },
    /// `packs` names no known pack.
    #[error("unknown pack {name:?} (packs: {known})")]
    UnknownPack {
        /// The unknown name.
        name: String,
        /// The known packs, for the message.
        known: String,
    },
    /// A user rule is incomplete, too large, or clashes with another rule.
    #[error("user rule {rule:?}: {message}")]
    BadRule {
        /// The rule's name.
        rule: String,
        /// What is wrong.
        message: String,
    },
}

/// What kind of [`ConfigError`] happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigErrorKind {
    /// The config text does not parse, or a field has the wrong type or name.
    Syntax,
    /// `disable` or `enable` names an unknown rule or family, or `packs` an
    /// unknown pack.
    UnknownRule,
    /// A user rule's regular expression is invalid or too large.
    BadRegex,
    /// A user rule is incomplete, too large or clashes with another.
    BadRule,
}

impl ConfigError {
    /// What kind of error this is.
    pub fn kind(&self) -> ConfigErrorKind {
        match self {
            ConfigError::Json(_) => ConfigErrorKind::Syntax,
            #[cfg(feature = "toml")]
            ConfigError::Toml { .. } => ConfigErrorKind::Syntax,
            ConfigError::UnknownRule { .. } | ConfigError::UnknownPack { .. } => {
                ConfigErrorKind::UnknownRule
            }
            ConfigError::BadRegex { .. } => ConfigErrorKind::BadRegex,
            ConfigError::BadRule { .. } => ConfigErrorKind::BadRule,
        }
    }

    /// Where in the config text a syntax error is: 1-based line and column,
    /// when the parser says.
    ///
    /// ```
    /// let err = deboiler::Config::from_json("{\n  \"preset\": \"fast\"\n}").unwrap_err();
    /// assert_eq!(err.kind(), deboiler::ConfigErrorKind::Syntax);
    /// assert_eq!(err.position().map(|(line, _)| line), Some(2));
    /// ```
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            ConfigError::Json(e) => Some((e.line(), e.column())),
            #[cfg(feature = "toml")]
            ConfigError::Toml { position, .. } => *position,
            _ => None,
        }
    }
}

impl Config {
    /// The default config with another preset.
    pub fn with_preset(preset: Preset) -> Config {
        Config {
            preset,
            ..Config::default()
        }
    }

    /// Reads a config from JSON.
    ///
    /// # Errors
    /// [`ConfigError::Json`] naming the field, what was expected and where.
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        serde_json::from_str(text).map_err(ConfigError::Json)
    }

    /// Reads a config from TOML.
    ///
    /// ```
    /// # fn main() -> Result<(), deboiler::ConfigError> {
    /// let config = deboiler::Config::from_toml("preset = \"recall\"\ndisable = [\"cookie\"]")?;
    /// assert_eq!(config.disable, ["cookie"]);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    /// [`ConfigError::Toml`] naming the field, what was expected and where.
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|source: toml::de::Error| {
            let position = source.span().map(|span| {
                let before = text.get(..span.start).unwrap_or(text);
                let line = before.matches('\n').count() + 1;
                let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
                (line, column)
            });
            ConfigError::Toml { source, position }
        })
    }
}
