//! The tantivy index: schema (field-name constants), opening with the Chinese tokenizers registered,
//! and [`Report`] → document.
//!
//! Every record is stored whole (`record`, JSON) so `show` needs no re-parse; headline figures are
//! fast fields for sorting and ranges; metadata are exact strings for filters plus facets for counts.

pub mod tokenizer;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tantivy::schema::OwnedValue;
use tantivy::schema::{
    FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{Index, TantivyDocument, Term};

use gongkai_core::model::Report;

/// Field names.
pub mod f {
    /// Stable id (hash of the source path), u64.
    pub const ID: &str = "id";
    /// Source path as indexed, exact.
    pub const SOURCE: &str = "source";
    /// Title, bigram-tokenized, stored.
    pub const TITLE: &str = "title";
    /// Title, agency, every section and the table labels: bigram-tokenized.
    pub const BODY: &str = "body";
    /// The same text, unigram-tokenized (one-character queries).
    pub const BODY1: &str = "body1";
    /// Agency name, bigram-tokenized.
    pub const AGENCY: &str = "agency";
    /// Agency name, exact.
    pub const AGENCY_EXACT: &str = "agency_exact";
    /// SCHEMA agency type name.
    pub const TYPE: &str = "agency_type";
    /// SCHEMA level name.
    pub const LEVEL: &str = "level";
    /// Canonical province name.
    pub const PROVINCE: &str = "province";
    /// Canonical prefecture name.
    pub const CITY: &str = "city";
    /// Canonical county name.
    pub const COUNTY: &str = "county";
    /// Template name.
    pub const TEMPLATE: &str = "template";
    /// Year reported on (i64; -1 when unknown).
    pub const YEAR: &str = "year";
    /// 1 when a check fails.
    pub const FAILING: &str = "failing";
    /// Facets for counts: /year/2020, /type/town, /province/安徽省, /city/…, /county/…, /failing/1.
    pub const FACETS: &str = "facets";
    /// 一、本年新收 总计.
    pub const APP_NEW: &str = "app_new";
    /// （一）予以公开 总计.
    pub const APP_GRANTED: &str = "app_granted";
    /// （七）总计 总计.
    pub const APP_TOTAL: &str = "app_total";
    /// Sum of the three review groups' totals.
    pub const REVIEWS_TOTAL: &str = "reviews_total";
    /// Sum of 行政许可/处罚/强制 decisions.
    pub const ACTIVE_DECISIONS: &str = "active_decisions";
    /// File size in bytes.
    pub const SIZE: &str = "size";
    /// File modification time (seconds).
    pub const MTIME: &str = "mtime";
    /// Content hash (hex).
    pub const HASH: &str = "hash";
    /// Every figure and derived rate: a JSON object of f64 by path (`applications.new.total`), fast.
    pub const FIGS: &str = "figs";
    /// The agency's series: its reports over the years (`series::group_key`), exact.
    pub const GROUP: &str = "group";
    /// Gazetteer code of the finest unit resolved (2, 4, 6 or 9 digits), exact and fast.
    pub const REGION_CODE: &str = "region_code";
    /// The whole record as JSON.
    pub const RECORD: &str = "record";
}

/// The headline numeric fields, in the order `search --sort` and ranges name them.
pub const NUMERIC_FIELDS: [&str; 5] = [f::APP_NEW, f::APP_GRANTED, f::APP_TOTAL, f::REVIEWS_TOTAL, f::ACTIVE_DECISIONS];

/// The index's fields, resolved once: they are made with the schema, so no field is looked up by
/// name when documents are written or read.
#[derive(Debug, Clone, Copy)]
#[allow(missing_docs)] // One per name of [`f`].
pub struct Fields {
    pub id: Field,
    pub source: Field,
    pub title: Field,
    pub body: Field,
    pub body1: Field,
    pub agency: Field,
    pub agency_exact: Field,
    pub agency_type: Field,
    pub level: Field,
    pub province: Field,
    pub city: Field,
    pub county: Field,
    pub template: Field,
    pub year: Field,
    pub failing: Field,
    pub facets: Field,
    /// The headline figures, in [`NUMERIC_FIELDS`] order.
    pub numeric: [Field; 5],
    pub hash: Field,
    pub size: Field,
    pub mtime: Field,
    pub figs: Field,
    pub group: Field,
    pub region_code: Field,
    pub record: Field,
}

impl Fields {
    /// The fields of [`schema()`]. Every index this crate opens has that schema ([`open_existing`]
    /// and [`open_or_create`] refuse any other), so these are its fields.
    #[must_use]
    pub fn get() -> &'static Fields {
        static FIELDS: std::sync::OnceLock<Fields> = std::sync::OnceLock::new();
        FIELDS.get_or_init(|| build().1)
    }
}

/// Builds the schema.
#[must_use]
pub fn schema() -> Schema {
    build().0
}

fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = |tok: &str, rec: IndexRecordOption| {
        TextOptions::default()
            .set_indexing_options(TextFieldIndexing::default().set_tokenizer(tok).set_index_option(rec))
    };
    let positions = IndexRecordOption::WithFreqsAndPositions;
    let id = b.add_u64_field(f::ID, INDEXED | STORED | FAST);
    let source = b.add_text_field(f::SOURCE, STRING | STORED | FAST);
    let title = b.add_text_field(f::TITLE, text(tokenizer::BIGRAM, positions).set_stored());
    let body = b.add_text_field(f::BODY, text(tokenizer::BIGRAM, positions));
    let body1 = b.add_text_field(f::BODY1, text(tokenizer::UNIGRAM, IndexRecordOption::WithFreqs));
    let agency = b.add_text_field(f::AGENCY, text(tokenizer::BIGRAM, positions));
    let agency_exact = b.add_text_field(f::AGENCY_EXACT, STRING | STORED | FAST);
    let [agency_type, level, province, city, county, template] =
        [f::TYPE, f::LEVEL, f::PROVINCE, f::CITY, f::COUNTY, f::TEMPLATE]
            .map(|name| b.add_text_field(name, STRING | STORED));
    let year = b.add_i64_field(f::YEAR, INDEXED | STORED | FAST);
    let failing = b.add_u64_field(f::FAILING, INDEXED | FAST | STORED);
    let facets = b.add_facet_field(f::FACETS, FacetOptions::default());
    let numeric = NUMERIC_FIELDS.map(|name| b.add_i64_field(name, INDEXED | FAST | STORED));
    let hash = b.add_text_field(f::HASH, STRING | STORED | FAST);
    let size = b.add_u64_field(f::SIZE, STORED | FAST);
    let mtime = b.add_u64_field(f::MTIME, STORED | FAST);
    let figs = b.add_json_field(f::FIGS, FAST);
    let group = b.add_text_field(f::GROUP, STRING | STORED);
    let region_code = b.add_text_field(f::REGION_CODE, STRING | STORED | FAST);
    let record = b.add_text_field(f::RECORD, STORED);
    let fields = Fields {
        id,
        source,
        title,
        body,
        body1,
        agency,
        agency_exact,
        agency_type,
        level,
        province,
        city,
        county,
        template,
        year,
        failing,
        facets,
        numeric,
        hash,
        size,
        mtime,
        figs,
        group,
        region_code,
        record,
    };
    (b.build(), fields)
}

/// Errors of the index layer.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// Another process holds the writer lock.
    #[error("index {0} is locked by another gongkai process")]
    Locked(PathBuf),
    /// The index's folder cannot be written (a read-only mount, another user's files).
    #[error("index {0} is read-only here: reading commands work, `gongkai index` needs write access to it")]
    ReadOnly(PathBuf),
    /// The folder holds an index of another schema (an older gongkai).
    #[error("index {0} was written by another version of gongkai; rebuild it with `gongkai index --rebuild`")]
    SchemaMismatch(PathBuf),
    /// Anything tantivy reports.
    #[error("index {path}: {source}")]
    Tantivy {
        /// Index folder.
        path: PathBuf,
        /// Cause.
        source: tantivy::TantivyError,
    },
    /// Segment files whose checksums do not match their contents (flipped bytes, a file cut short).
    #[error("index {path} is damaged ({files})")]
    Damaged {
        /// Index folder.
        path: PathBuf,
        /// The damaged files, by name.
        files: String,
    },
    /// File-system trouble around the index folder.
    #[error("index {path}: {source}")]
    Io {
        /// Index folder.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
}

fn tantivy_err(path: &Path) -> impl Fn(tantivy::TantivyError) -> IndexError + '_ {
    move |source| match source {
        tantivy::TantivyError::LockFailure(tantivy::directory::error::LockError::IoError(e), _)
            if matches!(e.kind(), std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem) =>
        {
            IndexError::ReadOnly(path.to_path_buf())
        }
        tantivy::TantivyError::LockFailure(..) => IndexError::Locked(path.to_path_buf()),
        tantivy::TantivyError::SchemaError(_) => IndexError::SchemaMismatch(path.to_path_buf()),
        source => IndexError::Tantivy { path: path.to_path_buf(), source },
    }
}

/// Opens the index at `path`, creating it (and its folder) when missing.
///
/// # Errors
/// [`IndexError`] when the folder cannot be made or holds an incompatible index.
pub fn open_or_create(path: &Path) -> Result<Index, IndexError> {
    std::fs::create_dir_all(path).map_err(|source| IndexError::Io { path: path.to_path_buf(), source })?;
    let dir = tantivy::directory::MmapDirectory::open(path)
        .map_err(|e| IndexError::Tantivy { path: path.to_path_buf(), source: e.into() })?;
    let existed = path.join("meta.json").is_file();
    let index = if existed {
        let index = Index::open(dir).map_err(tantivy_err(path))?;
        if index.schema() != schema() {
            return Err(IndexError::SchemaMismatch(path.to_path_buf()));
        }
        verify(&index, path)?;
        index
    } else {
        Index::builder().schema(schema()).settings(settings()).open_or_create(dir).map_err(tantivy_err(path))?
    };
    tokenizer::register(&index);
    Ok(index)
}

/// How a new index stores its documents: the records compressed with zstd in 64 KB blocks (about half
/// the size of lz4 in 16 KB blocks on report records; an index made before keeps its own settings).
fn settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(tantivy::store::ZstdCompressor {
            compression_level: Some(3),
        }),
        docstore_blocksize: 65_536,
        ..tantivy::IndexSettings::default()
    }
}

/// Deletes the index files in `path` (for `index --rebuild` over an index of another schema, or a
/// damaged one), refusing when the folder holds anything an index does not, so a mistyped path never
/// loses a user's files.
///
/// # Errors
/// [`IndexError::Io`] naming the first foreign file, or the file that could not be deleted.
pub fn wipe(path: &Path) -> Result<(), IndexError> {
    let io = |source| IndexError::Io { path: path.to_path_buf(), source };
    let ours = |name: &str| {
        matches!(name, "meta.json" | ".managed.json" | ".tantivy-meta.lock" | ".tantivy-writer.lock" | VERIFIED)
            // A segment's component: `<uuid>.<ext>`, deletes as `<uuid>.<opstamp>.del`.
            || name.split_once('.').is_some_and(|(stem, rest)| {
                stem.len() == 32
                    && stem.bytes().all(|b| b.is_ascii_hexdigit())
                    && rest.rsplit('.').next().is_some_and(|ext| {
                        ["idx", "pos", "term", "store", "temp", "fast", "fieldnorm", "del"].contains(&ext)
                    })
            })
    };
    let entries: Vec<std::fs::DirEntry> = std::fs::read_dir(path).map_err(io)?.collect::<Result<_, _>>().map_err(io)?;
    if let Some(foreign) = entries.iter().find(|e| !ours(&e.file_name().to_string_lossy())) {
        return Err(io(std::io::Error::other(format!(
            "holds {}, which is not an index file; not deleting anything there",
            foreign.file_name().to_string_lossy()
        ))));
    }
    for e in entries {
        std::fs::remove_file(e.path()).map_err(io)?;
    }
    Ok(())
}

/// The file that records the index files last verified (names, sizes, modification times): checksums
/// are checked again only when the files changed.
const VERIFIED: &str = "gongkai-verified.json";

/// The index's files as they are now: name, size and modification time of each, as one line each.
fn file_stamp(path: &Path) -> String {
    let mut lines: Vec<String> = std::fs::read_dir(path)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if name == VERIFIED || name.starts_with(".tantivy") {
                return None;
            }
            let meta = e.metadata().ok()?;
            let mtime = meta.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
            Some(format!("{name} {} {mtime}", meta.len()))
        })
        .collect();
    lines.sort();
    lines.join("\n")
}

/// Checks every segment file's checksum, unless the files are as they were when last verified: a
/// damaged file is refused here, before the index library reads sizes and offsets out of it (a
/// flipped length can ask for terabytes and abort the process, which nothing can catch).
fn verify(index: &Index, path: &Path) -> Result<(), IndexError> {
    let stamp = file_stamp(path);
    if std::fs::read_to_string(path.join(VERIFIED)).is_ok_and(|v| v == stamp) {
        return Ok(());
    }
    let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| index.validate_checksum()));
    let damaged: Vec<String> = match checked {
        Ok(Ok(files)) => files.iter().map(|f| f.display().to_string()).collect(),
        Ok(Err(e)) => vec![e.to_string()],
        Err(_) => vec!["its files cannot be read".into()],
    };
    if !damaged.is_empty() {
        let mut damaged = damaged;
        damaged.sort();
        return Err(IndexError::Damaged { path: path.to_path_buf(), files: damaged.join(", ") });
    }
    // A read-only index is verified again next time: that is all a failed write costs.
    let _ = std::fs::write(path.join(VERIFIED), stamp);
    Ok(())
}

/// Opens an existing index for reading; `Ok(None)` when there is none at `path`.
///
/// # Errors
/// [`IndexError`] when the index exists but cannot be opened.
pub fn open_existing(path: &Path) -> Result<Option<Index>, IndexError> {
    if !path.join("meta.json").is_file() {
        return Ok(None);
    }
    let index = Index::open_in_dir(path).map_err(tantivy_err(path))?;
    if index.schema() != schema() {
        return Err(IndexError::SchemaMismatch(path.to_path_buf()));
    }
    verify(&index, path)?;
    tokenizer::register(&index);
    Ok(Some(index))
}

/// An index in memory (tests, benchmarks).
#[must_use]
pub fn in_ram() -> Index {
    let index = Index::create_in_ram(schema());
    tokenizer::register(&index);
    index
}

/// Opens a writer, turning a held lock into [`IndexError::Locked`].
///
/// # Errors
/// [`IndexError::Locked`] when another process writes to the index.
pub fn writer(index: &Index, path: &Path) -> Result<tantivy::IndexWriter, IndexError> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).clamp(1, 4);
    let writer: tantivy::IndexWriter =
        index.writer_with_num_threads(threads, 64_000_000 * threads).map_err(tantivy_err(path))?;
    // Segments merge with others of about their size only: the default puts every segment under
    // 10,000 documents in one level, so re-indexing a handful of files rewrote the whole store.
    let mut policy = tantivy::indexer::LogMergePolicy::default();
    policy.set_min_layer_size(200);
    writer.set_merge_policy(Box::new(policy));
    Ok(writer)
}

/// A reader that loads the index as it is now and reloads only when asked (no watcher thread),
/// whose document stores each keep `store_blocks` decompressed blocks per segment (tantivy's
/// default is 100: 6.4 MB a segment with 64 KB blocks).
///
/// # Errors
/// tantivy's, when the segments cannot be opened.
pub fn reader(index: &Index, store_blocks: usize) -> tantivy::Result<tantivy::IndexReader> {
    index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .doc_store_cache_num_blocks(store_blocks)
        .try_into()
}

/// Stable 64-bit FNV-1a hash (used for ids and content hashes; stable across builds).
#[must_use]
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The id of a source path.
#[must_use]
pub fn id_of(source: &str) -> u64 {
    fnv1a(source.as_bytes()) >> 11
}

/// Where a file was when indexed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileStamp {
    /// Bytes.
    pub size: u64,
    /// Modification time, seconds since the epoch.
    pub mtime: u64,
    /// FNV-1a of the content, hex.
    pub hash: String,
}

/// Text searched for a report: title, agency, preamble, sections and table labels.
#[must_use]
pub fn body_text(r: &Report) -> String {
    let mut s = String::new();
    for part in [r.title.as_deref(), r.agency.as_deref(), r.agency_full.as_deref()].into_iter().flatten() {
        s.push_str(part);
        s.push('\n');
    }
    s.push_str(&r.preamble);
    s.push('\n');
    for sec in &r.sections {
        s.push_str(&sec.title);
        s.push('\n');
        s.push_str(&sec.text);
        s.push('\n');
    }
    for label in table_row_labels(r) {
        s.push_str(label);
        s.push('\n');
    }
    s
}

/// The template's labels of the rows the report's tables hold (searchable words such as 行政许可),
/// from the table schema: the index does not go through the text renderer.
fn table_row_labels(r: &Report) -> Vec<&'static str> {
    use gongkai_core::schema::{Table, active_template};
    let mut out = Vec::new();
    if let Some(t) = &r.figures.active {
        let template = active_template(t, r.template);
        out.extend(Table::Active.rows().iter().filter_map(|row| row.layout(template)).map(|l| l.label));
    }
    if let Some(t) = &r.figures.applications {
        out.extend(t.keys().filter_map(|k| Table::Applications.row(k)).map(|row| row.label));
    }
    if r.figures.reviews.is_some() {
        out.extend(Table::Reviews.rows().iter().map(|row| row.label));
    }
    out
}

/// The headline numbers of a report, in [`NUMERIC_FIELDS`] order.
#[must_use]
pub fn headline(r: &Report) -> [Option<i64>; 5] {
    use gongkai_core::model::Figure;
    use gongkai_core::schema::{ActiveCol, ActiveRow, AppCol, AppRow, ReviewCol, ReviewRow};
    let f = &r.figures;
    let reviews: Option<i64> = ReviewRow::ALL.iter().map(|g| f.review(*g, ReviewCol::Total)).sum();
    let decisions: Option<i64> = [ActiveRow::Licensing, ActiveRow::Penalties, ActiveRow::Enforcement]
        .iter()
        .map(|row| f.active(*row, ActiveCol::Decisions).and_then(Figure::as_i64))
        .try_fold(0, |acc, v| v.map(|x| acc + x));
    [
        f.app(AppRow::New, AppCol::Total),
        f.app(AppRow::Granted, AppCol::Total),
        f.app(AppRow::Total, AppCol::Total),
        reviews,
        decisions,
    ]
}

/// A report → its document (for an index of this crate's [`schema()`]).
///
/// # Errors
/// When the record cannot be serialized.
pub fn document(r: &Report, stamp: &FileStamp) -> Result<TantivyDocument, tantivy::TantivyError> {
    let fl = Fields::get();
    let mut d = TantivyDocument::default();
    d.add_u64(fl.id, id_of(&r.source));
    d.add_text(fl.source, &r.source);
    d.add_text(fl.title, r.title.as_deref().unwrap_or(""));
    let body = body_text(r);
    d.add_text(fl.body, &body);
    d.add_text(fl.body1, &body);
    let agency = r.agency.as_deref().unwrap_or("");
    d.add_text(fl.agency, agency);
    d.add_text(fl.agency_exact, agency);
    d.add_text(fl.agency_type, r.agency_type.as_str());
    d.add_text(fl.level, r.level.map_or("", |l| l.as_str()));
    let region = r.region.clone().unwrap_or_default();
    d.add_text(fl.province, region.province.as_deref().unwrap_or(""));
    d.add_text(fl.city, region.city.as_deref().unwrap_or(""));
    d.add_text(fl.county, region.county.as_deref().unwrap_or(""));
    d.add_text(fl.template, r.template.as_str());
    d.add_i64(fl.year, r.year.map_or(-1, i64::from));
    d.add_u64(fl.failing, u64::from(r.has_failing_check()));
    for facet in facets(r) {
        d.add_facet(fl.facets, tantivy::schema::Facet::from_path(facet));
    }
    for (field, v) in fl.numeric.iter().zip(headline(r)) {
        d.add_i64(*field, v.unwrap_or(-1));
    }
    d.add_u64(fl.size, stamp.size);
    d.add_u64(fl.mtime, stamp.mtime);
    d.add_text(fl.hash, &stamp.hash);
    d.add_object(fl.figs, figure_values(r));
    d.add_text(fl.group, gongkai_core::series::group_key(r).unwrap_or_default());
    d.add_text(fl.region_code, region.code.as_deref().unwrap_or(""));
    let json = serde_json::to_string(r).map_err(|e| tantivy::TantivyError::InvalidArgument(e.to_string()))?;
    d.add_text(fl.record, json);
    Ok(d)
}

/// Every figure the report gives and every rate that can be computed, as f64 under its path
/// (`applications` → `new` → `total`; `rate` → `granted`): what figure queries compare and sort by.
/// A null figure is left out, so it never satisfies a comparison.
#[must_use]
pub fn figure_values(r: &Report) -> BTreeMap<String, OwnedValue> {
    use gongkai_core::measure::{NumField, Rate};
    let mut out = BTreeMap::new();
    let fields = gongkai_core::schema::FigureKey::all().into_iter().map(NumField::Figure);
    for field in fields.chain(Rate::ALL.into_iter().map(NumField::Rate)) {
        if let Some(v) = field.of(r) {
            let name = field.name();
            insert(&mut out, &name.split('.').collect::<Vec<_>>(), v);
        }
    }
    out
}

/// Puts `v` at `path` in nested objects.
fn insert(into: &mut BTreeMap<String, OwnedValue>, path: &[&str], v: f64) {
    match path {
        [] => {}
        [leaf] => {
            into.insert((*leaf).to_string(), OwnedValue::F64(v));
        }
        [head, rest @ ..] => {
            let mut inner: BTreeMap<String, OwnedValue> = match into.remove(*head) {
                Some(OwnedValue::Object(entries)) => entries.into_iter().collect(),
                _ => BTreeMap::new(),
            };
            insert(&mut inner, rest, v);
            into.insert((*head).to_string(), OwnedValue::Object(inner.into_iter().collect()));
        }
    }
}

/// Facet paths of a report, for counts.
#[must_use]
pub fn facets(r: &Report) -> Vec<Vec<String>> {
    let year = r.year.map_or_else(|| "unknown".to_string(), |y| y.to_string());
    let province = r.region.as_ref().and_then(|g| g.province.clone()).unwrap_or_else(|| "unknown".into());
    let mut v = vec![
        vec!["year".into(), year],
        vec!["type".into(), r.agency_type.as_str().into()],
        vec!["province".into(), province],
        vec!["failing".into(), u64::from(r.has_failing_check()).to_string()],
    ];
    let region = r.region.clone().unwrap_or_default();
    if let Some(city) = region.city {
        v.push(vec!["city".into(), city]);
    }
    if let Some(county) = region.county {
        v.push(vec!["county".into(), county]);
    }
    v
}

/// A short name of this index schema (fields, types, options): two gongkai builds open each other's
/// indexes exactly when they print the same one (`gongkai --version`).
#[must_use]
pub fn schema_id() -> String {
    let json = serde_json::to_string(&schema()).unwrap_or_default();
    format!("{:08x}", fnv1a(json.as_bytes()) >> 32)
}

/// The term that identifies a source path (for deletes).
#[must_use]
pub fn source_term(source: &str) -> Term {
    Term::from_field_text(Fields::get().source, source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_refused_by_permissions_says_read_only_and_a_busy_one_locked() {
        use tantivy::directory::error::LockError;
        let p = Path::new("/srv/ix");
        let denied = std::sync::Arc::new(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        let e = tantivy_err(p)(tantivy::TantivyError::LockFailure(LockError::IoError(denied), None));
        assert!(matches!(e, IndexError::ReadOnly(_)), "{e}");
        assert!(e.to_string().contains("read-only"));
        let e = tantivy_err(p)(tantivy::TantivyError::LockFailure(LockError::LockBusy, None));
        assert!(matches!(e, IndexError::Locked(_)), "{e}");
    }
}
