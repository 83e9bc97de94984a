use crate::features::ends_sentence;
use crate::rules::{declare_rule, Context, Marks};
use crate::score::Class;

/// A gallery shows at least this many counted slides.
const MIN_SLIDES: usize = 3;
/// A slide (its counter, caption and credit) spans at most this many lines.
const MAX_SLIDE_LINES: usize = 8;
/// Paragraphs the page must have outside the gallery: a page that is a
/// slideshow (its captions are the story) keeps it.
const MIN_STORY_PARAGRAPHS: usize = 3;
/// A counter line is a slide's title at most.
const MAX_COUNTER_WORDS: u32 = 16;

declare_rule! {
    /// Photo galleries: slides counted `1/50`, `2/50`, … and their captions.
    ///
    /// **What it removes:** three or more lines that open with a slide
    /// counter of one gallery (`k/N`, the same `N`, `k` going up by one),
    /// the lines between them, and the caption under the last one.
    ///
    /// **Why it is noise:** a slideshow (`Business news in pictures`) set
    /// into a page is a box of other stories' photos; its captions are
    /// sentences, so without the counters the run search takes them for
    /// article, and fifty of them outweigh the story around them.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - 1/50 United goin down
    /// - Manchester United's absence from the Champions League hurt more than the fans' pride last year.
    /// - 2/50 Star Wars boosts economy
    /// - Production of the next Star Wars movie has brought an economic impact of some £150 million to the country.
    /// - 3/50 Natalie Massenet Leaves Net-a-Porter
    /// - The Net-a-Porter founder decided to quit the online fashion retailer during the merger.
    /// …
    /// ```
    ///
    /// ```text
    /// + 10/26 was the day the council met to discuss the budget for the coming year.
    /// + 10/27 was the day it voted, and the budget passed by a wide margin after a long debate.
    /// + 10/28 was the day the mayor signed it into law in front of the town hall.
    /// ```
    ///
    /// **Keeps:** a page that is a slideshow (fewer than three paragraphs
    /// outside the gallery), dates (`10/26`, `10/27`: the same number does
    /// not count the slides of one gallery), and lines after the last
    /// slide's caption.
    ///
    /// **Languages:** any.
    pub struct Gallery {
        code: "CAP003",
        name: "gallery",
        family: Caption,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        let page = cx.page;
        // (line, k, N) of every counter line, in page order.
        let counters: Vec<(usize, u32, u32)> = cx
            .lines()
            .filter(|(_, _, f)| f.digits >= 2 && f.words <= MAX_COUNTER_WORDS)
            .filter_map(|(i, text, _)| counter(text).map(|(k, n)| (i, k, n)))
            .collect();
        let paragraph = |i: usize| {
            let f = &page.features[i];
            page.class(i) == Class::Good && ends_sentence(&page.text[i], f)
        };
        let galleries = counters.chunk_by(|&(line, k, n), &(next_line, next_k, next_n)| {
            next_n == n && next_k == k + 1 && next_line - line <= MAX_SLIDE_LINES
        });
        for slides in galleries.filter(|slides| slides.len() >= MIN_SLIDES) {
            let first = slides[0].0;
            // The last slide's caption: the next line with text.
            let last_counter = slides[slides.len() - 1].0;
            let last = page.next_text(last_counter).unwrap_or(last_counter);
            let story = (0..page.len())
                .filter(|i| !(first..=last).contains(i) && paragraph(*i))
                .take(MIN_STORY_PARAGRAPHS)
                .count();
            if story < MIN_STORY_PARAGRAPHS {
                continue;
            }
            for i in (first..=last).filter(|&i| !page.is_blank(i)) {
                out.remove_quoting(i, "slide of a photo gallery", 30);
            }
        }
    }
}

/// The slide counter opening `text` (`12/50 Title`, `1 / 5`): `k` and `N`,
/// with `1 <= k <= N`, and no third number after (`10/26/12` is a date).
fn counter(text: &str) -> Option<(u32, u32)> {
    let (k, rest) = leading_number(text)?;
    let rest = rest.trim_start().strip_prefix('/')?.trim_start();
    let (n, rest) = leading_number(rest)?;
    let dated =
        rest.starts_with(['/', '.', '-']) && rest[1..].starts_with(|c: char| c.is_ascii_digit());
    (k >= 1 && k <= n && !dated).then_some((k, n))
}

/// The number of one to three digits opening `s`, and what follows it.
fn leading_number(s: &str) -> Option<(u32, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if !(1..=3).contains(&end) {
        return None;
    }
    Some((s[..end].parse().ok()?, &s[end..]))
}

#[cfg(test)]
mod tests {
    use super::counter;

    #[test]
    fn a_counter_is_k_of_n_and_no_date() {
        assert_eq!(
            counter("12/50 Blockbusters aid Pinewood expansion"),
            Some((12, 50))
        );
        assert_eq!(counter("1 / 5"), Some((1, 5)));
        assert_eq!(counter("10/26/12 - 11/04/12 (11)"), None);
        assert_eq!(counter("3/09/15 8:00am"), None);
        assert_eq!(counter("51/50 Over the count"), None);
        assert_eq!(counter("2024/25 season"), None);
    }
}
