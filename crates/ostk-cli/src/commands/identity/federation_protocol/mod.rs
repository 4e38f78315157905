//! `federation protocol *` commands (openstackclient/identity/v3/federation_protocol.py).

pub mod create;
pub mod delete;
pub mod list;
pub mod set;
pub mod show;

use ostk_output::{Cell, Record};
use ostk_sdk::identity::federation::FederationProtocol;

/// The `--identity-provider` help of delete, set and show.
pub const IDP_HELP: &str =
    "Identity provider that supports <federation-protocol> (name or ID) (required)";

/// `_format_protocol`: id, identity_provider, mapping.
pub fn protocol_record(p: &FederationProtocol) -> Record {
    Record {
        fields: vec![
            ("id".into(), Cell::Str(p.id.clone())),
            ("identity_provider".into(), p.idp_id.clone().into()),
            ("mapping".into(), p.mapping_id.clone().into()),
        ],
    }
}
