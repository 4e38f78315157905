//! `registered limit set` (openstackclient/identity/v3/registered_limit.py
//! SetRegisteredLimit).

use crate::commands::identity::{common, endpoint, service};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::{Identity, limit::RegisteredLimit};
use serde_json::{Map, Value, json};

/// Update information about a registered limit
#[derive(clap::Args, Debug)]
pub struct SetRegisteredLimit {
    /// Registered limit to update (ID)
    #[arg(value_name = "<registered-limit-id>")]
    registered_limit_id: String,
    /// Service to be updated responsible for the resource to limit (name or ID). Either --service, --resource-name or --region must be different than existing value otherwise it will be duplicate entry
    #[arg(long, value_name = "<service>")]
    service: Option<String>,
    /// Resource to be updated responsible for the resource to limit. Either --service, --resource-name or --region must be different than existing value otherwise it will be duplicate entry
    #[arg(long, value_name = "<resource-name>")]
    resource_name: Option<String>,
    /// The default limit for the resources to assume
    #[arg(long, value_name = "<default-limit>", allow_negative_numbers = true)]
    default_limit: Option<i64>,
    /// Description to update of the registered limit
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Region for the registered limit to affect. Either --service, --resource-name or --region must be different than existing value otherwise it will be duplicate entry
    #[arg(long, value_name = "<region>")]
    region: Option<String>,
}

impl Command for SetRegisteredLimit {
    const WORDS: &'static str = "registered limit set";
    const ABOUT: &'static str = "Update information about a registered limit";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = Map::new();
        if let Some(s) = self.service.as_deref().filter(|s| !s.is_empty()) {
            attrs.insert(
                "service_id".into(),
                Value::String(service::find_service(ctx, s)?.id),
            );
        }
        if let Some(n) = self.resource_name.filter(|n| !n.is_empty()) {
            attrs.insert("resource_name".into(), Value::String(n));
        }
        // OSC tests truthiness: --default-limit 0 is ignored.
        if let Some(l) = self.default_limit.filter(|l| *l != 0) {
            attrs.insert("default_limit".into(), json!(l));
        }
        if let Some(d) = self.description.filter(|d| !d.is_empty()) {
            attrs.insert("description".into(), Value::String(d));
        }
        if let Some(r) = self.region.as_deref().filter(|r| !r.is_empty()) {
            attrs.insert(
                "region_id".into(),
                Value::String(endpoint::region_id(ctx, r)?),
            );
        }
        if attrs.is_empty() {
            // openstacksdk commits nothing and shows the bare resource it built.
            let l = RegisteredLimit {
                id: self.registered_limit_id,
                ..Default::default()
            };
            return Ok(Output::One(super::registered_limit_record(&l)));
        }
        let session = ctx.session()?;
        let l = ctx
            .block_on(
                Identity::new(&session).update_registered_limit(&self.registered_limit_id, attrs),
            )?
            .map_err(|e| common::sdk_error(e, None))?;
        Ok(Output::One(super::registered_limit_record(&l)))
    }
}
