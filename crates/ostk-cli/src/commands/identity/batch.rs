//! Helpers the catalog, federation, policy and limit commands share: OSC's multiple-delete
//! loop with its error summary, and osc-lib's `read_blob_file_contents`.

use crate::{context::Context, error::CliError};

/// The loop every OSC `Delete*` command runs: each item is tried; a failure logs
/// `failure(item, error)` and the loop goes on; if any failed, the command ends with
/// `{n} of {total} {plural} failed to delete.`.
pub fn delete_each(
    ctx: &mut Context,
    items: &[String],
    plural: &str,
    failure: impl Fn(&str, &str) -> String,
    mut delete: impl FnMut(&mut Context, &str) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let mut failed = 0;
    for item in items {
        if let Err(e) = delete(ctx, item) {
            failed += 1;
            tracing::error!("{}", failure(item, &e.to_string()));
        }
    }
    if failed > 0 {
        return Err(CliError::Message(format!(
            "{failed} of {} {plural} failed to delete.",
            items.len()
        )));
    }
    Ok(())
}

/// osc-lib `utils.read_blob_file_contents`: the file's text, stripped.
pub fn read_blob(path: &str) -> Result<String, CliError> {
    std::fs::read_to_string(path)
        .map(|s| s.trim().to_string())
        .map_err(|_| CliError::Message(format!("Error occurred trying to read file {path}")))
}

/// OSC's `_read_rules` / `_read_filters`: a file holding JSON.
pub fn read_json(path: &str, what: &str) -> Result<serde_json::Value, CliError> {
    let blob = read_blob(path)?;
    serde_json::from_str(&blob).map_err(|e| {
        CliError::Message(format!(
            "An error occurred when reading {what} from file {path}: {}",
            python_json_error(&e)
        ))
    })
}

/// Python's `json.JSONDecodeError` text for the common cases (approximate beyond them).
fn python_json_error(e: &serde_json::Error) -> String {
    format!(
        "Expecting value: line {} column {} (char {})",
        e.line(),
        e.column(),
        e.column().saturating_sub(1)
    )
}
