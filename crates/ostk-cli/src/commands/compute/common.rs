//! What the compute commands other than `server …` share: openstacksdk-worded lookups,
//! microversion checks, and OSC's sorted "show" records.

pub use crate::commands::identity::common::found;
use crate::commands::identity::common::sdk_error;
use crate::{context::Context, error::CliError};
use ostk_output::{Cell, Record};
use ostk_sdk::client::ClientError;
use serde_json::Value;

/// openstacksdk `utils.supports_microversion(compute_client, wanted)`.
pub fn supports(ctx: &mut Context, wanted: &str) -> Result<bool, CliError> {
    let session = ctx.session()?;
    ctx.block_on(ostk_sdk::compute::api::supports_microversion(
        &session, wanted,
    ))?
    .map_err(|e| sdk_error(e, None))
}

/// Fails with `msg` unless the compute API supports `wanted` (OSC's many
/// `if not sdk_utils.supports_microversion(...): raise CommandError(msg)`).
pub fn require(ctx: &mut Context, wanted: &str, msg: &str) -> Result<(), CliError> {
    if supports(ctx, wanted)? {
        Ok(())
    } else {
        Err(CliError::Message(msg.to_string()))
    }
}

/// `--os-compute-api-version 2.x or greater is required to support the --opt option`.
pub fn require_for_option(ctx: &mut Context, wanted: &str, option: &str) -> Result<(), CliError> {
    require(
        ctx,
        wanted,
        &format!(
            "--os-compute-api-version {wanted} or greater is required to support the {option} option"
        ),
    )
}

/// A client error in openstacksdk's wording.
pub fn sdk(e: ClientError) -> CliError {
    sdk_error(e, None)
}

/// A field of a JSON object (`Null` when absent).
pub fn field(v: &Value, key: &str) -> Value {
    v.get(key).cloned().unwrap_or(Value::Null)
}

/// openstacksdk's `type=int` conversion: numbers kept, digit strings parsed, anything
/// else but `None` becomes 0.
pub fn int_field(v: &Value, key: &str, default: i64) -> Cell {
    match v.get(key) {
        None => Cell::Int(default),
        Some(Value::Null) => Cell::None,
        Some(Value::Number(n)) => n
            .as_i64()
            .map_or(Cell::Float(n.as_f64().unwrap_or(0.0)), Cell::Int),
        Some(Value::String(s)) => Cell::Int(s.parse().unwrap_or(0)),
        Some(_) => Cell::Int(0),
    }
}

/// A record whose fields are sorted by name, as OSC's `get_osc_show_columns_for_sdk_resource`
/// and `sorted(info.items())` show them.
pub fn sorted_record(mut fields: Vec<(String, Cell)>) -> Record {
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    Record { fields }
}

/// Cells of `keys` in `item`, straight from JSON.
pub fn row(item: &Value, keys: &[&str]) -> Vec<Cell> {
    keys.iter()
        .map(|k| Cell::from_json(field(item, k)))
        .collect()
}

/// osc's `pagination.add_marker_pagination_option_to_parser` options.
#[derive(clap::Args, Debug)]
pub struct MarkerPagination {
    /// The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the server-defined value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned.
    #[arg(long, value_name = "<limit>", verbatim_doc_comment)]
    pub limit: Option<i64>,
    /// The first position in the collection to return results from. This should be a value that was returned in a previous request.
    #[arg(long, value_name = "<marker>", verbatim_doc_comment)]
    pub marker: Option<String>,
    /// The maximum number of entries to return in total, paging through multiple requests if needed. Use --limit to control the page size.
    #[arg(long, value_name = "<max-items>", verbatim_doc_comment)]
    pub max_items: Option<i64>,
}

impl MarkerPagination {
    /// `--limit` unless 0 (Python truthiness: 0 is "not given").
    pub fn limit(&self) -> Option<i64> {
        self.limit.filter(|l| *l != 0)
    }

    /// The `limit` sent: `--limit`, else `--max-items` (openstacksdk asks for pages of
    /// `max_items` when given no page size).
    pub fn page_size(&self) -> Option<i64> {
        self.limit().or(self.max_items.filter(|m| *m != 0))
    }

    /// `--marker` unless empty.
    pub fn marker(&self) -> Option<&str> {
        self.marker.as_deref().filter(|m| !m.is_empty())
    }

    /// The query for `--marker`/`--limit`, each first checked against the microversion that
    /// brought it (OSC's `--os-compute-api-version X or greater is required…`), in
    /// openstacksdk's order.
    pub fn query(
        &self,
        ctx: &mut Context,
        version: &str,
    ) -> Result<Vec<(&'static str, String)>, CliError> {
        let mut query = Vec::new();
        if let Some(m) = self.marker() {
            require_for_option(ctx, version, "--marker")?;
            query.push(("marker", m.to_string()));
        }
        if self.limit().is_some() {
            require_for_option(ctx, version, "--limit")?;
        }
        if let Some(l) = self.page_size() {
            query.push(("limit", l.to_string()));
        }
        pagination_first(&mut query);
        Ok(query)
    }

    /// Cuts `items` to `--max-items`.
    pub fn truncate<T>(&self, items: &mut Vec<T>) {
        if let Some(n) = self.max_items {
            items.truncate(usize::try_from(n).unwrap_or(0));
        }
    }
}

/// openstacksdk puts `limit` and `marker` first in a query, whatever order they were given in.
pub fn pagination_first(query: &mut [(&str, String)]) {
    query.sort_by_key(|(k, _)| match *k {
        "limit" => 0,
        "marker" => 1,
        _ => 2,
    });
}

/// A resource's `id` as text (nova's older IDs are integers).
pub fn id_str(v: &Value) -> String {
    match v.get("id") {
        Some(Value::String(s)) => s.clone(),
        Some(n @ Value::Number(_)) => n.to_string(),
        _ => String::new(),
    }
}

/// openstacksdk `find_server(name_or_id, ignore_missing=False)`: the server's ID.
pub fn find_server_id(ctx: &mut Context, name_or_id: &str) -> Result<String, CliError> {
    let session = ctx.session()?;
    ctx.block_on(super::server::find_server_id_in(
        &session, name_or_id, false,
    ))?
}

/// A record of these JSON keys of `v`, sorted.
pub fn keyed_record(v: &Value, keys: &[&str]) -> Record {
    sorted_record(
        keys.iter()
            .map(|k| ((*k).to_string(), Cell::from_json(field(v, k))))
            .collect(),
    )
}
