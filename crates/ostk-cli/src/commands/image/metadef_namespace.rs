//! `image metadef namespace create|delete|list|set|show|unset`
//! (openstackclient/image/v2/metadef_namespaces.py).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing, Record};
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

/// metadef_namespaces.py `_format_namespace`, sorted. It reads openstacksdk's
/// MetadefNamespace, which keeps only its own attributes: glance's `schema`, `properties` and
/// `objects` never reach OSC.
pub fn namespace_record(ns: &Map<String, Value>) -> Record {
    const SHOW: &[&str] = &[
        "created_at",
        "description",
        "display_name",
        "namespace",
        "owner",
        "protected",
        "tags",
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

fn namespace_path(ns: &str) -> String {
    format!("namespaces/{}", segment(ns))
}

/// openstacksdk `get_metadef_namespace(name)`: the namespace as glance sends it, without `self`.
fn get_namespace(ctx: &mut Context, ns: &str) -> Result<Map<String, Value>, CliError> {
    let session = ctx.session()?;
    let msg = format!("No MetadefNamespace found for {ns}");
    let v = ctx
        .block_on(ImageService::new(&session).metadef(Method::GET, &namespace_path(ns), None))?
        .map_err(|e| super::sdk_error(e, Some(&msg)))?;
    let mut m = v.as_object().cloned().unwrap_or_default();
    m.remove("self");
    Ok(m)
}

/// List metadef namespaces
#[derive(clap::Args, Debug)]
pub struct ListMetadefNamespace {
    /// filter resource types
    #[arg(long, value_name = "<resource_types>")]
    resource_types: Option<String>,
    /// filter on visibility
    #[arg(long, value_name = "<visibility>")]
    visibility: Option<String>,
}

impl Command for ListMetadefNamespace {
    const WORDS: &'static str = "image metadef namespace list";
    const ABOUT: &'static str = "List metadef namespaces";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let q: Vec<String> = [
            ("resource_types", &self.resource_types),
            ("visibility", &self.visibility),
        ]
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={}", segment(v))))
        .collect();
        let path = if q.is_empty() {
            "namespaces".to_string()
        } else {
            format!("namespaces?{}", q.join("&"))
        };
        let session = ctx.session()?;
        let items = ctx
            .block_on(ImageService::new(&session).metadef_list(&path, "namespaces"))?
            .map_err(|e| super::sdk_error(e, None))?;
        Ok(Output::List(Listing {
            columns: vec!["namespace".into()],
            rows: items
                .iter()
                .map(|n| vec![super::json_cell(n.get("namespace"))])
                .collect(),
        }))
    }
}

/// Set metadef namespace properties
#[derive(clap::Args, Debug)]
pub struct SetMetadefNamespace {
    /// Metadef namespace to modify (name)
    #[arg(value_name = "<namespace>")]
    namespace: String,
    /// Set a user-friendly name for the namespace.
    #[arg(long, value_name = "<display_name>", verbatim_doc_comment)]
    display_name: Option<String>,
    /// Set the description of the namespace
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Metadef namespace is accessible to the public
    #[arg(long, group = "vis")]
    public: bool,
    /// Metadef namespace is inaccessible to the public (default)
    #[arg(long, group = "vis")]
    private: bool,
    /// Prevent metadef namespace from being deleted
    #[arg(long, group = "prot")]
    protected: bool,
    /// Allow metadef namespace to be deleted (default)
    #[arg(long, group = "prot")]
    unprotected: bool,
    /// Set a tag on this metadef namespace (repeat option to set multiple tags)
    #[arg(long = "tag", value_name = "<tag>", action = clap::ArgAction::Append)]
    tags: Vec<String>,
}

impl Command for SetMetadefNamespace {
    const WORDS: &'static str = "image metadef namespace set";
    const ABOUT: &'static str = "Set metadef namespace properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let glance = ImageService::new(&session);
        // openstacksdk PUTs only the attributes given (glance resets the others), always with
        // the namespace name in the body.
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
        let path = namespace_path(&self.namespace);
        ctx.block_on(glance.metadef(Method::PUT, &path, Some(Value::Object(body))))?
            .map_err(|e| super::sdk_error(e, None))?;
        let mut errors = 0;
        for tag in &self.tags {
            let tag_path = format!("{path}/tags/{}", segment(tag));
            if ctx
                .block_on(glance.metadef(Method::POST, &tag_path, None))?
                .is_err()
            {
                tracing::error!("Tag set failed for tag {tag}");
                errors += 1;
            }
        }
        if errors > 0 {
            return Err(CliError::Message(format!(
                "Failed to set {errors} of {} tags.",
                self.tags.len()
            )));
        }
        Ok(Output::None)
    }
}

/// Show a metadef namespace
#[derive(clap::Args, Debug)]
pub struct ShowMetadefNamespace {
    /// Metadef namespace to show (name)
    #[arg(value_name = "<namespace>")]
    namespace: String,
}

impl Command for ShowMetadefNamespace {
    const WORDS: &'static str = "image metadef namespace show";
    const ABOUT: &'static str = "Show a metadef namespace";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let ns = get_namespace(ctx, &self.namespace)?;
        Ok(Output::One(namespace_record(&ns)))
    }
}

/// Unset metadef namespace tags
#[derive(clap::Args, Debug)]
#[command(group(
    clap::ArgGroup::new("tag_group").args(["tags", "all_tags"]).required(true).multiple(false)
))]
pub struct UnsetMetadefNamespace {
    /// Metadef namespace to modify (name)
    #[arg(value_name = "<namespace>")]
    namespace: String,
    /// Unset a tag on this metadef namespace (repeat option to unset multiple tags)
    #[arg(long = "tag", value_name = "<tag>", action = clap::ArgAction::Append)]
    tags: Vec<String>,
    /// Unset all metadef tags
    #[arg(long)]
    all_tags: bool,
}

impl Command for UnsetMetadefNamespace {
    const WORDS: &'static str = "image metadef namespace unset";
    const ABOUT: &'static str = "Unset metadef namespace tags";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let ns = get_namespace(ctx, &self.namespace)?;
        let name = ns
            .get("namespace")
            .and_then(Value::as_str)
            .unwrap_or(&self.namespace)
            .to_string();
        let path = format!("{}/tags", namespace_path(&name));
        let session = ctx.session()?;
        let glance = ImageService::new(&session);
        if self.all_tags {
            ctx.block_on(glance.metadef(Method::DELETE, &path, None))?
                .map_err(|e| super::sdk_error(e, None))?;
            return Ok(Output::None);
        }
        let mut errors = 0;
        for tag in &self.tags {
            let tag_path = format!("{path}/{}", segment(tag));
            if ctx
                .block_on(glance.metadef(Method::DELETE, &tag_path, None))?
                .is_err()
            {
                tracing::error!("tag unset failed for tag {tag}");
                errors += 1;
            }
        }
        if errors > 0 {
            return Err(CliError::Message(format!(
                "Failed to unset {errors} of {} tags.",
                self.tags.len()
            )));
        }
        Ok(Output::None)
    }
}
