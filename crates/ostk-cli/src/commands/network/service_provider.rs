//! `network service provider list` (openstackclient/network/v2/network_service_provider.py).

use super::common as c;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::SERVICE_PROVIDER;

/// List Service Providers
#[derive(clap::Args, Debug)]
pub struct ListNetworkServiceProvider {}

impl Command for ListNetworkServiceProvider {
    const WORDS: &'static str = "network service provider list";
    const ABOUT: &'static str = "List Service Providers";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let items = c::list(ctx, &SERVICE_PROVIDER, &[], None)?;
        let cols = [
            ("Service Type", "service_type"),
            ("Name", "name"),
            ("Default", "is_default"),
        ];
        Ok(Output::List(c::listing(
            &SERVICE_PROVIDER,
            &items,
            &cols,
            &[],
        )))
    }
}
