//! `server event …`: openstackclient/compute/v2/server_event.py.

pub mod list;
pub mod show;

use super::common::find_server_id;
use crate::{context::Context, error::CliError};

/// osc's `is_uuid_like`: a UUID in any of Python's accepted spellings.
fn is_uuid_like(v: &str) -> bool {
    let hex: String = v
        .trim_start_matches("urn:")
        .trim_start_matches("uuid:")
        .trim_matches(|c| c == '{' || c == '}')
        .chars()
        .filter(|c| *c != '-')
        .collect();
    let canonical = v.len() == 36
        && v.chars().enumerate().all(|(i, c)| {
            if [8, 13, 18, 23].contains(&i) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        });
    (canonical || (v.len() == 32 && hex.len() == 32)) && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// The server's ID; a deleted server can be named by its UUID (2.21+).
pub fn server_id(ctx: &mut Context, server: &str) -> Result<String, CliError> {
    match find_server_id(ctx, server) {
        Err(CliError::Message(m)) if m.starts_with("No Server found") && is_uuid_like(server) => {
            Ok(server.to_string())
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids() {
        assert!(is_uuid_like("2f8b3c1c-7d7c-4b7e-9a65-6f0f2b4d7e11"));
        assert!(is_uuid_like("2f8b3c1c7d7c4b7e9a656f0f2b4d7e11"));
        assert!(!is_uuid_like("nope"));
    }
}
