//! Object store v1 (swift): `container …`, `object …` and `object store account …`
//! (openstackclient/object/v1). Transfers stream through `ostk_sdk::object_store`, verified,
//! in parallel where there are several.

pub mod account;
pub mod container;
pub mod object;

use crate::error::CliError;
use ostk_output::{Cell, Record};
use ostk_sdk::client::{ClientError, HttpResponse};
use serde_json::{Map, Value};

/// A response header as a cell (`None` when absent, as `headers.get()` gives).
pub fn header(resp: &HttpResponse, name: &str) -> Cell {
    match resp.header(name) {
        Some(v) => Cell::Str(v.to_string()),
        None => Cell::None,
    }
}

/// A ShowOne record from python-openstackclient's `zip(*sorted(data.items()))`.
pub fn sorted_record(mut fields: Vec<(String, Cell)>) -> Record {
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    Record { fields }
}

/// `format_columns.DictColumn` of metadata.
pub fn properties(m: Map<String, Value>) -> Cell {
    Cell::dict(Some(m))
}

/// Reports per-item failures of a bulk operation: one error line each, then a summary
/// (a single failure is returned as is).
pub fn report_failures<T>(
    results: Vec<Result<T, ClientError>>,
    what: &str,
) -> Result<Vec<T>, CliError> {
    let total = results.len();
    let mut ok = Vec::with_capacity(total);
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(v) => ok.push(v),
            Err(e) => errors.push(e),
        }
    }
    match errors.len() {
        0 => Ok(ok),
        1 => Err(errors.remove(0).into()),
        n => {
            for e in &errors {
                tracing::error!("{e}");
            }
            Err(CliError::Message(format!("{n} of {total} {what} failed")))
        }
    }
}

/// `--segment-size` values: bytes, or with a binary K/M/G/T suffix (`512M`).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (num, mult) = match t.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let m = match c.to_ascii_uppercase() {
                'K' => 1u64 << 10,
                'M' => 1 << 20,
                'G' => 1 << 30,
                'T' => 1 << 40,
                _ => return Err(format!("invalid size: '{s}' (use bytes or K, M, G, T)")),
            };
            (&t[..i], m)
        }
        _ => (t, 1),
    };
    num.parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(mult))
        .ok_or_else(|| format!("invalid size: '{s}' (use bytes or K, M, G, T)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(parse_size("100"), Ok(100));
        assert_eq!(parse_size("512M"), Ok(512 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert!(parse_size("1X").is_err());
        assert!(parse_size("-1").is_err());
        assert!(parse_size("").is_err());
    }
}
