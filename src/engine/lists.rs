//! Lists that are article though no line of them is a sentence: the items
//! of a list the article introduces, and the amounts of an ingredient or
//! parts list. Both get a small positive score for the region search.

use crate::page::Page;
use crate::rules::Mark;
use std::ops::Range;

/// The score of an item of a list that a sentence of the page introduces
/// (`Here are the certificates on offer:`): the article announced it, so
/// its items count as article however short, though less than prose.
const INTRODUCED_ITEM_SCORE: f32 = 0.3;
/// The introducing sentence has at least this many words.
const INTRODUCER_WORDS: u32 = 4;

/// Gives the items of introduced lists (bullets right after a sentence that
/// ends with a colon, a blank line allowed between items) a small positive
/// score, so that a list article or a list inside an article is not cut out
/// for being made of short lines.
pub(crate) fn credit_introduced_lists(page: &Page<'_>, marks: &[Option<Mark>], scores: &mut [f32]) {
    let mut i = 0;
    while i < page.len() {
        let f = &page.features[i];
        let introduces = marks[i].is_none()
            && f.words >= INTRODUCER_WORDS
            && !f.bullet
            && page.text[i].ends_with(':');
        i += 1;
        if !introduces {
            continue;
        }
        while i < page.len() {
            if page.is_blank(i) {
                if page.features.get(i + 1).is_some_and(|f| f.bullet) {
                    i += 1;
                    continue;
                }
                break;
            }
            if !page.features[i].bullet {
                break;
            }
            if marks[i].is_none() {
                scores[i] = scores[i].max(INTRODUCED_ITEM_SCORE);
            }
            i += 1;
        }
    }
}

/// Gives the lines of an ingredient or parts list (three or more lines in
/// a row, each a quantity and a few words: `125 g Mehl`, `2 cups flour`)
/// the score of an introduced list's items: a recipe's ingredients are its
/// article, though no line of them is a sentence.
pub(crate) fn credit_quantity_lists(page: &Page<'_>, marks: &[Option<Mark>], scores: &mut [f32]) {
    let item = |i: usize| {
        let f = &page.features[i];
        marks[i].is_none()
            && (1..=QUANTITY_ITEM_WORDS).contains(&f.words)
            && !f.terminal
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
        }
        i = i.max(start + 1);
    }
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

/// See [`credit_quantity_lists`].
const QUANTITY_RUN: usize = 3;
const QUANTITY_ITEM_WORDS: u32 = 8;

#[cfg(test)]
mod tests {
    use super::*;

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
}
