//! Networking (neutron, `/v2.0`): networks, subnets, ports, routers, floating IPs, security
//! groups and the rest of what `openstack network …` and friends use, as openstacksdk's
//! `network` proxy.
//!
//! Requests go straight to `<endpoint>/v2.0/…` as openstacksdk's do (the exact version `2.0`
//! needs no discovery, see `Session::versioned_endpoint`).

use crate::client::{ClientError, Method, Session};
use crate::rest::Collection;
use serde_json::{Map, Value, json};

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
/// `/v2.0/subnetpools`.
pub const SUBNET_POOLS: Collection = coll("subnetpools", "subnetpool", "subnetpools");
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
/// `/v2.0/qos/policies`.
pub const QOS_POLICIES: Collection = coll("qos/policies", "policy", "policies");
/// `/v2.0/address-scopes`.
pub const ADDRESS_SCOPES: Collection = coll("address-scopes", "address_scope", "address_scopes");
/// `/v2.0/address-groups`.
pub const ADDRESS_GROUPS: Collection = coll("address-groups", "address_group", "address_groups");
/// `/v2.0/network-ip-availabilities`.
pub const IP_AVAILABILITIES: Collection = coll(
    "network-ip-availabilities",
    "network_ip_availability",
    "network_ip_availabilities",
);
/// `/v2.0/rbac-policies`.
pub const RBAC_POLICIES: Collection = coll("rbac-policies", "rbac_policy", "rbac_policies");
/// `/v2.0/segments`.
pub const SEGMENTS: Collection = coll("segments", "segment", "segments");
/// `/v2.0/default-security-group-rules`.
pub const DEFAULT_SECURITY_GROUP_RULES: Collection = coll(
    "default-security-group-rules",
    "default_security_group_rule",
    "default_security_group_rules",
);
/// `/v2.0/flavors`.
pub const FLAVORS: Collection = coll("flavors", "flavor", "flavors");
/// `/v2.0/service_profiles`.
pub const SERVICE_PROFILES: Collection =
    coll("service_profiles", "service_profile", "service_profiles");
/// `/v2.0/service-providers`.
pub const SERVICE_PROVIDERS: Collection =
    coll("service-providers", "service_provider", "service_providers");
/// `/v2.0/agents`.
pub const AGENTS: Collection = coll("agents", "agent", "agents");
/// `/v2.0/networks/{id}/dhcp-agents` (use with `list_in`).
pub const DHCP_AGENTS: Collection = coll("dhcp-agents", "agent", "agents");
/// `/v2.0/routers/{id}/l3-agents` (use with `list_in`).
pub const L3_AGENTS: Collection = coll("l3-agents", "agent", "agents");
/// `/v2.0/extensions`.
pub const EXTENSIONS: Collection = coll("extensions", "extension", "extensions");
/// `/v2.0/qos/rule-types`.
pub const QOS_RULE_TYPES: Collection = coll("qos/rule-types", "rule_type", "rule_types");
/// `/v2.0/qos/policies/{id}/bandwidth_limit_rules` (use with `…_in`).
pub const QOS_BANDWIDTH_LIMIT_RULES: Collection = coll(
    "bandwidth_limit_rules",
    "bandwidth_limit_rule",
    "bandwidth_limit_rules",
);
/// `/v2.0/qos/policies/{id}/dscp_marking_rules` (use with `…_in`).
pub const QOS_DSCP_MARKING_RULES: Collection = coll(
    "dscp_marking_rules",
    "dscp_marking_rule",
    "dscp_marking_rules",
);
/// `/v2.0/qos/policies/{id}/minimum_bandwidth_rules` (use with `…_in`).
pub const QOS_MINIMUM_BANDWIDTH_RULES: Collection = coll(
    "minimum_bandwidth_rules",
    "minimum_bandwidth_rule",
    "minimum_bandwidth_rules",
);
/// `/v2.0/qos/policies/{id}/minimum_packet_rate_rules` (use with `…_in`).
pub const QOS_MINIMUM_PACKET_RATE_RULES: Collection = coll(
    "minimum_packet_rate_rules",
    "minimum_packet_rate_rule",
    "minimum_packet_rate_rules",
);
/// `/v2.0/qos/policies/{id}/packet_rate_limit_rules` (use with `…_in`).
pub const QOS_PACKET_RATE_LIMIT_RULES: Collection = coll(
    "packet_rate_limit_rules",
    "packet_rate_limit_rule",
    "packet_rate_limit_rules",
);
/// `/v2.0/trunks`.
pub const TRUNKS: Collection = coll("trunks", "trunk", "trunks");
/// `/v2.0/metering/metering-labels`.
pub const METERING_LABELS: Collection = coll(
    "metering/metering-labels",
    "metering_label",
    "metering_labels",
);
/// `/v2.0/metering/metering-label-rules`.
pub const METERING_LABEL_RULES: Collection = coll(
    "metering/metering-label-rules",
    "metering_label_rule",
    "metering_label_rules",
);
/// `/v2.0/routers/{id}/conntrack_helpers` (use with `…_in`).
pub const CONNTRACK_HELPERS: Collection =
    coll("conntrack_helpers", "conntrack_helper", "conntrack_helpers");
/// `/v2.0/floatingips/{id}/port_forwardings` (use with `…_in`).
pub const PORT_FORWARDINGS: Collection =
    coll("port_forwardings", "port_forwarding", "port_forwardings");
/// `/v2.0/ndp_proxies`.
pub const NDP_PROXIES: Collection = coll("ndp_proxies", "ndp_proxy", "ndp_proxies");
/// `/v2.0/local_ips`.
pub const LOCAL_IPS: Collection = coll("local_ips", "local_ip", "local_ips");
/// `/v2.0/local_ips/{id}/port_associations` (use with `…_in`).
pub const LOCAL_IP_ASSOCIATIONS: Collection =
    coll("port_associations", "port_association", "port_associations");
/// `/v2.0/auto-allocated-topology`.
pub const AUTO_ALLOCATED_TOPOLOGY: Collection = coll(
    "auto-allocated-topology",
    "auto_allocated_topology",
    "auto_allocated_topologies",
);
/// `/v2.0/network_segment_ranges`.
pub const NETWORK_SEGMENT_RANGES: Collection = coll(
    "network_segment_ranges",
    "network_segment_range",
    "network_segment_ranges",
);

/// An openstacksdk network resource class: its collection, class name (for messages) and
/// attributes, which decide the fields `show` prints (`Resource.to_dict()`).
#[derive(Clone, Copy, Debug)]
pub struct Resource {
    /// The REST collection.
    pub coll: Collection,
    /// openstacksdk class name (`Network`), used in `No Network found for x`.
    pub class: &'static str,
    /// `(attribute, body key)` in openstacksdk's `_attributes_iterator` order; an empty body
    /// key marks a computed attribute (`location`). The first of two equal attribute names wins.
    pub attrs: &'static [(&'static str, &'static str)],
    /// Attributes whose openstacksdk default is `False` (absent → `false`, not `None`).
    pub false_by_default: &'static [&'static str],
    /// Attributes openstacksdk converts with `int()` (neutron sends subnet pool prefix
    /// lengths as strings).
    pub ints: &'static [&'static str],
    /// Whether `name` is one of the class's query parameters: openstacksdk's `find` lists
    /// with `name=` only then, else it lists everything and matches names itself.
    pub name_query: bool,
    /// Whether the class keeps body keys it has no attribute for
    /// (`_allow_unknown_attrs_in_body`, true for nearly every network class).
    pub keep_unknown: bool,
}

impl Resource {
    /// openstacksdk `to_dict(body=True, headers=False, ignore_none=False)` of a resource
    /// built from `body`: the server's keys the class does not know (network resources keep
    /// them), then every attribute by its Python name (`None`, or its default, when absent;
    /// `tags` defaults to `[]`).
    pub fn to_dict(&self, body: &Value) -> Map<String, Value> {
        let empty = Map::new();
        let b = body.as_object().unwrap_or(&empty);
        let mut out = Map::new();
        for (k, v) in b.iter().filter(|_| self.keep_unknown) {
            if !self.attrs.iter().any(|(_, key)| key == k) {
                out.insert(k.clone(), v.clone());
            }
        }
        for (attr, key) in self.attrs {
            if out.contains_key(*attr) {
                continue;
            }
            let v = match b.get(*key) {
                Some(Value::String(t)) if self.ints.contains(attr) => t
                    .trim()
                    .parse::<i64>()
                    .map_or_else(|_| json!(t), |i| json!(i)),
                Some(v) if !key.is_empty() => v.clone(),
                _ if *attr == "tags" => json!([]),
                _ if self.false_by_default.contains(attr) => json!(false),
                _ => Value::Null,
            };
            out.insert(attr.to_string(), v);
        }
        out
    }
}

macro_rules! attrs {
    ($($a:literal $(= $k:literal)?),* $(,)?) => {
        &[$(attrs!(@one $a $(= $k)?)),*]
    };
    (@one $a:literal) => { ($a, $a) };
    (@one $a:literal = $k:literal) => { ($a, $k) };
}

/// A resource class; `tagged` adds the tail of `NetworkResource` + `TagMixin` classes
/// (`revision_number`, `id`, `name`, `location`, `tags`), `bare` takes the whole list.
macro_rules! resource {
    ($coll:expr, $class:literal, [$($body:tt)*], false: [$($f:literal),*] $(, int: [$($i:literal),*])?) => {
        resource!(bare $coll, $class, [$($body)* "revision_number", "id", "name", "location" = "", "tags"],
                  false: [$($f),*] $(, int: [$($i),*])?)
    };
    (bare $coll:expr, $class:literal, [$($body:tt)*], false: [$($f:literal),*] $(, int: [$($i:literal),*])?) => {
        Resource {
            coll: $coll,
            class: $class,
            attrs: attrs!($($body)*),
            false_by_default: &[$($f),*],
            ints: &[$($($i),*)?],
            name_query: true,
            keep_unknown: true,
        }
    };
}

/// openstacksdk `network.v2.network.Network`.
pub const NETWORK: Resource = resource!(NETWORKS, "Network", [
    "availability_zone_hints", "availability_zones", "created_at", "description", "dns_domain",
    "ipv4_address_scope_id" = "ipv4_address_scope", "ipv6_address_scope_id" = "ipv6_address_scope",
    "is_admin_state_up" = "admin_state_up", "is_default", "is_port_security_enabled" = "port_security_enabled",
    "is_router_external" = "router:external", "is_shared" = "shared", "mtu", "name", "project_id",
    "provider_network_type" = "provider:network_type",
    "provider_physical_network" = "provider:physical_network",
    "provider_segmentation_id" = "provider:segmentation_id", "pvlan", "qos_policy_id", "segments",
    "status", "subnet_ids" = "subnets", "updated_at", "is_vlan_transparent" = "vlan_transparent",
    "is_vlan_qinq" = "vlan_qinq",
], false: ["is_port_security_enabled", "is_router_external"]);

/// openstacksdk `network.v2.subnet.Subnet`.
pub const SUBNET: Resource = resource!(SUBNETS, "Subnet", [
    "allocation_pools", "cidr", "created_at", "description", "dns_nameservers",
    "dns_publish_fixed_ip", "gateway_ip", "host_routes", "ip_version", "ipv6_address_mode",
    "ipv6_ra_mode", "is_dhcp_enabled" = "enable_dhcp", "name", "network_id",
    "prefix_length" = "prefixlen", "project_id", "tenant_id", "segment_id", "service_types",
    "subnet_pool_id" = "subnetpool_id", "updated_at",
    "use_default_subnet_pool" = "use_default_subnetpool",
], false: []);

/// openstacksdk `network.v2.subnet_pool.SubnetPool`.
pub const SUBNET_POOL: Resource = resource!(SUBNET_POOLS, "SubnetPool", [
    "address_scope_id", "created_at", "default_prefix_length" = "default_prefixlen",
    "default_quota", "description", "ip_version", "is_default", "is_shared" = "shared",
    "maximum_prefix_length" = "max_prefixlen", "minimum_prefix_length" = "min_prefixlen", "name",
    "project_id", "tenant_id", "prefixes", "revision_number", "updated_at",
], false: [], int: ["default_prefix_length", "default_quota", "ip_version",
    "maximum_prefix_length", "minimum_prefix_length"]);

/// openstacksdk `network.v2.port.Port`.
pub const PORT: Resource = resource!(PORTS, "Port", [
    "allowed_address_pairs", "binding_host_id" = "binding:host_id",
    "binding_profile" = "binding:profile", "binding_vif_details" = "binding:vif_details",
    "binding_vif_type" = "binding:vif_type", "binding_vnic_type" = "binding:vnic_type",
    "created_at", "data_plane_status", "description", "device_id", "device_owner",
    "device_profile", "dns_assignment", "dns_domain", "dns_name", "extra_dhcp_opts", "fixed_ips",
    "hardware_offload_type", "ip_allocation", "is_admin_state_up" = "admin_state_up",
    "is_port_security_enabled" = "port_security_enabled", "mac_address", "name", "network_id",
    "numa_affinity_policy", "project_id", "tenant_id", "propagate_uplink_status", "pvlan_type",
    "pvlan_community", "qos_network_policy_id", "qos_policy_id", "resource_request",
    "security_group_ids" = "security_groups", "status", "trunk_details", "trusted", "updated_at",
], false: ["is_port_security_enabled"]);

/// openstacksdk `network.v2.router.Router`.
pub const ROUTER: Resource = resource!(ROUTERS, "Router", [
    "availability_zone_hints", "availability_zones", "created_at", "description",
    "enable_ndp_proxy", "evpn_vni", "external_gateway_info", "flavor_id",
    "is_admin_state_up" = "admin_state_up", "is_distributed" = "distributed", "is_ha" = "ha",
    "name", "project_id", "tenant_id", "routes", "status",
    "updated_at",
], false: []);

/// openstacksdk `network.v2.floating_ip.FloatingIP` (its `name` is the address; no `name`
/// filter).
pub const FLOATING_IP: Resource = Resource {
    name_query: false,
    ..resource!(FLOATING_IPS, "FloatingIP", [
        "created_at", "description", "dns_domain", "dns_name", "fixed_ip_address",
        "floating_ip_address", "name" = "floating_ip_address", "floating_network_id",
        "port_details", "port_id", "qos_policy_id", "project_id", "tenant_id", "router_id",
        "status", "updated_at", "subnet_id",
    ], false: [])
};

/// openstacksdk `network.v2.security_group.SecurityGroup`.
pub const SECURITY_GROUP: Resource = resource!(SECURITY_GROUPS, "SecurityGroup", [
    "created_at", "description", "name", "stateful", "project_id", "security_group_rules",
    "tenant_id", "updated_at", "is_shared" = "shared",
], false: []);

/// openstacksdk `network.v2.security_group_rule.SecurityGroupRule` (no `name` filter).
pub const SECURITY_GROUP_RULE: Resource = Resource {
    name_query: false,
    ..resource!(SECURITY_GROUP_RULES, "SecurityGroupRule", [
        "created_at", "description", "direction", "ether_type" = "ethertype", "port_range_max",
        "port_range_min", "project_id", "protocol", "remote_group_id", "remote_address_group_id",
        "remote_ip_prefix", "security_group_id", "tenant_id", "updated_at",
    ], false: [])
};

/// openstacksdk `network.v2.default_security_group_rule.DefaultSecurityGroupRule` (no `name`
/// filter).
pub const DEFAULT_SECURITY_GROUP_RULE: Resource = Resource {
    name_query: false,
    ..resource!(bare DEFAULT_SECURITY_GROUP_RULES, "DefaultSecurityGroupRule", [
        "description", "remote_group_id", "remote_address_group_id", "direction", "protocol",
        "port_range_min", "port_range_max", "remote_ip_prefix", "ether_type" = "ethertype",
        "used_in_default_sg", "used_in_non_default_sg", "revision_number", "id", "name",
        "location" = "",
    ], false: [])
};

/// openstacksdk `network.v2.flavor.Flavor`.
pub const FLAVOR: Resource = resource!(bare FLAVORS, "Flavor", [
    "description", "is_enabled" = "enabled", "name", "service_type",
    "service_profile_ids" = "service_profiles", "id", "name", "location" = "",
], false: []);

/// openstacksdk `network.v2.service_profile.ServiceProfile` (no `name` filter).
pub const SERVICE_PROFILE: Resource = Resource {
    name_query: false,
    ..resource!(bare SERVICE_PROFILES, "ServiceProfile", [
        "description", "driver", "is_enabled" = "enabled", "meta_info" = "metainfo",
        "project_id", "tenant_id", "id", "name", "location" = "",
    ], false: [])
};

/// openstacksdk `network.v2.service_provider.ServiceProvider`.
pub const SERVICE_PROVIDER: Resource = resource!(bare SERVICE_PROVIDERS, "ServiceProvider", [
    "service_type", "name", "is_default" = "default", "id", "name", "location" = "",
], false: []);

/// openstacksdk `network.v2.agent.Agent`.
pub const AGENT: Resource = resource!(bare AGENTS, "Agent", [
    "agent_type", "availability_zone", "binary", "configuration" = "configurations",
    "created_at", "description", "last_heartbeat_at" = "heartbeat_timestamp", "host",
    "is_admin_state_up" = "admin_state_up", "is_alive" = "alive", "resources_synced",
    "started_at", "topic", "ha_state", "id", "name", "location" = "",
], false: []);

/// openstacksdk `network.v2.qos_policy.QoSPolicy`.
pub const QOS_POLICY: Resource = resource!(bare QOS_POLICIES, "QoSPolicy", [
    "name", "project_id", "tenant_id", "description", "is_default", "is_shared" = "shared",
    "rules", "id", "name", "location" = "", "tags",
], false: []);

/// openstacksdk's QoS rule classes (`QoSBandwidthLimitRule`…), without their URI attribute
/// `qos_policy_id` (which `to_dict` leaves out). No `name` filter.
macro_rules! qos_rule {
    ($coll:expr, $class:literal, [$($body:tt)*]) => {
        Resource {
            name_query: false,
            ..resource!(bare $coll, $class, [$($body)* "id", "name", "location" = ""],
                        false: [])
        }
    };
}

/// openstacksdk `network.v2.qos_bandwidth_limit_rule.QoSBandwidthLimitRule`.
pub const QOS_BANDWIDTH_LIMIT_RULE: Resource = qos_rule!(
    QOS_BANDWIDTH_LIMIT_RULES,
    "QoSBandwidthLimitRule",
    ["max_kbps", "max_burst_kbps", "direction",]
);
/// openstacksdk `network.v2.qos_dscp_marking_rule.QoSDSCPMarkingRule`.
pub const QOS_DSCP_MARKING_RULE: Resource =
    qos_rule!(QOS_DSCP_MARKING_RULES, "QoSDSCPMarkingRule", ["dscp_mark",]);
/// openstacksdk `network.v2.qos_minimum_bandwidth_rule.QoSMinimumBandwidthRule`.
pub const QOS_MINIMUM_BANDWIDTH_RULE: Resource = qos_rule!(
    QOS_MINIMUM_BANDWIDTH_RULES,
    "QoSMinimumBandwidthRule",
    ["min_kbps", "direction",]
);
/// openstacksdk `network.v2.qos_minimum_packet_rate_rule.QoSMinimumPacketRateRule`.
pub const QOS_MINIMUM_PACKET_RATE_RULE: Resource = qos_rule!(
    QOS_MINIMUM_PACKET_RATE_RULES,
    "QoSMinimumPacketRateRule",
    ["direction", "min_kpps",]
);
/// openstacksdk `network.v2.qos_packet_rate_limit_rule.QoSPacketRateLimitRule`.
pub const QOS_PACKET_RATE_LIMIT_RULE: Resource = qos_rule!(
    QOS_PACKET_RATE_LIMIT_RULES,
    "QoSPacketRateLimitRule",
    ["max_kpps", "max_burst_kpps", "direction",]
);

/// openstacksdk `network.v2.qos_rule_type.QoSRuleType` (its ID is the type).
pub const QOS_RULE_TYPE: Resource = Resource {
    name_query: false,
    ..resource!(bare QOS_RULE_TYPES, "QoSRuleType", [
        "type", "drivers", "id" = "type", "name", "location" = "",
    ], false: [])
};

/// openstacksdk `network.v2.trunk.Trunk`.
pub const TRUNK: Resource = resource!(bare TRUNKS, "Trunk", [
    "name", "project_id", "tenant_id", "description", "is_admin_state_up" = "admin_state_up",
    "port_id", "status", "sub_ports", "id", "name", "location" = "", "tags",
], false: []);

/// openstacksdk `network.v2.metering_label.MeteringLabel`.
pub const METERING_LABEL: Resource = resource!(bare METERING_LABELS, "MeteringLabel", [
    "description", "name", "project_id", "tenant_id", "is_shared" = "shared", "id", "name",
    "location" = "",
], false: []);

/// openstacksdk `network.v2.metering_label_rule.MeteringLabelRule` (no `name` filter).
pub const METERING_LABEL_RULE: Resource = Resource {
    name_query: false,
    ..resource!(bare METERING_LABEL_RULES, "MeteringLabelRule", [
        "direction", "is_excluded" = "excluded", "metering_label_id", "project_id", "tenant_id",
        "remote_ip_prefix", "source_ip_prefix", "destination_ip_prefix", "id", "name",
        "location" = "",
    ], false: [])
};

/// openstacksdk `network.v2.network_segment_range.NetworkSegmentRange`.
pub const NETWORK_SEGMENT_RANGE: Resource = resource!(bare NETWORK_SEGMENT_RANGES,
    "NetworkSegmentRange", [
    "name", "default", "shared", "project_id", "network_type", "physical_network", "minimum",
    "maximum", "used", "available", "id", "name", "location" = "",
], false: [], int: ["minimum", "maximum"]);

/// openstacksdk `network.v2.l3_conntrack_helper.ConntrackHelper` (keeps no unknown body
/// keys; its URI attribute `router_id` is no part of `to_dict`).
pub const CONNTRACK_HELPER: Resource = Resource {
    name_query: false,
    keep_unknown: false,
    ..resource!(bare CONNTRACK_HELPERS, "ConntrackHelper", [
        "helper", "protocol", "port", "id", "name", "location" = "",
    ], false: [])
};

/// openstacksdk `network.v2.port_forwarding.PortForwarding` (without its URI attribute
/// `floatingip_id`).
pub const PORT_FORWARDING: Resource = Resource {
    name_query: false,
    ..resource!(bare PORT_FORWARDINGS, "PortForwarding", [
        "internal_port_id", "internal_ip_address", "internal_port", "external_port",
        "protocol", "description", "id", "name", "location" = "",
    ], false: [], int: ["internal_port", "external_port"])
};

/// openstacksdk `network.v2.ndp_proxy.NDPProxy`.
pub const NDP_PROXY: Resource = resource!(bare NDP_PROXIES, "NDPProxy", [
    "created_at", "description", "id", "ip_address", "name", "port_id", "project_id",
    "revision_number", "router_id", "updated_at", "location" = "",
], false: []);

/// openstacksdk `network.v2.local_ip.LocalIP`.
pub const LOCAL_IP: Resource = resource!(bare LOCAL_IPS, "LocalIP", [
    "created_at", "description", "id", "ip_mode", "local_ip_address", "local_port_id", "name",
    "network_id", "project_id", "revision_number", "updated_at", "location" = "",
], false: []);

/// openstacksdk `network.v2.local_ip_association.LocalIPAssociation` (without its URI
/// attribute `local_ip_id`).
pub const LOCAL_IP_ASSOCIATION: Resource = Resource {
    name_query: false,
    ..resource!(bare LOCAL_IP_ASSOCIATIONS, "LocalIPAssociation", [
        "fixed_port_id", "fixed_ip", "host", "local_ip_address", "id", "name", "location" = "",
    ], false: [])
};

/// openstacksdk `network.v2.auto_allocated_topology.AutoAllocatedTopology`.
pub const AUTO_ALLOCATED_TOPOLOGY_RESOURCE: Resource = Resource {
    name_query: false,
    ..resource!(bare AUTO_ALLOCATED_TOPOLOGY, "AutoAllocatedTopology", [
        "project_id", "tenant_id", "id", "name", "location" = "",
    ], false: [])
};

/// openstacksdk `network.v2.segment.Segment`.
pub const SEGMENT: Resource = resource!(bare SEGMENTS, "Segment", [
    "description", "name", "network_id", "network_type", "physical_network", "segmentation_id",
    "id", "name", "location" = "",
], false: []);

/// openstacksdk `network.v2.address_scope.AddressScope`.
pub const ADDRESS_SCOPE: Resource = resource!(bare ADDRESS_SCOPES, "AddressScope", [
    "name", "project_id", "tenant_id", "ip_version", "is_shared" = "shared", "id", "name",
    "location" = "",
], false: []);

/// openstacksdk `network.v2.address_group.AddressGroup`.
pub const ADDRESS_GROUP: Resource = resource!(bare ADDRESS_GROUPS, "AddressGroup", [
    "id", "name", "description", "project_id", "tenant_id", "addresses", "location" = "",
], false: []);

/// openstacksdk `network.v2.extension.Extension` (found by alias; no `name` filter).
pub const EXTENSION: Resource = Resource {
    name_query: false,
    ..resource!(bare EXTENSIONS, "Extension", [
        "alias", "description", "links", "name", "updated_at" = "updated", "id" = "alias", "name",
        "location" = "",
    ], false: [])
};

/// openstacksdk `network.v2.network_ip_availability.NetworkIPAvailability` (keyed by network).
pub const IP_AVAILABILITY: Resource = Resource {
    name_query: false,
    ..resource!(bare IP_AVAILABILITIES, "NetworkIPAvailability", [
        "network_id", "network_name", "subnet_ip_availability", "project_id", "tenant_id",
        "total_ips", "used_ips", "ip_availability_details", "id" = "network_id", "name",
        "location" = "",
    ], false: [], int: ["total_ips", "used_ips"])
};

/// openstacksdk `network.v2.rbac_policy.RBACPolicy` (no `name` filter).
pub const RBAC_POLICY: Resource = Resource {
    name_query: false,
    ..resource!(bare RBAC_POLICIES, "RBACPolicy", [
        "object_id", "target_project_id" = "target_tenant", "project_id", "tenant_id",
        "object_type", "action", "id", "name", "location" = "",
    ], false: [])
};

/// Replaces the tags of a resource (`PUT /v2.0/{path}/{id}/tags`, openstacksdk `set_tags`).
pub async fn set_tags(
    s: &Session,
    coll: &Collection,
    id: &str,
    tags: &[String],
) -> Result<(), ClientError> {
    let path = format!("{}/{id}/tags", coll.path);
    s.request(coll.service_type, Method::PUT, &path)
        .api_version("2.0")
        .json(json!({ "tags": tags }))
        .send()
        .await?;
    Ok(())
}

/// `PUT /v2.0/{path}/{id}/{action}` with a JSON body (router `add_router_interface`,
/// `add_extraroutes`…), returning the answer's JSON.
pub async fn put_action(
    s: &Session,
    coll: &Collection,
    id: &str,
    action: &str,
    body: Value,
) -> Result<Value, ClientError> {
    let path = format!("{}/{id}/{action}", coll.path);
    let resp = s
        .request(coll.service_type, Method::PUT, &path)
        .api_version("2.0")
        .json(body)
        .send()
        .await?;
    resp.json()
}

/// `GET /v2.0/{path}/{id}/{action}` (a trunk's `get_subports`), returning the answer's JSON.
pub async fn get_action(
    s: &Session,
    coll: &Collection,
    id: &str,
    action: &str,
) -> Result<Value, ClientError> {
    let path = format!("{}/{id}/{action}", coll.path);
    let resp = s
        .request(coll.service_type, Method::GET, &path)
        .api_version("2.0")
        .send()
        .await?;
    resp.json()
}

/// Associates a service profile with a network flavor
/// (`POST /v2.0/flavors/{id}/service_profiles`).
pub async fn associate_flavor_profile(
    s: &Session,
    flavor_id: &str,
    profile_id: &str,
) -> Result<(), ClientError> {
    let path = format!("{}/{flavor_id}/service_profiles", FLAVORS.path);
    s.request(FLAVORS.service_type, Method::POST, &path)
        .api_version("2.0")
        .json(json!({ "service_profile": { "id": profile_id } }))
        .send()
        .await?;
    Ok(())
}

/// Removes a service profile from a network flavor
/// (`DELETE /v2.0/flavors/{id}/service_profiles/{profile}`).
pub async fn disassociate_flavor_profile(
    s: &Session,
    flavor_id: &str,
    profile_id: &str,
) -> Result<(), ClientError> {
    let path = format!("{}/{flavor_id}/service_profiles/{profile_id}", FLAVORS.path);
    s.request(FLAVORS.service_type, Method::DELETE, &path)
        .api_version("2.0")
        .send()
        .await?;
    Ok(())
}

/// A request on an agent's hosted networks or routers (`/v2.0/agents/{id}/{what}[/{item}]`,
/// `what` = `dhcp-networks` or `l3-routers`), with a JSON body as openstacksdk sends.
pub async fn agent_binding(
    s: &Session,
    method: Method,
    agent_id: &str,
    what: &str,
    item: Option<&str>,
    body: Value,
) -> Result<(), ClientError> {
    let mut path = format!("{}/{agent_id}/{what}", AGENTS.path);
    if let Some(i) = item {
        path = format!("{path}/{i}");
    }
    s.request(AGENTS.service_type, method, &path)
        .api_version("2.0")
        .json(body)
        .send()
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_dict_keeps_unknown_keys_and_fills_defaults() {
        let d = NETWORK.to_dict(&json!({"id": "n1", "admin_state_up": true, "qinq": false,
            "tenant_id": "p", "subnets": ["s"]}));
        assert_eq!(d["qinq"], json!(false));
        assert_eq!(d["tenant_id"], json!("p"));
        assert_eq!(d["is_admin_state_up"], json!(true));
        assert_eq!(d["subnet_ids"], json!(["s"]));
        assert_eq!(d["is_router_external"], json!(false));
        assert_eq!(d["tags"], json!([]));
        assert_eq!(d["mtu"], Value::Null);
        assert_eq!(d["location"], Value::Null);
        assert!(!d.contains_key("admin_state_up"));
        let r = ROUTER.to_dict(&json!({"revision_number": 3}));
        assert_eq!(r["revision_number"], 3);
    }
}
