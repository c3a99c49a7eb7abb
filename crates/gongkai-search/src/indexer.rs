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

mod series;

use crate::index::{self, FileStamp, IndexError};
use gongkai_core::model::Report;

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
    /// A document of a kind that is not read was passed over.
    fn skipped(&mut self, _path: &Path, _reason: &str) {}
}

/// Indexes `roots` into the index at `index_path`.
///
/// # Errors
/// [`IndexError`] when the index cannot be opened, locked, or committed. Bad files are not errors:
/// they go to `obs.failed` and are counted.
pub fn run(roots: &[PathBuf], index_path: &Path, rebuild: bool, obs: &mut dyn Observer) -> Result<Summary, IndexError> {
    let start = Instant::now();
    let idx = match open_caught(index_path) {
        // An index of another version, or one too damaged to open: --rebuild starts it anew.
        Err(IndexError::SchemaMismatch(_) | IndexError::Tantivy { .. } | IndexError::Damaged { .. }) if rebuild => {
            index::wipe(index_path)?;
            index::open_or_create(index_path)?
        }
        r => r?,
    };
    let mut writer = index::writer(&idx, index_path)?;
    let tantivy_err = |source| IndexError::Tantivy { path: index_path.to_path_buf(), source };
    let known = if rebuild {
        writer.delete_all_documents().map_err(tantivy_err)?;
        HashMap::new()
    } else {
        stamps(&idx).map_err(tantivy_err)?
    };
    let mut summary = Summary::default();
    let mut walk = Walk::default();
    for root in roots {
        walk.root(root, obs);
    }
    let files = std::mem::take(&mut walk.files);
    (summary.skipped, summary.failed) = (walk.skipped, walk.failed);
    summary.seen = files.len();
    obs.start(files.len());
    let todo = triage(files, &known, &mut summary, obs);
    // The agency series this run touches: those of replaced and deleted documents (read before they
    // go) and those of the reports written. A rebuild replaces nothing and never reads the old
    // segments (they may be what is damaged).
    let before = if rebuild { None } else { Some(index::reader(&idx, 100).map_err(tantivy_err)?.searcher()) };
    let replaced: Vec<String> = todo.iter().filter(|j| j.replace).map(|j| j.path.display().to_string()).collect();
    let mut groups = match &before {
        Some(b) => series::groups_of(b, &replaced).map_err(tantivy_err)?,
        None => std::collections::HashSet::new(),
    };
    write_all(&mut writer, todo, &mut summary, &mut groups, obs, index_path)?;
    let gone = drop_missing(&mut writer, &walk.read_dirs, &known).map_err(tantivy_err)?;
    summary.deleted = gone.len();
    if let Some(b) = &before {
        groups.extend(series::groups_of(b, &gone).map_err(tantivy_err)?);
    }
    drop(before);
    writer.commit().map_err(tantivy_err)?;
    if !groups.is_empty() {
        let searcher = index::reader(&idx, 100).map_err(tantivy_err)?.searcher();
        if series::update(&searcher, &mut writer, &groups).map_err(tantivy_err)? > 0 {
            writer.commit().map_err(tantivy_err)?;
        }
    }
    writer.wait_merging_threads().map_err(tantivy_err)?;
    summary.seconds = start.elapsed().as_secs_f64();
    Ok(summary)
}

/// Opens (or creates) the index, a panic inside the index library on damaged files turned into an
/// error, so that `--rebuild` can start anew.
fn open_caught(path: &Path) -> Result<tantivy::Index, IndexError> {
    std::panic::catch_unwind(|| index::open_or_create(path)).unwrap_or_else(|_| {
        Err(IndexError::Tantivy {
            path: path.to_path_buf(),
            source: tantivy::TantivyError::InternalError("the index library failed on its files".into()),
        })
    })
}

/// A file to (re)index: its absolute path and stamp (size and time; the hash is that of the bytes
/// the parsing thread reads). The bytes are not kept here: a run over 100,000 files held all of
/// them at once (1 GB of memory for 726 MB of reports).
struct Job {
    path: PathBuf,
    stamp: FileStamp,
    replace: bool,
}

/// The stamps of everything indexed, by source path (from fast fields: no record is read).
fn stamps(idx: &Index) -> tantivy::Result<HashMap<String, FileStamp>> {
    let searcher = index::reader(idx, 1)?.searcher();
    let mut out = HashMap::new();
    for seg in searcher.segment_readers() {
        let ff = seg.fast_fields();
        let (Some(src), Some(hash)) = (ff.str(index::f::SOURCE)?, ff.str(index::f::HASH)?) else { continue };
        let size = ff.u64(index::f::SIZE)?;
        let mtime = ff.u64(index::f::MTIME)?;
        // Both dictionaries read once, in order (a lookup per document decompresses a block each
        // time: 4 s for a run over 100,000 unchanged files).
        let (sources, hashes) = (all_terms(&src)?, all_terms(&hash)?);
        let term = |names: &[String], col: &tantivy::columnar::StrColumn, doc| {
            col.term_ords(doc)
                .next()
                .and_then(|o| usize::try_from(o).ok())
                .and_then(|i| names.get(i).cloned())
                .unwrap_or_default()
        };
        for doc in seg.doc_ids_alive() {
            let h = term(&hashes, &hash, doc);
            let stamp = FileStamp { size: size.first(doc).unwrap_or(0), mtime: mtime.first(doc).unwrap_or(0), hash: h };
            out.insert(term(&sources, &src, doc), stamp);
        }
    }
    Ok(out)
}

/// Every term of a string column, by ordinal.
fn all_terms(col: &tantivy::columnar::StrColumn) -> std::io::Result<Vec<String>> {
    let mut out = Vec::with_capacity(col.dictionary().num_terms());
    let mut terms = col.dictionary().stream()?;
    while terms.advance() {
        let Ok(i) = usize::try_from(terms.term_ord()) else { continue };
        if out.len() <= i {
            out.resize(i + 1, String::new());
        }
        out[i] = String::from_utf8_lossy(terms.key()).into_owned();
    }
    Ok(out)
}

/// Extensions of documents that are not read (named, with what to do, rather than passed over silently).
const NOT_READ: [(&str, &str); 11] = [
    ("doc", "a legacy Word file"),
    ("wps", "a WPS document"),
    ("dot", "a legacy Word template"),
    ("rtf", "an RTF document"),
    ("odt", "an OpenDocument text"),
    ("xls", "a legacy Excel file"),
    ("xlsx", "an Excel workbook"),
    ("et", "a WPS spreadsheet"),
    ("ofd", "an OFD document"),
    ("caj", "a CAJ document"),
    ("ceb", "a CEB document"),
];

/// The walk over the roots: supported files (canonical paths, each once), folders already seen (a
/// symlink back to one is a loop, reported once), and what was passed over or failed.
#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    seen_files: HashSet<PathBuf>,
    seen_dirs: HashSet<PathBuf>,
    /// Folders listed in full: only a file gone from one of these is dropped from the index.
    read_dirs: HashSet<PathBuf>,
    skipped: usize,
    failed: usize,
}

impl Walk {
    /// Collects supported files below `root` (or `root` itself).
    fn root(&mut self, root: &Path, obs: &mut dyn Observer) {
        self.visit(root, true, obs);
    }

    fn fail(&mut self, path: &Path, reason: &str, obs: &mut dyn Observer) {
        self.failed += 1;
        obs.failed(path, reason);
    }

    fn visit(&mut self, path: &Path, is_root: bool, obs: &mut dyn Observer) {
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) if is_root && e.kind() == std::io::ErrorKind::NotFound => {
                return self.fail(path, "no such file or folder", obs);
            }
            Err(e) => return self.fail(path, &format!("cannot read: {e}"), obs),
        };
        if meta.is_file() {
            return self.file(path, obs);
        }
        if !meta.is_dir() {
            if is_root {
                self.fail(path, "not a file or a folder (a device, FIFO or socket)", obs);
            } else {
                self.skipped += 1;
            }
            return;
        }
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !self.seen_dirs.insert(canonical.clone()) {
            // A root named twice or inside another root is walked once, quietly; a link back into a
            // folder already walked is a loop.
            if !is_root && std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
                let reason = format!("a symbolic link to {}, already walked: not followed", canonical.display());
                self.fail(path, &reason, obs);
            }
            return;
        }
        let listing: Result<Vec<PathBuf>, std::io::Error> =
            std::fs::read_dir(path).and_then(|rd| rd.map(|e| e.map(|e| e.path())).collect());
        let mut entries = match listing {
            Ok(v) => v,
            Err(e) => return self.fail(path, &format!("cannot read the folder: {e}"), obs),
        };
        self.read_dirs.insert(canonical);
        entries.sort();
        for p in entries {
            let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
            if !hidden {
                self.visit(&p, false, obs);
            }
        }
    }

    fn file(&mut self, path: &Path, obs: &mut dyn Observer) {
        if gongkai_core::load::is_supported_extension(path) {
            let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            if self.seen_files.insert(canonical.clone()) {
                self.files.push(canonical);
            }
            return;
        }
        self.skipped += 1;
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
        if let Some((_, what)) = NOT_READ.iter().find(|(x, _)| *x == ext) {
            obs.skipped(
                path,
                &format!(
                    "{what} is not read directly; save it as .docx, HTML, PDF or text first (e.g. `libreoffice \
                     --headless --convert-to docx FILE`)"
                ),
            );
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
        if let Some(reason) = gongkai_core::load::not_read(&meta) {
            s.failed += 1;
            obs.failed(&path, &reason);
            continue;
        }
        let (size, mtime) = (meta.len(), mtime_of(&meta));
        let old = known.get(&key);
        if old.is_some_and(|o| o.size == size && o.mtime == mtime) {
            s.unchanged += 1;
            obs.step(&path);
            continue;
        }
        if let Some(o) = old {
            // Size or time changed: the content decides (a file copied back keeps its record).
            let bytes = match std::fs::read(&path) {
                Ok(b) => b,
                Err(e) => {
                    s.failed += 1;
                    obs.failed(&path, &e.to_string());
                    continue;
                }
            };
            if o.hash == content_hash(&bytes) {
                s.bytes += bytes.len() as u64;
                s.unchanged += 1;
                obs.step(&path);
                continue;
            }
        }
        jobs.push(Job { path, stamp: FileStamp { size, mtime, hash: String::new() }, replace: old.is_some() });
    }
    jobs
}

/// Parses jobs on every core and writes them, committing every [`COMMIT_EVERY`] documents.
fn write_all(
    writer: &mut IndexWriter,
    jobs: Vec<Job>,
    s: &mut Summary,
    groups: &mut HashSet<String>,
    obs: &mut dyn Observer,
    index_path: &Path,
) -> Result<(), IndexError> {
    let tantivy_err = |source| IndexError::Tantivy { path: index_path.to_path_buf(), source };
    let queue = Mutex::new(jobs.into_iter());
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).clamp(1, 8);
    let (tx, rx) = mpsc::sync_channel::<(Job, Result<Report, String>)>(workers * 4);
    std::thread::scope(|scope| -> Result<(), IndexError> {
        for _ in 0..workers {
            let tx = tx.clone();
            let queue = &queue;
            scope.spawn(move || {
                loop {
                    let next = queue.lock().ok().and_then(|mut q| q.next());
                    let Some(job) = next else { break };
                    let mut job = job;
                    let parsed = parse_job(&mut job);
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
                Ok(r) => {
                    s.bytes += job.stamp.size;
                    r
                }
                Err(reason) => {
                    s.failed += 1;
                    obs.failed(&job.path, &reason);
                    continue;
                }
            };
            if job.replace {
                writer.delete_term(index::source_term(&report.source));
            }
            let doc = index::document(&report, &job.stamp).map_err(tantivy_err)?;
            writer.add_document(doc).map_err(tantivy_err)?;
            s.indexed += 1;
            groups.extend(gongkai_core::series::group_key(&report));
            since_commit += 1;
            if since_commit >= COMMIT_EVERY {
                writer.commit().map_err(tantivy_err)?;
                since_commit = 0;
            }
        }
        Ok(())
    })
}

/// The hash a file's stamp keeps of its content.
fn content_hash(bytes: &[u8]) -> String {
    format!("{:016x}", index::fnv1a(bytes))
}

/// Reads and parses a job's file, setting its stamp's hash and size from the bytes read.
fn parse_job(job: &mut Job) -> Result<Report, String> {
    let shown = job.path.display().to_string();
    let bytes = std::fs::read(&job.path).map_err(|e| e.to_string())?;
    job.stamp.hash = content_hash(&bytes);
    job.stamp.size = bytes.len() as u64;
    let src = gongkai_core::load::load_bytes(&bytes, &shown).map_err(|e| e.to_string())?;
    gongkai_core::parse::parse_source(&src, &shown).map_err(|e| e.to_string())
}

/// Whether `p` is gone, seen so from a folder listed in full: its own folder, or, when that folder is
/// gone too, the nearest folder above that still exists. A folder that could not be read (or was not
/// walked) drops nothing.
fn gone_from_a_listed_folder(p: &Path, read_dirs: &HashSet<PathBuf>) -> bool {
    let missing = |q: &Path| matches!(std::fs::symlink_metadata(q), Err(e) if e.kind() == std::io::ErrorKind::NotFound);
    if !missing(p) {
        return false;
    }
    for dir in p.ancestors().skip(1) {
        if read_dirs.contains(dir) {
            return true;
        }
        if !missing(dir) {
            return false;
        }
    }
    false
}

/// Deletes documents whose file lay in a walked folder and is gone.
fn drop_missing(
    writer: &mut IndexWriter,
    read_dirs: &HashSet<PathBuf>,
    known: &HashMap<String, FileStamp>,
) -> tantivy::Result<Vec<String>> {
    let mut gone = Vec::new();
    for source in known.keys() {
        let p = Path::new(source);
        if gone_from_a_listed_folder(p, read_dirs) {
            writer.delete_term(index::source_term(source));
            gone.push(source.clone());
        }
    }
    Ok(gone)
}
