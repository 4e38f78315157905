//! `network qos policy …`, `network qos rule …` and `network qos rule type …`
//! (openstackclient/network/v2/network_qos_policy.py, network_qos_rule.py,
//! network_qos_rule_type.py).

use super::common::{self as c, Fmt};
use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::{
    QOS_BANDWIDTH_LIMIT_RULE, QOS_DSCP_MARKING_RULE, QOS_MINIMUM_BANDWIDTH_RULE,
    QOS_MINIMUM_PACKET_RATE_RULE, QOS_PACKET_RATE_LIMIT_RULE, QOS_POLICY, QOS_RULE_TYPE, Resource,
};
use serde_json::{Map, Value, json};

/// OSC's `RulesColumn`: one `str(rule)` (a Python dict) per line.
fn rules_column(v: &Value) -> String {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(ostk_output::py_str_of_json)
                .collect::<Vec<_>>()
                .join("\n")
        })
        .unwrap_or_default()
}

fn policy_record(body: &Value, fmts: c::Formatters) -> Output {
    Output::One(c::show_record(
        &QOS_POLICY,
        body,
        &[("is_shared", "shared")],
        &["location", "tenant_id"],
        fmts,
    ))
}

/// The attributes `create`, `set` and `list` share (OSC `_get_attrs`).
fn share_default(a: &mut Map<String, Value>, share: bool, no_share: bool, default: Option<bool>) {
    if let Some(s) = c::flag_pair(share, no_share) {
        a.insert("shared".into(), json!(s));
    }
    c::put(a, "is_default", default);
}

/// Create a QoS policy
#[derive(clap::Args, Debug)]
pub struct CreateNetworkQosPolicy {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Name of QoS policy to create
    #[arg(value_name = "<name>")]
    name: String,
    /// Description of the QoS policy
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Make the QoS policy accessible by other projects
    #[arg(long, group = "share_g")]
    share: bool,
    /// Make the QoS policy not accessible by other projects (default)
    #[arg(long, group = "share_g")]
    no_share: bool,
    /// Owner's project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Set this as a default network QoS policy
    #[arg(long, group = "default_g")]
    default: bool,
    /// Set this as a non-default network QoS policy
    #[arg(long, group = "default_g")]
    no_default: bool,
}

impl Command for CreateNetworkQosPolicy {
    const WORDS: &'static str = "network qos policy create";
    const ABOUT: &'static str = "Create a QoS policy";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut a = Map::new();
        a.insert("name".into(), json!(self.name));
        c::put(&mut a, "description", self.description.as_deref());
        share_default(
            &mut a,
            self.share,
            self.no_share,
            self.default
                .then_some(true)
                .or(self.no_default.then_some(false)),
        );
        c::put_project(
            ctx,
            &mut a,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        Ok(policy_record(&c::create(ctx, &QOS_POLICY, a)?, &[]))
    }
}

/// Delete Qos Policy(s)
#[derive(clap::Args, Debug)]
pub struct DeleteNetworkQosPolicy {
    /// QoS policy(s) to delete (name or ID)
    #[arg(value_name = "<qos-policy>", required = true)]
    policy: Vec<String>,
}

impl Command for DeleteNetworkQosPolicy {
    const WORDS: &'static str = "network qos policy delete";
    const ABOUT: &'static str = "Delete Qos Policy(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        c::delete_many_worded(ctx, &QOS_POLICY, &self.policy, "QoS policies", |i, e| {
            format!("Failed to delete QoS policy name or ID '{i}': {e}")
        })?;
        Ok(Output::None)
    }
}

/// List QoS policies
#[derive(clap::Args, Debug)]
pub struct ListNetworkQosPolicy {
    /// List only QoS policies with the specified project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// List only QoS policies shared between projects
    #[arg(long, group = "share_g")]
    share: bool,
    /// List only QoS policies not shared between projects
    #[arg(long, group = "share_g")]
    no_share: bool,
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListNetworkQosPolicy {
    const WORDS: &'static str = "network qos policy list";
    const ABOUT: &'static str = "List QoS policies";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // in the order of openstacksdk's query mapping
        let mut q: Vec<(&str, String)> = Vec::new();
        c::push_project(
            ctx,
            &mut q,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        if let Some(s) = c::flag_pair(self.share, self.no_share) {
            q.push(("shared", c::py_bool(s)));
        }
        let items = self.page.list(ctx, &QOS_POLICY, q)?;
        let cols = [
            ("ID", "id"),
            ("Name", "name"),
            ("Shared", "is_shared"),
            ("Default", "is_default"),
            ("Project", "project_id"),
        ];
        Ok(Output::List(c::listing(&QOS_POLICY, &items, &cols, &[])))
    }
}

/// Set QoS policy properties
#[derive(clap::Args, Debug)]
pub struct SetNetworkQosPolicy {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// QoS policy to modify (name or ID)
    #[arg(value_name = "<qos-policy>")]
    policy: String,
    /// Set QoS policy name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Description of the QoS policy
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Make the QoS policy accessible by other projects
    #[arg(long, group = "share_g")]
    share: bool,
    /// Make the QoS policy not accessible by other projects
    #[arg(long, group = "share_g")]
    no_share: bool,
    /// Set this as a default network QoS policy
    #[arg(long, group = "default_g")]
    default: bool,
    /// Set this as a non-default network QoS policy
    #[arg(long, group = "default_g")]
    no_default: bool,
}

impl Command for SetNetworkQosPolicy {
    const WORDS: &'static str = "network qos policy set";
    const ABOUT: &'static str = "Set QoS policy properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &QOS_POLICY, &self.policy)?;
        let mut a = Map::new();
        c::put(&mut a, "name", self.name.as_deref());
        c::put(&mut a, "description", self.description.as_deref());
        share_default(
            &mut a,
            self.share,
            self.no_share,
            self.default
                .then_some(true)
                .or(self.no_default.then_some(false)),
        );
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        if !a.is_empty() {
            c::update(ctx, &QOS_POLICY, &c::id(&obj), a)?;
        }
        Ok(Output::None)
    }
}

/// Display QoS policy details
#[derive(clap::Args, Debug)]
pub struct ShowNetworkQosPolicy {
    /// QoS policy to display (name or ID)
    #[arg(value_name = "<qos-policy>")]
    policy: String,
}

impl Command for ShowNetworkQosPolicy {
    const WORDS: &'static str = "network qos policy show";
    const ABOUT: &'static str = "Display QoS policy details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &QOS_POLICY, &self.policy)?;
        Ok(policy_record(&obj, &[("rules", Fmt::Human(rules_column))]))
    }
}

// ---------------------------------------------------------------- rules

const BANDWIDTH_LIMIT: &str = "bandwidth-limit";
const DSCP_MARKING: &str = "dscp-marking";
const MINIMUM_BANDWIDTH: &str = "minimum-bandwidth";
const MINIMUM_PACKET_RATE: &str = "minimum-packet-rate";

/// OSC's `MANDATORY_PARAMETERS` and `OPTIONAL_PARAMETERS` (in its dict order).
const PARAMETERS: [(&str, &[&str], &[&str]); 4] = [
    (MINIMUM_BANDWIDTH, &["min_kbps", "direction"], &[]),
    (MINIMUM_PACKET_RATE, &["min_kpps", "direction"], &[]),
    (DSCP_MARKING, &["dscp_mark"], &[]),
    (
        BANDWIDTH_LIMIT,
        &["max_kbps"],
        &["direction", "max_burst_kbps"],
    ),
];

/// The openstacksdk rule class of a rule type (`bandwidth-limit` or `bandwidth_limit`), as
/// `_rule_action_call` picks the proxy method; a type it has no method for fails as
/// `getattr` would.
fn rule_resource(rule_type: &str) -> Result<&'static Resource, String> {
    Ok(match rule_type.replace('-', "_").as_str() {
        "bandwidth_limit" => &QOS_BANDWIDTH_LIMIT_RULE,
        "dscp_marking" => &QOS_DSCP_MARKING_RULE,
        "minimum_bandwidth" => &QOS_MINIMUM_BANDWIDTH_RULE,
        "minimum_packet_rate" => &QOS_MINIMUM_PACKET_RATE_RULE,
        "packet_rate_limit" => &QOS_PACKET_RATE_LIMIT_RULE,
        other => {
            return Err(format!(
                "'Proxy' object has no attribute 'get_qos_{other}_rule'"
            ));
        }
    })
}

/// OSC `_check_type_parameters`.
fn check_type_parameters(
    attrs: &Map<String, Value>,
    rule_type: &str,
    is_create: bool,
) -> Result<(), String> {
    // a rule type OSC does not know is a KeyError on its table
    let Some((_, req, opt)) = PARAMETERS.iter().find(|(t, _, _)| *t == rule_type) else {
        return Err(format!("'{rule_type}'"));
    };
    let mut type_params: Vec<&str> = req.iter().chain(opt.iter()).copied().collect();
    type_params.sort_unstable();
    type_params.dedup();
    let notreq: Vec<&str> = PARAMETERS
        .iter()
        .filter(|(t, _, _)| *t != rule_type)
        .flat_map(|(_, r, _)| r.iter().copied())
        .filter(|p| !type_params.contains(p))
        .collect();
    if is_create && req.iter().any(|p| !attrs.contains_key(*p)) {
        let mut args: Vec<&str> = req.to_vec();
        args.sort_unstable();
        return Err(format!(
            "\"Create\" rule command for type \"{rule_type}\" requires arguments: {}",
            args.join(", ")
        ));
    }
    if attrs.keys().any(|k| notreq.contains(&k.as_str())) {
        return Err(format!(
            "Rule type \"{rule_type}\" only requires arguments: {}",
            type_params.join(", ")
        ));
    }
    Ok(())
}

/// The options of `rule create` and `rule set`.
#[derive(clap::Args, Debug)]
#[command(group(clap::ArgGroup::new("direction_g").multiple(false)))]
pub struct RuleArgs {
    /// Maximum bandwidth in kbps
    #[arg(long, value_name = "<max-kbps>")]
    max_kbps: Option<i64>,
    /// Maximum burst in kilobits, 0 or not specified means automatic, which is 80% of the bandwidth limit, which works for typical TCP traffic. For details check the QoS user workflow.
    #[arg(long, value_name = "<max-burst-kbits>", verbatim_doc_comment)]
    max_burst_kbits: Option<i64>,
    /// DSCP mark: value can be 0, even numbers from 8-56, excluding 42, 44, 50, 52, and 54
    #[arg(long, value_name = "<dscp-mark>")]
    dscp_mark: Option<i64>,
    /// Minimum guaranteed bandwidth in kbps
    #[arg(long, value_name = "<min-kbps>")]
    min_kbps: Option<i64>,
    /// Minimum guaranteed packet rate in kpps
    #[arg(long, value_name = "<min-kpps>")]
    min_kpps: Option<i64>,
    /// Ingress traffic direction from the project point of view
    #[arg(long, group = "direction_g")]
    ingress: bool,
    /// Egress traffic direction from the project point of view
    #[arg(long, group = "direction_g")]
    egress: bool,
    /// Any traffic direction from the project point of view. Can be used only with minimum packet rate rule.
    #[arg(long, group = "direction_g", verbatim_doc_comment)]
    any: bool,
}

impl RuleArgs {
    /// OSC `_get_attrs` past the policy lookup.
    fn attrs(&self, rule_type: &str, is_create: bool) -> Result<Map<String, Value>, String> {
        let mut a = Map::new();
        c::put(&mut a, "max_kbps", self.max_kbps);
        c::put(&mut a, "max_burst_kbps", self.max_burst_kbits);
        c::put(&mut a, "dscp_mark", self.dscp_mark);
        c::put(&mut a, "min_kbps", self.min_kbps);
        c::put(&mut a, "min_kpps", self.min_kpps);
        if self.ingress {
            a.insert("direction".into(), json!("ingress"));
        }
        if self.egress {
            a.insert("direction".into(), json!("egress"));
        }
        if self.any {
            if rule_type != MINIMUM_PACKET_RATE {
                return Err(format!(
                    "Direction \"any\" can only be used with {MINIMUM_PACKET_RATE} rule type"
                ));
            }
            a.insert("direction".into(), json!("any"));
        }
        check_type_parameters(&a, rule_type, is_create)?;
        Ok(a)
    }
}

/// OSC `_find_rule_type`: the type of the policy's rule with this ID, dashed.
fn find_rule_type(policy: &Value, rule_id: &str) -> Option<String> {
    policy
        .get("rules")?
        .as_array()?
        .iter()
        .find(|r| r.get("id").and_then(Value::as_str) == Some(rule_id))
        .map(|r| {
            r.get("type")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .replace('_', "-")
        })
}

/// The path of a policy's rules.
fn policy_path(policy_id: &str) -> String {
    format!("{}/{policy_id}", QOS_POLICY.coll.path)
}

/// A rule as its class shows it (hidden: `location`, `name`, `tenant_id`; its URI attribute
/// `qos_policy_id` is no part of `to_dict`).
fn rule_record(res: &Resource, body: &Value) -> Output {
    Output::One(c::show_record(
        res,
        body,
        &[],
        &["location", "name", "tenant_id"],
        &[],
    ))
}

/// OSC's `Failed to {what}: {e}` around a whole rule command.
fn failed(what: &str) -> impl FnOnce(String) -> CliError + '_ {
    move |e| CliError::Message(format!("Failed to {what}: {e}"))
}

/// A message from any step of a rule command, as OSC's `except Exception as e` words it.
fn step<T>(r: Result<T, CliError>) -> Result<T, String> {
    r.map_err(|e| e.to_string())
}

/// The policy and the type of its rule `rule_id` (`not_found`: the error when it has none).
fn policy_and_rule_type(
    ctx: &mut Context,
    policy: &str,
    rule_id: &str,
    not_found: &str,
) -> Result<(Value, String), String> {
    let qos = step(c::find(ctx, &QOS_POLICY, policy))?;
    let rule_type = find_rule_type(&qos, rule_id).ok_or_else(|| not_found.to_string())?;
    Ok((qos, rule_type))
}

/// Create new Network QoS rule
#[derive(clap::Args, Debug)]
pub struct CreateNetworkQosRule {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// QoS policy that contains the rule (name or ID)
    #[arg(value_name = "<qos-policy>")]
    qos_policy: String,
    /// QoS rule type (minimum-bandwidth, minimum-packet-rate, dscp-marking, bandwidth-limit)
    #[arg(long = "type", value_name = "<type>", required = true, hide_possible_values = true,
          value_parser = [MINIMUM_BANDWIDTH, MINIMUM_PACKET_RATE, DSCP_MARKING, BANDWIDTH_LIMIT])]
    kind: String,
    #[command(flatten)]
    rule: RuleArgs,
}

impl CreateNetworkQosRule {
    fn create(&self, ctx: &mut Context) -> Result<Output, String> {
        let qos = step(c::find(ctx, &QOS_POLICY, &self.qos_policy))?;
        let mut a = self.rule.attrs(&self.kind, true)?;
        step(c::extra_properties(&self.extra.extra_property, &mut a))?;
        let res = rule_resource(&self.kind)?;
        let policy_id = c::id(&qos);
        let s = step(ctx.session())?;
        let obj = step(c::run(
            ctx,
            res.coll.create_in(&s, &policy_path(&policy_id), a),
        ))?;
        Ok(rule_record(res, &obj))
    }
}

impl Command for CreateNetworkQosRule {
    const WORDS: &'static str = "network qos rule create";
    const ABOUT: &'static str = "Create new Network QoS rule";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        self.create(ctx).map_err(failed("create Network QoS rule"))
    }
}

/// Delete Network QoS rule
#[derive(clap::Args, Debug)]
pub struct DeleteNetworkQosRule {
    /// QoS policy that contains the rule (name or ID)
    #[arg(value_name = "<qos-policy>")]
    qos_policy: String,
    /// Network QoS rule to delete (ID)
    #[arg(value_name = "<rule-id>")]
    id: String,
}

impl DeleteNetworkQosRule {
    fn delete(&self, ctx: &mut Context) -> Result<(), String> {
        let not_found = format!("Rule {} not found", self.id);
        let (qos, rule_type) = policy_and_rule_type(ctx, &self.qos_policy, &self.id, &not_found)?;
        let res = rule_resource(&rule_type)?;
        let s = step(ctx.session())?;
        let path = policy_path(&c::id(&qos));
        match step(ctx.block_on(res.coll.delete_in(&s, &path, &self.id)))? {
            // openstacksdk's delete ignores a rule already gone
            Err(e) if e.status() == Some(404) => Ok(()),
            r => step(r.map_err(|e| sdk_error(e, None))),
        }
    }
}

impl Command for DeleteNetworkQosRule {
    const WORDS: &'static str = "network qos rule delete";
    const ABOUT: &'static str = "Delete Network QoS rule";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        self.delete(ctx).map_err(failed(&format!(
            "delete Network QoS rule ID \"{}\"",
            self.id
        )))?;
        Ok(Output::None)
    }
}

/// List Network QoS rules
#[derive(clap::Args, Debug)]
pub struct ListNetworkQosRule {
    /// QoS policy that contains the rule (name or ID)
    #[arg(value_name = "<qos-policy>")]
    qos_policy: String,
}

impl Command for ListNetworkQosRule {
    const WORDS: &'static str = "network qos rule list";
    const ABOUT: &'static str = "List Network QoS rules";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let qos = c::find(ctx, &QOS_POLICY, &self.qos_policy)?;
        let rules = qos
            .get("rules")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let cols = [
            ("ID", "id"),
            ("QoS Policy ID", "qos_policy_id"),
            ("Type", "type"),
            ("Max Kbps", "max_kbps"),
            ("Max Burst Kbits", "max_burst_kbps"),
            ("Min Kbps", "min_kbps"),
            ("Min Kpps", "min_kpps"),
            ("DSCP mark", "dscp_mark"),
            ("Direction", "direction"),
        ];
        Ok(Output::List(c::dict_listing(&rules, &cols)))
    }
}

/// Set Network QoS rule properties
#[derive(clap::Args, Debug)]
pub struct SetNetworkQosRule {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// QoS policy that contains the rule (name or ID)
    #[arg(value_name = "<qos-policy>")]
    qos_policy: String,
    /// Network QoS rule to set (ID)
    #[arg(value_name = "<rule-id>")]
    id: String,
    #[command(flatten)]
    rule: RuleArgs,
}

impl SetNetworkQosRule {
    fn set(&self, ctx: &mut Context) -> Result<(), String> {
        let (qos, rule_type) =
            policy_and_rule_type(ctx, &self.qos_policy, &self.id, "Rule not found")?;
        let mut a = self.rule.attrs(&rule_type, false)?;
        step(c::extra_properties(&self.extra.extra_property, &mut a))?;
        let res = rule_resource(&rule_type)?;
        let path = policy_path(&c::id(&qos));
        let s = step(ctx.session())?;
        // openstacksdk's find_qos_*_rule: the rule by ID
        let rule = step(c::run(ctx, res.coll.get_in(&s, &path, &self.id)))?;
        if !a.is_empty() {
            step(c::run(
                ctx,
                res.coll
                    .update_in(&s, ostk_sdk::client::Method::PUT, &path, &c::id(&rule), a),
            ))?;
        }
        Ok(())
    }
}

impl Command for SetNetworkQosRule {
    const WORDS: &'static str = "network qos rule set";
    const ABOUT: &'static str = "Set Network QoS rule properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        self.set(ctx)
            .map_err(failed(&format!("set Network QoS rule ID \"{}\"", self.id)))?;
        Ok(Output::None)
    }
}

/// Display Network QoS rule details
#[derive(clap::Args, Debug)]
pub struct ShowNetworkQosRule {
    /// QoS policy that contains the rule (name or ID)
    #[arg(value_name = "<qos-policy>")]
    qos_policy: String,
    /// Network QoS rule to show (ID)
    #[arg(value_name = "<rule-id>")]
    id: String,
}

impl ShowNetworkQosRule {
    fn show(&self, ctx: &mut Context) -> Result<Output, String> {
        let (qos, rule_type) =
            policy_and_rule_type(ctx, &self.qos_policy, &self.id, "Rule not found")?;
        let res = rule_resource(&rule_type)?;
        let policy_id = c::id(&qos);
        let s = step(ctx.session())?;
        let obj = step(c::get(
            ctx,
            res,
            res.coll.get_in(&s, &policy_path(&policy_id), &self.id),
            &self.id,
        ))?;
        Ok(rule_record(res, &obj))
    }
}

impl Command for ShowNetworkQosRule {
    const WORDS: &'static str = "network qos rule show";
    const ABOUT: &'static str = "Display Network QoS rule details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        self.show(ctx)
            .map_err(failed(&format!("show Network QoS rule ID \"{}\"", self.id)))
    }
}

// ---------------------------------------------------------------- rule types

/// List QoS rule types
#[derive(clap::Args, Debug)]
pub struct ListNetworkQosRuleType {
    /// List all the QoS rule types supported by any loaded mechanism drivers (the union of all sets of supported rules)
    #[arg(long, group = "supported_g")]
    all_supported: bool,
    /// List all QoS rule types implemented in Neutron QoS driver
    #[arg(long, group = "supported_g")]
    all_rules: bool,
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListNetworkQosRuleType {
    const WORDS: &'static str = "network qos rule type list";
    const ABOUT: &'static str = "List QoS rule types";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut q: Vec<(&str, String)> = Vec::new();
        if self.all_supported {
            q.push(("all_supported", c::py_bool(true)));
        } else if self.all_rules {
            q.push(("all_rules", c::py_bool(true)));
        }
        let items = self.page.list(ctx, &QOS_RULE_TYPE, q)?;
        Ok(Output::List(c::listing(
            &QOS_RULE_TYPE,
            &items,
            &[("Type", "type")],
            &[],
        )))
    }
}

/// Show details about supported QoS rule type
#[derive(clap::Args, Debug)]
pub struct ShowNetworkQosRuleType {
    /// Name of QoS rule type
    #[arg(value_name = "<qos-rule-type-name>")]
    rule_type: String,
}

impl Command for ShowNetworkQosRuleType {
    const WORDS: &'static str = "network qos rule type show";
    const ABOUT: &'static str = "Show details about supported QoS rule type";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        let obj = c::get(
            ctx,
            &QOS_RULE_TYPE,
            QOS_RULE_TYPE.coll.get(&s, &self.rule_type),
            &self.rule_type,
        )?;
        Ok(Output::One(c::show_record(
            &QOS_RULE_TYPE,
            &obj,
            &[("type", "rule_type_name"), ("drivers", "drivers")],
            &["id", "location", "name", "tenant_id"],
            &[],
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_parameters_as_osc_checks_them() {
        let a = |v: Value| v.as_object().unwrap().clone();
        assert_eq!(
            check_type_parameters(&a(json!({"min_kbps": 1})), MINIMUM_BANDWIDTH, true).unwrap_err(),
            "\"Create\" rule command for type \"minimum-bandwidth\" requires arguments: \
             direction, min_kbps"
        );
        assert_eq!(
            check_type_parameters(
                &a(json!({"max_kbps": 1, "min_kbps": 2})),
                BANDWIDTH_LIMIT,
                true
            )
            .unwrap_err(),
            "Rule type \"bandwidth-limit\" only requires arguments: direction, max_burst_kbps, \
             max_kbps"
        );
        assert!(
            check_type_parameters(
                &a(json!({"max_kbps": 1, "direction": "egress"})),
                BANDWIDTH_LIMIT,
                true
            )
            .is_ok()
        );
        assert_eq!(
            check_type_parameters(&a(json!({"direction": "egress"})), DSCP_MARKING, false)
                .unwrap_err(),
            "Rule type \"dscp-marking\" only requires arguments: dscp_mark"
        );
        assert_eq!(
            check_type_parameters(&a(json!({})), "packet-rate-limit", false).unwrap_err(),
            "'packet-rate-limit'"
        );
    }

    #[test]
    fn rules_column_is_python_str_per_line() {
        assert_eq!(
            rules_column(&json!([{"id": "a", "max_kbps": 1}, {"x": null}])),
            "{'id': 'a', 'max_kbps': 1}\n{'x': None}"
        );
    }
}
