//! Where each input's output goes under `-o`, checked before anything is
//! written: two inputs never share an output, and no output is an input,
//! another output, or the `--report` file.

use crate::input::{self, Kind, Source};
use anyhow::{bail, Result};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// The output file of each source under `dir`, in order.
pub fn targets(sources: &[Source], dir: &Path) -> Vec<PathBuf> {
    sources
        .iter()
        .map(|source| {
            let relative = input::strip_compression(&source.relative);
            match source.kind {
                Kind::Text if source.path.is_none() => dir.join("stdin.txt"),
                Kind::Text => dir.join(relative),
                Kind::Jsonl | Kind::Warc => dir.join(relative.with_extension("jsonl")),
            }
        })
        .collect()
}

/// Refuses, naming both, any output path that is also an input or another
/// output (`targets` and the report).
pub fn check(sources: &[Source], targets: &[PathBuf], report: Option<&Path>) -> Result<()> {
    let mut written: HashMap<PathBuf, String> = HashMap::new();
    let outputs = targets
        .iter()
        .zip(sources)
        .map(|(t, s)| (t.as_path(), format!("the output of {}", s.name())))
        .chain(report.map(|r| (r, "the --report file".to_string())));
    for (path, what) in outputs {
        if let Some(earlier) = written.insert(same_file(path), what.clone()) {
            bail!(
                "{} would be both {earlier} and {what}; rename one input or clean them in separate runs",
                path.display()
            );
        }
    }
    for source in sources {
        if let Some(path) = &source.path {
            if let Some(what) = written.get(&same_file(path)) {
                bail!(
                    "{} is an input and would be {what}; deboiler never overwrites its inputs",
                    path.display()
                );
            }
        }
    }
    if let Some(report) = report {
        if report.is_dir() {
            bail!(
                "--report {} is a folder; give a file name",
                report.display()
            );
        }
    }
    Ok(())
}

/// A key that two names of the same file share: the canonical path where
/// the file exists, else an absolute path with `.` and `..` resolved.
fn same_file(path: &Path) -> PathBuf {
    if let Ok(canonical) = path.canonicalize() {
        return canonical;
    }
    // The file does not exist yet: resolve its folder if that exists.
    if let (Some(parent), Some(name)) = (path.parent(), path.file_name()) {
        let parent = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        if let Ok(parent) = parent.canonicalize() {
            return parent.join(name);
        }
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(path: &str, kind: Kind) -> Source {
        Source {
            path: Some(PathBuf::from(path)),
            relative: PathBuf::from(Path::new(path).file_name().unwrap_or_default()),
            kind,
        }
    }

    #[test]
    fn inputs_that_share_an_output_name_are_refused() {
        let sources = [
            source("d1/a.txt", Kind::Text),
            source("d2/a.txt", Kind::Text),
        ];
        let out = Path::new("out");
        let err = check(&sources, &targets(&sources, out), None).unwrap_err();
        assert!(err.to_string().contains("d1/a.txt") && err.to_string().contains("d2/a.txt"));
        let sources = [
            source("x.jsonl", Kind::Jsonl),
            source("x.jsonl.gz", Kind::Jsonl),
        ];
        assert!(check(&sources, &targets(&sources, out), None).is_err());
    }

    #[test]
    fn a_report_on_an_output_is_refused() {
        let sources = [source("pages/a.jsonl", Kind::Jsonl)];
        let out = Path::new("out");
        let targets = targets(&sources, out);
        let err = check(&sources, &targets, Some(Path::new("out/./a.jsonl"))).unwrap_err();
        assert!(err.to_string().contains("--report"), "{err}");
        assert!(check(&sources, &targets, Some(Path::new("report.jsonl"))).is_ok());
    }
}
