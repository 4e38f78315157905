//! `block storage cleanup` (block_storage_cleanup.py BlockStorageCleanup).

use super::{py_int, tristate};
use crate::commands::volume::{call, cell, require_command};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::volume as cinder;
use serde_json::{Map, Value, json};

/// Do block storage cleanup.
///
/// This command requires ``--os-volume-api-version`` 3.24 or greater.
#[derive(clap::Args, Debug)]
pub struct BlockStorageCleanup {
    /// Name of block storage cluster in which cleanup needs to be performed (name only)
    #[arg(long, value_name = "<cluster>")]
    cluster: Option<String>,
    /// Host where the service resides. (name only)
    #[arg(long, value_name = "<host>")]
    host: Option<String>,
    /// Name of the service binary.
    #[arg(long, value_name = "<binary>", verbatim_doc_comment)]
    binary: Option<String>,
    /// Filter by up status. If this is set, services need to be up.
    #[arg(long, group = "up_group", verbatim_doc_comment)]
    up: bool,
    /// Filter by down status. If this is set, services need to be down.
    #[arg(long, group = "up_group", verbatim_doc_comment)]
    down: bool,
    /// Filter by disabled status.
    #[arg(long, group = "disabled_group", verbatim_doc_comment)]
    disabled: bool,
    /// Filter by enabled status.
    #[arg(long, group = "disabled_group", verbatim_doc_comment)]
    enabled: bool,
    /// UUID of a resource to cleanup.
    #[arg(long, value_name = "<resource-id>", verbatim_doc_comment)]
    resource_id: Option<String>,
    /// Type of resource to cleanup.
    #[arg(long, value_name = "<Volume|Snapshot>", value_parser = ["Volume", "Snapshot"],
          hide_possible_values = true, verbatim_doc_comment)]
    resource_type: Option<String>,
    /// The service ID field from the DB, not the UUID of the service.
    #[arg(long, value_name = "SERVICE_ID", value_parser = py_int, verbatim_doc_comment)]
    service_id: Option<i64>,
}

impl Command for BlockStorageCleanup {
    const WORDS: &'static str = "block storage cleanup";
    const ABOUT: &'static str = "Do block storage cleanup.\n\nThis command requires ``--os-volume-api-version`` 3.24 or greater.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        require_command(ctx, &s, "3.24", Self::WORDS)?;
        let filters: Map<String, Value> = [
            ("cluster_name", self.cluster.map(Value::from)),
            ("host", self.host.map(Value::from)),
            ("binary", self.binary.map(Value::from)),
            ("is_up", tristate(self.up, self.down).map(Value::from)),
            (
                "disabled",
                tristate(self.disabled, self.enabled).map(Value::from),
            ),
            ("resource_id", self.resource_id.map(Value::from)),
            ("resource_type", self.resource_type.map(Value::from)),
            ("service_id", self.service_id.map(|i| json!(i))),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
        .collect();
        let result = call(ctx, cinder::admin::cleanup_workers(&s, filters))?;
        Ok(Output::List(cleanup_rows(&result)))
    }
}

/// `_format_cleanup_response`: the services being cleaned, then the unavailable ones.
fn cleanup_rows(result: &Value) -> Listing {
    let mut rows = Vec::new();
    for (key, status) in [("cleaning", "Cleaning"), ("unavailable", "Unavailable")] {
        for o in result
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let mut row: Vec<Cell> = ["id", "cluster_name", "host", "binary"]
                .iter()
                .map(|k| cell(o.get(*k)))
                .collect();
            row.push(Cell::Str(status.into()));
            rows.push(row);
        }
    }
    Listing {
        columns: ["ID", "Cluster Name", "Host", "Binary", "Status"]
            .map(String::from)
            .to_vec(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_rows_come_first() {
        let r = json!({
            "unavailable": [{"id": 2, "cluster_name": null, "host": "b", "binary": "cinder-volume"}],
            "cleaning": [{"id": 1, "cluster_name": "c", "host": "a", "binary": "cinder-volume"}],
        });
        let l = cleanup_rows(&r);
        assert_eq!(l.rows.len(), 2);
        assert_eq!(l.rows[0][0], Cell::Int(1));
        assert_eq!(l.rows[0][4], Cell::Str("Cleaning".into()));
        assert_eq!(l.rows[1][1], Cell::None);
        assert_eq!(l.rows[1][4], Cell::Str("Unavailable".into()));
    }
}
