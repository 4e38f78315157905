//! `network segment create/delete/list/set/show` (openstackclient/network/v2/network_segment.py).

use super::common as c;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::{NETWORK, SEGMENT};
use serde_json::{Map, Value, json};

fn record(body: &Value) -> Output {
    Output::One(c::show_record(
        &SEGMENT,
        body,
        &[],
        &["location", "tenant_id"],
        &[],
    ))
}

/// Create new network segment
#[derive(clap::Args, Debug)]
pub struct CreateNetworkSegment {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// New network segment name
    #[arg(value_name = "<name>")]
    name: String,
    /// Network segment description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Physical network name of this network segment
    #[arg(long, value_name = "<physical-network>")]
    physical_network: Option<String>,
    /// Segment identifier for this network segment which is based on the network type, VLAN
    /// ID for vlan network type and tunnel ID for geneve, gre and vxlan network types
    #[arg(long, value_name = "<segment>")]
    segment: Option<i64>,
    /// Network this network segment belongs to (name or ID)
    #[arg(long, value_name = "<network>", required = true)]
    network: String,
    /// Network type of this network segment (flat, geneve, gre, local, vlan or vxlan)
    #[arg(long, value_name = "<network-type>", required = true, hide_possible_values = true,
          value_parser = ["flat", "geneve", "gre", "local", "vlan", "vxlan"])]
    network_type: String,
}

impl Command for CreateNetworkSegment {
    const WORDS: &'static str = "network segment create";
    const ABOUT: &'static str = "Create new network segment";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut a = Map::new();
        a.insert("name".into(), json!(self.name));
        a.insert(
            "network_id".into(),
            json!(c::find_id(ctx, &NETWORK, &self.network)?),
        );
        a.insert("network_type".into(), json!(self.network_type));
        c::put(&mut a, "description", self.description.as_deref());
        c::put(&mut a, "physical_network", self.physical_network.as_deref());
        c::put(&mut a, "segmentation_id", self.segment);
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        Ok(record(&c::create(ctx, &SEGMENT, a)?))
    }
}

/// Delete network segment(s)
#[derive(clap::Args, Debug)]
pub struct DeleteNetworkSegment {
    /// Network segment(s) to delete (name or ID)
    #[arg(value_name = "<network-segment>", required = true)]
    network_segment: Vec<String>,
}

impl Command for DeleteNetworkSegment {
    const WORDS: &'static str = "network segment delete";
    const ABOUT: &'static str = "Delete network segment(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        c::delete_many_worded(
            ctx,
            &SEGMENT,
            &self.network_segment,
            "network segments",
            |item, e| format!("Failed to delete network segment with ID '{item}': {e}"),
        )?;
        Ok(Output::None)
    }
}

/// List network segments
#[derive(clap::Args, Debug)]
pub struct ListNetworkSegment {
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    /// List only network segments associated with the specified network (name or ID)
    #[arg(long, value_name = "<network>")]
    network: Option<String>,
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListNetworkSegment {
    const WORDS: &'static str = "network segment list";
    const ABOUT: &'static str = "List network segments";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut q: Vec<(&str, String)> = Vec::new();
        if let Some(n) = self.network.as_deref().filter(|n| !n.is_empty()) {
            q.push(("network_id", c::find_id(ctx, &NETWORK, n)?));
        }
        self.page.apply(&mut q);
        let items = c::list(ctx, &SEGMENT, &q, self.page.max_items)?;
        let mut cols = vec![
            ("ID", "id"),
            ("Name", "name"),
            ("Network", "network_id"),
            ("Network Type", "network_type"),
            ("Segment", "segmentation_id"),
        ];
        if self.long {
            cols.push(("Physical Network", "physical_network"));
        }
        Ok(Output::List(c::listing(&SEGMENT, &items, &cols, &[])))
    }
}

/// Set network segment properties
#[derive(clap::Args, Debug)]
pub struct SetNetworkSegment {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Network segment to modify (name or ID)
    #[arg(value_name = "<network-segment>")]
    network_segment: String,
    /// Set network segment description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Set network segment name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
}

impl Command for SetNetworkSegment {
    const WORDS: &'static str = "network segment set";
    const ABOUT: &'static str = "Set network segment properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let obj = c::find(ctx, &SEGMENT, &self.network_segment)?;
        let mut a = Map::new();
        c::put(&mut a, "description", self.description.as_deref());
        c::put(&mut a, "name", self.name.as_deref());
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        c::update(ctx, &SEGMENT, &c::id(&obj), a)?;
        Ok(Output::None)
    }
}

/// Display network segment details
#[derive(clap::Args, Debug)]
pub struct ShowNetworkSegment {
    /// Network segment to display (name or ID)
    #[arg(value_name = "<network-segment>")]
    network_segment: String,
}

impl Command for ShowNetworkSegment {
    const WORDS: &'static str = "network segment show";
    const ABOUT: &'static str = "Display network segment details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        Ok(record(&c::find(ctx, &SEGMENT, &self.network_segment)?))
    }
}
