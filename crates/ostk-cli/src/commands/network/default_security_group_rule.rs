//! `default security group rule create/delete/list/show`
//! (openstackclient/network/v2/default_security_group_rule.py).

use super::common as c;
use super::security_group::{
    RuleBase, default_remote_ip, fill_remote_ip_prefix, ipvx, lower, parse_range, rule_base,
    rule_listing,
};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::DEFAULT_SECURITY_GROUP_RULE;
use serde_json::{Value, json};

fn record(body: &Value) -> Output {
    Output::One(c::show_record(
        &DEFAULT_SECURITY_GROUP_RULE,
        body,
        &[],
        &["location", "name", "revision_number"],
        &[],
    ))
}

/// Add a new security group rule to the default security group template.
#[derive(clap::Args, Debug)]
pub struct CreateDefaultSecurityGroupRule {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Set default security group rule description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// ICMP type for ICMP IP protocols
    #[arg(long, value_name = "<icmp-type>")]
    icmp_type: Option<i64>,
    /// ICMP code for ICMP IP protocols
    #[arg(long, value_name = "<icmp-code>")]
    icmp_code: Option<i64>,
    /// Rule will apply to incoming network traffic (default)
    #[arg(long, group = "dir_g")]
    ingress: bool,
    /// Rule will apply to outgoing network traffic
    #[arg(long, group = "dir_g")]
    egress: bool,
    /// Ethertype of network traffic (IPv4, IPv6; default: based on IP protocol)
    #[arg(long, value_name = "<ethertype>", value_parser = ipvx)]
    ethertype: Option<String>,
    /// Remote IP address block (may use CIDR notation; default for IPv4 rule: 0.0.0.0/0,
    /// default for IPv6 rule: ::/0)
    #[arg(long, value_name = "<ip-address>", group = "remote_g")]
    remote_ip: Option<String>,
    /// Remote security group (ID)
    #[arg(long, value_name = "<group>", group = "remote_g")]
    remote_group: Option<String>,
    /// Remote address group (ID)
    #[arg(long, value_name = "<group>", group = "remote_g")]
    remote_address_group: Option<String>,
    /// Destination port, may be a single port or a starting and ending port range: 137:139. Required for IP protocols TCP and UDP. Ignored for ICMP IP protocols.
    #[arg(long, value_name = "<port-range>", value_parser = parse_range, verbatim_doc_comment)]
    dst_port: Option<(i64, i64)>,
    /// IP protocol (ah, dccp, egp, esp, gre, icmp, igmp, ipv66-encap, ipv6-frag, ipv6-icmp,
    /// ipv6-nonxt, ipv6-opts, ipv6-route, ospf, pgm, rsvp, sctp, tcp, udp, udplite, vrrp and
    /// integer representations [0-255] or any; default: any (all protocols))
    #[arg(long, value_name = "<protocol>", value_parser = lower)]
    protocol: Option<String>,
    /// Set this default security group rule to be used in all default security groups created
    /// automatically for each project
    #[arg(long)]
    for_default_sg: bool,
    /// Set this default security group rule to be used in all custom security groups created
    /// manually by users
    #[arg(long)]
    for_custom_sg: bool,
}

impl Command for CreateDefaultSecurityGroupRule {
    const WORDS: &'static str = "default security group rule create";
    const ABOUT: &'static str = "Add a new security group rule to the default security group template.\nThese rules will be applied to the default security groups created for any new project. They will not be applied to any existing default security groups.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (mut a, ethertype) = rule_base(&RuleBase {
            protocol: self.protocol.as_deref(),
            description: self.description.as_deref(),
            egress: self.egress,
            ethertype: self.ethertype.as_deref(),
            dst_port: self.dst_port,
            icmp_type: self.icmp_type,
            icmp_code: self.icmp_code,
        })?;
        // Remote groups are IDs here, passed as given.
        if let Some(g) = &self.remote_group {
            a.insert("remote_group_id".into(), json!(g));
        } else if let Some(g) = &self.remote_address_group {
            a.insert("remote_address_group_id".into(), json!(g));
        } else if let Some(ip) = &self.remote_ip {
            a.insert("remote_ip_prefix".into(), json!(ip));
        } else if let Some(ip) = default_remote_ip(&ethertype) {
            a.insert("remote_ip_prefix".into(), json!(ip));
        }
        a.insert("used_in_default_sg".into(), json!(self.for_default_sg));
        a.insert("used_in_non_default_sg".into(), json!(self.for_custom_sg));
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        Ok(record(&c::create(ctx, &DEFAULT_SECURITY_GROUP_RULE, a)?))
    }
}

/// Remove security group rule(s) from the default security group template.
#[derive(clap::Args, Debug)]
pub struct DeleteDefaultSecurityGroupRule {
    /// Default security group rule(s) to delete (ID only)
    #[arg(value_name = "<rule>", required = true)]
    rule: Vec<String>,
}

impl Command for DeleteDefaultSecurityGroupRule {
    const WORDS: &'static str = "default security group rule delete";
    const ABOUT: &'static str = "Remove security group rule(s) from the default security group template.\nThese rules will not longer be applied to the default security groups created for any new project. They will not be removed from any existing default security groups.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        c::delete_many_worded(
            ctx,
            &DEFAULT_SECURITY_GROUP_RULE,
            &self.rule,
            "default rules",
            |item, e| format!("Failed to delete default SG rule with ID '{item}': {e}"),
        )?;
        Ok(Output::None)
    }
}

/// List security group rules used for new default security groups.
#[derive(clap::Args, Debug)]
pub struct ListDefaultSecurityGroupRule {
    /// List only default rules with the specified IP protocol (ah, dhcp, egp, esp, gre, icmp,
    /// igmp, ipv6-encap, ipv6-frag, ipv6-icmp, ipv6-nonxt, ipv6-opts, ipv6-route, ospf, pgm,
    /// rsvp, sctp, tcp, udp, udplite, vrrp and integer representations [0-255] or any;
    /// default: any (all protocols))
    #[arg(long, value_name = "<protocol>", value_parser = lower)]
    protocol: Option<String>,
    /// List default rules by the Ethertype (IPv4 or IPv6)
    #[arg(long, value_name = "<ethertype>", value_parser = lower)]
    ethertype: Option<String>,
    /// List only default rules which will be applied to incoming network traffic
    #[arg(long, group = "dir_g")]
    ingress: bool,
    /// List only default rules which will be applied to outgoing network traffic
    #[arg(long, group = "dir_g")]
    egress: bool,
}

impl Command for ListDefaultSecurityGroupRule {
    const WORDS: &'static str = "default security group rule list";
    const ABOUT: &'static str = "List security group rules used for new default security groups.\nThis shows the rules that will be added to any new default security groups created. These rules may differ for the rules present on existing default security groups.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // OSC accepts --ethertype but does not filter by it.
        let _ = &self.ethertype;
        let mut q: Vec<(&str, String)> = Vec::new();
        if self.ingress {
            q.push(("direction", "ingress".into()));
        }
        if self.egress {
            q.push(("direction", "egress".into()));
        }
        c::put_query(&mut q, "protocol", self.protocol.as_deref());
        let items = c::list(ctx, &DEFAULT_SECURITY_GROUP_RULE, &q, None)?;
        let cols = [
            ("ID", "id"),
            ("IP Protocol", "protocol"),
            ("Ethertype", "ether_type"),
            ("IP Range", "remote_ip_prefix"),
            ("Port Range", "port_range"),
            ("Direction", "direction"),
            ("Remote Security Group", "remote_group_id"),
            ("Remote Address Group", "remote_address_group_id"),
            ("Used in default Security Group", "used_in_default_sg"),
            ("Used in custom Security Group", "used_in_non_default_sg"),
        ];
        Ok(Output::List(rule_listing(
            &DEFAULT_SECURITY_GROUP_RULE,
            &items,
            &cols,
        )))
    }
}

/// Show a security group rule used for new default security groups.
#[derive(clap::Args, Debug)]
pub struct ShowDefaultSecurityGroupRule {
    /// Default security group rule to display (ID only)
    #[arg(value_name = "<rule>")]
    rule: String,
}

impl Command for ShowDefaultSecurityGroupRule {
    const WORDS: &'static str = "default security group rule show";
    const ABOUT: &'static str = "Show a security group rule used for new default security groups.\nThis shows a rule that will be added to any new default security groups created. This rule may not be present on existing default security groups.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut obj = c::find(ctx, &DEFAULT_SECURITY_GROUP_RULE, &self.rule)?;
        fill_remote_ip_prefix(&DEFAULT_SECURITY_GROUP_RULE, &mut obj);
        Ok(record(&obj))
    }
}
