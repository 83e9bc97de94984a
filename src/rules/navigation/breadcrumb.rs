use crate::byte_pairs::or_pairs;
use crate::rules::text::{
    ascii_openings, is_tag_line, may_open_with, strip_prefix_ignore_case, without_bullet, Openings,
};
use crate::rules::{declare_rule, Context, Marks};

/// Words that open a breadcrumb trail.
const HOME_WORDS: [&str; 10] = [
    "home",
    "startseite",
    "start",
    "accueil",
    "inicio",
    "portada",
    "home page",
    "strona główna",
    "início",
    "homepage",
];
/// The first two bytes of [`HOME_WORDS`].
const HOME_OPENINGS: Openings = ascii_openings(&HOME_WORDS);

/// Separators between the steps of a trail.
/// Trail separators, in order of preference (the byte counts below follow it).
const SEPARATORS: [char; 7] = ['»', '›', '>', '→', '/', '|', '·'];

declare_rule! {
    /// Breadcrumb trails and one-line menus.
    ///
    /// **What it removes:** a line starting with "Home" (or "Startseite",
    /// "Accueil", "Inicio"…) followed by up to 14 capitalised words without
    /// sentence punctuation; a line of three or more short steps joined by `»`,
    /// `›`, `>`, `/` or `|` (no digits, which tables have); and a line of
    /// eight or more capitalised words with
    /// hardly any stop words and no punctuation (a menu printed on one line).
    ///
    /// **Why it is noise:** it shows where the page sits in the site, not what it says.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - Home Politics Politics News
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Home » Feature Story » General » LLMs worse than babies in field of AI
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Home Aktuell Unfälle Newsflash Kantonsübersicht Verkehr Feuerwehr Aufrufe
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + Home prices rose again in March, the third monthly increase in a row, according to the figures.
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + <div id="mocha"></div>
    /// + <script src="vendor/mocha.js"></script>
    /// …
    /// ```
    ///
    /// **Keeps:** sentences that start with "Home" ("Home prices rose again in
    /// March."), headings written in title case with function words, and lines
    /// of HTML markup a post quotes (`<script src="vendor/mocha.js"></script>`),
    /// whose `>` are not a trail's separators.
    ///
    /// **Languages:** any; the trail openers cover en, de, fr, es, pt, pl.
    pub struct Breadcrumb {
        code: "NAV001",
        name: "breadcrumb",
        family: Navigation,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, text, f) in cx.lines() {
            if f.words == 0 || f.words > 40 || is_tag_line(text) {
                continue;
            }
            // A separated trail holds no digit (see `is_separated_trail`):
            // the line's count of them spares a line with one the byte scan.
            let may_be_separated = f.digits == 0;
            let why = if is_home_trail(text, f.words, f.terminal()) {
                "breadcrumb trail"
            } else if may_be_separated && is_separated_trail(text) {
                "navigation trail"
            } else if is_menu_line(text, f) {
                "one-line menu"
            } else {
                continue;
            };
            out.remove_quoting(i, why, 60);
        }
    }
}

fn is_home_trail(text: &str, words: u32, terminal: bool) -> bool {
    if !(2..=15).contains(&words) || terminal {
        return false;
    }
    let text = without_bullet(text);
    // Every home word opens with an ASCII letter.
    let first = text.as_bytes().first().map(u8::to_ascii_lowercase);
    if !first.is_some_and(|b| b.is_ascii()) || !may_open_with(text, &HOME_OPENINGS) {
        return false;
    }
    let Some(rest) = HOME_WORDS.iter().find_map(|h| {
        // Only the words of the line's first letter are compared.
        (h.as_bytes().first() == first.as_ref())
            .then(|| strip_prefix_ignore_case(text, h))
            .flatten()
            .filter(|r| r.is_empty() || r.starts_with([' ', '»', '›', '>', '/', '|']))
    }) else {
        return false;
    };
    if rest.contains([',', '.']) {
        return false;
    }
    // Every remaining word is capitalised or a separator.
    rest.split_whitespace()
        .filter(|w| w.chars().any(crate::chars::is_alphanumeric))
        .all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
}

fn is_separated_trail(text: &str) -> bool {
    // Every separator is ASCII or starts with byte C2 or E2: vector scans
    // visit only those bytes, and most lines hold none.
    let b = text.as_bytes();
    // One vector loop over the byte pairs rules out the lines without any.
    let any = or_pairs(b, b' ', |x, next| {
        u8::from(matches!(x, b'>' | b'/' | b'|'))
            | (u8::from(x == 0xC2) & u8::from(matches!(next, 0xBB | 0xB7)))
            | (u8::from(x == 0x80) & u8::from(next == 0xBA))
            | (u8::from(x == 0x86) & u8::from(next == 0x92))
    });
    if any == 0 {
        return false;
    }
    let mut counts = [0u32; SEPARATORS.len()];
    for i in memchr::memchr3_iter(b'>', b'/', b'|', b) {
        counts[match b[i] {
            b'>' => 2,
            b'/' => 4,
            _ => 5,
        }] += 1;
    }
    for i in memchr::memchr2_iter(0xC2, 0xE2, b) {
        let k = if b[i] == 0xC2 {
            match b.get(i + 1) {
                Some(0xBB) => 0,
                Some(0xB7) => 6,
                _ => continue,
            }
        } else {
            match (b.get(i + 1), b.get(i + 2)) {
                (Some(0x80), Some(0xBA)) => 1,
                (Some(0x86), Some(0x92)) => 3,
                _ => continue,
            }
        };
        counts[k] += 1;
    }
    let Some(sep) = SEPARATORS
        .iter()
        .zip(counts)
        .find(|(_, n)| *n >= 2)
        .map(|(s, _)| *s)
    else {
        return false;
    };
    let steps: Vec<&str> = text.split(sep).map(str::trim).collect();
    // Table rows rendered with `|` hold numbers; trails hold words.
    steps.len() >= 3
        && steps.iter().all(|s| s.split_whitespace().count() <= 8)
        && !text.contains("://")
        && !steps.iter().any(|s| s.chars().any(|c| c.is_ascii_digit()))
}

fn is_menu_line(text: &str, f: &crate::features::Features) -> bool {
    // Product names and title-case headings run to five or six words; menus run longer.
    f.words >= 8
        && !f.terminal()
        && !f.inner_sentence()
        && f.digits == 0
        && u32::from(f.capitalised) == f.words
        && f.stop_words * 10 <= f.words
        && !text.contains(',')
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::verdict_in_article;

    #[test]
    fn removes_breadcrumbs_and_menus() {
        assert_eq!(
            verdict_in_article("Home Politics Politics News"),
            Some("NAV001")
        );
        assert_eq!(
            verdict_in_article(
                "Home » Feature Story » General » LLMs worse than babies in field of AI"
            ),
            Some("NAV001")
        );
        assert_eq!(
            verdict_in_article(
                "Home Aktuell Unfälle Newsflash Kantonsübersicht Verkehr Feuerwehr Aufrufe"
            ),
            Some("NAV001")
        );
    }

    #[test]
    fn every_separator_is_counted() {
        for sep in super::SEPARATORS {
            let trail = format!("News {sep} World {sep} Europe {sep} France");
            assert!(super::is_separated_trail(&trail), "{trail}");
        }
        assert!(!super::is_separated_trail("Paris – Lyon – Marseille"));
    }

    proptest::proptest! {
        /// What lets `apply` skip the scan on lines with a digit.
        #[test]
        fn a_line_with_a_digit_is_no_separated_trail(
            steps in proptest::collection::vec("[A-Za-z0-9 ]{1,12}", 3..6),
            sep in proptest::sample::select(&super::SEPARATORS[..]),
        ) {
            let line = steps.join(&format!(" {sep} "));
            if line.bytes().any(|b| b.is_ascii_digit()) {
                proptest::prop_assert!(!super::is_separated_trail(&line));
            }
        }
    }

    #[test]
    fn keeps_sentences_starting_with_home() {
        let line = "Home prices rose again in March, the third monthly increase in a row, according to the figures.";
        assert_eq!(verdict_in_article(line), None);
    }
}
