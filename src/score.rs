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

// The classifier's thresholds, beside jusText's defaults (length_low 70,
// length_high 200 characters; stopwords_low 0.30, stopwords_high 0.32;
// max_link_density 0.2). jusText judges HTML paragraphs; a line of converter
// text is a paragraph, a heading or a list item, and stop-word density is
// measured against the page's language list, so the bounds sit lower.

/// A line this link-heavy is a link (a teaser), however long.
const ALL_LINK: f32 = 0.8;
/// Mostly link, and at most `LINK_LINE_WORDS` words: a teaser headline.
const MOSTLY_LINK: f32 = 0.5;
const LINK_LINE_WORDS: u32 = 40;
/// Long prose: jusText's length_high lowered to 150 characters, with a
/// density a little under its stopwords_low; without sentence punctuation,
/// 250 characters.
const LONG_CHARS: u32 = 150;
const LONG_DENSITY: f32 = 0.25;
const LONG_WITHOUT_SENTENCE_CHARS: u32 = 250;
/// Short prose: jusText's length_low (70), a sentence, and about its
/// stopwords_low.
const SHORT_CHARS: u32 = 70;
const SHORT_DENSITY: f32 = 0.28;
/// Near-prose: jusText's length_low with half its density, or a sentence
/// of six words at its stopwords_low.
const NEAR_DENSITY: f32 = 0.15;
const NEAR_SENTENCE_WORDS: u32 = 6;
const NEAR_SENTENCE_DENSITY: f32 = 0.3;

pub(crate) fn classify(f: &Features, lang_known: bool) -> Class {
    if f.words == 0
        || f.link_density() >= ALL_LINK
        || (f.link_density() > MOSTLY_LINK && f.words <= LINK_LINE_WORDS)
    {
        return Class::Bad;
    }
    let density = density(f, lang_known);
    let sentence = f.terminal() || f.inner_sentence();
    let long_prose = f.chars >= LONG_CHARS
        && density >= LONG_DENSITY
        && (sentence || f.chars >= LONG_WITHOUT_SENTENCE_CHARS);
    let short_prose = f.chars >= SHORT_CHARS && density >= SHORT_DENSITY && sentence;
    if (long_prose || short_prose) && !f.is_title_case() {
        Class::Good
    } else if (f.chars >= SHORT_CHARS && density >= NEAR_DENSITY)
        || (f.words >= NEAR_SENTENCE_WORDS && density >= NEAR_SENTENCE_DENSITY && sentence)
    {
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
    } else if f.terminal() || f.inner_sentence() {
        0.35
    } else {
        0.1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::measure;
    use crate::lang::StopWords;

    /// The features of an English line, its stop words counted.
    fn english(text: &str) -> Features {
        let (mut f, hits) = measure(text, StopWords::get());
        f.stop_words = u32::from(hits.counts[0]);
        f
    }

    #[test]
    fn a_headline_in_title_case_is_no_paragraph() {
        let headline =
            "Why The Best Of Our Summer Movies Are Still Coming To A Theatre Near You In August!";
        assert_ne!(classify(&english(headline), true), Class::Good);
        // The same words as a sentence are prose…
        let sentence =
            "Why the best of our summer movies are still coming to a theatre near you in August!";
        assert_eq!(classify(&english(sentence), true), Class::Good);
        // …and so is a sentence in capitals.
        assert_eq!(
            classify(&english(&sentence.to_uppercase()), true),
            Class::Good
        );
    }
}
