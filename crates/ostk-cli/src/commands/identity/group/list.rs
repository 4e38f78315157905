//! `group list` (openstackclient/identity/v3/group.py ListGroup).

use crate::commands::identity::common::{find_domain_id, find_user_id, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::{Identity, group::GROUPS};
use serde_json::Value;

/// List groups
#[derive(clap::Args, Debug)]
pub struct ListGroup {
    /// Filter group list by <domain> (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
    /// Filter group list by <user> (name or ID)
    #[arg(long, value_name = "<user>")]
    user: Option<String>,
    /// Domain the user belongs to (name or ID). This can be used in case collisions between user names exist.
    #[arg(long, value_name = "<user-domain>", verbatim_doc_comment)]
    user_domain: Option<String>,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
}

impl Command for ListGroup {
    const WORDS: &'static str = "group list";
    const ABOUT: &'static str = "List groups";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let domain = match &self.domain {
            Some(d) => Some(find_domain_id(ctx, d, true)?),
            None => None,
        };
        let items: Vec<Value> = match &self.user {
            None => {
                let query: Vec<(&str, String)> =
                    domain.map(|d| vec![("domain_id", d)]).unwrap_or_default();
                let session = ctx.session()?;
                ctx.block_on(GROUPS.list(&session, &query))?
                    .map_err(|e| sdk_error(e, None))?
            }
            Some(u) => {
                let uid = find_user_id(ctx, u, self.user_domain.as_deref(), true)?;
                let session = ctx.session()?;
                let groups = ctx
                    .block_on(Identity::new(&session).user_groups(&uid))?
                    .map_err(|e| sdk_error(e, None))?;
                groups
                    .into_iter()
                    .map(|g| serde_json::to_value(g).unwrap_or(Value::Null))
                    .collect()
            }
        };
        let mut columns = vec!["ID", "Name"];
        let mut keys = vec!["id", "name"];
        if self.long {
            columns.extend(["Domain ID", "Description"]);
            keys.extend(["domain_id", "description"]);
        }
        let rows = items
            .iter()
            .map(|g| {
                keys.iter()
                    .map(|k| Cell::from_json(g.get(*k).cloned().unwrap_or(Value::Null)))
                    .collect()
            })
            .collect();
        Ok(Output::List(Listing {
            columns: columns.into_iter().map(String::from).collect(),
            rows,
        }))
    }
}
