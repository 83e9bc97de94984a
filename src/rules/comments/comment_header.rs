use crate::rules::text::{last_word, regex};
use crate::rules::{declare_rule, Context, Marks, Rule, RuleInfo};
use once_cell::sync::Lazy;
use regex::Regex;

/// `12. joetoronto says:`, `Alex on May 1, 2018 at 6:34 am said:` and their
/// kin in other languages: a one-word name, or any name with a dated "on".
// `(?-u:\b)`: ASCII word boundaries, which the regex crate's lazy DFA can
// search; a Unicode `\b` sends lines with non-ASCII text to a slower engine.
static SAYS: Lazy<Regex> = Lazy::new(|| {
    regex(&format!(
        r"(?i)^(?:[•*-]\s*)?(?:\d+\.\s*)?(?:[^\s.!?]{{2,30}}|[^.!?]{{1,40}}\s(?:on|am|le|el|il)\s[^.!?]{{0,30}}\d{{4}}[^.!?]{{0,20}})\s+(?:{})\s*:?$",
        SAYS_VERBS
    ))
});
/// The verbs that close a `SAYS` header, as the pattern's alternation.
const SAYS_VERBS: &str =
    "says|said|wrote|replied|sagt|schreibt|schrieb|meint|dit|a écrit|dice|escribió|scrive|pisze|zegt";
static SAYS_VERB_LIST: Lazy<Vec<&str>> = Lazy::new(|| SAYS_VERBS.split('|').collect());

/// Whether `text` may match `SAYS`, asked first because the pattern reads
/// the whole line: the pattern ends with a verb and at most spaces and a
/// colon, so the line's last word is the verb. An ASCII last word is
/// compared with the ASCII verbs (pattern and list fold ASCII case alike);
/// any other goes to the pattern.
fn may_say(text: &str) -> bool {
    let last = last_word(text);
    !last.is_ascii() || SAYS_VERB_LIST.iter().any(|v| v.eq_ignore_ascii_case(last))
}

/// `by greytree ( 7124971 ) writes:` and `Re: subject (Score:3, Informative)`:
/// comment headers of forums and threaded discussions.
const THREAD: &str = r"(?i)^(?:[•*-]\s*)?(?:by\s+\S+\s*\(\s*\d+\s*\)\s*(?:writes|wrote|on)(?-u:\b).*|re:\s*\S.*\(score:\s*-?\d[^)]*\))$";
/// `34 responses to "…"`, `12 Comments`, `One comment`, `Kommentare (5)`, and a count in
/// braces (`{ 43 comments… read them below or add one }`).
const COUNT: &str = r"(?i)^(?:[{(\[]\s*)?(?:(?:\d+|one)\s+(?:responses?|comments?|replies|reactions|kommentare?|antworten|commentaires?|comentarios?|commenti|komentarz[ey]?|reacties)(?-u:\b)|(?:comments?|kommentare|commentaires|comentarios|kommentar)\s*\(\d+\))";

/// `25 thoughts on “How to Grow a Lemon Tree”`, `2 Gedanken zu „Folge 70“`:
/// a blog's count of comments with the post's title in quotes, which may
/// make the line long.
const TITLED: &str = r#"(?i)^(?:#+\s*)?(?:\d+|one)\s+(?:thoughts?|gedanken|gedachten|réflexions?|pensieri)\s+(?:on|zu|over|sur|su)\s*["“„«‘‚'\u{201D}]"#;
static TITLED_ONLY: Lazy<Regex> = Lazy::new(|| regex(TITLED));
/// Words without which `TITLED` cannot match (kept apart from
/// [`HEADER_WORDS`]: a heading such as "Final thoughts" is the article's).
const TITLED_WORDS: [&str; 7] = [
    "thought",
    "thoughts",
    "gedanken",
    "gedachten",
    "réflexion",
    "réflexions",
    "pensieri",
];
/// How long a line `TITLED` accepts may be (the title is the post's).
const TITLED_MAX_WORDS: u32 = 40;

/// `Discussion about this post`, `Join the conversation`: the heading a
/// platform prints over its comment thread, where no count is given.
const DISCUSSION: &str =
    r"(?i)^(?:#+\s*)?(?:discussion about this post|join the conversation)\s*[.!:]?$";

/// `COUNT`, `THREAD`, `DISCUSSION` and `TITLED` as one pattern (each in a
/// group of its own, so that its flags stay in it): a line of a few words
/// is tested once against all four.
static SHORT_HEADER: Lazy<Regex> = Lazy::new(|| {
    regex(&format!(
        "(?:{COUNT})|(?:{THREAD})|(?:{DISCUSSION})|(?:{TITLED})"
    ))
});
/// Words without which `DISCUSSION` cannot match (kept apart from
/// [`HEADER_WORDS`] like [`TITLED_WORDS`]).
const DISCUSSION_WORDS: [&str; 2] = ["discussion", "conversation"];

/// Votes and relative times under a comment: `Rating: 36 Votes`, `2 days ago at 07:52 am`.
static META: Lazy<Regex> = Lazy::new(|| {
    regex(
        r"(?i)^(?:(?:rating|score|votes?|likes?)\s*:\s*[-+]?\d+(?:\s+votes?)?|(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago(?-u:\b).{0,20}|vor\s+\d+\s+(?:sekunden|minuten|stunden|tagen|wochen|monaten|jahren)|il y a\s+\d+\s+\w+|hace\s+\d+\s+\w+)$",
    )
});

/// Words without which no header pattern (`SAYS`, `COUNT`, `THREAD`) can
/// match; the engine's phrase pass finds them, and only those lines are
/// tested against the patterns.
/// Words every comment header holds: the trigger phrases of `CMT001`.
pub const HEADER_WORDS: [&str; 37] = [
    "says",
    "said",
    "wrote",
    "writes",
    "replied",
    "sagt",
    "schreibt",
    "schrieb",
    "meint",
    "dit",
    "écrit",
    "dice",
    "escribió",
    "scrive",
    "pisze",
    "zegt",
    "comment",
    "comments",
    "kommentar",
    "kommentare",
    "commentaire",
    "commentaires",
    "comentario",
    "comentarios",
    "commenti",
    "komentarz",
    "komentarze",
    "komentarzy",
    "response",
    "responses",
    "replies",
    "reactions",
    "antworten",
    "reacties",
    "re:",
    "reply",
    "score",
];
/// Likewise for the `META` pattern.
const META_WORDS: [&str; 10] = [
    "ago", "rating", "score", "votes", "vote", "likes", "like", "vor", "il y a", "hace",
];

/// Whether `text` (of `words` words) is the header of a reader comment or of
/// a comment section.
pub fn is_comment_header(text: &str, words: u32) -> bool {
    if words <= 14 {
        (may_say(text) && SAYS.is_match(text)) || SHORT_HEADER.is_match(text)
    } else {
        words <= TITLED_MAX_WORDS && TITLED_ONLY.is_match(text)
    }
}

/// Whether `text` is the vote count or relative time stamp of a comment.
fn is_comment_meta(text: &str, words: u32) -> bool {
    words <= 8 && META.is_match(text)
}

/// The lines of `cx`'s trigger hits, each once.
pub(super) fn triggered_lines<'c>(cx: &'c Context<'_, '_>) -> impl Iterator<Item = usize> + 'c {
    let mut last = None;
    cx.triggers.iter().filter_map(move |t| {
        let new = last != Some(t.line());
        last = Some(t.line());
        new.then_some(t.line())
    })
}

declare_rule! {
    /// Headers of reader comments and of the comment section.
    ///
    /// **What it removes:** `12. joetoronto says:`, `• Alex on September 17, 2018
    /// at 6:34 am said:`, `Anna schreibt:`, `34 responses to "…"`, `12 Comments`,
    /// `One comment Add your comment`, `{ 43 comments… read them below or add
    /// one }`, `Kommentare (5)`, `Discussion about this post`, `Join the
    /// conversation` (lines of up to 14 words); `25 thoughts on
    /// “…”`, `2 Gedanken zu „…“` (up to 40: the post's title is quoted).
    ///
    /// **Why it is noise:** comments are readers' text, not the article; the
    /// header also tells `TSR004` that the article has ended.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - 1. thelastchargersfan says:
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - by greytree ( 7124971 ) writes:
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - • Re: What could go wrong? (Score:3, Informative)
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - • Alex on September 17, 2018 at 6:34 am said:
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - 34 responses to “Anthony Lynn: “We needed to win this game””
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - 25 thoughts on “How to Grow a Lemon Tree from Seed | Step-by-Step Guide”
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - 2 Gedanken zu „Folge 70: Star Trek: Picard“
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + 5 thoughts on why the old bridge matters, from the engineers who built it.
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - One comment Add your comment
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - { 43 comments… read them below or add one }
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Discussion about this post
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + We need a discussion about this post office's future.
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + In a statement, the spokesman said:
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + The minister says: we will not resign, and we will not call an early election this year.
    /// …
    /// ```
    ///
    /// **Keeps:** quotes in the article ("The minister says: we will not resign.",
    /// "In a statement, the spokesman said:").
    ///
    /// **Languages:** en, de, fr, es, it, pl, nl.
    pub struct CommentHeader {
        code: "CMT001",
        name: "comment-header",
        family: Comments,
        triggers: HEADER_WORDS
            .iter()
            .chain(&TITLED_WORDS)
            .chain(&DISCUSSION_WORDS)
            .map(|w| w.to_string())
            .collect(),
        max_words: TITLED_MAX_WORDS,
        opens_comments: true,
    }

    fn prepare(&self) {
        Lazy::force(&SAYS);
        Lazy::force(&TITLED_ONLY);
        Lazy::force(&SHORT_HEADER);
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for i in triggered_lines(cx) {
            let text = &cx.page.text[i];
            if is_comment_header(text, cx.page.features[i].words) {
                out.remove_quoting(i, "comment header", 40);
            }
        }
    }
}

declare_rule! {
    /// Votes and relative times under comments and teasers.
    ///
    /// **What it removes:** short lines such as `Rating: 36 Votes`, `2 days ago at
    /// 07:52 am`, `vor 3 Stunden`, `Hace 13 horas`, `il y a 2 jours`.
    ///
    /// **Why it is noise:** it is metadata of a comment or a teaser, not text.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - 2 days ago at 07:52 am
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// - Rating: 36 Votes
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + Two days ago the river burst its banks and flooded the lower town for the first time in thirty years.
    /// …
    /// ```
    ///
    /// **Keeps:** sentences with such phrases ("Two days ago the river burst its banks.").
    ///
    /// **Languages:** en, de, fr, es.
    pub struct CommentMeta {
        code: "CMT002",
        name: "comment-meta",
        family: Comments,
    }
}

impl Rule for CommentMeta {
    fn info(&self) -> &RuleInfo {
        Self::info()
    }

    fn triggers(&self) -> Vec<String> {
        META_WORDS.iter().map(|w| w.to_string()).collect()
    }

    fn trigger_max_words(&self) -> u32 {
        8
    }

    fn prepare(&self) {
        Lazy::force(&META);
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for i in triggered_lines(cx) {
            let text = &cx.page.text[i];
            if is_comment_meta(text, cx.page.features[i].words) {
                out.remove_quoting(i, "votes or time of a post", 40);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_joined_pattern_matches_what_its_parts_match() {
        let parts: Vec<Regex> = [COUNT, THREAD, DISCUSSION, TITLED].map(regex).into();
        for line in [
            "12 Comments",
            "One comment Add your comment",
            "{ 43 comments… read them below or add one }",
            "Kommentare (5)",
            "by greytree ( 7124971 ) writes:",
            "Re: subject (Score:3, Informative)",
            "Discussion about this post",
            "## Join the conversation!",
            "25 thoughts on “How to Grow a Lemon Tree”",
            "2 Gedanken zu „Folge 70“",
            "Final thoughts on the bridge",
            "Comments are closed.",
            "BY ANN ( 12 ) WROTE: hello",
            "The council met on Tuesday.",
            "",
        ] {
            let any = parts.iter().any(|p| p.is_match(line));
            assert_eq!(SHORT_HEADER.is_match(line), any, "{line}");
        }
    }

    #[test]
    fn only_lines_ending_with_a_verb_go_to_the_says_pattern() {
        assert!(may_say("12. joetoronto says:"));
        assert!(may_say("Anna SCHREIBT"));
        assert!(may_say("Marie a écrit :"));
        assert!(!may_say("The minister said the plan would work"));
        // Every line the pattern takes passes the test.
        for line in [
            "joe says:",
            "Alex on May 1, 2018 at 6:34 am said:",
            "Pablo escribió",
        ] {
            assert!(SAYS.is_match(line) && may_say(line), "{line}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_says_pattern_never_takes_a_line_the_test_turns_away(
            words in proptest::collection::vec(
                "(joe|Anna|on|May|1,|2018|at|6:34|am|said|SAYS|Schreibt|a|écrit|ÉCRIT|escribió|\\.|:| )",
                1..8,
            )
        ) {
            let line = words.join(" ");
            proptest::prop_assert!(!SAYS.is_match(&line) || may_say(&line), "{}", line);
        }
    }
}
