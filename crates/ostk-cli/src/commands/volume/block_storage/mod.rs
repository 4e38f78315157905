//! `block storage …` (openstackclient/volume/v3/block_storage_*.py): cinder's operator
//! commands — worker cleanup, clusters, service log levels, resource filters and the
//! manageable volumes/snapshots of a backend.

pub mod cleanup;
pub mod cluster;
pub mod log_level;
pub mod manageable;
pub mod resource_filter;

/// argparse `type=int`: Python's `int()` of the text (surrounding blanks allowed).
pub fn py_int(s: &str) -> Result<i64, String> {
    s.trim()
        .replace('_', "")
        .parse::<i64>()
        .map_err(|_| format!("invalid int value: '{s}'"))
}

/// `--up` / `--down` (or `--disabled` / `--enabled`): argparse `store_true` / `store_false`
/// on one `dest` whose default is `None`.
pub fn tristate(yes: bool, no: bool) -> Option<bool> {
    match (yes, no) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_parse_as_python_does() {
        assert_eq!(py_int(" 12 "), Ok(12));
        assert_eq!(py_int("-3"), Ok(-3));
        assert_eq!(py_int("1_000"), Ok(1000));
        assert_eq!(py_int("x"), Err("invalid int value: 'x'".into()));
        assert_eq!(tristate(false, true), Some(false));
        assert_eq!(tristate(false, false), None);
    }
}
