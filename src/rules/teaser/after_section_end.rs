use super::section_heading::{heading_max_words, heading_phrase, PHRASES};
use crate::features::{closes_sentence, ends_sentence};
use crate::rules::comments::{is_comment_header, HEADER_WORDS};
use crate::rules::{declare_rule, shorten, Context, Marks};
use crate::score::Class;

/// Share of the article's text that must come before a link-block heading
/// for the heading to end the article.
const ENDED_SHARE: f32 = 0.6;
/// Most of what follows a teaser heading is short: titles, deks, bylines.
const MAX_PROSE_AFTER: f32 = 0.7;

declare_rule! {
    /// Everything between a link-block heading near the end of the article and
    /// the end of the article region.
    ///
    /// **What it removes:** when a heading such as "Related", "More from …",
    /// "Comments" or "Lesen Sie auch" (or a comment header, `CMT001`) stands
    /// inside the article region after at least 60% of its text, and what
    /// follows it is mostly not prose that closes its sentences (titles, cut
    /// deks), the lines after it up to the region's end. After a comment header, prose does not matter.
    ///
    /// **Why it is noise:** a teaser block of other stories often has long deks
    /// that read like prose; the heading says the article is over.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// …
    ///   Read next
    /// - Orkney's war on stoats
    /// - A coordinated stoat cull on the Scottish islands has proved successful, and conservationists are not slowing down now: traps are going out on every farm on the islands.
    ///   Cuba's energy crisis
    ///   The island nation struggles with blackouts
    /// ```
    ///
    /// ```text
    ///   The council met on Tuesday evening to discuss the budget for the coming year, and the debate went on for several hours.
    ///   Related
    ///   Members argued about the cost of repairing the old bridge, which has been closed to traffic since the floods in the spring.
    ///   In the end they agreed to ask the regional government for help, although nobody was sure that the money would arrive in time.
    /// + The mayor said that she was disappointed by the delay but that the town would find a way to reopen the crossing before winter.
    /// ```
    ///
    /// ```text
    /// …
    /// …
    ///   Related stories
    ///   Bridge closure: what we know so far
    /// + The ferry that replaced the crossing has carried more passengers this month than in the whole of last year, its operator said.
    /// + Shopkeepers on the far bank say that trade has fallen by a third, and several of them have asked the council for a rates holiday.
    ///   Tags: bridge, council, ferry
    ///   About the author
    ///   Jo Bloggs covers the town hall
    ///   Follow Jo on social media
    ///   More from the town hall desk
    ///   Contact the newsroom
    /// ```
    ///
    /// ```text
    /// …
    /// …
    ///   Engineers will inspect the piers on Monday, and the council expects to open the bridge to walkers by the end of the week.
    ///   The vote on the new crossing was unanimous, and the work is to start in the spring once the river is low enough.
    ///   Shopkeepers on the far bank say that trade has fallen by a third, and several have asked the council for a rates holiday.
    ///   Read more
    ///   • Bridge closure: what we know so far
    ///   • The ferry's busiest month
    ///   Conclusion
    /// + In the end the bridge will reopen to walkers in the spring, and to cars a year later, the council said.
    ///   Questions and answers
    ///   When will the work start?
    /// + The engineers expect to start on the piers in March, once the river is low enough to reach them.
    /// + Until then the ferry will run every twenty minutes, and the council will pay for the extra crossings.
    ///   Share this article
    ///   More on the town
    ///   • Wireframing: the essential guide for designers
    ///   Nov 13, 2025
    ///   11 min read
    ///   • Top ten web design trends for 2026
    ///   Jan 15, 2025
    ///   9 min read
    ///   • How to plan a website from scratch
    ///   Mar 2, 2025
    ///   7 min read
    /// ```
    ///
    /// **Keeps:** the article before the heading, everything when the heading
    /// comes early (a "Related" box in the first half of a story), the
    /// story below a box of links when two paragraphs of it follow the box
    /// (a "Related" box set inside the story; below a bulleted list of
    /// links, two paragraphs within five lines, as the story may go on
    /// under its own subheadings), and a page of linked posts
    /// whose "Read more" under each post first stands early in the article.
    ///
    /// **Languages:** as `TSR001`.
    pub struct AfterSectionEnd {
        code: "TSR004",
        name: "after-section-end",
        family: Teaser,
        phase: Context,
        max_words: heading_max_words().max(14),
    }

    /// Link-block headings, then the words of comment headers (so that
    /// only lines holding one are tried as comment headers).
    fn triggers(&self) -> Vec<String> {
        let mut phrases = PHRASES.entries().to_vec();
        phrases.extend(HEADER_WORDS.iter().map(|w| w.to_string()));
        phrases
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        let Some(state) = cx.state else { return };
        // Every heading it acts on is a trigger hit; without one there is
        // nothing to do (and no per-line sums to pay for).
        if cx.triggers.is_empty() {
            return;
        }
        let region = state.region.clone();
        let page = cx.page;
        // Headings from the trigger phrases, and comment-section headers.
        let headings = PHRASES.entries().len();
        let mut ends: Vec<(usize, String, bool)> = cx
            .triggers
            .iter()
            .filter(|t| t.phrase() < headings)
            .filter_map(|t| heading_phrase(cx, t).map(|p| (t.line(), p.to_string(), false)))
            .collect();
        let mut last = None;
        for t in cx.triggers.iter().filter(|t| t.phrase() >= headings) {
            let i = t.line();
            if last == Some(i) || !region.contains(&i) {
                continue;
            }
            last = Some(i);
            let text = &page.text[i];
            if is_comment_header(text, page.features[i].words) {
                ends.push((i, shorten(text, 30).to_string(), true));
            }
        }
        // No heading to weigh: no per-line sums to pay for.
        if ends.is_empty() {
            return;
        }
        ends.sort();
        // Prefix sums of kept characters (all, and prose only), so that each
        // heading costs the same however long the page. They wrap: a
        // difference is right for any run of fewer than 2^32 characters.
        let mut all = vec![0u32; page.len() + 1];
        let mut prose = vec![0u32; page.len() + 1];
        for i in 0..page.len() {
            let kept = if out.is_removed(i) {
                0
            } else {
                page.features[i].chars
            };
            // Teaser titles and cut deks are prose-like but close no sentence.
            let good = page.class(i) == Class::Good
                && closes_sentence(&page.text[i]);
            all[i + 1] = all[i].wrapping_add(kept);
            prose[i + 1] = prose[i].wrapping_add(if good { kept } else { 0 });
        }
        let kept_chars = |range: std::ops::Range<usize>, prose_only: bool| -> u64 {
            let sums = if prose_only { &prose } else { &all };
            u64::from(sums[range.end].wrapping_sub(sums[range.start]))
        };
        let total = kept_chars(region.clone(), false);
        if total == 0 {
            return;
        }
        let early = |i: usize| (kept_chars(region.start..i, false) as f32) < ENDED_SHARE * total as f32;
        // Per text (indexed by its first line): whether its first copy in the
        // region stood early.
        let mut first_copy: Vec<Option<bool>> = vec![None; page.len()];
        for (line, heading, comments) in ends {
            if line <= region.start || line >= region.end {
                continue;
            }
            // A link repeated under every item of a list ("Read more") whose
            // first copy stands early in the article is the article's own
            // list (a page of linked posts), not its end. Every copy is a
            // hit, so the first one in the region passes here first.
            let first = *first_copy[page.first_seen(line)].get_or_insert_with(|| early(line));
            if first && !early(line) {
                continue;
            }
            // Long prose after a heading means the article goes on (a
            // "Related" box in its middle), not a teaser block; look to the
            // end of the page, as teaser deks often end the region themselves.
            let after = kept_chars(line + 1..page.len(), false);
            let prose_after = kept_chars(line + 1..page.len(), true);
            let teaser_like = (prose_after as f32) < MAX_PROSE_AFTER * after as f32;
            if !early(line)
                && (teaser_like || comments)
                && !inline_box(cx, line, region.end, &heading, comments)
            {
                for i in line + 1..region.end {
                    if !page.is_blank(i) {
                        out.remove(i, format!("after \"{heading}\", which ends the article"));
                    }
                }
                return;
            }
        }
    }
}

/// Whether the heading at `line` opens a box set inside the story, which
/// [`resumes`] below it. Comments are paragraphs too: a comment header or
/// a comments heading is never such a box.
fn inline_box(
    cx: &Context<'_, '_>,
    line: usize,
    end: usize,
    heading: &str,
    comments: bool,
) -> bool {
    let about_comments = comments
        || heading
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| HEADER_WORDS.iter().any(|h| h.eq_ignore_ascii_case(w)));
    !about_comments && resumes(cx, line, end)
}

/// Whether the article goes on below the box that the heading at `line`
/// opens: past the box's lines (links, titles), two paragraphs in a row,
/// each ending a sentence and neither a list item. A teaser block
/// alternates titles and deks, or lists its deks; an inline "Related" box
/// sits between two paragraphs of its story.
fn resumes(cx: &Context<'_, '_>, line: usize, end: usize) -> bool {
    let page = cx.page;
    let paragraph = |i: usize| {
        let f = &page.features[i];
        !f.bullet()
            && !page.text[i].starts_with(|c: char| c.is_ascii_digit())
            && page.class(i) == Class::Good
            && ends_sentence(&page.text[i], f)
    };
    let mut lines = (line + 1..end).filter(|&i| !page.is_blank(i));
    let Some(first) = lines.next() else {
        return false;
    };
    if paragraph(first) {
        return false;
    }
    if lines.find(|&i| paragraph(i)).is_none() {
        return false;
    }
    let below: Vec<usize> = lines.take(RESUMED_REACH).collect();
    let in_row = below
        .get(..RESUMED_PARAGRAPHS - 1)
        .is_some_and(|next| next.iter().all(|&i| paragraph(i)));
    // Below a list of links, the story may go on under its own
    // subheadings (`Conclusion`, `FAQ`): its paragraphs need not touch.
    let under_subheadings = page.features[first].bullet()
        && below.iter().filter(|&&i| paragraph(i)).count() >= RESUMED_PARAGRAPHS - 1;
    in_row || under_subheadings
}

/// Text lines below the first resumed paragraph in which a story below a
/// list of links shows its next paragraphs.
const RESUMED_REACH: usize = 4;

/// Paragraphs in a row that tell the story resumed below a box.
const RESUMED_PARAGRAPHS: usize = 2;
