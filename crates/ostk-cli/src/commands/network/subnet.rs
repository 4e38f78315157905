//! `subnet create/delete/list/set/show/unset` (openstackclient/network/v2/subnet.py).

use super::common::{self as c, Fmt, Formatters};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::{NETWORK, SEGMENT, SUBNET, SUBNET_POOL};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

crate::network_tag_args!(TagCreate, TagSet, TagUnset, TagFilter, "subnet", "subnets");

fn items(v: &Value) -> &[Value] {
    v.as_array().map(Vec::as_slice).unwrap_or_default()
}

/// `AllocationPoolsColumn`: `start-end,start-end`.
fn allocation_pools(v: &Value) -> String {
    items(v)
        .iter()
        .map(|p| {
            let s = |k: &str| p.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            format!("{}-{}", s("start"), s("end"))
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// `HostRoutesColumn`: one `destination='…', gateway='…'` line per route.
fn host_routes(v: &Value) -> String {
    items(v)
        .iter()
        .filter_map(Value::as_object)
        .map(|r| ostk_output::format_dict(&nexthop_to(r, "nexthop", "gateway")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `UnsortedListColumn`.
fn unsorted_list(v: &Value) -> String {
    items(v)
        .iter()
        .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `convert_entries_to_nexthop`/`_to_gateway` for one route: key `from` renamed `to`.
fn nexthop_to(r: &Map<String, Value>, from: &str, to: &str) -> Map<String, Value> {
    let mut r = r.clone();
    if let Some(v) = r.remove(from) {
        r.insert(to.to_string(), v);
    }
    r
}

const FORMATTERS: Formatters = &[
    ("allocation_pools", Fmt::Human(allocation_pools)),
    ("dns_nameservers", Fmt::Human(unsorted_list)),
    ("host_routes", Fmt::Human(host_routes)),
    ("service_types", Fmt::List),
    ("tags", Fmt::List),
];

fn record(body: &Value) -> Output {
    Output::One(c::show_record(
        &SUBNET,
        body,
        &[
            ("is_dhcp_enabled", "enable_dhcp"),
            ("subnet_pool_id", "subnetpool_id"),
        ],
        &[
            "location",
            "use_default_subnet_pool",
            "prefix_length",
            "tenant_id",
        ],
        FORMATTERS,
    ))
}

fn parse_pool(s: &str) -> Result<BTreeMap<String, String>, crate::render::ArgumentError> {
    c::parse_multi_kv_keys(s, &["start", "end"], &[])
}

fn parse_route(s: &str) -> Result<BTreeMap<String, String>, crate::render::ArgumentError> {
    c::parse_multi_kv_keys(s, &["destination", "gateway"], &[])
}

fn pools_json(p: &[BTreeMap<String, String>]) -> Vec<Value> {
    p.iter().map(|m| json!(m)).collect()
}

/// `--host-route` values as the API wants them (`gateway` → `nexthop`).
fn routes_json(r: &[BTreeMap<String, String>]) -> Vec<Value> {
    r.iter()
        .map(|m| {
            let o: Map<String, Value> = m.iter().map(|(k, v)| (k.clone(), json!(v))).collect();
            Value::Object(nexthop_to(&o, "gateway", "nexthop"))
        })
        .collect()
}

/// `--dhcp`/`--no-dhcp`, `--dns-publish-fixed-ip`/`--no-…`, `--network-segment`,
/// `--description` as `_get_attrs` maps them.
fn common_attrs(
    ctx: &mut Context,
    a: &mut Map<String, Value>,
    segment: Option<&str>,
    dhcp: Option<bool>,
    dns_publish: Option<bool>,
    description: Option<&str>,
) -> Result<(), CliError> {
    if let Some(seg) = segment {
        a.insert("segment_id".into(), json!(c::find_id(ctx, &SEGMENT, seg)?));
    }
    c::put(a, "enable_dhcp", dhcp);
    c::put(a, "dns_publish_fixed_ip", dns_publish);
    c::put(a, "description", description);
    Ok(())
}

/// Create a subnet
#[derive(clap::Args, Debug)]
pub struct CreateSubnet {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// New subnet name
    #[arg(value_name = "<name>")]
    name: String,
    /// Owner's project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Subnet pool from which this subnet will obtain a CIDR (Name or ID)
    #[arg(long, value_name = "<subnet-pool>", group = "pool_g")]
    subnet_pool: Option<String>,
    /// Use 'prefix-delegation' if IP is IPv6 format and IP would be delegated externally
    #[arg(long, group = "pool_g")]
    use_prefix_delegation: bool,
    /// Use default subnet pool for --ip-version
    #[arg(long, group = "pool_g")]
    use_default_subnet_pool: bool,
    /// Prefix length for subnet allocation from subnet pool
    #[arg(long, value_name = "<prefix-length>")]
    prefix_length: Option<String>,
    /// Subnet range in CIDR notation (required if --subnet-pool is not specified, optional
    /// otherwise)
    #[arg(long, value_name = "<subnet-range>")]
    subnet_range: Option<String>,
    /// Enable DHCP (default)
    #[arg(long, group = "dhcp_g")]
    dhcp: bool,
    /// Disable DHCP
    #[arg(long, group = "dhcp_g")]
    no_dhcp: bool,
    /// Enable publishing fixed IPs in DNS
    #[arg(long, group = "dnsp_g")]
    dns_publish_fixed_ip: bool,
    /// Disable publishing fixed IPs in DNS (default)
    #[arg(long, group = "dnsp_g")]
    no_dns_publish_fixed_ip: bool,
    /// Specify a gateway for the subnet.  The three options are: <ip-address>: Specific IP
    /// address to use as the gateway, 'auto': Gateway address should automatically be chosen
    /// from within the subnet itself, 'none': This subnet will not use a gateway. For
    /// example, --gateway 192.168.9.1, --gateway auto or --gateway none (default is 'auto').
    #[arg(
        long,
        value_name = "<gateway>",
        default_value = "auto",
        hide_default_value = true,
        verbatim_doc_comment
    )]
    gateway: String,
    /// IP version (default is 4). Note that when subnet pool is specified, IP version is
    /// determined from the subnet pool and this option is ignored.
    #[arg(long, value_name = "{4,6}", value_parser = ["4", "6"], hide_possible_values = true,
          default_value = "4", hide_default_value = true, verbatim_doc_comment)]
    ip_version: String,
    /// IPv6 RA (Router Advertisement) mode, valid modes: [dhcpv6-stateful, dhcpv6-stateless,
    /// slaac]
    #[arg(long, value_name = "{dhcpv6-stateful,dhcpv6-stateless,slaac}",
          value_parser = ["dhcpv6-stateful", "dhcpv6-stateless", "slaac"], hide_possible_values = true)]
    ipv6_ra_mode: Option<String>,
    /// IPv6 address mode, valid modes: [dhcpv6-stateful, dhcpv6-stateless, slaac]
    #[arg(long, value_name = "{dhcpv6-stateful,dhcpv6-stateless,slaac}",
          value_parser = ["dhcpv6-stateful", "dhcpv6-stateless", "slaac"], hide_possible_values = true)]
    ipv6_address_mode: Option<String>,
    /// Network segment to associate with this subnet (name or ID)
    #[arg(long, value_name = "<network-segment>")]
    network_segment: Option<String>,
    /// Network this subnet belongs to (name or ID)
    #[arg(long, value_name = "<network>", required = true)]
    network: String,
    /// Set subnet description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Allocation pool IP addresses for this subnet, for example,
    /// start=192.168.199.2,end=192.168.199.254 (repeat option to add multiple IP addresses)
    #[arg(long, value_name = "start=<ip-address>,end=<ip-address>", value_parser = parse_pool,
          action = clap::ArgAction::Append)]
    allocation_pool: Vec<BTreeMap<String, String>>,
    /// DNS server for this subnet (repeat option to set multiple DNS servers)
    #[arg(long, value_name = "<dns-nameserver>", action = clap::ArgAction::Append)]
    dns_nameserver: Vec<String>,
    /// Additional route for this subnet, for example,
    /// destination=10.10.0.0/16,gateway=192.168.71.254 destination: destination subnet (in
    /// CIDR notation) gateway: next-hop IP address (repeat option to add multiple routes)
    #[arg(long, value_name = "destination=<subnet>,gateway=<ip-address>", value_parser = parse_route,
          action = clap::ArgAction::Append)]
    host_route: Vec<BTreeMap<String, String>>,
    /// Service type for this subnet, for example, network:floatingip_agent_gateway. Must be a
    /// valid device owner value for a network port (repeat option to set multiple service
    /// types)
    #[arg(long, value_name = "<service-type>", action = clap::ArgAction::Append)]
    service_type: Vec<String>,
    #[command(flatten)]
    tags: TagCreate,
}

impl Command for CreateSubnet {
    const WORDS: &'static str = "subnet create";
    const ABOUT: &'static str = "Create a subnet";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut a = Map::new();
        a.insert("name".into(), json!(self.name));
        c::put_project(
            ctx,
            &mut a,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        a.insert(
            "network_id".into(),
            json!(c::find_id(ctx, &NETWORK, &self.network)?),
        );
        if let Some(p) = &self.subnet_pool {
            a.insert(
                "subnetpool_id".into(),
                json!(c::find_id(ctx, &SUBNET_POOL, p)?),
            );
        }
        if self.use_prefix_delegation {
            a.insert("subnetpool_id".into(), json!("prefix_delegation"));
        }
        if self.use_default_subnet_pool {
            a.insert("use_default_subnetpool".into(), json!(true));
        }
        c::put(&mut a, "prefixlen", self.prefix_length.as_deref());
        c::put(&mut a, "cidr", self.subnet_range.as_deref());
        a.insert(
            "ip_version".into(),
            json!(self.ip_version.parse::<i64>().unwrap_or(4)),
        );
        c::put(&mut a, "ipv6_ra_mode", self.ipv6_ra_mode.as_deref());
        c::put(
            &mut a,
            "ipv6_address_mode",
            self.ipv6_address_mode.as_deref(),
        );
        common_attrs(
            ctx,
            &mut a,
            self.network_segment.as_deref(),
            c::flag_pair(self.dhcp, self.no_dhcp),
            c::flag_pair(self.dns_publish_fixed_ip, self.no_dns_publish_fixed_ip),
            self.description.as_deref(),
        )?;
        match self.gateway.to_lowercase().as_str() {
            "auto" => {}
            "none" => {
                a.insert("gateway_ip".into(), Value::Null);
            }
            g => {
                a.insert("gateway_ip".into(), json!(g));
            }
        }
        if !self.allocation_pool.is_empty() {
            a.insert(
                "allocation_pools".into(),
                json!(pools_json(&self.allocation_pool)),
            );
        }
        if !self.dns_nameserver.is_empty() {
            a.insert("dns_nameservers".into(), json!(self.dns_nameserver));
        }
        if !self.host_route.is_empty() {
            a.insert("host_routes".into(), json!(routes_json(&self.host_route)));
        }
        if !self.service_type.is_empty() {
            a.insert("service_types".into(), json!(self.service_type));
        }
        let obj = c::create_tagged(
            ctx,
            &SUBNET,
            a,
            &self.extra,
            &self.tags.tags,
            self.tags.no_tag,
        )?;
        Ok(record(&obj))
    }
}

crate::network_delete_command!(
    DeleteSubnet,
    "subnet delete",
    "Delete subnet(s)",
    subnet,
    "<subnet>",
    "Subnet(s) to delete (name or ID)",
    SUBNET,
    "subnet",
    "subnets"
);

/// List subnets
#[derive(clap::Args, Debug)]
pub struct ListSubnet {
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    /// List only subnets with the specified IP version. Allowed values for IP version are 4
    /// and 6.
    #[arg(long, value_name = "<ip-version>", value_parser = ["4", "6"], hide_possible_values = true,
          verbatim_doc_comment)]
    ip_version: Option<String>,
    /// List only subnets which have DHCP enabled
    #[arg(long, group = "dhcp_g")]
    dhcp: bool,
    /// List only subnets which have DHCP disabled
    #[arg(long, group = "dhcp_g")]
    no_dhcp: bool,
    /// List only subnets with the specified service type, for example, network:floatingip_agent_gateway. Must be a valid device owner value for a network port (repeat option to list multiple service types).
    #[arg(long, value_name = "<service-type>", action = clap::ArgAction::Append, verbatim_doc_comment)]
    service_type: Vec<String>,
    /// List only subnets with the specified project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// List only subnets which belong to the specified network (name or ID)
    #[arg(long, value_name = "<network>")]
    network: Option<String>,
    /// List only subnets with the specified gateway IP
    #[arg(long, value_name = "<gateway>")]
    gateway: Option<String>,
    /// List only subnets with the specified name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// List only subnets with the specified subnet range (in CIDR notation). For example,
    /// --subnet-range 10.10.0.0/16
    #[arg(long, value_name = "<subnet-range>")]
    subnet_range: Option<String>,
    /// List only subnets which belong to the specified subnet pool (name or ID)
    #[arg(long, value_name = "<subnet-pool>")]
    subnet_pool: Option<String>,
    #[command(flatten)]
    tags: TagFilter,
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListSubnet {
    const WORDS: &'static str = "subnet list";
    const ABOUT: &'static str = "List subnets";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut q: Vec<(&str, String)> = Vec::new();
        if let Some(v) = &self.ip_version {
            q.push(("ip_version", v.clone()));
        }
        if let Some(b) = c::flag_pair(self.dhcp, self.no_dhcp) {
            q.push(("enable_dhcp", c::py_bool(b)));
        }
        for t in &self.service_type {
            q.push(("service_types", t.clone()));
        }
        c::push_project(
            ctx,
            &mut q,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        if let Some(n) = self.network.as_deref().filter(|n| !n.is_empty()) {
            q.push(("network_id", c::find_id(ctx, &NETWORK, n)?));
        }
        for (k, v) in [
            ("gateway_ip", &self.gateway),
            ("name", &self.name),
            ("cidr", &self.subnet_range),
        ] {
            if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
                q.push((k, v.clone()));
            }
        }
        if let Some(p) = self.subnet_pool.as_deref().filter(|n| !n.is_empty()) {
            q.push(("subnetpool_id", c::find_id(ctx, &SUBNET_POOL, p)?));
        }
        self.tags.apply(&mut q);
        self.page.apply(&mut q);
        let items = c::list(ctx, &SUBNET, &q, self.page.max_items)?;
        let mut cols = vec![
            ("ID", "id"),
            ("Name", "name"),
            ("Network", "network_id"),
            ("Subnet", "cidr"),
        ];
        if self.long {
            cols.extend([
                ("Project", "project_id"),
                ("DHCP", "is_dhcp_enabled"),
                ("Name Servers", "dns_nameservers"),
                ("Allocation Pools", "allocation_pools"),
                ("Host Routes", "host_routes"),
                ("IP Version", "ip_version"),
                ("Gateway", "gateway_ip"),
                ("Service Types", "service_types"),
                ("Tags", "tags"),
            ]);
        }
        Ok(Output::List(c::listing(&SUBNET, &items, &cols, FORMATTERS)))
    }
}

/// Set subnet properties
#[derive(clap::Args, Debug)]
pub struct SetSubnet {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Subnet to modify (name or ID)
    #[arg(value_name = "<subnet>")]
    subnet: String,
    /// Updated name of the subnet
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Enable DHCP
    #[arg(long, group = "dhcp_g")]
    dhcp: bool,
    /// Disable DHCP
    #[arg(long, group = "dhcp_g")]
    no_dhcp: bool,
    /// Enable publishing fixed IPs in DNS
    #[arg(long, group = "dnsp_g")]
    dns_publish_fixed_ip: bool,
    /// Disable publishing fixed IPs in DNS
    #[arg(long, group = "dnsp_g")]
    no_dns_publish_fixed_ip: bool,
    /// Specify a gateway for the subnet. The options are: <ip-address>: Specific IP address to use as the gateway, 'none': This subnet will not use a gateway. For example, --gateway 192.168.9.1 or --gateway none.
    #[arg(long, value_name = "<gateway>", verbatim_doc_comment)]
    gateway: Option<String>,
    /// Network segment to associate with this subnet (name or ID). It is only allowed to set the segment if the current value is `None`. The network must also have only one segment and only one subnet can exist on the network.
    #[arg(long, value_name = "<network-segment>", verbatim_doc_comment)]
    network_segment: Option<String>,
    /// Set subnet description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Leak subnet routes to the underlay BGP fabric (ovn-bgp extension required)
    #[arg(long, group = "leak_g")]
    leak_routes: bool,
    /// Do not leak subnet routes to the underlay BGP fabric (ovn-bgp extension required)
    #[arg(long, group = "leak_g")]
    no_leak_routes: bool,
    #[command(flatten)]
    tags: TagSet,
    /// Allocation pool IP addresses for this subnet, for example,
    /// start=192.168.199.2,end=192.168.199.254 (repeat option to add multiple IP addresses)
    #[arg(long, value_name = "start=<ip-address>,end=<ip-address>", value_parser = parse_pool,
          action = clap::ArgAction::Append)]
    allocation_pool: Vec<BTreeMap<String, String>>,
    /// Clear associated allocation-pools from the subnet. Specify both --allocation-pool and --no-allocation-pool to overwrite the current allocation pool information.
    #[arg(long, verbatim_doc_comment)]
    no_allocation_pool: bool,
    /// DNS server for this subnet (repeat option to set multiple DNS servers)
    #[arg(long, value_name = "<dns-nameserver>", action = clap::ArgAction::Append)]
    dns_nameserver: Vec<String>,
    /// Clear existing information of DNS Nameservers. Specify both --dns-nameserver and --no-dns-nameserver to overwrite the current DNS Nameserver information.
    #[arg(long, verbatim_doc_comment)]
    no_dns_nameservers: bool,
    /// Additional route for this subnet, for example,
    /// destination=10.10.0.0/16,gateway=192.168.71.254 destination: destination subnet (in
    /// CIDR notation) gateway: next-hop IP address (repeat option to add multiple routes)
    #[arg(long, value_name = "destination=<subnet>,gateway=<ip-address>", value_parser = parse_route,
          action = clap::ArgAction::Append)]
    host_route: Vec<BTreeMap<String, String>>,
    /// Clear associated host-routes from the subnet. Specify both --host-route and --no-host-route to overwrite the current host route information.
    #[arg(long, verbatim_doc_comment)]
    no_host_route: bool,
    /// Service type for this subnet, for example, network:floatingip_agent_gateway. Must be a
    /// valid device owner value for a network port (repeat option to set multiple service
    /// types)
    #[arg(long, value_name = "<service-type>", action = clap::ArgAction::Append)]
    service_type: Vec<String>,
}

/// `new` (+ the subnet's current `key` unless `clear`), or `[]` when only `clear` was given.
fn merged(a: &mut Map<String, Value>, obj: &Value, key: &str, new: Vec<Value>, clear: bool) {
    if !new.is_empty() {
        let mut v = new;
        if !clear {
            v.extend(items(&obj[key]).iter().cloned());
        }
        a.insert(key.into(), json!(v));
    } else if clear {
        a.insert(key.into(), json!([]));
    }
}

impl Command for SetSubnet {
    const WORDS: &'static str = "subnet set";
    const ABOUT: &'static str = "Set subnet properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &SUBNET, &self.subnet)?;
        let mut a = Map::new();
        c::put(&mut a, "name", self.name.as_deref());
        common_attrs(
            ctx,
            &mut a,
            self.network_segment.as_deref(),
            c::flag_pair(self.dhcp, self.no_dhcp),
            c::flag_pair(self.dns_publish_fixed_ip, self.no_dns_publish_fixed_ip),
            self.description.as_deref(),
        )?;
        if let Some(g) = &self.gateway {
            match g.to_lowercase().as_str() {
                "auto" => {
                    return Err(CliError::Message(
                        "Auto option is not available for Subnet Set. Valid options are \
                         <ip-address> or none"
                            .into(),
                    ));
                }
                "none" => {
                    a.insert("gateway_ip".into(), Value::Null);
                }
                g => {
                    a.insert("gateway_ip".into(), json!(g));
                }
            }
        }
        merged(
            &mut a,
            &obj,
            "dns_nameservers",
            self.dns_nameserver.iter().map(|d| json!(d)).collect(),
            self.no_dns_nameservers,
        );
        merged(
            &mut a,
            &obj,
            "host_routes",
            routes_json(&self.host_route),
            self.no_host_route,
        );
        merged(
            &mut a,
            &obj,
            "allocation_pools",
            pools_json(&self.allocation_pool),
            self.no_allocation_pool,
        );
        merged(
            &mut a,
            &obj,
            "service_types",
            self.service_type.iter().map(|d| json!(d)).collect(),
            false,
        );
        c::put(
            &mut a,
            "leak_routes",
            c::flag_pair(self.leak_routes, self.no_leak_routes),
        );
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        if !a.is_empty() {
            c::update(ctx, &SUBNET, &c::id(&obj), a)?;
        }
        c::set_tags_for_set(ctx, &SUBNET, &obj, &self.tags.tags, self.tags.no_tag)?;
        Ok(Output::None)
    }
}

/// Display subnet details
#[derive(clap::Args, Debug)]
pub struct ShowSubnet {
    /// Subnet to display (name or ID)
    #[arg(value_name = "<subnet>")]
    subnet: String,
}

impl Command for ShowSubnet {
    const WORDS: &'static str = "subnet show";
    const ABOUT: &'static str = "Display subnet details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        Ok(record(&c::find(ctx, &SUBNET, &self.subnet)?))
    }
}

/// Unset subnet properties
#[derive(clap::Args, Debug)]
pub struct UnsetSubnet {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Allocation pool IP addresses to be removed from this subnet, for example,
    /// start=192.168.199.2,end=192.168.199.254 (repeat option to unset multiple allocation
    /// pools)
    #[arg(long, value_name = "start=<ip-address>,end=<ip-address>", value_parser = parse_pool,
          action = clap::ArgAction::Append)]
    allocation_pool: Vec<BTreeMap<String, String>>,
    /// Remove gateway IP from this subnet
    #[arg(long)]
    gateway: bool,
    /// DNS server to be removed from this subnet (repeat option to unset multiple DNS servers)
    #[arg(long, value_name = "<dns-nameserver>", action = clap::ArgAction::Append)]
    dns_nameserver: Vec<String>,
    /// Route to be removed from this subnet, for example,
    /// destination=10.10.0.0/16,gateway=192.168.71.254 destination: destination subnet (in
    /// CIDR notation) gateway: next-hop IP address (repeat option to unset multiple host
    /// routes)
    #[arg(long, value_name = "destination=<subnet>,gateway=<ip-address>", value_parser = parse_route,
          action = clap::ArgAction::Append)]
    host_route: Vec<BTreeMap<String, String>>,
    /// Service type to be removed from this subnet, for example,
    /// network:floatingip_agent_gateway. Must be a valid device owner value for a network port
    /// (repeat option to unset multiple service types)
    #[arg(long, value_name = "<service-type>", action = clap::ArgAction::Append)]
    service_type: Vec<String>,
    #[command(flatten)]
    tags: TagUnset,
    /// Subnet to modify (name or ID)
    #[arg(value_name = "<subnet>")]
    subnet: String,
}

/// `_update_arguments`: the subnet's `key` without `remove`, or
/// `Subnet does not contain {option} {value}`.
fn without(
    a: &mut Map<String, Value>,
    obj: &Value,
    key: &str,
    remove: Vec<Value>,
    option: &str,
) -> Result<(), CliError> {
    if remove.is_empty() {
        return Ok(());
    }
    let mut cur: Vec<Value> = items(&obj[key]).to_vec();
    for r in remove {
        match cur.iter().position(|x| *x == r) {
            Some(i) => {
                cur.remove(i);
            }
            None => {
                let shown = match &r {
                    Value::String(s) => s.clone(),
                    other => ostk_output::py_str_of_json(other),
                };
                return Err(CliError::Message(format!(
                    "Subnet does not contain {option} {shown}"
                )));
            }
        }
    }
    a.insert(key.into(), json!(cur));
    Ok(())
}

impl Command for UnsetSubnet {
    const WORDS: &'static str = "subnet unset";
    const ABOUT: &'static str = "Unset subnet properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &SUBNET, &self.subnet)?;
        let mut a = Map::new();
        if self.gateway {
            a.insert("gateway_ip".into(), Value::Null);
        }
        let strs = |v: &[String]| v.iter().map(|d| json!(d)).collect::<Vec<_>>();
        without(
            &mut a,
            &obj,
            "dns_nameservers",
            strs(&self.dns_nameserver),
            "dns-nameserver",
        )?;
        without(
            &mut a,
            &obj,
            "host_routes",
            routes_json(&self.host_route),
            "host-route",
        )?;
        without(
            &mut a,
            &obj,
            "allocation_pools",
            pools_json(&self.allocation_pool),
            "allocation-pool",
        )?;
        without(
            &mut a,
            &obj,
            "service_types",
            strs(&self.service_type),
            "service-type",
        )?;
        c::extra_properties_unset(&self.extra.extra_property, &mut a);
        if !a.is_empty() {
            c::update(ctx, &SUBNET, &c::id(&obj), a)?;
        }
        c::set_tags_for_unset(ctx, &SUBNET, &obj, &self.tags.tags, self.tags.all_tag)?;
        Ok(Output::None)
    }
}
