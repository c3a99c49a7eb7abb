//! The keyboard TUI: terminal set-up and the one event loop.
//!
//! State lives in [`app::App`] (plain data, `update(Action) -> Vec<Effect>`), drawing in [`view`]
//! (`impl Widget for &App`), keys in [`keymap`]. The loop blocks on one channel fed by an input
//! thread, a search worker and a signal thread: no busy tick, redraw only after a message. Searches run
//! on the worker, newest first; stale results are dropped by sequence number. The terminal is restored
//! on quit, on error, on panic (ratatui's hook) and on SIGTERM/SIGHUP/SIGINT.

pub mod action;
pub mod app;
pub mod app_across;
mod app_filters;
mod app_find;
mod app_report;
pub mod doc;
pub mod keymap;
pub mod picker;
pub mod review;
pub mod session;
pub mod strings;
pub mod supervisor;
pub mod view;
mod view_across;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, Sender};

use anyhow::{Context, Result};
use crossterm::event::{self, Event};

use action::{Action, Effect};
use app::{App, Screen};

/// Messages the loop waits for.
enum Msg {
    Key(event::KeyEvent),
    Resize(u16, u16),
    Action(Action),
}

/// Requests to the search worker.
enum Work {
    Search(crate::query::SearchRequest, u64),
    Load(u64),
    Counts(picker::Facet, Vec<crate::query::SearchRequest>),
    Compare(u64),
    Totals(crate::query::SearchRequest, crate::query::GroupBy),
}

/// Whether the locale says UTF-8 (else borders and markers are ASCII).
#[must_use]
pub fn locale_is_utf8() -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"].iter().find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty())).is_some_and(
        |v| {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        },
    )
}

/// Runs the TUI on the index at `index_path`. The default index (`named` false) is filled with the
/// bundled samples when it is empty; an index the user named must exist.
///
/// # Errors
/// When a named index does not exist, or the terminal cannot be set up or drawn.
/// `lang`: the `--lang` flag; else the config's `lang`, else the locale's.
pub fn run(
    index_path: &Path,
    ascii: bool,
    lang: Option<crate::lang::Lang>,
    named: bool,
    config: &crate::config::Config,
) -> Result<ExitCode> {
    // On a terminal the TUI runs in a child process, so that even an abort or `kill -9` of it
    // leaves the terminal restored (see `supervisor`).
    if let Some(code) = supervisor::supervise() {
        return Ok(code);
    }
    let needs_indexing = match crate::index::open_existing(index_path) {
        Ok(Some(_)) if named => false,
        Ok(Some(idx)) => crate::index::reader(&idx, 1).map(|r| r.searcher().num_docs() == 0).unwrap_or(true),
        Ok(None) if named => {
            anyhow::bail!("no index at {}; create one with `gongkai index DIR`", index_path.display())
        }
        Ok(None) => true,
        Err(e) => return Err(e).context("opening the index (`gongkai index --rebuild DIR` makes a new one)"),
    };
    let (bindings, conflicts) =
        keymap::Bindings::new(&config.keys, |action| config.origin(&format!("keys.{action}")).to_string());
    let mut app = App {
        ascii: ascii || config.ascii || !locale_is_utf8(),
        lang: lang.or(config.lang).unwrap_or_else(crate::lang::Lang::from_locale),
        color: crate::render::use_color(true),
        colors: config.colors,
        bindings,
        reviews: review::Store::load_for(index_path),
        ..App::default()
    };
    // Problems with the config or the review file: on the status line (the program runs on).
    let problems: Vec<String> =
        config.warnings.iter().chain(&conflicts).chain(&app.reviews.warnings).cloned().collect();
    if !problems.is_empty() {
        app.status = problems.join("; ");
    }
    let session_path = session::path_in(&crate::paths::data_dir(), index_path);
    match session::Session::load(&session_path) {
        Some(saved) => saved.restore(&mut app),
        None => {
            // A fresh start: the config's default filters as the first query.
            app.query = config.filters.as_query();
            app.cursor = app.query.chars().count();
        }
    }
    let (tx, rx) = mpsc::channel::<Msg>();
    spawn_signals(tx.clone());
    let work = spawn_worker(index_path.to_path_buf(), tx.clone(), app.t());
    let mut terminal = ratatui::try_init().context("setting up the terminal")?;
    spawn_input(tx.clone());
    let result = (|| -> Result<()> {
        let size = terminal.size()?;
        app.update(Action::Resize(size.width, size.height));
        let first = if needs_indexing {
            app.screen = Screen::Indexing;
            spawn_indexing(index_path.to_path_buf(), tx.clone(), app.t());
            Vec::new()
        } else {
            app.search()
        };
        event_loop(&mut terminal, &mut app, &rx, &work, first)
    })();
    ratatui::restore();
    if let Some(msg) = app.fatal.take() {
        return Err(anyhow::anyhow!(msg));
    }
    // Where the user was, for the next start (a failure to save is said, not fatal).
    if let Err(e) = session::Session::of(&app).save(&session_path) {
        eprintln!("gongkai: could not save the session to {}: {e}", session_path.display());
    }
    result.map(|()| ExitCode::SUCCESS)
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    rx: &Receiver<Msg>,
    work: &Sender<Work>,
    first: Vec<Effect>,
) -> Result<()> {
    if run_effects(app, first, work) {
        return Ok(());
    }
    terminal.draw(|f| f.render_widget(&*app, f.area()))?;
    while let Ok(msg) = rx.recv() {
        let mut msgs = vec![msg];
        msgs.extend(rx.try_iter());
        for msg in msgs {
            let action = match msg {
                Msg::Key(k) => keymap::action(app, k),
                Msg::Resize(w, h) => Some(Action::Resize(w, h)),
                Msg::Action(a) => Some(a),
            };
            if let Some(a) = action {
                let effects = app.update(a);
                if run_effects(app, effects, work) {
                    return Ok(());
                }
            }
        }
        terminal.draw(|f| f.render_widget(&*app, f.area()))?;
    }
    Ok(())
}

/// Carries out effects; `true` when the program should end.
fn run_effects(app: &mut App, effects: Vec<Effect>, work: &Sender<Work>) -> bool {
    for e in effects {
        match e {
            Effect::Quit => return true,
            Effect::Search(req, seq) => {
                let _ = work.send(Work::Search(req, seq));
            }
            Effect::Load(id) => {
                let _ = work.send(Work::Load(id));
            }
            Effect::Counts(facet, reqs) => {
                let _ = work.send(Work::Counts(facet, reqs));
            }
            Effect::Compare(id) => {
                let _ = work.send(Work::Compare(id));
            }
            Effect::Totals(req, by) => {
                let _ = work.send(Work::Totals(req, by));
            }
            Effect::SaveReviews => {
                if let Err(err) = app.reviews.save() {
                    app.status = app.t().msg(strings::Msg::SaveFailed(&err.to_string()));
                }
            }
            Effect::Copy(text) => copy_osc52(&text),
        }
    }
    false
}

/// Puts text on the clipboard. Inside tmux: into tmux's paste buffer with `tmux load-buffer -w -`,
/// which also hands it to the outer terminal's clipboard where tmux's `set-clipboard` allows (tmux
/// 3.3 ignores an application's OSC 52 under its default `external`, and drops the passthrough form
/// unless `allow-passthrough` is on); else, or when that fails, a plain OSC 52 sequence, which
/// terminals and SSH carry to the local clipboard.
fn copy_osc52(text: &str) {
    if std::env::var_os("TMUX").is_some() && tmux_load_buffer(text) {
        return;
    }
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let mut out = std::io::stdout();
    let _ = out.write_all(format!("\x1b]52;c;{b64}\x07").as_bytes());
    let _ = out.flush();
}

/// `tmux load-buffer -w -` (or without `-w` on a tmux before 3.2); whether tmux took the text.
fn tmux_load_buffer(text: &str) -> bool {
    use std::process::{Command, Stdio};
    for args in [&["load-buffer", "-w", "-"][..], &["load-buffer", "-"][..]] {
        let child =
            Command::new("tmux").args(args).stdin(Stdio::piped()).stdout(Stdio::null()).stderr(Stdio::null()).spawn();
        let Ok(mut child) = child else { return false };
        if let Some(mut stdin) = child.stdin.take() {
            let _ = stdin.write_all(text.as_bytes());
        }
        if child.wait().is_ok_and(|s| s.success()) {
            return true;
        }
    }
    false
}

fn spawn_input(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(Event::Key(k)) => Msg::Key(k),
                Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                Ok(_) => continue,
                Err(_) => Msg::Action(Action::Quit),
            };
            if tx.send(msg).is_err() {
                break;
            }
        }
    });
}

/// SIGTERM, SIGHUP (a dropped SSH connection), SIGINT and SIGQUIT end the loop, which restores the
/// terminal.
fn spawn_signals(tx: Sender<Msg>) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]) else { return };
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(Msg::Action(Action::Quit));
        }
    });
}

/// The search worker: owns the index, answers the newest search, drops older queued ones.
fn spawn_worker(index_path: PathBuf, tx: Sender<Msg>, t: &'static strings::Strings) -> Sender<Work> {
    let (work_tx, work_rx) = mpsc::channel::<Work>();
    std::thread::spawn(move || {
        let mut opened: Option<tantivy::IndexReader> = None;
        // The index as last loaded: reloading opens every segment anew (and drops the stores'
        // caches), so it is done only when `meta.json` changed (a commit, the first-run indexing).
        let mut loaded: Option<MetaStamp> = None;
        // A search's facet counts (the filter bar's) are counted on a thread of their own after its
        // hits and total have been sent: typing gets its result count first and never waits for the
        // counts of a query it has already replaced.
        let counts = spawn_counter(tx.clone(), t);
        while let Ok(first) = work_rx.recv() {
            let mut jobs = vec![first];
            jobs.extend(work_rx.try_iter());
            let newest_search = jobs.iter().rposition(|j| matches!(j, Work::Search(..)));
            for (i, job) in jobs.into_iter().enumerate() {
                if matches!(job, Work::Search(..)) && Some(i) != newest_search {
                    continue;
                }
                let mut deferred = None;
                let job = match job {
                    Work::Search(mut req, seq) if req.facets => {
                        deferred = Some((req.clone(), seq));
                        req.facets = false;
                        Work::Search(req, seq)
                    }
                    other => other,
                };
                if opened.is_none() {
                    opened = open_reader(&index_path);
                }
                let Some(reader) = &opened else {
                    let _ = tx.send(Msg::Action(Action::Failed(t.msg(strings::Msg::NoIndex))));
                    continue;
                };
                let now = meta_stamp(&index_path);
                if now != loaded {
                    let _ = reader.reload();
                    loaded = now;
                }
                let searcher = reader.searcher();
                // A panic in the index library must not leave the screen stuck at "searching…": the
                // program ends cleanly (the terminal is restored) with the error.
                let run = std::panic::AssertUnwindSafe(|| match job {
                    Work::Search(req, seq) => match crate::query::search(&searcher, &req) {
                        Ok(mut result) => {
                            result.counts_pending = deferred.is_some();
                            Action::SearchDone { seq, result: Box::new(result) }
                        }
                        Err(e) => Action::Failed(e.to_string()),
                    },
                    Work::Counts(facet, reqs) => {
                        let mut out = Vec::new();
                        for r in &reqs {
                            match crate::query::search(&searcher, r) {
                                Ok(res) => out.push((res.total, res.counts)),
                                Err(_) => out.push((0, crate::query::Counts::default())),
                            }
                        }
                        Action::PickerData(facet, out)
                    }
                    Work::Compare(id) => match series_of(&searcher, id, t) {
                        Ok(reports) => Action::Compared(Box::new(reports)),
                        Err(e) => Action::Failed(e),
                    },
                    Work::Totals(req, by) => {
                        // The chart is by year whatever the table groups by.
                        let mut out = Vec::new();
                        for b in if by == crate::query::GroupBy::Year {
                            vec![by]
                        } else {
                            vec![crate::query::GroupBy::Year, by]
                        } {
                            match crate::query::totals(&searcher, &req, b) {
                                Ok(t) => out.push(t),
                                Err(e) => return Action::Failed(e.to_string()),
                            }
                        }
                        // Sent one after the other: the loop applies both before it redraws.
                        let last = out.pop().unwrap_or_default();
                        for t in out {
                            let _ = tx.send(Msg::Action(Action::TotalsDone(Box::new(t))));
                        }
                        Action::TotalsDone(Box::new(last))
                    }
                    Work::Load(id) => match crate::query::record_by_id(&searcher, id) {
                        Ok(Some(r)) => Action::Loaded(Box::new(r)),
                        Ok(None) => Action::Failed(t.msg(strings::Msg::Gone(id))),
                        Err(e) => Action::Failed(e.to_string()),
                    },
                });
                let action = std::panic::catch_unwind(run)
                    .unwrap_or_else(|p| Action::Fatal(t.msg(strings::Msg::WorkerFailed(&panic_text(p.as_ref())))));
                let searched = matches!(action, Action::SearchDone { .. });
                if tx.send(Msg::Action(action)).is_err() {
                    return;
                }
                if let (true, Some((req, seq))) = (searched, deferred) {
                    let _ = counts.send((searcher.clone(), req, seq));
                }
            }
        }
    });
    work_tx
}

/// The filter bar's facet counts, one search at a time, the newest asked for first (older ones are
/// dropped unanswered: the app would ignore them).
fn spawn_counter(
    tx: Sender<Msg>,
    t: &'static strings::Strings,
) -> Sender<(tantivy::Searcher, crate::query::SearchRequest, u64)> {
    let (count_tx, count_rx) = mpsc::channel::<(tantivy::Searcher, crate::query::SearchRequest, u64)>();
    std::thread::spawn(move || {
        while let Ok(first) = count_rx.recv() {
            let (searcher, req, seq) = count_rx.try_iter().last().unwrap_or(first);
            let run = std::panic::AssertUnwindSafe(|| crate::query::facet_counts(&searcher, &req));
            let action = match std::panic::catch_unwind(run) {
                Ok(Ok(counts)) => Action::CountsDone { seq, counts: Box::new(counts) },
                Ok(Err(e)) => Action::Failed(e.to_string()),
                Err(p) => Action::Fatal(t.msg(strings::Msg::WorkerFailed(&panic_text(p.as_ref())))),
            };
            if tx.send(Msg::Action(action)).is_err() {
                return;
            }
        }
    });
    count_tx
}

/// The message a panic carried.
fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// What tells one version of an index's `meta.json` from another: tantivy replaces the file at every
/// commit (a new inode), and its time and size change with it.
type MetaStamp = (u64, std::time::SystemTime, u64);

fn meta_stamp(index_path: &Path) -> Option<MetaStamp> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(index_path.join("meta.json")).ok()?;
    Some((m.ino(), m.modified().ok()?, m.len()))
}

/// The reports of the agency of report `id`, in year order.
fn series_of(searcher: &tantivy::Searcher, id: u64, t: &strings::Strings) -> Result<Vec<crate::model::Report>, String> {
    let r = crate::query::record_by_id(searcher, id)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| t.msg(strings::Msg::Gone(id)))?;
    let Some(group) = crate::series::group_key(&r) else {
        return Err(t.msg(strings::Msg::NoSeries));
    };
    crate::query::series_reports(searcher, &group).map_err(|e| e.to_string())
}

/// The worker's reader: reloaded by the worker when `meta.json` changes (see [`meta_stamp`]).
fn open_reader(path: &Path) -> Option<tantivy::IndexReader> {
    crate::index::reader(&crate::index::open_existing(path).ok()??, 100).ok()
}

/// Progress of the first-run indexing, sent to the loop.
struct Progress {
    tx: Sender<Msg>,
    done: usize,
    total: usize,
    failures: Vec<String>,
}

impl crate::indexer::Observer for Progress {
    fn start(&mut self, total: usize) {
        self.total = total;
        let _ = self.tx.send(Msg::Action(Action::Indexing(0, total)));
    }
    fn step(&mut self, _path: &Path) {
        self.done += 1;
        let _ = self.tx.send(Msg::Action(Action::Indexing(self.done, self.total)));
    }
    fn failed(&mut self, path: &Path, reason: &str) {
        self.failures.push(format!("{}: {reason}", path.display()));
    }
}

fn spawn_indexing(index_path: PathBuf, tx: Sender<Msg>, t: &'static strings::Strings) {
    std::thread::spawn(move || {
        let mut p = Progress { tx: tx.clone(), done: 0, total: 0, failures: Vec::new() };
        let dir = crate::paths::samples_dir();
        let msg = match crate::indexer::run(&[dir], &index_path, false, &mut p) {
            Ok(s) if p.failures.is_empty() => Action::Indexed(t.msg(strings::Msg::IndexedSamples(&s.line()))),
            Ok(s) => Action::Indexed(format!("{} ({} failed: {})", s.line(), p.failures.len(), p.failures.join("; "))),
            Err(e) => Action::Failed(t.msg(strings::Msg::IndexingFailed(&e.to_string()))),
        };
        let _ = tx.send(Msg::Action(msg));
    });
}
