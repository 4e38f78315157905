//! `container list` (openstackclient/object/v1/container.py ListContainer).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::object_store::{ListQuery, ObjectStore};

/// List containers
#[derive(clap::Args, Debug)]
pub struct ListContainer {
    /// Filter list using <prefix>
    #[arg(long, value_name = "<prefix>")]
    prefix: Option<String>,
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
    /// List all containers (default is 10000)
    #[arg(long)]
    all: bool,
}

impl Command for ListContainer {
    const WORDS: &'static str = "container list";
    const ABOUT: &'static str = "List containers";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let q = ListQuery {
            prefix: self.prefix,
            delimiter: None,
            marker: self.marker,
            end_marker: self.end_marker,
            limit: self.limit,
            all: self.all,
        };
        let items = ctx.block_on(ObjectStore::new(&session).list_containers(&q))??;
        let mut columns = vec!["Name".to_string()];
        if self.long {
            columns.extend(["Bytes".into(), "Count".into()]);
        }
        let rows = items
            .into_iter()
            .map(|c| {
                let mut row = vec![Cell::Str(c.name)];
                if self.long {
                    row.push(Cell::Int(c.bytes as i64));
                    row.push(Cell::Int(c.count as i64));
                }
                row
            })
            .collect();
        Ok(Output::List(Listing { columns, rows }))
    }
}
