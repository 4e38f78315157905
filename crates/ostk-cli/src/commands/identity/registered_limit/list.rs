//! `registered limit list` (openstackclient/identity/v3/registered_limit.py
//! ListRegisteredLimit).

use crate::commands::identity::{common, endpoint, service};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::identity::Identity;

/// List registered limits
#[derive(clap::Args, Debug)]
pub struct ListRegisteredLimit {
    /// Service responsible for the resource to limit (name or ID)
    #[arg(long, value_name = "<service>")]
    service: Option<String>,
    /// The name of the resource to limit
    #[arg(long, value_name = "<resource-name>")]
    resource_name: Option<String>,
    /// Region for the limit to affect.
    #[arg(long, value_name = "<region>", verbatim_doc_comment)]
    region: Option<String>,
}

impl Command for ListRegisteredLimit {
    const WORDS: &'static str = "registered limit list";
    const ABOUT: &'static str = "List registered limits";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut query: Vec<(&str, String)> = Vec::new();
        if let Some(s) = self.service.as_deref().filter(|s| !s.is_empty()) {
            query.push(("service_id", service::find_service(ctx, s)?.id));
        }
        if let Some(r) = self.region.as_deref().filter(|r| !r.is_empty()) {
            query.push(("region_id", endpoint::region_id(ctx, r)?));
        }
        if let Some(n) = self.resource_name.filter(|n| !n.is_empty()) {
            query.push(("resource_name", n));
        }
        let session = ctx.session()?;
        let limits = ctx
            .block_on(Identity::new(&session).registered_limits(&query))?
            .map_err(|e| common::sdk_error(e, None))?;
        Ok(Output::List(Listing {
            columns: [
                "ID",
                "Service ID",
                "Resource Name",
                "Default Limit",
                "Description",
                "Region ID",
            ]
            .map(String::from)
            .to_vec(),
            rows: limits
                .iter()
                .map(|l| {
                    vec![
                        Cell::Str(l.id.clone()),
                        l.service_id.clone().into(),
                        l.resource_name.clone().into(),
                        l.default_limit.into(),
                        l.description.clone().into(),
                        l.region_id.clone().into(),
                    ]
                })
                .collect(),
        }))
    }
}
