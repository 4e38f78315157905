//! `port create/delete/list/set/show/unset` (openstackclient/network/v2/port.py).

use super::common::{self as c, Fmt, Formatters};
use crate::render::ArgumentError;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::{NETWORK, PORT, QOS_POLICY, ROUTER, SECURITY_GROUP, SUBNET};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

crate::network_tag_args!(TagCreate, TagSet, TagUnset, TagFilter, "port", "ports");

/// `SubPortColumn`: the `sub_ports` of `trunk_details`, one dict per line.
fn sub_ports(v: &Value) -> ostk_output::Cell {
    c::cell(v.get("sub_ports").unwrap_or(v), Some(Fmt::ListDicts))
}

const FORMATTERS: Formatters = &[
    ("is_admin_state_up", Fmt::AdminState),
    ("allowed_address_pairs", Fmt::ListDicts),
    ("binding_profile", Fmt::Dict),
    ("binding_vif_details", Fmt::Dict),
    ("dns_assignment", Fmt::ListDicts),
    ("extra_dhcp_opts", Fmt::ListDicts),
    ("fixed_ips", Fmt::ListDicts),
    ("security_group_ids", Fmt::List),
    ("tags", Fmt::List),
];

/// `_get_columns`: a fixed display → attribute mapping, in this order.
const SHOW: &[(&str, &str)] = &[
    ("admin_state_up", "is_admin_state_up"),
    ("allowed_address_pairs", "allowed_address_pairs"),
    ("binding_host_id", "binding_host_id"),
    ("binding_profile", "binding_profile"),
    ("binding_vif_details", "binding_vif_details"),
    ("binding_vif_type", "binding_vif_type"),
    ("binding_vnic_type", "binding_vnic_type"),
    ("created_at", "created_at"),
    ("data_plane_status", "data_plane_status"),
    ("description", "description"),
    ("device_id", "device_id"),
    ("device_owner", "device_owner"),
    ("device_profile", "device_profile"),
    ("dns_assignment", "dns_assignment"),
    ("dns_domain", "dns_domain"),
    ("dns_name", "dns_name"),
    ("extra_dhcp_opts", "extra_dhcp_opts"),
    ("fixed_ips", "fixed_ips"),
    ("hardware_offload_type", "hardware_offload_type"),
    ("hints", "hints"),
    ("id", "id"),
    ("ip_allocation", "ip_allocation"),
    ("mac_address", "mac_address"),
    ("name", "name"),
    ("network_id", "network_id"),
    ("numa_affinity_policy", "numa_affinity_policy"),
    ("port_security_enabled", "is_port_security_enabled"),
    ("project_id", "project_id"),
    ("propagate_uplink_status", "propagate_uplink_status"),
    ("pvlan_type", "pvlan_type"),
    ("pvlan_community", "pvlan_community"),
    ("resource_request", "resource_request"),
    ("revision_number", "revision_number"),
    ("qos_network_policy_id", "qos_network_policy_id"),
    ("qos_policy_id", "qos_policy_id"),
    ("security_group_ids", "security_group_ids"),
    ("status", "status"),
    ("tags", "tags"),
    ("trunk_details", "trunk_details"),
    ("trusted", "trusted"),
    ("updated_at", "updated_at"),
];

fn record(body: &Value) -> Output {
    Output::One(c::fixed_record(&PORT, body, SHOW, FORMATTERS))
}

fn parse_binding_profile(s: &str) -> Result<Map<String, Value>, ArgumentError> {
    parse_json_kv(s, "--binding-profile")
}

fn parse_hint(s: &str) -> Result<Map<String, Value>, ArgumentError> {
    parse_json_kv(s, "--hint")
}

/// OSC's `JSONKeyValueAction`: a JSON object, else `key=value`.
fn parse_json_kv(s: &str, option: &str) -> Result<Map<String, Value>, ArgumentError> {
    match serde_json::from_str::<Value>(s) {
        Ok(Value::Object(m)) => Ok(m),
        _ if s.contains('=') => {
            let (k, v) = s.split_once('=').unwrap_or((s, ""));
            Ok(Map::from_iter([(k.to_string(), json!(v))]))
        }
        Ok(_) => Err(ArgumentError(format!(
            "Expected '<key>=<value>' or JSON data, but got: {s}"
        ))),
        Err(_) => Err(ArgumentError(format!(
            "Expected '<key>=<value>' or JSON data for option {option}, but encountered JSON \
             parsing error: {}",
            py_json_error(s)
        ))),
    }
}

/// Python's `json` error for text that starts with no JSON value: `Expecting value` at its
/// first non-blank character.
fn py_json_error(s: &str) -> String {
    let at = s.len() - s.trim_start().len();
    format!("Expecting value: line 1 column {} (char {at})", at + 1)
}

fn merge_json_kv(items: &[Map<String, Value>]) -> Option<Map<String, Value>> {
    (!items.is_empty()).then(|| items.iter().flat_map(|m| m.clone()).collect())
}

fn parse_fixed_ip(s: &str) -> Result<BTreeMap<String, String>, ArgumentError> {
    c::parse_multi_kv_keys(s, &[], &["subnet", "ip-address"])
}

fn parse_filter_fixed_ip(s: &str) -> Result<BTreeMap<String, String>, ArgumentError> {
    c::parse_multi_kv_keys(s, &[], &["subnet", "ip-address", "ip-substring"])
}

fn parse_address(s: &str) -> Result<BTreeMap<String, String>, ArgumentError> {
    c::parse_multi_kv_keys(s, &["ip-address"], &["mac-address"])
}

/// osc-lib `MultiKeyValueCommaAction` for `--extra-dhcp-option` (a part without `=` continues
/// the previous value).
fn parse_dhcp_option(s: &str) -> Result<BTreeMap<String, String>, ArgumentError> {
    let mut m: BTreeMap<String, String> = BTreeMap::new();
    let mut key = String::new();
    for kv in s.split(',') {
        match kv.split_once('=') {
            Some(("", _)) => {
                return Err(ArgumentError(format!(
                    "A key must be specified before '=': {kv}"
                )));
            }
            Some((k, v)) => {
                m.insert(k.to_string(), v.to_string());
                key = k.to_string();
            }
            None => match m.get_mut(&key) {
                Some(v) => {
                    v.push(',');
                    v.push_str(kv);
                }
                None => {
                    return Err(ArgumentError(format!("A key=value pair is required: {kv}")));
                }
            },
        }
    }
    let text: Vec<String> = m.iter().map(|(k, v)| format!("{k}={v}")).collect();
    c::parse_multi_kv_keys(&text.join(","), &["name"], &["value", "ip-version"]).map(|_| m)
}

/// `_prepare_fixed_ips`: subnet names to IDs, `ip-address` to `ip_address` (`subnet_id`
/// first, as OSC's dict ends up).
fn fixed_ips(
    ctx: &mut Context,
    specs: &[BTreeMap<String, String>],
) -> Result<Vec<Value>, CliError> {
    let mut out = Vec::new();
    for spec in specs {
        let mut m = Map::new();
        if let Some(s) = spec.get("subnet") {
            if s.is_empty() {
                m.insert("subnet".into(), json!(s));
            } else {
                m.insert("subnet_id".into(), json!(c::find_id(ctx, &SUBNET, s)?));
            }
        }
        if let Some(ip) = spec.get("ip-address") {
            m.insert("ip_address".into(), json!(ip));
        }
        out.push(Value::Object(m));
    }
    Ok(out)
}

/// `_convert_address_pairs`.
fn address_pairs(specs: &[BTreeMap<String, String>]) -> Vec<Value> {
    specs
        .iter()
        .map(|o| {
            let mut m = Map::new();
            m.insert("ip_address".into(), json!(o.get("ip-address")));
            if let Some(mac) = o.get("mac-address") {
                m.insert("mac_address".into(), json!(mac));
            }
            Value::Object(m)
        })
        .collect()
}

/// `_convert_extra_dhcp_options`.
fn dhcp_options(specs: &[BTreeMap<String, String>]) -> Vec<Value> {
    specs
        .iter()
        .map(|o| {
            let mut m = Map::new();
            m.insert("opt_name".into(), json!(o.get("name")));
            if let Some(v) = o.get("value") {
                m.insert("opt_value".into(), json!(v));
            }
            if let Some(v) = o.get("ip-version") {
                m.insert("ip_version".into(), json!(v));
            }
            Value::Object(m)
        })
        .collect()
}

/// `_validate_port_hints` + `_expand_port_hint_aliases`.
fn port_hints(hints: &Map<String, Value>) -> Result<Value, CliError> {
    let h = Value::Object(hints.clone());
    let steer = |mode: &str| json!({"openvswitch": {"other_config": {"tx-steering": mode}}});
    for mode in ["thread", "hash"] {
        if h == json!({ "ovs-tx-steering": mode }) || h == steer(mode) {
            return Ok(steer(mode));
        }
    }
    Err(CliError::Message(
        "Invalid value to --hints, see --help for valid values.".into(),
    ))
}

/// The head of `_add_updatable_args` (create and set), before `--mac-address`, whose help
/// differs between them.
#[derive(clap::Args, Debug)]
struct UpdatableHead {
    /// Description of this port
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Port device ID
    #[arg(long, value_name = "<device-id>")]
    device: Option<String>,
}

/// The rest of `_add_updatable_args`.
#[derive(clap::Args, Debug)]
struct Updatable {
    /// Device owner of this port. This is the entity that uses the port (for example, network:dhcp).
    #[arg(long, value_name = "<device-owner>", verbatim_doc_comment)]
    device_owner: Option<String>,
    /// VNIC type for this port (accelerator-direct | accelerator-direct-physical | direct |
    /// direct-physical | macvtap | normal | baremetal | virtio-forwarder | smart-nic | vdpa |
    /// remote-managed) (default: normal)
    #[arg(long, value_name = "<vnic-type>", hide_possible_values = true, value_parser = [
        "accelerator-direct", "accelerator-direct-physical", "direct", "direct-physical",
        "macvtap", "normal", "baremetal", "virtio-forwarder", "smart-nic", "vdpa",
        "remote-managed"])]
    vnic_type: Option<String>,
    /// Allocate port on host <host-id> (ID only)
    #[arg(long, value_name = "<host-id>")]
    host: Option<String>,
    /// Set DNS domain to this port (requires dns_domain extension for ports)
    #[arg(long, value_name = "dns-domain")]
    dns_domain: Option<String>,
    /// Set DNS name for this port (requires DNS integration extension)
    #[arg(long, value_name = "<dns-name>")]
    dns_name: Option<String>,
    /// NUMA affinity policy required to schedule this port
    #[arg(long, group = "numa_g")]
    numa_policy_required: bool,
    /// NUMA affinity policy preferred to schedule this port
    #[arg(long, group = "numa_g")]
    numa_policy_preferred: bool,
    /// NUMA affinity policy socket to schedule this port
    #[arg(long, group = "numa_g")]
    numa_policy_socket: bool,
    /// NUMA affinity policy using legacy mode to schedule this port
    #[arg(long, group = "numa_g")]
    numa_policy_legacy: bool,
    /// Port hints as ALIAS=VALUE or as JSON. Valid hint aliases/values: ovs-tx-steering=thread,
    /// ovs-tx-steering=hash. Valid JSON values are as specified by the Neutron API. (requires
    /// port-hints extension) (requires port-hint-ovs-tx-steering extension for alias:
    /// ovs-tx-steering) (repeat option to set multiple hints).
    #[arg(long, value_name = "<alias=value>", value_parser = parse_hint,
          action = clap::ArgAction::Append, verbatim_doc_comment)]
    hint: Vec<Map<String, Value>>,
    /// Set port to be trusted. This will be populated into the 'binding:profile' dictionary and passed to the services which expect it in this dictionary (for example, Nova).
    #[arg(long, group = "trust_g", verbatim_doc_comment)]
    trusted: bool,
    /// Set port to be not trusted. This will be populated into the 'binding:profile' dictionary and passed to the services which expect it in this dictionary (for example, Nova).
    #[arg(long, group = "trust_g", verbatim_doc_comment)]
    not_trusted: bool,
    /// Set Private VLAN type for this port. Requires PVLAN service plugin. Default:
    /// promiscuous.
    #[arg(long, value_name = "<type>", value_parser = ["promiscuous", "isolated", "community"],
          hide_possible_values = true, verbatim_doc_comment)]
    pvlan_type: Option<String>,
    /// Set PVLAN community name for this port. Only applies when pvlan-type is 'community'. Requires PVLAN service plugin. Default: None.
    #[arg(long, value_name = "<community>", verbatim_doc_comment)]
    pvlan_community: Option<String>,
}

/// The rest of `_get_attrs`' inputs.
struct More<'a> {
    head: &'a UpdatableHead,
    mac_address: Option<&'a str>,
    enable: Option<bool>,
    name: Option<&'a str>,
    port_security: Option<bool>,
    qos_policy: Option<&'a str>,
    uplink: Option<bool>,
}

/// `_get_attrs` (+ hints, which create and set treat alike).
fn get_attrs(ctx: &mut Context, u: &Updatable, m: &More) -> Result<Map<String, Value>, CliError> {
    let mut a = Map::new();
    c::put(&mut a, "description", m.head.description.as_deref());
    c::put(
        &mut a,
        "device_id",
        m.head.device.as_deref().filter(|d| !d.is_empty()),
    );
    c::put(&mut a, "device_owner", u.device_owner.as_deref());
    c::put(&mut a, "admin_state_up", m.enable);
    c::put(&mut a, "binding:vnic_type", u.vnic_type.as_deref());
    c::put(
        &mut a,
        "binding:host_id",
        u.host.as_deref().filter(|d| !d.is_empty()),
    );
    c::put(&mut a, "mac_address", m.mac_address);
    c::put(&mut a, "dns_domain", u.dns_domain.as_deref());
    c::put(&mut a, "dns_name", u.dns_name.as_deref());
    c::put(&mut a, "name", m.name);
    c::put(&mut a, "port_security_enabled", m.port_security);
    if let Some(q) = m.qos_policy.filter(|q| !q.is_empty()) {
        a.insert(
            "qos_policy_id".into(),
            json!(c::find_id(ctx, &QOS_POLICY, q)?),
        );
    }
    c::put(&mut a, "propagate_uplink_status", m.uplink);
    let numa = [
        (u.numa_policy_required, "required"),
        (u.numa_policy_preferred, "preferred"),
        (u.numa_policy_socket, "socket"),
        (u.numa_policy_legacy, "legacy"),
    ];
    if let Some((_, p)) = numa.iter().find(|(on, _)| *on) {
        a.insert("numa_affinity_policy".into(), json!(p));
    }
    c::put(&mut a, "trusted", c::flag_pair(u.trusted, u.not_trusted));
    c::put(&mut a, "pvlan_type", u.pvlan_type.as_deref());
    c::put(&mut a, "pvlan_community", u.pvlan_community.as_deref());
    let truthy = |k: &str| a.get(k).is_some_and(c::truthy);
    if (truthy("pvlan_type") || truthy("pvlan_community"))
        && a.get("port_security_enabled") == Some(&json!(false))
    {
        return Err(CliError::Message(
            "PVLAN attributes cannot be set when port security is disabled.".into(),
        ));
    }
    if a.get("pvlan_type") == Some(&json!("community")) && !truthy("pvlan_community") {
        return Err(CliError::Message(
            "--pvlan-community is required when --pvlan-type is 'community'.".into(),
        ));
    }
    if let Some(h) = merge_json_kv(&u.hint) {
        a.insert("hints".into(), port_hints(&h)?);
    }
    Ok(a)
}

/// `_validate_pvlan_network_port`.
fn check_pvlan_network(a: &Map<String, Value>, network: &Value) -> Result<(), CliError> {
    let wants = ["pvlan_type", "pvlan_community"]
        .iter()
        .any(|k| a.get(*k).is_some_and(c::truthy));
    if wants && !network.get("pvlan").is_some_and(c::truthy) {
        return Err(CliError::Message(
            "PVLAN attributes cannot be set on a port whose network does not have PVLAN enabled."
                .into(),
        ));
    }
    Ok(())
}

fn sg_ids(ctx: &mut Context, groups: &[String]) -> Result<Vec<Value>, CliError> {
    groups
        .iter()
        .map(|g| Ok(json!(c::find_id(ctx, &SECURITY_GROUP, g)?)))
        .collect()
}

/// Create a new port
#[derive(clap::Args, Debug)]
pub struct CreatePort {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Network this port belongs to (name or ID)
    #[arg(long, value_name = "<network>", required = true)]
    network: String,
    #[command(flatten)]
    head: UpdatableHead,
    /// MAC address of this port
    #[arg(long, value_name = "<mac-address>")]
    mac_address: Option<String>,
    #[command(flatten)]
    updatable: Updatable,
    /// Desired IP and/or subnet for this port (name or ID):
    /// subnet=<subnet>,ip-address=<ip-address> (repeat option to set multiple fixed IP
    /// addresses)
    #[arg(long, value_name = "subnet=<subnet>,ip-address=<ip-address>", group = "fip_g",
          value_parser = parse_fixed_ip, action = clap::ArgAction::Append)]
    fixed_ip: Vec<BTreeMap<String, String>>,
    /// No IP or subnet set for this port
    #[arg(long, group = "fip_g")]
    no_fixed_ip: bool,
    /// Custom data to be passed as binding:profile. Data may be passed as <key>=<value> or
    /// JSON (repeat option to set multiple binding:profile data).
    #[arg(long, value_name = "<binding-profile>", value_parser = parse_binding_profile,
          action = clap::ArgAction::Append, verbatim_doc_comment)]
    binding_profile: Vec<Map<String, Value>>,
    /// Enable port (default)
    #[arg(long, group = "admin_g")]
    enable: bool,
    /// Disable port
    #[arg(long, group = "admin_g")]
    disable: bool,
    /// Enable uplink status propagation (default)
    #[arg(long, group = "uplink_g")]
    enable_uplink_status_propagation: bool,
    /// Disable uplink status propagation
    #[arg(long, group = "uplink_g")]
    disable_uplink_status_propagation: bool,
    /// Owner's project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Name of this port
    #[arg(value_name = "<name>")]
    name: String,
    /// Extra DHCP options to be assigned to this port:
    /// name=<name>[,value=<value>,ip-version={4,6}] (repeat option to set multiple extra DHCP
    /// options)
    #[arg(long, value_name = "name=<name>[,value=<value>,ip-version={4,6}]",
          value_parser = parse_dhcp_option, action = clap::ArgAction::Append)]
    extra_dhcp_option: Vec<BTreeMap<String, String>>,
    /// Security group to associate with this port (name or ID) (repeat option to set
    /// multiple security groups)
    #[arg(long, value_name = "<security-group>", group = "sg_g", action = clap::ArgAction::Append)]
    security_group: Vec<String>,
    /// Associate no security groups with this port
    #[arg(long, group = "sg_g")]
    no_security_group: bool,
    /// Attach QoS policy to this port (name or ID)
    #[arg(long, value_name = "<qos-policy>")]
    qos_policy: Option<String>,
    /// Enable port security for this port (default)
    #[arg(long, group = "ps_g")]
    enable_port_security: bool,
    /// Disable port security for this port
    #[arg(long, group = "ps_g")]
    disable_port_security: bool,
    /// Add allowed-address pair associated with this port:
    /// ip-address=<ip-address>[,mac-address=<mac-address>] (repeat option to set multiple
    /// allowed-address pairs)
    #[arg(long, value_name = "ip-address=<ip-address>[,mac-address=<mac-address>]",
          value_parser = parse_address, action = clap::ArgAction::Append)]
    allowed_address: Vec<BTreeMap<String, String>>,
    /// Port device profile
    #[arg(long, value_name = "<device-profile>")]
    device_profile: Option<String>,
    /// Hardware offload type this port will request when attached to the network backend
    #[arg(long, value_name = "<hardware-offload-type>")]
    hardware_offload_type: Option<String>,
    #[command(flatten)]
    tags: TagCreate,
}

impl Command for CreatePort {
    const WORDS: &'static str = "port create";
    const ABOUT: &'static str = "Create a new port";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let network = c::find(ctx, &NETWORK, &self.network)?;
        let ips = fixed_ips(ctx, &self.fixed_ip)?;
        let more = More {
            head: &self.head,
            mac_address: self.mac_address.as_deref(),
            // argparse `--enable` defaults to True: admin_state_up is always sent.
            enable: Some(!self.disable),
            name: Some(&self.name),
            port_security: c::flag_pair(self.enable_port_security, self.disable_port_security),
            qos_policy: None,
            uplink: c::flag_pair(
                self.enable_uplink_status_propagation,
                self.disable_uplink_status_propagation,
            ),
        };
        let mut a = get_attrs(ctx, &self.updatable, &more)?;
        a.insert("network_id".into(), json!(c::id(&network)));
        c::put_project(
            ctx,
            &mut a,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        c::put(
            &mut a,
            "device_profile",
            self.device_profile.as_deref().filter(|d| !d.is_empty()),
        );
        c::put(
            &mut a,
            "hardware_offload_type",
            self.hardware_offload_type
                .as_deref()
                .filter(|d| !d.is_empty()),
        );
        if let Some(bp) = merge_json_kv(&self.binding_profile) {
            a.insert("binding:profile".into(), Value::Object(bp));
        }
        if !ips.is_empty() {
            a.insert("fixed_ips".into(), json!(ips));
        } else if self.no_fixed_ip {
            a.insert("fixed_ips".into(), json!([]));
        }
        if self.no_security_group {
            a.insert("security_groups".into(), json!([]));
        } else if !self.security_group.is_empty() {
            a.insert(
                "security_groups".into(),
                json!(sg_ids(ctx, &self.security_group)?),
            );
        }
        if !self.allowed_address.is_empty() {
            a.insert(
                "allowed_address_pairs".into(),
                json!(address_pairs(&self.allowed_address)),
            );
        }
        if !self.extra_dhcp_option.is_empty() {
            a.insert(
                "extra_dhcp_opts".into(),
                json!(dhcp_options(&self.extra_dhcp_option)),
            );
        }
        if let Some(q) = self.qos_policy.as_deref().filter(|q| !q.is_empty()) {
            a.insert(
                "qos_policy_id".into(),
                json!(c::find_id(ctx, &QOS_POLICY, q)?),
            );
        }
        check_pvlan_network(&a, &network)?;
        let obj = c::create_tagged(
            ctx,
            &PORT,
            a,
            &self.extra,
            &self.tags.tags,
            self.tags.no_tag,
        )?;
        Ok(record(&obj))
    }
}

crate::network_delete_command!(
    DeletePort,
    "port delete",
    "Delete port(s)",
    port,
    "<port>",
    "Port(s) to delete (name or ID)",
    PORT,
    "port",
    "ports"
);

/// List ports
#[derive(clap::Args, Debug)]
pub struct ListPort {
    /// List only ports with the specified device owner. This is the entity that uses the port (for example, network:dhcp).
    #[arg(long, value_name = "<device-owner>", verbatim_doc_comment)]
    device_owner: Option<String>,
    /// List only ports bound to this host ID
    #[arg(long, value_name = "<host-id>")]
    host: Option<String>,
    /// List only ports connected to this network (name or ID)
    #[arg(long, value_name = "<network>")]
    network: Option<String>,
    /// List only ports attached to this router (name or ID)
    #[arg(long, value_name = "<router>", group = "dev_g")]
    router: Option<String>,
    /// List only ports attached to this server (name or ID)
    #[arg(long, value_name = "<server>", group = "dev_g")]
    server: Option<String>,
    /// List only ports with the specified device ID
    #[arg(long, value_name = "<device-id>", group = "dev_g")]
    device_id: Option<String>,
    /// List only ports with the specified MAC address
    #[arg(long, value_name = "<mac-address>")]
    mac_address: Option<String>,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    /// List only ports with the specified project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// List only ports with the specified PVLAN type
    #[arg(long, value_name = "<type>")]
    pvlan_type: Option<String>,
    /// List only ports within a specified PVLAN community
    #[arg(long, value_name = "<community-name>")]
    pvlan_community: Option<String>,
    /// List only ports with PVLAN enabled
    #[arg(long, group = "pvlan_g")]
    pvlan: bool,
    /// List only ports with PVLAN disabled
    #[arg(long, group = "pvlan_g")]
    no_pvlan: bool,
    /// List only ports with the specified name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// List only ports associated with this security group
    #[arg(long, value_name = "<security-group>", action = clap::ArgAction::Append)]
    security_group: Vec<String>,
    /// List only ports with the specified status ('ACTIVE', 'BUILD', 'DOWN', 'ERROR')
    #[arg(long, value_name = "<status>", value_parser = ["ACTIVE", "BUILD", "DOWN", "ERROR"],
          hide_possible_values = true)]
    status: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Desired IP and/or subnet for filtering ports (name or ID):
    /// subnet=<subnet>,ip-address=<ip-address>,ip-substring=<ip-substring> (repeat option to
    /// filter multiple fixed IP addresses)
    #[arg(long, value_name = "subnet=<subnet>,ip-address=<ip-address>,ip-substring=<ip-substring>",
          value_parser = parse_filter_fixed_ip, action = clap::ArgAction::Append)]
    fixed_ip: Vec<BTreeMap<String, String>>,
    #[command(flatten)]
    tags: TagFilter,
    #[command(flatten)]
    page: super::MarkerPage,
}

const LIST_FORMATTERS: Formatters = &[
    ("fixed_ips", Fmt::ListDicts),
    ("security_group_ids", Fmt::List),
    ("tags", Fmt::List),
    ("trunk_details", Fmt::Custom(sub_ports)),
];

impl Command for ListPort {
    const WORDS: &'static str = "port list";
    const ABOUT: &'static str = "List ports";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut cols = vec![
            ("ID", "id"),
            ("Name", "name"),
            ("MAC Address", "mac_address"),
            ("Fixed IP Addresses", "fixed_ips"),
            ("Status", "status"),
        ];
        if self.pvlan
            || self.no_pvlan
            || self.pvlan_type.is_some()
            || self.pvlan_community.is_some()
        {
            cols.extend([
                ("PVLAN Type", "pvlan_type"),
                ("PVLAN Community", "pvlan_community"),
            ]);
        }
        if self.long {
            cols.extend([
                ("Security Groups", "security_groups"),
                ("Device Owner", "device_owner"),
                ("Tags", "tags"),
                ("Trunk subports", "trunk_details"),
            ]);
        }
        // OSC asks neutron for just its columns.
        let mut q: Vec<(&str, String)> = cols
            .iter()
            .map(|(_, a)| ("fields", a.to_string()))
            .collect();
        c::put_query(&mut q, "device_owner", self.device_owner.as_deref());
        c::put_query(&mut q, "device_id", self.device_id.as_deref());
        if let Some(r) = &self.router {
            q.push(("device_id", c::find_id(ctx, &ROUTER, r)?));
        }
        if let Some(srv) = &self.server {
            q.push((
                "device_id",
                crate::commands::compute::common::find_server_id(ctx, srv)?,
            ));
        }
        c::put_query(
            &mut q,
            "binding:host_id",
            self.host.as_deref().filter(|h| !h.is_empty()),
        );
        if let Some(n) = self.network.as_deref().filter(|n| !n.is_empty()) {
            q.push(("network_id", c::find_id(ctx, &NETWORK, n)?));
        }
        c::put_query(
            &mut q,
            "mac_address",
            self.mac_address.as_deref().filter(|h| !h.is_empty()),
        );
        c::put_query(&mut q, "status", self.status.as_deref());
        c::push_project(
            ctx,
            &mut q,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        c::put_query(
            &mut q,
            "name",
            self.name.as_deref().filter(|h| !h.is_empty()),
        );
        for spec in &self.fixed_ip {
            if let Some(s) = spec.get("subnet").filter(|s| !s.is_empty()) {
                q.push((
                    "fixed_ips",
                    format!("subnet_id={}", c::find_id(ctx, &SUBNET, s)?),
                ));
            }
            if let Some(ip) = spec.get("ip-address") {
                q.push(("fixed_ips", format!("ip_address={ip}")));
            }
            if let Some(ip) = spec.get("ip-substring") {
                q.push(("fixed_ips", format!("ip_address_substr={ip}")));
            }
        }
        for g in &self.security_group {
            q.push(("security_groups", g.clone()));
        }
        c::put_query(&mut q, "pvlan_type", self.pvlan_type.as_deref());
        c::put_query(&mut q, "pvlan_community", self.pvlan_community.as_deref());
        self.tags.apply(&mut q);
        self.page.apply(&mut q);
        let mut items = c::list(ctx, &PORT, &q, self.page.max_items)?;
        if self.pvlan || self.no_pvlan {
            items.retain(|p| p.get("pvlan_type").is_some_and(|t| !t.is_null()) == self.pvlan);
        }
        for col in &mut cols {
            if col.1 == "security_groups" {
                col.1 = "security_group_ids";
            }
        }
        Ok(Output::List(c::listing(
            &PORT,
            &items,
            &cols,
            LIST_FORMATTERS,
        )))
    }
}

/// Set port properties
#[derive(clap::Args, Debug)]
pub struct SetPort {
    #[command(flatten)]
    extra: c::ExtraProperty,
    #[command(flatten)]
    head: UpdatableHead,
    /// MAC address of this port (admin only)
    #[arg(long, value_name = "<mac-address>")]
    mac_address: Option<String>,
    #[command(flatten)]
    updatable: Updatable,
    /// Enable port
    #[arg(long, group = "admin_g")]
    enable: bool,
    /// Disable port
    #[arg(long, group = "admin_g")]
    disable: bool,
    /// Set port name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Desired IP and/or subnet for this port (name or ID):
    /// subnet=<subnet>,ip-address=<ip-address> (repeat option to set multiple fixed IP
    /// addresses)
    #[arg(long, value_name = "subnet=<subnet>,ip-address=<ip-address>",
          value_parser = parse_fixed_ip, action = clap::ArgAction::Append)]
    fixed_ip: Vec<BTreeMap<String, String>>,
    /// Clear existing information of fixed IP addresses. Specify both --fixed-ip and --no-fixed-ip to overwrite the current fixed IP addresses.
    #[arg(long, verbatim_doc_comment)]
    no_fixed_ip: bool,
    /// Custom data to be passed as binding:profile. Data may be passed as <key>=<value> or
    /// JSON (repeat option to set multiple binding:profile data).
    #[arg(long, value_name = "<binding-profile>", value_parser = parse_binding_profile,
          action = clap::ArgAction::Append, verbatim_doc_comment)]
    binding_profile: Vec<Map<String, Value>>,
    /// Clear existing information of binding:profile. Specify both --binding-profile and --no-binding-profile to overwrite the current binding:profile information.
    #[arg(long, verbatim_doc_comment)]
    no_binding_profile: bool,
    /// Attach QoS policy to this port (name or ID)
    #[arg(long, value_name = "<qos-policy>")]
    qos_policy: Option<String>,
    /// Port to modify (name or ID)
    #[arg(value_name = "<port>")]
    port: String,
    /// Security group to associate with this port (name or ID) (repeat option to set
    /// multiple security groups)
    #[arg(long, value_name = "<security-group>", action = clap::ArgAction::Append)]
    security_group: Vec<String>,
    /// Clear existing security groups associated with this port
    #[arg(long)]
    no_security_group: bool,
    /// Enable port security for this port
    #[arg(long, group = "ps_g")]
    enable_port_security: bool,
    /// Disable port security for this port
    #[arg(long, group = "ps_g")]
    disable_port_security: bool,
    /// Add allowed-address pair associated with this port:
    /// ip-address=<ip-address>[,mac-address=<mac-address>] (repeat option to set multiple
    /// allowed-address pairs)
    #[arg(long, value_name = "ip-address=<ip-address>[,mac-address=<mac-address>]",
          value_parser = parse_address, action = clap::ArgAction::Append)]
    allowed_address: Vec<BTreeMap<String, String>>,
    /// Clear existing allowed-address pairs associated with this port. Specify both --allowed-address and --no-allowed-address to overwrite the current allowed-address pairs.
    #[arg(long, verbatim_doc_comment)]
    no_allowed_address: bool,
    /// Extra DHCP options to be assigned to this port:
    /// name=<name>[,value=<value>,ip-version={4,6}] (repeat option to set multiple extra DHCP
    /// options)
    #[arg(long, value_name = "name=<name>[,value=<value>,ip-version={4,6}]",
          value_parser = parse_dhcp_option, action = clap::ArgAction::Append)]
    extra_dhcp_option: Vec<BTreeMap<String, String>>,
    /// Set data plane status of this port (ACTIVE | DOWN). Unset it to None with the 'port
    /// unset' command (requires data plane status extension).
    #[arg(long, value_name = "<status>", value_parser = ["ACTIVE", "DOWN"],
          hide_possible_values = true, verbatim_doc_comment)]
    data_plane_status: Option<String>,
    /// Enable uplink status propagation
    #[arg(long, group = "uplink_g")]
    enable_uplink_status_propagation: bool,
    /// Disable uplink status propagation
    #[arg(long, group = "uplink_g")]
    disable_uplink_status_propagation: bool,
    #[command(flatten)]
    tags: TagSet,
}

/// `current` (or `[]` when cleared) with `new` appended, when anything was asked.
fn extended(a: &mut Map<String, Value>, key: &str, current: &Value, new: Vec<Value>, clear: bool) {
    if clear {
        a.insert(key.into(), json!([]));
    }
    if !new.is_empty() {
        let list = a.entry(key).or_insert_with(|| {
            json!(
                current
                    .as_array()
                    .map(|v| v
                        .iter()
                        .filter(|x| c::truthy(x))
                        .cloned()
                        .collect::<Vec<_>>())
                    .unwrap_or_default()
            )
        });
        if let Some(l) = list.as_array_mut() {
            l.extend(new);
        }
    }
}

impl Command for SetPort {
    const WORDS: &'static str = "port set";
    const ABOUT: &'static str = "Set port properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let ips = fixed_ips(ctx, &self.fixed_ip)?;
        let obj = c::find(ctx, &PORT, &self.port)?;
        let more = More {
            head: &self.head,
            mac_address: self.mac_address.as_deref(),
            enable: c::flag_pair(self.enable, self.disable),
            name: self.name.as_deref(),
            port_security: c::flag_pair(self.enable_port_security, self.disable_port_security),
            qos_policy: self.qos_policy.as_deref(),
            uplink: c::flag_pair(
                self.enable_uplink_status_propagation,
                self.disable_uplink_status_propagation,
            ),
        };
        let mut a = get_attrs(ctx, &self.updatable, &more)?;
        if self.no_binding_profile {
            a.insert("binding:profile".into(), json!({}));
        }
        if let Some(bp) = merge_json_kv(&self.binding_profile) {
            let cur = obj
                .get("binding:profile")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            let entry = a
                .entry("binding:profile")
                .or_insert_with(|| Value::Object(cur));
            if let Some(m) = entry.as_object_mut() {
                m.extend(bp);
            }
        }
        extended(
            &mut a,
            "fixed_ips",
            &obj["fixed_ips"],
            ips,
            self.no_fixed_ip,
        );
        let sgs = sg_ids(ctx, &self.security_group)?;
        extended(
            &mut a,
            "security_groups",
            &obj["security_groups"],
            sgs,
            self.no_security_group,
        );
        extended(
            &mut a,
            "allowed_address_pairs",
            &obj["allowed_address_pairs"],
            address_pairs(&self.allowed_address),
            self.no_allowed_address,
        );
        if !self.extra_dhcp_option.is_empty() {
            a.insert(
                "extra_dhcp_opts".into(),
                json!(dhcp_options(&self.extra_dhcp_option)),
            );
        }
        c::put(
            &mut a,
            "data_plane_status",
            self.data_plane_status.as_deref(),
        );
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        if a.get("pvlan_type").is_some_and(c::truthy)
            || a.get("pvlan_community").is_some_and(c::truthy)
        {
            let network_id = obj["network_id"].as_str().unwrap_or_default().to_string();
            let network = c::find(ctx, &NETWORK, &network_id)?;
            check_pvlan_network(&a, &network)?;
        }
        if !a.is_empty() {
            c::update(ctx, &PORT, &c::id(&obj), a)?;
        }
        c::set_tags_for_set(ctx, &PORT, &obj, &self.tags.tags, self.tags.no_tag)?;
        Ok(Output::None)
    }
}

/// Display port details
#[derive(clap::Args, Debug)]
pub struct ShowPort {
    /// Port to display (name or ID)
    #[arg(value_name = "<port>")]
    port: String,
}

impl Command for ShowPort {
    const WORDS: &'static str = "port show";
    const ABOUT: &'static str = "Display port details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        Ok(record(&c::find(ctx, &PORT, &self.port)?))
    }
}

/// Unset port properties
#[derive(clap::Args, Debug)]
pub struct UnsetPort {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Desired IP and/or subnet which should be removed from this port (name or ID):
    /// subnet=<subnet>,ip-address=<ip-address> (repeat option to unset multiple fixed IP
    /// addresses)
    #[arg(long, value_name = "subnet=<subnet>,ip-address=<ip-address>",
          value_parser = parse_fixed_ip, action = clap::ArgAction::Append)]
    fixed_ip: Vec<BTreeMap<String, String>>,
    /// Desired key which should be removed from binding:profile (repeat option to unset
    /// multiple binding:profile keys)
    #[arg(long, value_name = "<binding-profile-key>", action = clap::ArgAction::Append)]
    binding_profile: Vec<String>,
    /// Security group which should be removed this port (name or ID) (repeat option to unset
    /// multiple security groups)
    #[arg(long, value_name = "<security-group>", action = clap::ArgAction::Append)]
    security_group: Vec<String>,
    /// Desired allowed-address pair which should be removed from this port:
    /// ip-address=<ip-address>[,mac-address=<mac-address>] (repeat option to unset multiple
    /// allowed-address pairs)
    #[arg(long, value_name = "ip-address=<ip-address>[,mac-address=<mac-address>]",
          value_parser = parse_address, action = clap::ArgAction::Append)]
    allowed_address: Vec<BTreeMap<String, String>>,
    /// Remove the QoS policy attached to the port
    #[arg(long)]
    qos_policy: bool,
    /// Clear existing data plane status information
    #[arg(long)]
    data_plane_status: bool,
    /// Clear existing NUMA affinity policy
    #[arg(long)]
    numa_policy: bool,
    /// Clear host binding for the port
    #[arg(long)]
    host: bool,
    /// Clear hints for the port
    #[arg(long)]
    hints: bool,
    /// Clear device ID for the port.
    #[arg(long, verbatim_doc_comment)]
    device: bool,
    /// Clear device owner for the port.
    #[arg(long, verbatim_doc_comment)]
    device_owner: bool,
    /// Clear PVLAN community name for the port.
    #[arg(long, verbatim_doc_comment)]
    pvlan_community: bool,
    #[command(flatten)]
    tags: TagUnset,
    /// Port to modify (name or ID)
    #[arg(value_name = "<port>")]
    port: String,
}

/// `list.remove(x)` for each item, or `Port does not contain {what} {x}`.
fn remove_each(current: &Value, remove: &[(Value, String)], what: &str) -> Result<Value, CliError> {
    let mut cur = current.as_array().cloned().unwrap_or_default();
    for (v, shown) in remove {
        match cur.iter().position(|x| x == v) {
            Some(i) => {
                cur.remove(i);
            }
            None => {
                return Err(CliError::Message(format!(
                    "Port does not contain {what} {shown}"
                )));
            }
        }
    }
    Ok(json!(cur))
}

fn py_shown(v: Value) -> (Value, String) {
    let s = ostk_output::py_str_of_json(&v);
    (v, s)
}

impl Command for UnsetPort {
    const WORDS: &'static str = "port unset";
    const ABOUT: &'static str = "Unset port properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &PORT, &self.port)?;
        let ips = fixed_ips(ctx, &self.fixed_ip)?;
        let mut a = Map::new();
        if !ips.is_empty() {
            let rm: Vec<_> = ips.into_iter().map(py_shown).collect();
            a.insert(
                "fixed_ips".into(),
                remove_each(&obj["fixed_ips"], &rm, "fixed-ip")?,
            );
        }
        if !self.binding_profile.is_empty() {
            let mut bp = obj
                .get("binding:profile")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            for k in &self.binding_profile {
                if bp.remove(k).is_none() {
                    return Err(CliError::Message(format!(
                        "Port does not contain binding-profile {k}"
                    )));
                }
            }
            a.insert("binding:profile".into(), Value::Object(bp));
        }
        if !self.security_group.is_empty() {
            let mut rm = Vec::new();
            for g in &self.security_group {
                rm.push((json!(c::find_id(ctx, &SECURITY_GROUP, g)?), g.clone()));
            }
            a.insert(
                "security_groups".into(),
                remove_each(&obj["security_groups"], &rm, "security group")?,
            );
        }
        if !self.allowed_address.is_empty() {
            let rm: Vec<_> = address_pairs(&self.allowed_address)
                .into_iter()
                .map(py_shown)
                .collect();
            a.insert(
                "allowed_address_pairs".into(),
                remove_each(&obj["allowed_address_pairs"], &rm, "allowed-address-pair")?,
            );
        }
        for (on, key, v) in [
            (self.qos_policy, "qos_policy_id", Value::Null),
            (self.data_plane_status, "data_plane_status", Value::Null),
            (self.numa_policy, "numa_affinity_policy", Value::Null),
            (self.host, "binding:host_id", Value::Null),
            (self.hints, "hints", Value::Null),
            (self.device, "device_id", json!("")),
            (self.device_owner, "device_owner", json!("")),
            (self.pvlan_community, "pvlan_community", Value::Null),
        ] {
            if on {
                a.insert(key.into(), v);
            }
        }
        c::extra_properties_unset(&self.extra.extra_property, &mut a);
        if !a.is_empty() {
            c::update(ctx, &PORT, &c::id(&obj), a)?;
        }
        c::set_tags_for_unset(ctx, &PORT, &obj, &self.tags.tags, self.tags.all_tag)?;
        Ok(Output::None)
    }
}
