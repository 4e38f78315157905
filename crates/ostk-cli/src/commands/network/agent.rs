//! `network agent add/remove network/router, delete/list/set/show, router set` (openstackclient/network/v2/network_agent.py).

use super::common::{self as c, Fmt, Formatters};
use crate::commands::common::bulk;
use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::{ClientError, Method};
use ostk_sdk::network::{self as net, AGENT, AGENTS, DHCP_AGENTS, L3_AGENTS, NETWORK, ROUTER};
use serde_json::{Map, Value, json};

/// `AliveColumn`.
fn alive(v: &Value) -> String {
    if c::truthy(v) { ":-)" } else { "XXX" }.to_string()
}

const FORMATTERS: Formatters = &[
    ("is_alive", Fmt::Human(alive)),
    ("is_admin_state_up", Fmt::AdminState),
    ("configuration", Fmt::Dict),
];

/// openstacksdk `get_agent`: a 404 reads `No Agent found for x: …`.
fn get_agent(ctx: &mut Context, id: &str) -> Result<Value, CliError> {
    let s = ctx.session()?;
    ctx.block_on(AGENTS.get(&s, id))?.map_err(|e| {
        let nf = (e.status() == Some(404)).then(|| format!("No Agent found for {id}"));
        sdk_error(e, nf.as_deref())
    })
}

/// Delete network agent(s)
#[derive(clap::Args, Debug)]
pub struct DeleteNetworkAgent {
    /// Network agent(s) to delete (ID only)
    #[arg(value_name = "<network-agent>", required = true)]
    network_agent: Vec<String>,
}

impl Command for DeleteNetworkAgent {
    const WORDS: &'static str = "network agent delete";
    const ABOUT: &'static str = "Delete network agent(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // Deleted by ID without a lookup, as OSC does.
        let results = bulk::each(ctx, &self.network_agent, |s, item| async move {
            AGENTS
                .delete(&s, &item)
                .await
                .map_err(|e: ClientError| sdk_error(e, None))
        })?;
        bulk::summarize(&self.network_agent, results, "network agents", |item, e| {
            format!("Failed to delete network agent with ID '{item}': {e}")
        })?;
        Ok(Output::None)
    }
}

/// OSC's `--agent-type` names and neutron's agent types.
const AGENT_TYPES: &[(&str, &str)] = &[
    ("bgp", "BGP dynamic routing agent"),
    ("dhcp", "DHCP agent"),
    ("open-vswitch", "Open vSwitch agent"),
    ("linux-bridge", "Linux bridge agent"),
    ("ofa", "OFA driver agent"),
    ("l3", "L3 agent"),
    ("loadbalancer", "Loadbalancer agent"),
    ("metering", "Metering agent"),
    ("metadata", "Metadata agent"),
    ("macvtap", "Macvtap agent"),
    ("nic", "NIC Switch agent"),
    ("baremetal", "Baremetal Node"),
    ("ovn-controller", "OVN Controller agent"),
    ("ovn-controller-gateway", "OVN Controller Gateway agent"),
    ("ovn-metadata", "OVN Metadata agent"),
    ("ovn-agent", "OVN Neutron agent"),
];

/// List network agents
#[derive(clap::Args, Debug)]
pub struct ListNetworkAgent {
    /// List only agents with the specified agent type. The supported agent types are: bgp,dhcp,open-vswitch,linux-bridge,ofa,l3,loadbalancer,metering,metadata,macvtap,nic,baremetal,ovn-controller,ovn-controller-gateway,ovn-metadata,ovn-agent.
    #[arg(long, value_name = "<agent-type>", hide_possible_values = true, verbatim_doc_comment,
          value_parser = ["bgp", "dhcp", "open-vswitch", "linux-bridge", "ofa", "l3",
              "loadbalancer", "metering", "metadata", "macvtap", "nic", "baremetal",
              "ovn-controller", "ovn-controller-gateway", "ovn-metadata", "ovn-agent"])]
    agent_type: Option<String>,
    /// List only agents running on the specified host
    #[arg(long, value_name = "<host>")]
    host: Option<String>,
    /// List agents hosting the specified network (name or ID)
    #[arg(long, value_name = "<network>", group = "hosting_g")]
    network: Option<String>,
    /// List agents hosting the specified router (name or ID)
    #[arg(long, value_name = "<router>", group = "hosting_g")]
    router: Option<String>,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListNetworkAgent {
    const WORDS: &'static str = "network agent list";
    const ABOUT: &'static str = "List network agents";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut cols = vec![
            ("ID", "id"),
            ("Agent Type", "agent_type"),
            ("Host", "host"),
            ("Availability Zone", "availability_zone"),
            ("Alive", "is_alive"),
            ("State", "is_admin_state_up"),
            ("Binary", "binary"),
        ];
        let items = if let Some(n) = &self.network {
            let id = c::find_id(ctx, &NETWORK, n)?;
            let s = ctx.session()?;
            c::run(ctx, DHCP_AGENTS.list_in(&s, &format!("networks/{id}"), &[]))?
        } else if let Some(r) = &self.router {
            if self.long {
                cols.push(("HA State", "ha_state"));
            }
            let id = c::find_id(ctx, &ROUTER, r)?;
            let s = ctx.session()?;
            c::run(ctx, L3_AGENTS.list_in(&s, &format!("routers/{id}"), &[]))?
        } else {
            let mut q: Vec<(&str, String)> = Vec::new();
            self.page.apply(&mut q);
            if let Some(t) = &self.agent_type {
                let name = AGENT_TYPES.iter().find(|(k, _)| k == t).map(|(_, v)| *v);
                c::put_query(&mut q, "agent_type", name);
            }
            c::put_query(&mut q, "host", self.host.as_deref());
            c::list(ctx, &AGENT, &q, self.page.max_items)?
        };
        Ok(Output::List(c::listing(&AGENT, &items, &cols, FORMATTERS)))
    }
}

/// Set network agent properties
#[derive(clap::Args, Debug)]
pub struct SetNetworkAgent {
    /// Network agent to modify (ID only)
    #[arg(value_name = "<network-agent>")]
    network_agent: String,
    /// Set network agent description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Enable network agent
    #[arg(long, group = "admin_g")]
    enable: bool,
    /// Disable network agent
    #[arg(long, group = "admin_g")]
    disable: bool,
}

impl Command for SetNetworkAgent {
    const WORDS: &'static str = "network agent set";
    const ABOUT: &'static str = "Set network agent properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = get_agent(ctx, &self.network_agent)?;
        let mut a = Map::new();
        c::put(&mut a, "description", self.description.as_deref());
        c::put(
            &mut a,
            "admin_state_up",
            c::flag_pair(self.enable, self.disable),
        );
        c::update(ctx, &AGENT, &c::id(&obj), a)?;
        Ok(Output::None)
    }
}

/// Display network agent details
#[derive(clap::Args, Debug)]
pub struct ShowNetworkAgent {
    /// Network agent to display (ID only)
    #[arg(value_name = "<network-agent>")]
    network_agent: String,
}

impl Command for ShowNetworkAgent {
    const WORDS: &'static str = "network agent show";
    const ABOUT: &'static str = "Display network agent details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = get_agent(ctx, &self.network_agent)?;
        let cols = [
            ("admin_state_up", "is_admin_state_up"),
            ("agent_type", "agent_type"),
            ("alive", "is_alive"),
            ("availability_zone", "availability_zone"),
            ("binary", "binary"),
            ("configuration", "configuration"),
            ("created_at", "created_at"),
            ("description", "description"),
            ("ha_chassis_priority", "ha_chassis_priority"),
            ("ha_state", "ha_state"),
            ("host", "host"),
            ("id", "id"),
            ("last_heartbeat_at", "last_heartbeat_at"),
            ("resources_synced", "resources_synced"),
            ("started_at", "started_at"),
            ("topic", "topic"),
        ];
        Ok(Output::One(c::fixed_record(
            &AGENT, &obj, &cols, FORMATTERS,
        )))
    }
}

/// openstacksdk's call on an agent's hosted networks or routers.
fn bind(
    ctx: &mut Context,
    method: Method,
    agent: &str,
    what: &str,
    item: Option<&str>,
    body: Value,
) -> Result<(), CliError> {
    let s = ctx.session()?;
    c::run(ctx, net::agent_binding(&s, method, agent, what, item, body))
}

/// Add network to an agent
#[derive(clap::Args, Debug)]
pub struct AddNetworkToAgent {
    /// Add network to a DHCP agent
    #[arg(long)]
    dhcp: bool,
    /// Agent to which a network is added (ID only)
    #[arg(value_name = "<agent-id>")]
    agent_id: String,
    /// Network to be added to an agent (name or ID)
    #[arg(value_name = "<network>")]
    network: String,
}

impl Command for AddNetworkToAgent {
    const WORDS: &'static str = "network agent add network";
    const ABOUT: &'static str = "Add network to an agent";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let agent = c::id(&get_agent(ctx, &self.agent_id)?);
        let network = c::find_id(ctx, &NETWORK, &self.network)?;
        if self.dhcp {
            let body = json!({ "network_id": network });
            // OSC builds an error here but never raises it: failures pass silently.
            let _ = bind(ctx, Method::POST, &agent, "dhcp-networks", None, body);
        }
        Ok(Output::None)
    }
}

/// Remove network from an agent.
#[derive(clap::Args, Debug)]
pub struct RemoveNetworkFromAgent {
    /// Remove network from DHCP agent
    #[arg(long)]
    dhcp: bool,
    /// Agent to which a network is removed (ID only)
    #[arg(value_name = "<agent-id>")]
    agent_id: String,
    /// Network to be removed from an agent (name or ID)
    #[arg(value_name = "<network>")]
    network: String,
}

impl Command for RemoveNetworkFromAgent {
    const WORDS: &'static str = "network agent remove network";
    const ABOUT: &'static str = "Remove network from an agent.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let agent = c::id(&get_agent(ctx, &self.agent_id)?);
        let network = c::find_id(ctx, &NETWORK, &self.network)?;
        if self.dhcp {
            let body = json!({ "network_id": network });
            // As for `add network`, OSC ignores failures.
            let _ = bind(
                ctx,
                Method::DELETE,
                &agent,
                "dhcp-networks",
                Some(&network),
                body,
            );
        }
        Ok(Output::None)
    }
}

/// Add router to an agent
#[derive(clap::Args, Debug)]
pub struct AddRouterToAgent {
    /// Add router to an L3 agent
    #[arg(long)]
    l3: bool,
    /// HA Chassis priority, ranging from [0, 32767]. Only used with --l3 and for ML2/OVN L3 agents
    #[arg(long, value_name = "<ha-chassis-priority>")]
    ha_chassis_priority: Option<i64>,
    /// Agent to which a router is added (ID only)
    #[arg(value_name = "<agent-id>")]
    agent_id: String,
    /// Router to be added to an agent (name or ID)
    #[arg(value_name = "<router>")]
    router: String,
}

impl Command for AddRouterToAgent {
    const WORDS: &'static str = "network agent add router";
    const ABOUT: &'static str = "Add router to an agent";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let agent = c::id(&get_agent(ctx, &self.agent_id)?);
        let router = c::find_id(ctx, &ROUTER, &self.router)?;
        if self.l3 {
            let mut body = json!({ "router_id": router });
            if let Some(p) = self.ha_chassis_priority {
                body["ha_chassis_priority"] = json!(p);
            }
            bind(ctx, Method::POST, &agent, "l3-routers", None, body)?;
        }
        Ok(Output::None)
    }
}

/// Remove router from an agent
#[derive(clap::Args, Debug)]
pub struct RemoveRouterFromAgent {
    /// Remove router from an L3 agent
    #[arg(long)]
    l3: bool,
    /// Agent from which router will be removed (ID only)
    #[arg(value_name = "<agent-id>")]
    agent_id: String,
    /// Router to be removed from an agent (name or ID)
    #[arg(value_name = "<router>")]
    router: String,
}

impl Command for RemoveRouterFromAgent {
    const WORDS: &'static str = "network agent remove router";
    const ABOUT: &'static str = "Remove router from an agent";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let agent = c::id(&get_agent(ctx, &self.agent_id)?);
        let router = c::find_id(ctx, &ROUTER, &self.router)?;
        if self.l3 {
            let body = json!({ "router_id": router });
            bind(
                ctx,
                Method::DELETE,
                &agent,
                "l3-routers",
                Some(&router),
                body,
            )?;
        }
        Ok(Output::None)
    }
}

/// Set properties of a router associated to an agent
#[derive(clap::Args, Debug)]
pub struct SetNetworkAgentRouter {
    /// HA Chassis priority, ranging from [0, 32767]. Only used with --l3 and for ML2/OVN L3 agents
    #[arg(long, value_name = "<ha-chassis-priority>", required = true)]
    ha_chassis_priority: i64,
    /// L3 agent to modify (ID only)
    #[arg(value_name = "<agent-id>")]
    agent_id: String,
    /// Router to update (name or ID)
    #[arg(value_name = "<router>")]
    router: String,
}

impl Command for SetNetworkAgentRouter {
    const WORDS: &'static str = "network agent router set";
    const ABOUT: &'static str = "Set properties of a router associated to an agent";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let agent = c::id(&get_agent(ctx, &self.agent_id)?);
        let router = c::find_id(ctx, &ROUTER, &self.router)?;
        let body = json!({ "ha_chassis_priority": self.ha_chassis_priority });
        bind(ctx, Method::PUT, &agent, "l3-routers", Some(&router), body)?;
        Ok(Output::None)
    }
}
