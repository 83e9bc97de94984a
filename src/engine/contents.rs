//! A table of contents between a post's lead and its body: under a
//! `Contents` heading, short lines that come back further down as the
//! headings of the article's sections. Scored as neutral, so that the lead
//! above it is not cut off from the article by a run of short lines.

use crate::page::Page;
use crate::rules::text::word_in;
use crate::rules::Mark;
use crate::score::Class;
use once_cell::sync::Lazy;

/// An entry (and a section heading it names) has at most this many words.
const ENTRY_MAX_WORDS: u32 = 15;
/// A table has at least this many entries…
const MIN_ENTRIES: usize = 3;
/// …at most this many lines apart (an entry may be split over two lines,
/// or carry a number of its own).
const ENTRY_GAP: usize = 3;
/// The table's heading stands at most this many lines above its first entry.
const HEADING_REACH: usize = 4;
/// Section headings have prose among this many lines of text under them
/// (a photo's caption may come first), within twice as many lines.
const PROSE_REACH: usize = 3;
/// The table's heading stands at most this many lines above the article
/// found without it (a table of a few dozen entries, blank lines between):
/// at 80, wceb/0050's lead stayed cut off (0.79; 0.86 at 150, and 300
/// changes nothing more on the three corpora).
const CONTENTS_REACH: usize = 150;
/// The first section's heading stands at most this many lines below the
/// table's last entry found for the lines between to be credited (entries
/// without a section of their own may come between): a first section
/// further down has more than the table's end between them (wceb/0422,
/// 21 lines, kept a block that its gold leaves out).
const FIRST_SECTION_REACH: usize = 12;
/// The lead stands at most this many lines above the table's heading.
const LEAD_REACH: usize = 6;
/// A heading is short: `Table of contents hide` and a bullet fit.
const HEADING_MAX_CHARS: u32 = 32;
/// At most this many tables on a page, of at most this many lines, are
/// looked at: each entry is matched against every section heading, and a
/// page of thousands of `Contents` lines must not cost quadratic time.
const MAX_TABLES: usize = 2;
const MAX_TABLE_LINES: usize = 120;
/// Entries shorter than this (after numbering) are too common to match.
const ENTRY_MIN_CHARS: usize = 4;

/// Headings of a table of contents in the corpus languages, lower-cased.
const HEADINGS: [&str; 15] = [
    "contents",
    "table of contents",
    "in this article",
    "jump to",
    "inhalt",
    "inhaltsverzeichnis",
    "sommaire",
    "índice",
    "indice",
    "contenidos",
    "tabla de contenidos",
    "sommario",
    "spis treści",
    "inhoud",
    "inhoudsopgave",
];

/// The first words of [`HEADINGS`]. [`word_in`] compares a word with them
/// as [`lower_eq`] would, in a few steps for most words (none of their
/// letters is the lower case of a character of another length in bytes).
static FIRST_WORDS: Lazy<Vec<&'static str>> = Lazy::new(|| {
    HEADINGS
        .iter()
        .map(|h| h.split(' ').next().unwrap_or(h))
        .collect()
});

/// Whether `word` lower-cased is `lower`.
fn lower_eq(word: &str, lower: &str) -> bool {
    word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// Gives the lines of a table of contents just above the article (its
/// heading, its entries and what stands between them) a score of at least
/// 0; returns whether it did, and the article is then looked for again.
/// With it: dev snippet F1 0.9264 to 0.9270 and gold F1 +0.0001
/// (wceb/0201 0.89 to 0.93; wceb/0233 −0.005 for the entries kept);
/// dev_ext unchanged.
/// Taking the lines up to the first section's prose in too, and captions
/// under the section headings: dev snippets 0.9287 to 0.9297 (a ranking
/// whose photos' captions stood between the table and the article;
/// wceb/0321 +0.03, wceb/0033 −0.001 for the entries kept).
/// Without the heading, FAQ lists that repeat their questions as headings
/// joined the article too (cleaneval/final-675 −0.023, a bbc.co.uk page
/// −0.016 as innerText).
pub(crate) fn credit_contents(
    page: &Page<'_>,
    marks: &[Option<Mark>],
    scores: &mut [f32],
    article_start: usize,
) -> bool {
    let prose = |k: usize| marks[k].is_none() && page.class(k) == Class::Good;
    // Headings with a lead above them, a little above the article found
    // without them: only a table under a lead parts it from the article
    // (one above the lead would only be taken in with it).
    let headings: Vec<usize> = (article_start.saturating_sub(CONTENTS_REACH)..article_start)
        .filter(|&i| {
            let f = &page.features[i];
            f.words <= 4
                && f.words > 0
                && f.chars <= HEADING_MAX_CHARS
                && is_contents_heading(&page.text[i])
                && (i.saturating_sub(LEAD_REACH)..i).any(prose)
        })
        .take(MAX_TABLES)
        .collect();
    if headings.is_empty() {
        return false;
    }
    let short = |i: usize| {
        let words = page.features[i].words;
        !page.is_blank(i) && words > 0 && words <= ENTRY_MAX_WORDS
    };
    // The lines that head prose, with their keys.
    let sections: Vec<(usize, String)> = page
        .ruled_lines()
        .filter(|&j| {
            short(j)
                && (j + 1..page.len().min(j + 1 + 2 * PROSE_REACH))
                    .filter(|&k| !page.is_blank(k))
                    .take(PROSE_REACH)
                    .any(prose)
        })
        .map(|j| (j, entry_key(&page.text[j])))
        .collect();
    let mut credited = false;
    for &h in &headings {
        let mut last = h;
        let mut entries = 0;
        let mut first_section = None;
        let mut i = h + 1;
        let reach = |entries: usize| {
            if entries == 0 {
                HEADING_REACH
            } else {
                ENTRY_GAP
            }
        };
        while i < page.len() && i <= last + reach(entries) && i <= h + MAX_TABLE_LINES {
            if short(i) {
                let key = entry_key(&page.text[i]);
                let section = (key.chars().count() >= ENTRY_MIN_CHARS)
                    .then(|| sections.iter().find(|(j, k)| *j > i + 1 && *k == key))
                    .flatten();
                if let Some((j, _)) = section {
                    entries += 1;
                    last = i;
                    first_section.get_or_insert(*j);
                }
            }
            i += 1;
        }
        if entries >= MIN_ENTRIES {
            // Up to the first section's prose: what stands between the
            // table and it (the first heading, a photo's caption) is part
            // of the way from the lead to the article.
            let end = first_section
                .filter(|&j| j > last && j <= last + FIRST_SECTION_REACH)
                .and_then(|j| {
                    (j + 1..page.len())
                        .take(2 * PROSE_REACH)
                        .find(|&k| prose(k))
                })
                .unwrap_or(last + 1);
            for s in &mut scores[h..end] {
                *s = s.max(0.0);
            }
            credited = true;
        }
    }
    credited
}

/// An entry's text without its numbering or bullet, lower-cased: `2.1 1\.
/// High-Intensity Interval Training` and `## 1. High-Intensity Interval
/// Training` name the same section.
fn entry_key(text: &str) -> String {
    text.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || "#*•-–·.)\\".contains(c)
    })
    .trim_end()
    .to_lowercase()
}

/// Whether a line is the heading of a table of contents (`Contents`,
/// `**Table of contents** hide`, `Inhaltsverzeichnis:`).
fn is_contents_heading(text: &str) -> bool {
    // Most short lines are menu entries: their first letter rules them out
    // (`í` starts with the byte 0xC3, as do other letters; the rest decides).
    let first = text
        .bytes()
        .find(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
    if !matches!(
        first.map(|b| b.to_ascii_lowercase()),
        Some(b'c' | b't' | b'i' | b'j' | b's' | 0xC3)
    ) {
        return false;
    }
    let mut rest = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    // A heading's first word opens the line (`Sport`, `Science` do not):
    // asked before the line's other words are gathered.
    let Some(first) = rest.next().filter(|first| word_in(first, &FIRST_WORDS)) else {
        return false;
    };
    let mut words: Vec<&str> = std::iter::once(first).chain(rest).collect();
    // A collapsible table has its toggle on the same line.
    if words
        .last()
        .is_some_and(|w| w.eq_ignore_ascii_case("hide") || w.eq_ignore_ascii_case("show"))
    {
        words.pop();
    }
    HEADINGS.iter().any(|heading| {
        let mut wanted = heading.split(' ');
        words.len() == wanted.clone().count()
            && words
                .iter()
                .all(|w| wanted.next().is_some_and(|h| lower_eq(w, h)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contents_headings_are_known_with_their_toggle_and_colon() {
        assert!(is_contents_heading("**Contents** hide"));
        assert!(is_contents_heading("Table of Contents:"));
        assert!(is_contents_heading("## Inhaltsverzeichnis"));
        assert!(!is_contents_heading("Contents of the box"));
    }

    proptest::proptest! {
        /// The list lookup takes the same first words as lower-casing.
        #[test]
        fn a_first_word_is_known_as_lower_casing_knows_it(
            word in proptest::sample::select(vec![
                "Contents", "TABLE", "in", "Jump", "ÍNDICE", "índice", "Indice", "İndice",
                "ſpis", "SPIS", "Inhoud", "contents1", "Tabla", "Sommaire", "Summary",
            ]),
            noise in "[a-zKİÍſ]{0,3}",
        ) {
            for w in [word.to_string(), format!("{word}{noise}"), noise.clone()] {
                let by_lower_case = HEADINGS
                    .iter()
                    .any(|h| lower_eq(&w, h.split(' ').next().unwrap_or(h)));
                proptest::prop_assert_eq!(word_in(&w, &FIRST_WORDS), by_lower_case, "{}", w);
            }
        }
    }

    #[test]
    fn the_lead_above_a_table_of_contents_is_article() {
        let lead = "Modern gardens are built on a fragile assumption: that there will always be enough water in the summer months.";
        let mut page = format!("Home\nShop\nBlog\n\n{lead}\n\nTable of contents\n");
        let sections = [
            "Why soil matters",
            "Choosing the plants",
            "Watering less",
            "Mulch and shade",
        ];
        for s in sections {
            page += &format!("* {s}\n");
        }
        for (n, s) in sections.iter().enumerate() {
            page += &format!("\n## {s}\n\nThe way a garden holds water in its part number {n} depends on what it is made of, and most of what we plant there was bred for wetter places.\n\nA few changes to part number {n} in the first spring make the rest of the year far easier, and none of them costs much money or time.\n");
        }
        let cleaned = crate::Cleaner::new(crate::Config::default()).expect("default config");
        assert!(cleaned.clean(&page).text().contains(lead));
        // A photo under each section heading, its caption printed twice:
        // the way from the table to the first section's prose is credited
        // too, so that the caption does not part the lead from the article.
        let mut captioned = format!("Home\nShop\nBlog\n\n{lead}\n\nTable of contents\n");
        for s in sections {
            captioned += &format!("* {s}\n");
        }
        for (n, s) in sections.iter().enumerate() {
            captioned += &format!("\n## {s}\n\nPhoto {n}: the garden\nPhoto {n}: the garden\nThe way a garden holds water in its part number {n} depends on what it is made of, and most of what we plant there was bred for wetter places.\n\nA few changes to part number {n} in the first spring make the rest of the year far easier, and none of them costs much money or time.\n");
        }
        assert!(
            cleaned.clean(&captioned).text().contains(lead),
            "{}",
            cleaned.clean(&captioned).text()
        );
    }

    #[test]
    fn an_entry_and_its_section_heading_share_a_key() {
        assert_eq!(
            entry_key("2.1 1\\. High-Intensity Interval Training (HIIT)"),
            entry_key("## 1. High-Intensity Interval Training (HIIT)")
        );
    }
}
