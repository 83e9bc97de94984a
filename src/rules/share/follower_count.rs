use crate::rules::text::regex;
use crate::rules::text::{last_word, word_in};
use crate::rules::{declare_rule, shorten, Context, Marks};

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

static COUNT: Lazy<Regex> = Lazy::new(|| {
    regex(
        r"(?i)^(?:[\w .-]{0,20}\s)?\d[\d.,]*\s*[km]?\+?\s*(?:followers|follower|fans|likes|subscribers|abonnenten|abonnés|seguidores|obserwujących|views|shares)$",
    )
});

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

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, text, f) in cx.lines() {
            if f.digits > 0
                && text.len() <= 60
                && word_in(last_word(text), &COUNTED)
                && COUNT.is_match(text)
            {
                out.remove(i, format!("social counter: \"{}\"", shorten(text, 40)));
            }
        }
    }
}
