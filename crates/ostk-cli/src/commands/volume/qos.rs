//! `volume qos …` (openstackclient/volume/v3/qos_specs.py): the eight QoS commands, which
//! share the lookup and the record, in one file.

use super::{QOS, TYPE, call, cell, dict_cell, find, find_in, id, props, sdk};
use crate::commands::common::bulk;
use crate::commands::image::parse_key_value;
use crate::commands::volume::set::step;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing, Record};
use ostk_sdk::client::{Method, Session};
use ostk_sdk::volume as cinder;
use serde_json::{Value, json};

fn qos_path(qid: &str, rest: &str) -> String {
    format!("{}/{rest}", cinder::item_path("qos-specs", qid))
}

/// The names of the volume types a QoS spec is associated with.
async fn associations(s: &Session, qid: &str) -> Result<Vec<Value>, CliError> {
    let v = cinder::call(s, Method::GET, &qos_path(qid, "associations"), None, None)
        .await
        .map_err(sdk)?;
    Ok(v["qos_associations"]
        .as_array()
        .map(|a| a.iter().map(|x| x["name"].clone()).collect())
        .unwrap_or_default())
}

/// `PUT /qos-specs/{id}/delete_keys`.
fn delete_keys(ctx: &mut Context, qid: &str, keys: Vec<String>) -> Result<(), CliError> {
    let s = ctx.session()?;
    let body = json!({ "keys": keys });
    call(
        ctx,
        cinder::call(
            &s,
            Method::PUT,
            &qos_path(qid, "delete_keys"),
            Some(body),
            None,
        ),
    )
    .map(drop)
}

fn record(q: &Value, assoc: Option<Vec<Value>>) -> Record {
    let mut fields = Vec::new();
    if let Some(a) = assoc.filter(|a| !a.is_empty()) {
        fields.push(("associations".to_string(), Cell::list(Some(a))));
    }
    fields.extend([
        ("consumer".to_string(), cell(q.get("consumer"))),
        ("id".to_string(), cell(q.get("id"))),
        ("name".to_string(), cell(q.get("name"))),
        ("properties".to_string(), dict_cell(q.get("specs"))),
    ]);
    Record { fields }
}

/// Associate a QoS specification to a volume type
#[derive(clap::Args, Debug)]
pub struct AssociateQos {
    /// QoS specification to modify (name or ID)
    #[arg(value_name = "<qos-spec>")]
    qos_spec: String,
    /// Volume type to associate the QoS (name or ID)
    #[arg(value_name = "<volume-type>")]
    volume_type: String,
}

impl Command for AssociateQos {
    const WORDS: &'static str = "volume qos associate";
    const ABOUT: &'static str = "Associate a QoS specification to a volume type";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let qid = id(&find(ctx, QOS, &self.qos_spec)?);
        let tid = id(&find(ctx, TYPE, &self.volume_type)?);
        let s = ctx.session()?;
        let path = format!("{}?vol_type_id={tid}", qos_path(&qid, "associate"));
        call(ctx, cinder::call(&s, Method::GET, &path, None, None))?;
        Ok(Output::None)
    }
}

/// Create new QoS specification
#[derive(clap::Args, Debug)]
pub struct CreateQos {
    /// New QoS specification name
    #[arg(value_name = "<name>")]
    name: String,
    /// Consumer of the QoS. Valid consumers: back-end, both, front-end (defaults to 'both')
    #[arg(long, value_name = "<consumer>", default_value = "both", hide_default_value = true,
          value_parser = ["front-end", "back-end", "both"], hide_possible_values = true)]
    consumer: String,
    /// Set a QoS specification property (repeat option to set multiple properties)
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value,
          action = clap::ArgAction::Append)]
    property: Vec<(String, String)>,
}

impl Command for CreateQos {
    const WORDS: &'static str = "volume qos create";
    const ABOUT: &'static str = "Create new QoS specification";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = props(&self.property);
        attrs.insert("consumer".into(), json!(self.consumer));
        attrs.insert("name".into(), json!(self.name));
        let s = ctx.session()?;
        let q = call(ctx, cinder::QOS_SPECS.create(&s, attrs))?;
        Ok(Output::One(record(&q, None)))
    }
}

/// Delete QoS specification
#[derive(clap::Args, Debug)]
pub struct DeleteQos {
    /// QoS specification(s) to delete (name or ID)
    #[arg(value_name = "<qos-spec>", required = true, num_args = 1..)]
    qos_specs: Vec<String>,
    /// Allow to delete in-use QoS specification(s)
    #[arg(long)]
    force: bool,
}

impl Command for DeleteQos {
    const WORDS: &'static str = "volume qos delete";
    const ABOUT: &'static str = "Delete QoS specification";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let force = if self.force { "True" } else { "False" };
        let results = bulk::each(ctx, &self.qos_specs, |s, name| async move {
            let qid = id(&find_in(&s, QOS, &name, &[]).await?);
            let path = format!("{}?force={force}", cinder::item_path("qos-specs", &qid));
            cinder::call(&s, Method::DELETE, &path, None, None)
                .await
                .map(drop)
                .map_err(sdk)
        })?;
        bulk::summarize(&self.qos_specs, results, "QoS specifications", |item, e| {
            format!("Failed to delete QoS specification with name or ID '{item}': {e}")
        })?;
        Ok(Output::None)
    }
}

/// Disassociate a QoS specification from a volume type
#[derive(clap::Args, Debug)]
pub struct DisassociateQos {
    /// QoS specification to modify (name or ID)
    #[arg(value_name = "<qos-spec>")]
    qos_spec: String,
    /// Volume type to disassociate the QoS from (name or ID)
    #[arg(long, value_name = "<volume-type>", group = "volume_type_group")]
    volume_type: Option<String>,
    /// Disassociate the QoS from every volume type
    #[arg(long, group = "volume_type_group")]
    all: bool,
}

impl Command for DisassociateQos {
    const WORDS: &'static str = "volume qos disassociate";
    const ABOUT: &'static str = "Disassociate a QoS specification from a volume type";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let qid = id(&find(ctx, QOS, &self.qos_spec)?);
        let path = if let Some(t) = &self.volume_type {
            let tid = id(&find(ctx, TYPE, t)?);
            format!("{}?vol_type_id={tid}", qos_path(&qid, "disassociate"))
        } else if self.all {
            qos_path(&qid, "disassociate_all")
        } else {
            return Ok(Output::None);
        };
        let s = ctx.session()?;
        call(ctx, cinder::call(&s, Method::GET, &path, None, None))?;
        Ok(Output::None)
    }
}

/// List QoS specifications
#[derive(clap::Args, Debug)]
pub struct ListQos {}

impl Command for ListQos {
    const WORDS: &'static str = "volume qos list";
    const ABOUT: &'static str = "List QoS specifications";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let s = ctx.session()?;
        let specs = call(ctx, cinder::QOS_SPECS.list(&s, &[]))?;
        let mut rows = Vec::new();
        for q in &specs {
            let assoc = ctx.block_on(associations(&s, &id(q)))??;
            rows.push(vec![
                cell(q.get("id")),
                cell(q.get("name")),
                cell(q.get("consumer")),
                Cell::list(Some(assoc)),
                dict_cell(q.get("specs")),
            ]);
        }
        Ok(Output::List(Listing {
            columns: ["ID", "Name", "Consumer", "Associations", "Properties"]
                .map(String::from)
                .to_vec(),
            rows,
        }))
    }
}

/// Set QoS specification properties
#[derive(clap::Args, Debug)]
pub struct SetQos {
    /// QoS specification to modify (name or ID)
    #[arg(value_name = "<qos-spec>")]
    qos_spec: String,
    /// Remove all properties from <qos-spec> (specify both --no-property and --property to
    /// remove the current properties before setting new properties)
    #[arg(long)]
    no_property: bool,
    /// Property to add or modify for this QoS specification (repeat option to set multiple
    /// properties)
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value,
          action = clap::ArgAction::Append)]
    property: Vec<(String, String)>,
}

impl Command for SetQos {
    const WORDS: &'static str = "volume qos set";
    const ABOUT: &'static str = "Set QoS specification properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let q = find(ctx, QOS, &self.qos_spec)?;
        let qid = id(&q);
        let mut failed = 0;
        if self.no_property {
            let keys = q["specs"]
                .as_object()
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default();
            let r = delete_keys(ctx, &qid, keys);
            step(&mut failed, "Failed to clean qos properties", r);
        }
        if !self.property.is_empty() {
            let s = ctx.session()?;
            let body = json!({ "qos_specs": props(&self.property) });
            let path = cinder::item_path("qos-specs", &qid);
            let r = call(ctx, cinder::call(&s, Method::PUT, &path, Some(body), None)).map(drop);
            step(&mut failed, "Failed to set qos property", r);
        }
        if failed > 0 {
            return Err(CliError::Message(
                "One or more of the set operations failed".into(),
            ));
        }
        Ok(Output::None)
    }
}

/// Display QoS specification details
#[derive(clap::Args, Debug)]
pub struct ShowQos {
    /// QoS specification to display (name or ID)
    #[arg(value_name = "<qos-spec>")]
    qos_spec: String,
}

impl Command for ShowQos {
    const WORDS: &'static str = "volume qos show";
    const ABOUT: &'static str = "Display QoS specification details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let q = find(ctx, QOS, &self.qos_spec)?;
        let s = ctx.session()?;
        let assoc = ctx.block_on(associations(&s, &id(&q)))??;
        Ok(Output::One(record(&q, Some(assoc))))
    }
}

/// Unset QoS specification properties
#[derive(clap::Args, Debug)]
pub struct UnsetQos {
    /// QoS specification to modify (name or ID)
    #[arg(value_name = "<qos-spec>")]
    qos_spec: String,
    /// Property to remove from the QoS specification. (repeat option to unset multiple
    /// properties)
    #[arg(long, value_name = "<key>", action = clap::ArgAction::Append)]
    property: Vec<String>,
}

impl Command for UnsetQos {
    const WORDS: &'static str = "volume qos unset";
    const ABOUT: &'static str = "Unset QoS specification properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let qid = id(&find(ctx, QOS, &self.qos_spec)?);
        if !self.property.is_empty() {
            delete_keys(ctx, &qid, self.property)?;
        }
        Ok(Output::None)
    }
}
