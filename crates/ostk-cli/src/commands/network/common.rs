//! What the neutron commands share: openstacksdk `find_*` lookups, OSC's show columns
//! (`get_osc_show_columns_for_sdk_resource`) and formatters, multiple deletes, tags
//! (`osc_lib.utils.tags`), `--project`/`--project-domain`, `--extra-property`, and osc-lib's
//! `MultiKeyValueAction` parser.

use crate::commands::common::bulk;
use crate::commands::identity::common::{find_project_id, sdk_error};
use crate::render::ArgumentError;
use crate::{context::Context, error::CliError};
use ostk_output::{Cell, Listing, Record};
use ostk_sdk::client::{ClientError, Method, Session};
use ostk_sdk::network::{self as net, Resource};
use ostk_sdk::rest::Lookup;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// How OSC formats one column (osc-lib / OSC `FormattableColumn`s).
#[derive(Clone, Copy, Debug)]
pub enum Fmt {
    /// `format_columns.ListColumn`.
    List,
    /// `format_columns.DictColumn`.
    Dict,
    /// `format_columns.ListDictColumn`.
    ListDicts,
    /// `AdminStateColumn`: `UP`/`DOWN`.
    AdminState,
    /// `RouterExternalColumn`: `External`/`Internal`.
    RouterExternal,
    /// Any other column class: human text from the value, machine the value itself.
    Human(fn(&Value) -> String),
    /// A column class whose machine form differs too.
    Custom(fn(&Value) -> Cell),
}

/// Formatters by column (attribute or display name, as OSC's `_formatters` dicts).
pub type Formatters = &'static [(&'static str, Fmt)];

/// A value as its column shows it.
pub fn cell(v: &Value, fmt: Option<Fmt>) -> Cell {
    let as_list = |v: &Value| v.as_array().cloned();
    match fmt {
        None => Cell::from_json(v.clone()),
        Some(Fmt::List) => Cell::list(as_list(v)),
        Some(Fmt::Dict) => Cell::dict(v.as_object().cloned()),
        Some(Fmt::ListDicts) => Cell::list_of_dicts(
            v.as_array()
                .map(|a| a.iter().filter_map(|x| x.as_object().cloned()).collect()),
        ),
        Some(Fmt::AdminState) => Cell::formatted(if truthy(v) { "UP" } else { "DOWN" }, v.clone()),
        Some(Fmt::RouterExternal) => {
            Cell::formatted(if truthy(v) { "External" } else { "Internal" }, v.clone())
        }
        Some(Fmt::Human(f)) => Cell::formatted(f(v), v.clone()),
        Some(Fmt::Custom(f)) => f(v),
    }
}

/// Python truthiness of a JSON value.
pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

fn fmt_for(fmts: Formatters, name: &str) -> Option<Fmt> {
    fmts.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

/// OSC's `_get_columns(item)` + `get_item_properties`: every attribute of the resource
/// (`to_dict`) but `hidden`, renamed by `column_map` (sdk attribute → display name), sorted.
pub fn show_record(
    res: &Resource,
    body: &Value,
    column_map: &[(&str, &str)],
    hidden: &[&str],
    fmts: Formatters,
) -> Record {
    let dict = res.to_dict(body);
    let mut display: Vec<String> = dict
        .keys()
        .filter(|k| !hidden.contains(&k.as_str()))
        .cloned()
        .collect();
    let mut attr_of: BTreeMap<String, String> = BTreeMap::new();
    for (sdk, osc) in column_map {
        if let Some(i) = display.iter().position(|d| d == sdk) {
            attr_of.insert(osc.to_string(), sdk.to_string());
            display.remove(i);
        }
        if !display.iter().any(|d| d == osc) {
            display.push(osc.to_string());
        }
    }
    display.sort();
    let fields = display
        .into_iter()
        .map(|col| {
            let attr = attr_of.get(&col).cloned().unwrap_or_else(|| col.clone());
            let v = item_value(&dict, &attr);
            let c = cell(&v, fmt_for(fmts, &attr));
            (col, c)
        })
        .collect();
    Record { fields }
}

/// A ShowOne with a fixed `(display name, attribute)` column list, in that order.
pub fn fixed_record(
    res: &Resource,
    body: &Value,
    cols: &[(&str, &str)],
    fmts: Formatters,
) -> Record {
    let dict = res.to_dict(body);
    Record {
        fields: cols
            .iter()
            .map(|(name, attr)| {
                let v = item_value(&dict, attr);
                (name.to_string(), cell(&v, fmt_for(fmts, attr)))
            })
            .collect(),
    }
}

/// `getattr(item, field, '')` on an openstacksdk resource's `to_dict`.
fn item_value(dict: &Map<String, Value>, attr: &str) -> Value {
    dict.get(attr).cloned().unwrap_or_else(|| json!(""))
}

/// A Lister's rows: `(header, attribute)` columns of each item (`get_item_properties`).
pub fn listing(
    res: &Resource,
    items: &[Value],
    cols: &[(&str, &str)],
    fmts: Formatters,
) -> Listing {
    Listing {
        columns: cols.iter().map(|(h, _)| h.to_string()).collect(),
        rows: items.iter().map(|it| row(res, it, cols, fmts)).collect(),
    }
}

fn row(res: &Resource, item: &Value, cols: &[(&str, &str)], fmts: Formatters) -> Vec<Cell> {
    let dict = res.to_dict(item);
    cols.iter()
        .map(|(_, attr)| cell(&item_value(&dict, attr), fmt_for(fmts, attr)))
        .collect()
}

/// [`list`] then [`listing`], a page at a time: only the rows stay in memory, not the
/// items (10,000 networks would otherwise hold every full JSON object to the end).
pub fn list_listing(
    ctx: &mut Context,
    res: &Resource,
    query: &[(&str, String)],
    max_items: Option<usize>,
    cols: &[(&str, &str)],
    fmts: Formatters,
) -> Result<Listing, CliError> {
    let s = ctx.session()?;
    let max = max_items.unwrap_or(usize::MAX);
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    run(
        ctx,
        res.coll.list_pages(&s, query, |page| {
            let room = max - rows.len();
            rows.extend(page.iter().take(room).map(|it| row(res, it, cols, fmts)));
            rows.len() < max
        }),
    )?;
    Ok(Listing {
        columns: cols.iter().map(|(h, _)| h.to_string()).collect(),
        rows,
    })
}

/// openstacksdk's client-side filters (query parameters the class does not send, on its
/// body attributes): the items whose attribute equals each value exactly.
pub fn client_filter(res: &Resource, items: Vec<Value>, filters: &[(&str, Value)]) -> Vec<Value> {
    items
        .into_iter()
        .filter(|it| {
            let d = res.to_dict(it);
            filters
                .iter()
                .all(|(k, v)| d.get(*k).unwrap_or(&Value::Null) == v)
        })
        .collect()
}

/// A Lister's rows from plain dicts (osc-lib `get_dict_properties`: a missing key is `''`).
pub fn dict_listing(items: &[Value], cols: &[(&str, &str)]) -> Listing {
    let empty = Map::new();
    let rows = items
        .iter()
        .map(|it| {
            let d = it.as_object().unwrap_or(&empty);
            cols.iter()
                .map(|(_, k)| cell(&item_value(d, k), None))
                .collect()
        })
        .collect();
    Listing {
        columns: cols.iter().map(|(h, _)| h.to_string()).collect(),
        rows,
    }
}

/// openstacksdk `find_<resource>(name_or_id, ignore_missing=False, **filters)` without a
/// context (for bulk work).
pub async fn find_with(
    s: &Session,
    res: &Resource,
    name_or_id: &str,
    filters: &[(&str, String)],
) -> Result<Value, CliError> {
    let found = if res.name_query {
        res.coll.find(s, name_or_id, filters).await
    } else {
        find_unfiltered(s, res, name_or_id, filters).await
    };
    match found {
        Ok(Lookup::Found(v)) => Ok(v),
        Ok(Lookup::NotFound) => Err(CliError::Message(format!(
            "No {} found for {name_or_id}",
            res.class
        ))),
        Ok(Lookup::Ambiguous(_)) => Err(CliError::Message(format!(
            "More than one {} exists with the name '{name_or_id}'.",
            res.class
        ))),
        Err(e) => Err(sdk_error(e, None)),
    }
}

/// openstacksdk `find` for a class without a `name` query parameter: by ID, else every item
/// listed and matched by name here.
async fn find_unfiltered(
    s: &Session,
    res: &Resource,
    name_or_id: &str,
    filters: &[(&str, String)],
) -> Result<Lookup, ClientError> {
    match res.coll.get(s, name_or_id).await {
        Ok(v) => return Ok(Lookup::Found(v)),
        Err(e) if matches!(e.status(), Some(404 | 403 | 400)) => {}
        Err(e) => return Err(e),
    }
    let hits: Vec<Value> = res
        .coll
        .list(s, filters)
        .await?
        .into_iter()
        .filter(|v| {
            // the class's `name` attribute (a floating IP's is its address)
            res.to_dict(v).get("name").and_then(Value::as_str) == Some(name_or_id)
        })
        .collect();
    Ok(Lookup::from_matches(hits))
}

/// openstacksdk `find_<resource>(name_or_id, ignore_missing=False)`.
pub fn find(ctx: &mut Context, res: &Resource, name_or_id: &str) -> Result<Value, CliError> {
    find_filtered(ctx, res, name_or_id, &[])
}

/// [`find`] with list filters (`project_id`…).
pub fn find_filtered(
    ctx: &mut Context,
    res: &Resource,
    name_or_id: &str,
    filters: &[(&str, String)],
) -> Result<Value, CliError> {
    let s = ctx.session()?;
    ctx.block_on(find_with(&s, res, name_or_id, filters))?
}

/// The ID of a resource found by name or ID.
pub fn find_id(ctx: &mut Context, res: &Resource, name_or_id: &str) -> Result<String, CliError> {
    Ok(id(&find(ctx, res, name_or_id)?))
}

/// The `id` of a JSON resource.
pub fn id(v: &Value) -> String {
    v.get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// A request's result in openstacksdk's error wording.
pub fn run<T>(
    ctx: &mut Context,
    fut: impl Future<Output = Result<T, ClientError>>,
) -> Result<T, CliError> {
    ctx.block_on(fut)?.map_err(|e| sdk_error(e, None))
}

/// openstacksdk's proxy `get_<resource>(value)`: any failure worded
/// `No {Class} found for {value}: …`.
pub fn get(
    ctx: &mut Context,
    res: &Resource,
    fut: impl Future<Output = Result<Value, ClientError>>,
    value: &str,
) -> Result<Value, CliError> {
    let msg = format!("No {} found for {value}", res.class);
    ctx.block_on(fut)?.map_err(|e| sdk_error(e, Some(&msg)))
}

/// Creates a resource (`POST`).
pub fn create(
    ctx: &mut Context,
    res: &Resource,
    attrs: Map<String, Value>,
) -> Result<Value, CliError> {
    let s = ctx.session()?;
    run(ctx, res.coll.create(&s, attrs))
}

/// OSC's create tail: extra properties added, the resource created, then its tags set (they
/// cannot be given at creation); returns the resource as shown.
pub fn create_tagged(
    ctx: &mut Context,
    res: &Resource,
    mut attrs: Map<String, Value>,
    extra: &ExtraProperty,
    tags: &[String],
    no_tag: bool,
) -> Result<Value, CliError> {
    extra_properties(&extra.extra_property, &mut attrs)?;
    let obj = create(ctx, res, attrs)?;
    set_tags_for_set(ctx, res, &obj, tags, no_tag)
}

/// Updates a resource (`PUT`, as neutron wants).
pub fn update(
    ctx: &mut Context,
    res: &Resource,
    id: &str,
    attrs: Map<String, Value>,
) -> Result<Value, CliError> {
    let s = ctx.session()?;
    run(ctx, res.coll.update_with(&s, Method::PUT, id, attrs))
}

/// Lists a resource with query filters (following pagination; `max_items` caps the total).
pub fn list(
    ctx: &mut Context,
    res: &Resource,
    query: &[(&str, String)],
    max_items: Option<usize>,
) -> Result<Vec<Value>, CliError> {
    let s = ctx.session()?;
    let mut items = run(ctx, res.coll.list(&s, query))?;
    if let Some(n) = max_items {
        items.truncate(n);
    }
    Ok(items)
}

/// OSC's multiple delete: each item found then deleted (bounded parallel), failures logged as
/// `Failed to delete {what} with name or ID '{item}': {error}` (`what`: `network`), then
/// `N of M {plural} failed to delete.`.
pub fn delete_many(
    ctx: &mut Context,
    res: &'static Resource,
    items: &[String],
    what: &str,
    plural: &str,
) -> Result<(), CliError> {
    delete_many_worded(ctx, res, items, plural, |item, e| {
        format!("Failed to delete {what} with name or ID '{item}': {e}")
    })
}

/// [`delete_many`] with the failure line of the caller's choosing.
pub fn delete_many_worded(
    ctx: &mut Context,
    res: &'static Resource,
    items: &[String],
    plural: &str,
    failure: impl Fn(&str, &str) -> String,
) -> Result<(), CliError> {
    let results = bulk::each(ctx, items, |s, item| async move {
        let v = find_with(&s, res, &item, &[]).await?;
        res.coll
            .delete(&s, &id(&v))
            .await
            .map_err(|e| sdk_error(e, None))
    })?;
    bulk::summarize(items, results, plural, failure)
}

/// `--project` resolved through keystone as OSC's `find_project_id_sdk` does.
pub fn project_id(
    ctx: &mut Context,
    project: Option<&str>,
    domain: Option<&str>,
) -> Result<Option<String>, CliError> {
    project
        .map(|p| find_project_id(ctx, p, domain, true))
        .transpose()
}

/// `attrs['project_id'] = find_project_id_sdk(…)` when `--project` was given.
pub fn put_project(
    ctx: &mut Context,
    attrs: &mut Map<String, Value>,
    project: Option<&str>,
    domain: Option<&str>,
) -> Result<(), CliError> {
    if let Some(p) = project_id(ctx, project, domain)? {
        attrs.insert("project_id".into(), json!(p));
    }
    Ok(())
}

/// The `project_id` list filter when `--project` was given.
pub fn push_project(
    ctx: &mut Context,
    q: &mut Vec<(&'static str, String)>,
    project: Option<&str>,
    domain: Option<&str>,
) -> Result<(), CliError> {
    if let Some(p) = project_id(ctx, project, domain)? {
        q.push(("project_id", p));
    }
    Ok(())
}

/// osc-lib `update_tags_for_set`: `--no-tag` clears, `--tag` adds; tags are only written when
/// they change.
pub fn set_tags_for_set(
    ctx: &mut Context,
    res: &Resource,
    obj: &Value,
    tags: &[String],
    no_tag: bool,
) -> Result<Value, CliError> {
    let current = tag_set(obj);
    let mut new = if no_tag {
        Default::default()
    } else {
        current.clone()
    };
    new.extend(tags.iter().cloned());
    write_tags(ctx, res, obj, &current, new)
}

/// osc-lib `update_tags_for_unset`: `--all-tag` clears, `--tag` removes.
pub fn set_tags_for_unset(
    ctx: &mut Context,
    res: &Resource,
    obj: &Value,
    tags: &[String],
    all_tag: bool,
) -> Result<Value, CliError> {
    let current = tag_set(obj);
    let mut new = if all_tag {
        Default::default()
    } else {
        current.clone()
    };
    for t in tags {
        new.remove(t);
    }
    write_tags(ctx, res, obj, &current, new)
}

fn tag_set(obj: &Value) -> std::collections::BTreeSet<String> {
    obj.get("tags")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|t| t.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Writes the tags when they changed; returns the object with its new tags (openstacksdk
/// updates the resource in place, so `create` shows them).
fn write_tags(
    ctx: &mut Context,
    res: &Resource,
    obj: &Value,
    current: &std::collections::BTreeSet<String>,
    new: std::collections::BTreeSet<String>,
) -> Result<Value, CliError> {
    let mut obj = obj.clone();
    if *current == new {
        return Ok(obj);
    }
    let tags: Vec<String> = new.into_iter().collect();
    let s = ctx.session()?;
    run(ctx, net::set_tags(&s, &res.coll, &id(&obj), &tags))?;
    if let Some(m) = obj.as_object_mut() {
        m.insert("tags".into(), json!(tags));
    }
    Ok(obj)
}

/// osc-lib `get_tag_filtering_args`: `--tags`, `--any-tags`, `--not-tags`, `--not-any-tags`
/// (comma-separated lists, passed on joined as given) as neutron's query names.
pub fn tag_filters(
    q: &mut Vec<(&'static str, String)>,
    tags: &Option<String>,
    any: &Option<String>,
    not: &Option<String>,
    not_any: &Option<String>,
) {
    for (k, v) in [
        ("tags", tags),
        ("tags-any", any),
        ("not-tags", not),
        ("not-tags-any", not_any),
    ] {
        if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
            q.push((k, v.clone()));
        }
    }
}

/// osc-lib `MultiKeyValueAction` (`key1=v1,key2=v2`) without key validation.
pub fn parse_multi_kv(s: &str) -> Result<BTreeMap<String, String>, ArgumentError> {
    let mut out = BTreeMap::new();
    for kv in s.split(',') {
        match kv.split_once('=') {
            Some(("", _)) => {
                return Err(ArgumentError(format!(
                    "Each property key must be specified: {kv}"
                )));
            }
            Some((k, v)) => {
                out.insert(k.to_string(), v.to_string());
            }
            None => {
                return Err(ArgumentError(format!(
                    "Expected comma separated 'key=value' pairs, but got: {kv}"
                )));
            }
        }
    }
    Ok(out)
}

/// `MultiKeyValueAction` with `required_keys`/`optional_keys` validation.
pub fn parse_multi_kv_keys(
    s: &str,
    required: &[&str],
    optional: &[&str],
) -> Result<BTreeMap<String, String>, ArgumentError> {
    let m = parse_multi_kv(s)?;
    let valid: Vec<&str> = required.iter().chain(optional).copied().collect();
    let invalid: Vec<&str> = m
        .keys()
        .map(String::as_str)
        .filter(|k| !valid.contains(k))
        .collect();
    if !invalid.is_empty() {
        return Err(ArgumentError(format!(
            "Invalid keys {} specified.\nValid keys are: {}",
            invalid.join(", "),
            valid.join(", ")
        )));
    }
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|k| !m.contains_key(*k))
        .collect();
    if !missing.is_empty() {
        return Err(ArgumentError(format!(
            "Missing required keys {}.\nRequired keys are: {}",
            missing.join(", "),
            required.join(", ")
        )));
    }
    Ok(m)
}

/// `--extra-property type=<t>,name=<n>,value=<v>`.
pub fn parse_extra_property(s: &str) -> Result<BTreeMap<String, String>, ArgumentError> {
    parse_multi_kv_keys(s, &["name", "value"], &["type"])
}

/// `--extra-property` (`NeutronCommandWithExtraArgs`).
#[derive(clap::Args, Debug, Default)]
pub struct ExtraProperty {
    /// Additional parameters can be passed using this property. Default type of the extra property is string ('str'), but other types can be used as well. Available types are: 'dict', 'list', 'str', 'bool', 'int'. In case of 'list' type, 'value' can be semicolon-separated list of values. For 'dict' value is semicolon-separated list of the key:value pairs.
    #[arg(long, value_name = "type=<property_type>,name=<property_name>,value=<property_value>",
          value_parser = parse_extra_property, action = clap::ArgAction::Append, verbatim_doc_comment)]
    pub extra_property: Vec<BTreeMap<String, String>>,
}

/// `NeutronCommandWithExtraArgs._parse_extra_properties`: typed values by name.
pub fn extra_properties(
    props: &[BTreeMap<String, String>],
    attrs: &mut Map<String, Value>,
) -> Result<(), CliError> {
    for p in props {
        let name = p.get("name").cloned().unwrap_or_default();
        let value = p.get("value").cloned().unwrap_or_default();
        let v = match p.get("type").map(String::as_str).unwrap_or("str") {
            "str" => json!(value),
            "bool" => json!(value.to_lowercase() == "true"),
            "int" => json!(value.parse::<i64>().map_err(|_| {
                CliError::Message(format!("invalid literal for int() with base 10: '{value}'"))
            })?),
            "list" => json!(if value.is_empty() {
                Vec::new()
            } else {
                value.split(';').collect::<Vec<_>>()
            }),
            "dict" => Value::Object(str2dict(&value)?),
            other => {
                return Err(CliError::Message(format!(
                    "Type {other} of property {name} is not supported"
                )));
            }
        };
        attrs.insert(name, v);
    }
    Ok(())
}

/// `NeutronUnsetCommandWithExtraArgs`: every named extra property set to `None`.
pub fn extra_properties_unset(props: &[BTreeMap<String, String>], attrs: &mut Map<String, Value>) {
    for p in props {
        attrs.insert(p.get("name").cloned().unwrap_or_default(), Value::Null);
    }
}

/// OSC network `utils.str2dict`: `k1:v1;k2:v2` (a `;` part without `:` continues the value).
fn str2dict(s: &str) -> Result<Map<String, Value>, CliError> {
    let mut parts: Vec<String> = Vec::new();
    for kv in s.split(';').filter(|_| !s.is_empty()) {
        if kv.contains(':') {
            parts.push(kv.to_string());
        } else if let Some(last) = parts.last_mut() {
            last.push(';');
            last.push_str(kv);
        } else {
            return Err(CliError::Message(format!("missing value for key '{kv}'")));
        }
    }
    Ok(parts
        .into_iter()
        .map(|kv| {
            let (k, v) = kv.split_once(':').unwrap_or((&kv, ""));
            (k.to_string(), json!(v))
        })
        .collect())
}

/// `attrs[key] = value` when the option was given.
pub fn put(attrs: &mut Map<String, Value>, key: &str, v: Option<impl Into<Value>>) {
    if let Some(v) = v {
        attrs.insert(key.to_string(), v.into());
    }
}

/// Python's `json.dumps(value)` (`", "` and `": "` separators, ASCII only).
pub fn py_json_dumps(v: &Value) -> String {
    match v {
        Value::Array(a) => format!(
            "[{}]",
            a.iter().map(py_json_dumps).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(m) => format!(
            "{{{}}}",
            m.iter()
                .map(|(k, v)| format!("{}: {}", py_json_dumps(&json!(k)), py_json_dumps(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::String(s) => {
            let mut out = String::from("\"");
            for ch in s.chars() {
                match ch {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                        let mut buf = [0u16; 2];
                        for u in c.encode_utf16(&mut buf) {
                            out.push_str(&format!("\\u{u:04x}"));
                        }
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }
        other => other.to_string(),
    }
}

/// `q.append((key, value))` when the option was given.
pub fn put_query(q: &mut Vec<(&'static str, String)>, key: &'static str, v: Option<&str>) {
    if let Some(v) = v {
        q.push((key, v.to_string()));
    }
}

/// A `--x/--no-x` (or `--enable/--disable`) pair as an optional bool.
pub fn flag_pair(on: bool, off: bool) -> Option<bool> {
    if on {
        Some(true)
    } else if off {
        Some(false)
    } else {
        None
    }
}

/// Python's `str(bool)` for query strings (`True`/`False`, as openstacksdk sends them).
pub fn py_bool(b: bool) -> String {
    if b { "True" } else { "False" }.to_string()
}

/// Tag options of a resource (osc-lib `add_tag_option_to_parser_for_create/set/unset` and
/// `add_tag_filtering_option_to_parser`), whose help names the resource.
#[macro_export]
macro_rules! network_tag_args {
    ($create:ident, $set:ident, $unset:ident, $filter:ident, $one:literal, $many:literal) => {
        /// `--tag`/`--no-tag` of a create command.
        #[derive(clap::Args, Debug, Default)]
        pub struct $create {
            #[arg(long = "tag", value_name = "<tag>", group = "tag_create",
                  action = clap::ArgAction::Append,
                  help = concat!("Tag to be added to the ", $one, " (repeat option to set multiple tags)"))]
            pub tags: Vec<String>,
            #[arg(long, group = "tag_create", help = concat!("No tags associated with the ", $one))]
            pub no_tag: bool,
        }

        /// `--tag`/`--no-tag` of a set command.
        #[derive(clap::Args, Debug, Default)]
        pub struct $set {
            #[arg(long = "tag", value_name = "<tag>", action = clap::ArgAction::Append,
                  help = concat!("Tag to be added to the ", $one, " (repeat option to set multiple tags)"))]
            pub tags: Vec<String>,
            #[arg(long, help = concat!("Clear tags associated with the ", $one,
                  ". Specify both --tag and --no-tag to overwrite current tags"))]
            pub no_tag: bool,
        }

        /// `--tag`/`--all-tag` of an unset command.
        #[derive(clap::Args, Debug, Default)]
        pub struct $unset {
            #[arg(long = "tag", value_name = "<tag>", group = "tag_unset",
                  action = clap::ArgAction::Append,
                  help = concat!("Tag to be removed from the ", $one, " (repeat option to remove multiple tags)"))]
            pub tags: Vec<String>,
            #[arg(long, group = "tag_unset", help = concat!("Clear all tags associated with the ", $one))]
            pub all_tag: bool,
        }

        /// Tag filters of a list command.
        #[derive(clap::Args, Debug, Default)]
        pub struct $filter {
            #[arg(long, value_name = "<tag>[,<tag>,...]",
                  help = concat!("List ", $many, " which have all given tag(s) (Comma-separated list of tags)"))]
            pub tags: Option<String>,
            #[arg(long, value_name = "<tag>[,<tag>,...]",
                  help = concat!("List ", $many, " which have any given tag(s) (Comma-separated list of tags)"))]
            pub any_tags: Option<String>,
            #[arg(long, value_name = "<tag>[,<tag>,...]",
                  help = concat!("Exclude ", $many, " which have all given tag(s) (Comma-separated list of tags)"))]
            pub not_tags: Option<String>,
            #[arg(long, value_name = "<tag>[,<tag>,...]",
                  help = concat!("Exclude ", $many, " which have any given tag(s) (Comma-separated list of tags)"))]
            pub not_any_tags: Option<String>,
        }

        impl $filter {
            /// Adds the filters to a neutron query.
            pub fn apply(&self, q: &mut Vec<(&'static str, String)>) {
                $crate::commands::network::common::tag_filters(
                    q, &self.tags, &self.any_tags, &self.not_tags, &self.not_any_tags,
                );
            }
        }
    };
}

/// A `<resource> delete <name-or-id>…` command: OSC's multiple delete with its per-item line
/// (`Failed to delete {what} with name or ID '…': …`) and summary.
#[macro_export]
macro_rules! network_delete_command {
    ($name:ident, $words:literal, $about:literal, $field:ident, $metavar:literal, $help:literal,
     $res:expr, $what:literal, $plural:literal) => {
        #[doc = $about]
        #[derive(clap::Args, Debug)]
        pub struct $name {
            #[arg(value_name = $metavar, required = true, help = $help)]
            $field: Vec<String>,
        }

        impl $crate::registry::Command for $name {
            const WORDS: &'static str = $words;
            const ABOUT: &'static str = $about;
            const KIND: $crate::registry::Kind = $crate::registry::Kind::Plain;

            fn run(
                self,
                ctx: &mut $crate::context::Context,
            ) -> Result<$crate::registry::Output, $crate::error::CliError> {
                $crate::commands::network::common::delete_many(
                    ctx,
                    &$res,
                    &self.$field,
                    $what,
                    $plural,
                )?;
                Ok($crate::registry::Output::None)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_json_dumps() {
        assert_eq!(
            py_json_dumps(&json!({"b": [1, true, null], "a": "x\"é"})),
            r#"{"b": [1, true, null], "a": "x\"\u00e9"}"#
        );
    }

    #[test]
    fn multi_key_values() {
        let m = parse_multi_kv_keys(
            "subnet=s,ip-address=1.2.3.4",
            &[],
            &["subnet", "ip-address"],
        )
        .unwrap();
        assert_eq!(m["subnet"], "s");
        assert_eq!(m["ip-address"], "1.2.3.4");
        assert!(
            parse_multi_kv("a")
                .unwrap_err()
                .0
                .contains("'key=value' pairs, but got: a")
        );
        assert!(
            parse_multi_kv("=b")
                .unwrap_err()
                .0
                .contains("key must be specified: =b")
        );
        assert!(
            parse_extra_property("name=x")
                .unwrap_err()
                .0
                .starts_with("Missing required keys value.")
        );
        assert!(
            parse_extra_property("name=x,value=1,foo=2")
                .unwrap_err()
                .0
                .starts_with("Invalid keys foo specified.")
        );
    }

    #[test]
    fn extra_property_types() {
        let props: Vec<_> = [
            "name=a,value=1,type=int",
            "name=b,value=TRUE,type=bool",
            "name=c,value=x;y,type=list",
            "name=d,value=k:v;w;k2:v2,type=dict",
            "name=e,value=s",
        ]
        .iter()
        .map(|s| parse_extra_property(s).unwrap())
        .collect();
        let mut attrs = Map::new();
        extra_properties(&props, &mut attrs).unwrap();
        assert_eq!(
            Value::Object(attrs),
            json!({"a": 1, "b": true, "c": ["x", "y"], "d": {"k": "v;w", "k2": "v2"}, "e": "s"})
        );
    }

    #[test]
    fn show_columns_rename_hide_and_sort() {
        let body = json!({"id": "n", "admin_state_up": false, "router:external": true,
            "tenant_id": "p", "subnets": ["b", "a"]});
        let r = show_record(
            &net::NETWORK,
            &body,
            &[
                ("is_admin_state_up", "admin_state_up"),
                ("is_router_external", "router:external"),
                ("subnet_ids", "subnets"),
            ],
            &["location", "tenant_id"],
            &[
                ("is_admin_state_up", Fmt::AdminState),
                ("is_router_external", Fmt::RouterExternal),
                ("subnet_ids", Fmt::List),
                ("tags", Fmt::List),
            ],
        );
        let names: Vec<&str> = r.fields.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.is_sorted());
        assert!(!names.contains(&"tenant_id") && !names.contains(&"location"));
        let get = |n: &str| {
            r.fields
                .iter()
                .find(|(k, _)| k == n)
                .unwrap()
                .1
                .table_text()
        };
        assert_eq!(get("admin_state_up"), "DOWN");
        assert_eq!(get("router:external"), "External");
        assert_eq!(get("subnets"), "a, b");
        assert_eq!(get("tags"), "");
    }
}
