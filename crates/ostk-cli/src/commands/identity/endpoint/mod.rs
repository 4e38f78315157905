//! `endpoint *` commands (openstackclient/identity/v3/endpoint.py).

pub mod add_project;
pub mod create;
pub mod delete;
pub mod list;
pub mod remove_project;
pub mod set;
pub mod show;

use crate::{context::Context, error::CliError};
use ostk_output::{Cell, Record};
use ostk_sdk::identity::{Identity, endpoint::Endpoint, service::Found, service::Service};

/// `common.add_project_domain_option_to_parser`'s help.
pub const PROJECT_DOMAIN_HELP: &str = "Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.";

/// openstacksdk `find_endpoint(id, ignore_missing=False)`.
pub fn find_endpoint(ctx: &mut Context, id: &str) -> Result<Endpoint, CliError> {
    let session = ctx.session()?;
    match ctx.block_on(Identity::new(&session).find_endpoint(id))? {
        Ok(Found::One(e)) => Ok(e),
        Ok(Found::None) => Err(CliError::Message(format!("No Endpoint found for {id}"))),
        Ok(Found::Many(_)) => Err(CliError::Message(format!(
            "More than one Endpoint exists with the name '{id}'."
        ))),
        Err(e) => Err(super::common::sdk_error(e, None)),
    }
}

/// openstacksdk `get_region(id)`: the region's ID, or `No Region found for …`.
pub fn region_id(ctx: &mut Context, region: &str) -> Result<String, CliError> {
    let session = ctx.session()?;
    let msg = format!("No Region found for {region}");
    let r = ctx
        .block_on(Identity::new(&session).get_region(region))?
        .map_err(|e| super::common::sdk_error(e, Some(&msg)))?;
    Ok(r.id)
}

/// `_format_endpoint`: the endpoint and its service's name and type.
pub fn endpoint_record(e: &Endpoint, s: &Service) -> Record {
    Record {
        fields: vec![
            ("enabled".into(), e.enabled.into()),
            ("id".into(), Cell::Str(e.id.clone())),
            ("interface".into(), e.interface.clone().into()),
            ("region".into(), e.region_id.clone().into()),
            ("region_id".into(), e.region_id.clone().into()),
            ("service_id".into(), e.service_id.clone().into()),
            ("url".into(), e.url.clone().into()),
            ("service_name".into(), s.name.clone().into()),
            ("service_type".into(), s.service_type.clone().into()),
        ],
    }
}
