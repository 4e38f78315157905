//! Console and file logging set from `-v`/`-q`/`--debug`/`--log-file`, with osc-lib's levels:
//! verbose level 0 (`-q`) errors only, 1 (default) warnings, 2 (`-v`) info, 3+ (`-vv`, `--debug`) debug.

use crate::globals::Split;
use tracing::level_filters::LevelFilter;
use tracing_subscriber::{fmt, prelude::*};

/// osc-lib's verbose level for these global options.
pub fn verbose_level(g: &Split) -> u32 {
    if g.flag("debug") {
        return 3;
    }
    if g.flag("quiet") {
        return 0;
    }
    1 + g.count("verbose")
}

/// Installs the subscriber; a log file that cannot be opened is reported, not fatal.
pub fn init(g: &Split) -> Result<(), String> {
    let console = match verbose_level(g) {
        0 => LevelFilter::ERROR,
        1 => LevelFilter::WARN,
        2 => LevelFilter::INFO,
        _ => LevelFilter::DEBUG,
    };
    let console_layer = fmt::layer()
        .with_writer(std::io::stderr)
        .without_time()
        .with_target(false)
        .with_level(false)
        .with_filter(console);
    let mut file_err = None;
    let file_layer = g.value("log-file").and_then(|path| {
        match std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        {
            Ok(f) => Some(
                fmt::layer()
                    .with_writer(std::sync::Mutex::new(f))
                    .with_ansi(false)
                    .with_filter(LevelFilter::DEBUG),
            ),
            Err(e) => {
                file_err = Some(format!("cannot open log file {path}: {e}"));
                None
            }
        }
    });
    let _ = tracing_subscriber::registry()
        .with(console_layer)
        .with(file_layer)
        .try_init();
    match file_err {
        Some(e) => Err(e),
        None => Ok(()),
    }
}
