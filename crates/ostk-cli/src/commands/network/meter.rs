//! `network meter create/delete/list/show` and `network meter rule create/delete/list/show`
//! (openstackclient/network/v2/network_meter.py, network_meter_rule.py).

use super::common as c;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::{METERING_LABEL, METERING_LABEL_RULE};
use serde_json::{Map, json};

/// Create network meter
#[derive(clap::Args, Debug)]
pub struct CreateMeter {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Description for meter
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Owner's project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Share meter between projects
    #[arg(long, group = "share_g")]
    share: bool,
    /// Do not share meter between projects
    #[arg(long, group = "share_g")]
    no_share: bool,
    /// Name of meter
    #[arg(value_name = "<name>")]
    name: String,
}

impl Command for CreateMeter {
    const WORDS: &'static str = "network meter create";
    const ABOUT: &'static str = "Create network meter";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut a = Map::new();
        c::put(&mut a, "description", self.description.as_deref());
        c::put_project(
            ctx,
            &mut a,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        c::put(&mut a, "shared", c::flag_pair(self.share, self.no_share));
        a.insert("name".into(), json!(self.name));
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        let obj = c::create(ctx, &METERING_LABEL, a)?;
        Ok(meter_record(&obj))
    }
}

fn meter_record(body: &serde_json::Value) -> Output {
    Output::One(c::show_record(
        &METERING_LABEL,
        body,
        &[("is_shared", "shared")],
        &["location", "tenant_id"],
        &[],
    ))
}

/// Delete network meter
#[derive(clap::Args, Debug)]
pub struct DeleteMeter {
    /// Meter to delete (name or ID)
    #[arg(value_name = "<meter>", required = true)]
    meter: Vec<String>,
}

impl Command for DeleteMeter {
    const WORDS: &'static str = "network meter delete";
    const ABOUT: &'static str = "Delete network meter";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        c::delete_many_worded(ctx, &METERING_LABEL, &self.meter, "meters", |i, e| {
            format!("Failed to delete meter with ID '{i}': {e}")
        })?;
        Ok(Output::None)
    }
}

/// List network meters
#[derive(clap::Args, Debug)]
pub struct ListMeter {
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListMeter {
    const WORDS: &'static str = "network meter list";
    const ABOUT: &'static str = "List network meters";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let items = self.page.list(ctx, &METERING_LABEL, Vec::new())?;
        // OSC asks for `shared`, which openstacksdk only knows as `is_shared`: ''
        let cols = [
            ("ID", "id"),
            ("Name", "name"),
            ("Description", "description"),
            ("Shared", "shared"),
        ];
        Ok(Output::List(c::listing(
            &METERING_LABEL,
            &items,
            &cols,
            &[],
        )))
    }
}

/// Show network meter
#[derive(clap::Args, Debug)]
pub struct ShowMeter {
    /// Meter to display (name or ID)
    #[arg(value_name = "<meter>")]
    meter: String,
}

impl Command for ShowMeter {
    const WORDS: &'static str = "network meter show";
    const ABOUT: &'static str = "Show network meter";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        Ok(meter_record(&c::find(ctx, &METERING_LABEL, &self.meter)?))
    }
}

fn rule_record(body: &serde_json::Value) -> Output {
    Output::One(c::show_record(
        &METERING_LABEL_RULE,
        body,
        &[],
        &["location", "tenant_id"],
        &[],
    ))
}

/// Create a new meter rule
#[derive(clap::Args, Debug)]
pub struct CreateMeterRule {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Owner's project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Exclude remote IP prefix from traffic count
    #[arg(long, group = "exclude_g")]
    exclude: bool,
    /// Include remote IP prefix from traffic count (default)
    #[arg(long, group = "exclude_g")]
    include: bool,
    /// Apply rule to incoming network traffic (default)
    #[arg(long, group = "direction_g")]
    ingress: bool,
    /// Apply rule to outgoing network traffic
    #[arg(long, group = "direction_g")]
    egress: bool,
    /// The remote IP prefix to associate with this rule
    #[arg(long, value_name = "<remote-ip-prefix>")]
    remote_ip_prefix: Option<String>,
    /// The source IP prefix to associate with this rule
    #[arg(long, value_name = "<remote-ip-prefix>")]
    source_ip_prefix: Option<String>,
    /// The destination IP prefix to associate with this rule
    #[arg(long, value_name = "<remote-ip-prefix>")]
    destination_ip_prefix: Option<String>,
    /// Label to associate with this metering rule (name or ID)
    #[arg(value_name = "<meter>")]
    meter: String,
}

impl Command for CreateMeterRule {
    const WORDS: &'static str = "network meter rule create";
    const ABOUT: &'static str = "Create a new meter rule";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let meter = c::find_id(ctx, &METERING_LABEL, &self.meter)?;
        let mut a = Map::new();
        c::put(&mut a, "excluded", c::flag_pair(self.exclude, self.include));
        let direction = if self.egress { "egress" } else { "ingress" };
        a.insert("direction".into(), json!(direction));
        c::put(&mut a, "remote_ip_prefix", self.remote_ip_prefix.as_deref());
        c::put(&mut a, "source_ip_prefix", self.source_ip_prefix.as_deref());
        c::put(
            &mut a,
            "destination_ip_prefix",
            self.destination_ip_prefix.as_deref(),
        );
        a.insert("metering_label_id".into(), json!(meter));
        c::put_project(
            ctx,
            &mut a,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        Ok(rule_record(&c::create(ctx, &METERING_LABEL_RULE, a)?))
    }
}

/// Delete meter rule(s)
#[derive(clap::Args, Debug)]
pub struct DeleteMeterRule {
    /// Meter rule to delete (ID only)
    #[arg(value_name = "<meter-rule-id>", required = true)]
    meter_rule_id: Vec<String>,
}

impl Command for DeleteMeterRule {
    const WORDS: &'static str = "network meter rule delete";
    const ABOUT: &'static str = "Delete meter rule(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        c::delete_many_worded(
            ctx,
            &METERING_LABEL_RULE,
            &self.meter_rule_id,
            "meter rules",
            |i, e| format!("Failed to delete meter rule with ID '{i}': {e}"),
        )?;
        Ok(Output::None)
    }
}

/// List meter rules
#[derive(clap::Args, Debug)]
pub struct ListMeterRule {
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListMeterRule {
    const WORDS: &'static str = "network meter rule list";
    const ABOUT: &'static str = "List meter rules";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let items = self.page.list(ctx, &METERING_LABEL_RULE, Vec::new())?;
        let cols = [
            ("ID", "id"),
            ("Excluded", "excluded"),
            ("Direction", "direction"),
            ("Remote IP Prefix", "remote_ip_prefix"),
            ("Source IP Prefix", "source_ip_prefix"),
            ("Destination IP Prefix", "destination_ip_prefix"),
        ];
        Ok(Output::List(c::listing(
            &METERING_LABEL_RULE,
            &items,
            &cols,
            &[],
        )))
    }
}

/// Display meter rules details
#[derive(clap::Args, Debug)]
pub struct ShowMeterRule {
    /// Meter rule (ID only)
    #[arg(value_name = "<meter-rule-id>")]
    meter_rule_id: String,
}

impl Command for ShowMeterRule {
    const WORDS: &'static str = "network meter rule show";
    const ABOUT: &'static str = "Display meter rules details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        Ok(rule_record(&c::find(
            ctx,
            &METERING_LABEL_RULE,
            &self.meter_rule_id,
        )?))
    }
}
