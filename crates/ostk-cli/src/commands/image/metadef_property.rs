//! `image metadef property create|delete|list|set|show`
//! (openstackclient/image/v2/metadef_properties.py, with openstacksdk's MetadefProperty).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Listing, Record};
use ostk_sdk::client::Method;
use ostk_sdk::image::{ImageService, segment};
use serde_json::{Map, Value};

/// `_format_property`'s keys that survive openstacksdk's `to_dict(original_names=True)`: the
/// others it lists (`namespace_name`, `is_readonly`, `min_length`…) are spelled differently in
/// glance's JSON (`readonly`, `minLength`…) and never match.
const FORMAT_KEYS: &[&str] = &[
    "name",
    "type",
    "title",
    "description",
    "operators",
    "default",
    "minimum",
    "maximum",
    "enum",
    "pattern",
    "items",
];

/// metadef_properties.py `_format_property`.
fn format_property(p: &Value) -> Map<String, Value> {
    FORMAT_KEYS
        .iter()
        .filter_map(|k| {
            p.get(*k)
                .filter(|v| !v.is_null())
                .map(|v| (k.to_string(), v.clone()))
        })
        .collect()
}

fn property_record(p: &Map<String, Value>) -> Record {
    let mut fields: Vec<(String, ostk_output::Cell)> = p
        .iter()
        .map(|(k, v)| (k.clone(), super::json_cell(Some(v))))
        .collect();
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    Record { fields }
}

fn properties_path(ns: &str) -> String {
    format!("namespaces/{}/properties", segment(ns))
}

fn property_path(ns: &str, prop: &str) -> String {
    format!("{}/{}", properties_path(ns), segment(prop))
}

/// `kwargs.update(json.loads(schema))`, with Python's error texts.
fn merge_schema(kwargs: &mut Map<String, Value>, schema: &str) -> Result<(), CliError> {
    let v: Value = serde_json::from_str(schema).map_err(|e| {
        CliError::Message(format!(
            "Failed to load JSON schema: {}",
            super::python_json_error(schema, &e)
        ))
    })?;
    match v {
        Value::Object(m) => {
            kwargs.extend(m);
            Ok(())
        }
        // dict.update() with what is not a mapping: a sequence of pairs, or Python's error.
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let pair: Vec<Value> = match item {
                    Value::Array(a) => a.clone(),
                    Value::String(s) => s.chars().map(|c| Value::String(c.into())).collect(),
                    _ => {
                        return Err(CliError::Message(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        )));
                    }
                };
                if pair.len() != 2 {
                    return Err(CliError::Message(format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        pair.len()
                    )));
                }
                let key = match &pair[0] {
                    Value::String(k) => k.clone(),
                    Value::Array(_) => {
                        return Err(CliError::Message("unhashable type: 'list'".into()));
                    }
                    Value::Object(_) => {
                        return Err(CliError::Message("unhashable type: 'dict'".into()));
                    }
                    other => other.to_string(),
                };
                kwargs.insert(key, pair[1].clone());
            }
            Ok(())
        }
        Value::String(s) if s.is_empty() => Ok(()),
        Value::String(_) => Err(CliError::Message(
            "dictionary update sequence element #0 has length 1; 2 is required".into(),
        )),
        Value::Null => Err(CliError::Message(
            "'NoneType' object is not iterable".into(),
        )),
        Value::Bool(_) => Err(CliError::Message("'bool' object is not iterable".into())),
        Value::Number(n) => Err(CliError::Message(if n.is_f64() {
            "'float' object is not iterable".into()
        } else {
            "'int' object is not iterable".into()
        })),
    }
}

/// Create a metadef property
#[derive(clap::Args, Debug)]
pub struct CreateMetadefProperty {
    /// Internal name of the property
    #[arg(long, value_name = "NAME", required = true)]
    name: String,
    /// Property name displayed to the user
    #[arg(long, value_name = "TITLE", required = true)]
    title: String,
    /// Property type
    #[arg(long = "type", value_name = "TYPE", required = true)]
    prop_type: String,
    /// Valid JSON schema of the property
    #[arg(long, value_name = "SCHEMA", required = true)]
    schema: String,
    /// Name of namespace the property will belong.
    #[arg(value_name = "namespace", verbatim_doc_comment)]
    namespace: String,
}

impl Command for CreateMetadefProperty {
    const WORDS: &'static str = "image metadef property create";
    const ABOUT: &'static str = "Create a metadef property";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut body = Map::new();
        body.insert("name".into(), Value::String(self.name.clone()));
        body.insert("title".into(), Value::String(self.title.clone()));
        body.insert("type".into(), Value::String(self.prop_type.clone()));
        merge_schema(&mut body, &self.schema)?;
        let session = ctx.session()?;
        let v = ctx
            .block_on(ImageService::new(&session).metadef(
                Method::POST,
                &properties_path(&self.namespace),
                Some(Value::Object(body)),
            ))?
            .map_err(|e| super::sdk_error(e, None))?;
        Ok(Output::One(property_record(&format_property(&v))))
    }
}

/// Delete metadef propert(ies)
#[derive(clap::Args, Debug)]
pub struct DeleteMetadefProperty {
    /// Metadef namespace of the property (name)
    #[arg(value_name = "<namespace>")]
    namespace: String,
    /// Metadef properties to delete (name) (omit this argument to delete all properties in the namespace)
    #[arg(value_name = "<property>", num_args = 0..)]
    properties: Vec<String>,
}

impl Command for DeleteMetadefProperty {
    const WORDS: &'static str = "image metadef property delete";
    const ABOUT: &'static str = "Delete metadef propert(ies)";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let glance = ImageService::new(&session);
        if self.properties.is_empty() {
            ctx.block_on(glance.metadef(Method::DELETE, &properties_path(&self.namespace), None))?
                .map_err(|e| super::sdk_error(e, None))?;
            return Ok(Output::None);
        }
        let mut result = 0;
        for p in &self.properties {
            let path = property_path(&self.namespace, p);
            if let Err(e) = ctx.block_on(glance.metadef(Method::DELETE, &path, None))? {
                result += 1;
                tracing::error!(
                    "Failed to delete property with name or ID '{p}' from namespace '{}': {}",
                    self.namespace,
                    super::sdk_error(e, None)
                );
            }
        }
        if result > 0 {
            // (sic) OSC counts the characters of the namespace name as the total.
            return Err(CliError::Message(format!(
                "{result} of {} properties failed to delete.",
                self.namespace.chars().count()
            )));
        }
        Ok(Output::None)
    }
}

/// List metadef properties
#[derive(clap::Args, Debug)]
pub struct ListMetadefProperties {
    /// An identifier (a name) for the namespace
    #[arg(value_name = "<namespace>")]
    namespace: String,
}

impl Command for ListMetadefProperties {
    const WORDS: &'static str = "image metadef property list";
    const ABOUT: &'static str = "List metadef properties";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let v = ctx
            .block_on(ImageService::new(&session).metadef(
                Method::GET,
                &properties_path(&self.namespace),
                None,
            ))?
            .map_err(|e| super::sdk_error(e, None))?;
        // glance answers `{"properties": {name: {...}, ...}}`, unpaginated.
        let rows = v
            .get("properties")
            .and_then(Value::as_object)
            .map(|props| {
                props
                    .iter()
                    .map(|(name, p)| {
                        vec![
                            ostk_output::Cell::Str(name.clone()),
                            super::json_cell(p.get("title")),
                            super::json_cell(p.get("type")),
                        ]
                    })
                    .collect()
            })
            .unwrap_or_default();
        Ok(Output::List(Listing {
            columns: vec!["name".into(), "title".into(), "type".into()],
            rows,
        }))
    }
}

/// openstacksdk `get_metadef_property(property, namespace)`.
fn get_property(ctx: &mut Context, ns: &str, prop: &str) -> Result<Value, CliError> {
    let session = ctx.session()?;
    let msg = format!("No MetadefProperty found for {prop}");
    ctx.block_on(ImageService::new(&session).metadef(Method::GET, &property_path(ns, prop), None))?
        .map_err(|e| super::sdk_error(e, Some(&msg)))
}

/// Update metadef namespace property
#[derive(clap::Args, Debug)]
pub struct SetMetadefProperty {
    /// Internal name of the property
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// Property name displayed to the user
    #[arg(long, value_name = "TITLE")]
    title: Option<String>,
    /// Property type
    #[arg(long = "type", value_name = "TYPE")]
    prop_type: Option<String>,
    /// Valid JSON schema of the property
    #[arg(long, value_name = "SCHEMA")]
    schema: Option<String>,
    /// Namespace of the namespace to which the property belongs
    #[arg(value_name = "namespace")]
    namespace: String,
    /// Property to update
    #[arg(value_name = "property")]
    property: String,
}

impl Command for SetMetadefProperty {
    const WORDS: &'static str = "image metadef property set";
    const ABOUT: &'static str = "Update metadef namespace property";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        // glance's PUT replaces the property: send every attribute OSC knows of, then changes.
        let cur = get_property(ctx, &self.namespace, &self.property)?;
        let mut body = format_property(&cur);
        for (k, v) in [
            ("name", &self.name),
            ("title", &self.title),
            ("type", &self.prop_type),
        ] {
            if let Some(v) = v {
                body.insert(k.into(), Value::String(v.clone()));
            }
        }
        if let Some(s) = self.schema.as_deref().filter(|s| !s.is_empty()) {
            merge_schema(&mut body, s)?;
        }
        let session = ctx.session()?;
        ctx.block_on(ImageService::new(&session).metadef(
            Method::PUT,
            &property_path(&self.namespace, &self.property),
            Some(Value::Object(body)),
        ))?
        .map_err(|e| super::sdk_error(e, None))?;
        Ok(Output::None)
    }
}

/// Show a particular metadef property
#[derive(clap::Args, Debug)]
pub struct ShowMetadefProperty {
    /// Metadef namespace of the property (name)
    #[arg(value_name = "<namespace>")]
    namespace: String,
    /// Property to show
    #[arg(value_name = "<property>")]
    property: String,
}

impl Command for ShowMetadefProperty {
    const WORDS: &'static str = "image metadef property show";
    const ABOUT: &'static str = "Show a particular metadef property";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let p = get_property(ctx, &self.namespace, &self.property)?;
        Ok(Output::One(property_record(&format_property(&p))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_the_keys_osc_can_match_are_shown() {
        let p = json!({"name": "p", "title": "T", "type": "string", "readonly": true,
                       "maxLength": 5, "enum": ["a"], "description": null});
        let m = format_property(&p);
        assert_eq!(
            m.keys().collect::<Vec<_>>(),
            vec!["name", "type", "title", "enum"]
        );
    }

    #[test]
    fn schemas_merge_or_fail_as_python_does() {
        let mut m = Map::new();
        merge_schema(&mut m, r#"{"minimum": 1}"#).unwrap();
        assert_eq!(m["minimum"], json!(1));
        let e = merge_schema(&mut m, "{bad").unwrap_err().to_string();
        assert_eq!(
            e,
            "Failed to load JSON schema: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"
        );
        let e = merge_schema(&mut m, "").unwrap_err().to_string();
        assert_eq!(
            e,
            "Failed to load JSON schema: Expecting value: line 1 column 1 (char 0)"
        );
        let e = merge_schema(&mut m, "[1]").unwrap_err().to_string();
        assert_eq!(
            e,
            "cannot convert dictionary update sequence element #0 to a sequence"
        );
    }
}
