//! Tables of figures, which are article though no row of one is a
//! sentence: with the converter's cell breaks (`|`) or without them.

use super::lists::INTRODUCED_ITEM_SCORE;
use crate::page::Page;
use crate::rules::Mark;
use crate::score::Class;

/// Gives the rows of a table of figures (three or more lines in a row with
/// the same number of `|` cell breaks, none of them links, half of them or
/// more with digits; a form laid out as a table has none) the score of an
/// introduced list's items: a table of figures is article though no row
/// of it is a sentence.
pub(crate) fn credit_tables(page: &Page<'_>, marks: &[Option<Mark>], scores: &mut [f32]) {
    // Most pages have no cell break anywhere: one scan of the input says so.
    if memchr::memchr(b'|', page.input.as_bytes()).is_none() {
        return;
    }
    let cells = |i: usize| {
        let f = &page.features[i];
        if marks[i].is_some() || f.has_links() || f.words == 0 && f.digits == 0 {
            0
        } else {
            memchr::memchr_iter(b'|', page.text[i].as_bytes()).count()
        }
    };
    let mut i = 0;
    while i < page.len() {
        let start = i;
        let width = cells(i);
        i += 1;
        if width == 0 {
            continue;
        }
        while i < page.len() && cells(i) == width {
            i += 1;
        }
        let figures = (start..i).filter(|&r| page.features[r].digits > 0).count();
        if i - start >= TABLE_ROWS && figures * 2 >= i - start {
            for s in &mut scores[start..i] {
                *s = s.max(INTRODUCED_ITEM_SCORE);
            }
        }
    }
}

/// See [`credit_tables`]: as many rows as an ingredient list's run. It changes one dev page
/// (wceb/0243, +0.69) and no dev_ext page.
const TABLE_ROWS: usize = 3;

/// Gives the rows of a table whose cell breaks the converter dropped (`1
/// State Farm Group 107,764,591 16.4`) the score of an introduced list's
/// items: [`FIGURE_ROWS`] or more lines in a row (one noise line, the
/// table's source, allowed for every ten), two in three of them with two or
/// more figures, none a link, and prose within [`FIGURE_TABLE_REACH`] lines
/// above and below: a table set in an article, not a sidebar of scores or
/// prices.
pub(crate) fn credit_figure_rows(page: &Page<'_>, marks: &[Option<Mark>], scores: &mut [f32]) {
    let prose = |i: usize| marks[i].is_none() && page.class(i) == Class::Good;
    // Two figures need two digits: the cheap test first.
    let figured = |i: usize| page.features[i].digits >= 2 && two_figures(&page.text[i]);
    let row = |i: usize| !page.is_blank(i) && !page.features[i].has_links() && !prose(i);
    let mut i = 0;
    while i < page.len() {
        // The shape of the line first: most lines with figures are prose.
        if !row(i) || !figured(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < page.len() && row(i) {
            i += 1;
        }
        let lines = start..i;
        let noise = lines
            .clone()
            .filter(|&r| marks[r].as_ref().is_some_and(|m| !m.weak))
            .count();
        let rows = lines.len() - noise;
        let with_figures = lines
            .clone()
            .filter(|&r| marks[r].is_none() && figured(r))
            .count();
        let near = |range: &mut dyn Iterator<Item = usize>| {
            range
                .filter(|&j| !page.is_blank(j))
                .take(FIGURE_TABLE_REACH)
                .any(prose)
        };
        if rows >= FIGURE_ROWS
            && with_figures * 3 >= rows * 2
            && noise * 10 <= rows
            && near(&mut (0..start).rev())
            && near(&mut (i..page.len()))
        {
            for r in lines.filter(|&r| marks[r].is_none()) {
                scores[r] = scores[r].max(INTRODUCED_ITEM_SCORE);
            }
        }
    }
}

/// Whether `text` holds two figures or more: words that open with a digit,
/// after a sign, a bracket or a currency, other than a list's numbers
/// (`1.`, `2)`). Bytes, not chars: this runs on every line with
/// digits.
fn two_figures(text: &str) -> bool {
    const OPENERS: [&[u8]; 6] = [
        b"$",
        b"+",
        b"-",
        b"(",
        "\u{20ac}".as_bytes(),
        "\u{a3}".as_bytes(),
    ];
    let figure = |word: &[u8]| {
        // A figure opens with a digit or an opener: most words do not.
        if !word
            .first()
            .is_some_and(|b| b.is_ascii_digit() || OPENERS.iter().any(|o| o[0] == *b))
        {
            return false;
        }
        let mut w = word;
        while let Some(rest) = OPENERS.iter().find_map(|o| w.strip_prefix(*o)) {
            w = rest;
        }
        let number = w.iter().take_while(|b| b.is_ascii_digit()).count();
        let list_number = w.len() == word.len()
            && (1..=3).contains(&number)
            && matches!(&w[number..], b"." | b")");
        number > 0 && !list_number
    };
    text.as_bytes()
        .split(u8::is_ascii_whitespace)
        .filter(|w| figure(w))
        .nth(1)
        .is_some()
}

/// See [`credit_figure_rows`].
const FIGURE_ROWS: usize = 4;
/// How many text lines above and below a table of figures may stand
/// between it and the article's prose (its heading, its header row, its
/// source).
const FIGURE_TABLE_REACH: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_of_figures_is_credited_and_a_form_is_not() {
        let table = Page::analyse("1/1/2013| +13.1%\n2/1/2013| +13.1%\n3/1/2013| +11.9%\n");
        let mut scores = vec![-0.3; 3];
        credit_tables(&table, &[None, None, None], &mut scores);
        assert_eq!(scores, [INTRODUCED_ITEM_SCORE; 3]);
        let form =
            Page::analyse("Location: |\nEnter Comments: | characters left\nEmail (optional): |\n");
        let mut scores = vec![-0.3; 3];
        credit_tables(&form, &[None, None, None], &mut scores);
        assert_eq!(scores, [-0.3; 3]);
    }

    #[test]
    fn figures_are_counted_and_list_numbers_are_not() {
        assert!(two_figures("1 State Farm Group 107,764,591 16.4"));
        assert!(two_figures("Return home early €250 (£500)"));
        assert!(!two_figures("1. 1. NoGood"));
        assert!(!two_figures("Published 2019 by the council"));
    }

    #[test]
    fn rows_of_figures_in_an_article_are_credited_and_a_sidebar_is_not() {
        let before = "The ranking has barely moved since last year, and the top ten still write almost half of the market's premiums.\n";
        let after = "State Farm once again topped the list, with more than a hundred billion dollars in premiums written last year.\n";
        let table = "1 State Farm Group 107,764,591 16.4\n2 Berkshire Hathaway 80,324,255 4.1\n3 Progressive Group 74,411,830 21.0\n4 Allstate Group 52,715,488 11.2\n";
        let credited = |text: &str| {
            let page = Page::analyse(text);
            let n = page.len();
            let mut scores = vec![-0.3; n];
            credit_figure_rows(&page, &vec![None; n], &mut scores);
            scores
                .iter()
                .filter(|&&s| s == INTRODUCED_ITEM_SCORE)
                .count()
        };
        assert_eq!(credited(&format!("{before}{table}{after}")), 4);
        // Without the article's prose on both sides it is a sidebar.
        assert_eq!(credited(&format!("{table}{after}")), 0);
        assert_eq!(credited(&format!("{before}{table}")), 0);
        // Headlines are no rows of figures, nor is a numbered list.
        assert_eq!(credited(&format!("{before}1. 1. NoGood\n2. 2. Lyfe Marketing\n3. 3. Disruptive\n4. 4. Sociallyin\n{after}")), 0);
        assert_eq!(credited(&format!("{before}Council backs the bridge plan\nRain to wreak havoc\nShop man describes raid\nThe ferry is back\n{after}")), 0);
    }
}
