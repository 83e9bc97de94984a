//! Per-line features: the shape of a line, measured once and shared by every
//! rule and by the content classifier.

use crate::chars::{self, CASE_LOWER};
use crate::lang::{LangMask, StopWords, LANGUAGES};
use crate::word_masks;

#[cfg(test)]
mod by_char;

/// What a line looks like, measured on its rendered text (markup removed).
///
/// Every line of a page has one, held while the page is cleaned: 24 bytes,
/// the yes-or-no features packed in one byte and the counts the rules only
/// compare with a few narrowed to what those comparisons need.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Characters of rendered text.
    pub chars: u32,
    /// Tokens that contain a letter.
    pub words: u32,
    /// Words that are stop words of the page's language (see [`crate::lang`]).
    pub stop_words: u32,
    /// Characters of rendered text that were link anchors.
    pub link_chars: u32,
    /// Words that start with an upper-case letter (at most 65,535 counted).
    pub capitalised: u16,
    /// Words of two or more bytes and no lower-case letter (`NASA`,
    /// `UPDATE`), counted where Title Case is in question (see
    /// [`TITLE_CAPITALS`]) and 0 elsewhere (at most 65,535 counted).
    pub shouted: u16,
    /// ASCII digits (at most 255 counted: the rules ask for a few).
    pub digits: u8,
    /// Places where a lower-case character is followed by an upper-case
    /// one (`partnershipsChallenges`), after the bullet; at most 255
    /// counted (the rules ask for a few).
    pub case_joins: u8,
    /// The `TERMINAL` to `IMAGES` bits below.
    flags: u8,
}

/// The line ends like a sentence: `.`, `!`, `?`, `…`, `:` or a closing quote after one.
const TERMINAL: u8 = 1;
/// The line has a sentence break inside (`. ` followed by more text).
const INNER_SENTENCE: u8 = 2;
/// Starts with a list bullet (see [`BULLETS`]).
const BULLET: u8 = 4;
/// The line had text, but nothing is left once markup is rendered away.
const MARKUP_ONLY: u8 = 8;
/// The line has a Markdown link or image.
const LINKS: u8 = 16;
/// The line has a Markdown image.
const IMAGES: u8 = 32;

/// A count narrowed to a byte, the largest standing for itself and more.
fn saturating_u8(n: usize) -> u8 {
    u8::try_from(n).unwrap_or(u8::MAX)
}

/// A line of this many words or more, four in five of them capitalised
/// and fewer than half shouted (all capitals), is set in Title Case: a
/// teaser's headline (`Assassin's Creed III Is A Bummer! No, It's Not!`),
/// never a paragraph, however long and punctuated. German capitalises its
/// nouns: at 0.7 three German pages of dev lost 0.17 each; at 0.9 dev_ext
/// lost what 0.8 gains (README, "Thresholds").
pub(crate) const TITLE_MIN_WORDS: u32 = 5;
pub(crate) const TITLE_CAPITALS: f32 = 0.8;

/// `text` without the quotes, brackets and emphasis that may close a
/// sentence after its punctuation (`…end."`, `(…end.)`, `*…end.*`), and
/// without the invisible characters some editors leave at a line's end (the
/// invisible separator that posts copied from Instagram end every line
/// with, a zero-width space or joiner, a byte-order mark).
pub(crate) fn without_closers(text: &str) -> &str {
    // Most lines end in a letter or a full stop: nothing to trim.
    match text.as_bytes().last() {
        Some(b) if b.is_ascii() && !b"\"')*_".contains(b) => return text,
        None => return text,
        _ => {}
    }
    text.trim_end_matches([
        '"', '”', '’', '\'', ')', '»', '“', '*', '_', '\u{200B}', '\u{2060}', '\u{2063}',
        '\u{FEFF}',
    ])
}

/// Whether a line reads as a paragraph's sentences rather than a headline
/// or a blurb of contact details: it has a sentence break inside, or ends
/// with a full stop or an exclamation mark (an ellipsis ends a cut-off
/// teaser; a colon, a list's lead-in; a lone question, a headline: `Will
/// she be allowed to wear the tiara?`). On dev, counting questions kept
/// two pages' teaser headlines as further parts (−0.3 each) and one Q&A
/// question (+0.33).
pub(crate) fn ends_sentence(text: &str, f: &Features) -> bool {
    f.inner_sentence() || closes_sentence(text)
}

/// Whether the line's last sentence is closed: it ends with a full stop or
/// an exclamation mark, not an ellipsis (a cut-off teaser dek).
pub(crate) fn closes_sentence(text: &str) -> bool {
    let end = without_closers(text.trim_end());
    // Every script's full stop closes one; the Arabic question mark, like
    // the Latin one, does not.
    (end.ends_with(['.', '!']) && !end.ends_with("..."))
        || end.ends_with(|c: char| c != '؟' && SCRIPT_STOPS.contains(&c))
}

impl Features {
    fn flag(&self, bit: u8) -> bool {
        self.flags & bit != 0
    }

    fn set_flag(&mut self, bit: u8, on: bool) {
        if on {
            self.flags |= bit;
        } else {
            self.flags &= !bit;
        }
    }

    /// The line ends like a sentence: `.`, `!`, `?`, `…`, `:` or a closing
    /// quote after one.
    #[inline]
    pub fn terminal(&self) -> bool {
        self.flag(TERMINAL)
    }

    /// The line has a sentence break inside (`. ` followed by more text).
    #[inline]
    pub fn inner_sentence(&self) -> bool {
        self.flag(INNER_SENTENCE)
    }

    /// Starts with a list bullet (see [`BULLETS`]).
    #[inline]
    pub fn bullet(&self) -> bool {
        self.flag(BULLET)
    }

    /// The line had text, but nothing is left once markup is rendered away.
    #[inline]
    pub fn markup_only(&self) -> bool {
        self.flag(MARKUP_ONLY)
    }

    /// The line has a Markdown link or image.
    #[inline]
    pub fn has_links(&self) -> bool {
        self.flag(LINKS)
    }

    /// The line has a Markdown image.
    #[inline]
    pub fn has_images(&self) -> bool {
        self.flag(IMAGES)
    }

    /// Records what rendering the line's markup found: whether it had
    /// links and images, and whether any text was left.
    pub(crate) fn set_markup(&mut self, links: bool, images: bool, markup_only: bool) {
        self.set_flag(LINKS, links);
        self.set_flag(IMAGES, images);
        self.set_flag(MARKUP_ONLY, markup_only);
    }

    /// Whether enough of the words are capitalised for Title Case, whether
    /// or not they are shouted.
    fn mostly_capitalised(&self) -> bool {
        self.words >= TITLE_MIN_WORDS && self.capital_ratio() >= TITLE_CAPITALS
    }

    /// Whether the line is set in Title Case (see [`TITLE_CAPITALS`]): a
    /// headline, not a paragraph.
    pub(crate) fn is_title_case(&self) -> bool {
        self.mostly_capitalised() && u32::from(self.shouted) * 2 < self.words
    }

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

/// Han characters and Japanese kana: scripts written without spaces.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// The sentence ends of scripts that do not use the Latin full stop: the
/// danda and double danda (Hindi, Bengali and the other Indic scripts), the
/// Arabic question mark, the Urdu full stop, and the Burmese and Khmer
/// full stops. Without them a paragraph in those scripts reads as one long
/// line without a sentence.
const SCRIPT_STOPS: [char; 6] = ['।', '॥', '؟', '۔', '။', '។'];

/// Below this no character is CJK, Thai-like or a script's full stop.
const FIRST_SPECIAL_SCRIPT: char = '\u{0600}';
/// Above this no character is one of [`SCRIPT_STOPS`].
const LAST_SCRIPT_STOP: char = '\u{17FF}';

/// Thai, Lao, Burmese and Khmer: alphabets written without spaces between
/// words; a space there parts phrases and sentences.
fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}'
        | '\u{1000}'..='\u{109F}'
        | '\u{1780}'..='\u{17FF}')
}

/// Characters of those scripts per word (Thai words average four to five
/// characters, vowel and tone marks included).
const UNSPACED_CHARS_PER_WORD: u32 = 4;
/// A run of those scripts at least this long between spaces is a phrase of
/// a sentence; a menu's entries (`หน้าแรก`, Home) are shorter. Two in a
/// line read as sentences.
const UNSPACED_PHRASE_CHARS: u32 = 15;

/// Characters of Chinese or Japanese text per two words: segmented Chinese
/// corpora average about 1.5 to 1.6 characters a word.
const CJK_CHARS_PER_TWO_WORDS: u32 = 3;
/// What one such character counts for in [`Features::chars`].
const CJK_CHAR_WEIGHT: u32 = 3;

/// Stop-word hits of one line, per language (later reduced to the page's).
pub type StopCounts = [u16; LANGUAGES.len()];

/// Stop-word hits of one line: per language, and which languages have any.
#[derive(Debug, Clone, Copy)]
pub struct StopHits {
    pub counts: StopCounts,
    /// The languages whose count is above 0.
    pub langs: LangMask,
}

/// What a line holds of the scripts counted apart from words: Chinese and
/// Japanese, Thai and its neighbours, and the scripts' own full stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scripts {
    /// Chinese and Japanese characters.
    pub cjk: u32,
    /// Thai-like characters.
    pub unspaced: u32,
    /// Runs of Thai-like characters of a phrase's length.
    pub phrases: u32,
    /// The length of the last such run, and where it ends.
    pub run: u32,
    pub run_end: usize,
    /// Where the first full stop of a script without Latin punctuation ends.
    pub script_stop_end: Option<usize>,
}

impl Scripts {
    fn new() -> Scripts {
        Scripts {
            cjk: 0,
            unspaced: 0,
            phrases: 0,
            run: 0,
            run_end: usize::MAX,
            script_stop_end: None,
        }
    }

    /// Whether `c`, at byte `at`, is one of these; counts it if so. The
    /// word loop hands over every character beyond ASCII, in order.
    fn count(&mut self, at: usize, c: char) -> bool {
        if c < FIRST_SPECIAL_SCRIPT {
            // Latin, Greek, Cyrillic, Hebrew: the common case.
            return false;
        }
        let end = at + c.len_utf8();
        if is_cjk(c) {
            self.cjk += 1;
        } else if is_unspaced(c) {
            self.unspaced += 1;
            // A run goes on only from the character before.
            self.run = if self.run_end == at { self.run + 1 } else { 1 };
            self.run_end = end;
            self.phrases += u32::from(self.run == UNSPACED_PHRASE_CHARS);
        } else if c <= LAST_SCRIPT_STOP && SCRIPT_STOPS.contains(&c) {
            self.script_stop_end.get_or_insert(end);
        } else {
            return false;
        }
        true
    }
}

/// Measures one rendered line. Returns the features (without `stop_words`,
/// which needs the page language) and the stop-word hits per language.
pub fn measure(text: &str, stop: &StopWords) -> (Features, StopHits) {
    let mut f = Features::default();
    let bullet = bullet_len(text);
    f.set_flag(BULLET, bullet > 0);
    let bytes = text.as_bytes();
    let mut scripts = Scripts::new();
    let w = word_masks::scan(text, bullet, stop, |at, c| scripts.count(at, c));
    f.words = w.words;
    let after_bullet = bytes.len().saturating_sub(bullet) - w.continuation;
    f.chars = (text[..bullet].chars().count() + after_bullet) as u32;
    f.capitalised = u16::try_from(w.capitalised).unwrap_or(u16::MAX);
    f.case_joins = saturating_u8(w.case_joins);
    f.digits = saturating_u8(w.digits);
    if scripts.cjk > 0 {
        // Chinese and Japanese are written without spaces: a word is about
        // one and a half characters, and a character carries about what three
        // letters of a European language do, so that lengths compare across
        // scripts.
        f.words += (scripts.cjk * 2).div_ceil(CJK_CHARS_PER_TWO_WORDS);
        f.chars += scripts.cjk * (CJK_CHAR_WEIGHT - 1);
    }
    if scripts.unspaced > 0 {
        f.words += scripts.unspaced.div_ceil(UNSPACED_CHARS_PER_WORD);
    }
    // Shouted words matter only where Title Case is in question: the words
    // are looked at again there alone, which keeps the loop above lean.
    if f.mostly_capitalised() {
        let shouted = text
            .split(|c: char| !chars::is_alphanumeric(c))
            .filter(|w| w.len() >= 2 && w.chars().any(chars::is_alphabetic))
            .filter(|w| !w.chars().any(|c| chars::class(c) & CASE_LOWER != 0))
            .count();
        f.shouted = u16::try_from(shouted).unwrap_or(u16::MAX);
    }
    let trimmed_end = without_closers(text);
    let mut terminal = trimmed_end.ends_with(['.', '!', '?', '…', ':', ';', '。', '！', '？'])
        || trimmed_end.ends_with(SCRIPT_STOPS);
    // Found by the word loop, which starts after the bullet: no bullet
    // holds a stop.
    let inner_sentence = w.sentence_break
        || (scripts.cjk > 0
            && text
                .match_indices(['。', '！', '？'])
                .any(|(i, p)| i + p.len() < trimmed_end.len()))
        || scripts
            .script_stop_end
            .is_some_and(|end| end < trimmed_end.len())
        || scripts.phrases >= 2;
    // Thai and Lao have no full stop: a line of phrases that ends in one
    // (not in a number or a label's colon) closes its last sentence.
    terminal |= scripts.phrases >= 2
        && scripts.run_end == text.len()
        && scripts.run >= UNSPACED_PHRASE_CHARS;
    f.set_flag(TERMINAL, terminal);
    f.set_flag(INNER_SENTENCE, inner_sentence);
    (
        f,
        StopHits {
            counts: w.counts,
            langs: w.langs,
        },
    )
}

/// The characters that open a list item. Converters write `*`, `•`, `-`,
/// `+`, `·`; inscriptis nests `*`, `+` and `o` (which, being a word in some
/// languages, counts only before a capital).
pub(crate) const BULLETS: [char; 8] = ['*', '•', '-', '+', '·', '▪', '◦', '–'];

/// Length in bytes of a list bullet opening `text` (with its space), or 0.
fn bullet_len(text: &str) -> usize {
    let mut chars = text.char_indices();
    match (chars.next(), chars.next()) {
        (Some((_, c)), Some((i, ' '))) if BULLETS.contains(&c) || c == 'o' => {
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
    fn a_sentence_ends_with_a_full_stop_and_a_lone_question_does_not() {
        let ends = |text: &str| ends_sentence(text, &measure(text, StopWords::get()).0);
        assert!(ends("The council met on Tuesday to discuss the budget."));
        assert!(ends("“We will not resign,” the minister said.”"));
        assert!(ends("Why now? The answer lies in the budget"));
        assert!(!ends(
            "Royal wedding: Will Princess Beatrice be allowed to wear a tiara?"
        ));
        assert!(!ends("The island nation struggles with blackouts..."));
        assert!(!ends("Here is what we know:"));
        // Invisible characters after the full stop do not hide it.
        assert!(ends("Serve hot with chilies if desired.\u{2063}"));
        assert!(ends("The council met on Tuesday.\u{200B}"));
    }

    #[test]
    fn prose_has_many_stop_words_and_ends_in_a_period() {
        let (f, hits) = measure(
            "The question is whether it is over, and what comes next.",
            StopWords::get(),
        );
        assert_eq!(f.words, 11);
        assert!(hits.counts[0] >= 6, "{hits:?}");
        // The languages with hits are those counted.
        for (lang, &count) in hits.counts.iter().enumerate() {
            assert_eq!(hits.langs & (1 << lang) != 0, count > 0, "{lang}");
        }
        assert!(f.terminal());
    }

    #[test]
    fn an_empty_line_measures_as_the_defaults() {
        // `Page::analyse` gives blank lines these without measuring them.
        let (f, hits) = measure("", StopWords::get());
        assert_eq!(f, Features::default());
        assert_eq!(hits.langs, 0);
        assert_eq!(crate::markup::render("").text, "");
    }

    #[test]
    fn counts_kept_in_a_byte_stop_at_255() {
        let (f, _) = measure(&"1 aB ".repeat(300), StopWords::get());
        assert_eq!((f.digits, f.case_joins, f.words), (255, 255, 300));
        let mut f = Features::default();
        f.set_markup(true, false, true);
        assert!(f.has_links() && !f.has_images() && f.markup_only() && !f.bullet());
    }

    #[test]
    fn a_menu_is_capitalised_and_unpunctuated() {
        let (f, _) = measure("Home Politics Politics News", StopWords::get());
        assert_eq!(f.capitalised, 4);
        assert_eq!(f.shouted, 0);
        assert!(!f.terminal());
        // Words in capitals are shouted; a one-letter word is not.
        let (f, _) = measure("UPDATE: A NASA probe Landed", StopWords::get());
        assert_eq!((f.capitalised, f.shouted), (4, 2));
        let (f, _) = measure("* Sign in", StopWords::get());
        assert!(f.bullet());
    }

    #[test]
    fn scripts_without_the_latin_full_stop_end_sentences_their_own_way() {
        let stop = StopWords::get();
        // Bengali: two sentences, each closed by a danda.
        let (f, _) = measure("আজ সকালে এ ঘটনা ঘটে।পুলিশ তাকে আটক করেছে।", stop);
        assert!(f.terminal() && f.inner_sentence());
        assert!(closes_sentence("আজ সকালে এ ঘটনা ঘটে।"));
        // Hindi, one sentence; Urdu ends with its own full stop.
        let (f, _) = measure("आज सुबह यह घटना हुई।", stop);
        assert!(f.terminal() && !f.inner_sentence());
        assert!(closes_sentence("یہ واقعہ آج صبح پیش آیا۔"));
        // Without a mark a line of the same script is no sentence.
        let (f, _) = measure("আজ সকালে এ ঘটনা ঘটে", stop);
        assert!(!f.terminal() && !f.inner_sentence());
    }

    #[test]
    fn thai_words_are_counted_by_characters_and_its_phrases_make_sentences() {
        let stop = StopWords::get();
        // Two phrases of a sentence, parted by a space: about 23 words.
        let (f, _) = measure(
            "ประเทศไทยมีประชากรประมาณหกสิบเจ็ดล้านคน และกรุงเทพมหานครเป็นเมืองหลวงที่ใหญ่ที่สุดของประเทศ",
            stop,
        );
        assert_eq!(f.words, 23);
        assert!(f.inner_sentence() && f.terminal());
        // A menu's entries are short runs: no sentence.
        let (f, _) = measure("หน้าแรก ข่าว กีฬา บันเทิง เทคโนโลยี", stop);
        assert!(!f.inner_sentence() && !f.terminal());
        // One phrase alone (a headline, a caption) is no sentence either.
        let (f, _) = measure("ประเทศไทยมีประชากรประมาณหกสิบเจ็ดล้านคน", stop);
        assert!(!f.inner_sentence() && !f.terminal());
    }

    /// Tokens of the kinds the word loops tell apart: stop words in any
    /// case and script, words with letters beyond ASCII, numbers, joined
    /// cases, long words, punctuation beyond ASCII, and the scripts counted
    /// apart.
    const TOKENS: [&str; 30] = [
        "the",
        "The",
        "THE",
        "and",
        "über",
        "Für",
        "été",
        "Était",
        "и",
        "не",
        "Это",
        "żeby",
        "2024",
        "x86",
        "iPhone",
        "partnershipsChallenges",
        "ÀÉÎÕÜ",
        "straße",
        "µ",
        "Antidisestablishmentarianism",
        "abcdefghijklmnopqrstuvwxyzabcdefgh",
        "’",
        "“",
        "—",
        "\u{A0}",
        "\u{300}",
        "中文",
        "ภาษาไทย",
        "।",
        "o",
    ];

    proptest::proptest! {
        /// The word loop starts after the bullet, yet finds every sentence
        /// break of the whole line: a stop and a space with text after it.
        #[test]
        fn a_sentence_break_is_found_bullet_or_not(
            text in "([*•·o+\\-–] )?[a-z.!? ]{0,80}",
        ) {
            let b = text.as_bytes();
            let anywhere = (0..b.len()).any(|i| {
                matches!(b[i], b'.' | b'!' | b'?') && b.get(i + 1) == Some(&b' ') && i + 2 < b.len()
            });
            let (f, _) = measure(&text, StopWords::get());
            proptest::prop_assert_eq!(f.inner_sentence(), anywhere, "{:?}", text);
        }

        #[test]
        fn the_masks_count_words_as_the_loop_over_characters_does(
            tokens in proptest::collection::vec(
                (proptest::sample::select(TOKENS.to_vec()), "[ ,.!?*\\-]{0,2}"),
                0..60,
            ),
            noise in "[ a-zA-Z0-9.,'\u{80}-\u{24F}\u{370}-\u{3FF}\u{2010}-\u{2030}]{0,150}",
        ) {
            let stop = StopWords::get();
            let joined: String = tokens.iter().map(|(t, sep)| format!("{t}{sep}")).collect();
            for text in [joined.as_str(), noise.as_str(), &format!("{noise}{joined}")] {
                let bullet = bullet_len(text);
                let by_char = by_char::count_by_char(text, bullet, stop);
                let mut scripts = Scripts::new();
                let masks = word_masks::scan(text, bullet, stop, |at, c| scripts.count(at, c));
                proptest::prop_assert_eq!((masks, scripts), by_char, "{:?}", text);
            }
        }
    }

    #[test]
    fn every_ascii_byte_is_classed_by_the_masks_as_by_the_table() {
        let stop = StopWords::get();
        for b in 0..0x80u8 {
            let c = char::from(b);
            // The byte inside a word, at its edges, and across a block's end.
            let text = format!("a{c}B{c}9 xY{c}{}{c}The", "q".repeat(55));
            let by_char = by_char::count_by_char(&text, 0, stop);
            let mut scripts = Scripts::new();
            let masks = word_masks::scan(&text, 0, stop, |at, c| scripts.count(at, c));
            assert_eq!((masks, scripts), by_char, "{b:#x}");
        }
    }

    #[test]
    fn the_special_scripts_lie_in_the_range_the_word_loop_checks() {
        assert!(SCRIPT_STOPS
            .iter()
            .all(|&c| (FIRST_SPECIAL_SCRIPT..=LAST_SCRIPT_STOP).contains(&c)));
        for c in ['\u{0E00}', '\u{1000}', '\u{1780}', '\u{3040}'] {
            assert!(c >= FIRST_SPECIAL_SCRIPT);
            assert!(is_unspaced(c) || is_cjk(c));
        }
    }
}
