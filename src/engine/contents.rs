//! Tables of contents: a list near the top whose entries are the headings
//! of the article below it, in order. It sits between the lead and the
//! first section, and its short lines would otherwise part the two.

use crate::features::BULLETS;
use crate::page::Page;
use crate::rules::Mark;
use crate::score::{classify, Class};
use std::collections::HashMap;

/// A table of contents has at least this many entries, and as many open
/// sections of prose (as the other list runs of [`super::lists`]).
const CONTENTS_ENTRIES: usize = 3;
/// Lines looked at under a heading for the prose that opens its section:
/// room for a picture's caption printed twice. Set by hand; with these
/// values three dev pages gained (up to +0.75) and three lost at most
/// 0.035, where the gold keeps only some of the entries; dev_ext did not
/// move.
const SECTION_LOOKAHEAD: usize = 4;
/// Entries are headings: at most this many words (as a numbered section's
/// heading in [`super::lists`]).
const ENTRY_WORDS: u32 = 12;

/// Gives the entries of a table of contents (three or more short lines in
/// a row, blank lines allowed between, each printed again further down as
/// a line of its own, bullets and heading marks aside, in the same order)
/// a neutral score: they count neither for nor against the article around
/// them.
pub(crate) fn credit_contents_lists(page: &Page<'_>, marks: &[Option<Mark>], scores: &mut [f32]) {
    let key = |i: usize| -> Option<&str> {
        let f = &page.features[i];
        if marks[i].is_some() || !(1..=ENTRY_WORDS).contains(&f.words) {
            return None;
        }
        let text =
            page.text[i].trim_start_matches(|c: char| c == '#' || c == ' ' || BULLETS.contains(&c));
        (!text.is_empty()).then_some(text)
    };
    // Each heading-like line's text → its lines, in page order.
    let mut lines: HashMap<&str, Vec<usize>> = HashMap::new();
    for i in 0..page.len() {
        if let Some(k) = key(i) {
            lines.entry(k).or_default().push(i);
        }
    }
    // The next line after `after` that prints `i`'s text again.
    let again = |i: usize, after: usize| -> Option<usize> {
        let found = lines.get(key(i)?)?;
        found.iter().copied().find(|&j| j > after)
    };
    let lang = page.lang.is_some();
    // The first unmarked line under a heading (a picture's doubled
    // caption may come first) is prose.
    let opens_section = |heading: usize| {
        (heading + 1..page.len())
            .filter(|&n| !page.is_blank(n))
            .take(SECTION_LOOKAHEAD)
            .find(|&n| marks[n].is_none())
            .is_some_and(|n| classify(&page.features[n], lang) == Class::Good)
    };
    let mut i = 0;
    while i < page.len() {
        // Entries in a row, blank lines between allowed; each entry's
        // heading comes after the previous entry's.
        let start = i;
        let mut entries = Vec::new();
        let mut floor = None;
        let mut j = i;
        while j < page.len() {
            if page.is_blank(j) {
                j += 1;
                continue;
            }
            let Some(heading) = again(j, floor.unwrap_or(j)) else {
                break;
            };
            entries.push((j, heading));
            floor = Some(heading);
            j += 1;
        }
        // The headings lie below the list, and open sections of prose (a
        // menu printed twice has no prose under its second copy).
        let below = entries.first().is_some_and(|&(_, h)| h >= j);
        let sections = entries.iter().filter(|&&(_, h)| opens_section(h)).count();
        if entries.len() >= CONTENTS_ENTRIES && below && sections >= CONTENTS_ENTRIES {
            for &(e, _) in &entries {
                scores[e] = scores[e].max(0.0);
            }
        }
        i = j.max(start + 1);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::kept;

    const INTRO: &str = "The ten best walks in the hills\n\nThese are the walks our readers liked best this year, from short strolls along the river to long days on the ridge.\n\n";
    const WALKS: [&str; 8] = [
        "The river path",
        "The old quarry",
        "The ridge",
        "The forest loop",
        "The lake shore",
        "The high moor",
        "The mill race",
        "The church lane",
    ];

    /// A numbered heading per walk, each over a paragraph.
    fn sections() -> String {
        WALKS
            .iter()
            .enumerate()
            .map(|(n, walk)| {
                format!(
                    "{}. {walk}\n\n{walk} is one of the walks that our readers come back to, and it is easy to find from the station in the town.\n\n",
                    n + 1
                )
            })
            .collect()
    }

    #[test]
    fn a_table_of_contents_does_not_part_the_lead_from_the_sections() {
        let contents: String = WALKS
            .iter()
            .enumerate()
            .map(|(n, walk)| format!("• {}. {walk}\n", n + 1))
            .collect();
        let out = kept(&format!("{INTRO}Contents\n\n{contents}\n{}", sections()));
        assert!(
            out.iter().any(|l| l.starts_with("These are the walks")),
            "{out:?}"
        );
    }

    #[test]
    fn a_menu_printed_again_above_no_prose_is_no_table_of_contents() {
        let items = [
            "Walks", "Maps", "Weather", "Shop", "Events", "Clubs", "Gear", "Contact",
        ];
        let menu: String = items.iter().map(|i| format!("• {i}\n")).collect();
        let footer = items.join("\n\n");
        let out = kept(&format!("{INTRO}{menu}\n{}{footer}\n", sections()));
        assert!(!out.iter().any(|l| l.contains("Maps")), "{out:?}");
    }
}
