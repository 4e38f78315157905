//! `image metadef namespace create|delete` (openstackclient/image/v2/metadef_namespaces.py).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Record};
use ostk_sdk::client::Method;
use ostk_sdk::image::{ImageService, segment};
use serde_json::{Map, Value, json};

/// Create a metadef namespace
#[derive(clap::Args, Debug)]
pub struct CreateMetadefNamespace {
    /// New metadef namespace name
    #[arg(value_name = "<namespace>")]
    namespace: String,
    /// A user-friendly name for the namespace.
    #[arg(long, value_name = "<display_name>", verbatim_doc_comment)]
    display_name: Option<String>,
    /// A description of the namespace
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Set namespace visibility 'public'
    #[arg(long, group = "vis")]
    public: bool,
    /// Set namespace visibility 'private'
    #[arg(long, group = "vis")]
    private: bool,
    /// Prevent metadef namespace from being deleted
    #[arg(long, group = "prot")]
    protected: bool,
    /// Allow metadef namespace to be deleted (default)
    #[arg(long, group = "prot")]
    unprotected: bool,
}

/// metadef_namespaces.py `_format_namespace`, sorted.
pub fn namespace_record(ns: &Map<String, Value>) -> Record {
    const SHOW: &[&str] = &[
        "created_at",
        "description",
        "display_name",
        "namespace",
        "owner",
        "protected",
        "tags",
        "schema",
        "updated_at",
        "visibility",
    ];
    let mut fields: Vec<(String, Cell)> = Vec::new();
    for (k, v) in ns {
        if v.is_null() && k != "tags" {
            continue;
        }
        if SHOW.contains(&k.as_str()) {
            let c = match v {
                Value::String(s) => Cell::Str(s.clone()),
                other => Cell::from_json(other.clone()),
            };
            fields.push((k.clone(), c));
        } else if k == "resource_type_associations" {
            let names: Vec<Value> = v
                .as_array()
                .map(|a| a.iter().filter_map(|r| r.get("name").cloned()).collect())
                .unwrap_or_default();
            fields.push((k.clone(), Cell::Raw(Value::Array(names))));
        } else if k == "properties" {
            let keys: Vec<Value> = v
                .as_object()
                .map(|o| o.keys().cloned().map(Value::String).collect())
                .unwrap_or_default();
            fields.push((k.clone(), Cell::Raw(Value::Array(keys))));
        }
    }
    if !fields.iter().any(|(k, _)| k == "tags") {
        // openstacksdk's MetadefNamespace.tags is a list that defaults to [].
        fields.push(("tags".into(), Cell::Raw(json!([]))));
    }
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    Record { fields }
}

impl Command for CreateMetadefNamespace {
    const WORDS: &'static str = "image metadef namespace create";
    const ABOUT: &'static str = "Create a metadef namespace";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let mut body = Map::new();
        body.insert("namespace".into(), json!(self.namespace));
        if let Some(d) = &self.display_name {
            body.insert("display_name".into(), json!(d));
        }
        if let Some(d) = &self.description {
            body.insert("description".into(), json!(d));
        }
        if self.protected || self.unprotected {
            body.insert("protected".into(), json!(self.protected));
        }
        if self.public || self.private {
            body.insert(
                "visibility".into(),
                json!(if self.public { "public" } else { "private" }),
            );
        }
        let v = ctx.block_on(ImageService::new(&session).metadef(
            Method::POST,
            "namespaces",
            Some(Value::Object(body)),
        ))??;
        let mut m = v.as_object().cloned().unwrap_or_default();
        m.remove("self");
        Ok(Output::One(namespace_record(&m)))
    }
}

/// Delete metadef namespace
#[derive(clap::Args, Debug)]
pub struct DeleteMetadefNamespace {
    /// Metadef namespace(s) to delete (name)
    #[arg(value_name = "<namespace>", required = true, num_args = 1..)]
    namespace: Vec<String>,
}

impl Command for DeleteMetadefNamespace {
    const WORDS: &'static str = "image metadef namespace delete";
    const ABOUT: &'static str = "Delete metadef namespace";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let glance = ImageService::new(&session);
        let mut failed = 0;
        for ns in &self.namespace {
            let path = format!("namespaces/{}", segment(ns));
            if let Err(e) = ctx.block_on(glance.metadef(Method::DELETE, &path, None))? {
                failed += 1;
                tracing::error!("Failed to delete namespace with name or ID '{ns}': {e}");
            }
        }
        if failed > 0 {
            return Err(CliError::Message(format!(
                "{failed} of {} namespace failed to delete.",
                self.namespace.len()
            )));
        }
        Ok(Output::None)
    }
}
