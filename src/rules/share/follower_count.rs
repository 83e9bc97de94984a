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
    Regex::new(
        r"(?i)^(?:[\w .-]{0,20}\s)?\d[\d.,]*\s*[km]?\+?\s*(?:followers|follower|fans|likes|subscribers|abonnenten|abonnés|seguidores|obserwujących|views|shares)$",
    )
    .expect("valid regex")
});

declare_rule! {
    /// Follower, fan and share counters of social widgets.
    ///
    /// **What it removes:** a short line that is a number followed by
    /// "followers", "fans", "likes", "subscribers", "Abonnenten", "seguidores"…
    ///
    /// **Why it is noise:** it is the counter of a social button.
    ///
    /// **Example:** `12.5K Followers` is removed.
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
        for (i, text) in cx.page.text.iter().enumerate() {
            if cx.page.features[i].digits > 0
                && text.len() <= 60
                && word_in(last_word(text), &COUNTED)
                && COUNT.is_match(text)
            {
                out.remove(i, format!("social counter: \"{}\"", shorten(text, 40)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::verdict_in_article;

    #[test]
    fn removes_counters() {
        assert_eq!(verdict_in_article("12.5K Followers"), Some("SHR003"));
        assert_eq!(verdict_in_article("Facebook 1,204 likes"), Some("SHR003"));
    }

    #[test]
    fn keeps_counts_in_sentences() {
        let line = "The band now has more than 2 million followers on Instagram, twice as many as a year ago.";
        assert_eq!(verdict_in_article(line), None);
    }
}
