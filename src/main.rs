//! The `gongkai` binary: parse the command line, run it, print errors as `{err:#}`.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = gongkai::cli::Cli::parse_from(gongkai::cli::args_with_exclusions(std::env::args_os()));
    match gongkai::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            if gongkai::cli::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            // Messages can carry file names and arguments: no escape sequence reaches the terminal.
            eprintln!("gongkai: {}", gongkai::render::sanitize_for_terminal(&format!("{err:#}")));
            ExitCode::from(2)
        }
    }
}
