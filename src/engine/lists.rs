//! Lists that are article though no line of them is a sentence: the items
//! of a list the article introduces (with bullets or without), the amounts
//! of an ingredient or parts list, the sections of a numbered list article,
//! and the stanzas of a poem (tables have their own module,
//! [`super::tables`]). All get a small positive score for the region
//! search.

use crate::features::BULLETS;
use crate::page::Page;
use crate::rules::Mark;
use crate::score::Class;
use std::ops::Range;

/// The score of an item of a list that a sentence of the page introduces
/// (`Here are the certificates on offer:`): the article announced it, so
/// its items count as article however short, though less than prose.
pub(super) const INTRODUCED_ITEM_SCORE: f32 = 0.3;
/// The introducing sentence has at least this many words.
const INTRODUCER_WORDS: u32 = 4;

/// Gives the items of introduced lists (bullets right after a sentence that
/// ends with a colon, a blank line allowed between items; the sentence may
/// be only suspected as noise, like the `What you'll learn:` a list article
/// repeats over each of its lists) a small positive
/// score, so that a list article or a list inside an article is not cut out
/// for being made of short lines. Items without bullets (see
/// [`plain_items`]) count only under a sentence of prose: a teaser
/// heading (`People who read this also read:`) introduces headlines.
pub(crate) fn credit_introduced_lists(page: &Page<'_>, marks: &[Option<Mark>], scores: &mut [f32]) {
    let mut i = 0;
    while i < page.len() {
        let f = &page.features[i];
        let introduces = marks[i].as_ref().is_none_or(|m| m.weak)
            && f.words >= INTRODUCER_WORDS
            && !f.bullet()
            && page.text[i].ends_with(':');
        i += 1;
        if !introduces {
            continue;
        }
        let prose = page.class(i - 1) == Class::Good;
        if let Some(items) = plain_items(page, marks, i).filter(|_| prose) {
            for j in items.clone().filter(|&j| !page.is_blank(j)) {
                scores[j] = scores[j].max(INTRODUCED_ITEM_SCORE);
            }
            i = items.end;
            continue;
        }
        while i < page.len() {
            if page.is_blank(i) {
                if page.features.get(i + 1).is_some_and(|f| f.bullet()) {
                    i += 1;
                    continue;
                }
                break;
            }
            if !page.features[i].bullet() {
                if bare_bullet(&page.text[i]) {
                    i += 1;
                    continue;
                }
                break;
            }
            if marks[i].is_none() {
                scores[i] = scores[i].max(INTRODUCED_ITEM_SCORE);
            }
            i += 1;
        }
    }
}

/// A bullet with nothing after it: an item that was only a link or an
/// address, which the converter's markup rendering left empty. It does not
/// end the list it stands in.
fn bare_bullet(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| BULLETS.contains(&c)) && chars.next().is_none()
}

/// The items of a list without bullets under the introducer above `from`
/// (converters that drop the bullets print one item per line): past one
/// blank line, three or more lines, one blank line allowed between two
/// (html-text parts list items so), each a few words that do not end like
/// a sentence, none removed (a suspected line will do: a place named again
/// in the page's schedule), none a link. Items with bullets may stand among
/// them (a converter marks only the items of some kinds), but three must
/// have none: a list of bullets alone is the bullet loop's.
fn plain_items(page: &Page<'_>, marks: &[Option<Mark>], from: usize) -> Option<Range<usize>> {
    let start = if from < page.len() && page.is_blank(from) {
        from + 1
    } else {
        from
    };
    let item = |j: usize| {
        let f = &page.features[j];
        !(page.is_blank(j)
            || f.terminal()
            || marks[j].as_ref().is_some_and(|m| !m.weak)
            || f.has_links()
            || !(PLAIN_ITEM_MIN_WORDS..=PLAIN_ITEM_MAX_WORDS).contains(&f.words))
    };
    let mut end = start;
    let mut items = 0;
    loop {
        if end < page.len() && item(end) {
            items += usize::from(!page.features[end].bullet());
            end += 1;
        } else if end + 1 < page.len() && page.is_blank(end) && item(end + 1) {
            end += 1;
        } else {
            break;
        }
    }
    (items >= PLAIN_ITEMS).then_some(start..end)
}

/// See [`plain_items`]. Set by hand and checked page by page: on dev, three
/// pages gained (vinosytapas.de +0.17, wceb/0046 +0.12, wceb/1396 +0.02)
/// and one lost (wceb/0468 −0.06, a paywall's list of what a subscription
/// unlocks); on dev_ext and innerText two pages gained a little.
const PLAIN_ITEMS: usize = 3;
const PLAIN_ITEM_MIN_WORDS: u32 = 2;
const PLAIN_ITEM_MAX_WORDS: u32 = 25;

/// Gives the lines of an ingredient or parts list (three or more lines in
/// a row, each a quantity and a few words: `125 g Mehl`, `2 cups flour`)
/// the score of an introduced list's items: a recipe's ingredients are its
/// article, though no line of them is a sentence. Returns the lists.
pub(crate) fn credit_quantity_lists(
    page: &Page<'_>,
    marks: &[Option<Mark>],
    scores: &mut [f32],
) -> Vec<Range<usize>> {
    let mut lists = Vec::new();
    let item = |i: usize| {
        let f = &page.features[i];
        marks[i].is_none()
            && (1..=QUANTITY_ITEM_WORDS).contains(&f.words)
            && !f.terminal()
            && starts_with_quantity(&page.text[i])
    };
    let mut i = 0;
    while i < page.len() {
        let start = i;
        while i < page.len() && item(i) {
            i += 1;
        }
        if i - start >= QUANTITY_RUN && !counts_up(page, start..i) {
            for s in &mut scores[start..i] {
                *s = s.max(INTRODUCED_ITEM_SCORE);
            }
            lists.push(start..i);
        }
        i = i.max(start + 1);
    }
    lists
}

/// Whether `text` opens with an amount (`125 g`, `1/2 TL`, `0,5 l`), not
/// with the number of an ordered list (`1. Acura`, `2) Ford`).
fn starts_with_quantity(text: &str) -> bool {
    // A bullet may come first; a currency sign or an apostrophe (`$80`,
    // `'04 Playoffs`) makes it a price list or an archive, not amounts.
    let text =
        text.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '*' | '-' | '·'));
    let number = text
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | '½' | '¼' | '¾')))
        .unwrap_or(text.len());
    let (amount, rest) = text.split_at(number);
    amount.starts_with(|c: char| c.is_ascii_digit())
        && !amount.ends_with(['.', ','])
        && !rest.starts_with(')')
        && rest.starts_with(|c: char| c.is_whitespace() || crate::chars::is_alphabetic(c))
}

/// Whether the lines of `run` open with 1, 2, 3… and hold no table cells: a
/// ranking of headlines (`1 Megson reveals transfer frustration`, `2
/// UPDATE: …`), numbered, not measured. A results table (`1 | Kyle Busch |
/// 5040`) is content however it is numbered.
fn counts_up(page: &Page<'_>, run: Range<usize>) -> bool {
    if run.clone().all(|i| page.text[i].contains(['|', '\t'])) {
        return false;
    }
    let leading = |i: usize| -> Option<u64> {
        let text = page.text[i].trim_start();
        let end = text.find(|c: char| !c.is_ascii_digit())?;
        text[..end].parse().ok()
    };
    let numbers: Vec<Option<u64>> = run.map(leading).collect();
    numbers
        .windows(2)
        .all(|w| matches!(w, [Some(a), Some(b)] if *b == a + 1))
}

/// Gives the lines of a numbered list article the score of an introduced
/// list's items: three or more numbered headings in a row that count up
/// (`5. Screwdrivers`, `6. Utility Knife`, …), each with a paragraph of
/// prose before the next. What a section holds besides its paragraph (a
/// product list, a label) is article too, though no line of it is a
/// sentence; a ranking of headlines has no paragraphs between its numbers.
///
/// Returns the runs of sections whose names are mostly without digits:
/// the region search takes each of their sections as article, however
/// little it scored. Numbered comments (`12. Ana 1/8/2023 at 6:26am`) carry
/// a date in every name.
pub(crate) fn credit_numbered_sections(
    page: &Page<'_>,
    marks: &[Option<Mark>],
    scores: &mut [f32],
) -> Vec<Range<usize>> {
    let mut series = Vec::new();
    let prose = |i: usize| marks[i].is_none() && page.class(i) == Class::Good;
    let headings: Vec<(usize, u64, &str)> = page
        .ruled_lines()
        .filter_map(|i| section_number(page, i).map(|(n, name)| (i, n, name)))
        .collect();
    // Consecutive headings that count up, each section with prose; numbered
    // comments (`1. Profile`, `2. Profile`) repeat one name.
    let follows = |a: (usize, u64, &str), b: (usize, u64, &str)| {
        b.1 == a.1 + 1 && b.0 - a.0 <= SECTION_MAX_LINES && a.2 != b.2 && (a.0 + 1..b.0).any(prose)
    };
    let mut start = 0;
    while start < headings.len() {
        let mut end = start;
        while end + 1 < headings.len() && follows(headings[end], headings[end + 1]) {
            end += 1;
        }
        if end + 1 - start >= NUMBERED_SECTIONS {
            for i in headings[start].0..headings[end].0 {
                if marks[i].is_none() {
                    scores[i] = scores[i].max(INTRODUCED_ITEM_SCORE);
                }
            }
            let dated = headings[start..=end]
                .iter()
                .filter(|h| h.2.contains(|c: char| c.is_ascii_digit()))
                .count();
            if dated * 2 < end + 1 - start {
                series.push(headings[start].0..headings[end].0);
            }
        }
        start = end + 1;
    }
    series
}

/// The number of a numbered section heading (`5. Screwdrivers`, `## 2)
/// Paris`, `3. Flower bouquets, Sunday Market.`): a short line that opens
/// with a number of one to three digits, a dot or a bracket and a space.
/// Returns the number and the name after it. A final full stop is allowed
/// (a photo's caption under its number): the paragraphs between the
/// numbers tell a list article from a list of sentences.
fn section_number<'p>(page: &'p Page<'_>, i: usize) -> Option<(u64, &'p str)> {
    let f = &page.features[i];
    if !(1..=SECTION_HEADING_WORDS).contains(&f.words) {
        return None;
    }
    let (number, rest) = crate::rules::text::section_number(&page.text[i])?;
    Some((number, &rest[2..]))
}

/// See [`credit_numbered_sections`]. Set by hand and checked page by page:
/// with these values dev gold F1 went from 0.925 to 0.928, nine pages better
/// and none worse on dev; on dev_ext two pages lost a little where the gold
/// leaves out a numbered heading or keeps a promotion.
const NUMBERED_SECTIONS: usize = 3;
const SECTION_HEADING_WORDS: u32 = 12;
/// A section runs at most this many lines to the next heading: at 40, a
/// ranking's series broke where a box stood between two sections
/// (wceb/0022); 50 joins it, and 60 cost a readability page 0.009.
const SECTION_MAX_LINES: usize = 50;

/// See [`credit_quantity_lists`].
const QUANTITY_RUN: usize = 3;
const QUANTITY_ITEM_WORDS: u32 = 8;

/// Gives the lines of a poem or song (three or more stanzas in a row, parted
/// by single blank lines, of two to ten short lines each that open with a
/// capital; three in four end with punctuation, and a quarter or more with
/// a comma or semicolon, as verse runs on from line to line) the score of an
/// introduced list's items: a poem is article though its lines are short.
pub(crate) fn credit_verse(page: &Page<'_>, marks: &[Option<Mark>], scores: &mut [f32]) {
    let verse_line = |i: usize| {
        let f = &page.features[i];
        marks[i].is_none()
            && !f.bullet()
            && (VERSE_MIN_WORDS..=VERSE_MAX_WORDS).contains(&f.words)
            && page.text[i]
                .trim_start_matches(['"', '“', '‘', '\'', '('])
                .starts_with(char::is_uppercase)
    };
    let ends = |i: usize, with: &[char]| {
        page.text[i]
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with(with)
    };
    let mut i = 0;
    while i < page.len() {
        // Stanzas parted by one blank line each.
        let start = i;
        let (mut stanzas, mut lines, mut run_on, mut punctuated) = (0, 0, 0, 0);
        let mut j = i;
        // Where the first run of verse-like lines ended, stanza or not.
        let mut scanned = i;
        loop {
            let first = j;
            while j < page.len() && verse_line(j) {
                j += 1;
            }
            scanned = scanned.max(j);
            if !(VERSE_STANZA_LINES.0..=VERSE_STANZA_LINES.1).contains(&(j - first)) {
                // A run too long or too short is no stanza; what came
                // before it may still be a poem.
                j = first;
                break;
            }
            stanzas += 1;
            lines += j - first;
            run_on += (first..j).filter(|&k| ends(k, &[',', ';'])).count();
            punctuated += (first..j)
                .filter(|&k| ends(k, &[',', ';', ':', '.', '!', '?', '—']))
                .count();
            if j + 1 < page.len() && page.is_blank_input(j) && verse_line(j + 1) {
                j += 1;
            } else {
                break;
            }
        }
        if stanzas >= VERSE_STANZAS && run_on * 4 >= lines && punctuated * 4 >= lines * 3 {
            for (k, s) in scores.iter_mut().enumerate().take(j).skip(start) {
                if !page.is_blank(k) {
                    *s = s.max(INTRODUCED_ITEM_SCORE);
                }
            }
        }
        // No stanza starts inside a run already looked at: a page of
        // millions of verse-like lines costs one pass, not one a line.
        i = j.max(scanned).max(start + 1);
    }
}

/// See [`credit_verse`]: three stanzas as the other list runs; a stanza's
/// length and a verse line's words set by hand. It changes one page of the
/// corpora (dragnet/R138, a hymn, +0.82 on dev_ext and innerText) and no
/// dev page.
const VERSE_STANZAS: usize = 3;
const VERSE_STANZA_LINES: (usize, usize) = (2, 10);
const VERSE_MIN_WORDS: u32 = 3;
const VERSE_MAX_WORDS: u32 = 14;

#[cfg(test)]
mod tests {
    use super::*;

    /// Five stanzas of verse.
    const POEM: &str = "I wander often from the way,\nAnd sin afflicts me every day:\nOh, when shall I be pure?\n\nI hear the world's enticing voice,\nThat tempts me to a godless choice:\nHow shall I stand the test?\n\nWeary and weak and full of pain,\nI wonder shall I ever gain\nRelief when I am oppressed?\n\nToo often full of bitterness,\nAnger, frustration, and distress:\nWhen shall I be at peace?\n\nAll imperfection, falling short\nOf every precept I am taught:\nIs there no hope for me?\n\n";
    /// A menu, then a site's blurb.
    const SIDEBAR: &str = "* Home\n* About\n* Resources\n* Contact\n* Donate\n* Events\n\nWe exist to call the church, amidst a busy and noisy culture, to return to the old ways of reading, singing and praying together.\n";

    #[test]
    fn a_poem_is_article_though_its_lines_are_short() {
        use crate::rules::testing::{assert_no_line, kept};
        let out = kept(&format!("{POEM}{SIDEBAR}"));
        assert!(
            out.iter().any(|l| l == "Relief when I am oppressed?"),
            "{out:?}"
        );
        // Headlines in stanza-like groups neither run on nor end in punctuation.
        let teasers = POEM.replace([',', ':', '?'], "");
        let out = kept(&format!("{teasers}{SIDEBAR}"));
        assert_no_line(&out, "Relief");
    }

    #[test]
    fn ingredients_set_apart_from_the_steps_are_kept() {
        use crate::rules::testing::kept;
        let page = "Mandarinen-Schmand-Kuchen\n\nZutaten\n\n125 g Mehl\n65 g Zucker\n65 g Butter\n1 Ei\n1 TL Backpulver\n500 ml Milch\n200 g Zucker\n\nVia WhatsApp teilen Via Pinterest teilen Via Facebook teilen\n\nJetzt anmelden und bewerten\n\nZubereitung\n\nAls erstes den Pudding kochen und zum Abkühlen zur Seite stellen. Dabei immer wieder umrühren, damit sich keine Haut bildet.\n\nFür den Boden die Zutaten zusammenkneten und den Teig in die gefettete Springform drücken, dabei einen Rand hochziehen.\n\nDen Schmand mit dem abgekühlten Pudding verrühren und auf dem Boden verteilen. Die Mandarinen darauf geben.\n\nDen Kuchen bei 175 Grad für etwa 80 Minuten backen und danach gut auskühlen lassen.\n";
        let out = kept(page);
        assert!(out.iter().any(|l| l == "125 g Mehl"), "{out:?}");
        assert!(out.iter().any(|l| l == "200 g Zucker"), "{out:?}");
        assert!(!out.iter().any(|l| l.contains("WhatsApp")), "{out:?}");
    }

    #[test]
    fn amounts_open_an_ingredient_list_and_list_numbers_do_not() {
        for line in [
            "125 g Mehl",
            "• 1/2 TL Salz",
            "0,5 l Milch",
            "2 cups flour",
            "3 Eier",
        ] {
            assert!(starts_with_quantity(line), "{line}");
        }
        for line in [
            "1. Acura",
            "2) Ford",
            "'04 Playoffs",
            "$80,500 to Democrats",
            "Mehl 125 g",
        ] {
            assert!(!starts_with_quantity(line), "{line}");
        }
        let ranking = Page::analyse("1 Megson reveals transfer frustration\n2 Rain to wreak havoc\n3 Shop man describes raid\n");
        assert!(counts_up(&ranking, 0..3));
        let table = Page::analyse(
            "1 | Kyle Busch | 5040\n2 | Martin Truex Jr. | 5035\n3 | Kevin Harvick | 5033\n",
        );
        assert!(!counts_up(&table, 0..3));
        let ingredients = Page::analyse("125 g Mehl\n65 g Zucker\n1 Ei\n");
        assert!(!counts_up(&ingredients, 0..3));
        let mut scores = vec![-0.3; 3];
        credit_quantity_lists(&ingredients, &[None, None, None], &mut scores);
        assert_eq!(scores, [INTRODUCED_ITEM_SCORE; 3]);
    }

    #[test]
    fn numbered_sections_with_paragraphs_are_credited_and_a_ranking_is_not() {
        let mut article = String::new();
        for (n, name) in [(5, "Screwdrivers"), (6, "Utility Knife"), (7, "Headlamp")] {
            article.push_str(&format!(
                "{n}. {name}\nA good one is essential for any electrician, and it should last for many years of daily work on the site.\nTop Picks:\n• Brand {n} Set\n"
            ));
        }
        // The scores each line of `text` gets.
        let scored = |text: &str| {
            let page = Page::analyse(text);
            let mut scores = vec![-0.3; page.len()];
            credit_numbered_sections(&page, &vec![None; page.len()], &mut scores);
            scores
        };
        // Every line up to the last heading: the sections' lists included.
        let credited = |scores: &[f32]| scores[..8].iter().all(|&s| s >= INTRODUCED_ITEM_SCORE);
        let scores = scored(&article);
        assert!(credited(&scores), "{scores:?}");
        // html2text escapes the numbers' dots.
        let escaped = article
            .replace("5. ", "### 5\\. ")
            .replace("6. ", "### 6\\. ")
            .replace("7. ", "### 7\\. ");
        let scores = scored(&escaped);
        assert!(credited(&scores), "{scores:?}");
        // Numbered photo captions end with a full stop.
        let scores = scored(&article.replace("Screwdrivers\n", "Screwdrivers, on the bench.\n"));
        assert!(credited(&scores), "{scores:?}");
        let scores = scored("1. Megson reveals transfer frustration\n2. Rain to wreak havoc\n3. Shop man describes raid\n4. Council backs plan\n");
        assert!(scores.iter().all(|&s| s < 0.0), "{scores:?}");
        // Numbered comments repeat one name under each number.
        let comments = article
            .replace("5. Screwdrivers", "1. Profile")
            .replace("6. Utility Knife", "2. Profile")
            .replace("7. Headlamp", "3. Profile");
        let scores = scored(&comments);
        assert!(scores.iter().all(|&s| s < 0.0), "{scores:?}");
    }

    #[test]
    fn a_repeated_introducer_still_introduces_its_list() {
        let text = "What you will learn here:\n• Elements and principles of design\n• Photo manipulation in Adobe Photoshop\n";
        let page = Page::analyse(text);
        let mark = |weak| {
            Some(Mark {
                reason: 0,
                rule: 0,
                weak,
                opens_comments: false,
            })
        };
        for (introducer, credited) in [(None, true), (mark(true), true), (mark(false), false)] {
            let mut marks = vec![None; page.len()];
            marks[0] = introducer;
            let mut scores = vec![-0.3; page.len()];
            credit_introduced_lists(&page, &marks, &mut scores);
            assert_eq!(
                scores[1..] == [INTRODUCED_ITEM_SCORE; 2],
                credited,
                "{scores:?}"
            );
        }
    }

    #[test]
    fn a_bare_bullet_does_not_end_an_introduced_list() {
        // The second item was a link alone, which rendering left empty.
        let text = "Look at the update channels that the common distributions offer:\n\n• Debian security announcements\n•\n• Red Hat errata for each release\n• SuSE security mailing list\n";
        let page = Page::analyse(text);
        let n = page.len();
        let mut scores = vec![-0.3; n];
        credit_introduced_lists(&page, &vec![None; n], &mut scores);
        assert_eq!(scores[2], INTRODUCED_ITEM_SCORE, "{scores:?}");
        assert!(scores[3] < 0.0, "{scores:?}");
        assert_eq!(scores[4..], [INTRODUCED_ITEM_SCORE; 2], "{scores:?}");
    }

    #[test]
    fn plain_items_under_a_sentence_are_credited_and_under_a_label_are_not() {
        let items = "Amazon Web Services with its cloud platform\nMicrosoft Azure for enterprise customers\nGoogle Cloud for data and analytics\n";
        let text = format!("Beyond those big five, here are three more companies that give your portfolio exposure to the cloud:\n\n{items}");
        let introduced = Page::analyse(&text);
        let n = introduced.len();
        let mut scores = vec![-0.3; n];
        credit_introduced_lists(&introduced, &vec![None; n], &mut scores);
        assert_eq!(scores[2..], [INTRODUCED_ITEM_SCORE; 3], "{scores:?}");
        // One blank line between items, as html-text prints them, is allowed.
        let spaced = text.replacen("\n\n", "\n", 1).replace('\n', "\n\n");
        let apart = Page::analyse(&spaced);
        let n = apart.len();
        let mut scores = vec![-0.3; n];
        credit_introduced_lists(&apart, &vec![None; n], &mut scores);
        assert_eq!(
            scores[2..].iter().filter(|&&s| s > 0.0).count(),
            3,
            "{scores:?}"
        );
        // A bullet among plain items (the converter marked that one only)
        // does not end the list.
        let mixed = text.replacen("Microsoft", "* Microsoft", 1) + "Oracle Cloud for databases\n";
        let mixed = Page::analyse(&mixed);
        let n = mixed.len();
        let mut scores = vec![-0.3; n];
        credit_introduced_lists(&mixed, &vec![None; n], &mut scores);
        assert_eq!(scores[2..], [INTRODUCED_ITEM_SCORE; 4], "{scores:?}");
        // A teaser heading is a label, not a sentence of the article.
        let text = format!("People who read this also read:\n{items}");
        let teasers = Page::analyse(&text);
        let n = teasers.len();
        let mut scores = vec![-0.3; n];
        credit_introduced_lists(&teasers, &vec![None; n], &mut scores);
        assert!(scores.iter().all(|&s| s < 0.0), "{scores:?}");
    }
}
