//! Prose between two parts of the article: the lines a run of short lines
//! (a quoted mail's headers, a list's labels) cut off from both parts.

use std::ops::Range;

/// The stretches of the gaps between consecutive `parts` (in page order)
/// that belong to the article: a gap counts when at least half of its text
/// lines (`is_text`: not blank, not marked by a rule) are paragraphs
/// (`is_paragraph`) and it has one. Lines only suspected as noise
/// (`is_weak`, a repeat of a line) are left out, since inside the article
/// they would be kept.
pub(super) fn prose_between(
    parts: &[Range<usize>],
    is_text: impl Fn(usize) -> bool,
    is_paragraph: impl Fn(usize) -> bool,
    is_weak: impl Fn(usize) -> bool,
) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    for pair in parts.windows(2) {
        let gap = pair[0].end..pair[1].start;
        let (text, prose) = gap
            .clone()
            .filter(|&i| is_text(i))
            .fold((0, 0), |(t, p), i| {
                (t + 1, p + usize::from(is_paragraph(i)))
            });
        if prose == 0 || prose * 2 < text {
            continue;
        }
        let mut start = gap.start;
        for i in gap.clone().chain([gap.end]) {
            if i == gap.end || is_weak(i) {
                if start < i {
                    found.push(start..i);
                }
                start = i + 1;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page in letters: `P` paragraph, `s` short line, `x` marked by a
    /// rule, `w` only suspected, `.` blank.
    fn between(page: &str, parts: &[Range<usize>]) -> Vec<Range<usize>> {
        let at = |i: usize| page.as_bytes()[i];
        prose_between(
            parts,
            |i| matches!(at(i), b'P' | b's'),
            |i| at(i) == b'P',
            |i| at(i) == b'w',
        )
    }

    #[test]
    fn prose_cut_off_between_two_parts_is_article() {
        // Part, a mail's headers (marked), the reply's prose around a
        // short line, part.
        assert_eq!(between("PPPxxPsPPPP", &[0..3, 8..11]), vec![3..8]);
    }

    #[test]
    fn a_gap_of_labels_or_without_prose_is_not() {
        // More short lines than paragraphs: a teaser block.
        assert!(between("PPPsssPPPP", &[0..3, 7..10]).is_empty());
        assert!(between("PPPxx..PPP", &[0..3, 7..10]).is_empty());
        // One part: nothing lies between.
        assert!(between("PPPsP", std::slice::from_ref(&(0..3))).is_empty());
    }

    #[test]
    fn an_answer_between_two_parts_of_a_faq_is_kept() {
        use crate::rules::testing::{assert_has_line, assert_no_line, kept};
        let questions = [
            "When does the program start?",
            "Where do we stay?",
            "What should I bring?",
            "Can I arrive early?",
        ];
        let answers = [
            "The program starts on the first Monday of the month, and the team meets at the hotel in the evening for a welcome dinner.",
            "Teams stay at a small family hotel near the old town, and every room has its own bathroom and a balcony over the harbour.",
            "Bring comfortable shoes, a light jacket for the evenings and an adapter for the sockets, which take two round pins.",
            "If you arrive before the start date, the hotel will give you the team rate for up to three nights, breakfast included.\nThe station is a short walk from the hotel, and the staff will keep your luggage if your room is not ready yet.\nPlease tell the team leader the day and time of your arrival, so that we know when to expect you.",
        ];
        let mut page = format!(
            "Volunteer Programs in Italy\n\nFrequently Asked Questions\n\n{}\n\n",
            questions.join("\n")
        );
        page += "Our orientation sessions are a critical part of the preparation for your assignment, so please plan to arrive at the hotel by the afternoon of the first day.\nIf your flight is delayed, call the team leader as soon as you land, and we will arrange for someone to meet you at the station in town.\nBack to top\n\n";
        for (q, a) in questions.iter().zip(answers) {
            page += &format!("{q}\n{a}\nBack to top\n\n");
        }
        // The first answer lies between the opening part and the last
        // answer's part, cut off by repeated questions and "Back to top".
        let out = kept(&page);
        assert_has_line(&out, "The program starts");
        assert_no_line(&out, "Back to top");
    }

    #[test]
    fn a_suspected_repeat_in_the_gap_stays_outside() {
        assert_eq!(between("PPPPwPPPP", &[0..3, 6..9]), vec![3..4, 5..6]);
    }
}
