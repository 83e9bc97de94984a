//! Images set between an article's paragraphs, which do not end the
//! article however the line rules marked them.

use crate::page::Page;
use crate::rules::Mark;
use crate::score::Class;

/// Gives the lines that are only markup (an image, an empty link) no score
/// when prose stands right above and right below them: a figure set between
/// two paragraphs, or a gallery of them. Marked, such a line scored as noise
/// and cut the article's run in two, leaving the part above or below it
/// out, and a shorter best run let a comment or an author box in as a
/// further part. Above a heading, a byline or an author's blurb (`**NFL
/// Network Blog**` under the author's portrait), they still part what they
/// part: scoring every image line 0 moved dev gold F1 +0.0008 but dev_ext
/// -0.0005 and dev snippets -0.0004, against +0.0004, 0 and +0.0002 with
/// prose on both sides asked for.
pub(crate) fn credit_inline_images(page: &Page<'_>, marks: &[Option<Mark>], scores: &mut [f32]) {
    let prose = |i: usize| marks[i].is_none() && page.class(i) == Class::Good;
    // The last line with text, and the first image line since (only image
    // and blank lines lie between it and the next line with text).
    let mut above: Option<usize> = None;
    let mut images: Option<usize> = None;
    for i in page.ruled_lines() {
        if page.features[i].markup_only() {
            images.get_or_insert(i);
            continue;
        }
        if let Some(first) = images.take() {
            if above.is_some_and(prose) && prose(i) {
                for j in (first..i).filter(|&j| page.features[j].markup_only()) {
                    scores[j] = scores[j].max(0.0);
                }
            }
        }
        above = Some(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scores [`credit_inline_images`] leaves, every line starting at
    /// -1 and the lines `marked` holds marked.
    fn credited(page: &str, marked: &[usize]) -> Vec<f32> {
        let page = Page::analyse(page);
        let mut marks = vec![None; page.len()];
        for &i in marked {
            marks[i] = Some(Mark {
                reason: 0,
                rule: 0,
                weak: false,
                opens_comments: false,
            });
        }
        let mut scores = vec![-1.0; page.len()];
        credit_inline_images(&page, &marks, &mut scores);
        scores
    }

    const PARAGRAPH: &str = "The river rose by two metres overnight, and the town's old bridge was closed before dawn as a precaution.";

    #[test]
    fn images_between_two_paragraphs_score_nothing() {
        let image = "![The bridge](https://example.org/bridge.jpg)";
        let page = format!("{PARAGRAPH}\n\n{image}\n{image}\n\n{PARAGRAPH}");
        assert_eq!(credited(&page, &[2, 3]), [-1.0, -1.0, 0.0, 0.0, -1.0, -1.0]);
        // A short line below (a portrait above an author's name), or a
        // marked paragraph, leaves them as they were.
        let page = format!("{PARAGRAPH}\n{image}\n**About the author**\n{PARAGRAPH}");
        assert_eq!(credited(&page, &[1]), [-1.0; 4]);
        let page = format!("{PARAGRAPH}\n{image}\n{PARAGRAPH}");
        assert_eq!(credited(&page, &[1, 2]), [-1.0; 3]);
    }
}
