//! Quota commands: openstackclient/common/quota.py (compute, volume and network quotas),
//! including openstacksdk's `to_dict()` key order, which decides the rows' order.

pub mod delete;
pub mod list;
pub mod set;
pub mod show;

use crate::commands::compute::common::sdk;
use crate::commands::identity::common::find_project;
use crate::{context::Context, error::CliError};
use ostk_sdk::client::ClientError;
use ostk_sdk::quota::{self, Service};
use serde_json::{Map, Value};

/// `COMPUTE_QUOTAS`: API name → option name.
pub const COMPUTE_QUOTAS: &[(&str, &str)] = &[
    ("cores", "cores"),
    ("injected_file_content_bytes", "injected-file-size"),
    ("injected_file_path_bytes", "injected-path-size"),
    ("injected_files", "injected-files"),
    ("instances", "instances"),
    ("key_pairs", "key-pairs"),
    ("metadata_items", "properties"),
    ("ram", "ram"),
    ("server_group_members", "server-group-members"),
    ("server_groups", "server-groups"),
];

/// `VOLUME_QUOTAS`.
pub const VOLUME_QUOTAS: &[(&str, &str)] = &[
    ("backups", "backups"),
    ("backup_gigabytes", "backup-gigabytes"),
    ("gigabytes", "gigabytes"),
    ("groups", "groups"),
    ("per_volume_gigabytes", "per-volume-gigabytes"),
    ("snapshots", "snapshots"),
    ("volumes", "volumes"),
];

/// `NETWORK_QUOTAS` (neutron's wire names).
pub const NETWORK_QUOTAS: &[(&str, &str)] = &[
    ("floatingip", "floating-ips"),
    ("security_group_rule", "secgroup-rules"),
    ("security_group", "secgroups"),
    ("network", "networks"),
    ("subnet", "subnets"),
    ("port", "ports"),
    ("router", "routers"),
    ("router_route", "router-routes"),
    ("rbac_policy", "rbac-policies"),
    ("subnetpool", "subnetpools"),
];

/// openstacksdk compute `QuotaSet` attributes, in class order.
const COMPUTE_ATTRS: &[&str] = &[
    "cores",
    "fixed_ips",
    "floating_ips",
    "force",
    "injected_file_content_bytes",
    "injected_file_path_bytes",
    "injected_files",
    "instances",
    "key_pairs",
    "metadata_items",
    "networks",
    "ram",
    "security_group_rules",
    "security_groups",
    "server_groups",
    "server_group_members",
];

/// openstacksdk block-storage `QuotaSet` attributes, in class order.
const VOLUME_ATTRS: &[&str] = &[
    "backup_gigabytes",
    "backups",
    "gigabytes",
    "groups",
    "per_volume_gigabytes",
    "snapshots",
    "volumes",
];

/// openstacksdk network `Quota` attributes (attribute name, wire name), in class order.
pub const NETWORK_ATTRS: &[(&str, &str)] = &[
    ("check_limit", "check_limit"),
    ("floating_ips", "floatingip"),
    ("health_monitors", "healthmonitor"),
    ("listeners", "listener"),
    ("load_balancers", "loadbalancer"),
    ("l7_policies", "l7policy"),
    ("networks", "network"),
    ("pools", "pool"),
    ("ports", "port"),
    ("project_id", "project_id"),
    ("tenant_id", "tenant_id"),
    ("rbac_policies", "rbac_policy"),
    ("router_routes", "router_route"),
    ("routers", "router"),
    ("subnets", "subnet"),
    ("subnet_pools", "subnetpool"),
    ("security_group_rules", "security_group_rule"),
    ("security_groups", "security_group"),
];

/// The attributes `QuotaDetails` redefines first (as dicts), then the rest of `Quota`.
const NETWORK_DETAIL_FIRST: &[&str] = &[
    "floating_ips",
    "health_monitors",
    "listeners",
    "load_balancers",
    "l7_policies",
    "networks",
    "pools",
    "ports",
    "project_id",
    "rbac_policies",
    "router_routes",
    "routers",
    "subnets",
    "subnet_pools",
    "security_group_rules",
    "security_groups",
];

/// osc's `get_project`: the named project (openstacksdk `find_project`), else the token's.
pub fn project(ctx: &mut Context, name: Option<&str>) -> Result<(String, String), CliError> {
    if let Some(n) = name {
        let p = find_project(ctx, n, None)?;
        let s = |k: &str| {
            p.get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        return Ok((s("id"), s("name")));
    }
    let session = ctx.session()?;
    let a = ctx.block_on(session.access())??;
    Ok((
        a.project_id.clone().unwrap_or_default(),
        a.project_name.clone().unwrap_or_default(),
    ))
}

/// openstacksdk `QuotaSet` after `_translate_response` + `to_dict()`: `reservation`,
/// `usage`, the body's keys (detail values split into limit/usage/reservation), then the
/// class's other attributes (`None`), `id`, `name`.
fn quota_set_dict(body: Map<String, Value>, attrs: &[&str]) -> Map<String, Value> {
    let mut out = Map::new();
    let mut usage = Map::new();
    let mut reservation = Map::new();
    let mut rest = Map::new();
    for (k, v) in body {
        match v {
            Value::Object(d) => {
                if let Some(u) = d.get("in_use") {
                    usage.insert(k.clone(), u.clone());
                }
                if let Some(r) = d.get("reserved") {
                    reservation.insert(k.clone(), r.clone());
                }
                if let Some(l) = d.get("limit") {
                    rest.insert(k, l.clone());
                }
            }
            v => {
                rest.insert(k, v);
            }
        }
    }
    out.insert("reservation".into(), Value::Object(reservation));
    out.insert("usage".into(), Value::Object(usage));
    out.extend(rest);
    for a in attrs.iter().chain(&["id", "name"]) {
        if !out.contains_key(*a) {
            out.insert((*a).to_string(), Value::Null);
        }
    }
    out
}

/// openstacksdk network `Quota.to_dict(computed=False)`: unknown body keys, then the
/// attributes in class order (`first` ones before the others, for `QuotaDetails`).
fn network_dict(body: Map<String, Value>, first: &[&str]) -> Map<String, Value> {
    let wire = |attr: &str| {
        NETWORK_ATTRS
            .iter()
            .find(|(a, _)| *a == attr)
            .map_or(attr.to_string(), |(_, w)| (*w).to_string())
    };
    let mut out = Map::new();
    for (k, v) in &body {
        if !NETWORK_ATTRS.iter().any(|(_, w)| w == k) && k != "id" && k != "name" {
            out.insert(k.clone(), v.clone());
        }
    }
    let order = first
        .iter()
        .copied()
        .chain(NETWORK_ATTRS.iter().map(|(a, _)| *a))
        .chain(["id", "name"]);
    for a in order {
        if !out.contains_key(a) {
            out.insert(
                a.to_string(),
                body.get(&wire(a)).cloned().unwrap_or(Value::Null),
            );
        }
    }
    out
}

/// osc's `get_compute_quotas` / `get_volume_quotas` / `get_network_quotas`.
pub fn quotas(
    ctx: &mut Context,
    service: Service,
    project_id: &str,
    detail: bool,
    default: bool,
) -> Result<Map<String, Value>, CliError> {
    let session = ctx.session()?;
    let body = if default {
        ctx.block_on(quota::defaults(&session, service, project_id))?
    } else {
        ctx.block_on(quota::get(&session, service, project_id, detail))?
    };
    let body = match body {
        Err(ClientError::Catalog(_)) if service != Service::Network => {
            return Ok(Map::new());
        }
        other => other.map_err(sdk)?,
    };
    Ok(match service {
        Service::Compute | Service::Volume => {
            let attrs = if service == Service::Compute {
                COMPUTE_ATTRS
            } else {
                VOLUME_ATTRS
            };
            let mut d = quota_set_dict(body, attrs);
            if !detail {
                d.shift_remove("usage");
                d.shift_remove("reservation");
            }
            d
        }
        Service::Network if detail => {
            let d = network_dict(body, NETWORK_DETAIL_FIRST);
            let mut usage = Map::new();
            let mut reservation = Map::new();
            let mut out = Map::new();
            for (k, v) in d {
                if let Value::Object(o) = v {
                    out.insert(k.clone(), o.get("limit").cloned().unwrap_or(Value::Null));
                    reservation
                        .insert(k.clone(), o.get("reserved").cloned().unwrap_or(Value::Null));
                    usage.insert(k, o.get("used").cloned().unwrap_or(Value::Null));
                }
            }
            let mut result = Map::new();
            result.insert("usage".into(), Value::Object(usage));
            result.insert("reservation".into(), Value::Object(reservation));
            result.extend(out);
            result
        }
        Service::Network => network_dict(body, &[]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn quota_sets_keep_openstacksdk_order() {
        let body = json!({"id": "p", "cores": {"limit": 1, "in_use": 2, "reserved": 0}, "ram": 5});
        let d = quota_set_dict(body.as_object().unwrap().clone(), COMPUTE_ATTRS);
        let keys: Vec<&str> = d.keys().map(String::as_str).collect();
        assert_eq!(&keys[..5], ["reservation", "usage", "id", "cores", "ram"]);
        assert_eq!(d["usage"], json!({"cores": 2}));
        assert_eq!(d["cores"], 1);
        assert_eq!(keys.last(), Some(&"name"));
    }

    #[test]
    fn network_quotas_follow_class_order() {
        let body = json!({"network": 3, "floatingip": 1, "extra": 9});
        let d = network_dict(body.as_object().unwrap().clone(), &[]);
        let keys: Vec<&str> = d.keys().map(String::as_str).collect();
        assert_eq!(&keys[..3], ["extra", "check_limit", "floating_ips"]);
        assert_eq!(d["networks"], 3);
    }
}
