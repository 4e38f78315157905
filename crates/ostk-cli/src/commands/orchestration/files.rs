//! heatclient's template_utils, client side: reading a template (local path or URL), the
//! files it references (`get_file`, nested templates as resource `type: x.yaml`) resolved
//! against its own location into heat's `files` map, environments (`-e`, merged in order,
//! their resource registries resolved alike) and `--parameter-file` contents.

use super::py_json;
use crate::error::CliError;
use serde_json::{Map, Value};
use url::Url;

/// Where template bytes come from: local files directly, URLs through the caller.
pub type Fetch<'a> = dyn FnMut(&Url) -> Result<Vec<u8>, String> + 'a;

/// Reads `file:` URLs from disk, with urllib's error wording; other schemes go to `remote`.
pub fn fetcher<'a>(
    mut remote: impl FnMut(&Url) -> Result<Vec<u8>, String> + 'a,
) -> impl FnMut(&Url) -> Result<Vec<u8>, String> + 'a {
    move |u: &Url| {
        if u.scheme() == "file" {
            let path = u
                .to_file_path()
                .map_err(|_| format!("<urlopen error file not on local host: {u}>"))?;
            std::fs::read(&path).map_err(|e| {
                let errno = e.raw_os_error().unwrap_or(0);
                let text = e.to_string();
                let text = text.split(" (os error").next().unwrap_or(&text);
                format!(
                    "<urlopen error [Errno {errno}] {text}: {}>",
                    ostk_output::py_repr_str(&path.to_string_lossy())
                )
            })
        } else {
            remote(u)
        }
    }
}

/// heatclient's `normalise_file_path_to_url`: a URL stays, a path becomes an absolute
/// `file://` URL.
pub fn to_url(path: &str) -> Result<Url, CliError> {
    if let Ok(u) = Url::parse(path) {
        return Ok(u);
    }
    let p = std::path::Path::new(path);
    let abs = std::fs::canonicalize(p)
        .or_else(|_| std::path::absolute(p))
        .map_err(|e| CliError::Message(format!("{path}: {e}")))?;
    Url::from_file_path(&abs).map_err(|_| CliError::Message(format!("invalid path {path}")))
}

/// `urljoin(base + '/', value)` (heatclient resolves references against the template's
/// directory).
fn join(base: &Url, value: &str) -> Option<Url> {
    let mut b = base.clone();
    let dir = match b.path().rfind('/') {
        Some(i) => b.path()[..=i].to_string(),
        None => "/".into(),
    };
    b.set_path(&dir);
    b.join(value).ok()
}

/// heatclient's `template_format.parse`: JSON when it starts with `{`, else YAML (dates stay
/// strings); a template must name its format version.
pub fn parse_template(text: &str) -> Result<Value, String> {
    let t = text.trim();
    let v = if t.starts_with('{') {
        serde_json::from_str(t).map_err(|e| e.to_string())?
    } else {
        match ostk_sdk::config::yaml::parse_yaml(t) {
            Ok(Value::Null) => Value::Object(Map::new()),
            Ok(v) => v,
            Err(e) => return Err(e.to_string()),
        }
    };
    let has = |k: &str| v.get(k).is_some();
    if !(has("HeatTemplateFormatVersion")
        || has("heat_template_version")
        || has("AWSTemplateFormatVersion"))
    {
        return Err("Template format version not found.".into());
    }
    Ok(v)
}

/// File contents as heat's files map holds them: text, or base64 for binary files.
fn content_text(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            use base64::Engine;
            // Python's base64.encodebytes: lines of 76 characters, each ending in a newline
            let b = base64::engine::general_purpose::STANDARD.encode(e.as_bytes());
            let mut out = String::new();
            for chunk in b.as_bytes().chunks(76) {
                out.push_str(std::str::from_utf8(chunk).unwrap_or(""));
                out.push('\n');
            }
            out
        }
    }
}

/// heatclient's `get_template_contents` for a URL: the parsed template, its referenced files
/// added to `files`.
pub fn template_contents(
    url: &Url,
    files: &mut Map<String, Value>,
    fetch: &mut Fetch<'_>,
    fetch_child: bool,
) -> Result<Value, CliError> {
    let bytes = fetch(url).map_err(CliError::Message)?;
    if bytes.is_empty() {
        return Err(CliError::Message(format!(
            "Could not fetch template from {url}"
        )));
    }
    let text = String::from_utf8_lossy(&bytes);
    let mut template = parse_template(&text)
        .map_err(|e| CliError::Message(format!("Error parsing template {url} {e}")))?;
    if fetch_child {
        resolve_files(
            &mut template,
            files,
            url,
            fetch,
            &|key, value| {
                (key == "get_file" || key == "type")
                    && value.as_str().is_some_and(|s| {
                        key == "get_file" || s.ends_with(".yaml") || s.ends_with(".template")
                    })
            },
            true,
        )?;
    }
    Ok(template)
}

/// heatclient's `get_file_contents`: every `key: value` that `wanted` picks (recursing into
/// nested values when `recurse`) names a file relative to `base`; its contents go into
/// `files` (templates as their JSON) and the value becomes the absolute URL.
fn resolve_files(
    data: &mut Value,
    files: &mut Map<String, Value>,
    base: &Url,
    fetch: &mut Fetch<'_>,
    wanted: &dyn Fn(&str, &Value) -> bool,
    recurse: bool,
) -> Result<(), CliError> {
    if recurse {
        match data {
            Value::Object(m) => {
                for v in m.values_mut() {
                    resolve_files(v, files, base, fetch, wanted, recurse)?;
                }
            }
            Value::Array(a) => {
                for v in a {
                    resolve_files(v, files, base, fetch, wanted, recurse)?;
                }
            }
            _ => {}
        }
    }
    let Value::Object(m) = data else {
        return Ok(());
    };
    for (k, v) in m.iter_mut() {
        if !wanted(k, v) {
            continue;
        }
        let Some(rel) = v.as_str() else { continue };
        let Some(u) = join(base, rel) else { continue };
        let key = u.to_string();
        if !files.contains_key(&key) {
            let bytes = fetch(&u)
                .map_err(|_| CliError::Message(format!("Could not fetch contents for {key}")))?;
            let text = content_text(bytes);
            let content = if parse_template(&text).is_ok() {
                let t = template_contents(&u, files, fetch, true)?;
                py_json(&t, None, true)
            } else {
                text
            };
            files.insert(key.clone(), Value::String(content));
        }
        *v = Value::String(key);
    }
    Ok(())
}

/// heatclient's `deep_update`: nested mappings merged, a `None` never replaces a mapping.
fn deep_update(old: &mut Value, new: Map<String, Value>) {
    if !old.is_object() {
        *old = Value::Object(Map::new());
    }
    let o = old.as_object_mut().expect("made an object above");
    for (k, v) in new {
        match v {
            Value::Object(inner) => {
                let slot = o.entry(k).or_insert(Value::Object(Map::new()));
                deep_update(slot, inner);
            }
            Value::Null if o.get(&k).is_some_and(Value::is_object) => {}
            other => {
                o.insert(k, other);
            }
        }
    }
}

const ENV_SECTIONS: [&str; 6] = [
    "parameter_defaults",
    "parameters",
    "resource_registry",
    "encrypted_param_names",
    "event_sinks",
    "parameter_merge_strategies",
];

/// heatclient's `environment_format.parse`.
fn parse_environment(text: &str) -> Result<Map<String, Value>, String> {
    let v = ostk_sdk::config::yaml::parse_yaml(text).map_err(|e| e.to_string())?;
    let m = match v {
        Value::Null => Map::new(),
        Value::Object(m) => m,
        _ => return Err("The environment is not a valid YAML mapping data type.".into()),
    };
    if let Some(k) = m.keys().find(|k| !ENV_SECTIONS.contains(&k.as_str())) {
        return Err(format!("environment has wrong section \"{k}\""));
    }
    Ok(m)
}

/// What the environments (`-e`, in order) add to a request: their files, the merged
/// environment and the list of their URLs (heat merges them again server side).
#[derive(Default)]
pub struct Environments {
    /// Files the environments reference, and the environments themselves.
    pub files: Map<String, Value>,
    /// The merged environment.
    pub env: Value,
    /// `environment_files`.
    pub urls: Vec<String>,
}

/// heatclient's `process_multiple_environments_and_files`; `track` is its `env_list_tracker`
/// (the environments' URLs listed, their contents in the files).
pub fn environments(
    paths: &[String],
    fetch: &mut Fetch<'_>,
    fetch_env_files: bool,
    track: bool,
) -> Result<Environments, CliError> {
    let mut out = Environments {
        env: Value::Object(Map::new()),
        ..Default::default()
    };
    for path in paths {
        if !fetch_env_files {
            if track {
                out.urls.push(path.clone());
            }
            continue;
        }
        let url = to_url(path)?;
        let bytes = fetch(&url).map_err(CliError::Message)?;
        let mut env =
            parse_environment(&String::from_utf8_lossy(&bytes)).map_err(CliError::Message)?;
        if let Some(rr) = env.get_mut("resource_registry") {
            resolve_registry(rr, &mut out.files, &url, fetch)?;
        }
        if track {
            out.files.insert(
                url.to_string(),
                Value::String(py_json(&Value::Object(env.clone()), None, true)),
            );
            out.urls.push(url.to_string());
        }
        deep_update(&mut out.env, env);
    }
    Ok(out)
}

/// heatclient's `resolve_environment_urls`.
fn resolve_registry(
    rr: &mut Value,
    files: &mut Map<String, Value>,
    env_url: &Url,
    fetch: &mut Fetch<'_>,
) -> Result<(), CliError> {
    if rr.is_null() {
        return Ok(());
    }
    let base = match rr.get("base_url").and_then(Value::as_str) {
        Some(b) => Url::parse(b).unwrap_or_else(|_| env_url.clone()),
        None => env_url.clone(),
    };
    let wanted = |k: &str, v: &Value| {
        k != "base_url"
            && k != "hooks"
            && k != "restricted_actions"
            && v.as_str().is_some_and(|s| !s.contains("::"))
    };
    resolve_files(rr, files, &base, fetch, &wanted, false)?;
    if let Some(Value::Object(res)) = rr.get_mut("resources") {
        for r in res.values_mut() {
            let rb = match r.get("base_url").and_then(Value::as_str) {
                Some(b) => Url::parse(b).unwrap_or_else(|_| base.clone()),
                None => base.clone(),
            };
            resolve_files(r, files, &rb, fetch, &wanted, false)?;
        }
    }
    Ok(())
}

/// heatclient's `hooks_to_env`: `a/b/res` → `resource_registry.resources.a.b.res.hooks`.
pub fn hooks_to_env(env: &mut Value, hooks: &[String], hook: &str) {
    if !env.is_object() {
        *env = Value::Object(Map::new());
    }
    let rr = env
        .as_object_mut()
        .expect("an object")
        .entry("resource_registry")
        .or_insert_with(|| Value::Object(Map::new()));
    let mut_obj = |v: &mut Value| {
        if !v.is_object() {
            *v = Value::Object(Map::new());
        }
    };
    mut_obj(rr);
    for decl in hooks {
        let mut node = rr
            .as_object_mut()
            .expect("an object")
            .entry("resources")
            .or_insert_with(|| Value::Object(Map::new()));
        mut_obj(node);
        for part in decl.split('/').filter(|p| !p.is_empty()) {
            node = node
                .as_object_mut()
                .expect("an object")
                .entry(part)
                .or_insert_with(|| Value::Object(Map::new()));
            mut_obj(node);
        }
        node.as_object_mut()
            .expect("an object")
            .insert("hooks".into(), Value::String(hook.into()));
    }
}

/// heatclient's `format_parameter_file`: `key=file` pairs whose values are the files'
/// contents (relative to the template's directory when there is a template).
pub fn parameter_files(
    params: &[String],
    template: Option<&str>,
    fetch: &mut Fetch<'_>,
) -> Result<Map<String, Value>, CliError> {
    if params.is_empty() {
        return Ok(Map::new());
    }
    let pairs = super::format_parameters(params, false)?;
    let base = match template {
        Some(t) => Some(to_url(t)?),
        None => None,
    };
    let mut out = Map::new();
    for (k, v) in pairs {
        let file = v.as_str().unwrap_or("").to_string();
        let u = match &base {
            Some(b) => join(b, &file),
            None => to_url(&file).ok(),
        }
        .ok_or_else(|| CliError::Message(format!("Could not fetch contents for {file}")))?;
        let bytes = fetch(&u)
            .map_err(|_| CliError::Message(format!("Could not fetch contents for {u}")))?;
        out.insert(k, Value::String(content_text(bytes)));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fake(
        files: &'static [(&'static str, &'static str)],
    ) -> impl FnMut(&Url) -> Result<Vec<u8>, String> {
        move |u: &Url| {
            files
                .iter()
                .find(|(k, _)| *k == u.as_str())
                .map(|(_, v)| v.as_bytes().to_vec())
                .ok_or_else(|| format!("missing {u}"))
        }
    }

    #[test]
    fn nested_templates_and_get_file_are_collected() {
        let mut fetch = fake(&[
            (
                "file:///t/main.yaml",
                "heat_template_version: 2018-08-31\nresources:\n  n:\n    type: sub/nested.yaml\n  c:\n    type: OS::Heat::None\n    properties:\n      x: {get_file: data.txt}\n",
            ),
            (
                "file:///t/sub/nested.yaml",
                "heat_template_version: 2016-04-08\n",
            ),
            ("file:///t/data.txt", "hello"),
        ]);
        let mut files = Map::new();
        let t = template_contents(
            &Url::parse("file:///t/main.yaml").unwrap(),
            &mut files,
            &mut fetch,
            true,
        )
        .unwrap();
        assert_eq!(t["heat_template_version"], json!("2018-08-31"));
        assert_eq!(
            t["resources"]["n"]["type"],
            json!("file:///t/sub/nested.yaml")
        );
        assert_eq!(
            t["resources"]["c"]["properties"]["x"]["get_file"],
            json!("file:///t/data.txt")
        );
        assert_eq!(files["file:///t/data.txt"], json!("hello"));
        assert_eq!(
            files["file:///t/sub/nested.yaml"],
            json!("{\"heat_template_version\": \"2016-04-08\"}")
        );
    }

    #[test]
    fn templates_need_a_version() {
        assert_eq!(
            parse_template("foo: bar").unwrap_err(),
            "Template format version not found."
        );
        assert!(parse_template("{\"heat_template_version\": \"2015-04-30\"}").is_ok());
    }

    #[test]
    fn environments_merge_deeply_and_hooks_nest() {
        let mut fetch = fake(&[
            (
                "file:///e/a.yaml",
                "parameters:\n  x: 1\nresource_registry:\n  My::T: t.yaml\n",
            ),
            ("file:///e/b.yaml", "parameters:\n  y: 2\n"),
            ("file:///e/t.yaml", "heat_template_version: 2018-08-31\n"),
        ]);
        let e = environments(
            &["file:///e/a.yaml".into(), "file:///e/b.yaml".into()],
            &mut fetch,
            true,
            true,
        )
        .unwrap();
        assert_eq!(e.env["parameters"], json!({"x": 1, "y": 2}));
        assert_eq!(
            e.env["resource_registry"]["My::T"],
            json!("file:///e/t.yaml")
        );
        assert_eq!(e.urls, vec!["file:///e/a.yaml", "file:///e/b.yaml"]);
        assert!(e.files.contains_key("file:///e/t.yaml"));
        let mut env = json!({});
        hooks_to_env(&mut env, &["a/b/res".into(), "top".into()], "pre-create");
        assert_eq!(
            env,
            json!({"resource_registry": {"resources": {"a": {"b": {"res": {"hooks": "pre-create"}}}, "top": {"hooks": "pre-create"}}}})
        );
    }
}
