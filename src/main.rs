//! The `gongkai` binary: parse the command line, run it, print errors as `{err:#}`.
//!
//! The boundary: an error from the index's files names the index and the remedy; a panic inside a
//! library (a damaged index can trip the index library's assertions) becomes the same clear error
//! and exit 2, never a backtrace.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = gongkai::cli::Cli::parse_from(gongkai::cli::args_with_exclusions(std::env::args_os()));
    let flag = cli.index.clone();
    let rebuild = || {
        format!(
            "the index at {} may be damaged: `gongkai index --rebuild DIR` makes it anew from the reports",
            gongkai::cli::index_of(flag.as_deref()).display()
        )
    };
    // Panics are reported once, below, as an error (the TUI restores the terminal first: its hook
    // runs before this one's caller sees the unwind).
    let quiet = std::env::var_os("RUST_BACKTRACE").is_none();
    if quiet {
        std::panic::set_hook(Box::new(|_| {}));
    }
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| gongkai::cli::run(cli)));
    let result = match outcome {
        Ok(r) => r,
        Err(p) => {
            let what = p
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(anyhow::anyhow!("internal error ({what}); if it came from reading the index: {}", rebuild()))
        }
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            if gongkai::cli::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            let err = if gongkai::cli::is_index_damage(&err) { err.context(rebuild()) } else { err };
            // Messages can carry file names and arguments: no escape sequence reaches the terminal.
            eprintln!("gongkai: {}", gongkai::render::sanitize_for_terminal(&gongkai::cli::error_text(&err)));
            ExitCode::from(2)
        }
    }
}
