//! Command line: clap definitions and one function per subcommand.

mod compare;
mod coverage;
mod report_cmds;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::{AgencyType, Level};
use crate::query::{SearchRequest, Sort};
use crate::render::sanitize_for_terminal;

/// gongkai — search and read China's government information-disclosure annual reports
/// (政府信息公开工作年度报告) in the terminal.
#[derive(Debug, Parser)]
#[command(name = "gongkai", version, long_version = LONG_VERSION.as_str(), about)]
pub struct Cli {
    /// Index folder (default: $GONGKAI_INDEX, else $XDG_DATA_HOME/gongkai/index, else
    /// ~/.local/share/gongkai/index).
    #[arg(long, global = true, value_name = "PATH")]
    pub index: Option<PathBuf>,
    /// Colours: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorArg::Auto, value_name = "WHEN")]
    pub color: ColorArg,
    /// What to do; the TUI when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--color`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum ColorArg {
    /// On a terminal, unless NO_COLOR is set.
    #[default]
    Auto,
    /// Always (even into a pipe, and over NO_COLOR).
    Always,
    /// Never.
    Never,
}

/// `tui --lang`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq, Default)]
pub enum LangArg {
    /// The config's `lang`, else the locale's language.
    #[default]
    Auto,
    /// English.
    En,
    /// Chinese (中文).
    Zh,
}

impl LangArg {
    /// The language asked for, `None` for auto.
    #[must_use]
    pub fn lang(self) -> Option<crate::lang::Lang> {
        match self {
            LangArg::Auto => None,
            LangArg::En => Some(crate::lang::Lang::En),
            LangArg::Zh => Some(crate::lang::Lang::Zh),
        }
    }
}

/// `--version`: the version, the record and index schemas, and the readers built in.
pub static LONG_VERSION: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let pdf = if cfg!(feature = "pdf") { "PDF (text layer)" } else { "no PDF (built without the pdf feature)" };
    format!(
        "{}\nrecord schema {} (SCHEMA.md)\nindex schema {}\nreaders: text (UTF-8, GB18030/GBK, UTF-16, Big5 …), HTML, DOCX, Markdown, {pdf}",
        env!("CARGO_PKG_VERSION"),
        crate::model::SCHEMA_VERSION,
        crate::index::schema_id(),
    )
});

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse report files (PDF, text, HTML, DOCX) and print their records.
    Parse {
        /// Report files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// One JSON record per file (NDJSON) instead of a readable summary.
        #[arg(long, conflicts_with = "layout")]
        json: bool,
        /// Print the text the parser reads (a PDF's rebuilt lines and table cells, one cell per
        /// TAB-led line) instead of the record.
        #[arg(long)]
        layout: bool,
    },
    /// Index folders or files (incremental: only new or changed files are parsed).
    Index {
        /// Folders or files to index (the current folder when none is given).
        paths: Vec<PathBuf>,
        /// Drop everything indexed and start again.
        #[arg(long)]
        rebuild: bool,
        /// No progress bar, and documents that are not read (.doc, .xls …) are not named one by one.
        #[arg(long, short, conflicts_with = "verbose")]
        quiet: bool,
        /// Name every file as it is handled (instead of a progress bar).
        #[arg(long, short)]
        verbose: bool,
    },
    /// Search the index.
    Search {
        /// Query: words, "phrases", AND/OR, -exclusion, field:value.
        #[arg(required = true)]
        query: Vec<String>,
        #[command(flatten)]
        filters: Filters,
        /// Order of hits.
        /// score, year, applications, or any figure (a SCHEMA key such as applications.granted.total, an
        /// alias such as apps or 申请, or rate.granted / rate.review_corrected): largest first.
        #[arg(long, default_value = "score", value_parser = sort_by, value_name = "ORDER")]
        sort: Sort,
        /// At most this many hits (1 or more).
        #[arg(long, default_value_t = 20, value_parser = at_least_one)]
        limit: usize,
        /// One JSON object per hit.
        #[arg(long)]
        json: bool,
    },
    /// Show one report: by path, index id or agency name.
    Show {
        /// A file path, an id from `search`, or an agency name.
        target: String,
        /// With an agency name: the report on this year.
        #[arg(long)]
        year: Option<i32>,
        /// Print only this table.
        #[arg(long, value_enum)]
        table: Option<TableArg>,
        /// Print the record as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Export matching reports as CSV (a row per report) or NDJSON (the records).
    Export {
        /// Query (all reports when omitted).
        query: Vec<String>,
        #[command(flatten)]
        filters: Filters,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Csv)]
        format: FormatArg,
        /// Write here instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Start the CSV with a UTF-8 byte-order mark (for Excel).
        #[arg(long)]
        bom: bool,
        /// Add the TUI's review state (reviewed, flagged, note) to each report.
        #[arg(long)]
        reviews: bool,
    },
    /// The keyboard TUI (the default when no subcommand is given).
    Tui {
        /// ASCII borders and markers (automatic when the locale is not UTF-8).
        #[arg(long)]
        ascii: bool,
        /// The language of labels, help and messages: en, zh (中文), or auto (the config's `lang`,
        /// else the locale: zh_* is Chinese). Report text is shown as published either way.
        #[arg(long, value_enum, default_value_t = LangArg::Auto, value_name = "LANG")]
        lang: LangArg,
    },
    /// Sums of the main figures over matching reports, grouped.
    Stats {
        /// Query (all reports when omitted).
        query: Vec<String>,
        #[command(flatten)]
        filters: Filters,
        /// Group by.
        #[arg(long, value_enum, default_value_t = ByArg::Year)]
        by: ByArg,
        /// JSON output.
        #[arg(long)]
        json: bool,
    },
    /// One agency's reports over the years: key figures side by side, changes, cross-year checks.
    Compare {
        /// An agency name, an id from `search`, or an indexed file.
        target: String,
        /// Only agencies in this province (a prefix of its name: 安徽).
        #[arg(long)]
        province: Option<String>,
        /// Only agencies in this county (a prefix of its name: 固镇).
        #[arg(long)]
        county: Option<String>,
        /// JSON: agency, region, years, reports, rows (values by year), checks.
        #[arg(long)]
        json: bool,
    },
    /// Which units of a region have a report of a year in the index, and which have none.
    Coverage {
        /// The year.
        #[arg(long)]
        year: i32,
        /// Within this province (a prefix of its name: 安徽).
        #[arg(long)]
        province: Option<String>,
        /// Within this prefecture (a prefix of its name: 蚌埠).
        #[arg(long)]
        city: Option<String>,
        /// Within this county (a prefix of its name: 固镇).
        #[arg(long)]
        county: Option<String>,
        /// The units counted: township (乡镇街道), county or prefecture.
        #[arg(long, default_value = "township", value_parser = ["township", "county", "prefecture"])]
        level: String,
        /// JSON: year, level, region, with (code, name, reports), without (code, name), by_parent.
        #[arg(long)]
        json: bool,
    },
    /// The settings in effect (config file, environment, defaults), with where each came from.
    Config {
        /// Print the merged settings (the only thing this command does).
        #[arg(long)]
        print: bool,
    },
    /// Shell completions for bash, zsh, fish, elvish or powershell, on standard output.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// The manual page (roff), on standard output: `gongkai man > gongkai.1`.
    Man,
    /// The three tables' rows and columns: keys, labels, headers, units, per template.
    Schema {
        /// The whole definition as JSON (what the sample generator under tools/ reads).
        #[arg(long)]
        json: bool,
    },
}

/// Filters shared by search, export and stats.
#[derive(Debug, Args, Clone, Default)]
pub struct Filters {
    /// Year or range: 2020, 2019..2021.
    #[arg(long)]
    pub year: Option<String>,
    /// Agency type (township town subdistrict county prefecture province department other, or 乡 镇 街道 县 市
    /// 省 部门); repeat for several.
    #[arg(long = "type", value_name = "TYPE")]
    pub types: Vec<String>,
    /// Province (or the start of its name: 安徽).
    #[arg(long)]
    pub province: Option<String>,
    /// Level: province prefecture county township.
    #[arg(long)]
    pub level: Option<String>,
    /// Only reports with a failing check.
    #[arg(long)]
    pub failing_checks: bool,
}

impl Filters {
    /// These filters, each one left unset filled from the config's `[filters]`.
    #[must_use]
    pub fn with_defaults(mut self, d: &crate::config::FilterDefaults) -> Filters {
        if self.year.is_none() {
            self.year.clone_from(&d.year);
        }
        if self.types.is_empty() {
            self.types.clone_from(&d.types);
        }
        if self.province.is_none() {
            self.province.clone_from(&d.province);
        }
        if self.level.is_none() {
            self.level.clone_from(&d.level);
        }
        self
    }
}

/// The index: `--index`, else `$GONGKAI_INDEX`, else the config's `index`, else the default one; and
/// whether it was named (a named index must exist: only the default one is filled with the samples).
#[must_use]
pub fn resolve_index(flag: Option<&Path>, config: &crate::config::Config) -> (PathBuf, bool) {
    let env = std::env::var_os("GONGKAI_INDEX").is_some_and(|v| !v.is_empty());
    match (flag, env, &config.index) {
        (None, false, Some(p)) => (p.clone(), true),
        _ => (crate::paths::index_location(flag), flag.is_some() || env),
    }
}

/// `gongkai config --print`: every setting, its value and where it came from.
fn config_cmd(c: &crate::config::Config, index: &Path) -> Result<ExitCode> {
    use crate::config::{Origin, color_settings};
    use crate::keys::key_name;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let file_state = if c.path.is_file() { "read" } else { "not found: defaults" };
    writeln!(out, "# config file: {} ({file_state})", c.path.display())?;
    let index_origin = if std::env::var_os("GONGKAI_INDEX").is_some_and(|v| !v.is_empty()) {
        Origin::Env("GONGKAI_INDEX")
    } else {
        c.origin("index")
    };
    let mut line = |name: &str, value: String, origin: Origin| writeln!(out, "{name:<22} = {value:<28} # {origin}");
    line("index", format!("{:?}", index.display().to_string()), index_origin)?;
    line("ascii", c.ascii.to_string(), c.origin("ascii"))?;
    let lang = match c.lang {
        Some(l) => (l.as_str().to_string(), c.origin("lang")),
        None => {
            let (lang, from) = crate::lang::Lang::from_locale_with_source();
            (format!("auto ({})", lang.as_str()), Origin::Env(from))
        }
    };
    line("lang", format!("{:?}", lang.0), lang.1)?;
    let f = &c.filters;
    let opt = |v: &Option<String>| v.as_ref().map_or_else(|| "(none)".to_string(), |s| format!("{s:?}"));
    line("filters.year", opt(&f.year), c.origin("filters.year"))?;
    line("filters.type", format!("{:?}", f.types), c.origin("filters.type"))?;
    line("filters.province", opt(&f.province), c.origin("filters.province"))?;
    line("filters.level", opt(&f.level), c.origin("filters.level"))?;
    for (name, defaults, _) in crate::keys::BINDABLE {
        let name = name.to_string();
        let keys: Vec<String> = match c.keys.iter().find(|(a, _)| *a == name) {
            Some((_, keys)) => keys.iter().map(key_name).collect(),
            None => defaults.iter().map(|k| (*k).to_string()).collect(),
        };
        line(&format!("keys.{name}"), format!("{keys:?}"), c.origin(&format!("keys.{name}")))?;
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    for (name, color) in color_settings(&c.colors) {
        let origin = if no_color { Origin::Env("NO_COLOR") } else { c.origin(&format!("colors.{name}")) };
        line(&format!("colors.{name}"), format!("{:?}", color.to_string()), origin)?;
    }
    let (_, conflicts) =
        crate::ui::keymap::Bindings::new(&c.keys, |action| c.origin(&format!("keys.{action}")).to_string());
    for w in c.warnings.iter().chain(&conflicts) {
        writeln!(out, "# warning: {}", sanitize_for_terminal(w))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `--sort`: an order's name.
fn sort_by(v: &str) -> std::result::Result<Sort, String> {
    Sort::from_name(v).ok_or_else(|| {
        format!(
            "'{v}' is not an order: use score, year, applications, a figure (applications.granted.total, apps …) \
             or rate.granted"
        )
    })
}

/// `--table`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TableArg {
    /// 主动公开.
    Active,
    /// 申请.
    Applications,
    /// 复议诉讼.
    Reviews,
}

/// `--format`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FormatArg {
    /// A row per report, figures flattened.
    Csv,
    /// One record per line.
    Ndjson,
}

/// `--by`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ByArg {
    /// Year reported on.
    Year,
    /// Agency type.
    Type,
    /// Province.
    Province,
}

fn at_least_one(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

/// Stands in for the `-` of a Chinese exclusion (`-复议`) while clap parses the line, which would take it
/// for an unknown short flag; [`query_text`] puts the `-` back.
const EXCLUDE_MARK: char = '\u{E000}';

/// The command line with each `-` that starts an exclusion of non-ASCII text (`-复议`) hidden from
/// clap, so `gongkai search 公开 -复议` needs no `--`. Flags are ASCII, so none is touched.
#[must_use]
pub fn args_with_exclusions(args: impl IntoIterator<Item = std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    args.into_iter()
        .map(|a| match a.to_str() {
            Some(s) if s.starts_with('-') && s[1..].chars().next().is_some_and(|c| !c.is_ascii()) => {
                format!("{EXCLUDE_MARK}{}", &s[1..]).into()
            }
            _ => a,
        })
        .collect()
}

/// The query words joined, with hidden exclusion marks back to `-`.
fn query_text(words: &[String]) -> String {
    words.iter().map(|w| w.replace(EXCLUDE_MARK, "-")).collect::<Vec<_>>().join(" ")
}

/// Runs the command line.
///
/// # Errors
/// Any error that stops the whole command (not per-file errors, which are reported and counted).
pub fn run(cli: Cli) -> Result<ExitCode> {
    crate::render::set_color(match cli.color {
        ColorArg::Auto => None,
        ColorArg::Always => Some(true),
        ColorArg::Never => Some(false),
    });
    let config = crate::config::load(&crate::config::path());
    let tui = matches!(cli.command, None | Some(Command::Tui { .. }));
    if !tui && !matches!(cli.command, Some(Command::Config { .. })) {
        for w in &config.warnings {
            eprintln!("gongkai: {}", sanitize_for_terminal(w));
        }
    }
    let (index, index_named) = resolve_index(cli.index.as_deref(), &config);
    let with_defaults = |f: Filters| f.with_defaults(&config.filters);
    match cli.command {
        Some(Command::Config { print: _ }) => config_cmd(&config, &index),
        Some(Command::Parse { files, json, layout }) => parse_cmd(&files, json, layout),
        Some(Command::Index { paths, rebuild, quiet, verbose }) => {
            let paths = if paths.is_empty() { vec![PathBuf::from(".")] } else { paths };
            index_cmd(&paths, &index, rebuild, quiet, verbose)
        }
        Some(Command::Search { query, filters, sort, limit, json }) => {
            let req = request(&query_text(&query), &with_defaults(filters), sort, limit)?;
            report_cmds::search(&index, &req, json)
        }
        Some(Command::Show { target, year, table, json }) => report_cmds::show(&index, &target, year, table, json),
        Some(Command::Export { query, filters, format, out, bom, reviews }) => {
            let req = request(&query_text(&query), &with_defaults(filters), Sort::Year, usize::MAX / 2)?;
            report_cmds::export(&index, &req, format, out.as_deref(), bom, reviews)
        }
        Some(Command::Stats { query, filters, by, json }) => {
            let req = request(&query_text(&query), &with_defaults(filters), Sort::Year, usize::MAX / 2)?;
            report_cmds::stats(&index, &req, by, json)
        }
        Some(Command::Schema { json }) => schema_cmd(json),
        Some(Command::Completions { shell }) => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "gongkai", &mut io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            use clap::CommandFactory;
            clap_mangen::Man::new(Cli::command()).render(&mut io::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Compare { target, province, county, json }) => {
            compare::compare(&index, &target, &compare::Place { province, county }, json)
        }
        Some(Command::Coverage { year, province, city, county, level, json }) => {
            let level = Level::from_name(&level).unwrap_or(Level::Township);
            coverage::coverage(&index, &coverage::Ask { year, province, city, county, level }, json)
        }
        Some(Command::Tui { ascii, lang }) => crate::ui::run(&index, ascii, lang.lang(), index_named, &config),
        None => crate::ui::run(&index, false, None, index_named, &config),
    }
}

/// Prints the table schema: JSON, or one line per row and column.
fn schema_cmd(json: bool) -> Result<ExitCode> {
    use crate::schema::{Table, to_json};
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&to_json())?)?;
        return Ok(ExitCode::SUCCESS);
    }
    for t in Table::ALL {
        writeln!(out, "{}  {}", t.key(), t.title())?;
        for c in t.columns() {
            writeln!(out, "  column {:<16} {}", c.key, c.header)?;
        }
        for r in t.rows() {
            let templates: Vec<&str> = [(r.t2019.is_some(), "2019"), (r.t2021.is_some(), "2021")]
                .into_iter()
                .filter_map(|(has, name)| has.then_some(name))
                .collect();
            writeln!(out, "  row    {:<28} {}  [{}]", r.key, r.label, templates.join(" "))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Builds a search request from the query words and filter flags.
///
/// # Errors
/// Bad years, types or levels.
pub fn request(text: &str, f: &Filters, sort: Sort, limit: usize) -> Result<SearchRequest> {
    let years = match &f.year {
        Some(y) => Some(crate::query::syntax_year(y).with_context(|| format!("--year '{y}': use 2020 or 2019..2021"))?),
        None => None,
    };
    let types = f
        .types
        .iter()
        .map(|t| AgencyType::from_name(t).with_context(|| format!("--type '{t}' is not a known agency type")))
        .collect::<Result<Vec<_>>>()?;
    let level = match &f.level {
        Some(l) => Some(
            level_from(l).with_context(|| format!("--level '{l}': use province, prefecture, county or township"))?,
        ),
        None => None,
    };
    Ok(SearchRequest {
        text: text.to_string(),
        years,
        types,
        province: f.province.clone(),
        level,
        failing_only: f.failing_checks,
        only_ids: None,
        exclude_ids: Vec::new(),
        sort,
        limit,
        count_ids: Vec::new(),
        facets: false,
    })
}

fn level_from(s: &str) -> Option<Level> {
    match crate::query::level_name(s)?.as_str() {
        "province" => Some(Level::Province),
        "prefecture" => Some(Level::Prefecture),
        "county" => Some(Level::County),
        _ => Some(Level::Township),
    }
}

/// Whether an error is a closed pipe (`gongkai parse … | head`), which is not a failure.
#[must_use]
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe))
}

/// Whether an error comes from reading the index's files (a damaged segment, a file cut short), as
/// opposed to a lock, another version's index, or a bad argument.
#[must_use]
pub fn is_index_damage(err: &anyhow::Error) -> bool {
    use crate::index::IndexError;
    err.chain().any(|e| {
        matches!(e.downcast_ref::<crate::query::QueryError>(), Some(crate::query::QueryError::Index(_)))
            || matches!(e.downcast_ref::<IndexError>(), Some(IndexError::Tantivy { .. } | IndexError::Damaged { .. }))
            || e.downcast_ref::<tantivy::TantivyError>().is_some_and(|t| {
                !matches!(t, tantivy::TantivyError::LockFailure(..) | tantivy::TantivyError::SchemaError(_))
            })
    })
}

/// An error and its causes joined with `: `, each said once (an error whose text already ends with
/// its cause's, as `index X: <cause>`, does not repeat it).
#[must_use]
pub fn error_text(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if parts.last().is_some_and(|p| p.ends_with(&text)) {
            continue;
        }
        parts.push(text);
    }
    parts.join(": ")
}

/// The index `--index` names (or the one the environment, the config or the default gives), for an
/// error message: it reads the config file, so only when there is an error to say.
#[must_use]
pub fn index_of(flag: Option<&Path>) -> PathBuf {
    resolve_index(flag, &crate::config::load(&crate::config::path())).0
}

/// Prints an error about one file on standard error, sanitized.
pub fn file_error(path: &Path, reason: &str) {
    eprintln!("gongkai: {}: {}", sanitize_for_terminal(&path.display().to_string()), sanitize_for_terminal(reason));
}

fn parse_cmd(files: &[PathBuf], json: bool, layout: bool) -> Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = 0;
    for path in files {
        let shown = path.display().to_string();
        if layout {
            match crate::load::load_path(path) {
                Ok(src) => write!(out, "{}", sanitize_for_terminal(&src.text))?,
                Err(e) => {
                    failed += 1;
                    out.flush()?;
                    file_error(path, &format!("{e:#}"));
                }
            }
            continue;
        }
        let report = crate::load::load_path(path)
            .map_err(anyhow::Error::from)
            .and_then(|src| crate::parse::parse_source(&src, &shown).map_err(anyhow::Error::from));
        match report {
            Ok(r) if json => writeln!(out, "{}", serde_json::to_string(&r)?)?,
            Ok(r) => write!(out, "{}", crate::render::summary(&r))?,
            Err(e) => {
                failed += 1;
                out.flush()?;
                file_error(path, &format!("{e:#}"));
            }
        }
    }
    out.flush()?;
    Ok(if failed > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// Progress on a terminal, failures on standard error.
struct CliObserver {
    bar: Option<indicatif::ProgressBar>,
    quiet: bool,
    verbose: bool,
}

impl crate::indexer::Observer for CliObserver {
    fn start(&mut self, total: usize) {
        if let Some(b) = &self.bar {
            b.set_length(total as u64);
        }
    }
    fn step(&mut self, path: &Path) {
        if let Some(b) = &self.bar {
            b.inc(1);
        }
        if self.verbose {
            eprintln!("{}", sanitize_for_terminal(&path.display().to_string()));
        }
    }
    fn failed(&mut self, path: &Path, reason: &str) {
        match &self.bar {
            Some(b) => b.suspend(|| file_error(path, reason)),
            None => file_error(path, reason),
        }
    }
    fn skipped(&mut self, path: &Path, reason: &str) {
        if self.quiet {
            return;
        }
        let reason = format!("skipped: {reason}");
        match &self.bar {
            Some(b) => b.suspend(|| file_error(path, &reason)),
            None => file_error(path, &reason),
        }
    }
}

fn index_cmd(paths: &[PathBuf], index: &Path, rebuild: bool, quiet: bool, verbose: bool) -> Result<ExitCode> {
    let bar = (!quiet && !verbose && io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new(0);
        if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} files  {elapsed} eta {eta}") {
            b.set_style(style);
        }
        b
    });
    let mut obs = CliObserver { bar, quiet, verbose };
    let summary = crate::indexer::run(paths, index, rebuild, &mut obs)?;
    if let Some(b) = &obs.bar {
        b.finish_and_clear();
    }
    eprintln!("{} → {}", summary.line(), index.display());
    Ok(if summary.failed > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}
