//! `block storage log level list/set` (block_storage_log_level.py; microversion 3.32+).

use crate::commands::volume::{call, cell, require_command};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::volume as cinder;
use serde_json::Value;

/// `--service` choices (argparse lists its `None` choice too).
const SERVICES: [&str; 5] = [
    "*",
    "cinder-api",
    "cinder-volume",
    "cinder-scheduler",
    "cinder-backup",
];

/// `<log-level>`: `type=str.upper` then one of the choices.
const LEVELS: [&str; 4] = ["INFO", "WARNING", "ERROR", "DEBUG"];

fn quoted(choices: &[&str]) -> String {
    choices
        .iter()
        .map(|c| format!("'{c}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn service(s: &str) -> Result<String, String> {
    if SERVICES.contains(&s) {
        return Ok(s.to_string());
    }
    Err(format!(
        "invalid choice: '{s}' (choose from None, {})",
        quoted(&SERVICES)
    ))
}

fn level(s: &str) -> Result<String, String> {
    let up = s.to_uppercase();
    if LEVELS.contains(&up.as_str()) {
        return Ok(up);
    }
    Err(format!(
        "invalid choice: '{up}' (choose from {})",
        quoted(&LEVELS)
    ))
}

/// List log levels of block storage service.
///
/// Supported by --os-volume-api-version 3.32 or greater.
#[derive(clap::Args, Debug)]
pub struct BlockStorageLogLevelList {
    /// List block storage service log level of specified host (name only)
    #[arg(long, value_name = "<host>")]
    host: Option<String>,
    /// List block storage service log level of the specified service (name only)
    #[arg(long, value_name = "<service>", value_parser = service)]
    service: Option<String>,
    /// Prefix for the log, e.g. 'sqlalchemy'
    #[arg(long, value_name = "<log-prefix>")]
    log_prefix: Option<String>,
}

impl Command for BlockStorageLogLevelList {
    const WORDS: &'static str = "block storage log level list";
    const ABOUT: &'static str = "List log levels of block storage service.\n\nSupported by --os-volume-api-version 3.32 or greater.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        require_command(ctx, &s, "3.32", Self::WORDS)?;
        let f = cinder::admin::log_levels(
            &s,
            self.service.as_deref(),
            self.host.as_deref(),
            self.log_prefix.as_deref(),
        );
        let entries = call(ctx, f)?;
        Ok(Output::List(level_rows(&entries)))
    }
}

/// One row per (service, logger prefix), the prefixes of each service sorted.
fn level_rows(entries: &[Value]) -> Listing {
    let mut rows = Vec::new();
    for e in entries {
        let mut levels: Vec<(&String, &Value)> = e
            .get("levels")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .collect();
        levels.sort_by(|a, b| a.0.cmp(b.0));
        for (prefix, level) in levels {
            rows.push(vec![
                cell(e.get("binary")),
                cell(e.get("host")),
                Cell::Str(prefix.clone()),
                cell(Some(level)),
            ]);
        }
    }
    Listing {
        columns: ["Binary", "Host", "Prefix", "Level"]
            .map(String::from)
            .to_vec(),
        rows,
    }
}

/// Set log level of block storage service
///
/// Supported by --os-volume-api-version 3.32 or greater.
#[derive(clap::Args, Debug)]
pub struct BlockStorageLogLevelSet {
    /// Desired log level
    #[arg(value_name = "<log-level>", value_parser = level)]
    level: String,
    /// Set block storage service log level of specified host (name only)
    #[arg(long, value_name = "<host>")]
    host: Option<String>,
    /// Set block storage service log level of specified service (name only)
    #[arg(long, value_name = "<service>", value_parser = service)]
    service: Option<String>,
    /// Prefix for the log, e.g. 'sqlalchemy'
    #[arg(long, value_name = "<log-prefix>")]
    log_prefix: Option<String>,
}

impl Command for BlockStorageLogLevelSet {
    const WORDS: &'static str = "block storage log level set";
    const ABOUT: &'static str = "Set log level of block storage service\n\nSupported by --os-volume-api-version 3.32 or greater.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        require_command(ctx, &s, "3.32", Self::WORDS)?;
        let f = cinder::admin::set_log_levels(
            &s,
            &self.level,
            self.service.as_deref(),
            self.host.as_deref(),
            self.log_prefix.as_deref(),
        );
        call(ctx, f)?;
        Ok(Output::None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn choices_are_worded_as_argparse() {
        assert_eq!(level("debug"), Ok("DEBUG".into()));
        assert_eq!(
            level("foo"),
            Err("invalid choice: 'FOO' (choose from 'INFO', 'WARNING', 'ERROR', 'DEBUG')".into())
        );
        assert_eq!(service("cinder-api"), Ok("cinder-api".into()));
        assert_eq!(
            service("x"),
            Err(
                "invalid choice: 'x' (choose from None, '*', 'cinder-api', 'cinder-volume', \
                 'cinder-scheduler', 'cinder-backup')"
                    .into()
            )
        );
    }

    #[test]
    fn prefixes_are_sorted_per_service() {
        let e = vec![
            json!({"binary": "b1", "host": "h", "levels": {"z": "INFO", "a": "DEBUG"}}),
            json!({"binary": "b0", "host": "h", "levels": {"m": "ERROR"}}),
        ];
        let l = level_rows(&e);
        let prefixes: Vec<String> = l.rows.iter().map(|r| r[2].table_text()).collect();
        assert_eq!(prefixes, ["a", "z", "m"]);
    }
}
