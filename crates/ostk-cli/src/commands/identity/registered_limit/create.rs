//! `registered limit create` (openstackclient/identity/v3/registered_limit.py
//! CreateRegisteredLimit).

use crate::commands::identity::{common, endpoint, service};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::identity::Identity;
use serde_json::{Map, Value, json};

/// Create a registered limit
#[derive(clap::Args, Debug)]
pub struct CreateRegisteredLimit {
    /// Description of the registered limit
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Region for the registered limit to affect
    #[arg(long, value_name = "<region>")]
    region: Option<String>,
    /// Service responsible for the resource to limit (required) (name or ID)
    #[arg(long, value_name = "<service>", required = true)]
    service: String,
    /// The default limit for the resources to assume (required)
    #[arg(
        long,
        value_name = "<default-limit>",
        required = true,
        allow_negative_numbers = true
    )]
    default_limit: i64,
    /// The name of the resource to limit
    #[arg(value_name = "<resource-name>")]
    resource_name: String,
}

impl Command for CreateRegisteredLimit {
    const WORDS: &'static str = "registered limit create";
    const ABOUT: &'static str = "Create a registered limit";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = Map::new();
        if let Some(d) = self.description.filter(|d| !d.is_empty()) {
            attrs.insert("description".into(), Value::String(d));
        }
        let svc = service::find_service(ctx, &self.service)?;
        attrs.insert("service_id".into(), Value::String(svc.id));
        if let Some(r) = self.region.as_deref().filter(|r| !r.is_empty()) {
            attrs.insert(
                "region_id".into(),
                Value::String(endpoint::region_id(ctx, r)?),
            );
        }
        attrs.insert("resource_name".into(), json!(self.resource_name));
        attrs.insert("default_limit".into(), json!(self.default_limit));
        let session = ctx.session()?;
        let l = ctx
            .block_on(Identity::new(&session).create_registered_limit(attrs))?
            .map_err(|e| common::sdk_error(e, None))?;
        Ok(Output::One(super::registered_limit_record(&l)))
    }
}
