//! `image metadef resource type list` and `… association create|delete|list`
//! (openstackclient/image/v2/metadef_resource_types.py, metadef_resource_type_association.py).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing, Record};
use ostk_sdk::client::Method;
use ostk_sdk::image::{ImageService, segment};
use serde_json::{Map, Value, json};

fn cell(v: Option<&Value>) -> Cell {
    match v {
        None | Some(Value::Null) => Cell::None,
        Some(Value::String(s)) => Cell::Str(s.clone()),
        Some(v) => Cell::from_json(v.clone()),
    }
}

/// List metadef resource types
#[derive(clap::Args, Debug)]
pub struct ListMetadefResourceTypes {}

impl Command for ListMetadefResourceTypes {
    const WORDS: &'static str = "image metadef resource type list";
    const ABOUT: &'static str = "List metadef resource types";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let v = ctx.block_on(ImageService::new(&session).metadef(
            Method::GET,
            "resource_types",
            None,
        ))??;
        let rows = v
            .get("resource_types")
            .and_then(Value::as_array)
            .map(|a| a.iter().map(|r| vec![cell(r.get("name"))]).collect())
            .unwrap_or_default();
        Ok(Output::List(Listing {
            columns: vec!["Name".into()],
            rows,
        }))
    }
}

/// Create metadef resource type association
#[derive(clap::Args, Debug)]
pub struct CreateMetadefResourceTypeAssociation {
    /// The name of the namespace you want to create the resource type association in
    #[arg(value_name = "<namespace>")]
    namespace: String,
    /// A name of the new resource type
    #[arg(value_name = "<name>")]
    name: String,
    /// Some resource types allow more than one key/value pair per instance.
    #[arg(long, value_name = "<properties_target>", verbatim_doc_comment)]
    properties_target: Option<String>,
}

impl Command for CreateMetadefResourceTypeAssociation {
    const WORDS: &'static str = "image metadef resource type association create";
    const ABOUT: &'static str = "Create metadef resource type association";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let mut body = Map::new();
        body.insert("name".into(), json!(self.name));
        if let Some(t) = &self.properties_target {
            body.insert("properties_target".into(), json!(t));
        }
        let v = ctx.block_on(ImageService::new(&session).metadef(
            Method::POST,
            &format!("namespaces/{}/resource_types", segment(&self.namespace)),
            Some(Value::Object(body)),
        ))??;
        // openstacksdk MetadefResourceTypeAssociation: id is the name.
        let fields = [
            "created_at",
            "id",
            "name",
            "prefix",
            "properties_target",
            "updated_at",
        ]
        .iter()
        .map(|k| {
            let c = if *k == "id" {
                cell(v.get("name"))
            } else {
                cell(v.get(*k))
            };
            (k.to_string(), c)
        })
        .collect();
        Ok(Output::One(Record { fields }))
    }
}

/// Delete metadef resource type association
#[derive(clap::Args, Debug)]
pub struct DeleteMetadefResourceTypeAssociation {
    /// The name of the namespace whose details you want to see
    #[arg(value_name = "<metadef_namespace>")]
    metadef_namespace: String,
    /// The name of the resource type(s) to delete
    #[arg(value_name = "<name>", required = true, num_args = 1..)]
    name: Vec<String>,
    /// Force delete the resource type association(s)
    #[arg(long)]
    force: bool,
}

impl Command for DeleteMetadefResourceTypeAssociation {
    const WORDS: &'static str = "image metadef resource type association delete";
    const ABOUT: &'static str = "Delete metadef resource type association";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let glance = ImageService::new(&session);
        let _ = self.force;
        let mut failed = 0;
        for n in &self.name {
            let path = format!(
                "namespaces/{}/resource_types/{}",
                segment(&self.metadef_namespace),
                segment(n)
            );
            if let Err(e) = ctx.block_on(glance.metadef(Method::DELETE, &path, None))? {
                failed += 1;
                tracing::error!("Failed to delete resource type with name or ID '{n}': {e}");
            }
        }
        if failed > 0 {
            return Err(CliError::Message(format!(
                "Failed to delete {failed} of {} resource types.",
                self.name.len()
            )));
        }
        Ok(Output::None)
    }
}

/// List metadef resource type associations
#[derive(clap::Args, Debug)]
pub struct ListMetadefResourceTypeAssociations {
    /// The name of the namespace whose details you want to see
    #[arg(value_name = "<metadef_namespace>")]
    metadef_namespace: String,
}

impl Command for ListMetadefResourceTypeAssociations {
    const WORDS: &'static str = "image metadef resource type association list";
    const ABOUT: &'static str = "List metadef resource type associations";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let path = format!(
            "namespaces/{}/resource_types",
            segment(&self.metadef_namespace)
        );
        let items = ctx
            .block_on(
                ImageService::new(&session).metadef_list(&path, "resource_type_associations"),
            )?
            .map_err(|e| super::sdk_error(e, None))?;
        Ok(Output::List(Listing {
            columns: vec!["Name".into()],
            rows: items.iter().map(|r| vec![cell(r.get("name"))]).collect(),
        }))
    }
}
