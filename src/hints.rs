//! What a caller may know about a page besides its text.

/// What the caller knows about a page: its title (the HTML `<title>`, a
/// crawl record's title field) and its URL. Both are optional and only
/// guide the cleaner; output lines are still input lines.
///
/// - With a **title**, the headline is the line that repeats it; a page
///   whose text does not repeat it gets no headline (so cleaning a cleaned
///   body again, its title kept apart, does not take its first paragraph
///   for the headline). An empty title says the page has none.
/// - Without one, the words of the **URL**'s last path segment
///   (`/2020/01/iran-missiles-target-us-troops`) point at the headline.
///
/// ```
/// use deboiler::{Cleaner, Config, Hints};
/// # fn main() -> Result<(), deboiler::ConfigError> {
/// let cleaner = Cleaner::new(Config::default())?;
/// let page = "Menu\nBridge reopens after repairs\nThe old bridge reopened on Monday after three months of repairs, the council said, and traffic was flowing again by noon.";
/// let hints = Hints::default().with_title("Bridge reopens after repairs | The Town Paper");
/// assert_eq!(cleaner.clean_with(page, &hints).title(), Some("Bridge reopens after repairs"));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Hints<'h> {
    /// The page's title, as the site gives it (site name and all); `""`
    /// for a page known to have none.
    pub title: Option<&'h str>,
    /// The page's URL.
    pub url: Option<&'h str>,
}

impl<'h> Hints<'h> {
    /// These hints with a title; an empty one says the page has no title,
    /// so no line is taken for its headline.
    pub fn with_title(mut self, title: &'h str) -> Self {
        self.title = Some(title.trim());
        self
    }

    /// These hints with a URL (an empty one counts as none).
    pub fn with_url(mut self, url: &'h str) -> Self {
        self.url = Some(url).filter(|u| !u.trim().is_empty());
        self
    }

    /// The words of the URL's last meaningful path segment, if it reads like
    /// a headline (three words or more): `iran-missiles-target-us-troops.html`.
    pub(crate) fn url_words(&self) -> Option<String> {
        let url = self.url?;
        let path = url.split(['?', '#']).next()?;
        let path = path.split_once("://").map_or(path, |(_, rest)| rest);
        // The host goes; then the last segment that reads like words.
        let (_, path) = path.split_once('/')?;
        // A date (`2022-05-04`) is not the slug.
        let wordy = |w: &&str| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit());
        let segment = path
            .rsplit('/')
            .find(|s| s.split(['-', '_']).filter(wordy).count() >= 3)?;
        let segment = segment
            .rsplit_once('.')
            .filter(|(_, ext)| ext.len() <= 5 && ext.chars().all(|c| c.is_ascii_alphanumeric()))
            .map_or(segment, |(stem, _)| stem);
        let words: Vec<&str> = segment
            .split(['-', '_', '+'])
            .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
            .collect();
        (words.len() >= 3).then(|| words.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_slugs_give_their_words() {
        let hints = Hints::default()
            .with_url("https://x.org/2020/01/iran-missiles-target-us-troops.html?a=1");
        assert_eq!(
            hints.url_words().as_deref(),
            Some("iran missiles target us troops")
        );
        // A date after the slug is passed over.
        let hints = Hints::default()
            .with_url("https://x.cl/pais/boric-vuelve-a-su-casa/2022-05-04/074527.html");
        assert_eq!(hints.url_words().as_deref(), Some("boric vuelve a su casa"));
        let hints = Hints::default().with_url("https://x.org/news/view.php?id=3");
        assert_eq!(hints.url_words(), None);
        assert_eq!(Hints::default().with_title("  ").title, Some(""));
    }
}
