//! The examples in the rules' documentation, read as test pages.
//!
//! Every rule's doc has one or more `text` blocks after **Example:**, each a
//! small page: a line starting `- ` is removed by the rule, `+ ` is kept,
//! two spaces is context (any verdict), and `…` stands for two paragraphs of
//! article prose (the next two of four, in turn), so the engine has an
//! article to find. `deboiler rules --long` prints the same legend.

use super::testing::PROSE;

/// What an example line promises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expect {
    /// Removed by the documented rule.
    Removed,
    /// Kept (by no rule removed).
    Kept,
}

/// One example page and what it promises about its lines.
#[derive(Debug)]
pub(crate) struct Example {
    /// The page, lines joined by newlines.
    pub page: String,
    /// (0-based line index in `page`, promise, the line's text).
    pub promises: Vec<(usize, Expect, String)>,
}

/// The example pages of a rule's doc text.
pub(crate) fn examples(doc: &str) -> Vec<Example> {
    let prose: Vec<&str> = PROSE.lines().collect();
    let mut out = Vec::new();
    let mut lines = doc.lines().map(|l| l.strip_prefix(' ').unwrap_or(l));
    while let Some(line) = lines.next() {
        if line.trim() != "```text" {
            continue;
        }
        let mut page: Vec<String> = Vec::new();
        let mut promises = Vec::new();
        let mut paragraphs = 0;
        for line in lines.by_ref() {
            if line.trim() == "```" {
                break;
            }
            if line == "…" {
                for k in 0..2 {
                    page.push(prose[(2 * paragraphs + k) % prose.len()].to_string());
                }
                paragraphs += 1;
                continue;
            }
            let (expect, text) = match line.get(..2) {
                Some("- ") => (Some(Expect::Removed), &line[2..]),
                Some("+ ") => (Some(Expect::Kept), &line[2..]),
                Some("  ") => (None, &line[2..]),
                _ => panic!("example line without `- `, `+ `, two spaces or `…`: {line:?}"),
            };
            if let Some(expect) = expect {
                promises.push((page.len(), expect, text.to_string()));
            }
            page.push(text.to_string());
        }
        out.push(Example {
            page: page.join("\n"),
            promises,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::registry;
    use crate::{Cleaner, Config};

    #[test]
    fn every_rule_documents_a_line_it_removes_and_one_it_keeps() {
        let missing: Vec<String> = registry()
            .iter()
            .map(|rule| rule.info())
            .filter(|info| {
                let all: Vec<Expect> = examples(&info.doc)
                    .iter()
                    .flat_map(|e| e.promises.iter().map(|p| p.1))
                    .collect();
                !(all.contains(&Expect::Removed) && all.contains(&Expect::Kept))
            })
            .map(|info| info.code.to_string())
            .collect();
        assert!(
            missing.is_empty(),
            "no example removed and kept: {missing:?}"
        );
    }

    #[test]
    fn every_documented_example_holds() {
        let cleaner = Cleaner::new(Config::default()).expect("default config");
        let mut failures = Vec::new();
        for rule in registry() {
            let info = rule.info();
            for example in examples(&info.doc) {
                let cleaned = cleaner.clean(&example.page);
                for (index, expect, text) in &example.promises {
                    let d = &cleaned.decision(*index).expect("a line of the page");
                    let holds = match expect {
                        Expect::Removed => !d.kept && d.code == info.code,
                        Expect::Kept => d.kept,
                    };
                    if !holds {
                        failures.push(format!(
                            "{}: {expect:?} {text:?}, but {} {} ({})",
                            info.code,
                            if d.kept { "kept" } else { "removed by" },
                            d.code,
                            d.reason
                        ));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn ellipses_stand_for_article_prose_in_turn() {
        let examples = examples("x\n```text\n…\n- Share\n…\n```\n");
        let page: Vec<&str> = examples[0].page.lines().collect();
        assert_eq!(page.len(), 5);
        assert_eq!(page[2], "Share");
        assert_eq!(examples[0].promises, [(2, Expect::Removed, "Share".into())]);
        assert_eq!(page[3], PROSE.lines().nth(2).unwrap());
    }
}
