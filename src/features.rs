//! Per-line features: the shape of a line, measured once and shared by every
//! rule and by the content classifier.

use crate::lang::{LangMask, StopWords, LANGUAGES};

/// What a line looks like, measured on its rendered text (markup removed).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Characters of rendered text.
    pub chars: u32,
    /// Tokens that contain a letter.
    pub words: u32,
    /// Words that are stop words of the page's language (see [`crate::lang`]).
    pub stop_words: u32,
    /// Words that start with an upper-case letter.
    pub capitalised: u32,
    /// Decimal digits.
    pub digits: u32,
    /// The line ends like a sentence: `.`, `!`, `?`, `…`, `:` or a closing quote after one.
    pub terminal: bool,
    /// The line has a sentence break inside (`. ` followed by more text).
    pub inner_sentence: bool,
    /// Characters of rendered text that were link anchors.
    pub link_chars: u32,
    /// Markdown links and images on the line.
    pub links: u32,
    /// Markdown images on the line.
    pub images: u32,
    /// Starts with a list bullet (`*`, `•`, `-`, `+`, `·`, `▪`).
    pub bullet: bool,
    /// The line had text, but nothing is left once markup is rendered away.
    pub markup_only: bool,
}

impl Features {
    /// Share of the words that are stop words (0 for a line without words).
    pub fn stop_density(&self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.stop_words as f32 / self.words as f32
        }
    }

    /// Share of the characters that are link anchor text.
    pub fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }

    /// Share of the words that are capitalised.
    pub fn capital_ratio(&self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.capitalised as f32 / self.words as f32
        }
    }
}

/// Stop-word hits of one line, per language (later reduced to the page's).
pub type StopCounts = [u16; LANGUAGES.len()];

/// Measures one rendered line. Returns the features (without `stop_words`,
/// which needs the page language) and the stop-word hits per language.
pub fn measure(text: &str, stop: &StopWords) -> (Features, StopCounts) {
    let mut f = Features {
        chars: text.chars().count() as u32,
        ..Features::default()
    };
    let mut counts: StopCounts = [0; LANGUAGES.len()];
    let bullet = bullet_len(text);
    f.bullet = bullet > 0;
    for word in text[bullet..]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let mut chars = word.chars();
        let first = chars.next().unwrap_or(' ');
        let has_letter = first.is_alphabetic() || word.chars().any(char::is_alphabetic);
        f.digits += word.bytes().filter(u8::is_ascii_digit).count() as u32;
        if !has_letter {
            continue;
        }
        f.words += 1;
        if first.is_uppercase() {
            f.capitalised += 1;
        }
        let mask: LangMask = stop.mask(word);
        if mask != 0 {
            // Saturating: a multi-megabyte line can hold more than 65,535 stop
            // words, and its density is that of prose either way.
            for (i, count) in counts.iter_mut().enumerate() {
                *count = count.saturating_add(((mask >> i) & 1) as u16);
            }
        }
    }
    let trimmed_end = text.trim_end_matches(['"', '”', '’', '\'', ')', '»', '“', '*', '_']);
    f.terminal = trimmed_end.ends_with(['.', '!', '?', '…', ':', ';', '。', '！', '？']);
    f.inner_sentence = text
        .match_indices(['.', '!', '?'])
        .any(|(i, _)| text[i + 1..].starts_with(' ') && i + 2 < text.len());
    (f, counts)
}

/// Length in bytes of a list bullet opening `text` (with its space), or 0.
/// Converters write `*`, `•`, `-`, `+`, `·`; inscriptis nests `*`, `+`, `o`.
fn bullet_len(text: &str) -> usize {
    let mut chars = text.char_indices();
    match (chars.next(), chars.next()) {
        (Some((_, c)), Some((i, ' ')))
            if matches!(c, '*' | '•' | '-' | '+' | '·' | '▪' | '◦' | '–' | 'o') =>
        {
            // `o` is a word in some languages; as a bullet it precedes a capital.
            let next_upper = text[i + 1..].chars().next().is_some_and(char::is_uppercase);
            if c != 'o' || next_upper {
                i + 1
            } else {
                0
            }
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_has_many_stop_words_and_ends_in_a_period() {
        let (f, counts) = measure(
            "The question is whether it is over, and what comes next.",
            StopWords::get(),
        );
        assert_eq!(f.words, 11);
        assert!(counts[0] >= 6, "{counts:?}");
        assert!(f.terminal);
    }

    #[test]
    fn a_menu_is_capitalised_and_unpunctuated() {
        let (f, _) = measure("Home Politics Politics News", StopWords::get());
        assert_eq!(f.capitalised, 4);
        assert!(!f.terminal);
        let (f, _) = measure("* Sign in", StopWords::get());
        assert!(f.bullet);
    }
}
