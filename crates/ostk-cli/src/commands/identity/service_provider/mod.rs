//! `service provider *` commands (openstackclient/identity/v3/service_provider.py).

pub mod create;
pub mod delete;
pub mod list;
pub mod set;
pub mod show;

use ostk_output::{Cell, Record};
use ostk_sdk::identity::federation::ServiceProvider;

/// `_format_service_provider`.
pub fn sp_record(s: &ServiceProvider) -> Record {
    Record {
        fields: vec![
            ("id".into(), Cell::Str(s.id.clone())),
            ("enabled".into(), s.enabled.into()),
            ("description".into(), s.description.clone().into()),
            ("auth_url".into(), s.auth_url.clone().into()),
            ("sp_url".into(), s.sp_url.clone().into()),
            (
                "relay_state_prefix".into(),
                s.relay_state_prefix.clone().into(),
            ),
        ],
    }
}
