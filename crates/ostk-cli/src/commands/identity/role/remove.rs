//! `role remove` (openstackclient/identity/v3/role.py RemoveRole).

use super::{GrantArgs, ROLE_DOMAIN_HELP, grant};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};

/// Removes a role assignment from system/domain/project : user/group
#[derive(clap::Args, Debug)]
pub struct RemoveRole {
    /// Role to remove (name or ID)
    #[arg(value_name = "<role>")]
    role: String,
    #[command(flatten)]
    grant: GrantArgs,
    #[arg(long, value_name = "<role-domain>", help = ROLE_DOMAIN_HELP)]
    role_domain: Option<String>,
}

impl Command for RemoveRole {
    const WORDS: &'static str = "role remove";
    const ABOUT: &'static str = "Removes a role assignment from system/domain/project : user/group";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        grant(
            ctx,
            &self.role,
            self.role_domain.as_deref(),
            &self.grant,
            false,
        )?;
        Ok(Output::None)
    }
}
