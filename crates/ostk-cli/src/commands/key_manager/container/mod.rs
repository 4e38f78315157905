//! `secret container *` (barbicanclient/barbican_cli/v1/containers.py), generic containers.

pub mod create;
pub mod delete;
pub mod get;
pub mod list;

use super::{cell, time_cell};
use ostk_output::{Cell, Record};
use serde_json::Value;

/// `ContainerFormatter.columns`.
pub const COLUMNS: [&str; 7] = [
    "Container href",
    "Name",
    "Created",
    "Status",
    "Type",
    "Secrets",
    "Consumers",
];

/// The `Secrets` cell: `name=ref` per secret (names lower-cased, as the client keys them),
/// one a line; `None` for none.
pub fn secrets_cell<'a>(refs: impl Iterator<Item = (Option<&'a str>, &'a str)>) -> Cell {
    let lines: Vec<String> = refs
        .map(|(name, r)| match name.filter(|n| !n.is_empty()) {
            Some(n) => format!("{}={r}", n.to_lowercase()),
            None => r.to_string(),
        })
        .collect();
    if lines.is_empty() {
        Cell::None
    } else {
        Cell::Str(lines.join("\n"))
    }
}

/// The `Consumers` cell: Python's `str()` of each consumer, one a line; `None` for none.
pub fn consumers_cell(v: &Value) -> Cell {
    match v.as_array().filter(|a| !a.is_empty()) {
        Some(a) => Cell::Str(
            a.iter()
                .map(ostk_output::py_str_of_json)
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        None => Cell::None,
    }
}

/// `ContainerFormatter._get_formatted_data` of a container as barbican describes it.
pub fn cells(c: &Value) -> Vec<Cell> {
    let refs = c["secret_refs"].as_array().cloned().unwrap_or_default();
    vec![
        cell(c, "container_ref"),
        cell(c, "name"),
        time_cell(&c["created"]),
        cell(c, "status"),
        cell(c, "type"),
        secrets_cell(
            refs.iter()
                .map(|s| (s["name"].as_str(), s["secret_ref"].as_str().unwrap_or(""))),
        ),
        consumers_cell(&c["consumers"]),
    ]
}

/// The Field/Value view of a container's cells.
pub fn record(cells: Vec<Cell>) -> Record {
    Record {
        fields: COLUMNS.iter().map(|c| c.to_string()).zip(cells).collect(),
    }
}
