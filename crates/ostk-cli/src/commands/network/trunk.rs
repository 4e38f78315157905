//! `network trunk create/delete/list/set/show/unset`, `network trunk subport add/list/remove`
//! and `network subport list` (openstackclient/network/v2/network_trunk.py).

use super::common::{self as c, Fmt};
use crate::render::ArgumentError;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::network::{self as net, PORT, TRUNK};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// `--subport port=…,segmentation-type=…,segmentation-id=…`.
fn parse_subport(s: &str) -> Result<BTreeMap<String, String>, ArgumentError> {
    c::parse_multi_kv_keys(s, &["port"], &["segmentation-id", "segmentation-type"])
}

fn record(body: &Value) -> Output {
    Output::One(c::show_record(
        &TRUNK,
        body,
        &[],
        &["location", "tenant_id"],
        &[("sub_ports", Fmt::ListDicts)],
    ))
}

/// OSC `_format_subports`: ports found by name or ID, the segmentation ID an integer.
fn format_subports(
    ctx: &mut Context,
    subports: &[BTreeMap<String, String>],
) -> Result<Vec<Value>, CliError> {
    let mut out = Vec::new();
    for sp in subports {
        let mut a = Map::new();
        if let Some(p) = sp.get("port").filter(|p| !p.is_empty()) {
            a.insert("port_id".into(), json!(c::find_id(ctx, &PORT, p)?));
        }
        if let Some(id) = sp.get("segmentation-id").filter(|i| !i.is_empty()) {
            let n: i64 = id.trim().parse().map_err(|_| {
                CliError::Message(format!("Segmentation-id '{id}' is not an integer"))
            })?;
            a.insert("segmentation_id".into(), json!(n));
        }
        if let Some(t) = sp.get("segmentation-type").filter(|t| !t.is_empty()) {
            a.insert("segmentation_type".into(), json!(t));
        }
        out.push(Value::Object(a));
    }
    Ok(out)
}

/// `PUT /v2.0/trunks/{id}/{add_subports|remove_subports}`.
fn change_subports(
    ctx: &mut Context,
    trunk: &Value,
    action: &str,
    subports: Vec<Value>,
) -> Result<(), CliError> {
    let s = ctx.session()?;
    c::run(
        ctx,
        net::put_action(
            &s,
            &TRUNK.coll,
            &c::id(trunk),
            action,
            json!({ "sub_ports": subports }),
        ),
    )?;
    Ok(())
}

/// Create a network trunk for a given project
#[derive(clap::Args, Debug)]
pub struct CreateNetworkTrunk {
    /// Name of the trunk to create
    #[arg(value_name = "<name>")]
    name: String,
    /// A description of the trunk
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Parent port belonging to this trunk (name or ID)
    #[arg(long, value_name = "<parent-port>", required = true)]
    parent_port: String,
    /// Subport to add. Subport is of form 'port=<name or ID>,segmentation-type=<segmentation-type>,segmentation-id=<segmentation-ID>' (repeat option to add multiple subports)
    #[arg(long, value_name = "<port=,segmentation-type=,segmentation-id=>",
          value_parser = parse_subport, action = clap::ArgAction::Append)]
    subport: Vec<BTreeMap<String, String>>,
    /// Enable trunk (default)
    #[arg(long, group = "admin_g")]
    enable: bool,
    /// Disable trunk
    #[arg(long, group = "admin_g")]
    disable: bool,
    /// Owner's project (name or ID)
    #[arg(long, value_name = "<project>")]
    project: Option<String>,
    /// Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.
    #[arg(long, value_name = "<project-domain>", verbatim_doc_comment)]
    project_domain: Option<String>,
}

impl Command for CreateNetworkTrunk {
    const WORDS: &'static str = "network trunk create";
    const ABOUT: &'static str = "Create a network trunk for a given project";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut a = Map::new();
        a.insert("name".into(), json!(self.name));
        c::put(&mut a, "description", self.description.as_deref());
        // `--enable` defaults to true
        a.insert("admin_state_up".into(), json!(!self.disable));
        a.insert(
            "port_id".into(),
            json!(c::find_id(ctx, &PORT, &self.parent_port)?),
        );
        if !self.subport.is_empty() {
            a.insert(
                "sub_ports".into(),
                json!(format_subports(ctx, &self.subport)?),
            );
        }
        c::put_project(
            ctx,
            &mut a,
            self.project.as_deref(),
            self.project_domain.as_deref(),
        )?;
        Ok(record(&c::create(ctx, &TRUNK, a)?))
    }
}

crate::network_delete_command!(
    DeleteNetworkTrunk,
    "network trunk delete",
    "Delete a given network trunk",
    trunk,
    "<trunk>",
    "Trunk(s) to delete (name or ID)",
    TRUNK,
    "trunk",
    "trunks"
);

/// List all network trunks
#[derive(clap::Args, Debug)]
pub struct ListNetworkTrunk {
    /// List additional fields in output
    #[arg(long)]
    long: bool,
}

impl Command for ListNetworkTrunk {
    const WORDS: &'static str = "network trunk list";
    const ABOUT: &'static str = "List all network trunks";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let items = c::list(ctx, &TRUNK, &[], None)?;
        let mut cols = vec![
            ("ID", "id"),
            ("Name", "name"),
            ("Parent Port", "port_id"),
            ("Description", "description"),
        ];
        if self.long {
            cols.extend([
                ("Status", "status"),
                // getattr(trunk, 'admin_state_up', '') finds nothing in OSC: always '' (DOWN)
                ("State", "admin_state_up"),
                ("Created At", "created_at"),
                ("Updated At", "updated_at"),
            ]);
        }
        Ok(Output::List(c::listing(
            &TRUNK,
            &items,
            &cols,
            &[("admin_state_up", Fmt::AdminState)],
        )))
    }
}

/// Set network trunk properties
#[derive(clap::Args, Debug)]
pub struct SetNetworkTrunk {
    /// Trunk to modify (name or ID)
    #[arg(value_name = "<trunk>")]
    trunk: String,
    /// Set trunk name
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// A description of the trunk
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Subport to add. Subport is of form 'port=<name or ID>,segmentation-type=<segmentation-type>,segmentation-id=<segmentation-ID>' (repeat option to add multiple subports)
    #[arg(long, value_name = "<port=,segmentation-type=,segmentation-id=>",
          value_parser = parse_subport, action = clap::ArgAction::Append)]
    subport: Vec<BTreeMap<String, String>>,
    /// Enable trunk
    #[arg(long, group = "admin_g")]
    enable: bool,
    /// Disable trunk
    #[arg(long, group = "admin_g")]
    disable: bool,
}

impl Command for SetNetworkTrunk {
    const WORDS: &'static str = "network trunk set";
    const ABOUT: &'static str = "Set network trunk properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let trunk = c::find(ctx, &TRUNK, &self.trunk)?;
        let mut a = Map::new();
        c::put(&mut a, "name", self.name.as_deref());
        c::put(&mut a, "description", self.description.as_deref());
        c::put(
            &mut a,
            "admin_state_up",
            c::flag_pair(self.enable, self.disable),
        );
        // openstacksdk sends no request without a change
        if !a.is_empty() {
            c::update(ctx, &TRUNK, &c::id(&trunk), a).map_err(|e| {
                CliError::Message(format!("Failed to set trunk '{}': {e}", self.trunk))
            })?;
        }
        if !self.subport.is_empty() {
            let subports = format_subports(ctx, &self.subport)?;
            change_subports(ctx, &trunk, "add_subports", subports).map_err(|e| {
                CliError::Message(format!(
                    "Failed to add subports to trunk '{}': {e}",
                    self.trunk
                ))
            })?;
        }
        Ok(Output::None)
    }
}

/// Show information of a given network trunk
#[derive(clap::Args, Debug)]
pub struct ShowNetworkTrunk {
    /// Trunk to display (name or ID)
    #[arg(value_name = "<trunk>")]
    trunk: String,
}

impl Command for ShowNetworkTrunk {
    const WORDS: &'static str = "network trunk show";
    const ABOUT: &'static str = "Show information of a given network trunk";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let id = c::find_id(ctx, &TRUNK, &self.trunk)?;
        let s = ctx.session()?;
        Ok(record(&c::get(ctx, &TRUNK, TRUNK.coll.get(&s, &id), &id)?))
    }
}

/// Unset subports from a given network trunk
#[derive(clap::Args, Debug)]
pub struct UnsetNetworkTrunk {
    /// Unset subports from this trunk (name or ID)
    #[arg(value_name = "<trunk>")]
    trunk: String,
    /// Subport to unset (name or ID of the port) (repeat option to unset multiple subports)
    #[arg(long, value_name = "<subport>", required = true, action = clap::ArgAction::Append)]
    subport: Vec<String>,
}

/// `{"port_id": …}` of each port found by name or ID.
fn port_ids(ctx: &mut Context, ports: &[String]) -> Result<Vec<Value>, CliError> {
    ports
        .iter()
        .map(|p| Ok(json!({ "port_id": c::find_id(ctx, &PORT, p)? })))
        .collect()
}

impl Command for UnsetNetworkTrunk {
    const WORDS: &'static str = "network trunk unset";
    const ABOUT: &'static str = "Unset subports from a given network trunk";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // OSC looks the ports up before the trunk
        let subports = port_ids(ctx, &self.subport)?;
        let trunk = c::find(ctx, &TRUNK, &self.trunk)?;
        change_subports(ctx, &trunk, "remove_subports", subports)?;
        Ok(Output::None)
    }
}

/// OSC `_list_trunk_subports`.
fn list_subports(ctx: &mut Context, trunk: &str) -> Result<Output, CliError> {
    let trunk = c::find(ctx, &TRUNK, trunk)?;
    let s = ctx.session()?;
    let body = c::run(
        ctx,
        net::get_action(&s, &TRUNK.coll, &c::id(&trunk), "get_subports"),
    )?;
    let subports = body
        .get("sub_ports")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    Ok(Output::List(c::dict_listing(
        &subports,
        &[
            ("Port", "port_id"),
            ("Segmentation Type", "segmentation_type"),
            ("Segmentation ID", "segmentation_id"),
        ],
    )))
}

/// List all subports for a given network trunk
#[derive(clap::Args, Debug)]
pub struct ListNetworkSubport {
    /// List only subports belonging to this trunk (name or ID)
    #[arg(long, value_name = "<trunk>", required = true)]
    trunk: String,
}

impl Command for ListNetworkSubport {
    const WORDS: &'static str = "network subport list";
    const ABOUT: &'static str = "List all subports for a given network trunk";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        list_subports(ctx, &self.trunk)
    }
}

/// List all subports for a given network trunk
#[derive(clap::Args, Debug)]
pub struct ListNetworkTrunkSubport {
    /// List subports belonging to this trunk (name or ID)
    #[arg(value_name = "<trunk>")]
    trunk: String,
}

impl Command for ListNetworkTrunkSubport {
    const WORDS: &'static str = "network trunk subport list";
    const ABOUT: &'static str = "List all subports for a given network trunk";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        list_subports(ctx, &self.trunk)
    }
}

/// Add a subport to a given network trunk
#[derive(clap::Args, Debug)]
pub struct AddNetworkTrunkSubport {
    /// Trunk to add the subport to (name or ID)
    #[arg(value_name = "<trunk>")]
    trunk: String,
    /// Port to add as a subport (name or ID)
    #[arg(value_name = "<port>")]
    port: String,
    /// Segmentation type of the subport, e.g. 'vlan'
    #[arg(long, value_name = "<segmentation-type>")]
    segmentation_type: Option<String>,
    /// Segmentation ID of the subport
    #[arg(long, value_name = "<segmentation-id>")]
    segmentation_id: Option<i64>,
}

impl Command for AddNetworkTrunkSubport {
    const WORDS: &'static str = "network trunk subport add";
    const ABOUT: &'static str = "Add a subport to a given network trunk";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let trunk = c::find(ctx, &TRUNK, &self.trunk)?;
        let mut sp = Map::new();
        sp.insert("port_id".into(), json!(c::find_id(ctx, &PORT, &self.port)?));
        c::put(
            &mut sp,
            "segmentation_type",
            self.segmentation_type.as_deref(),
        );
        c::put(&mut sp, "segmentation_id", self.segmentation_id);
        change_subports(ctx, &trunk, "add_subports", vec![Value::Object(sp)]).map_err(|e| {
            CliError::Message(format!(
                "Failed to add subport to trunk '{}': {e}",
                self.trunk
            ))
        })?;
        Ok(Output::None)
    }
}

/// Remove subport(s) from a given network trunk
#[derive(clap::Args, Debug)]
pub struct RemoveNetworkTrunkSubport {
    /// Trunk to remove the subport(s) from (name or ID)
    #[arg(value_name = "<trunk>")]
    trunk: String,
    /// Port(s) to remove as a subport (name or ID)
    #[arg(value_name = "<port>", required = true)]
    port: Vec<String>,
}

impl Command for RemoveNetworkTrunkSubport {
    const WORDS: &'static str = "network trunk subport remove";
    const ABOUT: &'static str = "Remove subport(s) from a given network trunk";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let trunk = c::find(ctx, &TRUNK, &self.trunk)?;
        let subports = port_ids(ctx, &self.port)?;
        change_subports(ctx, &trunk, "remove_subports", subports)?;
        Ok(Output::None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subport_option_keys() {
        let m = parse_subport("port=p,segmentation-type=vlan,segmentation-id=5").unwrap();
        assert_eq!(m["segmentation-id"], "5");
        assert!(
            parse_subport("segmentation-id=5")
                .unwrap_err()
                .0
                .starts_with("Missing required keys port.")
        );
    }
}
