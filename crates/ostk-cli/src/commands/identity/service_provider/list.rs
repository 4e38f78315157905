//! `service provider list` (openstackclient/identity/v3/service_provider.py
//! ListServiceProvider).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::Identity;

/// List service providers
#[derive(clap::Args, Debug)]
pub struct ListServiceProvider {}

impl Command for ListServiceProvider {
    const WORDS: &'static str = "service provider list";
    const ABOUT: &'static str = "List service providers";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let sps = ctx
            .block_on(Identity::new(&session).service_providers())?
            .map_err(|e| super::super::common::sdk_error(e, None))?;
        Ok(Output::List(Listing {
            columns: [
                "ID",
                "Enabled",
                "Description",
                "Auth URL",
                "Service Provider URL",
                "Relay State Prefix",
            ]
            .map(String::from)
            .to_vec(),
            rows: sps
                .iter()
                .map(|s| {
                    vec![
                        Cell::Str(s.id.clone()),
                        s.enabled.into(),
                        s.description.clone().into(),
                        s.auth_url.clone().into(),
                        s.sp_url.clone().into(),
                        s.relay_state_prefix.clone().into(),
                    ]
                })
                .collect(),
        }))
    }
}
