//! How much a line reads like article prose: jusText-style classes from a
//! line's features. Rules and the engine both use them.

use crate::features::Features;

/// jusText-style classes of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Long prose: many stop words, sentence punctuation.
    Good,
    /// Shorter prose, or long text with few stop words.
    NearGood,
    /// Too short to tell.
    Short,
    /// Link-heavy or word-less.
    Bad,
}

pub(crate) fn classify(f: &Features, lang_known: bool) -> Class {
    // A paragraph that is all one link is a teaser, however long.
    if f.words == 0 || f.link_density() >= 0.8 || (f.link_density() > 0.5 && f.words <= 40) {
        return Class::Bad;
    }
    let density = density(f, lang_known);
    let sentence = f.terminal || f.inner_sentence;
    let long_prose = f.chars >= 150 && density >= 0.25 && (sentence || f.chars >= 250);
    let short_prose = f.chars >= 70 && density >= 0.28 && sentence;
    if long_prose || short_prose {
        Class::Good
    } else if (f.chars >= 70 && density >= 0.15) || (f.words >= 6 && density >= 0.3 && sentence) {
        Class::NearGood
    } else {
        Class::Short
    }
}

/// A lead or dek: a sentence-like line with a fair share of stop words.
pub(crate) fn is_lead_like(f: &Features, lang_known: bool) -> bool {
    f.words >= 6 && f.words <= 60 && density(f, lang_known) >= 0.2 && f.link_density() < 0.3
}

/// The share of stop words, or without a stop-word list for the language,
/// sentence punctuation standing in for it.
fn density(f: &Features, lang_known: bool) -> f32 {
    if lang_known {
        f.stop_density()
    } else if f.terminal || f.inner_sentence {
        0.35
    } else {
        0.1
    }
}
