//! Rules from the user's configuration.

use crate::config::{ConfigError, UserRule};
use crate::rules::{shorten, Context, Family, Marks, Rule, RuleInfo};
use regex::{Regex, RegexBuilder};
use std::borrow::Cow;

/// Limits that keep a user's pattern from using unbounded memory.
const REGEX_SIZE_LIMIT: usize = 1 << 20;
const REGEX_DFA_SIZE_LIMIT: usize = 2 << 20;
/// Limits that keep a config cheap to compile (the phrase automaton grows
/// with every phrase): a config with more is an error, not a slow start.
pub(crate) const MAX_USER_PHRASES: usize = 10_000;
pub(crate) const MAX_PHRASE_CHARS: usize = 200;

/// The compiled user rules of a config.
pub(crate) struct UserRuleSet {
    rules: Vec<CompiledUserRule>,
}

struct CompiledUserRule {
    info: RuleInfo,
    phrases: Vec<String>,
    regex: Option<Regex>,
    max_words: u32,
}

impl UserRuleSet {
    /// Checks and compiles `rules`.
    pub(crate) fn compile(rules: &[UserRule]) -> Result<UserRuleSet, ConfigError> {
        let phrases: usize = rules.iter().map(|r| r.phrases.len()).sum();
        if phrases > MAX_USER_PHRASES {
            return Err(ConfigError::BadRule {
                rule: "rules".into(),
                message: format!(
                    "{phrases} phrases in all; the limit is {MAX_USER_PHRASES} (a regex can stand for many)"
                ),
            });
        }
        let mut compiled = Vec::with_capacity(rules.len());
        for (n, rule) in rules.iter().enumerate() {
            let bad = |message: String| ConfigError::BadRule {
                rule: rule.name.clone(),
                message,
            };
            if rule.name.trim().is_empty() {
                return Err(bad("the rule needs a `name`".into()));
            }
            if rule.phrases.is_empty() && rule.regex.is_none() {
                return Err(bad("give `phrases`, a `regex`, or both".into()));
            }
            if rule.phrases.iter().any(|p| p.trim().is_empty()) {
                return Err(bad("a phrase is empty".into()));
            }
            if let Some(long) = rule
                .phrases
                .iter()
                .find(|p| p.chars().count() > MAX_PHRASE_CHARS)
            {
                return Err(bad(format!(
                    "phrase {:?} is longer than {MAX_PHRASE_CHARS} characters",
                    shorten(long, 40).to_string()
                )));
            }
            let regex = match &rule.regex {
                Some(pattern) => Some(
                    RegexBuilder::new(pattern)
                        .size_limit(REGEX_SIZE_LIMIT)
                        .dfa_size_limit(REGEX_DFA_SIZE_LIMIT)
                        .build()
                        .map_err(|source| ConfigError::BadRegex {
                            rule: rule.name.clone(),
                            source,
                        })?,
                ),
                None => None,
            };
            // A pattern that matches nothing at all (``, `a*`) matches every line.
            if regex.as_ref().is_some_and(|r| r.is_match("")) {
                return Err(bad(
                    "the regex matches the empty string, so it would remove every line".into(),
                ));
            }
            let code = rule
                .code
                .clone()
                .unwrap_or_else(|| format!("USR{:03}", n + 1));
            if crate::rules::registry()
                .iter()
                .any(|r| r.info().code == code)
            {
                return Err(bad(format!("code {code} belongs to a built-in rule")));
            }
            compiled.push(CompiledUserRule {
                info: RuleInfo {
                    code: Cow::Owned(code),
                    name: Cow::Owned(rule.name.clone()),
                    family: rule.family.unwrap_or(Family::User),
                    doc: Cow::Owned(format!(
                        "User rule `{}` from the configuration.\n\nPhrases: {:?}\n\nRegex: {}",
                        rule.name,
                        rule.phrases,
                        rule.regex.as_deref().unwrap_or("none")
                    )),
                },
                phrases: rule
                    .phrases
                    .iter()
                    .map(|p| p.trim().to_lowercase())
                    .collect(),
                regex,
                max_words: rule.max_words.unwrap_or(u32::MAX),
            });
        }
        Ok(UserRuleSet { rules: compiled })
    }

    pub(crate) fn into_rules(self) -> Vec<Box<dyn Rule>> {
        self.rules
            .into_iter()
            .map(|r| Box::new(r) as Box<dyn Rule>)
            .collect()
    }
}

impl Rule for CompiledUserRule {
    fn info(&self) -> &RuleInfo {
        &self.info
    }

    fn triggers(&self) -> Vec<String> {
        self.phrases.clone()
    }

    fn trigger_max_words(&self) -> u32 {
        self.max_words
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for t in cx.triggers {
            if cx.page.features[t.line()].words <= self.max_words {
                out.remove(
                    t.line(),
                    format!(
                        "user rule {}: \"{}\"",
                        self.info.name,
                        self.phrases[t.phrase()]
                    ),
                );
            }
        }
        if let Some(regex) = &self.regex {
            for (i, text) in cx.page.text.iter().enumerate() {
                if !text.is_empty()
                    && cx.page.features[i].words <= self.max_words
                    && !out.is_marked(i)
                {
                    if let Some(m) = regex.find(text) {
                        out.remove(
                            i,
                            format!(
                                "user rule {}: \"{}\"",
                                self.info.name,
                                shorten(m.as_str(), 40)
                            ),
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Cleaner, Config, ConfigError, UserRule};

    fn with_rule(rule: UserRule) -> Result<Cleaner, ConfigError> {
        Cleaner::new(Config {
            rules: vec![rule],
            ..Config::default()
        })
    }

    #[test]
    fn bad_regex_names_the_rule() {
        let err = with_rule(UserRule {
            name: "broken".into(),
            regex: Some("(unclosed".into()),
            ..UserRule::default()
        })
        .unwrap_err();
        assert!(
            matches!(&err, ConfigError::BadRegex { rule, .. } if rule == "broken"),
            "{err}"
        );
    }

    #[test]
    fn huge_regex_is_an_error_not_a_blow_up() {
        let err = with_rule(UserRule {
            name: "huge".into(),
            regex: Some(r"\w{1000}\w{1000}\w{1000}".into()),
            ..UserRule::default()
        })
        .unwrap_err();
        assert!(err.to_string().contains("huge"), "{err}");
    }

    #[test]
    fn user_phrases_remove_lines() {
        let cleaner = with_rule(UserRule {
            name: "shop-promo".into(),
            phrases: vec!["Visit our shop".into()],
            ..UserRule::default()
        })
        .unwrap();
        let page =
            crate::rules::testing::embed("Visit our shop for mugs and posters of the town hall.");
        let cleaned = cleaner.clean(&page);
        let (d, _) = cleaned.removed().next().expect("one line removed");
        assert_eq!(d.code, "USR001");
        assert_eq!(d.name, "shop-promo");
    }

    #[test]
    fn a_regex_that_matches_every_line_is_an_error() {
        for pattern in ["", "x*", "(?i)(promo)?"] {
            let err = with_rule(UserRule {
                name: "everything".into(),
                regex: Some(pattern.into()),
                ..UserRule::default()
            })
            .unwrap_err();
            assert!(
                err.to_string().contains("empty string"),
                "{pattern:?}: {err}"
            );
        }
    }

    #[test]
    fn too_many_or_too_long_phrases_are_errors() {
        let many = with_rule(UserRule {
            name: "many".into(),
            phrases: (0..=super::MAX_USER_PHRASES)
                .map(|n| format!("p{n}"))
                .collect(),
            ..UserRule::default()
        })
        .unwrap_err();
        assert!(many.to_string().contains("the limit is 10000"), "{many}");
        let long = with_rule(UserRule {
            name: "long".into(),
            phrases: vec!["a".repeat(super::MAX_PHRASE_CHARS + 1)],
            ..UserRule::default()
        })
        .unwrap_err();
        assert!(long.to_string().contains("longer than"), "{long}");
    }
}
