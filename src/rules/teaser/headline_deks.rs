use crate::features::Features;
use crate::rules::{declare_rule, Context, Marks};

/// A teaser headline: a few words, no sentence end, no bullet.
const HEADLINE_WORDS: std::ops::RangeInclusive<u32> = 3..=16;
/// A teaser dek: a sentence or two.
const DEK_WORDS: std::ops::RangeInclusive<u32> = 8..=70;
/// Pairs it takes to make a list.
const MIN_PAIRS: usize = 3;

declare_rule! {
    /// Lists of other stories printed as headline and dek, line after line
    /// (suspected).
    ///
    /// **What it removes:** three or more pairs in a row, with no blank line
    /// anywhere, of a short headline (3 to 16 words, no sentence end) and a
    /// one-line summary under it, when they lie outside the article. Inside
    /// the article they stay; the rule tells the engine such lines are
    /// unlikely to be article text.
    ///
    /// **Why it is noise:** a list of stories is set tight, one item after
    /// the other (`innerText` and the converters print list items and
    /// table cells on consecutive lines), while an article's headings and
    /// paragraphs stand apart. Each dek is a sentence, so only the run shows
    /// it for what it is.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// …
    ///   B.C. Headlines
    /// - What slowdown? Real estate has record year in Canada
    /// - The resale housing market in Canada's major cities enjoyed a record year for sales and prices.
    /// - Hops shortage spurs B.C. microbreweries to reinvent flagship beers
    /// - A worldwide shortage of hops is forcing some microbreweries in British Columbia to rewrite recipes.
    /// - Man arrested in deadly North Vancouver hit-and-run
    /// - A 24-year-old man from Surrey has been charged in connection with a hit-and-run last week.
    /// ```
    ///
    /// ```text
    /// …
    /// + What does the repair cost?
    /// + The council puts the cost at four million pounds, most of it for the piers.
    /// + When will the bridge reopen?
    /// + Walkers may cross again in May, and cars once the deck is relaid in the autumn.
    /// + Who pays for the works?
    /// + The county pays half, and the rest comes from a grant the town won last year.
    /// …
    /// ```
    ///
    /// **Keeps:** an article's subheadings and paragraphs, set apart by blank
    /// lines, and questions with their answers (`What does it cost?`).
    ///
    /// **Languages:** any.
    pub struct HeadlineDeks {
        code: "TSR008",
        name: "headline-deks",
        family: Teaser,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        let page = cx.page;
        let pair_at = |i: usize| {
            i + 1 < page.len()
                && !page.is_blank_input(i)
                && !page.is_blank_input(i + 1)
                && is_headline(&page.features[i], &page.text[i])
                && is_dek(&page.features[i + 1], &page.text[i + 1])
        };
        let mut i = 0;
        while i < page.len() {
            let mut end = i;
            while pair_at(end) {
                end += 2;
            }
            if (end - i) / 2 >= MIN_PAIRS {
                for line in i..end {
                    out.suspect(line, "headline and dek of a list of stories");
                }
                i = end;
            } else {
                i += 1;
            }
        }
    }
}

/// A headline starts like one; a line of hard-wrapped text often does not.
fn is_headline(f: &Features, text: &str) -> bool {
    HEADLINE_WORDS.contains(&f.words)
        && !f.terminal()
        && !f.bullet()
        && starts_upper(text)
        && !text.ends_with([',', ';'])
}

/// A dek is whole sentences.
fn is_dek(f: &Features, text: &str) -> bool {
    DEK_WORDS.contains(&f.words) && !f.bullet() && f.terminal() && starts_upper(text)
}

fn starts_upper(text: &str) -> bool {
    text.chars()
        .find(|c| crate::chars::is_alphanumeric(*c))
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}
