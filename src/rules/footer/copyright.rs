use crate::rules::text::regex;
use crate::rules::{declare_rule, Context, Marks, PhraseList};
use once_cell::sync::Lazy;
use regex::Regex;

static PHRASES: Lazy<PhraseList> =
    Lazy::new(|| PhraseList::parse(include_str!("../data/copyright.phrases")));
/// What a `NOTICE` starts with; found by the engine's phrase pass.
const NOTICE_MARKERS: [&str; 3] = ["©", "(c)", "copyright"];
static NOTICE: Lazy<Regex> = Lazy::new(|| regex(r"(?i)(?:©|\(c\)|copyright)\s*(?:\d{4}|[^\W\d_])"));

/// Whether a copyright notice is the site's footer line: it opens with the
/// mark and carries a year (`Copyright © 2008 Radio New Zealand`), unlike a
/// photo credit that ends a caption (`From the series … © Boris Mikhailov`).
/// The engine ends the article at one.
pub(crate) fn is_site_notice(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '©' && c != '(');
    let head = t.get(..9).unwrap_or(t).to_ascii_lowercase();
    NOTICE_MARKERS.iter().any(|m| head.starts_with(m))
        && text.bytes().filter(u8::is_ascii_digit).count() >= 4
}

declare_rule! {
    /// Copyright notices.
    ///
    /// **What it removes:** lines of up to 40 words with "All rights reserved"
    /// (or its translations), or a `©`/"Copyright" notice followed by a year or a name.
    ///
    /// **Why it is noise:** it is the site's legal footer.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - Copyright 2019. Washington Examiner. All Rights Reserved.
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - © 2024 Example Media GmbH
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + The court ruled that copyright law did not cover the photographs taken by the monkey, and the case was closed after years of argument between the photographer and the campaigners.
    /// …
    /// ```
    ///
    /// **Keeps:** prose about copyright ("The court ruled that copyright law did not
    /// cover the photographs taken by the monkey, and the case was closed.").
    ///
    /// **Languages:** en, de, fr, es, it, pt, nl, pl (`data/copyright.phrases`).
    pub struct Copyright {
        code: "FTR001",
        name: "copyright-notice",
        family: Footer,
        max_words: 40,
    }

    fn triggers(&self) -> Vec<String> {
        let mut triggers = PHRASES.entries().to_vec();
        triggers.extend(NOTICE_MARKERS.iter().map(|m| m.to_string()));
        triggers
    }

    fn prepare(&self) {
        Lazy::force(&NOTICE);
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        let mut last_notice_line = None;
        for t in cx.triggers {
            let f = &cx.page.features[t.line()];
            if t.phrase() < PHRASES.entries().len() {
                if f.words <= 40 {
                    out.remove(
                        t.line(),
                        format!("copyright notice: \"{}\"", PHRASES.get(t.phrase())),
                    );
                }
                continue;
            }
            // A `©`/"Copyright" marker: check the line once.
            if last_notice_line == Some(t.line())
                || f.words == 0
                || f.words > 25
                || out.is_marked(t.line())
            {
                continue;
            }
            last_notice_line = Some(t.line());
            let text = &cx.page.text[t.line()];
            if let Some(m) = NOTICE.find(text) {
                // A notice leads its line or follows a short label; in a
                // sentence the word is part of the prose.
                if m.start() <= 40 || f.words <= 12 {
                    out.remove_quoting(t.line(), "copyright notice", 50);
                }
            }
        }
    }
}
