//! Opt-in vocabulary packs: entries kept out of the default lists because
//! on the corpus they matched article text as often as noise, or one site's
//! wording only (`scripts/vocab-stats.py`). A config names the
//! packs it wants (`packs = ["site-vocabulary"]`); each list of a pack runs
//! as a user rule of the family its entries came from.

use crate::config::UserRule;
use crate::rule_info::Family;

/// The packs a config can name.
pub(crate) const PACKS: [&str; 1] = ["site-vocabulary"];

/// One list of a pack: code, name, family, entries, longest line it acts on.
type PackList = (&'static str, &'static str, Family, &'static str, u32);

const SITE_VOCABULARY: [PackList; 7] = [
    (
        "PCK001",
        "site-captions",
        Family::Caption,
        include_str!("data/packs/caption.phrases"),
        60,
    ),
    (
        "PCK002",
        "site-cookie-notices",
        Family::Cookie,
        include_str!("data/packs/cookie.phrases"),
        90,
    ),
    (
        "PCK003",
        "site-disclaimers",
        Family::Footer,
        include_str!("data/packs/disclaimer.phrases"),
        80,
    ),
    (
        "PCK004",
        "site-sign-up-prompts",
        Family::Newsletter,
        include_str!("data/packs/newsletter.phrases"),
        45,
    ),
    (
        "PCK005",
        "site-powered-by",
        Family::Footer,
        include_str!("data/packs/poweredby.phrases"),
        10,
    ),
    (
        "PCK006",
        "site-section-headings",
        Family::Teaser,
        include_str!("data/packs/section_end.phrases"),
        6,
    ),
    (
        "PCK007",
        "site-svg-titles",
        Family::SvgResidue,
        include_str!("data/packs/svg.phrases"),
        12,
    ),
];

/// The user rules of pack `name`, or `None` if there is no such pack.
pub(crate) fn rules_of(name: &str) -> Option<Vec<UserRule>> {
    let lists: &[PackList] = match name {
        "site-vocabulary" => &SITE_VOCABULARY,
        _ => return None,
    };
    Some(
        lists
            .iter()
            .map(|&(code, rule, family, data, max_words)| UserRule {
                name: rule.into(),
                code: Some(code.into()),
                family: Some(family),
                phrases: crate::phrases::PhraseList::parse(data).entries().to_vec(),
                regex: None,
                max_words: Some(max_words),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Cleaner, Config};

    #[test]
    fn a_pack_adds_its_lists_as_rules() {
        let rules = rules_of("site-vocabulary").expect("a pack");
        assert!(rules.iter().all(|r| !r.phrases.is_empty()));
        let cleaner = Cleaner::new(Config {
            packs: vec!["site-vocabulary".into()],
            ..Config::default()
        })
        .expect("the pack compiles");
        assert!(cleaner.rules().any(|r| r.code == "PCK004"));
        let err = Cleaner::new(Config {
            packs: vec!["no-such-pack".into()],
            ..Config::default()
        })
        .unwrap_err();
        assert!(err.to_string().contains("site-vocabulary"), "{err}");
    }
}
