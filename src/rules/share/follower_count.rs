use crate::rules::text::regex;
use crate::rules::text::{last_word, word_in};
use crate::rules::{declare_rule, Context, Marks};

/// What the counters count (the last word of `COUNT`).
const COUNTED: [&str; 12] = [
    "followers",
    "follower",
    "fans",
    "likes",
    "subscribers",
    "abonnenten",
    "abonnés",
    "seguidores",
    "obserwujących",
    "views",
    "shares",
    "abonnes",
];
use once_cell::sync::Lazy;
use regex::Regex;

/// A number and what it counts, the whole rest of the line.
static COUNT: Lazy<Regex> = Lazy::new(|| {
    regex(
        r"(?i)^\d[\d.,]*\s*[km]?\+?\s*(?:followers|follower|fans|likes|subscribers|abonnenten|abonnés|seguidores|obserwujących|views|shares)$",
    )
});

/// Characters of the name that may stand before the count (`Facebook`,
/// `Jo Bloggs`).
const MAX_NAME_CHARS: usize = 20;

/// Whether `text` is a counter: a short name (up to [`MAX_NAME_CHARS`]
/// word characters, spaces, dots and hyphens) and a space, or nothing,
/// then a number and what it counts. The name is checked here rather than
/// as `[\w .-]{0,20}` in the pattern, whose twenty Unicode classes made it
/// the costliest of the crate's patterns to compile.
fn is_counter(text: &str) -> bool {
    for (chars, (at, c)) in text.char_indices().enumerate() {
        if chars > MAX_NAME_CHARS + 1 {
            return false;
        }
        if !c.is_numeric() || !name_before(&text[..at]) {
            continue;
        }
        if COUNT.is_match(&text[at..]) {
            return true;
        }
    }
    false
}

/// Whether `prefix` is empty or a name and a whitespace character.
fn name_before(prefix: &str) -> bool {
    let mut chars = prefix.chars();
    match chars.next_back() {
        None => true,
        Some(space) => {
            space.is_whitespace()
                && chars.all(|c| matches!(c, ' ' | '.' | '-') || regex_syntax::is_word_character(c))
        }
    }
}

declare_rule! {
    /// Follower, fan and share counters of social widgets.
    ///
    /// **What it removes:** a short line that is a number followed by
    /// "followers", "fans", "likes", "subscribers", "Abonnenten", "seguidores"…
    ///
    /// **Why it is noise:** it is the counter of a social button.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - 12.5K Followers
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Facebook 1,204 likes
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + The band now has more than 2 million followers on Instagram, twice as many as a year ago.
    /// …
    /// ```
    ///
    /// **Keeps:** sentences with counts ("The band has 2 million followers on Instagram.").
    ///
    /// **Languages:** en, de, fr, es, pl.
    pub struct FollowerCount {
        code: "SHR003",
        name: "follower-count",
        family: Share,
    }

    fn prepare(&self) {
        Lazy::force(&COUNT);
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, text, f) in cx.lines() {
            if f.digits > 0
                && text.len() <= 60
                && word_in(last_word(text), &COUNTED)
                && is_counter(text)
            {
                out.remove_quoting(i, "social counter", 40);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The name-and-count pattern as one regular expression: what
    /// [`is_counter`] computes, at twenty times the cost to compile.
    static ONE_PATTERN: Lazy<Regex> = Lazy::new(|| {
        regex(
            r"(?i)^(?:[\w .-]{0,20}\s)?\d[\d.,]*\s*[km]?\+?\s*(?:followers|follower|fans|likes|subscribers|abonnenten|abonnés|seguidores|obserwujących|views|shares)$",
        )
    });

    #[test]
    fn the_name_check_agrees_with_the_one_pattern() {
        let whole = &*ONE_PATTERN;
        let names = [
            "",
            "Facebook ",
            "Facebook\t",
            "Jo Bloggs-Smith ",
            "Ölçek Ünlü ",
            "Страница ",
            "twenty chars exactly ",
            "twenty-one characters ",
            "a.b c ",
            "x,y ",
            "@handle ",
            "Facebook",
            "12 ",
            "1 2 3 ",
            "#1 ",
            "名前 ",
            "  ",
        ];
        let counts = [
            "12.5K Followers",
            "1,204 likes",
            "3 fans",
            "٣ followers",
            "12 m+ views",
            "2 million followers",
            "4 abonnés",
            "5followers",
            "1.2k",
        ];
        for name in names {
            for count in counts {
                let text = format!("{name}{count}");
                assert_eq!(is_counter(&text), whole.is_match(&text), "{text:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_name_check_agrees_on_any_short_line(
            text in "[a-zA-ZÖß .,\t\u{a0}@#1-9٣km+-]{0,26}(followers|Likes|fans)?"
        ) {
            proptest::prop_assert_eq!(is_counter(&text), ONE_PATTERN.is_match(&text));
        }
    }
}
