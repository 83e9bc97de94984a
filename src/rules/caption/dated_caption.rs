use crate::rules::text::regex;
use crate::rules::{declare_rule, shorten, Context, Marks};
use once_cell::sync::Lazy;
use regex::Regex;

/// The picture-desk tail `…, Place - 08 Nov 2017`.
static DATED_TAIL: Lazy<Regex> = Lazy::new(|| {
    regex(
        r"[^\W\d_](?:[^\W\d_]|[ ,.'-])*\s[-–]\s\d{1,2}\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s\d{4}$",
    )
});

declare_rule! {
    /// Agency photo captions that end in a place and a date.
    ///
    /// **What it removes:** a line ending in `Place, Place - DD Mon YYYY`, the
    /// format picture agencies (Shutterstock/REX, EPA) give captions, whatever its length.
    ///
    /// **Why it is noise:** it describes a photo, often taken years before the story.
    ///
    /// **Example:**
    ///
    /// ```text
    /// …
    /// - U.S. Marines are stationed in al-Asad air base in Anbar, Iraq. Several hundred American Marines operate close to the battlefrontMarines, Anbar, Iraq - 08 Nov 2017
    /// …
    /// ```
    ///
    /// ```text
    /// …
    /// + The base in Anbar was attacked on 8 November 2017, officials said on Wednesday.
    /// …
    /// ```
    ///
    /// **Keeps:** sentences with dates in running text ("The base in Anbar was
    /// attacked on 8 November 2017, officials said.").
    ///
    /// **Languages:** English month names, as agencies write them.
    pub struct DatedCaption {
        code: "CAP002",
        name: "dated-caption",
        family: Caption,
    }

    fn prepare(&self) {
        Lazy::force(&DATED_TAIL);
    }

    fn apply(&self, cx: &Context<'_, '_>, out: &mut Marks<'_>) {
        for (i, text, f) in cx.lines() {
            let dated_end = text.len() > 4
                && text.as_bytes()[text.len() - 4..]
                    .iter()
                    .all(u8::is_ascii_digit);
            if dated_end && f.digits >= 5 && DATED_TAIL.is_match(text) {
                out.remove(i, format!("agency photo caption: \"…{}\"", tail(text, 40)));
            }
        }
    }
}

fn tail(text: &str, chars: usize) -> String {
    let n = text.chars().count();
    let cut: String = text.chars().skip(n.saturating_sub(chars)).collect();
    shorten(&cut, chars).to_string()
}
