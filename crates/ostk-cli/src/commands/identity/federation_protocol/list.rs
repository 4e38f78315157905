//! `federation protocol list` (openstackclient/identity/v3/federation_protocol.py
//! ListProtocols).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::Identity;

/// List federation protocols
#[derive(clap::Args, Debug)]
pub struct ListProtocols {
    /// Identity provider to list (name or ID) (required)
    #[arg(long, value_name = "<identity-provider>", required = true)]
    identity_provider: String,
}

impl Command for ListProtocols {
    const WORDS: &'static str = "federation protocol list";
    const ABOUT: &'static str = "List federation protocols";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let ps = ctx
            .block_on(Identity::new(&session).federation_protocols(&self.identity_provider))?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::List(Listing {
            columns: vec!["id".into(), "mapping".into()],
            rows: ps
                .iter()
                .map(|p| vec![Cell::Str(p.id.clone()), p.mapping_id.clone().into()])
                .collect(),
        }))
    }
}
