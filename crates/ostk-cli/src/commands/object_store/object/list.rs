//! `object list` (openstackclient/object/v1/object.py ListObject).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output, RowStream},
};
use ostk_output::Cell;
use ostk_sdk::object_store::{ListQuery, ObjectStore};
use serde_json::Value;

/// List objects
#[derive(clap::Args, Debug)]
pub struct ListObject {
    /// Container to list
    #[arg(value_name = "<container>")]
    container: String,
    /// Filter list using <prefix>
    #[arg(long, value_name = "<prefix>")]
    prefix: Option<String>,
    /// Roll up items with <delimiter>
    #[arg(long, value_name = "<delimiter>")]
    delimiter: Option<String>,
    /// The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the server-defined value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned.
    #[arg(long, value_name = "<limit>", verbatim_doc_comment)]
    limit: Option<u64>,
    /// The first position in the collection to return results from. This should be a value that was returned in a previous request.
    #[arg(long, value_name = "<marker>", verbatim_doc_comment)]
    marker: Option<String>,
    /// End anchor for paging
    #[arg(long, value_name = "<end-marker>")]
    end_marker: Option<String>,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    /// List all objects in container (default is 10000)
    #[arg(long)]
    all: bool,
}

/// `utils.get_dict_properties`: a missing key is an empty string.
fn prop(m: &serde_json::Map<String, Value>, k: &str) -> Cell {
    match m.get(k) {
        None => Cell::Str(String::new()),
        Some(Value::Null) => Cell::None,
        Some(Value::String(s)) => Cell::Str(s.clone()),
        Some(v) => Cell::from_json(v.clone()),
    }
}

impl Command for ListObject {
    const WORDS: &'static str = "object list";
    const ABOUT: &'static str = "List objects";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let q = ListQuery {
            prefix: self.prefix,
            delimiter: self.delimiter,
            marker: self.marker,
            end_marker: self.end_marker,
            limit: self.limit,
            all: self.all,
        };
        let mut columns = vec!["Name".to_string()];
        let mut keys = vec!["name"];
        if self.long {
            columns.extend([
                "Bytes".into(),
                "Hash".into(),
                "Content Type".into(),
                "Last Modified".into(),
            ]);
            keys.extend(["bytes", "hash", "content_type", "last_modified"]);
        }
        // rows written page by page as swift sends them: 100,000 objects never sit in memory
        let container = self.container;
        Ok(Output::Stream(RowStream::new(columns, move |ctx, sink| {
            let store = ObjectStore::new(&session);
            let mut stopped = None;
            ctx.block_on(store.list_objects_pages(&container, &q, |page| {
                let rows = page
                    .iter()
                    .map(|o| {
                        let m = o.to_map();
                        keys.iter().map(|k| prop(&m, k)).collect()
                    })
                    .collect();
                sink(rows).map_err(|e| stopped = Some(e)).is_ok()
            }))??;
            stopped.map_or(Ok(()), Err)
        })))
    }
}
