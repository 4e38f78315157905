//! `role delete` (openstackclient/identity/v3/role.py DeleteRole).

use crate::commands::identity::{
    batch::delete_each,
    common::{find_domain_id, find_sdk_id, sdk_error},
};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::{Identity, role::ROLES};

/// Delete role(s)
#[derive(clap::Args, Debug)]
pub struct DeleteRole {
    /// Role(s) to delete (name or ID)
    #[arg(value_name = "<role>", required = true, num_args = 1..)]
    roles: Vec<String>,
    /// Domain the role belongs to (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
}

impl Command for DeleteRole {
    const WORDS: &'static str = "role delete";
    const ABOUT: &'static str = "Delete role(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut filters = Vec::new();
        if let Some(d) = &self.domain {
            filters.push(("domain_id", find_domain_id(ctx, d, true)?));
        }
        delete_each(
            ctx,
            &self.roles,
            "roles",
            |i, e| format!("Failed to delete role with name or ID '{i}': {e}"),
            |ctx, i| {
                let id = find_sdk_id(ctx, &ROLES, "Role", i, true, &filters)?;
                let session = ctx.session()?;
                ctx.block_on(Identity::new(&session).delete_role(&id))?
                    .map_err(|e| sdk_error(e, None))
            },
        )?;
        Ok(Output::None)
    }
}
