//! The `gongkai` binary: parse the command line, run it, print errors as `{err:#}`.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = gongkai::cli::Cli::parse();
    match gongkai::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            if gongkai::cli::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("gongkai: {err:#}");
            ExitCode::from(2)
        }
    }
}
