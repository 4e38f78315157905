//! `domain delete` (openstackclient/identity/v3/domain.py DeleteDomain).

use crate::commands::identity::{
    batch::delete_each,
    common::{find_domain, id_of, sdk_error},
};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::domain::DOMAINS;

/// Delete domain(s)
#[derive(clap::Args, Debug)]
pub struct DeleteDomain {
    /// Domain(s) to delete (name or ID)
    #[arg(value_name = "<domain>", required = true, num_args = 1..)]
    domain: Vec<String>,
}

impl Command for DeleteDomain {
    const WORDS: &'static str = "domain delete";
    const ABOUT: &'static str = "Delete domain(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        delete_each(
            ctx,
            &self.domain,
            "domains",
            |i, e| format!("Failed to delete domain with name or ID '{i}': {e}"),
            |ctx, i| {
                let d = find_domain(ctx, i)?;
                let session = ctx.session()?;
                ctx.block_on(DOMAINS.delete(&session, &id_of(&d)))?
                    .map_err(|e| sdk_error(e, None))
            },
        )?;
        Ok(Output::None)
    }
}
