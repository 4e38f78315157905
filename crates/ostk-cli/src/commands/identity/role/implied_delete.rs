//! `implied role delete` (openstackclient/identity/v3/implied_role.py DeleteImpliedRole).

use super::implied_create::role_ids;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;

/// Deletes an association between prior and implied roles
#[derive(clap::Args, Debug)]
pub struct DeleteImpliedRole {
    /// Role (name or ID) that implies another role
    #[arg(value_name = "<role>")]
    role: String,
    /// <role> (name or ID) implied by another role
    #[arg(long, value_name = "<role>", required = true)]
    implied_role: String,
}

impl Command for DeleteImpliedRole {
    const WORDS: &'static str = "implied role delete";
    const ABOUT: &'static str = "Deletes an association between prior and implied roles";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (prior, implied) = role_ids(ctx, &self.role, &self.implied_role)?;
        let session = ctx.session()?;
        ctx.block_on(Identity::new(&session).imply_role(&prior, &implied, false))??;
        Ok(Output::None)
    }
}
