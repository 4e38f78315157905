//! Networking (neutron, `/v2.0`): networks, subnets, ports, routers, floating IPs, security
//! groups and the rest of what `openstack network …` and friends use, as openstacksdk's
//! `network` proxy.

use crate::rest::Collection;

const fn coll(path: &'static str, singular: &'static str, plural: &'static str) -> Collection {
    Collection {
        service_type: "network",
        api_version: Some("2.0"),
        path,
        singular,
        plural,
        microversion: None,
    }
}

/// `/v2.0/networks`.
pub const NETWORKS: Collection = coll("networks", "network", "networks");
/// `/v2.0/subnets`.
pub const SUBNETS: Collection = coll("subnets", "subnet", "subnets");
/// `/v2.0/ports`.
pub const PORTS: Collection = coll("ports", "port", "ports");
/// `/v2.0/routers`.
pub const ROUTERS: Collection = coll("routers", "router", "routers");
/// `/v2.0/floatingips`.
pub const FLOATING_IPS: Collection = coll("floatingips", "floatingip", "floatingips");
/// `/v2.0/security-groups`.
pub const SECURITY_GROUPS: Collection =
    coll("security-groups", "security_group", "security_groups");
/// `/v2.0/security-group-rules`.
pub const SECURITY_GROUP_RULES: Collection = coll(
    "security-group-rules",
    "security_group_rule",
    "security_group_rules",
);
