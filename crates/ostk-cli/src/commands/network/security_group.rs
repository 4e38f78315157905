//! `security group create/delete/list/set/show/unset` and `security group rule
//! create/delete/list/show` (openstackclient/network/v2/security_group.py,
//! security_group_rule.py), neutron only.

use super::common::{self as c, Fmt, Formatters};
use crate::render::ArgumentError;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::{SECURITY_GROUP, SECURITY_GROUP_RULE};
use serde_json::{Map, Value, json};

crate::network_tag_args!(
    TagCreate,
    TagSet,
    TagUnset,
    TagFilter,
    "security group",
    "security group"
);

/// `NetworkSecurityGroupRulesColumn`: one line per rule without empty values and the keys
/// the caller knows (group, project).
fn rules(v: &Value) -> String {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_object)
                .map(|r| {
                    let r: Map<String, Value> = r
                        .iter()
                        .filter(|(k, v)| {
                            c::truthy(v)
                                && !["security_group_id", "tenant_id", "project_id"]
                                    .contains(&k.as_str())
                        })
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    ostk_output::format_dict(&r)
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}

const FORMATTERS: Formatters = &[("security_group_rules", Fmt::Human(rules))];

fn record(body: &Value) -> Output {
    Output::One(c::show_record(
        &SECURITY_GROUP,
        body,
        &[("security_group_rules", "rules")],
        &["location", "tenant_id"],
        FORMATTERS,
    ))
}

/// Create a new security group
#[derive(clap::Args, Debug)]
pub struct CreateSecurityGroup {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// New security group name
    #[arg(value_name = "<name>")]
    name: String,
    /// Security group description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Owner's project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Security group is stateful (default)
    #[arg(long, group = "state_g")]
    stateful: bool,
    /// Security group is stateless
    #[arg(long, group = "state_g")]
    stateless: bool,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    #[command(flatten)]
    tags: TagCreate,
}

impl Command for CreateSecurityGroup {
    const WORDS: &'static str = "security group create";
    const ABOUT: &'static str = "Create a new security group";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut a = Map::new();
        a.insert("name".into(), json!(self.name));
        // OSC: the description defaults to the name.
        a.insert(
            "description".into(),
            json!(self.description.as_ref().unwrap_or(&self.name)),
        );
        c::put(
            &mut a,
            "stateful",
            c::flag_pair(self.stateful, self.stateless),
        );
        c::put_project(
            ctx,
            &mut a,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        let obj = c::create_tagged(
            ctx,
            &SECURITY_GROUP,
            a,
            &self.extra,
            &self.tags.tags,
            self.tags.no_tag,
        )?;
        Ok(record(&obj))
    }
}

// OSC's summary says "groups", its per-item line "security group".
crate::network_delete_command!(
    DeleteSecurityGroup,
    "security group delete",
    "Delete security group(s)",
    group,
    "<group>",
    "Security group(s) to delete (name or ID)",
    SECURITY_GROUP,
    "security group",
    "groups"
);

/// List security groups
#[derive(clap::Args, Debug)]
pub struct ListSecurityGroup {
    /// List only security groups with the specified project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// List only security groups shared between projects
    #[arg(long, group = "share_g")]
    share: bool,
    /// List only security groups not shared between projects
    #[arg(long, group = "share_g")]
    no_share: bool,
    #[command(flatten)]
    tags: TagFilter,
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListSecurityGroup {
    const WORDS: &'static str = "security group list";
    const ABOUT: &'static str = "List security groups";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut q: Vec<(&str, String)> =
            ["id", "name", "description", "project_id", "tags", "shared"]
                .iter()
                .map(|f| ("fields", f.to_string()))
                .collect();
        c::push_project(
            ctx,
            &mut q,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        if let Some(b) = c::flag_pair(self.share, self.no_share) {
            q.push(("shared", c::py_bool(b)));
        }
        self.tags.apply(&mut q);
        self.page.apply(&mut q);
        let items = c::list(ctx, &SECURITY_GROUP, &q, self.page.max_items)?;
        let cols = [
            ("ID", "id"),
            ("Name", "name"),
            ("Description", "description"),
            ("Project", "project_id"),
            ("Tags", "tags"),
            ("Shared", "is_shared"),
        ];
        Ok(Output::List(c::listing(
            &SECURITY_GROUP,
            &items,
            &cols,
            &[],
        )))
    }
}

/// Set security group properties
#[derive(clap::Args, Debug)]
pub struct SetSecurityGroup {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Security group to modify (name or ID)
    #[arg(value_name = "<group>")]
    group: String,
    /// New security group name
    #[arg(long, value_name = "<new-name>")]
    name: Option<String>,
    /// New security group description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Security group is stateful (default)
    #[arg(long, group = "state_g")]
    stateful: bool,
    /// Security group is stateless
    #[arg(long, group = "state_g")]
    stateless: bool,
    #[command(flatten)]
    tags: TagSet,
}

impl Command for SetSecurityGroup {
    const WORDS: &'static str = "security group set";
    const ABOUT: &'static str = "Set security group properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &SECURITY_GROUP, &self.group)?;
        let mut a = Map::new();
        c::put(&mut a, "name", self.name.as_deref());
        c::put(&mut a, "description", self.description.as_deref());
        c::put(
            &mut a,
            "stateful",
            c::flag_pair(self.stateful, self.stateless),
        );
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        // OSC always sends the update, even an empty one.
        c::update(ctx, &SECURITY_GROUP, &c::id(&obj), a)?;
        c::set_tags_for_set(
            ctx,
            &SECURITY_GROUP,
            &obj,
            &self.tags.tags,
            self.tags.no_tag,
        )?;
        Ok(Output::None)
    }
}

/// Display security group details
#[derive(clap::Args, Debug)]
pub struct ShowSecurityGroup {
    /// Security group to display (name or ID)
    #[arg(value_name = "<group>")]
    group: String,
}

impl Command for ShowSecurityGroup {
    const WORDS: &'static str = "security group show";
    const ABOUT: &'static str = "Display security group details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        Ok(record(&c::find(ctx, &SECURITY_GROUP, &self.group)?))
    }
}

/// Unset security group properties
#[derive(clap::Args, Debug)]
pub struct UnsetSecurityGroup {
    /// Security group to modify (name or ID)
    #[arg(value_name = "<group>")]
    group: String,
    #[command(flatten)]
    tags: TagUnset,
}

impl Command for UnsetSecurityGroup {
    const WORDS: &'static str = "security group unset";
    const ABOUT: &'static str = "Unset security group properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &SECURITY_GROUP, &self.group)?;
        c::set_tags_for_unset(
            ctx,
            &SECURITY_GROUP,
            &obj,
            &self.tags.tags,
            self.tags.all_tag,
        )?;
        Ok(Output::None)
    }
}

/// osc-lib `RangeAction`: `137:139` or `22`.
pub(super) fn parse_range(s: &str) -> Result<(i64, i64), ArgumentError> {
    let int = |p: &str| {
        p.parse::<i64>()
            .map_err(|_| ArgumentError(format!("invalid literal for int() with base 10: '{p}'")))
    };
    let parts: Vec<&str> = s.split(':').collect();
    match parts.as_slice() {
        [one] => Ok((int(one)?, int(one)?)),
        [lo, hi] => {
            let (l, h) = (int(lo)?, int(hi)?);
            if l <= h {
                Ok((l, h))
            } else {
                Err(ArgumentError(format!(
                    "Invalid range, {lo} is not less than {hi}"
                )))
            }
        }
        _ => Err(ArgumentError("Invalid range, too many values".into())),
    }
}

/// `network.utils.is_icmp_protocol`.
fn is_icmp(p: Option<&str>) -> bool {
    matches!(p, Some("icmp" | "icmpv6" | "ipv6-icmp" | "1" | "58"))
}

/// `network.utils.is_ipv6_protocol`.
fn is_ipv6(p: Option<&str>) -> bool {
    p.is_some_and(|p| {
        p.starts_with("ipv6-") || ["icmpv6", "41", "43", "44", "58", "59", "60"].contains(&p)
    })
}

/// `convert_ipvx_case`, then argparse's `choices=['IPv4', 'IPv6']`.
pub(super) fn ipvx(s: &str) -> Result<String, ArgumentError> {
    match s.to_lowercase().as_str() {
        "ipv4" => Ok("IPv4".into()),
        "ipv6" => Ok("IPv6".into()),
        _ => Err(ArgumentError(format!(
            "invalid choice: '{s}' (choose from 'IPv4', 'IPv6')"
        ))),
    }
}

pub(super) fn lower(s: &str) -> Result<String, String> {
    Ok(s.to_lowercase())
}

/// The options a security group rule and a default security group rule share.
pub(super) struct RuleBase<'a> {
    pub protocol: Option<&'a str>,
    pub description: Option<&'a str>,
    pub egress: bool,
    pub ethertype: Option<&'a str>,
    pub dst_port: Option<(i64, i64)>,
    pub icmp_type: Option<i64>,
    pub icmp_code: Option<i64>,
}

/// OSC's rule create attributes before the remote end: protocol, direction, ethertype
/// (defaulted from the protocol, also returned), ports or ICMP type/code, validated.
pub(super) fn rule_base(r: &RuleBase) -> Result<(Map<String, Value>, String), CliError> {
    let protocol = r.protocol.filter(|p| *p != "any");
    let mut a = Map::new();
    a.insert("protocol".into(), json!(protocol));
    c::put(&mut a, "description", r.description);
    a.insert(
        "direction".into(),
        json!(if r.egress { "egress" } else { "ingress" }),
    );
    let ethertype = r
        .ethertype
        .unwrap_or(if is_ipv6(protocol) { "IPv6" } else { "IPv4" })
        .to_string();
    a.insert("ethertype".into(), json!(ethertype));
    let icmp_set = r.icmp_type.is_some_and(|t| t != 0) || r.icmp_code.is_some_and(|t| t != 0);
    if r.dst_port.is_some() && icmp_set {
        return Err(CliError::Message(
            "Argument --dst-port not allowed with arguments --icmp-type and --icmp-code".into(),
        ));
    }
    if r.icmp_type.is_none() && r.icmp_code.is_some() {
        return Err(CliError::Message(
            "Argument --icmp-type required with argument --icmp-code".into(),
        ));
    }
    let icmp = is_icmp(protocol);
    if !icmp && icmp_set {
        return Err(CliError::Message(
            "ICMP IP protocol required with arguments --icmp-type and --icmp-code".into(),
        ));
    }
    if let Some((lo, hi)) = r.dst_port.filter(|_| !icmp) {
        a.insert("port_range_min".into(), json!(lo));
        a.insert("port_range_max".into(), json!(hi));
    }
    if let Some(t) = r.icmp_type.filter(|t| *t >= 0) {
        a.insert("port_range_min".into(), json!(t));
    }
    if let Some(t) = r.icmp_code.filter(|t| *t >= 0) {
        a.insert("port_range_max".into(), json!(t));
    }
    Ok((a, ethertype))
}

/// The default remote end of a rule without one: the ethertype's whole range.
pub(super) fn default_remote_ip(ethertype: &str) -> Option<&'static str> {
    match ethertype {
        "IPv4" => Some("0.0.0.0/0"),
        "IPv6" => Some("::/0"),
        _ => None,
    }
}

fn rule_record(body: &Value) -> Output {
    Output::One(c::show_record(
        &SECURITY_GROUP_RULE,
        body,
        &[],
        &["location", "name", "tenant_id", "tags"],
        &[],
    ))
}

/// Create a new security group rule
#[derive(clap::Args, Debug)]
pub struct CreateSecurityGroupRule {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Create rule in this security group (name or ID)
    #[arg(value_name = "<group>")]
    group: String,
    /// Remote IP address block (may use CIDR notation; default for IPv4 rule: 0.0.0.0/0,
    /// default for IPv6 rule: ::/0)
    #[arg(long, value_name = "<ip-address>", group = "remote_g")]
    remote_ip: Option<String>,
    /// Remote security group (name or ID)
    #[arg(long, value_name = "<group>", group = "remote_g")]
    remote_group: Option<String>,
    /// Remote address group (name or ID)
    #[arg(long, value_name = "<group>", group = "remote_g")]
    remote_address_group: Option<String>,
    /// Destination port, may be a single port or a starting and ending port range: 137:139. Required for IP protocols TCP and UDP. Ignored for ICMP IP protocols.
    #[arg(long, value_name = "<port-range>", value_parser = parse_range, verbatim_doc_comment)]
    dst_port: Option<(i64, i64)>,
    /// IP protocol (ah, dccp, egp, esp, gre, icmp, igmp, ipv6-encap, ipv6-frag, ipv6-icmp,
    /// ipv6-nonxt, ipv6-opts, ipv6-route, ospf, pgm, rsvp, sctp, tcp, udp, udplite, vrrp and
    /// integer representations [0-255] or any; default: any (all protocols))
    #[arg(long, value_name = "<protocol>", value_parser = lower)]
    protocol: Option<String>,
    /// Set security group rule description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// ICMP type for ICMP IP protocols
    #[arg(long, value_name = "<icmp-type>")]
    icmp_type: Option<i64>,
    /// ICMP code for ICMP IP protocols
    #[arg(long, value_name = "<icmp-code>")]
    icmp_code: Option<i64>,
    /// Rule applies to incoming network traffic (default)
    #[arg(long, group = "dir_g")]
    ingress: bool,
    /// Rule applies to outgoing network traffic
    #[arg(long, group = "dir_g")]
    egress: bool,
    /// Ethertype of network traffic (IPv4, IPv6; default: based on IP protocol)
    #[arg(long, value_name = "<ethertype>", value_parser = ipvx)]
    ethertype: Option<String>,
    /// Owner's project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
}

impl Command for CreateSecurityGroupRule {
    const WORDS: &'static str = "security group rule create";
    const ABOUT: &'static str = "Create a new security group rule";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let group = c::find_id(ctx, &SECURITY_GROUP, &self.group)?;
        let (mut a, ethertype) = rule_base(&RuleBase {
            protocol: self.protocol.as_deref(),
            description: self.description.as_deref(),
            egress: self.egress,
            ethertype: self.ethertype.as_deref(),
            dst_port: self.dst_port,
            icmp_type: self.icmp_type,
            icmp_code: self.icmp_code,
        })?;
        if let Some(g) = &self.remote_group {
            a.insert(
                "remote_group_id".into(),
                json!(c::find_id(ctx, &SECURITY_GROUP, g)?),
            );
        } else if let Some(g) = &self.remote_address_group {
            a.insert(
                "remote_address_group_id".into(),
                json!(c::find_id(ctx, &ostk_sdk::network::ADDRESS_GROUP, g)?),
            );
        } else if let Some(ip) = &self.remote_ip {
            a.insert("remote_ip_prefix".into(), json!(ip));
        } else if let Some(ip) = default_remote_ip(&ethertype) {
            a.insert("remote_ip_prefix".into(), json!(ip));
        }
        a.insert("security_group_id".into(), json!(group));
        c::put_project(
            ctx,
            &mut a,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        let obj = c::create(ctx, &SECURITY_GROUP_RULE, a)?;
        Ok(rule_record(&obj))
    }
}

crate::network_delete_command!(
    DeleteSecurityGroupRule,
    "security group rule delete",
    "Delete security group rule(s)",
    rule,
    "<rule>",
    "Security group rule(s) to delete (ID only)",
    SECURITY_GROUP_RULE,
    "security group rule",
    "rules"
);

/// List security group rules
#[derive(clap::Args, Debug)]
pub struct ListSecurityGroupRule {
    /// List all rules in this security group (name or ID)
    #[arg(value_name = "<group>")]
    group: Option<String>,
    /// List only rules with the specified IP protocol (ah, dhcp, egp, esp, gre, icmp, igmp,
    /// ipv6-encap, ipv6-frag, ipv6-icmp, ipv6-nonxt, ipv6-opts, ipv6-route, ospf, pgm, rsvp,
    /// sctp, tcp, udp, udplite, vrrp and integer representations [0-255] or any; default: any
    /// (all protocols))
    #[arg(long, value_name = "<protocol>", value_parser = lower)]
    protocol: Option<String>,
    /// List only rules with the specified Ethertype (IPv4 or IPv6)
    #[arg(long, value_name = "<ethertype>", value_parser = lower)]
    ethertype: Option<String>,
    /// List only rules applied to incoming network traffic
    #[arg(long, group = "dir_g")]
    ingress: bool,
    /// List only rules applied to outgoing network traffic
    #[arg(long, group = "dir_g")]
    egress: bool,
    /// **Deprecated** This argument is no longer needed
    #[arg(long)]
    long: bool,
    /// List only rules with the specified project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    #[command(flatten)]
    page: super::MarkerPage,
}

/// `format_network_port_range`.
pub(super) fn port_range(r: &Map<String, Value>) -> String {
    let num = |k: &str| r.get(k).filter(|v| c::truthy(v)).map(|v| v.to_string());
    let (lo, hi) = (num("port_range_min"), num("port_range_max"));
    if is_icmp(r.get("protocol").and_then(Value::as_str)) {
        let mut s = String::new();
        if let Some(t) = lo {
            s.push_str(&format!("type={t}"));
        }
        if let Some(c) = hi {
            s.push_str(&format!(":code={c}"));
        }
        return s;
    }
    match (lo, hi) {
        (None, None) => String::new(),
        (lo, hi) => {
            let lo = lo.or(hi.clone()).unwrap_or_default();
            let hi = hi.unwrap_or(lo.clone());
            format!("{lo}:{hi}")
        }
    }
}

/// `format_remote_ip_prefix`.
pub(super) fn remote_ip_prefix(r: &Map<String, Value>) -> Value {
    match r.get("remote_ip_prefix") {
        Some(v) if !v.is_null() => v.clone(),
        _ => match r.get("ether_type").and_then(Value::as_str) {
            Some("IPv4") => json!("0.0.0.0/0"),
            Some("IPv6") => json!("::/0"),
            _ => Value::Null,
        },
    }
}

/// Old rules may have no prefix: shown as the ethertype's whole range.
pub(super) fn fill_remote_ip_prefix(res: &ostk_sdk::network::Resource, obj: &mut Value) {
    if !obj.get("remote_ip_prefix").is_some_and(c::truthy) {
        let d = res.to_dict(obj);
        if let Some(m) = obj.as_object_mut() {
            m.insert("remote_ip_prefix".into(), remote_ip_prefix(&d));
        }
    }
}

/// A rule list: `get_dict_properties` on each rule's to_dict plus the two computed columns.
pub(super) fn rule_listing(
    res: &ostk_sdk::network::Resource,
    items: &[Value],
    cols: &[(&str, &str)],
) -> ostk_output::Listing {
    let rows: Vec<Map<String, Value>> = items
        .iter()
        .map(|r| {
            let mut d = res.to_dict(r);
            let range = port_range(&d);
            let prefix = remote_ip_prefix(&d);
            d.insert("port_range".into(), json!(range));
            d.insert("remote_ip_prefix".into(), prefix);
            d
        })
        .collect();
    ostk_output::Listing {
        columns: cols.iter().map(|(h, _)| h.to_string()).collect(),
        rows: rows
            .iter()
            .map(|d| {
                cols.iter()
                    .map(|(_, k)| c::cell(d.get(*k).unwrap_or(&json!("")), None))
                    .collect()
            })
            .collect(),
    }
}

impl Command for ListSecurityGroupRule {
    const WORDS: &'static str = "security group rule list";
    const ABOUT: &'static str = "List security group rules";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if self.long {
            tracing::warn!("The --long option has been deprecated and is no longer needed");
        }
        let mut cols = vec![
            ("ID", "id"),
            ("IP Protocol", "protocol"),
            ("Ethertype", "ether_type"),
            ("IP Range", "remote_ip_prefix"),
            ("Port Range", "port_range"),
            ("Direction", "direction"),
            ("Remote Security Group", "remote_group_id"),
            ("Remote Address Group", "remote_address_group_id"),
        ];
        let mut q: Vec<(&str, String)> = Vec::new();
        match &self.group {
            Some(g) => q.push(("security_group_id", c::find_id(ctx, &SECURITY_GROUP, g)?)),
            None => cols.push(("Security Group", "security_group_id")),
        }
        if self.ingress {
            q.push(("direction", "ingress".into()));
        }
        if self.egress {
            q.push(("direction", "egress".into()));
        }
        c::put_query(&mut q, "protocol", self.protocol.as_deref());
        c::push_project(
            ctx,
            &mut q,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        self.page.apply(&mut q);
        let items = c::list(ctx, &SECURITY_GROUP_RULE, &q, self.page.max_items)?;
        Ok(Output::List(rule_listing(
            &SECURITY_GROUP_RULE,
            &items,
            &cols,
        )))
    }
}

/// Display security group rule details
#[derive(clap::Args, Debug)]
pub struct ShowSecurityGroupRule {
    /// Security group rule to display (ID only)
    #[arg(value_name = "<rule>")]
    rule: String,
}

impl Command for ShowSecurityGroupRule {
    const WORDS: &'static str = "security group rule show";
    const ABOUT: &'static str = "Display security group rule details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut obj = c::find(ctx, &SECURITY_GROUP_RULE, &self.rule)?;
        fill_remote_ip_prefix(&SECURITY_GROUP_RULE, &mut obj);
        Ok(rule_record(&obj))
    }
}
