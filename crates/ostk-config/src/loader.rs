//! The resolution pipeline: openstacksdk's `OpenStackConfig` as subclassed by
//! osc-lib (`OSC_Config`) and driven by python-openstackclient's shell.
//!
//! This module owns the order of operations: file discovery and loading,
//! secure-file merge, the implicit `envvars` cloud, default-cloud selection,
//! vendor profile expansion, region selection, argparse-namespace merge,
//! `magic_fixes` (backwards-compat key renames), `normalize_keys`, osc-lib's
//! `auth_config_hook` and `str.format` expansion. It produces the final
//! config dict exactly as `openstack configuration show` prints it.

use crate::error::ConfigError;
use crate::fs::{Fs, ReadOutcome};
use crate::options::{Args, Env};
use crate::pyval::{
    auth_update, get_boolean, merge_clouds, normalize_keys, py_format, py_repr, py_str, truthy,
};
use crate::vendors::{self, Profile};
use crate::yaml::{DocError, parse_document};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// osc-lib version python-openstackclient reports in `additional_user_agent`.
pub const OSC_LIB_VERSION: &str = "4.7.0";

type Dict = Map<String, Value>;

/// `openstack.config.defaults.get_defaults()` (defaults.json plus the Python
/// specific keys), in Python's insertion order.
pub fn sdk_defaults() -> Dict {
    let v = serde_json::json!({
        "api_timeout": null,
        "verify": true,
        "cacert": null,
        "cert": null,
        "key": null,
        "auth_type": "password",
        "baremetal_status_code_retries": 5,
        "baremetal_introspection_status_code_retries": 5,
        "image_status_code_retries": 5,
        "disable_vendor_agent": {},
        "interface": "public",
        "floating_ip_source": "neutron",
        "image_api_use_tasks": false,
        "image_format": "qcow2",
        "message": "",
        "network_api_version": "2",
        "object_store_api_version": "1",
        "secgroup_source": "neutron",
        "status": "active"
    });
    match v {
        Value::Object(m) => m,
        _ => Dict::new(),
    }
}

/// State after loading files and the environment (`OpenStackConfig.__init__`).
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The clouds file used, if any.
    pub config_filename: Option<PathBuf>,
    /// The secure file used, if any.
    pub secure_config_filename: Option<PathBuf>,
    /// `clouds:` after the secure merge and the `envvars` cloud.
    pub clouds: Dict,
    /// Defaults with osc overrides (`interface`, `auth_type`).
    pub defaults: Dict,
    /// `OS_CLOUD_NAME` or `envvars`.
    pub envvar_key: String,
    /// Cloud used when none is requested.
    pub default_cloud: Option<String>,
    /// `clouds-public` file (loaded lazily by openstacksdk; eagerly here).
    pub vendor_file: Option<(PathBuf, Value)>,
    /// Warnings openstacksdk would log (skipped files, missing profiles).
    pub warnings: Vec<String>,
    /// Remote vendor profile documents the caller fetched ([`Fs::remote_profiles`]).
    pub remote_profiles: std::collections::BTreeMap<String, Value>,
}

fn load_first(
    fs: &Fs,
    files: &[PathBuf],
    warnings: &mut Vec<String>,
) -> Result<Option<(PathBuf, Value)>, ConfigError> {
    for path in files {
        match fs.read(path) {
            ReadOutcome::Missing => continue,
            ReadOutcome::Unreadable(e) => {
                warnings.push(format!("Skipping config file {}: {e}", path.display()));
                continue;
            }
            ReadOutcome::TooLarge(size) => {
                return Err(ConfigError::FileTooLarge {
                    path: path.clone(),
                    size,
                });
            }
            ReadOutcome::Text(text) => {
                let name = path.to_string_lossy();
                match parse_document(&name, &text) {
                    Ok(v) => return Ok(Some((path.clone(), v))),
                    Err(DocError::TooLarge(size)) => {
                        return Err(ConfigError::FileTooLarge {
                            path: path.clone(),
                            size: size as u64,
                        });
                    }
                    Err(DocError::TooComplex(reason)) => {
                        return Err(ConfigError::TooComplex {
                            path: path.clone(),
                            reason,
                        });
                    }
                    Err(e @ DocError::Syntax { .. }) => {
                        warnings.push(format!("Skipping config file {}: {e}", path.display()));
                        continue;
                    }
                }
            }
        }
    }
    Ok(None)
}

fn validate_file(path: &Path, data: &Value, warnings: &mut Vec<String>) -> Result<(), ConfigError> {
    let Value::Object(m) = data else {
        return Err(ConfigError::NotAMapping {
            path: path.to_path_buf(),
        });
    };
    if !m.contains_key("clouds") {
        warnings.push(format!(
            "Configuration file {} does not contain a 'clouds' key",
            path.display()
        ));
    }
    Ok(())
}

/// `OpenStackConfig._get_os_environ`.
fn os_environ(env: &Env) -> Option<Dict> {
    let mut ret = sdk_defaults();
    let mut any_non_selector = false;
    for (k, v) in env.iter() {
        if !k.starts_with("OS_")
            || k.starts_with("OS_TEST")
            || k.starts_with("OS_STD")
            || k.starts_with("OS_LOG")
        {
            continue;
        }
        let newkey = k
            .split_once('_')
            .map(|(_, r)| r)
            .unwrap_or(k)
            .to_lowercase();
        ret.insert(newkey, Value::String(v.to_string()));
        if !matches!(
            k,
            "OS_CLOUD"
                | "OS_REGION_NAME"
                | "OS_CLIENT_CONFIG_FILE"
                | "OS_CLIENT_SECURE_FILE"
                | "OS_CLOUD_NAME"
        ) {
            any_non_selector = true;
        }
    }
    any_non_selector.then_some(ret)
}

/// `OSC_Config(override_defaults={'interface': 'public', 'auth_type': ...})`.
pub fn load(env: &Env, fs: &Fs, default_auth_type: &str) -> Result<Loaded, ConfigError> {
    let mut warnings = Vec::new();
    let mut config_files = fs.candidates("clouds");
    let mut secure_files = fs.candidates("secure");
    let vendor_files = fs.candidates("clouds-public");
    if let Some(p) = env.nonempty("OS_CLIENT_CONFIG_FILE") {
        config_files.insert(0, relative_to(fs, p));
    }
    if let Some(p) = env.nonempty("OS_CLIENT_SECURE_FILE") {
        secure_files.insert(0, relative_to(fs, p));
    }
    let mut defaults = sdk_defaults();
    defaults.insert("interface".into(), Value::String("public".into()));
    defaults.insert("auth_type".into(), Value::String(default_auth_type.into()));

    let mut config_filename = None;
    let mut cloud_config: Value = Value::Null;
    if let Some((path, data)) = load_first(fs, &config_files, &mut warnings)? {
        if truthy(&data) {
            validate_file(&path, &data, &mut warnings)?;
        }
        config_filename = Some(path);
        cloud_config = data;
    }
    let mut secure_config_filename = None;
    if let Some((path, data)) = load_first(fs, &secure_files, &mut warnings)? {
        if truthy(&data) {
            validate_file(&path, &data, &mut warnings)?;
            let base = match &cloud_config {
                Value::Object(m) if !m.is_empty() => m.clone(),
                _ => Dict::new(),
            };
            if let Value::Object(sec) = &data {
                cloud_config = Value::Object(merge_clouds(&base, sec));
            }
        }
        secure_config_filename = Some(path);
    }
    let mut clouds = match &cloud_config {
        Value::Object(m) if !m.is_empty() => match m.get("clouds") {
            Some(Value::Object(c)) => c.clone(),
            // `clouds: null` or a non-mapping: openstacksdk would crash later;
            // treat as no clouds.
            _ => Dict::new(),
        },
        _ => Dict::new(),
    };

    let envvar_key = env.get("OS_CLOUD_NAME").unwrap_or("envvars").to_string();
    if clouds.contains_key(&envvar_key) {
        return Err(ConfigError::EnvCloudNameClash {
            path: config_filename.clone(),
            name: envvar_key,
        });
    }
    let mut default_cloud = env.get("OS_CLOUD").map(str::to_string);
    if let Some(envvars) = os_environ(env) {
        clouds.insert(envvar_key.clone(), Value::Object(envvars));
        if default_cloud.as_deref().is_none_or(|c| c.is_empty()) {
            default_cloud = Some(envvar_key.clone());
        }
    }
    if default_cloud.as_deref().is_none_or(|c| c.is_empty()) && clouds.len() == 1 {
        default_cloud = clouds.keys().next().cloned();
    }
    if clouds.is_empty() {
        clouds.insert("defaults".into(), Value::Object(defaults.clone()));
        default_cloud = Some("defaults".into());
    }
    let vendor_file = load_first(fs, &vendor_files, &mut warnings)?;
    Ok(Loaded {
        config_filename,
        secure_config_filename,
        clouds,
        defaults,
        envvar_key,
        default_cloud,
        vendor_file,
        warnings,
        remote_profiles: fs.remote_profiles.clone(),
    })
}

fn relative_to(fs: &Fs, p: &str) -> PathBuf {
    let path = PathBuf::from(p);
    if path.is_absolute() {
        path
    } else {
        fs.cwd.join(path)
    }
}

impl Loaded {
    /// Names of the clouds (file-defined, then `envvars`).
    pub fn cloud_names(&self) -> Vec<String> {
        // Without any clouds file openstacksdk invents a cloud named `defaults`; it is not one
        // the user could have meant.
        self.clouds
            .keys()
            .filter(|k| self.config_filename.is_some() || k.as_str() != "defaults")
            .cloned()
            .collect()
    }

    fn our_cloud(&self, name: Option<&str>) -> Dict {
        match name.and_then(|n| self.clouds.get(n)) {
            Some(Value::Object(m)) => m.clone(),
            _ => Dict::new(),
        }
    }

    /// `vendors.get_profile`: a built-in profile, or a remote one from its fetched
    /// `/.well-known/openstack/api` document (`{name, profile}`: the document's profile merged
    /// under the built-in profile of that name, whose settings win); `None` for an unknown name.
    fn profile(&self, name: &str) -> Result<Option<Dict>, ConfigError> {
        match vendors::get_profile(name) {
            Profile::Found(d) => Ok(Some(d)),
            Profile::NotFound => Ok(None),
            Profile::Remote(url) => {
                let Some(doc) = self.remote_profiles.get(&url) else {
                    return Err(ConfigError::RemoteProfile {
                        profile: name.to_string(),
                        url,
                    });
                };
                let remote = doc
                    .get("profile")
                    .and_then(Value::as_object)
                    .cloned()
                    .unwrap_or_default();
                let named = match doc
                    .get("name")
                    .and_then(Value::as_str)
                    .map(vendors::get_profile)
                {
                    Some(Profile::Found(d)) => d,
                    _ => Dict::new(),
                };
                let mut merged = crate::pyval::merge_clouds(&remote, &named);
                merged.shift_remove("profile");
                Ok(Some(merged))
            }
        }
    }

    /// `_expand_vendor_profile`.
    fn expand_vendor_profile(
        &mut self,
        name: Option<&str>,
        cloud: &mut Dict,
        our_cloud: &Dict,
    ) -> Result<(), ConfigError> {
        let profile_name = match our_cloud.get("profile").or_else(|| our_cloud.get("cloud")) {
            Some(v) if truthy(v) => py_str(v),
            _ => return Ok(()),
        };
        if profile_name == self.envvar_key {
            return Ok(());
        }
        if let Some((_, Value::Object(vf))) = &self.vendor_file
            && let Some(Value::Object(pc)) = vf.get("public-clouds")
            && let Some(p) = pc.get(&profile_name)
        {
            if let Value::Object(p) = p {
                auth_update(cloud, p);
            }
            return Ok(());
        }
        let mut data = match self.profile(&profile_name)? {
            Some(d) => d,
            None => {
                self.warnings.push(format!(
                    "Couldn't find the vendor profile {profile_name} for the cloud {}",
                    name.unwrap_or("None")
                ));
                return Ok(());
            }
        };
        if let Some(nested) = data.shift_remove("profile") {
            let nested = py_str(&nested);
            if let Some(d) = self.profile(&nested)? {
                data = d;
            }
        }
        let status = data.shift_remove("status").map(|v| py_str(&v));
        let message = data
            .shift_remove("message")
            .map(|v| py_str(&v))
            .unwrap_or_default();
        match status.as_deref() {
            Some("deprecated") => self
                .warnings
                .push(format!("{profile_name} is deprecated: {message}")),
            Some("shutdown") => {
                return Err(ConfigError::ProfileShutdown {
                    name: profile_name,
                    message,
                });
            }
            _ => {}
        }
        auth_update(cloud, &data);
        Ok(())
    }

    /// `_get_base_cloud_config`.
    fn base_cloud_config(&mut self, name: Option<&str>) -> Result<Dict, ConfigError> {
        if let Some(n) = name.filter(|n| !n.is_empty())
            && !self.clouds.contains_key(n)
        {
            return Err(ConfigError::CloudNotFound {
                name: n.to_string(),
                known: self.cloud_names(),
            });
        }
        let our_cloud = self.our_cloud(name);
        let mut cloud = self.defaults.clone();
        self.expand_vendor_profile(name, &mut cloud, &our_cloud)?;
        if !cloud.contains_key("auth") {
            cloud.insert("auth".into(), Value::Object(Dict::new()));
        }
        auth_update(&mut cloud, &our_cloud);
        cloud.shift_remove("cloud");
        Ok(cloud)
    }

    /// `_get_known_regions`.
    fn known_regions(&mut self, cloud: &str) -> Result<Vec<(Value, Dict)>, ConfigError> {
        let raw = self.our_cloud(Some(cloud));
        let config = normalize_keys(&raw);
        if let Some(r) = config.get("regions") {
            return expand_regions(r);
        }
        if let Some(r) = config.get("region_name") {
            let list = match r {
                Value::Array(a) => Value::Array(a.clone()),
                Value::String(s) => {
                    Value::Array(s.split(',').map(|x| Value::String(x.to_string())).collect())
                }
                other => Value::Array(vec![other.clone()]),
            };
            if list.as_array().is_some_and(|a| a.len() > 1) {
                self.warnings.push(format!(
                    "Comma separated lists in region_name are deprecated. Please use a yaml list in the regions parameter in {} instead.",
                    self.config_filename.as_ref().map(|p| p.display().to_string()).unwrap_or_else(|| "None".into())
                ));
            }
            return expand_regions(&list);
        }
        let mut new_cloud = Dict::new();
        self.expand_vendor_profile(Some(cloud), &mut new_cloud, &raw)?;
        if let Some(r) = new_cloud.get("regions").filter(|v| truthy(v)) {
            return expand_regions(r);
        }
        if let Some(r) = new_cloud.get("region_name").filter(|v| truthy(v)) {
            return Ok(vec![(r.clone(), Dict::new())]);
        }
        Ok(Vec::new())
    }

    /// `_get_region`.
    fn region(
        &mut self,
        cloud: Option<&str>,
        region_name: &Value,
    ) -> Result<(Value, Dict), ConfigError> {
        let Some(cloud) = cloud.filter(|c| !c.is_empty()) else {
            return Ok((region_name.clone(), Dict::new()));
        };
        let regions = self.known_regions(cloud)?;
        if regions.is_empty() {
            return Ok((region_name.clone(), Dict::new()));
        }
        if !truthy(region_name) {
            return Ok(regions[0].clone());
        }
        for r in &regions {
            if &r.0 == region_name {
                return Ok(r.clone());
            }
        }
        Err(ConfigError::InvalidRegion {
            region: py_str(region_name),
            cloud: cloud.to_string(),
            valid: regions.iter().map(|r| py_str(&r.0)).collect(),
        })
    }
}

fn expand_regions(regions: &Value) -> Result<Vec<(Value, Dict)>, ConfigError> {
    let list: Vec<Value> = match regions {
        Value::Array(a) => a.clone(),
        // Python iterates a string's characters / a dict's keys.
        Value::String(s) => s.chars().map(|c| Value::String(c.to_string())).collect(),
        Value::Object(m) => m.keys().map(|k| Value::String(k.clone())).collect(),
        _ => Vec::new(),
    };
    let mut ret = Vec::new();
    for region in list {
        match region {
            Value::Object(m) => {
                if !m.contains_key("name") || m.keys().any(|k| k != "name" && k != "values") {
                    return Err(ConfigError::InvalidRegionEntry(py_repr(&Value::Object(m))));
                }
                let values = match m.get("values") {
                    Some(Value::Object(v)) => v.clone(),
                    _ => Dict::new(),
                };
                ret.push((m["name"].clone(), values));
            }
            other => ret.push((other, Dict::new())),
        }
    }
    Ok(ret)
}

/// `OpenStackConfig._fix_args`: drop None/'' values, `-` → `_`, strip `os_`
/// prefixes (those win over unprefixed keys).
fn fix_args(args: &Dict) -> Dict {
    let mut os_args = Dict::new();
    let mut new_args = Dict::new();
    for (key, val) in args {
        if let Value::Object(m) = val {
            new_args.insert(key.clone(), Value::Object(fix_args(m)));
            continue;
        }
        let key = key.replace('-', "_");
        if let Some(k) = key.strip_prefix("os_") {
            os_args.insert(k.to_string(), val.clone());
        } else {
            new_args.insert(key, val.clone());
        }
    }
    for (k, v) in os_args {
        new_args.insert(k, v);
    }
    new_args
}

fn fix_backwards_api_timeout(cloud: Dict) -> Dict {
    let mut new_cloud = Dict::new();
    let mut service_timeout = None;
    for (k, v) in cloud {
        if k.ends_with("timeout") && k != "timeout" && k != "api_timeout" {
            service_timeout = Some(v);
        } else {
            new_cloud.insert(k, v);
        }
    }
    if let Some(t) = service_timeout.filter(|t| !t.is_null()) {
        new_cloud.insert("api_timeout".into(), t);
    }
    new_cloud
}

fn fix_backwards_auth_plugin(cloud: &mut Dict) {
    let mut target = Value::Null;
    for key in ["auth_plugin", "auth_type"] {
        if let Some(v) = cloud.shift_remove(key) {
            target = v;
        }
    }
    cloud.insert("auth_type".into(), target);
}

fn auth_mut(cloud: &mut Dict) -> &mut Dict {
    if !matches!(cloud.get("auth"), Some(Value::Object(_))) {
        cloud.insert("auth".into(), Value::Object(Dict::new()));
    }
    match cloud.get_mut("auth") {
        Some(Value::Object(m)) => m,
        _ => unreachable!("auth was just made a mapping"),
    }
}

fn fix_backwards_auth(cloud: &mut Dict) {
    let mut mappings: Vec<(&str, Vec<&str>)> = vec![
        ("domain_id", vec!["domain_id", "domain-id"]),
        ("domain_name", vec!["domain_name", "domain-name"]),
        ("user_domain_id", vec!["user_domain_id", "user-domain-id"]),
        (
            "user_domain_name",
            vec!["user_domain_name", "user-domain-name"],
        ),
        (
            "project_domain_id",
            vec!["project_domain_id", "project-domain-id"],
        ),
        (
            "project_domain_name",
            vec!["project_domain_name", "project-domain-name"],
        ),
        ("token", vec!["auth-token", "auth_token", "token"]),
        ("passcode", vec!["passcode"]),
    ];
    if cloud.get("auth_type").and_then(Value::as_str) == Some("v2password") {
        mappings.push((
            "tenant_id",
            vec!["project_id", "project-id", "tenant_id", "tenant-id"],
        ));
        mappings.push((
            "tenant_name",
            vec!["project_name", "project-name", "tenant_name", "tenant-name"],
        ));
    } else {
        mappings.push((
            "project_id",
            vec!["tenant_id", "tenant-id", "project_id", "project-id"],
        ));
        mappings.push((
            "project_name",
            vec!["tenant_name", "tenant-name", "project_name", "project-name"],
        ));
    }
    for (target_key, possible) in mappings {
        let mut target: Option<String> = None;
        for key in possible {
            if let Some(v) = auth_mut(cloud).shift_remove(key) {
                target = Some(py_str(&v));
            }
            if let Some(v) = cloud.shift_remove(key) {
                target = Some(py_str(&v));
            }
        }
        if let Some(t) = target.filter(|t| !t.is_empty()) {
            auth_mut(cloud).insert(target_key.into(), Value::String(t));
        }
    }
}

fn fix_backwards_interface(cloud: Dict) -> Dict {
    let mut new_cloud = Dict::new();
    for (k, v) in cloud {
        let target = if k.ends_with("endpoint_type") {
            k.replace("endpoint_type", "interface")
        } else {
            k
        };
        new_cloud.insert(target, v);
    }
    new_cloud
}

fn fix_backwards_networks(cloud: &mut Dict, warnings: &mut Vec<String>) -> Result<(), ConfigError> {
    let mut networks: Vec<Dict> = Vec::new();
    if let Some(Value::Array(nets)) = cloud.get("networks") {
        for net in nets {
            let empty = Dict::new();
            let net = net.as_object().unwrap_or(&empty);
            let name = net
                .get("name")
                .filter(|v| truthy(v))
                .cloned()
                .ok_or_else(|| {
                    ConfigError::Networks(
                        "Entry in network list is missing required field \"name\".".into(),
                    )
                })?;
            let b = |k: &str| get_boolean(net.get(k).unwrap_or(&Value::Null));
            let routes = b("routes_externally");
            let mut n = Dict::new();
            n.insert("name".into(), name);
            n.insert("routes_externally".into(), Value::Bool(routes));
            n.insert("nat_source".into(), Value::Bool(b("nat_source")));
            n.insert("nat_destination".into(), Value::Bool(b("nat_destination")));
            n.insert(
                "default_interface".into(),
                Value::Bool(b("default_interface")),
            );
            let r4 = net
                .get("routes_ipv4_externally")
                .map(get_boolean)
                .unwrap_or(routes);
            let r6 = net
                .get("routes_ipv6_externally")
                .map(get_boolean)
                .unwrap_or(routes);
            n.insert("routes_ipv4_externally".into(), Value::Bool(r4));
            n.insert("routes_ipv6_externally".into(), Value::Bool(r6));
            networks.push(n);
        }
    }
    for key in ["external_network", "internal_network"] {
        let external = key.starts_with("external");
        if cloud.contains_key(key) && cloud.contains_key("networks") {
            return Err(ConfigError::Networks(format!(
                "Both {key} and networks were specified in the config. Please remove {key} from the config and use the network list to configure network behavior."
            )));
        }
        if let Some(v) = cloud.get(key) {
            warnings.push(format!(
                "{key} is deprecated. Please replace with an entry in a dict inside of the networks list with name: {} and routes_externally: {}",
                py_str(v),
                if external { "True" } else { "False" }
            ));
            let mut n = Dict::new();
            n.insert("name".into(), v.clone());
            n.insert("routes_externally".into(), Value::Bool(external));
            n.insert("nat_destination".into(), Value::Bool(!external));
            n.insert("default_interface".into(), Value::Bool(external));
            networks.push(n);
        }
    }
    for key in ["nat_destination", "default_interface"] {
        let mut seen: Option<&Dict> = None;
        for net in &networks {
            let flagged = net.get(key).is_some_and(truthy);
            if let (Some(first), true) = (seen, flagged) {
                return Err(ConfigError::Networks(format!(
                    "Duplicate network entries for {key}: {} and {}. Only one network can be flagged with {key}",
                    py_str(&first["name"]),
                    py_str(&net["name"])
                )));
            }
            if seen.is_none() && flagged {
                seen = Some(net);
            }
        }
    }
    cloud.insert(
        "networks".into(),
        Value::Array(networks.into_iter().map(Value::Object).collect()),
    );
    Ok(())
}

fn project_scoped(cloud: &Dict) -> bool {
    let auth = cloud.get("auth").and_then(Value::as_object);
    cloud.contains_key("project_id")
        || cloud.contains_key("project_name")
        || auth.is_some_and(|a| a.contains_key("project_id") || a.contains_key("project_name"))
}

fn handle_domain_id(cloud: &mut Dict) {
    for (target_key, possible) in [
        ("domain_id", ["user_domain_id", "project_domain_id"]),
        ("domain_name", ["user_domain_name", "project_domain_name"]),
    ] {
        if !project_scoped(cloud) {
            if cloud.contains_key(target_key)
                && !auth_mut(cloud).contains_key(target_key)
                && let Some(v) = cloud.shift_remove(target_key)
            {
                auth_mut(cloud).insert(target_key.into(), v);
            }
            continue;
        }
        for key in possible {
            let auth = auth_mut(cloud);
            if let Some(v) = auth.get(target_key).cloned()
                && !auth.contains_key(key)
            {
                auth.insert(key.into(), v);
            }
        }
        cloud.shift_remove(target_key);
        auth_mut(cloud).shift_remove(target_key);
    }
}

fn handle_value_types(cloud: &mut Dict) {
    for key in ["insecure", "cache"] {
        if let Some(v) = cloud.get(key)
            && !v.is_boolean()
        {
            let b = get_boolean(v);
            cloud.insert(key.into(), Value::Bool(b));
        }
    }
    if let Some(Value::String(s)) = cloud.get("auth_methods") {
        let parts = s.split(',').map(|p| Value::String(p.into())).collect();
        cloud.insert("auth_methods".into(), Value::Array(parts));
    }
}

fn magic_fixes(config: Dict, warnings: &mut Vec<String>) -> Result<Dict, ConfigError> {
    let mut config = fix_backwards_api_timeout(config);
    fix_backwards_auth_plugin(&mut config);
    fix_backwards_auth(&mut config);
    let mut config = fix_backwards_interface(config);
    fix_backwards_networks(&mut config, warnings)?;
    handle_domain_id(&mut config);
    handle_value_types(&mut config);
    let kwargs = config.clone();
    if let Some(Value::Object(auth)) = config.get_mut("auth")
        && let Some(Value::String(url)) = auth.get("auth_url")
    {
        let formatted = py_format(url, &kwargs).map_err(ConfigError::Format)?;
        auth.insert("auth_url".into(), Value::String(formatted));
    }
    Ok(config)
}

/// osc-lib `OSC_Config.auth_config_hook`.
fn auth_config_hook(config: &mut Dict, warnings: &mut Vec<String>) {
    let identity_version = config
        .get("identity_api_version")
        .map(py_str)
        .unwrap_or_default();
    let has_auth_type = config.get("auth_type").is_some_and(truthy);
    // _auth_select_default_plugin
    if !has_auth_type {
        let pick = |base: &str| -> String {
            if identity_version == "3" {
                format!("v3{base}")
            } else if identity_version.starts_with('2') {
                format!("v2{base}")
            } else {
                base.to_string()
            }
        };
        let t = if config.get("username").is_some_and(truthy) {
            pick("password")
        } else if config.get("token").is_some_and(truthy) {
            pick("token")
        } else {
            "password".to_string()
        };
        config.insert("auth_type".into(), Value::String(t));
    }
    let auth_type = config.get("auth_type").map(py_str).unwrap_or_default();
    // _auth_v2_arguments
    if auth_type.starts_with("v2") {
        let auth = auth_mut(config);
        if let Some(v) = auth.get("project_id").cloned() {
            auth.insert("tenant_id".into(), v);
        }
        if let Some(v) = auth.get("project_name").cloned() {
            auth.insert("tenant_name".into(), v);
        }
    }
    // _auth_v2_ignore_v3
    if identity_version.starts_with('2') && auth_type.ends_with("password") {
        for prop in [
            "project_domain_id",
            "project_domain_name",
            "user_domain_id",
            "user_domain_name",
        ] {
            if auth_mut(config)
                .shift_remove(prop)
                .is_some_and(|v| !v.is_null())
            {
                warnings.push(format!(
                    "Ignoring domain related config {prop} because identity API version is 2.0"
                ));
            }
        }
    }
    // _auth_default_domain
    let default_domain = config.get("default_domain").filter(|v| truthy(v)).cloned();
    if identity_version == "3"
        && !auth_type.is_empty()
        && !auth_type.starts_with("v2")
        && let Some(dd) = default_domain
        && matches!(auth_type.as_str(), "password" | "v3password" | "v3totp")
    {
        let auth = auth_mut(config);
        let set = |a: &Dict, k: &str| a.get(k).is_some_and(truthy);
        if !set(auth, "project_domain_id") && !set(auth, "project_domain_name") {
            auth.insert("project_domain_id".into(), dd.clone());
        }
        if !set(auth, "user_domain_id") && !set(auth, "user_domain_name") {
            auth.insert("user_domain_id".into(), dd);
        }
    }
}

/// The final config of `get_one(cloud, argparse=namespace, validate=False,
/// additional_user_agent=[('osc-lib', ...)])`, plus the cloud name used.
pub fn get_one(loaded: &mut Loaded, namespace: &Dict) -> Result<(String, Dict), ConfigError> {
    // kwargs first, then the non-empty namespace values.
    let mut raw = Dict::new();
    raw.insert("app_name".into(), Value::Null);
    raw.insert("app_version".into(), Value::Null);
    raw.insert(
        "additional_user_agent".into(),
        serde_json::json!([["osc-lib", OSC_LIB_VERSION]]),
    );
    for (k, v) in namespace {
        if !v.is_null() && v != &Value::String(String::new()) {
            raw.insert(k.clone(), v.clone());
        }
    }
    let mut args = fix_args(&raw);

    let cloud: Option<String> = match namespace.get("cloud") {
        Some(Value::String(s)) => Some(s.clone()),
        _ => match args.get("cloud") {
            Some(v) => Some(py_str(v)),
            None => loaded.default_cloud.clone(),
        },
    };
    let mut config = loaded.base_cloud_config(cloud.as_deref())?;

    let region_arg = args
        .get("region_name")
        .cloned()
        .unwrap_or_else(|| Value::String(String::new()));
    let (region_name, region_values) = loaded.region(cloud.as_deref(), &region_arg)?;
    args.insert("region_name".into(), region_name);
    config.shift_remove("regions");

    for arg_list in [&region_values, &args] {
        for (key, val) in arg_list {
            if val.is_null() {
                continue;
            }
            if key == "auth"
                && let (Some(Value::Object(auth)), Value::Object(v)) = (config.get_mut("auth"), val)
            {
                for (ak, av) in v {
                    auth.insert(ak.clone(), av.clone());
                }
                continue;
            }
            config.insert(key.clone(), val.clone());
        }
    }

    let mut warnings = std::mem::take(&mut loaded.warnings);
    let config = magic_fixes(config, &mut warnings)?;
    let mut config = normalize_keys(&config);
    auth_config_hook(&mut config, &mut warnings);
    loaded.warnings = warnings;

    // Expand "{key}" references in top-level string values (not password).
    let keys: Vec<String> = config.keys().cloned().collect();
    for key in keys {
        if key == "password" {
            continue;
        }
        if let Some(Value::String(s)) = config.get(&key) {
            let s = s.clone();
            let formatted = py_format(&s, &config).map_err(ConfigError::Format)?;
            config.insert(key, Value::String(formatted));
        }
    }
    config.shift_remove("force_ipv4");
    config.shift_remove("prefer_ipv6");
    let config = normalize_keys(&config);
    Ok((cloud.unwrap_or_default(), config))
}

/// Resolve end to end: namespace → load → get_one.
/// On failure, the warnings gathered before it (e.g. a skipped malformed file) come with the
/// error: they often explain it.
pub fn resolve_dict(
    args: &Args,
    env: &Env,
    fs: &Fs,
) -> Result<(String, Dict, Loaded), (ConfigError, Vec<String>)> {
    let (ns, default_auth_type) = crate::options::namespace(args, env)
        .map_err(|e| (ConfigError::Args(e.to_string()), Vec::new()))?;
    let mut loaded = load(env, fs, default_auth_type).map_err(|e| (e, Vec::new()))?;
    match get_one(&mut loaded, &ns) {
        Ok((name, config)) => Ok((name, config, loaded)),
        Err(e) => Err((e, loaded.warnings)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(v: Value) -> Dict {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn fix_args_strips_os_prefix_and_os_wins() {
        let a = obj(
            json!({"project_name": "p", "os_project_name": "t", "os_compute_api_version": "2.1"}),
        );
        let f = fix_args(&a);
        assert_eq!(f["project_name"], "t");
        assert_eq!(f["compute_api_version"], "2.1");
    }

    #[test]
    fn backwards_auth_prefers_top_level_and_tenant_maps_to_project() {
        let mut c = obj(
            json!({"auth": {"tenant_name": "a", "project_id": 5}, "project_name": "top", "auth_type": "password"}),
        );
        fix_backwards_auth(&mut c);
        assert_eq!(c["auth"], json!({"project_id": "5", "project_name": "top"}));
        let mut c = obj(json!({"auth": {"project_name": "p"}, "auth_type": "v2password"}));
        fix_backwards_auth(&mut c);
        assert_eq!(c["auth"], json!({"tenant_name": "p"}));
    }

    #[test]
    fn interface_and_timeout_renames() {
        let c = fix_backwards_interface(obj(
            json!({"compute_endpoint_type": "admin", "endpoint_type": "internal"}),
        ));
        assert_eq!(
            Value::Object(c),
            json!({"compute_interface": "admin", "interface": "internal"})
        );
        let c = fix_backwards_api_timeout(obj(json!({"login_timeout": "45", "timeout": 1})));
        assert_eq!(Value::Object(c), json!({"timeout": 1, "api_timeout": "45"}));
    }

    #[test]
    fn domain_id_fans_out_when_project_scoped() {
        let mut c = obj(json!({"auth": {"project_name": "p", "domain_id": "d"}}));
        handle_domain_id(&mut c);
        assert_eq!(
            c["auth"],
            json!({"project_name": "p", "user_domain_id": "d", "project_domain_id": "d"})
        );
        let mut c = obj(json!({"auth": {}, "domain_name": "D"}));
        handle_domain_id(&mut c);
        assert_eq!(c["auth"], json!({"domain_name": "D"}));
    }

    #[test]
    fn envvars_cloud_needs_a_non_selector() {
        assert!(
            os_environ(&Env::new().with("OS_CLOUD", "x").with("OS_REGION_NAME", "r")).is_none()
        );
        let e = os_environ(&Env::new().with("OS_USERNAME", "u").with("OS_TEST_X", "1")).unwrap();
        assert_eq!(e["username"], "u");
        assert!(!e.contains_key("test_x"));
        assert_eq!(e["auth_type"], "password");
    }
}
