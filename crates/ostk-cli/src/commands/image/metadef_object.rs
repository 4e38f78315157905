//! `image metadef object create|show|list|update|delete` and `image metadef object property show`
//! (openstackclient/image/v2/metadef_objects.py).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing, Record};
use ostk_sdk::client::Method;
use ostk_sdk::image::{ImageService, segment};
use serde_json::{Value, json};

fn cell(v: Option<&Value>) -> Cell {
    match v {
        None | Some(Value::Null) => Cell::None,
        Some(Value::String(s)) => Cell::Str(s.clone()),
        Some(v) => Cell::from_json(v.clone()),
    }
}

/// metadef_objects.py `_format_object`.
fn object_record(o: &Value, namespace: &str) -> Record {
    let fields = [
        "created_at",
        "description",
        "name",
        "namespace_name",
        "properties",
        "required",
        "updated_at",
    ]
    .iter()
    .map(|k| {
        let c = if *k == "namespace_name" {
            Cell::Str(namespace.to_string())
        } else {
            cell(o.get(*k))
        };
        (k.to_string(), c)
    })
    .collect();
    Record { fields }
}

/// openstacksdk's `get_metadef_object` message: the object has no id before the fetch.
const NOT_FOUND: &str = "No MetadefObject found for None";

fn objects_path(ns: &str) -> String {
    format!("namespaces/{}/objects", segment(ns))
}

/// Create a metadef object
#[derive(clap::Args, Debug)]
pub struct CreateMetadefObject {
    /// Metadef namespace to create the object in (name)
    #[arg(long, value_name = "<namespace>")]
    namespace: String,
    /// New metadef object name
    #[arg(value_name = "<metadef-object-name>")]
    name: String,
}

impl Command for CreateMetadefObject {
    const WORDS: &'static str = "image metadef object create";
    const ABOUT: &'static str = "Create a metadef object";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let v = ctx.block_on(ImageService::new(&session).metadef(
            Method::POST,
            &objects_path(&self.namespace),
            Some(json!({"name": self.name})),
        ))??;
        Ok(Output::One(object_record(&v, &self.namespace)))
    }
}

/// Show a particular metadef object
#[derive(clap::Args, Debug)]
pub struct ShowMetadefObject {
    /// Metadef namespace of the object (name)
    #[arg(value_name = "<namespace>")]
    namespace: String,
    /// Metadef object to show
    #[arg(value_name = "<object>")]
    object: String,
}

impl Command for ShowMetadefObject {
    const WORDS: &'static str = "image metadef object show";
    const ABOUT: &'static str = "Show a particular metadef object";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let path = format!(
            "{}/{}",
            objects_path(&self.namespace),
            segment(&self.object)
        );
        let v = ctx
            .block_on(ImageService::new(&session).metadef(Method::GET, &path, None))?
            .map_err(|e| super::sdk_error(e, Some(NOT_FOUND)))?;
        Ok(Output::One(object_record(&v, &self.namespace)))
    }
}

/// List metadef objects inside a specific namespace.
#[derive(clap::Args, Debug)]
pub struct ListMetadefObjects {
    /// Namespace (name) for the namespace
    #[arg(value_name = "<namespace>")]
    namespace: String,
}

impl Command for ListMetadefObjects {
    const WORDS: &'static str = "image metadef object list";
    const ABOUT: &'static str = "List metadef objects inside a specific namespace.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let v = ctx.block_on(ImageService::new(&session).metadef(
            Method::GET,
            &objects_path(&self.namespace),
            None,
        ))??;
        let rows = v
            .get("objects")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .map(|o| vec![cell(o.get("name")), cell(o.get("description"))])
                    .collect()
            })
            .unwrap_or_default();
        Ok(Output::List(Listing {
            columns: vec!["name".into(), "description".into()],
            rows,
        }))
    }
}

/// Update a metadef object
#[derive(clap::Args, Debug)]
pub struct UpdateMetadefObject {
    /// Metadef namespace name
    #[arg(value_name = "<namespace>")]
    namespace: String,
    /// Metadef object to be updated
    #[arg(value_name = "<object>")]
    object: String,
    /// New name of the object
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
}

impl Command for UpdateMetadefObject {
    const WORDS: &'static str = "image metadef object update";
    const ABOUT: &'static str = "Update a metadef object";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let glance = ImageService::new(&session);
        let path = format!(
            "{}/{}",
            objects_path(&self.namespace),
            segment(&self.object)
        );
        let cur = ctx.block_on(glance.metadef(Method::GET, &path, None))??;
        // openstacksdk PUTs the object's body attributes (the namespace is in the URL).
        let mut body = serde_json::Map::new();
        for k in ["name", "description", "properties", "required"] {
            if let Some(v) = cur.get(k).filter(|v| !v.is_null()) {
                body.insert(k.into(), v.clone());
            }
        }
        if let Some(n) = &self.name {
            body.insert("name".into(), json!(n));
        }
        let cur = Value::Object(body);
        ctx.block_on(glance.metadef(Method::PUT, &path, Some(cur)))??;
        Ok(Output::None)
    }
}

/// Delete metadata definitions object(s)
#[derive(clap::Args, Debug)]
pub struct DeleteMetadefObject {
    /// Metadef namespace of the object (name)
    #[arg(value_name = "<namespace>")]
    namespace: String,
    /// Metadef object(s) to delete (name)
    #[arg(value_name = "<object>", num_args = 0..)]
    objects: Vec<String>,
}

impl Command for DeleteMetadefObject {
    const WORDS: &'static str = "image metadef object delete";
    const ABOUT: &'static str = "Delete metadata definitions object(s)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let glance = ImageService::new(&session);
        if self.objects.is_empty() {
            ctx.block_on(glance.metadef(Method::DELETE, &objects_path(&self.namespace), None))??;
            return Ok(Output::None);
        }
        let mut failed = 0;
        for o in &self.objects {
            let path = format!("{}/{}", objects_path(&self.namespace), segment(o));
            if let Err(e) = ctx.block_on(glance.metadef(Method::DELETE, &path, None))? {
                failed += 1;
                tracing::error!("Failed to delete object with name or ID '{o}': {e}");
            }
        }
        if failed > 0 {
            return Err(CliError::Message(format!(
                "{failed} of {} object failed to delete.",
                self.objects.len()
            )));
        }
        Ok(Output::None)
    }
}

/// Describe a specific metadata definitions property inside an object.
#[derive(clap::Args, Debug)]
pub struct ShowMetadefObjectProperty {
    /// Namespace (name) for the namespace
    #[arg(value_name = "<namespace_name>")]
    namespace: String,
    /// Name of an object.
    #[arg(value_name = "<object_name>", verbatim_doc_comment)]
    object: String,
    /// Name of the property.
    #[arg(value_name = "property", verbatim_doc_comment)]
    property: String,
}

impl Command for ShowMetadefObjectProperty {
    const WORDS: &'static str = "image metadef object property show";
    const ABOUT: &'static str =
        "Describe a specific metadata definitions property inside an object.";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let path = format!(
            "{}/{}",
            objects_path(&self.namespace),
            segment(&self.object)
        );
        let obj = ctx
            .block_on(ImageService::new(&session).metadef(Method::GET, &path, None))?
            .map_err(|e| super::sdk_error(e, Some(NOT_FOUND)))?;
        let Some(prop) = obj
            .get("properties")
            .and_then(|p| p.get(&self.property))
            .and_then(Value::as_object)
        else {
            return Err(CliError::Message(format!(
                "Property {} not found in object {}.",
                self.property, self.object
            )));
        };
        let mut prop = prop.clone();
        prop.insert("name".into(), json!(self.property));
        let mut fields: Vec<(String, Cell)> = prop
            .iter()
            .map(|(k, v)| (k.clone(), super::json_cell(Some(v))))
            .collect();
        fields.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Output::One(Record { fields }))
    }
}
