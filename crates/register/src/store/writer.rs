//! Who holds a SQLite register's write lock, and how long to wait for it.
//!
//! SQLite tells a waiting writer only "database is locked", and a fixed wait is either too
//! short for a long evaluation (a `scan --db` failed after scanning) or too long for a writer
//! that has died. So each camsweep process that takes the write lock notes itself in a file
//! beside the register (`<register>.writer`: process id, operation, since when), replacing the
//! note of the writer before it. A writer that finds the register locked reads the note: while
//! that process is alive it keeps waiting (up to [`LockWait::live_holder`]), otherwise it gives
//! up after [`LockWait::unknown_holder`], and either way its error names the holder.
//!
//! The note is advice, not a lock: SQLite's own lock decides who writes. A note left by a
//! finished process names a dead process id and is ignored; a note can name the last camsweep
//! writer while a process outside camsweep (the `sqlite3` shell) holds the lock, which is why
//! the error says "last noted".

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// How long a writer waits for a SQLite register's write lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LockWait {
    /// The wait of one attempt (SQLite's `busy_timeout`), and the whole wait when no living
    /// camsweep writer is noted.
    pub unknown_holder: Duration,
    /// The whole wait while the noted writer is a living process: long enough for an
    /// evaluation of a large estate, short of forever in case that process hangs.
    pub live_holder: Duration,
}

impl Default for LockWait {
    fn default() -> Self {
        Self {
            unknown_holder: Duration::from_secs(30),
            live_holder: Duration::from_secs(60 * 60),
        }
    }
}

/// The process last noted as holding the write lock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub pid: u32,
    /// What it is doing: its program and subcommand (`camsweep evaluate`).
    pub operation: String,
    /// RFC 3339 time it took the lock.
    pub since: String,
}

impl Holder {
    /// This process, now.
    fn current() -> Self {
        Self {
            pid: std::process::id(),
            operation: current_operation(),
            since: crate::store::now_rfc3339(),
        }
    }

    /// Whether the process still runs (this machine's `/proc`; where there is none, it counts
    /// as gone, so the shorter wait applies).
    pub fn alive(&self) -> bool {
        self.pid == std::process::id() || Path::new("/proc").join(self.pid.to_string()).exists()
    }
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "`{}` (process {}, writing since {})",
            self.operation, self.pid, self.since
        )
    }
}

/// The program's name and its first argument that is not an option: `camsweep evaluate`.
fn current_operation() -> String {
    let mut args = std::env::args();
    let program = args
        .next()
        .map(|p| {
            Path::new(&p)
                .file_name()
                .map_or(p.clone(), |n| n.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "camsweep".to_owned());
    match args.find(|a| !a.starts_with('-')) {
        Some(command) => format!("{program} {command}"),
        None => program,
    }
}

/// The note file of one SQLite register.
#[derive(Debug, Clone)]
pub(crate) struct WriterNote {
    path: PathBuf,
}

impl WriterNote {
    /// The note beside the register file `database`.
    pub(crate) fn beside(database: &Path) -> Self {
        let mut name = database.as_os_str().to_owned();
        name.push(".writer");
        Self {
            path: PathBuf::from(name),
        }
    }

    /// Notes this process as the holder (after it took the lock). Written whole and renamed
    /// into place, so a reader never sees half a note; a failure to write is ignored (the note
    /// only improves a message).
    pub(crate) fn record(&self) {
        let Ok(text) = serde_json::to_string(&Holder::current()) else {
            return;
        };
        let mut temporary = self.path.as_os_str().to_owned();
        temporary.push(format!(".{}", std::process::id()));
        let temporary = PathBuf::from(temporary);
        if std::fs::write(&temporary, text).is_ok()
            && std::fs::rename(&temporary, &self.path).is_err()
        {
            let _ = std::fs::remove_file(&temporary);
        }
    }

    /// The holder last noted, if a note can be read.
    pub(crate) fn read(&self) -> Option<Holder> {
        let text = std::fs::read(&self.path).ok()?;
        // A note is a few dozen bytes; anything larger is not ours.
        if text.len() > 4096 {
            return None;
        }
        serde_json::from_slice(&text).ok()
    }
}

/// Whether `err` is SQLite's "database is locked" (SQLITE_BUSY, primary code 5).
pub(crate) fn is_busy(err: &sqlx::Error) -> bool {
    match err {
        sqlx::Error::Database(db) => db
            .code()
            .and_then(|code| code.parse::<i32>().ok())
            .is_some_and(|code| code & 0xff == 5),
        _ => false,
    }
}

/// What the error says of the holder.
pub(crate) fn describe(holder: Option<&Holder>) -> String {
    match holder {
        Some(holder) if holder.alive() => format!("{holder} holds its write lock"),
        _ => "another process holds its write lock (no living camsweep writer is noted: perhaps \
              the sqlite3 shell, or a process on another machine)"
            .to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_reads_back_and_names_this_process() {
        let dir = tempfile::tempdir().unwrap();
        let note = WriterNote::beside(&dir.path().join("register.db"));
        assert_eq!(note.read(), None);
        note.record();
        let holder = note.read().expect("a note");
        assert_eq!(holder.pid, std::process::id());
        assert!(holder.alive());
        assert!(
            describe(Some(&holder)).contains(&format!("(process {}", holder.pid)),
            "{}",
            describe(Some(&holder))
        );
        assert!(dir.path().join("register.db.writer").is_file());
    }

    #[test]
    fn a_dead_or_unreadable_holder_is_not_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.db");
        let note = WriterNote::beside(&path);
        // Process ids above the kernel's pid_max (4,194,304) never run.
        let dead = Holder {
            pid: 99_999_999,
            operation: "camsweep evaluate".into(),
            since: "2026-12-03T10:00:00Z".into(),
        };
        std::fs::write(
            dir.path().join("r.db.writer"),
            serde_json::to_string(&dead).unwrap(),
        )
        .unwrap();
        let read = note.read().unwrap();
        assert!(!read.alive());
        assert!(describe(Some(&read)).starts_with("another process"));
        std::fs::write(dir.path().join("r.db.writer"), "not json").unwrap();
        assert_eq!(note.read(), None);
        std::fs::write(dir.path().join("r.db.writer"), vec![b' '; 10_000]).unwrap();
        assert_eq!(note.read(), None, "an oversized note is not read");
    }
}
