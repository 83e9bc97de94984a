//! Reader comments as structure: where a comment section starts.
//!
//! A thread is prose too, and a busy one outweighs a short post above it;
//! once the section's start is known, nothing from there on counts towards
//! the article. The start is a comment header (`57 Comments`, `Leave a
//! Reply`, `Kommentare (5)`: the lines of rules that open comments) that the
//! section's repeating unit follows: more headers, or a short line printed
//! again and again under each comment (`Reply`, `Permalink`, a date). Either
//! way the section comes after some prose, the post it comments on: a count
//! or a tab (`Comments (7)`) above the article starts nothing.

use crate::page::Page;
use crate::rules::comments::is_comment_header;
use crate::rules::Mark;
use crate::score::Class;
use std::ops::Range;

/// Comment headers that make a section on their own…
const MIN_HEADERS: usize = 3;
/// …within this many lines.
const HEADERS_SPAN: usize = 80;
/// How far below a header the repeating unit must show…
const UNIT_REACH: usize = 30;
/// …and how many unit lines it takes.
const MIN_UNIT_LINES: usize = 2;
/// A unit line is short and printed at least this often on the page.
const UNIT_REPEATS: u32 = 3;
const UNIT_MAX_WORDS: u32 = 8;
/// Distinct lines of a comment's frame below a bare heading (see
/// `framed`): two comments framed alike in two places. Counting copies
/// instead (a regular's name printed three times) cost two dev_ext pages
/// 0.7 and 0.14 and was left out.
const MIN_FRAME_LINES: usize = 2;
/// A signature line is short, holds a date or time, and shares its first
/// two words with another such line within [`UNIT_REACH`].
const SIGNATURE_MAX_WORDS: u32 = 14;
/// The section ends at its last comment-like line (a header, a unit, a
/// signature or prose) that has no other within this many lines of text
/// after it: what follows is the page's footer.
const END_GAP: usize = 8;
/// A bare section heading has at most this many words, and comments' prose
/// within [`UNIT_REACH`] below it: a sidebar's "Recent comments" widget
/// lists names and titles only.
const HEADING_MAX_WORDS: u32 = 3;
/// Words of a bare comment-section heading: "comments" in the corpus
/// languages, and German "Antworten" (replies). Checked against every page
/// of the corpora: each matches short lines that are noise far more often
/// than article text, on many sites ("responses" and "reactions" fitted one
/// or two sites and were left out).
const SECTION_WORDS: [&str; 9] = [
    "comments",
    "kommentare",
    "commentaires",
    "comentarios",
    "commenti",
    "komentarze",
    "reacties",
    "replies",
    "antworten",
];
/// The lengths in bytes of the shortest and the longest [`SECTION_WORDS`].
const SECTION_WORD_LENGTHS: (usize, usize) = {
    let (mut shortest, mut longest, mut k) = (usize::MAX, 0, 0);
    while k < SECTION_WORDS.len() {
        let n = SECTION_WORDS[k].len();
        if n < shortest {
            shortest = n;
        }
        if n > longest {
            longest = n;
        }
        k += 1;
    }
    (shortest, longest)
};

/// The lines of the page's comment section, if it has one.
pub(crate) fn section(page: &Page<'_>, marks: &[Option<Mark>]) -> Option<Range<usize>> {
    // A count heading (`## 45 comments`) opens the section too, whichever
    // rule took the line (a share bar's rule takes the same words).
    let headers: Vec<usize> = (0..page.len())
        .filter(|&i| {
            marks[i].as_ref().is_some_and(|m| m.opens_comments) || is_count_heading(page, i)
        })
        .collect();
    // Asked again of many lines below: looked up, not worked out again.
    let is_header = |i: usize| headers.binary_search(&i).is_ok();
    let prose = |i: usize| page.class(i) == Class::Good;
    let headings: Vec<usize> = (0..page.len())
        .filter(|&i| {
            is_header(i)
                || (is_section_heading(page, i)
                    && (i + 1..page.len().min(i + 1 + UNIT_REACH)).any(prose))
        })
        .collect();

    // A repeated short line whose first copy is below the header belongs to
    // the section's units, not to the page's menus.
    let unit = |header: usize, i: usize| {
        let f = &page.features[i];
        is_header(i)
            || (page.repeats(i) >= UNIT_REPEATS
                && page.first_seen(i) > header
                && (1..=UNIT_MAX_WORDS).contains(&f.words))
    };
    // So does a signature; under a bare heading only signatures will do, as
    // a teaser list repeats its bylines (`Max Fisher`) too.
    let signed = |header: usize, i: usize| {
        signature(page, i).is_some_and(|key| {
            (header + 1..page.len().min(header + 1 + UNIT_REACH))
                .any(|j| j != i && signature(page, j).is_some_and(|other| key.same_as(&other)))
        })
    };
    // A short thread prints each comment's frame (`Examiner Reader said:`,
    // `Report as inappropriate`) once per comment: a short line printed
    // again below the heading with a comment's own prose, printed once,
    // between its copies. A page printed twice repeats its prose too.
    let framed = |h: usize| {
        let mut frames: Vec<usize> = (h + 1..page.len().min(h + 1 + UNIT_REACH))
            .filter(|&i| {
                repeats_below(page, i, h)
                    && (page.first_seen(i) + 1..i).any(|j| prose(j) && page.repeats(j) == 1)
            })
            .map(|i| page.first_seen(i))
            .collect();
        frames.sort_unstable();
        frames.dedup();
        frames.len()
    };
    // Comments follow what they comment on: some prose comes first.
    let first_prose = (0..page.len()).find(|&i| prose(i));
    let clustered = headers
        .windows(MIN_HEADERS)
        .find(|w| w[w.len() - 1] - w[0] <= HEADERS_SPAN && first_prose.is_some_and(|p| p < w[0]))
        .map(|w| w[0]);
    let followed = headings.iter().copied().find(|&h| {
        // The cheap test first: a menu's `Comments` above the post starts nothing.
        if first_prose.is_none_or(|p| p >= h) {
            return false;
        }
        let units = (h + 1..page.len().min(h + 1 + UNIT_REACH))
            .filter(|&i| {
                if is_header(h) {
                    unit(h, i) || signed(h, i)
                } else {
                    signed(h, i)
                }
            })
            .count();
        units >= MIN_UNIT_LINES || framed(h) >= MIN_FRAME_LINES
    });
    let start = clustered.into_iter().chain(followed).min()?;
    // Where it ends: the last comment-like line before a long enough run of
    // other lines.
    let mut signatures = Vec::new();
    let mut end = start;
    let mut gap = 0;
    for i in start + 1..page.len() {
        if page.is_blank(i) {
            continue;
        }
        let key = signature(page, i);
        let signed = key.is_some_and(|k| signatures.iter().any(|s: &Signature| s.same_as(&k)));
        if let Some(k) = key {
            signatures.push(k);
        }
        // A second copy of a line first printed in the section is its frame.
        if is_header(i) || unit(start, i) || signed || repeats_below(page, i, start) || prose(i) {
            end = i;
            gap = 0;
        } else {
            gap += 1;
            if gap > END_GAP {
                break;
            }
        }
    }
    Some(start..end + 1)
}

/// Whether line `i` is a short line printed again, its first copy below
/// line `h` (a comment's frame: `Reader said:`, `Report as inappropriate`).
fn repeats_below(page: &Page<'_>, i: usize, h: usize) -> bool {
    let first = page.first_seen(i);
    first > h && first < i && (1..=UNIT_MAX_WORDS).contains(&page.features[i].words)
}

/// Whether line `i` is a bare comment-section heading: a few words, one of
/// them a [`SECTION_WORDS`] word (`Comments`, `Reader comments`), no
/// bullet (`* Comments` is an entry of a menu or a share bar) and no digit
/// but a count in brackets at the end (`By Ann, Mar 5, 2025 | 6 comments`
/// is a byline; `Reader Comments (14)` a heading), and no `|` (`Comment |
/// Read Comments (11)` is a bar of links beside the byline).
fn is_section_heading(page: &Page<'_>, i: usize) -> bool {
    let f = &page.features[i];
    // Asked of every line: the features first.
    if !(1..=HEADING_MAX_WORDS).contains(&f.words) || f.bullet() {
        return false;
    }
    let text = page.text[i].trim_end();
    // A count in brackets may follow (`Reader Comments (14)`).
    let uncounted = text
        .strip_suffix(')')
        .and_then(|t| {
            t.trim_end_matches(|c: char| c.is_ascii_digit())
                .strip_suffix('(')
        })
        .unwrap_or(text);
    // A colon ends a heading (`Latest Comments:`); a full stop a sentence.
    // The section word, which few lines have, is asked before the digits.
    (!f.terminal() || text.ends_with(':'))
        && has_section_word(&page.text[i])
        && !uncounted.contains(|c: char| c.is_ascii_digit() || c == '|')
}

/// Whether `line` has a [`SECTION_WORDS`] word: only words of their
/// lengths are compared.
fn has_section_word(line: &str) -> bool {
    let (shortest, longest) = SECTION_WORD_LENGTHS;
    line.split(|c: char| !crate::chars::is_alphanumeric(c))
        .any(|w| {
            (shortest..=longest).contains(&w.len())
                && SECTION_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w))
        })
}

/// Whether line `i` is a markdown heading that counts comments (`## 45
/// comments`); a menu entry (`* 45 comments`) is not.
fn is_count_heading(page: &Page<'_>, i: usize) -> bool {
    let text = &page.text[i];
    let rest = text.trim_start_matches('#');
    rest.len() < text.len()
        && rest.starts_with(' ')
        && is_comment_header(rest.trim_start(), page.features[i].words)
}

/// The shape of a comment's signature line, by which the section's
/// signatures know each other: the first two words (`Alex on …`), or the
/// first and last words where the last has no digit (`by Eric on … Reply #`,
/// `by zdw on … Reply #`: a new name each time, the same frame).
#[derive(Clone, Copy)]
struct Signature<'p> {
    first: &'p str,
    second: &'p str,
    last: Option<&'p str>,
}

impl Signature<'_> {
    fn same_as(&self, other: &Signature<'_>) -> bool {
        self.first == other.first
            && (same_but_digits(self.second, other.second)
                || (self.last.is_some() && self.last == other.last))
    }
}

/// Whether two words are the same once their digits are set aside (`11,`
/// and `12,` in `October 11, 2012 | Eve` and `October 12, 2012 | Jess`),
/// where both have digits.
fn same_but_digits(a: &str, b: &str) -> bool {
    fn rest(w: &str) -> impl Iterator<Item = char> + '_ {
        w.chars().filter(|c| !c.is_ascii_digit())
    }
    let digit = |c: char| c.is_ascii_digit();
    a == b || (a.contains(digit) && b.contains(digit) && rest(a).eq(rest(b)))
}

/// Line `i`'s signature shape if it may be a comment's signature: a short
/// line with a digit (a date or a time) and no bullet (a list of
/// specifications, `• Cost: $20`, repeats its shape too).
fn signature<'p>(page: &'p Page<'_>, i: usize) -> Option<Signature<'p>> {
    let f = &page.features[i];
    if f.digits == 0 || f.bullet() || !(2..=SIGNATURE_MAX_WORDS).contains(&f.words) {
        return None;
    }
    let mut words = page.text[i].split_whitespace();
    let first = words.next()?;
    let second = words.next()?;
    let last = words
        .next_back()
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()));
    (!first.chars().any(|c| c.is_ascii_digit())).then_some(Signature {
        first,
        second,
        last,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const POST: &str = "The river rose by two metres overnight, and the town's old bridge was closed before dawn as a precaution.\nEngineers will inspect the piers on Monday, and the council expects to reopen the bridge to walkers by the end of the week.\n";
    const COMMENT: &str = "We had the same heat all week here, and the nights did not cool down at all until the storm came through on Friday.";

    #[test]
    fn a_section_word_is_a_whole_word_of_the_list_in_any_case() {
        assert!(has_section_word("Reader COMMENTS (14)"));
        assert!(has_section_word("Kommentare:") && has_section_word("Réponses et replies"));
        assert!(!has_section_word("Commentary") && !has_section_word("No comment"));
        assert!(!has_section_word("commentsé"));
    }

    fn section_of(page: &str) -> Option<Range<usize>> {
        let page = Page::analyse(page);
        let marks = vec![None; page.len()];
        section(&page, &marks)
    }

    #[test]
    fn a_signed_thread_under_a_bare_heading_is_a_section_up_to_the_footer() {
        let mut page = format!("{POST}Comments\n");
        for name in ["Ellen", "Toni", "Gina"] {
            page.push_str(&format!(
                "{COMMENT}\nPosted by: {name} at September 10, 2012 11:40 AM\n"
            ));
        }
        page.push_str(
            "About us\nContact\nPrivacy\nTerms\nJobs\nAdvertise\nArchive\nHelp\nSitemap\nRSS\n",
        );
        // Lines: 2 of post, heading at 2, then six lines of thread (3..=8).
        assert_eq!(section_of(&page), Some(2..9));
        // A colon ends a heading too; a full stop makes a sentence.
        let colon = page.replace("Comments\n", "Latest Comments:\n");
        assert_eq!(section_of(&colon), Some(2..9));
        let sentence = page.replace("Comments\n", "Read the comments.\n");
        assert_eq!(section_of(&sentence), None);
    }

    #[test]
    fn a_sidebar_widget_or_a_teaser_list_is_no_section() {
        // "Recent Comments" lists names and post titles, no comment prose.
        let mut widget = format!("{POST}Recent Comments\n");
        for name in ["Peter", "Jamie", "Thomas"] {
            widget.push_str(&format!(
                "{name} on Are 64-bit identifiers free from collision? 2019\n"
            ));
        }
        assert_eq!(section_of(&widget), None);
        // A columnist's teasers repeat a byline, not a dated signature.
        let mut teasers = format!("{POST}Comments\n");
        for _ in 0..3 {
            teasers.push_str(&format!("Max Fisher\n{COMMENT}\n"));
        }
        assert_eq!(section_of(&teasers), None);
    }

    #[test]
    fn a_count_heading_over_signatures_in_one_frame_is_a_section() {
        // html2text prints the count as a heading; each signature holds a new name.
        let mut page = format!("{POST}## 45 comments\n");
        for name in ["Eric Kennedy", "randfish", "zdw"] {
            page.push_str(&format!(
                "{COMMENT}\nby {name} on November 9, 2010 at 6:10 am. Reply #\n"
            ));
        }
        assert_eq!(section_of(&page), Some(2..9));
        // Without the heading nothing opens the section.
        assert_eq!(section_of(&page.replace("## 45 comments", "")), None);
    }

    #[test]
    fn dated_signatures_under_a_counted_heading_are_a_section() {
        // Each signature has its own date and name: only the frame repeats.
        let mut page = format!("{POST}Reader Comments (3)\n");
        for (day, name) in [(11, "Eve"), (12, "Riverside Photographer"), (13, "Jess")] {
            page.push_str(&format!("{COMMENT}\nOctober {day}, 2012 | {name}\n"));
        }
        assert_eq!(section_of(&page), Some(2..9));
        // A bar of links beside the byline is no heading.
        let bar = page.replace("Reader Comments (3)", "Comment | Read Comments (3)");
        assert_eq!(section_of(&bar), None);
    }

    #[test]
    fn a_short_thread_framed_alike_under_a_bare_heading_is_a_section() {
        // Two comments, each between the same two frame lines.
        let mut page = format!("{POST}Article Comments\n");
        for (n, text) in [(1, COMMENT), (2, "Our street flooded in the same storm, and the council only sent the pumps round two days after the water had gone down.")] {
            page.push_str(&format!(
                "Reader said:\n{text}\n{n} agree | 0 disagree\nReport as inappropriate\n"
            ));
        }
        assert_eq!(section_of(&page), Some(2..11));
        // A page printed twice repeats its prose too: no thread.
        let twice = format!("{POST}Comments\nBY ANN LEE\n{POST}BY ANN LEE\n{POST}");
        assert_eq!(section_of(&twice), None);
    }
}
