//! The TUI runs in a child process that this one watches. Whatever ends the child — a panic, an
//! abort inside a library (an allocation failure, a double panic), a segmentation fault, `kill -9`
//! — the parent gives the terminal back: the settings it had before the TUI started, the main screen,
//! the cursor. Signals sent to the parent (SIGTERM, SIGHUP, SIGINT, SIGQUIT) are passed on to the
//! child, which quits cleanly as it always does. All of it without unsafe code: `rustix` for the
//! terminal's settings and for sending signals, `signal-hook` for receiving them.
//!
//! Not supervised: when standard input or output is not a terminal (nothing to restore), inside the
//! child itself ([`CHILD_ENV`]), or with `GONGKAI_NO_SUPERVISOR` set (the TUI then runs in this
//! process, restoring the terminal itself on quit, error, panic and signals as before).

use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, ExitCode};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set in the child's environment: it runs the TUI itself.
pub const CHILD_ENV: &str = "GONGKAI_TUI_CHILD";

/// Runs this same command line in a child process and waits for it. `None`: run the TUI in this
/// process (this is the child, there is no terminal, supervision is turned off, or the child could
/// not be started).
#[must_use]
pub fn supervise() -> Option<ExitCode> {
    let set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
    if set(CHILD_ENV) || set("GONGKAI_NO_SUPERVISOR") {
        return None;
    }
    let (stdin, stdout) = (std::io::stdin(), std::io::stdout());
    if !rustix::termios::isatty(&stdin) || !rustix::termios::isatty(&stdout) {
        return None;
    }
    let saved = rustix::termios::tcgetattr(&stdin).ok()?;
    let exe = std::env::current_exe().ok()?;
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    // Registered before the child starts, so that no signal meant for it is lost in between.
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]).ok()?;
    let handle = signals.handle();
    let mut child = match Command::new(exe).args(std::env::args_os().skip(1)).env(CHILD_ENV, "1").spawn() {
        Ok(c) => c,
        Err(_) => {
            handle.close();
            return None;
        }
    };
    let pid = rustix::process::Pid::from_child(&child);
    let done = Arc::new(AtomicBool::new(false));
    let forwarding = {
        let done = Arc::clone(&done);
        std::thread::spawn(move || {
            for raw in signals.forever() {
                if done.load(Ordering::SeqCst) {
                    break;
                }
                if let Some(sig) = rustix::process::Signal::from_named_raw(raw) {
                    let _ = rustix::process::kill_process(pid, sig);
                }
            }
        })
    };
    let status = child.wait();
    done.store(true, Ordering::SeqCst);
    handle.close();
    let _ = forwarding.join();
    let status = match status {
        Ok(s) => s,
        Err(e) => {
            restore(&saved);
            eprintln!("gongkai: lost the TUI process: {e}; the terminal was restored");
            return Some(ExitCode::from(2));
        }
    };
    match (status.code(), status.signal()) {
        (Some(code), _) => Some(ExitCode::from(u8::try_from(code.clamp(0, 255)).unwrap_or(2))),
        (None, Some(sig)) => {
            restore(&saved);
            eprintln!("gongkai: the TUI was ended by signal {} ({sig}); the terminal was restored", signal_name(sig));
            Some(ExitCode::from(u8::try_from((128 + sig).clamp(0, 255)).unwrap_or(2)))
        }
        (None, None) => Some(ExitCode::from(2)),
    }
}

/// The terminal as it was before the TUI: its settings (cooked mode, echo), the main screen, the
/// cursor, default colours, no mouse reporting, no bracketed paste.
fn restore(saved: &rustix::termios::Termios) {
    let stdin = std::io::stdin();
    let _ = rustix::termios::tcsetattr(&stdin, rustix::termios::OptionalActions::Now, saved);
    let mut out = std::io::stdout();
    let _ = crossterm::execute!(
        out,
        crossterm::event::DisableBracketedPaste,
        crossterm::event::DisableMouseCapture,
        crossterm::style::ResetColor,
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show,
    );
    let _ = out.flush();
}

/// `SIGKILL` for 9, and so on.
#[must_use]
pub fn signal_name(sig: i32) -> String {
    use signal_hook::consts::signal as s;
    let name = match sig {
        s::SIGABRT => "SIGABRT",
        s::SIGBUS => "SIGBUS",
        s::SIGFPE => "SIGFPE",
        s::SIGILL => "SIGILL",
        s::SIGKILL => "SIGKILL",
        s::SIGSEGV => "SIGSEGV",
        s::SIGTERM => "SIGTERM",
        s::SIGHUP => "SIGHUP",
        s::SIGINT => "SIGINT",
        s::SIGQUIT => "SIGQUIT",
        s::SIGPIPE => "SIGPIPE",
        _ => return format!("#{sig}"),
    };
    name.to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn signals_have_names() {
        assert_eq!(super::signal_name(9), "SIGKILL");
        assert_eq!(super::signal_name(6), "SIGABRT");
        assert_eq!(super::signal_name(77), "#77");
    }
}
