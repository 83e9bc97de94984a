//! Where results go: standard output, or files written under a temporary
//! name and renamed when complete, so that an interrupted or failed run
//! leaves no half-written output behind.

use anyhow::{bail, Context as _, Result};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Temporary files being written; removed if the run is interrupted.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Numbers the temporary files of this process.
static NEXT_TEMP: AtomicUsize = AtomicUsize::new(0);

/// An error writing output (as opposed to reading input): the run stops
/// and exits with the I/O failure code.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {place}: {source}")]
pub struct WriteError {
    pub place: String,
    #[source]
    pub source: io::Error,
}

impl WriteError {
    pub fn new(place: impl Into<String>, source: io::Error) -> Self {
        WriteError {
            place: place.into(),
            source,
        }
    }
}

/// On Ctrl-C, SIGTERM or SIGHUP: removes unfinished outputs, says so, and
/// exits with 128 + the signal's number (130, 143, 129). A file over the
/// size limit (`ulimit -f`) fails the write instead of killing the process,
/// so that it too is cleaned up and reported.
pub fn clean_up_on_signals() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGXFSZ};
        let _ = signal_hook::flag::register(
            SIGXFSZ,
            std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
        );
        if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) {
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    remove_pending();
                    eprintln!("deboiler: interrupted; unfinished outputs removed");
                    std::process::exit(128 + signal);
                }
            });
        }
    }
}

fn remove_pending() {
    if let Ok(pending) = PENDING.lock() {
        for path in pending.iter() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// A file that appears under its name only once it is complete.
pub struct AtomicFile {
    temp: PathBuf,
    target: PathBuf,
    writer: BufWriter<File>,
}

impl AtomicFile {
    /// Starts writing `target`; refuses to touch any of `inputs` or a folder.
    pub fn create(target: &Path, inputs: &[PathBuf]) -> Result<AtomicFile> {
        if target.is_dir() {
            bail!("{} is a folder; give a file name", target.display());
        }
        if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        if let Ok(canonical) = target.canonicalize() {
            if inputs
                .iter()
                .any(|i| i.canonicalize().is_ok_and(|c| c == canonical))
            {
                bail!("{} is an input; deboiler never overwrites its inputs (choose another -o folder)", target.display());
            }
        }
        // Short, whatever the target's name: a long name plus a suffix
        // could pass the file system's limit.
        let temp = target.with_file_name(format!(
            ".deboiler-{}-{}.tmp",
            std::process::id(),
            NEXT_TEMP.fetch_add(1, Ordering::Relaxed)
        ));
        let file =
            File::create(&temp).with_context(|| format!("cannot create {}", temp.display()))?;
        if let Ok(mut pending) = PENDING.lock() {
            pending.push(temp.clone());
        }
        Ok(AtomicFile {
            temp,
            target: target.to_path_buf(),
            writer: BufWriter::with_capacity(1 << 16, file),
        })
    }

    /// Flushes and renames the file into place; on failure removes it.
    pub fn finish(self) -> Result<()> {
        let target = self.target.clone();
        self.finish_as(&target)
    }

    /// Keeps what was written under the target's name plus `.partial`, for
    /// an input that could only be read in part; returns that name.
    pub fn finish_partial(self) -> Result<PathBuf> {
        let mut name = self.target.clone().into_os_string();
        name.push(".partial");
        let partial = PathBuf::from(name);
        self.finish_as(&partial)?;
        Ok(partial)
    }

    fn finish_as(mut self, target: &Path) -> Result<()> {
        let result = self
            .writer
            .flush()
            .map_err(|e| WriteError::new(target.display().to_string(), e))
            .and_then(|()| {
                std::fs::rename(&self.temp, target)
                    .map_err(|e| WriteError::new(target.display().to_string(), e))
            });
        if result.is_err() {
            let _ = std::fs::remove_file(&self.temp);
        }
        forget(&self.temp);
        Ok(result?)
    }

    /// Removes the unfinished file.
    pub fn abandon(self) {
        let _ = std::fs::remove_file(&self.temp);
        forget(&self.temp);
    }

    /// The name the file will have.
    pub fn target(&self) -> &Path {
        &self.target
    }
}

fn forget(temp: &Path) {
    if let Ok(mut pending) = PENDING.lock() {
        pending.retain(|p| p != temp);
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.writer.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}
