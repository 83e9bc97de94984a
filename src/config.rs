//! Configuration: preset, rules switched on or off, user rules.

use crate::rules::Family;
use serde::{Deserialize, Serialize};

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
    /// Parses `precision`, `balanced` or `recall`.
    pub fn parse(name: &str) -> Option<Preset> {
        match name {
            "precision" => Some(Preset::Precision),
            "balanced" => Some(Preset::Balanced),
            "recall" => Some(Preset::Recall),
            _ => None,
        }
    }
}

/// A rule supplied by the user: lines matching it are removed.
///
/// At least one of `phrases` and `regex` must be given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserRule {
    /// Name shown in reports, e.g. `site-promo`.
    pub name: String,
    /// Code shown in reports; defaults to `USR` and the rule's position (`USR001`).
    #[serde(default)]
    pub code: Option<String>,
    /// The family it belongs to, for switching it off with others; default `user`.
    #[serde(default)]
    pub family: Option<Family>,
    /// Phrases (matched case-insensitively) that mark a line as noise.
    #[serde(default)]
    pub phrases: Vec<String>,
    /// A regular expression (Rust `regex` syntax) that marks a line as noise.
    #[serde(default)]
    pub regex: Option<String>,
    /// Only lines of at most this many words are removed (default: any length).
    #[serde(default)]
    pub max_words: Option<u32>,
}

/// How a [`Cleaner`](crate::Cleaner) behaves.
///
/// Every field has a default, so a config file need only name what it
/// changes. Unknown fields are an error, so a typo does not pass silently.
///
/// ```
/// let config = deboiler::Config::from_json(r#"{
///     "preset": "precision",
///     "disable": ["share", "DUP001"],
///     "rules": [{"name": "shop-promo", "phrases": ["visit our shop"]}]
/// }"#).unwrap();
/// assert_eq!(config.preset, deboiler::Preset::Precision);
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
    /// Keep converter markup (markdown links, images, URLs) in the output
    /// instead of rendering links as their text.
    pub keep_markup: bool,
}

/// Why a [`Config`] could not be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    /// The JSON or TOML text is not a valid config.
    #[error("invalid config: {0}")]
    Parse(String),
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
    #[error("user rule {rule:?}: invalid regex: {message}")]
    BadRegex {
        /// The rule's name.
        rule: String,
        /// What the regex engine said.
        message: String,
    },
    /// A user rule is incomplete or clashes with another rule.
    #[error("user rule {rule:?}: {message}")]
    BadRule {
        /// The rule's name.
        rule: String,
        /// What is wrong.
        message: String,
    },
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
    /// [`ConfigError::Parse`] naming the field and what was expected.
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        serde_json::from_str(text).map_err(|e| ConfigError::Parse(e.to_string()))
    }

    /// Reads a config from TOML.
    ///
    /// ```
    /// let config = deboiler::Config::from_toml("preset = \"recall\"\ndisable = [\"cookie\"]").unwrap();
    /// assert_eq!(config.disable, ["cookie"]);
    /// ```
    ///
    /// # Errors
    /// [`ConfigError::Parse`] naming the field and what was expected.
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|e| ConfigError::Parse(e.to_string()))
    }
}
