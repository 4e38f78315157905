//! `server group list` (openstackclient/compute/v2/server_group.py ListServerGroup).

use crate::commands::compute::common::{field, sdk, supports};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::compute::server_group;

/// List all server groups.
#[derive(clap::Args, Debug)]
pub struct ListServerGroup {
    /// Display information from all projects (admin only)
    #[arg(long)]
    all_projects: bool,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    /// The maximum number of entries to return per page. If the value exceeds the server-defined maximum, then the maximum value will be used. Note that this controls the page size, not the total number of entries returned. Use --max-items to limit the total number of entries returned.
    #[arg(long, value_name = "<limit>", verbatim_doc_comment)]
    limit: Option<i64>,
    /// The (zero-based) offset of the first item in the collection to return.
    #[arg(long, value_name = "<offset>", verbatim_doc_comment)]
    offset: Option<i64>,
    /// The maximum number of entries to return in total, paging through multiple requests if needed. Use --limit to control the page size.
    #[arg(long, value_name = "<max-items>", verbatim_doc_comment)]
    max_items: Option<i64>,
}

impl Command for ListServerGroup {
    const WORDS: &'static str = "server group list";
    const ABOUT: &'static str = "List all server groups.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let items = ctx
            .block_on(server_group::list(
                &session,
                self.all_projects,
                self.offset.filter(|o| *o != 0),
                self.limit
                    .filter(|l| *l != 0)
                    .or(self.max_items.filter(|m| *m != 0)),
                self.max_items.map(|m| usize::try_from(m).unwrap_or(0)),
            ))?
            .map_err(sdk)?;
        let single = supports(ctx, "2.64")?;
        let mut columns = vec!["ID", "Name", if single { "Policy" } else { "Policies" }];
        if self.long {
            columns.extend(["Members", "Project Id", "User Id"]);
        }
        let rows = items
            .iter()
            .map(|g| {
                let mut r = vec![
                    Cell::from_json(field(g, "id")),
                    Cell::from_json(field(g, "name")),
                    if single {
                        Cell::from_json(field(g, "policy"))
                    } else {
                        super::list_cell(g, "policies")
                    },
                ];
                if self.long {
                    r.push(super::list_cell(g, "members"));
                    r.push(Cell::from_json(field(g, "project_id")));
                    r.push(Cell::from_json(field(g, "user_id")));
                }
                r
            })
            .collect();
        Ok(Output::List(Listing {
            columns: columns.into_iter().map(String::from).collect(),
            rows,
        }))
    }
}
