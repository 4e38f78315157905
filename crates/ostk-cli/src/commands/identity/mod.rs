//! Identity (keystone) commands: openstackclient/identity/v3.

pub mod application_credential;
pub mod batch;
pub mod catalog_list;
pub mod catalog_show;
pub mod common;
pub mod credential;
pub mod domain;
pub mod ec2;
pub mod endpoint;
pub mod endpoint_group;
pub mod federation_protocol;
pub mod group;
pub mod identity_provider;
pub mod limit;
pub mod mapping;
pub mod policy;
pub mod project;
pub mod region;
pub mod registered_limit;
pub mod role;
pub mod service;
pub mod service_provider;
pub mod token_issue;
pub mod token_revoke;
pub mod trust;
pub mod user;

use crate::registry::{Entry, entry};
use ostk_output::Cell;
use serde_json::Value;

/// Identity commands registered through `commands::all` (the older ones are listed there).
pub static COMMANDS: &[Entry] = &[
    entry::<ec2::create::CreateEc2Creds>(),
    entry::<ec2::delete::DeleteEc2Creds>(),
    entry::<ec2::list::ListEc2Creds>(),
    entry::<ec2::show::ShowEc2Creds>(),
];

/// openstackclient.identity.v3.catalog.EndpointsColumn: `region\n  interface: url\n` per
/// endpoint for tables, the endpoints as keystone sent them for json/yaml.
pub fn endpoints_cell(service: &Value) -> Cell {
    let raw = service.get("endpoints").cloned().unwrap_or(Value::Null);
    let mut human = String::new();
    if let Some(eps) = raw.as_array() {
        for ep in eps {
            let s = |k: &str| ep.get(k).and_then(Value::as_str).filter(|s| !s.is_empty());
            let region = s("region_id").or_else(|| s("region")).unwrap_or("<none>");
            human.push_str(region);
            human.push('\n');
            human.push_str(&format!(
                "  {}: {}\n",
                s("interface").unwrap_or(""),
                s("url").unwrap_or("")
            ));
        }
    }
    Cell::Formatted {
        human,
        machine: raw,
    }
}
