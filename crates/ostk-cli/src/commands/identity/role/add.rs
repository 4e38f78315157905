//! `role add` (openstackclient/identity/v3/role.py AddRole).

use super::{GrantArgs, ROLE_DOMAIN_HELP, grant};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};

/// Adds a role assignment to a user or group on the system, a domain, or a project
#[derive(clap::Args, Debug)]
pub struct AddRole {
    /// Role to add to <user> (name or ID)
    #[arg(value_name = "<role>")]
    role: String,
    #[command(flatten)]
    grant: GrantArgs,
    #[arg(long, value_name = "<role-domain>", help = ROLE_DOMAIN_HELP)]
    role_domain: Option<String>,
}

impl Command for AddRole {
    const WORDS: &'static str = "role add";
    const ABOUT: &'static str =
        "Adds a role assignment to a user or group on the system, a domain, or a project";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        grant(
            ctx,
            &self.role,
            self.role_domain.as_deref(),
            &self.grant,
            true,
        )?;
        Ok(Output::None)
    }
}
