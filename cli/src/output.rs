//! Where results go: standard output, or files written under a temporary
//! name and renamed when complete, so that an interrupted run leaves no
//! half-written output behind.

use anyhow::{bail, Context as _, Result};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files being written; removed if the run is interrupted.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Removes unfinished outputs on Ctrl-C or SIGTERM, then exits with 130.
pub fn clean_up_on_interrupt() {
    let _ = ctrlc::set_handler(|| {
        if let Ok(pending) = PENDING.lock() {
            for path in pending.iter() {
                let _ = std::fs::remove_file(path);
            }
        }
        eprintln!("deboiler: interrupted; unfinished outputs removed");
        std::process::exit(130);
    });
}

/// A file that appears under its name only once it is complete.
pub struct AtomicFile {
    temp: PathBuf,
    target: PathBuf,
    writer: BufWriter<File>,
}

impl AtomicFile {
    /// Starts writing `target`; refuses to touch any of `inputs`.
    pub fn create(target: &Path, inputs: &[PathBuf]) -> Result<AtomicFile> {
        if let Some(parent) = target.parent() {
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
        let name = target
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("output");
        let temp = target.with_file_name(format!(".{name}.deboiler-{}.tmp", std::process::id()));
        let file =
            File::create(&temp).with_context(|| format!("cannot create {}", temp.display()))?;
        PENDING
            .lock()
            .map_err(|_| anyhow::anyhow!("lock poisoned"))?
            .push(temp.clone());
        Ok(AtomicFile {
            temp,
            target: target.to_path_buf(),
            writer: BufWriter::with_capacity(1 << 16, file),
        })
    }

    /// Flushes and renames the file into place.
    pub fn finish(mut self) -> Result<()> {
        self.writer
            .flush()
            .with_context(|| format!("cannot write {}", self.temp.display()))?;
        std::fs::rename(&self.temp, &self.target).with_context(|| {
            format!(
                "cannot rename {} to {}",
                self.temp.display(),
                self.target.display()
            )
        })?;
        forget(&self.temp);
        Ok(())
    }

    /// Removes the unfinished file.
    pub fn abandon(self) {
        let _ = std::fs::remove_file(&self.temp);
        forget(&self.temp);
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
