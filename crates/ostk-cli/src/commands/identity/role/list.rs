//! `role list` (openstackclient/identity/v3/role.py ListRole).

use crate::commands::identity::common::{find_domain, id_of, sdk_error};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::Identity;
use serde_json::Value;

/// List roles
#[derive(clap::Args, Debug)]
pub struct ListRole {
    /// Include <domain> (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
}

impl Command for ListRole {
    const WORDS: &'static str = "role list";
    const ABOUT: &'static str = "List roles";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let domain = match &self.domain {
            Some(d) => Some(find_domain(ctx, d)?),
            None => None,
        };
        let domain_id = domain.as_ref().map(id_of);
        let session = ctx.session()?;
        let roles = ctx
            .block_on(Identity::new(&session).roles(domain_id.as_deref()))?
            .map_err(|e| sdk_error(e, None))?;
        let mut columns = vec!["ID".to_string(), "Name".to_string()];
        let domain_name =
            domain.map(|d| Cell::from_json(d.get("name").cloned().unwrap_or(Value::Null)));
        if domain_name.is_some() {
            columns.push("Domain".into());
        }
        let rows = roles
            .into_iter()
            .map(|r| {
                let mut row = vec![Cell::Str(r.id), Cell::from(r.name)];
                if let Some(n) = &domain_name {
                    row.push(n.clone());
                }
                row
            })
            .collect();
        Ok(Output::List(Listing { columns, rows }))
    }
}
