//! `gongkai index`: walk folders, parse new or changed files on every core, and write them to the
//! index incrementally.
//!
//! A file is unchanged when its size and mtime match what the index holds, or, failing that, its
//! content hash does. Files gone from a walked folder are dropped. Commits are tantivy's atomic
//! commits (every [`COMMIT_EVERY`] documents and at the end), so a crash or `kill -9` leaves the last
//! committed index, and a re-run picks up where it stopped.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, mpsc};
use std::time::{Instant, UNIX_EPOCH};

use tantivy::{Index, IndexWriter};

use crate::index::{self, FileStamp, IndexError};
use crate::model::Report;

/// Documents between two commits.
pub const COMMIT_EVERY: usize = 2000;

/// What one run did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Supported files found.
    pub seen: usize,
    /// Parsed and written.
    pub indexed: usize,
    /// Already in the index as they are.
    pub unchanged: usize,
    /// Could not be read or parsed.
    pub failed: usize,
    /// Files of other kinds, passed over.
    pub skipped: usize,
    /// Dropped because their file is gone.
    pub deleted: usize,
    /// Bytes read from files.
    pub bytes: u64,
    /// Wall time.
    pub seconds: f64,
}

impl Summary {
    /// The one-line summary printed at the end.
    #[must_use]
    pub fn line(&self) -> String {
        let mbs = if self.seconds > 0.0 { self.bytes as f64 / 1e6 / self.seconds } else { 0.0 };
        format!(
            "seen {}, indexed {}, unchanged {}, failed {}, skipped {}, deleted {}, {:.2}s, {:.1} MB/s",
            self.seen, self.indexed, self.unchanged, self.failed, self.skipped, self.deleted, self.seconds, mbs
        )
    }
}

/// Progress and per-file failures, reported as they happen.
pub trait Observer {
    /// The walk found `total` candidate files.
    fn start(&mut self, _total: usize) {}
    /// One more file was handled.
    fn step(&mut self, _path: &Path) {}
    /// A file failed; the run goes on.
    fn failed(&mut self, path: &Path, reason: &str);
}

/// Indexes `roots` into the index at `index_path`.
///
/// # Errors
/// [`IndexError`] when the index cannot be opened, locked, or committed. Bad files are not errors:
/// they go to `obs.failed` and are counted.
pub fn run(roots: &[PathBuf], index_path: &Path, rebuild: bool, obs: &mut dyn Observer) -> Result<Summary, IndexError> {
    let start = Instant::now();
    let idx = index::open_or_create(index_path)?;
    let mut writer = index::writer(&idx, index_path)?;
    let tantivy_err = |source| IndexError::Tantivy { path: index_path.to_path_buf(), source };
    let known = if rebuild {
        writer.delete_all_documents().map_err(tantivy_err)?;
        HashMap::new()
    } else {
        stamps(&idx).map_err(tantivy_err)?
    };
    let mut summary = Summary::default();
    let mut files = Vec::new();
    for root in roots {
        walk(root, &mut files, &mut summary.skipped, obs);
    }
    summary.seen = files.len();
    obs.start(files.len());
    let todo = triage(files, &known, &mut summary, obs);
    write_all(&idx, &mut writer, todo, &mut summary, obs, index_path)?;
    summary.deleted = drop_missing(&idx, &mut writer, roots, &known).map_err(tantivy_err)?;
    writer.commit().map_err(tantivy_err)?;
    writer.wait_merging_threads().map_err(tantivy_err)?;
    summary.seconds = start.elapsed().as_secs_f64();
    Ok(summary)
}

/// A file to (re)index: its absolute path, bytes and stamp.
struct Job {
    path: PathBuf,
    bytes: Vec<u8>,
    stamp: FileStamp,
    replace: bool,
}

/// The stamps of everything indexed, by source path (from fast fields: no record is read).
fn stamps(idx: &Index) -> tantivy::Result<HashMap<String, FileStamp>> {
    let searcher = idx.reader()?.searcher();
    let mut out = HashMap::new();
    for seg in searcher.segment_readers() {
        let ff = seg.fast_fields();
        let (Some(src), Some(hash)) = (ff.str(index::f::SOURCE)?, ff.str(index::f::HASH)?) else { continue };
        let size = ff.u64(index::f::SIZE)?;
        let mtime = ff.u64(index::f::MTIME)?;
        for doc in seg.doc_ids_alive() {
            let mut s = String::new();
            let mut h = String::new();
            if let Some(o) = src.term_ords(doc).next() {
                src.ord_to_str(o, &mut s)?;
            }
            if let Some(o) = hash.term_ords(doc).next() {
                hash.ord_to_str(o, &mut h)?;
            }
            let stamp = FileStamp { size: size.first(doc).unwrap_or(0), mtime: mtime.first(doc).unwrap_or(0), hash: h };
            out.insert(s, stamp);
        }
    }
    Ok(out)
}

/// Collects supported files below `root` (or `root` itself); counts the others.
fn walk(root: &Path, out: &mut Vec<PathBuf>, skipped: &mut usize, obs: &mut dyn Observer) {
    let meta = match std::fs::metadata(root) {
        Ok(m) => m,
        Err(e) => {
            obs.failed(root, &e.to_string());
            return;
        }
    };
    if meta.is_file() {
        if crate::load::is_supported_extension(root) {
            out.push(std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()));
        } else {
            *skipped += 1;
        }
        return;
    }
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(root) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            obs.failed(root, &e.to_string());
            return;
        }
    };
    entries.sort();
    for p in entries {
        let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if !hidden {
            walk(&p, out, skipped, obs);
        }
    }
}

fn mtime_of(meta: &std::fs::Metadata) -> u64 {
    meta.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).map_or(0, |d| d.as_secs())
}

/// Splits files into unchanged ones and jobs, reading only what may have changed.
fn triage(
    files: Vec<PathBuf>,
    known: &HashMap<String, FileStamp>,
    s: &mut Summary,
    obs: &mut dyn Observer,
) -> Vec<Job> {
    let mut jobs = Vec::new();
    for path in files {
        let key = path.display().to_string();
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                s.failed += 1;
                obs.failed(&path, &e.to_string());
                continue;
            }
        };
        let (size, mtime) = (meta.len(), mtime_of(&meta));
        let old = known.get(&key);
        if old.is_some_and(|o| o.size == size && o.mtime == mtime) {
            s.unchanged += 1;
            obs.step(&path);
            continue;
        }
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                s.failed += 1;
                obs.failed(&path, &e.to_string());
                continue;
            }
        };
        s.bytes += bytes.len() as u64;
        let hash = format!("{:016x}", index::fnv1a(&bytes));
        if old.is_some_and(|o| o.hash == hash) {
            s.unchanged += 1;
            obs.step(&path);
            continue;
        }
        jobs.push(Job { path, bytes, stamp: FileStamp { size, mtime, hash }, replace: old.is_some() });
    }
    jobs
}

/// Parses jobs on every core and writes them, committing every [`COMMIT_EVERY`] documents.
fn write_all(
    idx: &Index,
    writer: &mut IndexWriter,
    jobs: Vec<Job>,
    s: &mut Summary,
    obs: &mut dyn Observer,
    index_path: &Path,
) -> Result<(), IndexError> {
    let schema = idx.schema();
    let tantivy_err = |source| IndexError::Tantivy { path: index_path.to_path_buf(), source };
    let queue = Mutex::new(jobs.into_iter());
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).clamp(1, 8);
    let (tx, rx) = mpsc::channel::<(Job, Result<Report, String>)>();
    std::thread::scope(|scope| -> Result<(), IndexError> {
        for _ in 0..workers {
            let tx = tx.clone();
            let queue = &queue;
            scope.spawn(move || {
                loop {
                    let next = queue.lock().ok().and_then(|mut q| q.next());
                    let Some(job) = next else { break };
                    let parsed = parse_job(&job);
                    if tx.send((job, parsed)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut since_commit = 0;
        for (job, parsed) in rx {
            obs.step(&job.path);
            let report = match parsed {
                Ok(r) => r,
                Err(reason) => {
                    s.failed += 1;
                    obs.failed(&job.path, &reason);
                    continue;
                }
            };
            if job.replace
                && let Some(t) = index::source_term(&schema, &report.source)
            {
                writer.delete_term(t);
            }
            let doc = index::document(&schema, &report, &job.stamp).map_err(tantivy_err)?;
            writer.add_document(doc).map_err(tantivy_err)?;
            s.indexed += 1;
            since_commit += 1;
            if since_commit >= COMMIT_EVERY {
                writer.commit().map_err(tantivy_err)?;
                since_commit = 0;
            }
        }
        Ok(())
    })
}

fn parse_job(job: &Job) -> Result<Report, String> {
    let shown = job.path.display().to_string();
    let src = crate::load::load_bytes(&job.bytes, &shown).map_err(|e| e.to_string())?;
    crate::parse::parse_source(&src, &shown).map_err(|e| e.to_string())
}

/// Deletes documents whose file lay under a walked root and is gone.
fn drop_missing(
    idx: &Index,
    writer: &mut IndexWriter,
    roots: &[PathBuf],
    known: &HashMap<String, FileStamp>,
) -> tantivy::Result<usize> {
    let schema = idx.schema();
    let roots: Vec<PathBuf> = roots.iter().filter_map(|r| std::fs::canonicalize(r).ok()).collect();
    let mut gone = 0;
    let unique: HashSet<&String> = known.keys().collect();
    for source in unique {
        let p = Path::new(source);
        if roots.iter().any(|r| p.starts_with(r))
            && !p.exists()
            && let Some(t) = index::source_term(&schema, source)
        {
            writer.delete_term(t);
            gone += 1;
        }
    }
    Ok(gone)
}
