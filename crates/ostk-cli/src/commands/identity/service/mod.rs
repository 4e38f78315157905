//! `service *` commands (openstackclient/identity/v3/service.py) and OSC's `find_service_sdk`.

pub mod create;
pub mod delete;
pub mod list;
pub mod set;
pub mod show;

use crate::{context::Context, error::CliError};
use ostk_output::{Cell, Record};
use ostk_sdk::identity::{Identity, service::Found, service::Service};

/// OSC `common.find_service_sdk`: by ID or name (openstacksdk `find_service`), else the one
/// service of that type.
pub fn find_service(ctx: &mut Context, name_type_or_id: &str) -> Result<Service, CliError> {
    let session = ctx.session()?;
    let id = Identity::new(&session);
    match ctx.block_on(id.find_service(name_type_or_id))? {
        Ok(Found::One(s)) => return Ok(s),
        Ok(Found::None) => {}
        Ok(Found::Many(_)) => {
            return Err(CliError::Message(format!(
                "More than one Service exists with the name '{name_type_or_id}'."
            )));
        }
        Err(e) => return Err(super::common::sdk_error(e, None)),
    }
    let mut by_type = ctx
        .block_on(id.services(&[("type", name_type_or_id.to_string())]))?
        .map_err(|e| super::common::sdk_error(e, None))?;
    match by_type.len() {
        0 => Err(CliError::Message(format!(
            "No service with a type, name or ID of '{name_type_or_id}' exists."
        ))),
        1 => Ok(by_type.remove(0)),
        _ => Err(CliError::Message(format!(
            "Multiple service matches found for '{name_type_or_id}', use an ID to be more specific."
        ))),
    }
}

/// `_format_service`: id, name, type, enabled, description.
pub fn service_record(s: &Service) -> Record {
    Record {
        fields: vec![
            ("id".into(), Cell::Str(s.id.clone())),
            ("name".into(), s.name.clone().into()),
            ("type".into(), s.service_type.clone().into()),
            ("enabled".into(), s.enabled.into()),
            ("description".into(), s.description.clone().into()),
        ],
    }
}
