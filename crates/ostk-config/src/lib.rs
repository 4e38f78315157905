//! Cloud configuration for `ostk`, resolved exactly as python-openstackclient
//! (osc-lib 4.7.0 over openstacksdk 4.22.0's config loader) does. No network.
//!
//! Entry point: [`CloudConfig::resolve`] with the user's global flags
//! ([`Args`]), an environment snapshot ([`Env`]) and filesystem roots ([`Fs`]).
//! The result keeps every key of the final config dict; typed accessors serve
//! later layers and [`CloudConfig::configuration_show`] reproduces
//! `openstack configuration show -f json [--mask|--unmask]`.
//!
//! Modules:
//! - [`options`]: global option table, `Args`, `Env`, argparse namespace.
//! - [`fs`]: search path and file reading shim.
//! - [`yaml`]: PyYAML-compatible document parsing with limits.
//! - [`pyval`]: Python value semantics (str/repr/format/merge helpers).
//! - [`vendors`]: built-in vendor profiles.
//! - [`plugins`]: keystoneauth auth types, options, secrets.
//! - [`loader`]: the resolution pipeline.
//! - [`error`]: the `ConfigError` type.

#![warn(missing_docs)]

pub mod error;
pub mod fs;
pub mod loader;
pub mod options;
pub mod plugins;
pub mod pyval;
pub mod vendors;
pub mod yaml;

pub use error::ConfigError;
pub use fs::Fs;
pub use options::{ArgValue, Args, Env};

use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// The value `openstack configuration show` prints for masked secrets.
pub const REDACTED: &str = "<redacted>";

/// A secret string: never shown by `Debug`/`Display`, its bytes overwritten with zeros when
/// dropped (copies made by [`Secret::expose`] callers — request bodies, headers — are theirs).
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Drop for Secret {
    fn drop(&mut self) {
        self.wipe();
    }
}

impl Secret {
    /// Wrap a value.
    pub fn new(s: impl Into<String>) -> Self {
        Secret(s.into())
    }
    /// The secret itself (only where it must be sent).
    pub fn expose(&self) -> &str {
        &self.0
    }
    /// Zeros the whole buffer (length and spare capacity) and empties the string.
    fn wipe(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.0);
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(REDACTED)
    }
}

/// TLS verification as `CloudRegion.get_requests_verify_args` derives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verify {
    /// Do not verify (`insecure: true` / `verify: false`).
    Off,
    /// Verify with the system trust store.
    System,
    /// Verify with this CA bundle (`cacert`).
    CaFile(PathBuf),
}

/// Auth settings after plugin validation ([`CloudConfig::validate_for_auth`]).
#[derive(Debug, Clone, PartialEq)]
pub struct AuthConfig {
    /// The keystoneauth plugin (auth type).
    pub plugin: &'static plugins::AuthPlugin,
    /// Plugin options: `dest` → value; secret options wrapped in [`Secret`].
    pub options: Vec<(String, AuthValue)>,
}

/// One auth option value.
#[derive(Debug, Clone, PartialEq)]
pub enum AuthValue {
    /// A non-secret value.
    Plain(Value),
    /// A secret value.
    Secret(Secret),
}

impl AuthConfig {
    /// Value of an option by dest.
    pub fn get(&self, dest: &str) -> Option<&AuthValue> {
        self.options.iter().find(|(k, _)| k == dest).map(|(_, v)| v)
    }
}

/// A resolved cloud: the final config dict of `get_one()` plus where it came from.
#[derive(Clone, PartialEq)]
pub struct CloudConfig {
    name: String,
    config: Map<String, Value>,
    config_file: Option<PathBuf>,
    secure_file: Option<PathBuf>,
    warnings: Vec<String>,
}

impl std::fmt::Debug for CloudConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shown: Vec<(String, Value)> = self.configuration_show(true);
        f.debug_struct("CloudConfig")
            .field("name", &self.name)
            .field("config", &shown)
            .field("config_file", &self.config_file)
            .field("secure_file", &self.secure_file)
            .finish()
    }
}

/// Keys holding secrets anywhere in the config (used by `Debug` and
/// [`CloudConfig::secret`]).
fn is_secret_key(k: &str) -> bool {
    let k = k.to_lowercase();
    plugins::AUTH_PLUGINS
        .iter()
        .flat_map(|p| p.options.iter())
        .any(|o| o.secret && o.dest == k)
}

impl CloudConfig {
    /// Resolve the cloud `openstack` would use for these flags, environment
    /// and files.
    pub fn resolve(args: &Args, env: &Env, fs: &Fs) -> Result<CloudConfig, ConfigError> {
        Self::resolve_reporting(args, env, fs).map_err(|(e, _)| e)
    }

    /// [`CloudConfig::resolve`], but a failure also returns the warnings gathered before it
    /// (a skipped malformed file often explains a missing cloud); on success they are in
    /// [`CloudConfig::warnings`].
    pub fn resolve_reporting(
        args: &Args,
        env: &Env,
        fs: &Fs,
    ) -> Result<CloudConfig, (ConfigError, Vec<String>)> {
        let (name, config, loaded) = loader::resolve_dict(args, env, fs)?;
        Ok(CloudConfig {
            name,
            config,
            config_file: loaded.config_filename,
            secure_file: loaded.secure_config_filename,
            warnings: loaded.warnings,
        })
    }

    /// Cloud name (`""` when none was selected).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The clouds file used, if any.
    pub fn config_file(&self) -> Option<&Path> {
        self.config_file.as_deref()
    }

    /// The secure file used, if any.
    pub fn secure_file(&self) -> Option<&Path> {
        self.secure_file.as_deref()
    }

    /// Warnings openstacksdk would log (skipped files, deprecated profiles…).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The whole config dict (secrets included).
    pub fn as_map(&self) -> &Map<String, Value> {
        &self.config
    }

    /// Any top-level key.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.config.get(key)
    }

    /// A top-level string key.
    pub fn get_str(&self, key: &str) -> Option<&str> {
        self.config.get(key).and_then(Value::as_str)
    }

    /// `auth_type` (as configured; `none`-variants not yet mapped).
    pub fn auth_type(&self) -> Option<&str> {
        self.get_str("auth_type")
    }

    /// The `auth` dict.
    pub fn auth(&self) -> Map<String, Value> {
        self.config
            .get("auth")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default()
    }

    /// An auth option, looked up in the top level first then in `auth` (the
    /// precedence osc-lib applies when loading the plugin).
    pub fn auth_value(&self, key: &str) -> Option<&Value> {
        self.config
            .get(key)
            .filter(|v| pyval::truthy(v))
            .or_else(|| {
                self.config
                    .get("auth")?
                    .get(key)
                    .filter(|v| pyval::truthy(v))
            })
    }

    /// A secret option (top level first, then `auth`) as a [`Secret`].
    pub fn secret(&self, key: &str) -> Option<Secret> {
        self.auth_value(key).map(|v| Secret(pyval::py_str(v)))
    }

    /// Region name (`""` when none).
    pub fn region_name(&self) -> &str {
        self.get_str("region_name").unwrap_or("")
    }

    /// Endpoint interface (`public` by default).
    pub fn interface(&self) -> &str {
        self.get_str("interface").unwrap_or("public")
    }

    /// TLS verification (`CloudRegion.get_requests_verify_args`): `insecure`
    /// wins over `verify`; a `cacert` applies only when verifying.
    pub fn verify(&self) -> Verify {
        let insecure = self.config.get("insecure").is_some_and(pyval::get_boolean);
        let verify = match self.config.get("verify") {
            Some(v) => pyval::truthy(v),
            None => true,
        };
        if insecure || !verify {
            return Verify::Off;
        }
        match self.get_str("cacert").filter(|s| !s.is_empty()) {
            Some(c) => Verify::CaFile(PathBuf::from(c)),
            None => Verify::System,
        }
    }

    /// Client certificate and key paths (`cert`, `key`).
    pub fn client_cert(&self) -> Option<(PathBuf, Option<PathBuf>)> {
        let cert = self.get_str("cert").filter(|s| !s.is_empty())?;
        Some((
            PathBuf::from(cert),
            self.get_str("key")
                .filter(|s| !s.is_empty())
                .map(PathBuf::from),
        ))
    }

    /// `<service>_api_version` (`compute`, `identity`, `volume`, `object_store`…).
    pub fn api_version(&self, service: &str) -> Option<String> {
        self.config
            .get(&format!("{}_api_version", service.replace('-', "_")))
            .filter(|v| !v.is_null())
            .map(pyval::py_str)
    }

    /// `<service>_endpoint_override` (e.g. `compute_endpoint_override`).
    pub fn endpoint_override(&self, service: &str) -> Option<&str> {
        self.get_str(&format!("{}_endpoint_override", service.replace('-', "_")))
    }

    /// `<service>_interface` falling back to [`Self::interface`].
    pub fn service_interface(&self, service: &str) -> &str {
        self.get_str(&format!("{}_interface", service.replace('-', "_")))
            .unwrap_or_else(|| self.interface())
    }

    /// Rows of `openstack configuration show -f json [--mask|--unmask]`, in
    /// output order: `auth` flattened to `auth.<key>`, sorted by key. With
    /// `mask`, `password` and `token` (top level and in `auth`) become
    /// `"<redacted>"` — the CLI never loads an auth plugin for this command,
    /// so other secrets (client_secret, application_credential_secret…) are
    /// printed as-is, exactly like the real CLI.
    pub fn configuration_show(&self, mask: bool) -> Vec<(String, Value)> {
        let secret_opts = plugins::secret_opts(None);
        let mut info = self.config.clone();
        let auth = info.shift_remove("auth");
        if let Some(Value::Object(auth)) = auth {
            for (k, v) in auth {
                let v = if mask && secret_opts.contains(&k.to_lowercase().as_str()) {
                    Value::String(REDACTED.into())
                } else {
                    v
                };
                info.insert(format!("auth.{k}"), v);
            }
        }
        if mask {
            for opt in &secret_opts {
                if info.contains_key(*opt) {
                    info.insert((*opt).to_string(), Value::String(REDACTED.into()));
                }
            }
        }
        let mut rows: Vec<(String, Value)> = info.into_iter().collect();
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        rows
    }

    /// Validate for a command that needs auth (osc-lib `_validate_auth`):
    /// map `None`/`token_endpoint` aliases, find the plugin, gather each
    /// option (top level wins over `auth`, current name over deprecated) and
    /// report missing required ones with osc-lib's wording.
    pub fn validate_for_auth(&self) -> Result<AuthConfig, ConfigError> {
        let auth_type = match self.config.get("auth_type") {
            None | Some(Value::Null) => "none".to_string(),
            Some(v) => {
                let s = pyval::py_str(v);
                match s.as_str() {
                    "None" | "" => "none".into(),
                    "token_endpoint" => "admin_token".into(),
                    _ => s,
                }
            }
        };
        let plugin = plugins::plugin(&auth_type).ok_or_else(|| ConfigError::UnknownAuthType {
            auth_type: auth_type.clone(),
        })?;
        let auth = self.auth();
        let find = |m: &Map<String, Value>, o: &plugins::AuthOpt| -> Option<Value> {
            std::iter::once(o.name)
                .chain(o.deprecated.iter().copied())
                .map(|n| n.replace('-', "_"))
                .find_map(|n| m.get(&n).filter(|v| pyval::truthy(v)).cloned())
        };
        // keystoneauth's v3multifactor takes the options of each plugin named in `auth_methods`.
        let mut opts: Vec<&plugins::AuthOpt> = plugin.options.iter().collect();
        if auth_type == "v3multifactor" {
            let methods = self
                .config
                .get("auth_methods")
                .or_else(|| auth.get("auth_methods"))
                .map(method_names)
                .unwrap_or_default();
            for m in methods.iter().filter_map(|m| plugins::plugin(m)) {
                for o in m.options {
                    if !opts.iter().any(|x| x.dest == o.dest) {
                        opts.push(o);
                    }
                }
            }
        }
        let mut missing = Vec::new();
        let mut options = Vec::new();
        for o in opts {
            let won = find(&self.config, o).or_else(|| find(&auth, o));
            match won {
                Some(v) => {
                    let v = if o.secret || is_secret_key(o.dest) {
                        AuthValue::Secret(Secret(pyval::py_str(&v)))
                    } else {
                        AuthValue::Plain(v)
                    };
                    options.push((o.dest.to_string(), v));
                }
                None if o.required => missing.push(format!(
                    "Missing value {} required for auth plugin {auth_type}",
                    o.name
                )),
                None => {}
            }
        }
        if !missing.is_empty() {
            return Err(ConfigError::MissingAuth(missing));
        }
        Ok(AuthConfig { plugin, options })
    }
}

/// The plugin names of `auth_methods`: a list, or a comma-separated string.
pub fn method_names(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items.iter().map(pyval::py_str).collect(),
        other => pyval::py_str(other)
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
    }
}

#[cfg(test)]
mod secret_tests {
    use super::*;

    #[test]
    fn secret_is_redacted_and_wiped() {
        let mut s = Secret::new(String::with_capacity(64) + "hunter2-pa55word");
        assert_eq!(format!("{s:?}"), REDACTED);
        assert_eq!(
            format!("{:?}", AuthValue::Secret(s.clone())),
            "Secret(<redacted>)"
        );
        let cap = s.0.capacity();
        s.wipe();
        assert!(s.0.is_empty());
        // SAFETY: zeroize wrote every byte of the capacity, so reading it is reading
        // initialised memory that the (still live) String owns.
        let buf = unsafe { std::slice::from_raw_parts(s.0.as_ptr(), cap) };
        assert!(buf.iter().all(|&b| b == 0), "{buf:?}");
    }
}
