use crate::rules::{declare_rule, Context, Marks, PhraseList};
use once_cell::sync::Lazy;

static PHRASES: Lazy<PhraseList> =
    Lazy::new(|| PhraseList::parse(include_str!("../data/cookie.phrases")));

/// Consent banners run long, but not as long as a real paragraph about privacy…
const MAX_WORDS: u32 = 90;
/// …except the settings dialog of consent plugins, which explains its cookie
/// categories to "you" at length.
const MAX_WORDS_ADDRESSING_READER: u32 = 130;
/// A banner line's neighbours: this many text lines either side (a dialog
/// puts switch labels such as "Necessary Always Enabled" between its lines).
const BANNER_REACH: usize = 2;

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
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - We use cookies to ensure that we give you the best experience on our website. If you continue to use this site we will assume that you are happy with it.
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - This website uses cookies to improve your experience while you navigate through the website. Out of these cookies, the cookies that are categorized as necessary are stored on your browser as they are essential for the working of basic functionalities of the website. We also use third-party cookies that help us analyze and understand how you use this website. These cookies will be stored in your browser only with your consent. You also have the option to opt-out of these cookies. But opting out of some of these cookies may have an effect on your browsing experience.
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + The regulator said that sites which ask readers to accept cookies must offer a refusal that is as easy to find as the button that accepts them, and that the consent must be freely given. Publishers argued that advertising pays for the news and that readers who refuse tracking could still be shown ads that are not personalised. The court sided with the regulator on most points, and gave the publishers six months to change the way their banners look and work, after which fines of up to four per cent of turnover may apply.
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + Privacy campaigners said that asking readers to accept all cookies before they can read the news is unfair, and that the rules should change.
    /// …
    /// ```
    ///
    /// **Keeps:** an article about cookies or consent law whose sentences do not
    /// read like a banner ("Regulators fined the company for how it asked for consent.").
    ///
    /// **Languages:** en, de, fr, es, it, pt, nl, pl (`data/cookie.phrases`).
    pub struct ConsentNotice {
        code: "CKE001",
        name: "consent-notice",
        family: Cookie,
        triggers: PHRASES.entries().to_vec(),
        max_words: MAX_WORDS_ADDRESSING_READER,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        // Per line with hits: (line, phrases, whether one names cookies).
        let mut lines: Vec<(usize, Vec<usize>, bool)> = Vec::new();
        for t in cx.triggers {
            if lines.last().map(|l| l.0) != Some(t.line()) {
                lines.push((t.line(), Vec::new(), false));
            }
            let entry = lines.last_mut().expect("pushed above");
            if !entry.1.contains(&t.phrase()) {
                entry.1.push(t.phrase());
            }
            entry.2 |= PHRASES.get(t.phrase()).contains("cookie");
        }
        // Triggers come in line order, so `lines` is sorted by line.
        let has_hits = |line: usize| lines.binary_search_by_key(&line, |e| e.0).is_ok();
        for (line, phrases, names_cookies) in &lines {
            let words = cx.page.features[*line].words;
            let in_banner = cx.page.text_lines_around(*line, BANNER_REACH).any(has_hits);
            let addresses_reader = speaks_to_reader(&cx.page.text[*line]);
            let enough = words <= 12 || (*names_cookies && (addresses_reader || in_banner));
            let max_words = if *names_cookies && addresses_reader {
                MAX_WORDS_ADDRESSING_READER
            } else {
                MAX_WORDS
            };
            if words <= max_words && enough {
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
    text.split(|c: char| !crate::chars::is_alphanumeric(c))
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
    fn removes_a_consent_dialog_that_explains_itself_at_length() {
        let line = "This website uses cookies to improve your experience while you navigate through the website. Out of these cookies, the cookies that are categorized as necessary are stored on your browser as they are essential for the working of basic functionalities of the website. We also use third-party cookies that help us analyze and understand how you use this website. These cookies will be stored in your browser only with your consent. You also have the option to opt-out of these cookies. But opting out of some of these cookies may have an effect on your browsing experience.";
        assert_eq!(verdict_in_article(line), Some("CKE001"));
        // A category line two lines from the rest of the dialog.
        let dialog = format!("{line}\nNecessary Always Enabled\nNecessary cookies are absolutely essential for the website to function properly. This category only includes cookies that ensures basic functionalities and security features of the website. These cookies do not store any personal information.");
        let page = crate::rules::testing::embed(&dialog);
        let category = dialog.lines().last().unwrap();
        assert_eq!(
            crate::rules::testing::verdict(&page, category),
            Some("CKE001")
        );
    }

    #[test]
    fn keeps_a_long_report_on_cookie_rules() {
        let line = "The regulator said that sites which ask readers to accept cookies must offer a refusal that is as easy to find as the button that accepts them, and that the consent must be freely given. Publishers argued that advertising pays for the news and that readers who refuse tracking could still be shown ads that are not personalised. The court sided with the regulator on most points, and gave the publishers six months to change the way their banners look and work, after which fines of up to four per cent of turnover may apply.";
        assert_eq!(verdict_in_article(line), None);
    }

    #[test]
    fn keeps_news_about_consent() {
        let line = "Privacy campaigners said that asking readers to accept all cookies before they can read the news is unfair, and that the rules should change.";
        assert_eq!(verdict_in_article(line), None);
    }
}
