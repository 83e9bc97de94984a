//! Finding and opening inputs: files, folders (recursive, filtered), standard
//! input; plain text, JSON Lines or WARC/WET; gzip or zstd compressed.

use anyhow::{bail, Context as _, Result};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// What one input holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One page per file.
    Text,
    /// One record per line, the page in a text field.
    Jsonl,
    /// WARC or WET records; one page per `conversion` (or `resource`) record.
    Warc,
}

/// One input to read.
#[derive(Debug, Clone)]
pub struct Source {
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    /// Path relative to the folder it was found in (for mirroring with `-o`).
    pub relative: PathBuf,
    pub kind: Kind,
}

impl Source {
    /// How to name this input in messages.
    pub fn name(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string())
    }

    /// Size on disk, if known (for the progress bar).
    pub fn size(&self) -> Option<u64> {
        self.path
            .as_ref()
            .and_then(|p| std::fs::metadata(p).ok())
            .map(|m| m.len())
    }
}

/// How inputs are selected and read.
pub struct Selection {
    /// Force one kind for every input (`--input-format`, `--jsonl`).
    pub forced: Option<Kind>,
    /// File extensions to take from folders (without the dot), empty for all.
    pub extensions: Vec<String>,
    /// Glob patterns (on the path relative to the folder) to take from folders.
    pub globs: Option<GlobSet>,
}

impl Selection {
    pub fn new(forced: Option<Kind>, extensions: &[String], globs: &[String]) -> Result<Selection> {
        let globs = if globs.is_empty() {
            None
        } else {
            let mut builder = GlobSetBuilder::new();
            for g in globs {
                builder.add(Glob::new(g).with_context(|| format!("bad --glob pattern {g:?}"))?);
            }
            Some(builder.build()?)
        };
        let extensions = extensions
            .iter()
            .map(|e| e.trim_start_matches('.').to_lowercase())
            .collect();
        Ok(Selection {
            forced,
            extensions,
            globs,
        })
    }

    /// The sources named by `args` (files, folders, `-`), in order, and
    /// how many folder entries were passed over. Folders are walked
    /// recursively (following links to files and folders, with loops
    /// detected) and sorted by path; an entry that is not a readable regular
    /// file (a dangling link, a loop, a FIFO or socket) is skipped with a
    /// warning, and counted.
    pub fn expand(&self, args: &[PathBuf]) -> Result<(Vec<Source>, usize)> {
        let mut sources = Vec::new();
        let mut skipped = 0;
        for arg in args {
            if arg.as_os_str() == "-" {
                sources.push(Source {
                    path: None,
                    relative: PathBuf::from("stdin"),
                    kind: self.forced.unwrap_or(Kind::Text),
                });
                continue;
            }
            // A missing file is reported when it is opened, so the others still run.
            if std::fs::metadata(arg).is_ok_and(|m| m.is_dir()) {
                let mut found = Vec::new();
                let walk = walkdir::WalkDir::new(arg)
                    .follow_links(true)
                    .sort_by_file_name();
                for entry in walk {
                    let entry = match entry {
                        Ok(entry) => entry,
                        Err(err) => {
                            let place = err.path().unwrap_or(arg).display().to_string();
                            let why = if err.loop_ancestor().is_some() {
                                "a link loop".to_string()
                            } else {
                                err.io_error()
                                    .map_or_else(|| err.to_string(), |e| e.to_string())
                            };
                            eprintln!("deboiler: warning: {place}: skipped ({why})");
                            skipped += 1;
                            continue;
                        }
                    };
                    let file_type = entry.file_type();
                    if file_type.is_dir() {
                        continue;
                    }
                    let relative = entry
                        .path()
                        .strip_prefix(arg)
                        .unwrap_or(entry.path())
                        .to_path_buf();
                    if !self.wanted(&relative) {
                        continue;
                    }
                    if !file_type.is_file() {
                        eprintln!(
                            "deboiler: warning: {}: skipped (not a regular file: a FIFO, socket or device)",
                            entry.path().display()
                        );
                        skipped += 1;
                        continue;
                    }
                    found.push(Source {
                        kind: self.forced.unwrap_or_else(|| kind_of(entry.path())),
                        path: Some(entry.path().to_path_buf()),
                        relative,
                    });
                }
                if found.is_empty() {
                    eprintln!("deboiler: warning: {}: no matching files", arg.display());
                }
                sources.extend(found);
            } else {
                let relative = arg.file_name().map_or_else(|| arg.clone(), PathBuf::from);
                sources.push(Source {
                    kind: self.forced.unwrap_or_else(|| kind_of(arg)),
                    path: Some(arg.clone()),
                    relative,
                });
            }
        }
        Ok((sources, skipped))
    }

    fn wanted(&self, relative: &Path) -> bool {
        let ext_ok = self.extensions.is_empty() || {
            let base = strip_compression(relative);
            base.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| self.extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
        };
        let glob_ok = self.globs.as_ref().is_none_or(|g| g.is_match(relative));
        ext_ok && glob_ok
    }
}

/// `a/b.jsonl.gz` → `a/b.jsonl`.
pub fn strip_compression(path: &Path) -> PathBuf {
    match path.extension().and_then(|e| e.to_str()) {
        Some("gz" | "zst" | "zstd") => path.with_extension(""),
        _ => path.to_path_buf(),
    }
}

/// The kind an input's name suggests.
pub fn kind_of(path: &Path) -> Kind {
    let base = strip_compression(path);
    match base
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
        .as_deref()
    {
        Some("jsonl" | "ndjson") => Kind::Jsonl,
        Some("warc" | "wet" | "arc") => Kind::Warc,
        _ => Kind::Text,
    }
}

/// Opens a source for reading, decompressing gzip and zstd (recognised by
/// their magic bytes, so names do not matter).
pub fn open(source: &Source) -> Result<Box<dyn BufRead + Send>> {
    let raw: Box<dyn Read + Send> = match &source.path {
        Some(path) => Box::new(std::fs::File::open(path).context("cannot open")?),
        None => Box::new(io::stdin()),
    };
    let mut reader = BufReader::with_capacity(1 << 16, raw);
    let magic = reader.fill_buf().context("cannot read")?;
    Ok(if magic.starts_with(&GZIP_MAGIC) {
        Box::new(BufReader::with_capacity(1 << 16, GzipMembers::new(reader)))
    } else if magic.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Box::new(BufReader::with_capacity(
            1 << 16,
            zstd::Decoder::with_buffer(reader).context("bad zstd stream")?,
        ))
    } else {
        Box::new(reader)
    })
}

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// The members of a gzip file one after another, as `zcat` reads them:
/// zero bytes after the last member (tape and block padding) are ignored;
/// other trailing bytes are an error naming where they start.
struct GzipMembers<R: BufRead> {
    member: Option<flate2::bufread::GzDecoder<R>>,
}

impl<R: BufRead> GzipMembers<R> {
    fn new(reader: R) -> Self {
        GzipMembers {
            member: Some(flate2::bufread::GzDecoder::new(reader)),
        }
    }
}

impl<R: BufRead> Read for GzipMembers<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let Some(member) = &mut self.member else {
                return Ok(0);
            };
            let n = member.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            // This member is done: another follows, padding, or the end.
            let Some(mut reader) = self
                .member
                .take()
                .map(flate2::bufread::GzDecoder::into_inner)
            else {
                return Ok(0);
            };
            loop {
                let rest = reader.fill_buf()?;
                if rest.is_empty() {
                    return Ok(0);
                }
                if rest.starts_with(&GZIP_MAGIC) {
                    self.member = Some(flate2::bufread::GzDecoder::new(reader));
                    break;
                }
                if rest.iter().any(|&b| b != 0) {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "bytes that are not gzip after the last gzip member",
                    ));
                }
                let len = rest.len();
                reader.consume(len);
            }
        }
    }
}

/// Decodes bytes as UTF-8; invalid sequences become U+FFFD with a warning
/// naming `place` and the byte offset, or, with `strict`, an error.
pub fn decode(bytes: Vec<u8>, place: &str, strict: bool) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            if strict {
                bail!("invalid UTF-8 at byte {at} (without --strict it is decoded with U+FFFD)");
            }
            eprintln!(
                "deboiler: warning: {place}: invalid UTF-8 at byte {at}, replaced with U+FFFD"
            );
            Ok(String::from_utf8_lossy(err.as_bytes()).into_owned())
        }
    }
}

/// Errors that mean "the reader of our output went away" (`deboiler … | head`).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
