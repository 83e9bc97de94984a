//! What a rule's trigger list may hold: no more phrases, and none longer,
//! than a hit can name (see [`Trigger`](crate::rules::Trigger)).

use crate::config::ConfigError;
use crate::rules::{Rule, MAX_TRIGGERS, MAX_TRIGGER_BYTES};

/// `Ok` if `rule`'s `phrases` fit in what a hit holds; a user's rules are
/// held to far less when the config is read, so this refuses only a rule
/// built in code.
pub(super) fn check(rule: &dyn Rule, phrases: &[String]) -> Result<(), ConfigError> {
    let too_many = phrases.len() > MAX_TRIGGERS;
    if too_many || phrases.iter().any(|p| p.len() > MAX_TRIGGER_BYTES) {
        return Err(ConfigError::BadRule {
            rule: rule.info().name.to_string(),
            message: format!(
                "more than {MAX_TRIGGERS} phrases, or a phrase of more than {MAX_TRIGGER_BYTES} bytes"
            ),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Context, Family, Marks, RuleInfo};

    /// A rule with no phrases of its own.
    struct Named(RuleInfo);

    impl Rule for Named {
        fn info(&self) -> &RuleInfo {
            &self.0
        }
        fn apply(&self, _: &Context<'_, '_>, _: &mut Marks<'_>) {}
    }

    #[test]
    fn a_rule_with_phrases_a_hit_cannot_name_is_refused() {
        let rule = Named(RuleInfo {
            code: "USR900".into(),
            name: "wide".into(),
            family: Family::User,
            doc: "".into(),
        });
        let long = "a".repeat(MAX_TRIGGER_BYTES);
        assert!(check(&rule, std::slice::from_ref(&long)).is_ok());
        let refused = check(&rule, &[long + "a"]);
        assert!(matches!(refused, Err(ConfigError::BadRule { rule, .. }) if rule == "wide"));
        let most: Vec<String> = (0..MAX_TRIGGERS).map(|n| format!("p{n}")).collect();
        assert!(check(&rule, &most).is_ok());
        let many: Vec<String> = (0..=MAX_TRIGGERS).map(|n| format!("p{n}")).collect();
        assert!(check(&rule, &many).is_err());
    }
}
