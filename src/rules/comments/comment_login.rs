use super::comment_header::triggered_lines;
use crate::rules::{declare_rule, Context, Marks};

/// Words of signing in or registering, in the corpus languages: the trigger
/// phrases. A prompt holds one of them and a word of commenting.
const LOGIN_WORDS: [&str; 30] = [
    "log in",
    "login",
    "logged in",
    "sign in",
    "signed in",
    "register",
    "registered",
    "anmelden",
    "angemeldet",
    "angemeldeten",
    "anmeldung",
    "einloggen",
    "eingeloggt",
    "registrieren",
    "registriert",
    "registrierten",
    "connecté",
    "connectée",
    "connecter",
    "connectez-vous",
    "identifiez-vous",
    "registrarte",
    "regístrate",
    "registrado",
    "iniciar sesión",
    "inicia sesión",
    "zaloguj",
    "zalogowany",
    "zalogować",
    "inloggen",
];

/// Stems of "comment" and "reply" that the prompt's second word starts with
/// (`comment`, `Kommentar`, `kommentieren`, `comentar`, `komentarz`).
const COMMENT_STEMS: [&str; 6] = [
    "comment",
    "kommentar",
    "kommentier",
    "comentar",
    "komentarz",
    "reply",
];

/// The most words a prompt has; a sentence about signing up to comment is longer.
const MAX_WORDS: u32 = 16;

/// Whether `text` holds a word starting with a [`COMMENT_STEMS`] stem
/// (ASCII case folded: every stem is ASCII).
fn has_comment_word(text: &str) -> bool {
    text.split(|c: char| !crate::chars::is_alphanumeric(c))
        .any(|w| {
            COMMENT_STEMS.iter().any(|s| {
                w.len() >= s.len() && w.as_bytes()[..s.len()].eq_ignore_ascii_case(s.as_bytes())
            })
        })
}

declare_rule! {
    /// Prompts to sign in before commenting: the top of a comment form.
    ///
    /// **What it removes:** short lines (up to 16 words) that ask the reader to
    /// log in or register in order to comment or reply: `LOGIN TO COMMENT |
    /// REGISTER TODAY`, `You must be logged in to post a comment.`, `Du musst
    /// angemeldet sein, um einen Kommentar abzugeben.`, `Zaloguj się, aby dodać
    /// komentarz`.
    ///
    /// **Why it is noise:** it is the comment form's interface, and it opens
    /// the reader comments: what follows is readers' text, not the article.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    ///   COMMENTS
    /// - LOGIN TO COMMENT | REGISTER TODAY
    /// ```
    ///
    /// ```text
    /// …
    /// - Du musst angemeldet sein, um einen Kommentar abzugeben.
    /// ```
    ///
    /// ```text
    /// …
    /// + Readers who register to comment on the forum will see their posts appear only after the editors have read them.
    /// …
    /// ```
    ///
    /// **Keeps:** sentences of more than 16 words that speak of registering
    /// to comment; lines about logging in that do not mention comments
    /// (`Log in | Register`, which menu rules judge).
    ///
    /// **Languages:** en, de, fr, es, pl, nl.
    pub struct CommentLogin {
        code: "CMT005",
        name: "comment-login",
        family: Comments,
        triggers: LOGIN_WORDS.iter().map(|w| w.to_string()).collect(),
        max_words: MAX_WORDS,
        opens_comments: true,
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for i in triggered_lines(cx) {
            let text = &cx.page.text[i];
            if has_comment_word(text) {
                out.remove_quoting(i, "sign-in prompt of a comment form", 40);
            }
        }
    }
}
