//! `floating ip create/delete/list/set/show/unset` (openstackclient/network/v2/floating_ip.py).

use super::common::{self as c, Fmt, Formatters};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::{FLOATING_IP, NETWORK, PORT, QOS_POLICY, ROUTER, SUBNET};
use serde_json::{Map, Value, json};

crate::network_tag_args!(
    TagCreate,
    TagSet,
    TagUnset,
    TagFilter,
    "floating IP",
    "floating IP"
);

const FORMATTERS: Formatters = &[("port_details", Fmt::Dict)];

fn record(body: &Value, fmts: Formatters) -> Output {
    Output::One(c::show_record(
        &FLOATING_IP,
        body,
        &[],
        &["location", "tenant_id"],
        fmts,
    ))
}

/// Create floating IP
#[derive(clap::Args, Debug)]
pub struct CreateFloatingIp {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Network to allocate floating IP from (name or ID)
    #[arg(value_name = "<network>")]
    network: String,
    /// Subnet on which you want to create the floating IP (name or ID)
    #[arg(long, value_name = "<subnet>")]
    subnet: Option<String>,
    /// Port to be associated with the floating IP (name or ID)
    #[arg(long, value_name = "<port>")]
    port: Option<String>,
    /// Router hosting the floating IP (name or ID)
    #[arg(long, value_name = "<router>")]
    router: Option<String>,
    /// Floating IP address
    #[arg(long, value_name = "<ip-address>")]
    floating_ip_address: Option<String>,
    /// Fixed IP address mapped to the floating IP
    #[arg(long, value_name = "<ip-address>")]
    fixed_ip_address: Option<String>,
    /// Attach QoS policy to the floating IP (name or ID)
    #[arg(long, value_name = "<qos-policy>")]
    qos_policy: Option<String>,
    /// Set floating IP description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Owner's project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Set DNS domain for this floating IP
    #[arg(long, value_name = "<dns-domain>")]
    dns_domain: Option<String>,
    /// Set DNS name for this floating IP
    #[arg(long, value_name = "<dns-name>")]
    dns_name: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    #[command(flatten)]
    tags: TagCreate,
}

impl Command for CreateFloatingIp {
    const WORDS: &'static str = "floating ip create";
    const ABOUT: &'static str = "Create floating IP";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut a = Map::new();
        a.insert(
            "floating_network_id".into(),
            json!(c::find_id(ctx, &NETWORK, &self.network)?),
        );
        let nonempty = |o: &Option<String>| o.clone().filter(|s| !s.is_empty());
        if let Some(s) = nonempty(&self.subnet) {
            a.insert("subnet_id".into(), json!(c::find_id(ctx, &SUBNET, &s)?));
        }
        if let Some(p) = nonempty(&self.port) {
            a.insert("port_id".into(), json!(c::find_id(ctx, &PORT, &p)?));
        }
        if let Some(r) = nonempty(&self.router) {
            a.insert("router_id".into(), json!(c::find_id(ctx, &ROUTER, &r)?));
        }
        c::put(
            &mut a,
            "floating_ip_address",
            nonempty(&self.floating_ip_address),
        );
        c::put(&mut a, "fixed_ip_address", nonempty(&self.fixed_ip_address));
        if let Some(q) = nonempty(&self.qos_policy) {
            a.insert(
                "qos_policy_id".into(),
                json!(c::find_id(ctx, &QOS_POLICY, &q)?),
            );
        }
        c::put(&mut a, "description", self.description.as_deref());
        c::put_project(
            ctx,
            &mut a,
            self.project.as_deref().filter(|p| !p.is_empty()),
            self.project_domain.as_deref(),
        )?;
        c::put(&mut a, "dns_domain", nonempty(&self.dns_domain));
        c::put(&mut a, "dns_name", nonempty(&self.dns_name));
        let obj = c::create_tagged(
            ctx,
            &FLOATING_IP,
            a,
            &self.extra,
            &self.tags.tags,
            self.tags.no_tag,
        )?;
        // OSC's create shows `port_details` unformatted.
        Ok(record(&obj, &[]))
    }
}

crate::network_delete_command!(
    DeleteFloatingIp,
    "floating ip delete",
    "Delete floating IP(s)",
    floating_ip,
    "<floating-ip>",
    "Floating IP(s) to delete (IP address or ID)",
    FLOATING_IP,
    "floating IP",
    "floating IPs"
);

/// List floating IP(s)
#[derive(clap::Args, Debug)]
pub struct ListFloatingIp {
    /// List only floating IP(s) with the specified network (name or ID) (repeat option to
    /// fiter on multiple networks)
    #[arg(long, value_name = "<network>", action = clap::ArgAction::Append)]
    network: Vec<String>,
    /// List only floating IP(s) with the specified port (name or ID) (repeat option to fiter
    /// on multiple ports)
    #[arg(long, value_name = "<port>", action = clap::ArgAction::Append)]
    port: Vec<String>,
    /// List only floating IP(s) with the specified fixed IP address
    #[arg(long, value_name = "<ip-address>")]
    fixed_ip_address: Option<String>,
    /// List only floating IP(s) with the specified floating IP address
    #[arg(long, value_name = "<ip-address>")]
    floating_ip_address: Option<String>,
    /// List only floating IP(s) with the specified status ('ACTIVE', 'DOWN')
    #[arg(long, value_name = "<status>", value_parser = ["ACTIVE", "DOWN"],
          hide_possible_values = true)]
    status: Option<String>,
    /// List only floating IP(s) with the specified project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// List only floating IP(s) with the specified router (name or ID) (repeat option to
    /// fiter on multiple routers)
    #[arg(long, value_name = "<router>", action = clap::ArgAction::Append)]
    router: Vec<String>,
    #[command(flatten)]
    tags: TagFilter,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListFloatingIp {
    const WORDS: &'static str = "floating ip list";
    const ABOUT: &'static str = "List floating IP(s)";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut q: Vec<(&str, String)> = Vec::new();
        for n in &self.network {
            q.push(("floating_network_id", c::find_id(ctx, &NETWORK, n)?));
        }
        for p in &self.port {
            q.push(("port_id", c::find_id(ctx, &PORT, p)?));
        }
        c::put_query(&mut q, "fixed_ip_address", self.fixed_ip_address.as_deref());
        c::put_query(
            &mut q,
            "floating_ip_address",
            self.floating_ip_address.as_deref(),
        );
        c::put_query(&mut q, "status", self.status.as_deref());
        c::push_project(
            ctx,
            &mut q,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        for r in &self.router {
            q.push(("router_id", c::find_id(ctx, &ROUTER, r)?));
        }
        self.tags.apply(&mut q);
        self.page.apply(&mut q);
        // OSC lists nothing when neutron answers 404.
        let items = match c::list(ctx, &FLOATING_IP, &q, self.page.max_items) {
            Err(CliError::Message(m)) if m.starts_with("NotFoundException") => Vec::new(),
            other => other?,
        };
        let mut cols = vec![
            ("ID", "id"),
            ("Floating IP Address", "floating_ip_address"),
            ("Fixed IP Address", "fixed_ip_address"),
            ("Port", "port_id"),
            ("Floating Network", "floating_network_id"),
            ("Project", "project_id"),
        ];
        if self.long {
            cols.extend([
                ("Router", "router_id"),
                ("Status", "status"),
                ("Description", "description"),
                ("Tags", "tags"),
                ("DNS Name", "dns_name"),
                ("DNS Domain", "dns_domain"),
            ]);
        }
        Ok(Output::List(c::listing(&FLOATING_IP, &items, &cols, &[])))
    }
}

/// Set floating IP Properties
#[derive(clap::Args, Debug)]
pub struct SetFloatingIp {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Floating IP to modify (IP address or ID)
    #[arg(value_name = "<floating-ip>")]
    floating_ip: String,
    /// Associate the floating IP with port (name or ID)
    #[arg(long, value_name = "<port>")]
    port: Option<String>,
    /// Router hosting the floating IP (name or ID)
    #[arg(long, value_name = "<router>")]
    router: Option<String>,
    /// Fixed IP of the port (required only if port has multiple IPs)
    #[arg(long, value_name = "<ip-address>")]
    fixed_ip_address: Option<String>,
    /// Set floating IP description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Attach QoS policy to the floating IP (name or ID)
    #[arg(long, value_name = "<qos-policy>", group = "qos_g")]
    qos_policy: Option<String>,
    /// Remove the QoS policy attached to the floating IP
    #[arg(long, group = "qos_g")]
    no_qos_policy: bool,
    #[command(flatten)]
    tags: TagSet,
}

impl Command for SetFloatingIp {
    const WORDS: &'static str = "floating ip set";
    const ABOUT: &'static str = "Set floating IP Properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &FLOATING_IP, &self.floating_ip)?;
        let mut a = Map::new();
        let nonempty = |o: &Option<String>| o.clone().filter(|s| !s.is_empty());
        if let Some(p) = nonempty(&self.port) {
            a.insert("port_id".into(), json!(c::find_id(ctx, &PORT, &p)?));
        }
        c::put(&mut a, "fixed_ip_address", nonempty(&self.fixed_ip_address));
        if let Some(r) = nonempty(&self.router) {
            a.insert("router_id".into(), json!(c::find_id(ctx, &ROUTER, &r)?));
        }
        c::put(&mut a, "description", nonempty(&self.description));
        if let Some(q) = nonempty(&self.qos_policy) {
            a.insert(
                "qos_policy_id".into(),
                json!(c::find_id(ctx, &QOS_POLICY, &q)?),
            );
        }
        if self.no_qos_policy {
            a.insert("qos_policy_id".into(), Value::Null);
        }
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        if !a.is_empty() {
            c::update(ctx, &FLOATING_IP, &c::id(&obj), a)?;
        }
        c::set_tags_for_set(ctx, &FLOATING_IP, &obj, &self.tags.tags, self.tags.no_tag)?;
        Ok(Output::None)
    }
}

/// Display floating IP details
#[derive(clap::Args, Debug)]
pub struct ShowFloatingIp {
    /// Floating IP to display (IP address or ID)
    #[arg(value_name = "<floating-ip>")]
    floating_ip: String,
}

impl Command for ShowFloatingIp {
    const WORDS: &'static str = "floating ip show";
    const ABOUT: &'static str = "Display floating IP details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        Ok(record(
            &c::find(ctx, &FLOATING_IP, &self.floating_ip)?,
            FORMATTERS,
        ))
    }
}

/// Unset floating IP Properties
#[derive(clap::Args, Debug)]
pub struct UnsetFloatingIp {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Floating IP to disassociate (IP address or ID)
    #[arg(value_name = "<floating-ip>")]
    floating_ip: String,
    /// Disassociate any port associated with the floating IP
    #[arg(long)]
    port: bool,
    /// Remove the QoS policy attached to the floating IP
    #[arg(long)]
    qos_policy: bool,
    #[command(flatten)]
    tags: TagUnset,
}

impl Command for UnsetFloatingIp {
    const WORDS: &'static str = "floating ip unset";
    const ABOUT: &'static str = "Unset floating IP Properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &FLOATING_IP, &self.floating_ip)?;
        let mut a = Map::new();
        if self.port {
            a.insert("port_id".into(), Value::Null);
        }
        if self.qos_policy {
            a.insert("qos_policy_id".into(), Value::Null);
        }
        c::extra_properties_unset(&self.extra.extra_property, &mut a);
        if !a.is_empty() {
            c::update(ctx, &FLOATING_IP, &c::id(&obj), a)?;
        }
        c::set_tags_for_unset(ctx, &FLOATING_IP, &obj, &self.tags.tags, self.tags.all_tag)?;
        Ok(Output::None)
    }
}
