//! Phrase lists kept as data files (see `data/README.md`).

/// The entries of one phrase or label file, in file order, lower-cased.
#[derive(Debug, Clone)]
pub struct PhraseList {
    entries: Vec<String>,
}

impl PhraseList {
    /// Parses a data file: one entry per line, `#` comments, `@xx` language markers.
    pub fn parse(data: &str) -> PhraseList {
        let entries = data
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('@'))
            .map(str::to_lowercase)
            .collect();
        PhraseList { entries }
    }

    /// The entries, lower-cased.
    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// The entry at `index`.
    pub fn get(&self, index: usize) -> &str {
        self.entries.get(index).map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_language_markers_are_not_entries() {
        let list = PhraseList::parse("# about\n@en\nSign up\n\n@de\njetzt anmelden\n");
        assert_eq!(list.entries(), ["sign up", "jetzt anmelden"]);
    }
}
