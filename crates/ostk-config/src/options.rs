//! Inputs of resolution: global flags ([`Args`]), the environment snapshot
//! ([`Env`]) and the table of `openstack`'s global options.
//!
//! This module owns the knowledge of every global option `openstack --help`
//! shows (long name, argparse `dest`, kind, default, the `OS_*` variable that
//! provides its default, and allowed choices), and turns `Args` + `Env` into
//! the argparse namespace python-openstackclient would build. It is the only
//! place in the crate that reads the process environment
//! ([`Env::from_process`]).

use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A global flag value as the user gave it.
#[derive(Clone, PartialEq, Eq)]
pub enum ArgValue {
    /// `--os-foo value`.
    Str(String),
    /// A switch such as `--insecure` (`true`); `false` means "not given".
    Bool(bool),
}

impl std::fmt::Debug for ArgValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // Values may be secrets (--os-password); never print them.
            ArgValue::Str(_) => f.write_str("Str(..)"),
            ArgValue::Bool(b) => write!(f, "Bool({b})"),
        }
    }
}

impl From<&str> for ArgValue {
    fn from(s: &str) -> Self {
        ArgValue::Str(s.to_string())
    }
}

impl From<String> for ArgValue {
    fn from(s: String) -> Self {
        ArgValue::Str(s)
    }
}

impl From<bool> for ArgValue {
    fn from(b: bool) -> Self {
        ArgValue::Bool(b)
    }
}

/// The global flags the user gave, keyed by long flag name without leading
/// dashes (`"os-cloud"`, `"insecure"`, `"os-compute-api-version"`). `"verbose"`
/// takes `true` (one `-v`) or a count as a string (`"2"` for `-vv`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Args {
    values: BTreeMap<String, ArgValue>,
}

impl Args {
    /// No flags.
    pub fn new() -> Self {
        Self::default()
    }

    /// Set a flag (builder style).
    pub fn with(mut self, flag: &str, value: impl Into<ArgValue>) -> Self {
        self.set(flag, value);
        self
    }

    /// Set a flag. Leading dashes and `_` (argparse-style `--os_cloud`) are
    /// normalised.
    pub fn set(&mut self, flag: &str, value: impl Into<ArgValue>) {
        let key = flag.trim_start_matches('-').replace('_', "-");
        self.values.insert(key, value.into());
    }

    /// Get a flag.
    pub fn get(&self, flag: &str) -> Option<&ArgValue> {
        self.values.get(flag)
    }

    /// Build from a JSON object (`{"os-cloud": "x", "insecure": true}`), the
    /// format of the scenario `args.json` files.
    pub fn from_json(v: &Value) -> Option<Self> {
        let mut a = Args::new();
        for (k, v) in v.as_object()? {
            match v {
                Value::String(s) => a.set(k, s.as_str()),
                Value::Bool(b) => a.set(k, *b),
                Value::Number(n) => a.set(k, n.to_string()),
                _ => return None,
            }
        }
        Some(a)
    }

    /// Iterate over the flags.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &ArgValue)> {
        self.values.iter().map(|(k, v)| (k.as_str(), v))
    }
}

/// A snapshot of environment variables. Nothing else in the crate reads the
/// process environment.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Env {
    vars: BTreeMap<String, String>,
}

impl std::fmt::Debug for Env {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Names only: values may hold OS_PASSWORD and friends.
        f.debug_set().entries(self.vars.keys()).finish()
    }
}

impl Env {
    /// Empty environment.
    pub fn new() -> Self {
        Self::default()
    }

    /// Snapshot of the current process environment (non-UTF-8 entries skipped).
    pub fn from_process() -> Self {
        Env {
            vars: std::env::vars_os()
                .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
                .collect(),
        }
    }

    /// Set a variable (builder style).
    pub fn with(mut self, k: &str, v: &str) -> Self {
        self.vars.insert(k.to_string(), v.to_string());
        self
    }

    /// Set a variable.
    pub fn set(&mut self, k: &str, v: &str) {
        self.vars.insert(k.to_string(), v.to_string());
    }

    /// Remove a variable.
    pub fn remove(&mut self, k: &str) {
        self.vars.remove(k);
    }

    /// `os.environ.get(k)`.
    pub fn get(&self, k: &str) -> Option<&str> {
        self.vars.get(k).map(String::as_str)
    }

    /// `osc_lib.utils.env(k)`: the value if set and non-empty.
    pub fn nonempty(&self, k: &str) -> Option<&str> {
        self.get(k).filter(|v| !v.is_empty())
    }

    /// Iterate over all variables (sorted by name).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.vars.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// argparse action kind of a global option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Takes a value.
    Store,
    /// A switch.
    StoreTrue,
    /// `-v`: counts occurrences.
    Count,
    /// `-q`: stores the constant 0.
    StoreConst,
}

/// argparse default of a global option (before its environment variable).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dflt {
    /// `None`.
    None,
    /// A string.
    Str(&'static str),
    /// A bool.
    Bool(bool),
    /// An int.
    Int(i64),
}

/// One global option of `openstack` (python-openstackclient 10.5.0 with the
/// plugins installed in the reference environment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GlobalOpt {
    /// Long flag without dashes, e.g. `os-auth-url`.
    pub long: &'static str,
    /// argparse dest, e.g. `auth_url` (`os_` prefixed ones are stripped later).
    pub dest: &'static str,
    /// Action kind.
    pub kind: Kind,
    /// Default when neither flag nor environment gives a value.
    pub default: Dflt,
    /// Environment variable providing the default (`utils.env`: non-empty only).
    pub env: Option<&'static str>,
    /// Allowed values (empty: any).
    pub choices: &'static [&'static str],
}

const fn g(
    long: &'static str,
    dest: &'static str,
    kind: Kind,
    default: Dflt,
    env: Option<&'static str>,
    choices: &'static [&'static str],
) -> GlobalOpt {
    GlobalOpt {
        long,
        dest,
        kind,
        default,
        env,
        choices,
    }
}

/// Every global option, in argparse registration order (aliases such as
/// `quiet`, `os-tenant-name` share a dest with another entry).
pub static GLOBAL_OPTS: &[GlobalOpt] = &[
    g(
        "verbose",
        "verbose_level",
        Kind::Count,
        Dflt::Int(1),
        None,
        &[],
    ),
    g(
        "quiet",
        "verbose_level",
        Kind::StoreConst,
        Dflt::None,
        None,
        &[],
    ),
    g("log-file", "log_file", Kind::Store, Dflt::None, None, &[]),
    g(
        "help",
        "deferred_help",
        Kind::StoreTrue,
        Dflt::Bool(false),
        None,
        &[],
    ),
    g(
        "debug",
        "debug",
        Kind::StoreTrue,
        Dflt::Bool(false),
        None,
        &[],
    ),
    g(
        "os-cloud",
        "cloud",
        Kind::Store,
        Dflt::None,
        Some("OS_CLOUD"),
        &[],
    ),
    g(
        "os-region-name",
        "region_name",
        Kind::Store,
        Dflt::None,
        Some("OS_REGION_NAME"),
        &[],
    ),
    g(
        "os-cacert",
        "cacert",
        Kind::Store,
        Dflt::None,
        Some("OS_CACERT"),
        &[],
    ),
    g(
        "os-cert",
        "cert",
        Kind::Store,
        Dflt::None,
        Some("OS_CERT"),
        &[],
    ),
    g(
        "os-key",
        "key",
        Kind::Store,
        Dflt::None,
        Some("OS_KEY"),
        &[],
    ),
    g("verify", "verify", Kind::StoreTrue, Dflt::None, None, &[]),
    g(
        "insecure",
        "insecure",
        Kind::StoreTrue,
        Dflt::None,
        None,
        &[],
    ),
    g(
        "os-default-domain",
        "default_domain",
        Kind::Store,
        Dflt::Str("default"),
        Some("OS_DEFAULT_DOMAIN"),
        &[],
    ),
    g(
        "os-interface",
        "interface",
        Kind::Store,
        Dflt::None,
        Some("OS_INTERFACE"),
        &["admin", "public", "internal"],
    ),
    g(
        "os-service-provider",
        "service_provider",
        Kind::Store,
        Dflt::None,
        Some("OS_SERVICE_PROVIDER"),
        &[],
    ),
    g(
        "os-remote-project-name",
        "remote_project_name",
        Kind::Store,
        Dflt::None,
        Some("OS_REMOTE_PROJECT_NAME"),
        &[],
    ),
    g(
        "os-remote-project-id",
        "remote_project_id",
        Kind::Store,
        Dflt::None,
        Some("OS_REMOTE_PROJECT_ID"),
        &[],
    ),
    g(
        "os-remote-project-domain-name",
        "remote_project_domain_name",
        Kind::Store,
        Dflt::None,
        Some("OS_REMOTE_PROJECT_DOMAIN_NAME"),
        &[],
    ),
    g(
        "os-remote-project-domain-id",
        "remote_project_domain_id",
        Kind::Store,
        Dflt::None,
        Some("OS_REMOTE_PROJECT_DOMAIN_ID"),
        &[],
    ),
    g(
        "timing",
        "timing",
        Kind::StoreTrue,
        Dflt::Bool(false),
        None,
        &[],
    ),
    g(
        "os-beta-command",
        "os_beta_command",
        Kind::StoreTrue,
        Dflt::Bool(false),
        None,
        &[],
    ),
    g(
        "os-accelerator-api-version",
        "os_accelerator_api_version",
        Kind::Store,
        Dflt::None,
        Some("OS_ACCELERATOR_API_VERSION"),
        &[],
    ),
    g(
        "os-compute-api-version",
        "os_compute_api_version",
        Kind::Store,
        Dflt::None,
        Some("OS_COMPUTE_API_VERSION"),
        &[],
    ),
    g(
        "os-identity-api-version",
        "os_identity_api_version",
        Kind::Store,
        Dflt::None,
        Some("OS_IDENTITY_API_VERSION"),
        &[],
    ),
    g(
        "os-image-api-version",
        "os_image_api_version",
        Kind::Store,
        Dflt::None,
        Some("OS_IMAGE_API_VERSION"),
        &[],
    ),
    g(
        "os-network-api-version",
        "os_network_api_version",
        Kind::Store,
        Dflt::None,
        Some("OS_NETWORK_API_VERSION"),
        &[],
    ),
    g(
        "os-object-api-version",
        "os_object_api_version",
        Kind::Store,
        Dflt::None,
        Some("OS_OBJECT_API_VERSION"),
        &[],
    ),
    g(
        "os-volume-api-version",
        "os_volume_api_version",
        Kind::Store,
        Dflt::None,
        Some("OS_VOLUME_API_VERSION"),
        &[],
    ),
    g(
        "os-share-api-version",
        "os_share_api_version",
        Kind::Store,
        Dflt::Str("2.98"),
        Some("OS_SHARE_API_VERSION"),
        &[
            "2.0", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10", "2.11",
            "2.12", "2.13", "2.14", "2.15", "2.16", "2.17", "2.18", "2.19", "2.20", "2.21", "2.22",
            "2.23", "2.24", "2.25", "2.26", "2.27", "2.28", "2.29", "2.30", "2.31", "2.32", "2.33",
            "2.34", "2.35", "2.36", "2.37", "2.38", "2.39", "2.40", "2.41", "2.42", "2.43", "2.44",
            "2.45", "2.46", "2.47", "2.48", "2.49", "2.50", "2.51", "2.52", "2.53", "2.54", "2.55",
            "2.56", "2.57", "2.58", "2.59", "2.60", "2.61", "2.62", "2.63", "2.64", "2.65", "2.66",
            "2.67", "2.68", "2.69", "2.70", "2.71", "2.72", "2.73", "2.74", "2.75", "2.76", "2.77",
            "2.78", "2.79", "2.80", "2.81", "2.82", "2.83", "2.84", "2.85", "2.86", "2.87", "2.88",
            "2.89", "2.90", "2.91", "2.92", "2.93", "2.94", "2.95", "2.96", "2.97", "2.98",
        ],
    ),
    g(
        "os-endpoint-override",
        "os_endpoint_override",
        Kind::Store,
        Dflt::None,
        Some("OS_SHARED_FILE_SYSTEM_ENDPOINT_OVERRIDE"),
        &[],
    ),
    g(
        "os-auth-type",
        "auth_type",
        Kind::Store,
        Dflt::None,
        Some("OS_AUTH_TYPE"),
        crate::plugins::AUTH_TYPE_CHOICES,
    ),
    g(
        "os-username",
        "username",
        Kind::Store,
        Dflt::None,
        Some("OS_USERNAME"),
        &[],
    ),
    g(
        "os-password",
        "password",
        Kind::Store,
        Dflt::None,
        Some("OS_PASSWORD"),
        &[],
    ),
    g(
        "os-endpoint",
        "endpoint",
        Kind::Store,
        Dflt::None,
        Some("OS_ENDPOINT"),
        &[],
    ),
    g(
        "os-auth-url",
        "auth_url",
        Kind::Store,
        Dflt::None,
        Some("OS_AUTH_URL"),
        &[],
    ),
    g(
        "os-system-scope",
        "system_scope",
        Kind::Store,
        Dflt::None,
        Some("OS_SYSTEM_SCOPE"),
        &[],
    ),
    g(
        "os-domain-id",
        "domain_id",
        Kind::Store,
        Dflt::None,
        Some("OS_DOMAIN_ID"),
        &[],
    ),
    g(
        "os-domain-name",
        "domain_name",
        Kind::Store,
        Dflt::None,
        Some("OS_DOMAIN_NAME"),
        &[],
    ),
    g(
        "os-project-id",
        "project_id",
        Kind::Store,
        Dflt::None,
        Some("OS_PROJECT_ID"),
        &[],
    ),
    g(
        "os-project-name",
        "project_name",
        Kind::Store,
        Dflt::None,
        Some("OS_PROJECT_NAME"),
        &[],
    ),
    g(
        "os-project-domain-id",
        "project_domain_id",
        Kind::Store,
        Dflt::None,
        Some("OS_PROJECT_DOMAIN_ID"),
        &[],
    ),
    g(
        "os-project-domain-name",
        "project_domain_name",
        Kind::Store,
        Dflt::None,
        Some("OS_PROJECT_DOMAIN_NAME"),
        &[],
    ),
    g(
        "os-trust-id",
        "trust_id",
        Kind::Store,
        Dflt::None,
        Some("OS_TRUST_ID"),
        &[],
    ),
    g(
        "os-identity-provider",
        "identity_provider",
        Kind::Store,
        Dflt::None,
        Some("OS_IDENTITY_PROVIDER"),
        &[],
    ),
    g(
        "os-protocol",
        "protocol",
        Kind::Store,
        Dflt::None,
        Some("OS_PROTOCOL"),
        &[],
    ),
    g(
        "os-client-id",
        "client_id",
        Kind::Store,
        Dflt::None,
        Some("OS_CLIENT_ID"),
        &[],
    ),
    g(
        "os-client-secret",
        "client_secret",
        Kind::Store,
        Dflt::None,
        Some("OS_CLIENT_SECRET"),
        &[],
    ),
    g(
        "os-openid-scope",
        "openid_scope",
        Kind::Store,
        Dflt::None,
        Some("OS_OPENID_SCOPE"),
        &[],
    ),
    g(
        "os-access-token-endpoint",
        "access_token_endpoint",
        Kind::Store,
        Dflt::None,
        Some("OS_ACCESS_TOKEN_ENDPOINT"),
        &[],
    ),
    g(
        "os-discovery-endpoint",
        "discovery_endpoint",
        Kind::Store,
        Dflt::None,
        Some("OS_DISCOVERY_ENDPOINT"),
        &[],
    ),
    g(
        "os-access-token-type",
        "access_token_type",
        Kind::Store,
        Dflt::None,
        Some("OS_ACCESS_TOKEN_TYPE"),
        &[],
    ),
    g(
        "os-idp-otp-key",
        "idp_otp_key",
        Kind::Store,
        Dflt::None,
        Some("OS_IDP_OTP_KEY"),
        &[],
    ),
    g(
        "os-user-id",
        "user_id",
        Kind::Store,
        Dflt::None,
        Some("OS_USER_ID"),
        &[],
    ),
    g(
        "os-token",
        "token",
        Kind::Store,
        Dflt::None,
        Some("OS_TOKEN"),
        &[],
    ),
    g(
        "os-auth-methods",
        "auth_methods",
        Kind::Store,
        Dflt::None,
        Some("OS_AUTH_METHODS"),
        &[],
    ),
    g(
        "os-oauth2-endpoint",
        "oauth2_endpoint",
        Kind::Store,
        Dflt::None,
        Some("OS_OAUTH2_ENDPOINT"),
        &[],
    ),
    g(
        "os-oauth2-client-id",
        "oauth2_client_id",
        Kind::Store,
        Dflt::None,
        Some("OS_OAUTH2_CLIENT_ID"),
        &[],
    ),
    g(
        "os-oauth2-client-secret",
        "oauth2_client_secret",
        Kind::Store,
        Dflt::None,
        Some("OS_OAUTH2_CLIENT_SECRET"),
        &[],
    ),
    g(
        "os-user-domain-id",
        "user_domain_id",
        Kind::Store,
        Dflt::None,
        Some("OS_USER_DOMAIN_ID"),
        &[],
    ),
    g(
        "os-user-domain-name",
        "user_domain_name",
        Kind::Store,
        Dflt::None,
        Some("OS_USER_DOMAIN_NAME"),
        &[],
    ),
    g(
        "os-passcode",
        "passcode",
        Kind::Store,
        Dflt::None,
        Some("OS_PASSCODE"),
        &[],
    ),
    g(
        "os-redirect-host",
        "redirect_host",
        Kind::Store,
        Dflt::None,
        Some("OS_REDIRECT_HOST"),
        &[],
    ),
    g(
        "os-redirect-port",
        "redirect_port",
        Kind::Store,
        Dflt::None,
        Some("OS_REDIRECT_PORT"),
        &[],
    ),
    g(
        "os-login-timeout",
        "login_timeout",
        Kind::Store,
        Dflt::None,
        Some("OS_LOGIN_TIMEOUT"),
        &[],
    ),
    g(
        "os-default-domain-id",
        "default_domain_id",
        Kind::Store,
        Dflt::None,
        Some("OS_DEFAULT_DOMAIN_ID"),
        &[],
    ),
    g(
        "os-default-domain-name",
        "default_domain_name",
        Kind::Store,
        Dflt::None,
        Some("OS_DEFAULT_DOMAIN_NAME"),
        &[],
    ),
    g(
        "os-access-token",
        "access_token",
        Kind::Store,
        Dflt::None,
        Some("OS_ACCESS_TOKEN"),
        &[],
    ),
    g(
        "os-redirect-uri",
        "redirect_uri",
        Kind::Store,
        Dflt::None,
        Some("OS_REDIRECT_URI"),
        &[],
    ),
    g(
        "os-code",
        "code",
        Kind::Store,
        Dflt::None,
        Some("OS_CODE"),
        &[],
    ),
    g(
        "os-device-authorization-endpoint",
        "device_authorization_endpoint",
        Kind::Store,
        Dflt::None,
        Some("OS_DEVICE_AUTHORIZATION_ENDPOINT"),
        &[],
    ),
    g(
        "os-code-challenge-method",
        "code_challenge_method",
        Kind::Store,
        Dflt::None,
        Some("OS_CODE_CHALLENGE_METHOD"),
        &[],
    ),
    g(
        "os-application-credential-secret",
        "application_credential_secret",
        Kind::Store,
        Dflt::None,
        Some("OS_APPLICATION_CREDENTIAL_SECRET"),
        &[],
    ),
    g(
        "os-application-credential-id",
        "application_credential_id",
        Kind::Store,
        Dflt::None,
        Some("OS_APPLICATION_CREDENTIAL_ID"),
        &[],
    ),
    g(
        "os-application-credential-name",
        "application_credential_name",
        Kind::Store,
        Dflt::None,
        Some("OS_APPLICATION_CREDENTIAL_NAME"),
        &[],
    ),
    g(
        "os-tenant-name",
        "os_project_name",
        Kind::Store,
        Dflt::None,
        None,
        &[],
    ),
    g(
        "os-tenant-id",
        "os_project_id",
        Kind::Store,
        Dflt::None,
        None,
        &[],
    ),
];

/// Look up a global option by long name (without dashes).
pub fn global_opt(long: &str) -> Option<&'static GlobalOpt> {
    GLOBAL_OPTS.iter().find(|o| o.long == long)
}

/// Why the flags cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArgsError {
    /// Not a global option.
    Unknown(String),
    /// A value outside the option's choices.
    InvalidChoice {
        /// Flag (no dashes).
        flag: String,
        /// Given value.
        value: String,
        /// Allowed values.
        choices: &'static [&'static str],
    },
    /// A switch given a value or an option given no value.
    BadValue(String),
}

impl std::fmt::Display for ArgsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ArgsError::Unknown(a) => write!(f, "unrecognized arguments: --{a}"),
            ArgsError::InvalidChoice {
                flag,
                value,
                choices,
            } => write!(
                f,
                "argument --{flag}: invalid choice: '{value}' (choose from {})",
                choices
                    .iter()
                    .map(|c| format!("'{c}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            ArgsError::BadValue(a) => write!(f, "argument --{a}: bad value"),
        }
    }
}

/// Build the argparse namespace (`vars(options)`) python-openstackclient
/// would have after parsing, including osc-lib's `_final_defaults` tenant /
/// project cross-filling. Returns the namespace and the default auth type the
/// shell passes to the config loader (`admin_token` when both `endpoint` and
/// `token` are set, else `password`).
pub fn namespace(args: &Args, env: &Env) -> Result<(Map<String, Value>, &'static str), ArgsError> {
    let mut ns = Map::new();
    // Defaults first (argparse sets them in registration order).
    for o in GLOBAL_OPTS {
        if ns.contains_key(o.dest) {
            continue;
        }
        let mut v = match o.default {
            Dflt::None => Value::Null,
            Dflt::Str(s) => Value::String(s.into()),
            Dflt::Bool(b) => Value::Bool(b),
            Dflt::Int(i) => Value::from(i),
        };
        if let Some(e) = o.env {
            let fallback = if o.dest == "project_name" {
                env.nonempty("OS_TENANT_NAME")
            } else if o.dest == "project_id" {
                env.nonempty("OS_TENANT_ID")
            } else {
                None
            };
            if let Some(x) = env.nonempty(e).or(fallback) {
                v = Value::String(x.into());
            }
        }
        ns.insert(o.dest.to_string(), v);
    }
    // Then the flags, in argparse option order.
    for (flag, val) in args.iter() {
        let o = global_opt(flag).ok_or_else(|| ArgsError::Unknown(flag.to_string()))?;
        let v = match (o.kind, val) {
            (Kind::Store, ArgValue::Str(s)) => {
                if !o.choices.is_empty() && !o.choices.contains(&s.as_str()) {
                    return Err(ArgsError::InvalidChoice {
                        flag: flag.to_string(),
                        value: s.clone(),
                        choices: o.choices,
                    });
                }
                Value::String(s.clone())
            }
            (Kind::StoreTrue, ArgValue::Bool(true)) => Value::Bool(true),
            (Kind::StoreTrue | Kind::StoreConst | Kind::Count, ArgValue::Bool(false)) => continue,
            (Kind::StoreConst, ArgValue::Bool(true)) => Value::from(0),
            (Kind::Count, ArgValue::Bool(true)) => Value::from(2),
            (Kind::Count, ArgValue::Str(n)) => {
                let n: i64 = n
                    .parse()
                    .map_err(|_| ArgsError::BadValue(flag.to_string()))?;
                Value::from(1 + n)
            }
            _ => return Err(ArgsError::BadValue(flag.to_string())),
        };
        ns.insert(o.dest.to_string(), v);
    }
    // osc_lib.logs.LogConfigurator: --debug forces verbose_level 3.
    if ns.get("debug") == Some(&Value::Bool(true)) {
        ns.insert("verbose_level".into(), Value::from(3));
    }
    // osc_lib.shell.OpenStackShell.initialize_app: debug False -> None.
    if ns.get("debug") == Some(&Value::Bool(false)) {
        ns.insert("debug".into(), Value::Null);
    }
    // osc_lib.shell._final_defaults.
    let get =
        |ns: &Map<String, Value>, k: &str| ns.get(k).filter(|v| crate::pyval::truthy(v)).cloned();
    let (pid, pname) = (get(&ns, "project_id"), get(&ns, "project_name"));
    let (tid, tname) = (get(&ns, "tenant_id"), get(&ns, "tenant_name"));
    if let (Some(p), None) = (&pid, &tid) {
        ns.insert("tenant_id".into(), p.clone());
    }
    if let (Some(p), None) = (&pname, &tname) {
        ns.insert("tenant_name".into(), p.clone());
    }
    if let (Some(t), None) = (&tid, &pid) {
        ns.insert("project_id".into(), t.clone());
    }
    if let (Some(t), None) = (&tname, &pname) {
        ns.insert("project_name".into(), t.clone());
    }
    // openstackclient.shell._final_defaults.
    let auth_type = if get(&ns, "endpoint").is_some() && get(&ns, "token").is_some() {
        "admin_token"
    } else {
        "password"
    };
    Ok((ns, auth_type))
}
