//! The article regions: the run of lines with the highest total content
//! score, widened by its lead, and further runs that score nearly as well.

use super::between::prose_between;
use super::headline::{repeats_headline, run_under_anchor, HEADLINE_REACH};
use super::params::Params;
use super::segments::{max_segment, maximal_segments};
use crate::features::{closes_sentence, ends_sentence};
use crate::page::Page;
use crate::rules::text::is_tag_line;
use crate::rules::{is_site_notice, Mark, State};
use crate::score::{is_lead_like, Class};
use std::ops::Range;

// The line scores of the region search. Each was set by hand and then
// checked by moving it both ways on the dev corpora (gold F1 of dev.jsonl /
// dev_ext.jsonl at the value shown and at the two others; the README's
// "Thresholds" table has the figures).

/// A prose line scores this much…
const GOOD_BASE: f32 = 1.0;
/// …plus one for every this many characters…
const GOOD_CHARS_PER_POINT: f32 = 200.0;
/// …counting at most this many, so one long paragraph cannot outweigh a
/// run of ordinary ones.
const GOOD_MAX_CHARS: u32 = 800;
/// Near-prose (see [`Class::NearGood`]): a little for the article.
const NEAR_GOOD_SCORE: f32 = 0.3;
/// A link-heavy or word-less line scores this much less…
const BAD_BASE: f32 = -1.0;
/// …and one less for every this many characters, up to this many.
const BAD_CHARS_PER_POINT: f32 = 200.0;
const BAD_MAX_CHARS: u32 = 400;
/// A marked line scores the preset's `noise_score`, and one less for a line
/// of this many characters or more.
const NOISE_MAX_CHARS: u32 = 300;
/// A lone part below the article with more paragraphs than this is the
/// story going on below an ad, not a blurb (see `article_regions`): with
/// no such limit two dev_ext pages lost 0.43 and 0.23.
const BLURB_MAX_PARAGRAPHS: usize = 2;
/// A further part below a related-links heading that follows the article
/// (`Most read`, `Weitere Beiträge`) needs this many lines ending a
/// sentence: the teasers under the heading read like short prose, the story
/// going on below a box of links has paragraphs. At 5: dev 0.9381 to
/// 0.9386, snippets 0.9253 to 0.9264, dev_ext 0.9081 to 0.9092, no page
/// worse; at 6 and more one page lost the reply quoted below a box (and
/// without a limit, two stories set around a `Most read` box lost half).
const UNDER_LINKS_PROSE_LINES: usize = 5;

/// How much a line looks like article prose (positive) or boilerplate
/// (negative); the region search sums these.
pub(crate) fn line_score(page: &Page<'_>, i: usize, marked: bool, params: &Params) -> f32 {
    let f = &page.features[i];
    if page.is_blank_input(i) || (f.markup_only() && !marked) {
        return 0.0;
    }
    if is_code_line(&page.text[i]) {
        return 0.0;
    }
    if marked {
        return params.noise_score - (f.chars.min(NOISE_MAX_CHARS) as f32) / NOISE_MAX_CHARS as f32;
    }
    match page.class(i) {
        Class::Good => GOOD_BASE + (f.chars.min(GOOD_MAX_CHARS) as f32) / GOOD_CHARS_PER_POINT,
        Class::NearGood => NEAR_GOOD_SCORE,
        Class::Short => params.short_score,
        Class::Bad => BAD_BASE - (f.chars.min(BAD_MAX_CHARS) as f32) / BAD_CHARS_PER_POINT,
    }
}

/// Whether a line is a line of program code: one that opens or closes a
/// block (`int add(int x, int y) {`, `}`, `});`), ends a statement
/// (`var cow = new Cow();`), is a `// ` comment or a line of HTML markup
/// (`<div id="mocha"></div>`). Marked or not, it scores 0, so that a post's
/// code blocks do not part the prose around them into runs too short to
/// count: readability/v8-blog 0.81 → 0.99 (dev_ext and innerText +0.0002),
/// two dev pages better, none worse on the three corpora; then statements,
/// comments and markup: readability/001 0.68 → 0.95 with `NAV001` leaving
/// markup alone (dev_ext and innerText +0.0004), no other page changed.
fn is_code_line(text: &str) -> bool {
    let t = crate::rules::text::trim(text);
    let bytes = t.as_bytes();
    // Asked of every line, several times a page: its last byte first.
    match bytes.last() {
        _ if bytes.len() >= CODE_LINE_MAX_BYTES => false,
        None => false,
        Some(b'{' | b'}' | b';') => true,
        Some(b'>') => is_tag_line(t),
        Some(_) => {
            t.starts_with("// ")
                || bytes
                    .iter()
                    .all(|b| matches!(b, b'{' | b'}' | b'(' | b')' | b';' | b'[' | b']' | b' '))
        }
    }
}

/// Longer lines ending in a brace are prose or data, not a line of code.
const CODE_LINE_MAX_BYTES: usize = 120;

/// What the region search looks at: the page and the marks of the
/// line-phase rules.
pub(crate) struct Search<'p, 'a> {
    pub page: &'p Page<'a>,
    pub marks: &'p [Option<Mark>],
    pub params: &'p Params,
    /// The rule index of related-links headings (see
    /// [`crate::rules::section_end_info`]).
    pub section_end: Option<u16>,
    /// The rule index of copyright notices (see
    /// [`crate::rules::site_footer_info`]).
    pub copyright: Option<u16>,
    /// The headline the caller's hints name (see [`super::headline::anchor`]).
    pub anchor: Option<usize>,
    /// The ingredient and parts lists (see
    /// [`super::lists::credit_quantity_lists`]).
    pub quantity_lists: &'p [Range<usize>],
    /// A list article's numbered sections (see
    /// [`super::lists::credit_numbered_sections`]).
    pub series: &'p [Range<usize>],
}

impl Search<'_, '_> {
    /// The article: the run of lines with the highest total content score
    /// runs that score nearly as well (a long article broken up by lists).
    pub(crate) fn article_regions(&self, scores: &[f32]) -> Regions {
        let (page, marks) = (self.page, self.marks);
        let segments = maximal_segments(scores.iter().copied());
        // The best run; the first of equals.
        let Some((best, best_range)) =
            segments
                .iter()
                .cloned()
                .reduce(|a, b| if b.0 > a.0 { b } else { a })
        else {
            return self.terse_article();
        };
        let (best_range, heading) = match self.above_section_end(&segments, (best, &best_range)) {
            Some((run, heading)) => (run, Some(heading)),
            None => (best_range, None),
        };
        // Under the headline the hints name, the story asked for; its lead
        // stops at the headline.
        let under = self.anchor.and_then(|a| {
            run_under_anchor(page, marks, a, &segments, &best_range).map(|run| (a, run))
        });
        let (best, best_range) = under.clone().map_or((best, best_range), |(_, run)| run);
        let mut main = self.with_lead(self.cut_at_end(best_range));
        if let Some((anchor, _)) = under {
            main.start = main.start.max(anchor + 1);
        }
        let mut all = vec![main.clone()];
        // In page order: the runs outside the main one come in order, and
        // the main one goes in among them at the end.
        // A run left out that scores too little for the block map is not
        // kept (a page can have a run every third line); a part of a run
        // scores no more than the run. A run outside the main one is
        // weighed once, the one the main one cuts in two twice, and the
        // main one goes in at the end: sized once, the list takes no room
        // to grow into unless a low part is a list article's section.
        let listed = segments
            .iter()
            .filter(|(sum, _)| *sum >= WEIGHED_MIN_SCORE)
            .count();
        let mut weighed: Vec<Weighed> = Vec::with_capacity(listed + 2);
        let threshold = (best * self.params.extra_region_share).max(self.params.extra_region_min);
        // A line of a paragraph: prose that ends a sentence. A list item
        // must close its sentence: a teaser list's headlines often hold one
        // (`¡Se entregó a la Policía! Colombiano sospechoso…`).
        let paragraph = |i: usize| {
            let (f, text) = (&page.features[i], &page.text[i]);
            marks[i].is_none()
                && page.class(i) == Class::Good
                && if f.bullet() {
                    closes_sentence(text)
                } else {
                    ends_sentence(text, f)
                }
        };
        // Reader comments follow the article; their prose is not part of it,
        // and nor is the run under a related-links heading passed over.
        let comments_from = (main.end..page.len())
            .find(|&i| marks[i].as_ref().is_some_and(|m| m.opens_comments))
            .unwrap_or(page.len())
            .min(heading.unwrap_or(page.len()));
        // The first related-links heading after the article: runs below it
        // need more paragraphs (found once, not per run).
        let links_from = self.section_end.and_then(|rule| {
            (main.end..page.len()).find(|&i| marks[i].as_ref().is_some_and(|m| m.rule == rule))
        });
        // A run that reaches into the main region (whose lead may extend
        // into a neighbour) or into the comments yields its best part outside.
        let outside = |seg: Range<usize>| {
            let left = seg.start..seg.end.min(main.start);
            let right = seg.start.max(main.end)..seg.end.min(comments_from);
            [left, right]
                .into_iter()
                .filter(|p| !p.is_empty())
                .map(|p| max_segment(scores, p))
        };
        for (sum, seg) in segments.into_iter().flat_map(|(_, seg)| outside(seg)) {
            if seg.is_empty() {
                continue;
            }
            // A list article's sections are article however little each
            // holds (one paragraph and a facts list between link lists).
            let section = self.series.iter().any(|s| s.contains(&seg.start));
            if sum < threshold && !section {
                if sum >= WEIGHED_MIN_SCORE {
                    weighed.push(Weighed {
                        lines: seg,
                        score: sum,
                        fate: Fate::Low { needed: threshold },
                    });
                }
                continue;
            }
            // One paragraph on its own is an author box or a site blurb, not
            // article; nor are lines that end no sentence (a list of
            // headlines, a block of contact details), however long.
            let prose_lines = seg.clone().filter(|&i| paragraph(i)).count();
            // A recipe's ingredients, set apart from its steps, are article
            // without a sentence.
            let holds_list = self
                .quantity_lists
                .iter()
                .any(|l| seg.start <= l.start && l.end <= seg.end);
            let under_links = links_from.is_some_and(|h| h < seg.start);
            let needed = if under_links {
                UNDER_LINKS_PROSE_LINES.max(self.params.extra_region_prose_lines)
            } else {
                self.params.extra_region_prose_lines
            };
            let fate = if section {
                all.push(seg.clone());
                Fate::Section
            } else if prose_lines >= needed || holds_list {
                all.push(seg.clone());
                Fate::Part
            } else {
                Fate::FewParagraphs {
                    have: u32::try_from(prose_lines).unwrap_or(u32::MAX),
                    needed: u32::try_from(needed).unwrap_or(u32::MAX),
                    under_links,
                }
            };
            if fate.taken() || sum >= WEIGHED_MIN_SCORE {
                weighed.push(Weighed {
                    lines: seg,
                    score: sum,
                    fate,
                });
            }
        }
        all.sort_by_key(|r| r.start);
        // A lone short part below the article is its footer's blurb (an
        // author box, the site's self-description, a disclaimer); parts in
        // a series (a list article's entries) stay, and so does a story
        // that goes on below an ad (three paragraphs or more).
        let below: Vec<usize> = (0..all.len())
            .filter(|&k| all[k].start >= main.end)
            .collect();
        if let [k] = below[..] {
            let lines = all[k]
                .clone()
                .filter(|&i| !page.is_blank(i) && marks[i].is_none());
            if lines.count() <= self.params.lone_part_max_lines
                && all[k].clone().filter(|&i| paragraph(i)).count() <= BLURB_MAX_PARAGRAPHS
            {
                let blurb = all.remove(k);
                if let Some(w) = weighed.iter_mut().find(|w| w.lines == blurb) {
                    w.fate = Fate::Blurb;
                }
            }
        }
        // Prose between two parts of the article is article too.
        let weak = |i: usize| marks[i].as_ref().is_some_and(|m| m.weak);
        let text = |i: usize| !page.is_blank(i) && marks[i].is_none();
        let between = prose_between(&all, text, paragraph, weak);
        if !between.is_empty() {
            all.extend(between);
            all.sort_by_key(|r| r.start);
        }
        let at = weighed
            .iter()
            .position(|w| w.lines.start >= main.start)
            .unwrap_or(weighed.len());
        weighed.insert(
            at,
            Weighed {
                lines: main.clone(),
                score: best,
                fate: Fate::Main,
            },
        );
        trim_weighed(&mut weighed);
        Regions { main, all, weighed }
    }

    /// When `run` sits right under a related-links heading (`Related posts`,
    /// `Ähnliche Beiträge`: a teaser block, or the post's footer and author
    /// box) and a run with prose lies above the heading, that run and the
    /// heading: a short post above its footer is the article.
    fn above_section_end(
        &self,
        segments: &[(f32, Range<usize>)],
        (best, run): (f32, &Range<usize>),
    ) -> Option<(Range<usize>, usize)> {
        let (page, marks) = (self.page, self.marks);
        let rule = self.section_end?;
        let heading = page
            .prev_text(run.start)
            .filter(|&j| marks[j].as_ref().is_some_and(|m| m.rule == rule))?;
        let above = segments
            .iter()
            .filter(|(sum, r)| {
                r.end <= heading
                    && *sum * UNDER_SECTION_END_SHARE >= best
                    && r.clone()
                        .any(|i| marks[i].is_none() && page.class(i) == Class::Good)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))?;
        Some((above.1.clone(), heading))
    }

    /// The prose directly under the headline, when a block of noise (a
    /// sign-up box, an ad) parts it from the article below: the headline
    /// vouches for it however short it is. `None` unless the best run
    /// between the headline and the article starts on the first line under
    /// the headline (or the one after, past a dek) and holds prose. With no
    /// headline line (`title` `None`: the caller knows the title and no line
    /// repeats it, as in a page cleaned before), the page's first line is
    /// the one under it.
    pub(crate) fn under_headline(
        &self,
        scores: &[f32],
        title: Option<usize>,
        article_start: usize,
    ) -> Option<Range<usize>> {
        let page = self.page;
        let below = |from: usize| (from..page.len()).filter(|&j| !page.is_blank(j));
        let from = title.map_or(0, |t| t + 1);
        let first = below(from).next().filter(|&i| i < article_start)?;
        // Without a headline line, the page's first lines right above the
        // article (a date, a byline) were under the headline where the
        // page came from.
        if title.is_none() {
            let mut opening = below(from).take_while(|&i| i < article_start);
            let unmarked = opening
                .by_ref()
                .take(HEADLINE_REACH)
                .all(|i| self.marks[i].is_none());
            if unmarked && opening.next().is_none() {
                return Some(first..article_start);
            }
            // So were a few lines between a first paragraph and the rest
            // (a lead, a salutation, a gallery's controls).
            let opens_with_prose = self.marks[first].is_none()
                && matches!(page.class(first), Class::Good | Class::NearGood);
            if opens_with_prose
                && below(from).take_while(|&i| i < article_start).count() <= CLEANED_LEAD_LINES
            {
                return Some(first..article_start);
            }
        }
        // A date or byline line between the headline and its dek is passed over.
        let first = below(from)
            .take(MARKED_UNDER_HEADLINE + 1)
            .take_while(|&i| i < article_start)
            .find(|&i| self.marks[i].is_none())
            .unwrap_or(first);
        // A line printed twice in a row is an image's alt text and caption.
        if page
            .next_text(first)
            .is_some_and(|n| page.first_seen(n) == first)
        {
            return None;
        }
        let (sum, run) = max_segment(scores, first..article_start);
        // A dek is often one shorter sentence: near-prose will do for the
        // first line under the headline, unless it says the headline again
        // (cleaned again, it would be taken for the headline).
        let prose = run
            .clone()
            .any(|i| self.marks[i].is_none() && page.class(i) == Class::Good)
            || (run.start == first
                && page.class(first) == Class::NearGood
                && !title.is_some_and(|t| repeats_headline(page, t, first)));
        let close = below(first).take(HEADLINE_REACH).any(|i| i == run.start);
        (sum > 0.0 && prose && close && self.marks[first].is_none()).then_some(first..run.end)
    }

    /// For a page with no prose line at all (results tables, short notes,
    /// lists): the best run of lines that are at least sentences, so a terse
    /// article is kept whole rather than dropped for being terse.
    fn terse_article(&self) -> Regions {
        let (page, marks) = (self.page, self.marks);
        // Scored as they are read: a page of millions of short lines takes
        // this path, and an array of them would be four more bytes a line.
        let scores = (0..page.len()).map(|i| {
            let f = &page.features[i];
            if page.is_blank_input(i) || (f.markup_only() && marks[i].is_none()) {
                0.0
            } else if marks[i].is_some() || f.link_density() > 0.5 {
                self.params.noise_score
            } else if f.words >= 4 && (f.terminal() || f.inner_sentence()) {
                0.5
            } else if f.words >= 3 {
                0.0
            } else {
                self.params.short_score
            }
        });
        let Some((best, range)) =
            maximal_segments(scores)
                .into_iter()
                .reduce(|a, b| if b.0 > a.0 { b } else { a })
        else {
            return Regions::default();
        };
        if best < TERSE_MIN_SCORE {
            return Regions::default();
        }
        Regions {
            main: range.clone(),
            all: vec![range.clone()],
            weighed: vec![Weighed {
                lines: range,
                score: best,
                fate: Fate::Terse,
            }],
        }
    }

    /// `run` up to the first comment header (`1 Comment`, `Leave a Reply`)
    /// or the site's copyright notice (`© 2008, KTVU.`) that follows some of
    /// its prose: comments come after the article, and so does the footer.
    /// A thread too short to be a section on its own, a comment form and a
    /// sidebar below either can still outscore their cost. An end above the
    /// run's prose (a count beside the byline) cuts nothing.
    fn cut_at_end(&self, run: Range<usize>) -> Range<usize> {
        let (page, marks) = (self.page, self.marks);
        let mut prose = 0;
        for i in run.clone() {
            match &marks[i] {
                Some(m)
                    if prose >= PROSE_BEFORE_END
                        && (m.opens_comments
                            || (Some(m.rule) == self.copyright
                                && is_site_notice(&page.text[i]))) =>
                {
                    return run.start..i
                }
                None if page.class(i) == Class::Good => prose += 1,
                _ => {}
            }
        }
        run
    }

    /// `best_range` widened by the lead (dek) that often sits just above the
    /// first paragraph and is too short to pay for itself in the sum.
    fn with_lead(&self, best_range: Range<usize>) -> Range<usize> {
        let (page, marks) = (self.page, self.marks);
        let mut first = best_range.start;
        let mut taken = 0;
        let mut j = first;
        while taken < self.params.lead_lines && j > 0 {
            j -= 1;
            if page.is_blank(j) || marks[j].is_some() {
                continue;
            }
            if !is_lead_like(&page.features[j], page.lang.is_some()) {
                break;
            }
            first = j;
            taken += 1;
        }
        first..best_range.end
    }
}

/// A page cleaned before that opens with a paragraph: at most this many
/// lines of text between it and the article are taken in with it.
const CLEANED_LEAD_LINES: usize = 8;

/// Lines a rule removed (a date, a byline, the headline printed again) that
/// may sit between the headline and the prose under it.
const MARKED_UNDER_HEADLINE: usize = 3;

/// The run above a related-links heading is taken over the one under it
/// when the one under it scores at most this many times as much: a post's
/// footer and author box outscore a short post, but not by this much; a
/// whole article under a stray `Related` label does.
const UNDER_SECTION_END_SHARE: f32 = 4.0;

/// A comment header or the site's copyright notice cuts the best run when
/// at least this many of the run's prose lines come before it.
const PROSE_BEFORE_END: usize = 2;

/// How many sentence lines (at 0.5 each) a terse article needs.
const TERSE_MIN_SCORE: f32 = 1.5;

/// The article regions of a page.
#[derive(Debug, Default)]
pub(crate) struct Regions {
    /// The best-scoring region, with its lead.
    pub main: Range<usize>,
    /// All regions in page order, the main one included.
    pub all: Vec<Range<usize>>,
    /// The runs the search weighed and what became of them, for the block
    /// map.
    pub weighed: Vec<Weighed>,
}

/// Ends each region at its best-scoring prefix of the lines still kept after
/// the context rules. Returns whether any region got shorter.
pub(crate) fn settle_region_ends(
    state: &mut State,
    marks: &[Option<Mark>],
    scores: &[f32],
) -> bool {
    let mut changed = false;
    for region in &mut state.regions {
        let mut sum = 0.0f32;
        let mut best = f32::NEG_INFINITY;
        let mut best_end = region.end;
        for i in region.clone() {
            if marks[i].as_ref().is_some_and(|m| !m.weak) || state.title == Some(i) {
                continue;
            }
            sum += scores[i];
            if sum > best {
                best = sum;
                best_end = i + 1;
            }
        }
        if best_end < region.end && best > 0.0 {
            for flag in &mut state.article[best_end..region.end] {
                *flag = false;
            }
            if state.region == *region {
                state.region.end = best_end;
            }
            region.end = best_end;
            changed = true;
        }
    }
    changed
}

mod weighed;
use weighed::{trim_weighed, WEIGHED_MIN_SCORE};
pub(crate) use weighed::{Fate, Weighed};

#[cfg(test)]
mod tests;
