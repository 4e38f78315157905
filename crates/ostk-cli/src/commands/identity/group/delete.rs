//! `group delete` (openstackclient/identity/v3/group.py DeleteGroup).

use crate::commands::identity::{
    batch::delete_each,
    common::{find_group_id, sdk_error},
};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::group::GROUPS;

/// Delete group(s)
#[derive(clap::Args, Debug)]
pub struct DeleteGroup {
    /// Group(s) to delete (name or ID)
    #[arg(value_name = "<group>", required = true, num_args = 1..)]
    groups: Vec<String>,
    /// Domain containing group(s) (name or ID)
    #[arg(long, value_name = "<domain>")]
    domain: Option<String>,
}

impl Command for DeleteGroup {
    const WORDS: &'static str = "group delete";
    const ABOUT: &'static str = "Delete group(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let domain = self.domain.clone();
        delete_each(
            ctx,
            &self.groups,
            "groups",
            |i, e| format!("Failed to delete group with name or ID '{i}': {e}"),
            |ctx, i| {
                let id = find_group_id(ctx, i, domain.as_deref(), true)?;
                let session = ctx.session()?;
                match ctx.block_on(GROUPS.delete(&session, &id))? {
                    Err(e) if e.status() != Some(404) => Err(sdk_error(e, None)),
                    _ => Ok(()),
                }
            },
        )?;
        Ok(Output::None)
    }
}
