use crate::page::Page;
use crate::rules::text::without_bullet;
use crate::rules::{declare_rule, Context, Marks};

/// A recent-comments list has at least this many entries in a row (two
/// could be a pair of sentences that happen to share the shape).
const MIN_ENTRIES: usize = 3;
/// A run with entries that end in a full stop (as a sentence would) needs
/// this many.
const MIN_ENTRIES_WITH_STOPS: usize = 5;
/// The commenter's name before `on`: a handle, a full name or a site.
const MAX_NAME_WORDS: usize = 4;
/// A post title after it; a longer line is a sentence about someone.
const MAX_LINE_WORDS: u32 = 25;

declare_rule! {
    /// A blog's "Recent Comments" widget: who commented on which post.
    ///
    /// **What it removes:** three or more lines in a row (a blank line
    /// allowed between them), each the commenter's name, `on` and the
    /// title of a post (`Nick on An important vSphere 4 storage bug`);
    /// five or more when some of them end in a full stop.
    ///
    /// **Why it is noise:** the widget sits in the sidebar of every page of
    /// the blog. Its lines name posts, some of them ending in a question
    /// mark, so they can pass for short sentences and pull the article
    /// search into the sidebar.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    ///   Recent Comments
    /// - Nick on An important vSphere 4 storage bug and workaround
    /// - Craig on Stretched vSphere Clusters? DR with SRM? Why not BOTH?
    /// - Lee Dilworth on Want to see the future of storage with VMware?
    /// ```
    ///
    /// ```text
    /// …
    /// + The mayor on Monday: a vote on the bridge next week
    /// + Her deputy on Tuesday said the council had not yet seen the report.
    /// + The engineers on site were not asked
    /// …
    /// ```
    ///
    /// **Keeps:** one or two lines of that shape (three or four that end
    /// like sentences), and lines where lower-case words follow `on`.
    ///
    /// **Languages:** en (the widget's `on`).
    pub struct RecentComments {
        code: "CMT004",
        name: "recent-comments",
        family: Comments,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        let page = cx.page;
        let mut i = 0;
        while i < page.len() {
            if !is_entry(page, i) {
                i += 1;
                continue;
            }
            // The run's entries are counted, not kept: each is the next
            // line with text after the one before, walked again if taken.
            let next_entry = |j: usize| page.next_text(j).filter(|&n| n <= j + 2 && is_entry(page, n));
            let ends_stop = |k: usize| usize::from(page.text[k].ends_with('.'));
            let (mut j, mut entries, mut stops) = (i, 1, ends_stop(i));
            while let Some(next) = next_entry(j) {
                (j, entries, stops) = (next, entries + 1, stops + ends_stop(next));
            }
            // Some widgets end each title with a full stop; a run of such
            // lines must be longer before it is taken for one.
            if entries >= MIN_ENTRIES && (stops == 0 || entries >= MIN_ENTRIES_WITH_STOPS) {
                let mut k = i;
                loop {
                    out.remove(k, "entry of a recent-comments list");
                    match next_entry(k) {
                        Some(next) if k < j => k = next,
                        _ => break,
                    }
                }
            }
            i = j + 1;
        }
    }
}

/// Whether line `i` is `<name> on <Title>`: one to four words before the
/// first ` on `, none of them ending a sentence, then two words or more
/// opening with a capital, a digit or a quote.
fn is_entry(page: &Page<'_>, i: usize) -> bool {
    let f = &page.features[i];
    if f.words < 3 || f.words > MAX_LINE_WORDS {
        return false;
    }
    let text = without_bullet(&page.text[i]);
    // ` on ` is looked for only among the first words, byte by byte: the
    // name is short, and a search over every line would cost a pass.
    let bytes = text.as_bytes();
    let mut spaces = 0;
    let mut at = None;
    for (p, &c) in bytes.iter().enumerate() {
        if c != b' ' {
            continue;
        }
        if bytes[p + 1..].starts_with(b"on ") {
            at = Some(p);
            break;
        }
        spaces += 1;
        if spaces == MAX_NAME_WORDS {
            break;
        }
    }
    let Some(at) = at.filter(|&p| p > 0) else {
        return false;
    };
    let name_words = spaces + 1;
    let (name, title) = (&text[..at], &text[at + 4..]);
    // A site as the name (`Denserov.wordpress.com on …`) may hold dots.
    let name_ok = !name.contains(['.', '!', '?', ':', ',']) || name_words == 1;
    // A one-word title is a network (`Follow us on Twitter`), not a post.
    name_ok
        && title.split_whitespace().nth(1).is_some()
        && title
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"'“‘".contains(c))
}
