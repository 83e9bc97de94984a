use crate::chars;
use crate::rules::{declare_rule, Context, Marks};

/// The fewest word joins (`partnershipsChallenges`) a line needs.
/// Tuned on the corpus: at 4 joins, one join per 5 words or more, 149
/// lines on 78 domains match and none of them is article text; at 3 joins
/// and one per 7 words, brand names (`Azure DevOps`, `GitHub`) start to.
const MIN_JOINS: usize = 4;
/// The most words a line may have per join.
const WORDS_PER_JOIN: usize = 5;
/// Joins that make a line of any length a glued list: at 12, 62 lines on
/// 34 domains match, none of them article text. A whole drop-down of job
/// titles glued into one 2,900-word line has hundreds of joins but too many
/// words between them for the density test.
const MANY_JOINS: usize = 12;

declare_rule! {
    /// Menu entries run together.
    ///
    /// **What it removes:** a line where the entries of a menu or a drop-down
    /// list are printed with no space between them, so that one entry's last
    /// word and the next entry's first word make one token:
    /// `- Any -Academic partnershipsChallengesEuropean partnershipsFoundation…`.
    ///
    /// **Why it is noise:** converters that drop the element boundaries of a
    /// `<select>` or a menu glue its labels together. Article text never has
    /// a lower-case letter followed by a capital inside a word four times in
    /// a few words, nor a dozen times in one paragraph.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - - Any -Academic partnershipsChallengesEuropean partnershipsFoundationIndustrial partnershipsStartups
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - CategoriesSelect CategoryBabywearingBlogging TipsBook ReviewsBreastfeedingCats
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + Azure DevOps and GitHub Actions build the code on every push to the main branch.
    /// …
    /// ```
    ///
    /// **Keeps:** a few brand names written in camel case (`DevOps`, `GitHub`,
    /// `iPhone`); tokens with digits, dots or slashes (links, code, hashtags
    /// with numbers).
    ///
    /// **Languages:** any written with capitals.
    pub struct GluedEntries {
        code: "NAV005",
        name: "glued-entries",
        family: Navigation,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, text, f) in cx.lines() {
            // Menus glue capitalised labels: a line without a capitalised
            // word is no menu. Every join is one of the line's case joins,
            // counted when it was measured, so few of those rule it out.
            if (f.words as usize) < MIN_JOINS
                || f.capitalised == 0
                || text.len() < 20
                || usize::from(f.case_joins) < MIN_JOINS
            {
                continue;
            }
            let joins: usize = text.split_whitespace().map(joins).sum();
            if joins >= MANY_JOINS || joins >= MIN_JOINS && joins * WORDS_PER_JOIN >= f.words as usize {
                out.remove_quoting(i, "menu entries run together", 40);
            }
        }
    }
}

/// The places in `token` where a lower-case letter is followed by a capital,
/// if the token is made only of letters, apostrophes, `&` and hyphens.
fn joins(token: &str) -> usize {
    let word_like = token
        .chars()
        .all(|c| chars::is_alphabetic(c) || matches!(c, '\'' | '’' | '&' | '-'));
    if !word_like {
        return 0;
    }
    let mut joins = 0;
    let mut lower = false;
    for c in token.chars() {
        let class = chars::class(c);
        if lower && class & chars::CASE_UPPER != 0 {
            joins += 1;
        }
        lower = class & chars::CASE_LOWER != 0;
    }
    joins
}

#[cfg(test)]
mod tests {
    use super::joins;

    #[test]
    fn joins_are_counted_inside_words_only() {
        assert_eq!(joins("partnershipsChallengesEuropean"), 2);
        assert_eq!(joins("GitHub"), 1);
        assert_eq!(joins("https://example.com/FooBar"), 0);
        assert_eq!(joins("MAKE"), 0);
    }

    #[test]
    fn the_case_joins_of_a_line_are_never_fewer_than_its_joins() {
        for text in [
            "partnershipsChallengesEuropean partnershipsFoundation",
            "ÉconomieÉvénementsSantéÉducation",
            "* EnergieÖkologieUmweltÄrzte",
            "Straße und Grüße, ganz ohne Fugen",
            "endsWithX",
            "НовостиСпортПолитика",
        ] {
            let exact: usize = text.split_whitespace().map(joins).sum();
            let (f, _) = crate::features::measure(text, crate::lang::StopWords::get());
            assert!(usize::from(f.case_joins) >= exact, "{text}");
            assert!(exact > 0 || text.starts_with("Straße"), "{text}");
        }
    }
}
