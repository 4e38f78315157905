//! `endpoint group *` commands (openstackclient/identity/v3/endpoint_group.py).

pub mod add_project;
pub mod create;
pub mod delete;
pub mod list;
pub mod remove_project;
pub mod set;
pub mod show;

use crate::{context::Context, error::CliError};
use ostk_output::{Cell, Record};
use ostk_sdk::identity::{Identity, endpoint_group::EndpointGroup, service::Found};
use serde_json::Value;

/// openstacksdk `find_endpoint_group(name_or_id, ignore_missing=False)`.
pub fn find_group(ctx: &mut Context, name_or_id: &str) -> Result<EndpointGroup, CliError> {
    let session = ctx.session()?;
    match ctx.block_on(Identity::new(&session).find_endpoint_group(name_or_id))? {
        Ok(Found::One(g)) => Ok(g),
        Ok(Found::None) => Err(CliError::Message(format!(
            "No EndpointGroup found for {name_or_id}"
        ))),
        Ok(Found::Many(_)) => Err(CliError::Message(format!(
            "More than one EndpointGroup exists with the name '{name_or_id}'."
        ))),
        Err(e) => Err(super::common::sdk_error(e, None)),
    }
}

/// openstacksdk `find_project(name_or_id, domain_id=…, ignore_missing=False)` (the domain
/// is passed as given, not resolved).
pub fn find_project_id(
    ctx: &mut Context,
    project: &str,
    domain: Option<&str>,
) -> Result<String, CliError> {
    let p = super::common::find_project(ctx, project, domain.filter(|d| !d.is_empty()))?;
    Ok(super::common::id_of(&p))
}

/// `_format_endpoint_group`: description, filters, id, name.
pub fn group_record(g: &EndpointGroup) -> Record {
    Record {
        fields: vec![
            ("description".into(), g.description.clone().into()),
            (
                "filters".into(),
                Cell::from_json(g.filters.clone().unwrap_or(Value::Null)),
            ),
            ("id".into(), Cell::Str(g.id.clone())),
            ("name".into(), g.name.clone().into()),
        ],
    }
}
