use crate::rules::{declare_rule, Context, Marks, PhraseList, Rule, RuleInfo};
use once_cell::sync::Lazy;

static PHRASES: Lazy<PhraseList> =
    Lazy::new(|| PhraseList::parse(include_str!("../data/cookie.phrases")));

/// Consent banners run long, but not as long as a real paragraph about privacy.
const MAX_WORDS: u32 = 90;

declare_rule! {
    /// Cookie banners and consent dialogs.
    ///
    /// **What it removes:** lines of up to 90 words with a consent phrase
    /// ("We use cookies", "Accept all", "Necessary cookies are absolutely
    /// essential…", "Diese Website verwendet Cookies"). A line of over 12 words
    /// needs a phrase that names cookies and either addresses the reader ("we",
    /// "you", "Sie", "vous") or stands next to another line of the banner.
    ///
    /// **Why it is noise:** the banner is the site's, printed on every page.
    ///
    /// **Example:** `Functional cookies help to perform certain functionalities like
    /// sharing the content of the website on social media platforms.` is removed.
    ///
    /// **Keeps:** an article about cookies or consent law whose sentences do not
    /// read like a banner ("Regulators fined the company for how it asked for consent.").
    ///
    /// **Languages:** en, de, fr, es, it, pt, nl, pl (`data/cookie.phrases`).
    pub struct ConsentNotice {
        code: "CKE001",
        name: "consent-notice",
        family: Cookie,
    }
}

impl Rule for ConsentNotice {
    fn info(&self) -> &RuleInfo {
        Self::info()
    }

    fn triggers(&self) -> Vec<String> {
        PHRASES.entries().to_vec()
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        // Per line with hits: (line, phrases, whether one names cookies).
        let mut lines: Vec<(usize, Vec<usize>, bool)> = Vec::new();
        for t in cx.triggers {
            if lines.last().map(|l| l.0) != Some(t.line) {
                lines.push((t.line, Vec::new(), false));
            }
            let entry = lines.last_mut().expect("pushed above");
            if !entry.1.contains(&t.phrase) {
                entry.1.push(t.phrase);
            }
            entry.2 |= PHRASES.get(t.phrase).contains("cookie");
        }
        let has_hits = |line: Option<usize>| line.is_some_and(|l| lines.iter().any(|e| e.0 == l));
        for (line, phrases, names_cookies) in &lines {
            let words = cx.page.features[*line].words;
            let in_banner =
                has_hits(cx.page.prev_text(*line)) || has_hits(cx.page.next_text(*line));
            let addresses_reader = speaks_to_reader(&cx.page.text[*line]);
            let enough = words <= 12 || (*names_cookies && (addresses_reader || in_banner));
            if words <= MAX_WORDS && enough {
                out.remove(
                    *line,
                    format!("cookie or consent notice: \"{}\"", PHRASES.get(phrases[0])),
                );
            }
        }
    }
}

/// Banners speak as "we" to "you"; articles about cookies report in the third person.
fn speaks_to_reader(text: &str) -> bool {
    const PRONOUNS: [&str; 24] = [
        "we",
        "our",
        "us",
        "you",
        "your",
        "wir",
        "unsere",
        "uns",
        "sie",
        "ihre",
        "ihnen",
        "nous",
        "notre",
        "nos",
        "vous",
        "votre",
        "utilizamos",
        "usamos",
        "nuestro",
        "nuestra",
        "usted",
        "noi",
        "nostro",
        "wij",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| PRONOUNS.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::verdict_in_article;

    #[test]
    fn removes_cookie_banner_text() {
        let line = "We use cookies to ensure that we give you the best experience on our website. If you continue to use this site we will assume that you are happy with it.";
        assert_eq!(verdict_in_article(line), Some("CKE001"));
        let banner = "Functional cookies help to perform certain functionalities like sharing the content of the website on social media platforms, collect feedbacks, and other third-party features.\nNecessary cookies are absolutely essential for the website to function properly.";
        let page = crate::rules::testing::embed(banner);
        let first = banner.lines().next().unwrap();
        assert_eq!(crate::rules::testing::verdict(&page, first), Some("CKE001"));
    }

    #[test]
    fn keeps_news_about_consent() {
        let line = "Privacy campaigners said that asking readers to accept all cookies before they can read the news is unfair, and that the rules should change.";
        assert_eq!(verdict_in_article(line), None);
    }
}
