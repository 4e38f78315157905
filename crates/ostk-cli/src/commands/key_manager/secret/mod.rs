//! `secret *` (barbicanclient/barbican_cli/v1/secrets.py).

pub mod delete;
pub mod get;
pub mod list;
pub mod store;
pub mod update;

use super::{cell, time_cell};
use ostk_output::{Cell, Record};
use serde_json::Value;

/// `SecretFormatter.columns`.
pub const COLUMNS: [&str; 10] = [
    "Secret href",
    "Name",
    "Created",
    "Status",
    "Content types",
    "Algorithm",
    "Bit length",
    "Secret type",
    "Mode",
    "Expiration",
];

/// `SecretFormatter._get_formatted_data` of a secret as barbican describes it.
pub fn cells(s: &Value) -> Vec<Cell> {
    vec![
        cell(s, "secret_ref"),
        cell(s, "name"),
        time_cell(&s["created"]),
        cell(s, "status"),
        cell(s, "content_types"),
        cell(s, "algorithm"),
        cell(s, "bit_length"),
        // the client's default for a secret without one
        match s["secret_type"].as_str() {
            Some(t) if !t.is_empty() => Cell::Str(t.into()),
            _ => Cell::Str("opaque".into()),
        },
        cell(s, "mode"),
        time_cell(&s["expiration"]),
    ]
}

/// The Field/Value view of [`cells`].
pub fn record(s: &Value) -> Record {
    Record {
        fields: COLUMNS
            .iter()
            .map(|c| c.to_string())
            .zip(cells(s))
            .collect(),
    }
}
