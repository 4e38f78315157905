//! `router create/delete/list/set/show/unset`, `router add/remove subnet|port|route|gateway`
//! (openstackclient/network/v2/router.py).

use super::common::{self as c, Fmt, Formatters};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::{self as net, NETWORK, PORT, QOS_POLICY, ROUTER, SUBNET};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

crate::network_tag_args!(TagCreate, TagSet, TagUnset, TagFilter, "router", "routers");

/// `RoutesColumn`: `destination='…', gateway='…'` lines (nexthop shown as gateway).
fn routes(v: &Value) -> String {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_object)
                .map(|r| {
                    let mut r = r.clone();
                    if let Some(n) = r.remove("nexthop") {
                        r.insert("gateway".into(), n);
                    }
                    ostk_output::format_dict(&r)
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}

const FORMATTERS: Formatters = &[
    ("is_admin_state_up", Fmt::AdminState),
    ("external_gateway_info", Fmt::Human(c::py_json_dumps)),
    ("interfaces_info", Fmt::Human(c::py_json_dumps)),
    ("availability_zones", Fmt::List),
    ("availability_zone_hints", Fmt::List),
    ("routes", Fmt::Human(routes)),
    ("tags", Fmt::List),
];

/// `_get_columns`: `is_ha`/`is_distributed` shown only when the server says, `evpn_vni` only
/// when set, `interfaces_info` when `router show` added it.
fn record(body: &Value) -> Output {
    let dict = ROUTER.to_dict(body);
    let mut map = vec![("is_admin_state_up", "admin_state_up")];
    let mut hidden = vec!["location", "tenant_id"];
    for (attr, shown) in [("is_ha", "ha"), ("is_distributed", "distributed")] {
        if dict.get(attr).is_none_or(Value::is_null) {
            hidden.push(attr);
        } else {
            map.push((attr, shown));
        }
    }
    if dict.get("evpn_vni").is_none_or(Value::is_null) {
        hidden.push("evpn_vni");
    }
    Output::One(c::show_record(&ROUTER, body, &map, &hidden, FORMATTERS))
}

fn parse_route(s: &str) -> Result<BTreeMap<String, String>, crate::render::ArgumentError> {
    c::parse_multi_kv_keys(s, &["destination", "gateway"], &[])
}

fn parse_fixed_ip(s: &str) -> Result<BTreeMap<String, String>, crate::render::ArgumentError> {
    c::parse_multi_kv_keys(s, &[], &["subnet", "ip-address"])
}

/// `--route` values as the API wants them (`gateway` → `nexthop`).
fn routes_json(r: &[BTreeMap<String, String>]) -> Vec<Value> {
    r.iter()
        .map(|m| json!({"destination": m.get("destination"), "nexthop": m.get("gateway")}))
        .collect()
}

/// Whether neutron has an extension (openstacksdk `find_extension(alias)`).
fn has_extension(ctx: &mut Context, alias: &str) -> Result<bool, CliError> {
    let s = ctx.session()?;
    match ctx.block_on(net::EXTENSIONS.get(&s, alias))? {
        Ok(_) => Ok(true),
        Err(e) if e.status() == Some(404) => Ok(false),
        Err(e) => Err(crate::commands::identity::common::sdk_error(e, None)),
    }
}

/// External gateway options (`_get_external_gateway_attrs`, single-gateway API).
struct Gateway<'a> {
    networks: &'a [String],
    fixed_ips: &'a [BTreeMap<String, String>],
    snat: Option<bool>,
    qos_policy: Option<&'a str>,
    no_qos_policy: bool,
}

/// `external_gateway_info` (or `external_gateways` with the multihoming extension).
fn gateway_attrs(ctx: &mut Context, g: &Gateway) -> Result<Map<String, Value>, CliError> {
    let mut a = Map::new();
    if g.networks.is_empty() {
        return Ok(a);
    }
    let mut gateways: Vec<(String, Map<String, Value>)> = Vec::new();
    for n in g.networks {
        let id = c::find_id(ctx, &NETWORK, n)?;
        let mut info = Map::new();
        info.insert("network_id".into(), json!(id));
        c::put(&mut info, "enable_snat", g.snat);
        if let Some(q) = g.qos_policy.filter(|q| !q.is_empty()) {
            info.insert(
                "qos_policy_id".into(),
                json!(c::find_id(ctx, &QOS_POLICY, q)?),
            );
        }
        if g.no_qos_policy {
            info.insert("qos_policy_id".into(), Value::Null);
        }
        gateways.push((id, info));
    }
    let multi = has_extension(ctx, "external-gateway-multihoming")?;
    let first = gateways[0].0.clone();
    for spec in g.fixed_ips {
        let mut ip = Map::new();
        let mut net_id = first.clone();
        if let Some(s) = spec.get("subnet").filter(|s| !s.is_empty()) {
            let subnet = c::find(ctx, &SUBNET, s)?;
            ip.insert("subnet_id".into(), json!(c::id(&subnet)));
            net_id = subnet["network_id"]
                .as_str()
                .unwrap_or_default()
                .to_string();
        }
        if let Some(addr) = spec.get("ip-address").filter(|s| !s.is_empty()) {
            ip.insert("ip_address".into(), json!(addr));
        }
        let mut targets = gateways
            .iter_mut()
            .filter(|(id, _)| *id == net_id)
            .peekable();
        if ip.contains_key("subnet_id") && targets.peek().is_none() {
            return Err(CliError::Message(format!(
                "Subnet {} does not belong to any of the networks provided for \
                 --external-gateway.",
                ip["subnet_id"].as_str().unwrap_or_default()
            )));
        }
        let mut targets: Vec<_> = targets.collect();
        let free = targets
            .iter()
            .position(|(_, info)| !info.contains_key("external_fixed_ips"));
        let slot = free.unwrap_or(0);
        if let Some((_, info)) = targets.get_mut(slot) {
            let list = info
                .entry("external_fixed_ips")
                .or_insert_with(|| json!([]));
            if let Some(l) = list.as_array_mut() {
                l.push(Value::Object(ip));
            }
        }
    }
    if multi {
        let list: Vec<Value> = gateways
            .into_iter()
            .map(|(_, i)| Value::Object(i))
            .collect();
        a.insert("external_gateways".into(), json!(list));
    } else {
        a.insert(
            "external_gateway_info".into(),
            Value::Object(gateways.swap_remove(0).1),
        );
    }
    Ok(a)
}

/// Options create and set share (`_get_attrs`).
struct Common<'a> {
    name: Option<&'a str>,
    description: Option<&'a str>,
    enable: Option<bool>,
    distributed: Option<bool>,
    bfd: Option<bool>,
    ecmp: Option<bool>,
}

fn get_attrs(ctx: &mut Context, o: &Common, g: &Gateway) -> Result<Map<String, Value>, CliError> {
    let mut a = Map::new();
    c::put(&mut a, "name", o.name);
    c::put(&mut a, "admin_state_up", o.enable);
    c::put(&mut a, "distributed", o.distributed);
    c::put(&mut a, "description", o.description);
    a.extend(gateway_attrs(ctx, g)?);
    c::put(&mut a, "enable_default_route_bfd", o.bfd);
    c::put(&mut a, "enable_default_route_ecmp", o.ecmp);
    if (a.contains_key("enable_default_route_bfd") || a.contains_key("enable_default_route_ecmp"))
        && !has_extension(ctx, "external-gateway-multihoming")?
    {
        return Err(CliError::Message(
            "The external-gateway-multihoming extension is not enabled at the Neutron side, \
             cannot use --enable-default-route-bfd or --enable-default-route-ecmp arguments."
                .into(),
        ));
    }
    Ok(a)
}

/// `_parser_add_bfd_ecmp_arguments`.
#[derive(clap::Args, Debug)]
struct BfdEcmp {
    /// Enable BFD sessions for default routes inferred from the external gateway port subnets
    /// for this router
    #[arg(long)]
    enable_default_route_bfd: bool,
    /// Disable BFD sessions for default routes inferred from the external gateway port
    /// subnets for this router
    #[arg(long)]
    disable_default_route_bfd: bool,
    /// Add ECMP default routes if multiple are available via different gateway ports
    #[arg(long)]
    enable_default_route_ecmp: bool,
    /// Add default route only for first gateway port
    #[arg(long)]
    disable_default_route_ecmp: bool,
}

impl BfdEcmp {
    /// argparse `store_true`/`store_false` on one dest: the last given wins; both pairs are
    /// rare enough that "enable wins" is what matters.
    fn values(&self) -> (Option<bool>, Option<bool>) {
        (
            c::flag_pair(
                self.enable_default_route_bfd,
                self.disable_default_route_bfd,
            ),
            c::flag_pair(
                self.enable_default_route_ecmp,
                self.disable_default_route_ecmp,
            ),
        )
    }
}

/// Create a new router
#[derive(clap::Args, Debug)]
pub struct CreateRouter {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// New router name
    #[arg(value_name = "<name>")]
    name: String,
    /// Enable router (default)
    #[arg(long, group = "admin_g")]
    enable: bool,
    /// Disable router
    #[arg(long, group = "admin_g")]
    disable: bool,
    /// Create a distributed router
    #[arg(long, group = "dist_g")]
    distributed: bool,
    /// Create a centralized router
    #[arg(long, group = "dist_g")]
    centralized: bool,
    /// Create a highly available router
    #[arg(long, group = "ha_g")]
    ha: bool,
    /// Create a legacy router
    #[arg(long, group = "ha_g")]
    no_ha: bool,
    /// Set router description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Owner's project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Availability Zone in which to create this router (Router Availability Zone extension
    /// required, repeat option to set multiple availability zones)
    #[arg(long, value_name = "<availability-zone>", action = clap::ArgAction::Append)]
    availability_zone_hint: Vec<String>,
    #[command(flatten)]
    tags: TagCreate,
    /// External Network used as router's gateway (name or ID) (repeat option to set multiple
    /// gateways per router if the L3 service plugin in use supports it)
    #[arg(long, value_name = "<network>", action = clap::ArgAction::Append)]
    external_gateway: Vec<String>,
    /// Desired IP and/or subnet (name or ID) on external gateway:
    /// subnet=<subnet>,ip-address=<ip-address> (repeat option to set multiple fixed IP
    /// addresses)
    #[arg(long, value_name = "subnet=<subnet>,ip-address=<ip-address>",
          value_parser = parse_fixed_ip, action = clap::ArgAction::Append)]
    fixed_ip: Vec<BTreeMap<String, String>>,
    /// Enable Source NAT on external gateway
    #[arg(long, group = "snat_g")]
    enable_snat: bool,
    /// Disable Source NAT on external gateway
    #[arg(long, group = "snat_g")]
    disable_snat: bool,
    /// Enable IPv6 NDP proxy on external gateway
    #[arg(long, group = "ndp_g")]
    enable_ndp_proxy: bool,
    /// Disable IPv6 NDP proxy on external gateway
    #[arg(long, group = "ndp_g")]
    disable_ndp_proxy: bool,
    /// Associate the router to a flavor (name or ID)
    #[arg(long, value_name = "<flavor-id>")]
    flavor: Option<String>,
    #[arg(long, value_name = "<flavor-id>", hide = true)]
    flavor_id: Option<String>,
    #[command(flatten)]
    bfd: BfdEcmp,
    /// Attach QoS policy to router gateway IPs
    #[arg(long, value_name = "<qos-policy>")]
    qos_policy: Option<String>,
    /// Associate the router with an EVPN identified by a VNI.
    #[arg(long, value_name = "<vni>", group = "evpn_g", value_parser = parse_vni,
          verbatim_doc_comment)]
    evpn_vni: Option<i64>,
    /// Associate the router with an EVPN using an auto-assigned VNI.
    #[arg(long, group = "evpn_g", verbatim_doc_comment)]
    auto_evpn_vni: bool,
}

/// `_parse_evpn_vni`.
fn parse_vni(s: &str) -> Result<i64, String> {
    match s.parse::<i64>() {
        Ok(v) if v > 0 => Ok(v),
        Ok(_) => Err("VNI must be a positive integer".into()),
        Err(_) => Err(format!("'{s}' is not a valid VNI (use a positive integer)")),
    }
}

impl Command for CreateRouter {
    const WORDS: &'static str = "router create";
    const ABOUT: &'static str = "Create a new router";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (bfd, ecmp) = self.bfd.values();
        let common = Common {
            name: Some(&self.name),
            description: self.description.as_deref(),
            // argparse `--enable` defaults to True: admin_state_up is always sent.
            enable: Some(!self.disable),
            distributed: c::flag_pair(self.distributed, self.centralized),
            bfd,
            ecmp,
        };
        let gw = Gateway {
            networks: &self.external_gateway,
            fixed_ips: &self.fixed_ip,
            snat: c::flag_pair(self.enable_snat, self.disable_snat),
            qos_policy: self.qos_policy.as_deref(),
            no_qos_policy: false,
        };
        let mut a = get_attrs(ctx, &common, &gw)?;
        c::put_project(
            ctx,
            &mut a,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        if !self.availability_zone_hint.is_empty() {
            a.insert(
                "availability_zone_hints".into(),
                json!(self.availability_zone_hint),
            );
        }
        if let Some(f) = self.flavor_id.as_deref().or(self.flavor.as_deref()) {
            a.insert("flavor_id".into(), json!(find_flavor(ctx, f)?));
        }
        if self.auto_evpn_vni {
            a.insert("evpn_vni".into(), json!(0));
        }
        c::put(&mut a, "evpn_vni", self.evpn_vni);
        c::put(&mut a, "ha", c::flag_pair(self.ha, self.no_ha));
        let ndp = c::flag_pair(self.enable_ndp_proxy, self.disable_ndp_proxy);
        if self.enable_ndp_proxy && self.external_gateway.is_empty() {
            return Err(CliError::Message(
                "You must specify '--external-gateway' in order to enable router's NDP proxy"
                    .into(),
            ));
        }
        if self.qos_policy.is_some() && self.external_gateway.is_empty() {
            return Err(CliError::Message(
                "You must specify '--external-gateway' in order to define a QoS policy".into(),
            ));
        }
        c::put(&mut a, "enable_ndp_proxy", ndp);
        let gateways = a.remove("external_gateways");
        let obj = c::create_tagged(
            ctx,
            &ROUTER,
            a,
            &self.extra,
            &self.tags.tags,
            self.tags.no_tag,
        )?;
        if let Some(g) = gateways {
            update_gateways(ctx, &obj, "update_external_gateways", g)?;
        }
        if (self.enable_snat || self.disable_snat || !self.fixed_ip.is_empty())
            && self.external_gateway.is_empty()
        {
            return Err(CliError::Message(
                "You must specify '--external-gateway' in order to specify SNAT or fixed-ip \
                 values"
                    .into(),
            ));
        }
        Ok(record(&obj))
    }
}

/// `find_flavor` (networking flavors).
fn find_flavor(ctx: &mut Context, name_or_id: &str) -> Result<String, CliError> {
    const FLAVORS: ostk_sdk::rest::Collection = ostk_sdk::rest::Collection {
        path: "flavors",
        singular: "flavor",
        plural: "flavors",
        ..net::NETWORKS
    };
    let v = crate::commands::identity::common::find_sdk(ctx, &FLAVORS, "Flavor", name_or_id, &[])?;
    Ok(c::id(&v))
}

/// `PUT /routers/{id}/{action}` with `{"router": {"external_gateways": …}}`.
fn update_gateways(
    ctx: &mut Context,
    router: &Value,
    action: &str,
    gateways: Value,
) -> Result<Value, CliError> {
    let s = ctx.session()?;
    let body = json!({"router": {"external_gateways": gateways}});
    let v = c::run(
        ctx,
        net::put_action(&s, &ROUTER.coll, &c::id(router), action, body),
    )?;
    Ok(v.get("router").cloned().unwrap_or(v))
}

crate::network_delete_command!(
    DeleteRouter,
    "router delete",
    "Delete router(s)",
    router,
    "<router>",
    "Router(s) to delete (name or ID)",
    ROUTER,
    "router",
    "routers"
);

/// List routers
#[derive(clap::Args, Debug)]
pub struct ListRouter {
    /// List routers according to their name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// List enabled routers
    #[arg(long, group = "admin_g")]
    enable: bool,
    /// List disabled routers
    #[arg(long, group = "admin_g")]
    disable: bool,
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    /// List only routers with the specified project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// List only routers hosted by the specified agent (ID only)
    #[arg(long, value_name = "<agent-id>")]
    agent: Option<String>,
    #[command(flatten)]
    tags: TagFilter,
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListRouter {
    const WORDS: &'static str = "router list";
    const ABOUT: &'static str = "List routers";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut q: Vec<(&str, String)> = Vec::new();
        c::put_query(&mut q, "name", self.name.as_deref());
        let admin = c::flag_pair(self.enable, self.disable);
        if let Some(b) = admin {
            q.push(("admin_state_up", c::py_bool(b)));
        }
        let project = c::project_id(ctx, self.project.as_deref(), self.project_domain.as_deref())?;
        if let Some(p) = &project {
            q.push(("project_id", p.clone()));
        }
        self.tags.apply(&mut q);
        self.page.apply(&mut q);
        let items = match &self.agent {
            None => c::list(ctx, &ROUTER, &q, self.page.max_items)?,
            Some(agent) => {
                let s = ctx.session()?;
                let coll = ostk_sdk::rest::Collection {
                    path: "l3-routers",
                    ..ROUTER.coll
                };
                let all = c::run(ctx, coll.list_in(&s, &format!("agents/{agent}"), &[]))?;
                // neutron cannot filter agent-hosted routers: OSC filters client-side.
                all.into_iter()
                    .filter(|r| {
                        self.name.as_ref().is_none_or(|n| r["name"] == json!(n))
                            && admin.is_none_or(|b| r["admin_state_up"] == json!(b))
                            && project.as_ref().is_none_or(|p| r["project_id"] == json!(p))
                    })
                    .collect()
            }
        };
        let mut cols = vec![
            ("ID", "id"),
            ("Name", "name"),
            ("Status", "status"),
            ("State", "is_admin_state_up"),
            ("Project", "project_id"),
        ];
        for r in &items {
            let d = ROUTER.to_dict(r);
            for (attr, head) in [("is_distributed", "Distributed"), ("is_ha", "HA")] {
                if !d[attr].is_null() && !cols.iter().any(|(_, a)| *a == attr) {
                    cols.push((head, attr));
                }
            }
        }
        if self.long {
            cols.extend([
                ("Routes", "routes"),
                ("External gateway info", "external_gateway_info"),
            ]);
            if has_extension(ctx, "router_availability_zone")? {
                cols.push(("Availability zones", "availability_zones"));
            }
            cols.push(("Tags", "tags"));
        }
        Ok(Output::List(c::listing(&ROUTER, &items, &cols, FORMATTERS)))
    }
}

/// Set router properties
#[derive(clap::Args, Debug)]
pub struct SetRouter {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Router to modify (name or ID)
    #[arg(value_name = "<router>")]
    router: String,
    /// Set router name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Set router description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Enable router
    #[arg(long, group = "admin_g")]
    enable: bool,
    /// Disable router
    #[arg(long, group = "admin_g")]
    disable: bool,
    /// Set router to distributed mode (disabled router only)
    #[arg(long, group = "dist_g")]
    distributed: bool,
    /// Set router to centralized mode (disabled router only)
    #[arg(long, group = "dist_g")]
    centralized: bool,
    /// Add routes to the router. destination: destination subnet (in CIDR notation) gateway:
    /// nexthop IP address (repeat option to add multiple routes). This is deprecated in favor
    /// of 'router add/remove route' since it is prone to race conditions between concurrent
    /// clients when not used together with --no-route to overwrite the current value of
    /// 'routes'.
    #[arg(long, value_name = "destination=<subnet>,gateway=<ip-address>",
          value_parser = parse_route, action = clap::ArgAction::Append, verbatim_doc_comment)]
    route: Vec<BTreeMap<String, String>>,
    /// Clear routes associated with the router. Specify both --route and --no-route to overwrite current value of routes.
    #[arg(long, verbatim_doc_comment)]
    no_route: bool,
    /// Set the router as highly available (disabled router only)
    #[arg(long, group = "ha_g")]
    ha: bool,
    /// Clear high availability attribute of the router (disabled router only)
    #[arg(long, group = "ha_g")]
    no_ha: bool,
    /// External Network used as router's gateway (name or ID) (repeat option to set multiple gateways per router if the L3 service plugin in use supports it).
    #[arg(long, value_name = "<network>", action = clap::ArgAction::Append, verbatim_doc_comment)]
    external_gateway: Vec<String>,
    /// Desired IP and/or subnet (name or ID) on external gateway:
    /// subnet=<subnet>,ip-address=<ip-address> (repeat option to set multiple fixed IP
    /// addresses)
    #[arg(long, value_name = "subnet=<subnet>,ip-address=<ip-address>",
          value_parser = parse_fixed_ip, action = clap::ArgAction::Append)]
    fixed_ip: Vec<BTreeMap<String, String>>,
    /// Enable Source NAT on external gateway
    #[arg(long, group = "snat_g")]
    enable_snat: bool,
    /// Disable Source NAT on external gateway
    #[arg(long, group = "snat_g")]
    disable_snat: bool,
    /// Enable IPv6 NDP proxy on external gateway
    #[arg(long, group = "ndp_g")]
    enable_ndp_proxy: bool,
    /// Disable IPv6 NDP proxy on external gateway
    #[arg(long, group = "ndp_g")]
    disable_ndp_proxy: bool,
    /// Attach QoS policy to router gateway IPs
    #[arg(long, value_name = "<qos-policy>", group = "qos_g")]
    qos_policy: Option<String>,
    /// Remove QoS policy from router gateway IPs
    #[arg(long, group = "qos_g")]
    no_qos_policy: bool,
    #[command(flatten)]
    tags: TagSet,
    #[command(flatten)]
    bfd: BfdEcmp,
}

impl Command for SetRouter {
    const WORDS: &'static str = "router set";
    const ABOUT: &'static str = "Set router properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &ROUTER, &self.router)?;
        let (bfd, ecmp) = self.bfd.values();
        let common = Common {
            name: self.name.as_deref(),
            description: self.description.as_deref(),
            enable: c::flag_pair(self.enable, self.disable),
            distributed: c::flag_pair(self.distributed, self.centralized),
            bfd,
            ecmp,
        };
        let gw = Gateway {
            networks: &self.external_gateway,
            fixed_ips: &self.fixed_ip,
            snat: c::flag_pair(self.enable_snat, self.disable_snat),
            qos_policy: self.qos_policy.as_deref(),
            no_qos_policy: self.no_qos_policy,
        };
        let mut a = get_attrs(ctx, &common, &gw)?;
        c::put(&mut a, "ha", c::flag_pair(self.ha, self.no_ha));
        if !self.route.is_empty() {
            let mut r = routes_json(&self.route);
            if !self.no_route {
                r.extend(obj["routes"].as_array().cloned().unwrap_or_default());
            }
            a.insert("routes".into(), json!(r));
        } else if self.no_route {
            a.insert("routes".into(), json!([]));
        }
        if (self.enable_snat || self.disable_snat || !self.fixed_ip.is_empty())
            && self.external_gateway.is_empty()
        {
            return Err(CliError::Message(
                "You must specify '--external-gateway' in order to update the SNAT or fixed-ip \
                 values"
                    .into(),
            ));
        }
        if (self.qos_policy.is_some() || self.no_qos_policy) && self.external_gateway.is_empty() {
            let Some(net_id) = obj
                .get("external_gateway_info")
                .and_then(|g| g.get("network_id"))
                .cloned()
            else {
                return Err(CliError::Message(
                    "You must specify '--external-gateway' or the router must already have an \
                     external network in order to set router gateway IP QoS"
                        .into(),
                ));
            };
            let mut info = Map::new();
            info.insert("network_id".into(), net_id);
            if let Some(q) = &self.qos_policy {
                info.insert(
                    "qos_policy_id".into(),
                    json!(c::find_id(ctx, &QOS_POLICY, q)?),
                );
            } else {
                info.insert("qos_policy_id".into(), Value::Null);
            }
            a.insert("external_gateway_info".into(), Value::Object(info));
        }
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        c::put(
            &mut a,
            "enable_ndp_proxy",
            c::flag_pair(self.enable_ndp_proxy, self.disable_ndp_proxy),
        );
        if !a.is_empty() {
            let gateways = a.remove("external_gateways");
            c::update(ctx, &ROUTER, &c::id(&obj), a)?;
            if let Some(g) = gateways {
                update_gateways(ctx, &obj, "update_external_gateways", g)?;
            }
        }
        c::set_tags_for_set(ctx, &ROUTER, &obj, &self.tags.tags, self.tags.no_tag)?;
        Ok(Output::None)
    }
}

/// Display router details
#[derive(clap::Args, Debug)]
pub struct ShowRouter {
    /// Router to display (name or ID)
    #[arg(value_name = "<router>")]
    router: String,
}

impl Command for ShowRouter {
    const WORDS: &'static str = "router show";
    const ABOUT: &'static str = "Display router details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut obj = c::find(ctx, &ROUTER, &self.router)?;
        let ports = c::list(ctx, &PORT, &[("device_id", c::id(&obj))], None)?;
        let mut info = Vec::new();
        for p in ports {
            if p["device_owner"] == "network:router_gateway" {
                continue;
            }
            for ip in p["fixed_ips"].as_array().into_iter().flatten() {
                info.push(json!({
                    "port_id": p["id"],
                    "ip_address": ip.get("ip_address"),
                    "subnet_id": ip.get("subnet_id"),
                }));
            }
        }
        if let Some(m) = obj.as_object_mut() {
            m.insert("interfaces_info".into(), json!(info));
        }
        Ok(record(&obj))
    }
}

/// Unset router properties
#[derive(clap::Args, Debug)]
pub struct UnsetRouter {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Routes to be removed from the router. destination: destination subnet (in CIDR
    /// notation) gateway: nexthop IP address (repeat option to unset multiple routes)
    #[arg(long, value_name = "destination=<subnet>,gateway=<ip-address>",
          value_parser = parse_route, action = clap::ArgAction::Append)]
    route: Vec<BTreeMap<String, String>>,
    /// Remove external gateway information from the router
    #[arg(long)]
    external_gateway: bool,
    /// Remove QoS policy from router gateway IPs
    #[arg(long)]
    qos_policy: bool,
    /// Router to modify (name or ID)
    #[arg(value_name = "<router>")]
    router: String,
    #[command(flatten)]
    tags: TagUnset,
}

impl Command for UnsetRouter {
    const WORDS: &'static str = "router unset";
    const ABOUT: &'static str = "Unset router properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &ROUTER, &self.router)?;
        let mut a = Map::new();
        if !self.route.is_empty() {
            let mut cur = obj["routes"].as_array().cloned().unwrap_or_default();
            for r in routes_json(&self.route) {
                match cur.iter().position(|x| *x == r) {
                    Some(i) => {
                        cur.remove(i);
                    }
                    None => {
                        return Err(CliError::Message(format!(
                            "Router does not contain route {}",
                            ostk_output::py_str_of_json(&r)
                        )));
                    }
                }
            }
            a.insert("routes".into(), json!(cur));
        }
        if self.qos_policy {
            let info = &obj["external_gateway_info"];
            match (info.get("network_id"), info.get("qos_policy_id")) {
                (Some(n), Some(_)) => {
                    a.insert(
                        "external_gateway_info".into(),
                        json!({"network_id": n, "qos_policy_id": null}),
                    );
                }
                _ => {
                    return Err(CliError::Message(
                        "Router does not have external network or QoS policy".into(),
                    ));
                }
            }
        }
        if self.external_gateway {
            a.insert("external_gateway_info".into(), json!({}));
        }
        c::extra_properties_unset(&self.extra.extra_property, &mut a);
        if !a.is_empty() {
            if has_extension(ctx, "external-gateway-multihoming")? {
                update_gateways(ctx, &obj, "remove_external_gateways", json!({}))?;
            }
            c::update(ctx, &ROUTER, &c::id(&obj), a)?;
        }
        c::set_tags_for_unset(ctx, &ROUTER, &obj, &self.tags.tags, self.tags.all_tag)?;
        Ok(Output::None)
    }
}

/// `add_router_interface`/`remove_router_interface` with `{key: id}` (+ extra fields).
fn interface(
    ctx: &mut Context,
    router: &str,
    action: &str,
    body: Map<String, Value>,
) -> Result<Output, CliError> {
    let r = c::find(ctx, &ROUTER, router)?;
    let s = ctx.session()?;
    c::run(
        ctx,
        net::put_action(&s, &ROUTER.coll, &c::id(&r), action, Value::Object(body)),
    )?;
    Ok(Output::None)
}

/// Add a port to a router
#[derive(clap::Args, Debug)]
pub struct AddPortToRouter {
    /// Router to which port will be added (name or ID)
    #[arg(value_name = "<router>")]
    router: String,
    /// Port to be added (name or ID)
    #[arg(value_name = "<port>")]
    port: String,
}

impl Command for AddPortToRouter {
    const WORDS: &'static str = "router add port";
    const ABOUT: &'static str = "Add a port to a router";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let port = c::find_id(ctx, &PORT, &self.port)?;
        let body = Map::from_iter([("port_id".to_string(), json!(port))]);
        interface(ctx, &self.router, "add_router_interface", body)
    }
}

/// Remove a port from a router
#[derive(clap::Args, Debug)]
pub struct RemovePortFromRouter {
    /// Router from which port will be removed (name or ID)
    #[arg(value_name = "<router>")]
    router: String,
    /// Port to be removed and deleted (name or ID)
    #[arg(value_name = "<port>")]
    port: String,
}

impl Command for RemovePortFromRouter {
    const WORDS: &'static str = "router remove port";
    const ABOUT: &'static str = "Remove a port from a router";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let port = c::find_id(ctx, &PORT, &self.port)?;
        let body = Map::from_iter([("port_id".to_string(), json!(port))]);
        interface(ctx, &self.router, "remove_router_interface", body)
    }
}

/// Add a subnet to a router
#[derive(clap::Args, Debug)]
pub struct AddSubnetToRouter {
    /// Router to which subnet will be added (name or ID)
    #[arg(value_name = "<router>")]
    router: String,
    /// Subnet to be added (name or ID)
    #[arg(value_name = "<subnet>")]
    subnet: String,
    /// Mark the subnet's prefixes to be advertised as host routes within the router's EVPN VNI. Only valid for EVPN routers.
    #[arg(long, verbatim_doc_comment)]
    advertise_host: bool,
}

impl Command for AddSubnetToRouter {
    const WORDS: &'static str = "router add subnet";
    const ABOUT: &'static str = "Add a subnet to a router";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let subnet = c::find_id(ctx, &SUBNET, &self.subnet)?;
        let mut body = Map::from_iter([("subnet_id".to_string(), json!(subnet))]);
        // openstacksdk sends `advertise_host` only when it is set.
        if self.advertise_host {
            body.insert("advertise_host".into(), json!(true));
        }
        interface(ctx, &self.router, "add_router_interface", body)
    }
}

/// Remove a subnet from a router
#[derive(clap::Args, Debug)]
pub struct RemoveSubnetFromRouter {
    /// Router from which the subnet will be removed (name or ID)
    #[arg(value_name = "<router>")]
    router: String,
    /// Subnet to be removed (name or ID)
    #[arg(value_name = "<subnet>")]
    subnet: String,
}

impl Command for RemoveSubnetFromRouter {
    const WORDS: &'static str = "router remove subnet";
    const ABOUT: &'static str = "Remove a subnet from a router";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let subnet = c::find_id(ctx, &SUBNET, &self.subnet)?;
        let body = Map::from_iter([("subnet_id".to_string(), json!(subnet))]);
        interface(ctx, &self.router, "remove_router_interface", body)
    }
}

/// `add_extraroutes`/`remove_extraroutes`, showing the router that comes back.
fn extra_routes(
    ctx: &mut Context,
    router: &str,
    action: &str,
    routes: &[BTreeMap<String, String>],
) -> Result<Output, CliError> {
    let r = c::find(ctx, &ROUTER, router)?;
    let s = ctx.session()?;
    let body = json!({"router": {"routes": routes_json(routes)}});
    let v = c::run(
        ctx,
        net::put_action(&s, &ROUTER.coll, &c::id(&r), action, body),
    )?;
    Ok(record(v.get("router").unwrap_or(&v)))
}

/// Add extra static routes to a router's routing table.
#[derive(clap::Args, Debug)]
pub struct AddExtraRoutesToRouter {
    /// Router to which extra static routes will be added (name or ID)
    #[arg(value_name = "<router>")]
    router: String,
    /// Add extra static route to the router. destination: destination subnet (in CIDR
    /// notation), gateway: nexthop IP address. Repeat option to add multiple routes. Trying to
    /// add a route that is already present (exactly, including destination and nexthop) in the
    /// routing table is allowed and is considered a successful operation.
    #[arg(long, value_name = "destination=<subnet>,gateway=<ip-address>",
          value_parser = parse_route, action = clap::ArgAction::Append, verbatim_doc_comment)]
    route: Vec<BTreeMap<String, String>>,
}

impl Command for AddExtraRoutesToRouter {
    const WORDS: &'static str = "router add route";
    const ABOUT: &'static str = "Add extra static routes to a router's routing table.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        extra_routes(ctx, &self.router, "add_extraroutes", &self.route)
    }
}

/// Remove extra static routes from a router's routing table.
#[derive(clap::Args, Debug)]
pub struct RemoveExtraRoutesFromRouter {
    /// Router from which extra static routes will be removed (name or ID)
    #[arg(value_name = "<router>")]
    router: String,
    /// Remove extra static route from the router. destination: destination subnet (in CIDR
    /// notation), gateway: nexthop IP address. Repeat option to remove multiple routes. Trying
    /// to remove a route that is already missing (fully, including destination and nexthop)
    /// from the routing table is allowed and is considered a successful operation.
    #[arg(long, value_name = "destination=<subnet>,gateway=<ip-address>",
          value_parser = parse_route, action = clap::ArgAction::Append, verbatim_doc_comment)]
    route: Vec<BTreeMap<String, String>>,
}

impl Command for RemoveExtraRoutesFromRouter {
    const WORDS: &'static str = "router remove route";
    const ABOUT: &'static str = "Remove extra static routes from a router's routing table.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        extra_routes(ctx, &self.router, "remove_extraroutes", &self.route)
    }
}

/// `router add gateway` / `router remove gateway`: the multihoming API only.
fn gateway(
    ctx: &mut Context,
    router: &str,
    network: &str,
    fixed_ips: &[BTreeMap<String, String>],
    action: &str,
) -> Result<Output, CliError> {
    if !has_extension(ctx, "external-gateway-multihoming")? {
        return Err(CliError::Message(
            "The external-gateway-multihoming extension is not enabled at the Neutron side.".into(),
        ));
    }
    let r = c::find(ctx, &ROUTER, router)?;
    let networks = [network.to_string()];
    let gw = Gateway {
        networks: &networks,
        fixed_ips,
        snat: None,
        qos_policy: None,
        no_qos_policy: false,
    };
    let mut a = gateway_attrs(ctx, &gw)?;
    let out = match a.remove("external_gateways") {
        Some(g) => update_gateways(ctx, &r, action, g)?,
        None => r,
    };
    Ok(record(&out))
}

/// Add router gateway
#[derive(clap::Args, Debug)]
pub struct AddGatewayToRouter {
    /// Router to modify (name or ID)
    #[arg(value_name = "<router>")]
    router: String,
    /// External Network to a attach a router gateway to (name or ID)
    #[arg(value_name = "<network>")]
    network: String,
    /// Desired IP and/or subnet (name or ID) on external gateway:
    /// subnet=<subnet>,ip-address=<ip-address> (repeat option to set multiple fixed IP
    /// addresses)
    #[arg(long, value_name = "subnet=<subnet>,ip-address=<ip-address>",
          value_parser = parse_fixed_ip, action = clap::ArgAction::Append)]
    fixed_ip: Vec<BTreeMap<String, String>>,
}

impl Command for AddGatewayToRouter {
    const WORDS: &'static str = "router add gateway";
    const ABOUT: &'static str = "Add router gateway";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        gateway(
            ctx,
            &self.router,
            &self.network,
            &self.fixed_ip,
            "add_external_gateways",
        )
    }
}

/// Remove router gateway
#[derive(clap::Args, Debug)]
pub struct RemoveGatewayFromRouter {
    /// Router to modify (name or ID).
    #[arg(value_name = "<router>", verbatim_doc_comment)]
    router: String,
    /// External Network to remove a router gateway from (name or ID)
    #[arg(value_name = "<network>")]
    network: String,
    /// IP and/or subnet (name or ID) on the external gateway which is used to identify a
    /// particular gateway if multiple are attached to the same network:
    /// subnet=<subnet>,ip-address=<ip-address>
    #[arg(long, value_name = "subnet=<subnet>,ip-address=<ip-address>",
          value_parser = parse_fixed_ip, action = clap::ArgAction::Append)]
    fixed_ip: Vec<BTreeMap<String, String>>,
}

impl Command for RemoveGatewayFromRouter {
    const WORDS: &'static str = "router remove gateway";
    const ABOUT: &'static str = "Remove router gateway";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        gateway(
            ctx,
            &self.router,
            &self.network,
            &self.fixed_ip,
            "remove_external_gateways",
        )
    }
}
