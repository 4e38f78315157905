//! `network create/delete/list/set/show/unset` (openstackclient/network/v2/network.py).

use super::common::{self as c, Fmt, Formatters};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::{NETWORK, QOS_POLICY};
use serde_json::{Map, Value, json};

crate::network_tag_args!(
    TagCreate, TagSet, TagUnset, TagFilter, "network", "networks"
);

/// `_formatters` of network.py (by attribute and display name).
pub const FORMATTERS: Formatters = &[
    ("subnets", Fmt::List),
    ("subnet_ids", Fmt::List),
    ("admin_state_up", Fmt::AdminState),
    ("is_admin_state_up", Fmt::AdminState),
    ("router:external", Fmt::RouterExternal),
    ("is_router_external", Fmt::RouterExternal),
    ("availability_zones", Fmt::List),
    ("availability_zone_hints", Fmt::List),
    ("tags", Fmt::List),
];

const COLUMN_MAP: &[(&str, &str)] = &[
    ("subnet_ids", "subnets"),
    ("is_admin_state_up", "admin_state_up"),
    ("is_router_external", "router:external"),
    ("is_port_security_enabled", "port_security_enabled"),
    ("provider_network_type", "provider:network_type"),
    ("provider_physical_network", "provider:physical_network"),
    ("provider_segmentation_id", "provider:segmentation_id"),
    ("is_shared", "shared"),
    ("ipv4_address_scope_id", "ipv4_address_scope"),
    ("ipv6_address_scope_id", "ipv6_address_scope"),
    ("tags", "tags"),
];

/// `_get_columns_network` + `get_item_properties`.
pub fn record(body: &Value) -> Output {
    Output::One(c::show_record(
        &NETWORK,
        body,
        COLUMN_MAP,
        &["location", "tenant_id"],
        FORMATTERS,
    ))
}

/// `_add_additional_network_options`.
#[derive(clap::Args, Debug)]
struct Provider {
    /// The physical mechanism by which the virtual network is implemented. For example: flat, geneve, gre, local, vlan or vxlan.
    #[arg(long, value_name = "<provider-network-type>", verbatim_doc_comment)]
    pub provider_network_type: Option<String>,
    /// Name of the physical network over which the virtual network is implemented
    #[arg(long, value_name = "<provider-physical-network>")]
    pub provider_physical_network: Option<String>,
    /// VLAN ID for VLAN networks or Tunnel ID for GENEVE/GRE/VXLAN networks
    #[arg(long, value_name = "<provider-segment>")]
    pub provider_segment: Option<String>,
    /// Set DNS domain for this network (requires DNS integration extension)
    #[arg(long, value_name = "<dns-domain>")]
    pub dns_domain: Option<String>,
}

/// Options `network create` and `network set` share (`_get_attrs`).
#[derive(Default)]
struct Common<'a> {
    name: Option<&'a str>,
    enable: Option<bool>,
    share: Option<bool>,
    port_security: Option<bool>,
    description: Option<&'a str>,
    mtu: Option<&'a str>,
    external: Option<bool>,
    default: Option<bool>,
    provider: Option<&'a Provider>,
    qos_policy: Option<&'a str>,
    no_qos_policy: bool,
    pvlan: Option<bool>,
}

fn get_attrs(ctx: &mut Context, o: &Common) -> Result<Map<String, Value>, CliError> {
    let mut a = Map::new();
    c::put(&mut a, "name", o.name);
    c::put(&mut a, "admin_state_up", o.enable);
    c::put(&mut a, "shared", o.share);
    c::put(&mut a, "port_security_enabled", o.port_security);
    c::put(&mut a, "description", o.description);
    c::put(&mut a, "mtu", o.mtu.filter(|m| !m.is_empty()));
    c::put(&mut a, "router:external", o.external);
    c::put(&mut a, "is_default", o.default);
    if let Some(p) = o.provider {
        for (k, v) in [
            ("provider:network_type", &p.provider_network_type),
            ("provider:physical_network", &p.provider_physical_network),
            ("provider:segmentation_id", &p.provider_segment),
        ] {
            c::put(&mut a, k, v.as_deref().filter(|m| !m.is_empty()));
        }
    }
    if let Some(q) = o.qos_policy {
        a.insert(
            "qos_policy_id".into(),
            json!(c::find_id(ctx, &QOS_POLICY, q)?),
        );
    }
    if o.no_qos_policy {
        a.insert("qos_policy_id".into(), Value::Null);
    }
    c::put(&mut a, "pvlan", o.pvlan);
    c::put(
        &mut a,
        "dns_domain",
        o.provider.and_then(|p| p.dns_domain.as_deref()),
    );
    Ok(a)
}

const PVLAN_PORT_SECURITY: &str = "--disable-port-security and --pvlan can not be used together.";

/// Create new network
#[derive(clap::Args, Debug)]
pub struct CreateNetwork {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// New network name
    #[arg(value_name = "<name>")]
    name: String,
    /// Share the network between projects
    #[arg(long, group = "share_g")]
    share: bool,
    /// Do not share the network between projects
    #[arg(long, group = "share_g")]
    no_share: bool,
    /// Enable network (default)
    #[arg(long, group = "admin_g")]
    enable: bool,
    /// Disable network
    #[arg(long, group = "admin_g")]
    disable: bool,
    /// Owner's project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Set network description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Set network mtu
    #[arg(long, value_name = "<mtu>")]
    mtu: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Availability Zone in which to create this network (Network Availability Zone extension
    /// required, repeat option to set multiple availability zones)
    #[arg(long, value_name = "<availability-zone>", action = clap::ArgAction::Append)]
    availability_zone_hint: Vec<String>,
    /// Enable port security by default for ports created on this network (default)
    #[arg(long, group = "ps_g")]
    enable_port_security: bool,
    /// Disable port security by default for ports created on this network
    #[arg(long, group = "ps_g")]
    disable_port_security: bool,
    /// The network has an external routing facility that is not managed by Neutron and can
    /// be used. For example: openstack router set --external-gateway NETWORK (external-net
    /// extension required)
    #[arg(long, group = "ext_g")]
    external: bool,
    /// Opposite of '--external' (default)
    #[arg(long, group = "ext_g")]
    internal: bool,
    /// Specify if this network should be used as the default external network
    #[arg(long, group = "def_g")]
    default: bool,
    /// Do not use the network as the default external network (default)
    #[arg(long, group = "def_g")]
    no_default: bool,
    /// QoS policy to attach to this network (name or ID)
    #[arg(long, value_name = "<qos-policy>")]
    qos_policy: Option<String>,
    /// Make the network VLAN transparent
    #[arg(long, group = "vt_g")]
    transparent_vlan: bool,
    /// Do not make the network VLAN transparent
    #[arg(long, group = "vt_g")]
    no_transparent_vlan: bool,
    /// Enable VLAN QinQ (S-Tag ethtype 0x8a88) for the network
    #[arg(long, group = "qinq_g")]
    qinq_vlan: bool,
    /// Disable VLAN QinQ (S-Tag ethtype 0x8a88) for the network
    #[arg(long, group = "qinq_g")]
    no_qinq_vlan: bool,
    /// Enable Private VLAN for the network (PVLAN extension required)
    #[arg(long, group = "pvlan_g")]
    pvlan: bool,
    /// Disable Private VLAN for the network (PVLAN extension required)
    #[arg(long, group = "pvlan_g")]
    no_pvlan: bool,
    #[command(flatten)]
    provider: Provider,
    #[command(flatten)]
    tags: TagCreate,
}

impl Command for CreateNetwork {
    const WORDS: &'static str = "network create";
    const ABOUT: &'static str = "Create new network";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let common = Common {
            name: Some(&self.name),
            // argparse `--enable` defaults to True: admin_state_up is always sent.
            enable: Some(!self.disable),
            share: c::flag_pair(self.share, self.no_share),
            port_security: c::flag_pair(self.enable_port_security, self.disable_port_security),
            description: self.description.as_deref(),
            mtu: self.mtu.as_deref(),
            external: c::flag_pair(self.external, self.internal),
            default: c::flag_pair(self.default, self.no_default),
            provider: Some(&self.provider),
            qos_policy: self.qos_policy.as_deref(),
            no_qos_policy: false,
            pvlan: c::flag_pair(self.pvlan, self.no_pvlan),
        };
        let mut attrs = get_attrs(ctx, &common)?;
        // `_get_attrs` resolves the project between the flags and the rest.
        c::put_project(
            ctx,
            &mut attrs,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        if !self.availability_zone_hint.is_empty() {
            attrs.insert(
                "availability_zone_hints".into(),
                json!(self.availability_zone_hint),
            );
        }
        c::put(
            &mut attrs,
            "vlan_transparent",
            c::flag_pair(self.transparent_vlan, self.no_transparent_vlan),
        );
        c::put(
            &mut attrs,
            "vlan_qinq",
            c::flag_pair(self.qinq_vlan, self.no_qinq_vlan),
        );
        if attrs.get("vlan_transparent") == Some(&json!(true))
            && attrs.get("vlan_qinq") == Some(&json!(true))
        {
            return Err(CliError::Message(
                "--transparent-vlan and --qinq-vlan can not be both enabled for the network."
                    .into(),
            ));
        }
        if attrs.get("port_security_enabled") == Some(&json!(false))
            && attrs.get("pvlan") == Some(&json!(true))
        {
            return Err(CliError::Message(PVLAN_PORT_SECURITY.into()));
        }
        if self
            .provider
            .provider_segment
            .as_deref()
            .is_some_and(|s| !s.is_empty())
            && self
                .provider
                .provider_network_type
                .as_deref()
                .is_none_or(str::is_empty)
        {
            return Err(CliError::Message(
                "--provider-segment requires --provider-network-type to be specified.".into(),
            ));
        }
        let obj = c::create_tagged(
            ctx,
            &NETWORK,
            attrs,
            &self.extra,
            &self.tags.tags,
            self.tags.no_tag,
        )?;
        Ok(record(&obj))
    }
}

crate::network_delete_command!(
    DeleteNetwork,
    "network delete",
    "Delete network(s)",
    network,
    "<network>",
    "Network(s) to delete (name or ID)",
    NETWORK,
    "network",
    "networks"
);

/// List networks
#[derive(clap::Args, Debug)]
pub struct ListNetwork {
    /// List only external networks
    #[arg(long, group = "ext_g")]
    external: bool,
    /// List only internal networks
    #[arg(long, group = "ext_g")]
    internal: bool,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    /// List only networks with the specified name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// List only enabled networks
    #[arg(long, group = "admin_g")]
    enable: bool,
    /// List only disabled networks
    #[arg(long, group = "admin_g")]
    disable: bool,
    /// List only networks with the specified project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// List only networks with PVLAN enabled
    #[arg(long, group = "pvlan_g")]
    pvlan: bool,
    /// List only networks with PVLAN disabled
    #[arg(long, group = "pvlan_g")]
    no_pvlan: bool,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// List only networks shared between projects
    #[arg(long, group = "share_g")]
    share: bool,
    /// List only networks not shared between projects
    #[arg(long, group = "share_g")]
    no_share: bool,
    /// List only networks with the specified status ('ACTIVE', 'BUILD', 'DOWN', 'ERROR')
    #[arg(long, value_name = "<status>", value_parser = ["ACTIVE", "BUILD", "DOWN", "ERROR"], hide_possible_values = true)]
    status: Option<String>,
    /// List only networks with the specified physical mechanisms. The supported options are: flat, geneve, gre, local, vlan and vxlan.
    #[arg(long, value_name = "<provider-network-type>", verbatim_doc_comment,
          value_parser = ["flat", "geneve", "gre", "local", "vlan", "vxlan"], hide_possible_values = true)]
    provider_network_type: Option<String>,
    /// List only networks with the specified physical network name
    #[arg(long, value_name = "<provider-physical-network>")]
    provider_physical_network: Option<String>,
    /// List only networks with the specified provider segment ID (VLAN ID for VLAN networks
    /// or Tunnel ID for GENEVE/GRE/VXLAN networks)
    #[arg(long, value_name = "<provider-segment>")]
    provider_segment: Option<String>,
    /// List only networks hosted the specified agent (ID only)
    #[arg(long, value_name = "<agent-id>")]
    agent: Option<String>,
    #[command(flatten)]
    tags: TagFilter,
    #[command(flatten)]
    page: super::MarkerPage,
}

const LIST_LONG: &[(&str, &str)] = &[
    ("ID", "id"),
    ("Name", "name"),
    ("Status", "status"),
    ("Project", "project_id"),
    ("State", "is_admin_state_up"),
    ("Shared", "is_shared"),
    ("Subnets", "subnet_ids"),
    ("Network Type", "provider_network_type"),
    ("Router Type", "is_router_external"),
    ("Availability Zones", "availability_zones"),
    ("Tags", "tags"),
];
const LIST_SHORT: &[(&str, &str)] = &[("ID", "id"), ("Name", "name"), ("Subnets", "subnet_ids")];

impl Command for ListNetwork {
    const WORDS: &'static str = "network list";
    const ABOUT: &'static str = "List networks";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if let Some(agent) = &self.agent {
            let s = ctx.session()?;
            let coll = ostk_sdk::rest::Collection {
                path: "dhcp-networks",
                ..NETWORK.coll
            };
            let items = c::run(ctx, coll.list_in(&s, &format!("agents/{agent}"), &[]))?;
            return Ok(Output::List(c::listing(
                &NETWORK, &items, LIST_SHORT, FORMATTERS,
            )));
        }
        let mut q: Vec<(&str, String)> = Vec::new();
        c::push_project(
            ctx,
            &mut q,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        if let Some(n) = &self.name {
            q.push(("name", n.clone()));
        }
        if let Some(b) = c::flag_pair(self.enable, self.disable) {
            q.push(("admin_state_up", c::py_bool(b)));
        }
        if let Some(b) = c::flag_pair(self.external, self.internal) {
            q.push(("router:external", c::py_bool(b)));
        }
        if let Some(b) = c::flag_pair(self.share, self.no_share) {
            q.push(("shared", c::py_bool(b)));
        }
        if let Some(s) = &self.status {
            q.push(("status", s.clone()));
        }
        for (k, v) in [
            ("provider:network_type", &self.provider_network_type),
            ("provider:physical_network", &self.provider_physical_network),
            ("provider:segmentation_id", &self.provider_segment),
        ] {
            if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
                q.push((k, v.clone()));
            }
        }
        if let Some(b) = c::flag_pair(self.pvlan, self.no_pvlan) {
            q.push(("pvlan", c::py_bool(b)));
        }
        self.tags.apply(&mut q);
        self.page.apply(&mut q);
        let cols = if self.long { LIST_LONG } else { LIST_SHORT };
        Ok(Output::List(c::list_listing(
            ctx,
            &NETWORK,
            &q,
            self.page.max_items,
            cols,
            FORMATTERS,
        )?))
    }
}

/// Set network properties
#[derive(clap::Args, Debug)]
pub struct SetNetwork {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Network to modify (name or ID)
    #[arg(value_name = "<network>")]
    network: String,
    /// Set network name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Enable network
    #[arg(long, group = "admin_g")]
    enable: bool,
    /// Disable network
    #[arg(long, group = "admin_g")]
    disable: bool,
    /// Share the network between projects
    #[arg(long, group = "share_g")]
    share: bool,
    /// Do not share the network between projects
    #[arg(long, group = "share_g")]
    no_share: bool,
    /// Set network description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Set network mtu
    #[arg(long, value_name = "<mtu>")]
    mtu: Option<String>,
    /// Enable port security by default for ports created on this network
    #[arg(long, group = "ps_g")]
    enable_port_security: bool,
    /// Disable port security by default for ports created on this network
    #[arg(long, group = "ps_g")]
    disable_port_security: bool,
    /// The network has an external routing facility that is not managed by Neutron and can be used. For example: openstack router set --external-gateway NETWORK (external-net extension required).
    #[arg(long, group = "ext_g", verbatim_doc_comment)]
    external: bool,
    /// Opposite of '--external'
    #[arg(long, group = "ext_g")]
    internal: bool,
    /// Set the network as the default external network
    #[arg(long, group = "def_g")]
    default: bool,
    /// Do not use the network as the default external network
    #[arg(long, group = "def_g")]
    no_default: bool,
    /// QoS policy to attach to this network (name or ID)
    #[arg(long, value_name = "<qos-policy>", group = "qos_g")]
    qos_policy: Option<String>,
    /// Remove the QoS policy attached to this network
    #[arg(long, group = "qos_g")]
    no_qos_policy: bool,
    /// Enable Private VLAN for the network. PVLAN extension required.
    #[arg(long, group = "pvlan_g", verbatim_doc_comment)]
    pvlan: bool,
    /// Disable Private VLAN for the network (Default). PVLAN extension required.
    #[arg(long, group = "pvlan_g", verbatim_doc_comment)]
    no_pvlan: bool,
    #[command(flatten)]
    tags: TagSet,
    #[command(flatten)]
    provider: Provider,
}

impl Command for SetNetwork {
    const WORDS: &'static str = "network set";
    const ABOUT: &'static str = "Set network properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &NETWORK, &self.network)?;
        let common = Common {
            name: self.name.as_deref(),
            enable: c::flag_pair(self.enable, self.disable),
            share: c::flag_pair(self.share, self.no_share),
            port_security: c::flag_pair(self.enable_port_security, self.disable_port_security),
            description: self.description.as_deref(),
            mtu: self.mtu.as_deref(),
            external: c::flag_pair(self.external, self.internal),
            default: c::flag_pair(self.default, self.no_default),
            provider: Some(&self.provider),
            qos_policy: self.qos_policy.as_deref(),
            no_qos_policy: self.no_qos_policy,
            pvlan: c::flag_pair(self.pvlan, self.no_pvlan),
        };
        let mut attrs = get_attrs(ctx, &common)?;
        c::extra_properties(&self.extra.extra_property, &mut attrs)?;
        if attrs.get("port_security_enabled") == Some(&json!(false))
            && attrs.get("pvlan") == Some(&json!(true))
        {
            return Err(CliError::Message(PVLAN_PORT_SECURITY.into()));
        }
        if !attrs.is_empty() {
            c::update(ctx, &NETWORK, &c::id(&obj), attrs)?;
        }
        c::set_tags_for_set(ctx, &NETWORK, &obj, &self.tags.tags, self.tags.no_tag)?;
        Ok(Output::None)
    }
}

/// Show network details
#[derive(clap::Args, Debug)]
pub struct ShowNetwork {
    /// Network to display (name or ID)
    #[arg(value_name = "<network>")]
    network: String,
}

impl Command for ShowNetwork {
    const WORDS: &'static str = "network show";
    const ABOUT: &'static str = "Show network details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &NETWORK, &self.network)?;
        Ok(record(&obj))
    }
}

/// Unset network properties
#[derive(clap::Args, Debug)]
pub struct UnsetNetwork {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Network to modify (name or ID)
    #[arg(value_name = "<network>")]
    network: String,
    #[command(flatten)]
    tags: TagUnset,
}

impl Command for UnsetNetwork {
    const WORDS: &'static str = "network unset";
    const ABOUT: &'static str = "Unset network properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &NETWORK, &self.network)?;
        let mut attrs = Map::new();
        c::extra_properties_unset(&self.extra.extra_property, &mut attrs);
        if !attrs.is_empty() {
            c::update(ctx, &NETWORK, &c::id(&obj), attrs)?;
        }
        c::set_tags_for_unset(ctx, &NETWORK, &obj, &self.tags.tags, self.tags.all_tag)?;
        Ok(Output::None)
    }
}
