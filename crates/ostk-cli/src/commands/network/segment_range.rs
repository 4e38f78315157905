//! `network segment range create/delete/list/set/show`
//! (openstackclient/network/v2/network_segment_range.py).

use super::common as c;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing, Record};
use ostk_sdk::network::{EXTENSION, NETWORK_SEGMENT_RANGE};
use serde_json::{Map, Value, json};

/// OSC's check that neutron has the extension: `Network segment range {what} not supported
/// by Network API: …` otherwise.
fn require_extension(ctx: &mut Context, what: &str) -> Result<(), CliError> {
    c::find(ctx, &EXTENSION, "network-segment-range")
        .map(|_| ())
        .map_err(|e| CliError::Message(format!("{what} not supported by Network API: {e}")))
}

/// OSC `_get_ranges`: sorted IDs as `a-b` runs (single IDs alone).
fn ranges(ids: &[Value]) -> Vec<String> {
    let mut ids: Vec<i64> = ids
        .iter()
        .filter_map(|v| match v {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        })
        .collect();
    ids.sort_unstable();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < ids.len() {
        let start = ids[i];
        let mut j = i;
        // a run: consecutive values (duplicates break it, as itertools.groupby's key does)
        while j + 1 < ids.len() && ids[j + 1] - ids[i] == (j + 1 - i) as i64 {
            j += 1;
        }
        let end = ids[j];
        out.push(if start != end {
            format!("{start}-{end}")
        } else {
            start.to_string()
        });
        i = j + 1;
    }
    out
}

/// OSC `_update_used_from_props`: `{segment: project}` turned into `{project: [ranges]}`.
fn used_by_project(used: &Value) -> Value {
    let mut by: Map<String, Value> = Map::new();
    if let Some(m) = used.as_object() {
        for (seg, project) in m {
            let key = ostk_output::py_str_of_json(project);
            let ids = by.entry(key).or_insert_with(|| json!([]));
            if let Some(a) = ids.as_array_mut() {
                a.push(json!(seg));
            }
        }
    }
    for v in by.values_mut() {
        *v = json!(ranges(v.as_array().map_or(&[][..], |a| a)));
    }
    Value::Object(by)
}

/// OSC `_update_additional_fields_from_props` on the `available` and `used` cells.
fn fix_fields(name: &str, cell: Cell, raw: &Value) -> Cell {
    match name {
        "available" => Cell::from_json(json!(ranges(raw.as_array().map_or(&[][..], |a| a)))),
        "used" => Cell::from_json(used_by_project(raw)),
        _ => cell,
    }
}

fn record(body: &Value) -> Output {
    let r = c::show_record(
        &NETWORK_SEGMENT_RANGE,
        body,
        &[],
        &["location", "tenant_id"],
        &[],
    );
    let dict = NETWORK_SEGMENT_RANGE.to_dict(body);
    Output::One(Record {
        fields: r
            .fields
            .into_iter()
            .map(|(n, cell)| {
                let raw = dict.get(&n).cloned().unwrap_or(Value::Null);
                let cell = fix_fields(&n, cell, &raw);
                (n, cell)
            })
            .collect(),
    })
}

/// Create new network segment range
#[derive(clap::Args, Debug)]
pub struct CreateNetworkSegmentRange {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Network segment range is assigned specifically to the project
    #[arg(long, group = "shared_g")]
    private: bool,
    /// Network segment range is shared with other projects
    #[arg(long, group = "shared_g")]
    shared: bool,
    /// Name of new network segment range
    #[arg(value_name = "<name>")]
    name: String,
    /// Network segment range owner (name or ID). Optional when the segment range is shared.
    #[arg(long, value_name = "<project>", verbatim_doc_comment)]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
    /// Network type of this network segment range (geneve, gre, vlan or vxlan)
    #[arg(long, value_name = "<network-type>", required = true, hide_possible_values = true,
          value_parser = ["geneve", "gre", "vlan", "vxlan"])]
    network_type: String,
    /// Physical network name of this network segment range
    #[arg(long, value_name = "<physical-network-name>")]
    physical_network: Option<String>,
    /// Minimum segment identifier for this network segment range which is based on the network type, VLAN ID for vlan network type and tunnel ID for geneve, gre and vxlan network types
    #[arg(long, value_name = "<minimum-segmentation-id>", required = true)]
    minimum: i64,
    /// Maximum segment identifier for this network segment range which is based on the network type, VLAN ID for vlan network type and tunnel ID for geneve, gre and vxlan network types
    #[arg(long, value_name = "<maximum-segmentation-id>", required = true)]
    maximum: i64,
}

impl Command for CreateNetworkSegmentRange {
    const WORDS: &'static str = "network segment range create";
    const ABOUT: &'static str = "Create new network segment range";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        require_extension(ctx, "Network segment range create")?;
        let project = self.project.as_deref().filter(|p| !p.is_empty());
        if !self.private && project.is_some() {
            return Err(CliError::Message(
                "--project is only allowed with --private".into(),
            ));
        }
        let physnet = self.physical_network.as_deref().filter(|p| !p.is_empty());
        if self.network_type.to_lowercase() != "vlan" && physnet.is_some() {
            return Err(CliError::Message(
                "--physical-network is only allowed with --network-type vlan".into(),
            ));
        }
        let mut a = Map::new();
        let shared = !self.private;
        a.insert("shared".into(), json!(shared));
        a.insert("network_type".into(), json!(self.network_type));
        a.insert("minimum".into(), json!(self.minimum));
        a.insert("maximum".into(), json!(self.maximum));
        if !self.name.is_empty() {
            a.insert("name".into(), json!(self.name));
        }
        if project.is_some() {
            c::put_project(ctx, &mut a, project, self.project_domain.as_deref())?;
        } else if !shared {
            // the token's project (`auth_ref.project_id`)
            let session = ctx.session()?;
            let access = ctx.block_on(session.access())??;
            a.insert("project_id".into(), json!(access.project_id));
        }
        c::put(&mut a, "physical_network", physnet);
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        Ok(record(&c::create(ctx, &NETWORK_SEGMENT_RANGE, a)?))
    }
}

/// Delete network segment range(s)
#[derive(clap::Args, Debug)]
pub struct DeleteNetworkSegmentRange {
    /// Network segment range(s) to delete (name or ID)
    #[arg(value_name = "<network-segment-range>", required = true)]
    network_segment_range: Vec<String>,
}

impl Command for DeleteNetworkSegmentRange {
    const WORDS: &'static str = "network segment range delete";
    const ABOUT: &'static str = "Delete network segment range(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        require_extension(ctx, "Network segment range delete")?;
        c::delete_many_worded(
            ctx,
            &NETWORK_SEGMENT_RANGE,
            &self.network_segment_range,
            "network segment ranges",
            |i, e| format!("Failed to delete network segment range with ID '{i}': {e}"),
        )?;
        Ok(Output::None)
    }
}

/// List network segment ranges
#[derive(clap::Args, Debug)]
pub struct ListNetworkSegmentRange {
    /// List additional fields in output
    #[arg(long)]
    long: bool,
    /// List only network segment ranges that have segments in use
    #[arg(long, group = "used_g")]
    used: bool,
    /// List only network segment ranges that have segments not in use
    #[arg(long, group = "used_g")]
    unused: bool,
    /// List only network segment ranges that have available segments
    #[arg(long, group = "available_g")]
    available: bool,
    /// List only network segment ranges without available segments
    #[arg(long, group = "available_g")]
    unavailable: bool,
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListNetworkSegmentRange {
    const WORDS: &'static str = "network segment range list";
    const ABOUT: &'static str = "List network segment ranges";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        require_extension(ctx, "Network segment ranges list")?;
        let items = self.page.list(ctx, &NETWORK_SEGMENT_RANGE, Vec::new())?;
        let mut cols = vec![
            ("ID", "id"),
            ("Name", "name"),
            ("Default", "default"),
            ("Shared", "shared"),
            ("Project ID", "project_id"),
            ("Network Type", "network_type"),
            ("Physical Network", "physical_network"),
            ("Minimum ID", "minimum"),
            ("Maximum ID", "maximum"),
        ];
        let long = self.long || self.available || self.unavailable || self.used || self.unused;
        if long {
            cols.extend([("Used", "used"), ("Available", "available")]);
        }
        let mut kept = Vec::new();
        for it in &items {
            let d = NETWORK_SEGMENT_RANGE.to_dict(it);
            let empty = |k: &str| !c::truthy(d.get(k).unwrap_or(&Value::Null));
            if (self.available && empty("available"))
                || (self.unavailable && !empty("available"))
                || (self.used && empty("used"))
                || (self.unused && !empty("used"))
            {
                continue;
            }
            kept.push(it.clone());
        }
        let mut listing: Listing = c::listing(&NETWORK_SEGMENT_RANGE, &kept, &cols, &[]);
        if long {
            for (row, it) in listing.rows.iter_mut().zip(&kept) {
                let d = NETWORK_SEGMENT_RANGE.to_dict(it);
                for (i, (_, attr)) in cols.iter().enumerate() {
                    let raw = d.get(*attr).cloned().unwrap_or(Value::Null);
                    row[i] = fix_fields(attr, row[i].clone(), &raw);
                }
            }
        }
        Ok(Output::List(listing))
    }
}

/// Set network segment range properties
#[derive(clap::Args, Debug)]
pub struct SetNetworkSegmentRange {
    #[command(flatten)]
    extra: c::ExtraProperty,
    /// Network segment range to modify (name or ID)
    #[arg(value_name = "<network-segment-range>")]
    network_segment_range: String,
    /// Set network segment name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Set network segment range minimum segment identifier
    #[arg(long, value_name = "<minimum-segmentation-id>")]
    minimum: Option<i64>,
    /// Set network segment range maximum segment identifier
    #[arg(long, value_name = "<maximum-segmentation-id>")]
    maximum: Option<i64>,
}

impl Command for SetNetworkSegmentRange {
    const WORDS: &'static str = "network segment range set";
    const ABOUT: &'static str = "Set network segment range properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        require_extension(ctx, "Network segment range set")?;
        // Python truthiness: 0 counts as not given
        let min = self.minimum.filter(|m| *m != 0);
        let max = self.maximum.filter(|m| *m != 0);
        if min.is_some() != max.is_some() {
            return Err(CliError::Message(
                "--minimum and --maximum are both required".into(),
            ));
        }
        let obj = c::find(ctx, &NETWORK_SEGMENT_RANGE, &self.network_segment_range)?;
        let mut a = Map::new();
        c::put(
            &mut a,
            "name",
            self.name.as_deref().filter(|n| !n.is_empty()),
        );
        c::put(&mut a, "minimum", min);
        c::put(&mut a, "maximum", max);
        c::extra_properties(&self.extra.extra_property, &mut a)?;
        if !a.is_empty() {
            c::update(ctx, &NETWORK_SEGMENT_RANGE, &c::id(&obj), a)?;
        }
        Ok(Output::None)
    }
}

/// Display network segment range details
#[derive(clap::Args, Debug)]
pub struct ShowNetworkSegmentRange {
    /// Network segment range to display (name or ID)
    #[arg(value_name = "<network-segment-range>")]
    network_segment_range: String,
}

impl Command for ShowNetworkSegmentRange {
    const WORDS: &'static str = "network segment range show";
    const ABOUT: &'static str = "Display network segment range details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        require_extension(ctx, "Network segment range show")?;
        Ok(record(&c::find(
            ctx,
            &NETWORK_SEGMENT_RANGE,
            &self.network_segment_range,
        )?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_group_consecutive_ids() {
        assert_eq!(
            ranges(&[json!(5), json!("1"), json!(2), json!(3), json!(7), json!(8)]),
            ["1-3", "5", "7-8"]
        );
        assert!(ranges(&[]).is_empty());
        assert_eq!(
            used_by_project(&json!({"100": "p", "101": "p", "7": "q"})),
            json!({"p": ["100-101"], "q": ["7"]})
        );
    }
}
