//! The global options of `openstack` (osc-lib's shell parser plus keystoneauth's auth options),
//! and the pre-scan that pulls them out of argv wherever they appear, as argparse's
//! `parse_known_args` does in cliff's `App.run`.

/// How a global option consumes argv.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Takes {
    /// A flag (`--insecure`).
    Flag,
    /// A counting flag (`-v`, repeatable).
    Count,
    /// One value (`--os-cloud <name>` or `--os-cloud=<name>`).
    Value,
}

/// One global option, in the order `openstack --help` lists it.
#[derive(Debug)]
pub struct GlobalOpt {
    /// Long flag without the leading dashes; this is also the key given to `ostk-config`.
    pub long: &'static str,
    /// Short flag, if any.
    pub short: Option<char>,
    /// Argparse metavar shown in help.
    pub metavar: &'static str,
    /// How the option consumes argv.
    pub takes: Takes,
    /// Help text (python-openstackclient's wording, without the env suffix).
    pub help: &'static str,
    /// Environment variable named in help (`Env: …`).
    pub env: Option<&'static str>,
    /// Hidden from help (argparse.SUPPRESS).
    pub hidden: bool,
    /// Accepted values (argparse `choices`), in the order argparse names them.
    pub choices: Option<&'static [&'static str]>,
}

const fn v(
    long: &'static str,
    metavar: &'static str,
    help: &'static str,
    env: Option<&'static str>,
) -> GlobalOpt {
    GlobalOpt {
        long,
        short: None,
        metavar,
        takes: Takes::Value,
        help,
        env,
        hidden: false,
        choices: None,
    }
}
const fn f(long: &'static str, help: &'static str) -> GlobalOpt {
    GlobalOpt {
        long,
        short: None,
        metavar: "",
        takes: Takes::Flag,
        help,
        env: None,
        hidden: false,
        choices: None,
    }
}
const fn auth(
    long: &'static str,
    metavar: &'static str,
    help: &'static str,
    env: &'static str,
) -> GlobalOpt {
    v(long, metavar, help, Some(env))
}

/// keystoneauth's auth plugin names, as python-openstackclient 10.5 offers them.
pub use ostk_sdk::config::plugins::AUTH_TYPE_CHOICES as AUTH_TYPES;

/// Every global option of python-openstackclient 10.5, in `--help` order.
pub static GLOBAL_OPTS: &[GlobalOpt] = &[
    f("version", "show program's version number and exit"),
    GlobalOpt {
        long: "verbose",
        short: Some('v'),
        metavar: "",
        takes: Takes::Count,
        help: "Increase verbosity of output. Can be repeated.",
        env: None,
        hidden: false,
        choices: None,
    },
    GlobalOpt {
        long: "quiet",
        short: Some('q'),
        metavar: "",
        takes: Takes::Flag,
        help: "Suppress output except warnings and errors.",
        env: None,
        hidden: false,
        choices: None,
    },
    v(
        "log-file",
        "LOG_FILE",
        "Specify a file to log output. Disabled by default.",
        None,
    ),
    GlobalOpt {
        long: "help",
        short: Some('h'),
        metavar: "",
        takes: Takes::Flag,
        help: "Show help message and exit.",
        env: None,
        hidden: false,
        choices: None,
    },
    f("debug", "Show tracebacks on errors."),
    v(
        "os-cloud",
        "<cloud-config-name>",
        "Cloud name in clouds.yaml",
        Some("OS_CLOUD"),
    ),
    v(
        "os-region-name",
        "<auth-region-name>",
        "Authentication region name",
        Some("OS_REGION_NAME"),
    ),
    v(
        "os-cacert",
        "<ca-bundle-file>",
        "CA certificate bundle file",
        Some("OS_CACERT"),
    ),
    v(
        "os-cert",
        "<certificate-file>",
        "Client certificate bundle file",
        Some("OS_CERT"),
    ),
    v(
        "os-key",
        "<key-file>",
        "Client certificate key file",
        Some("OS_KEY"),
    ),
    f("verify", "Verify server certificate (default)"),
    f("insecure", "Disable server certificate verification"),
    v(
        "os-default-domain",
        "<auth-domain>",
        "Default domain ID, default=default.",
        Some("OS_DEFAULT_DOMAIN"),
    ),
    GlobalOpt {
        choices: Some(&["admin", "public", "internal"]),
        ..v(
            "os-interface",
            "<interface>",
            "Select an interface type. Valid interface types: [admin, public, internal]. default=public,",
            Some("OS_INTERFACE"),
        )
    },
    v(
        "os-service-provider",
        "<service_provider>",
        "Authenticate with and perform the command on a service provider using Keystone-to-keystone federation. Must also specify the remote project option.",
        None,
    ),
    v(
        "os-remote-project-name",
        "<remote_project_name>",
        "Project name when authenticating to a service provider if using Keystone-to-Keystone federation.",
        None,
    ),
    v(
        "os-remote-project-id",
        "<remote_project_id>",
        "Project ID when authenticating to a service provider if using Keystone-to-Keystone federation.",
        None,
    ),
    v(
        "os-remote-project-domain-name",
        "<remote_project_domain_name>",
        "Domain name of the project when authenticating to a service provider if using Keystone-to-Keystone federation.",
        None,
    ),
    v(
        "os-remote-project-domain-id",
        "<remote_project_domain_id>",
        "Domain ID of the project when authenticating to a service provider if using Keystone-to-Keystone federation.",
        None,
    ),
    f("timing", "Print API call timing info"),
    f(
        "os-beta-command",
        "Enable beta commands which are subject to change",
    ),
    v(
        "os-accelerator-api-version",
        "<accelerator-api-version>",
        "Accelerator API version, default=2",
        Some("OS_ACCELERATOR_API_VERSION"),
    ),
    v(
        "os-compute-api-version",
        "<compute-api-version>",
        "Compute API version, default=2.1",
        Some("OS_COMPUTE_API_VERSION"),
    ),
    v(
        "os-identity-api-version",
        "<identity-api-version>",
        "Identity API version, default=3",
        Some("OS_IDENTITY_API_VERSION"),
    ),
    v(
        "os-image-api-version",
        "<image-api-version>",
        "Image API version, default=2",
        Some("OS_IMAGE_API_VERSION"),
    ),
    v(
        "os-network-api-version",
        "<network-api-version>",
        "Network API version, default=2.0",
        Some("OS_NETWORK_API_VERSION"),
    ),
    v(
        "os-object-api-version",
        "<object-api-version>",
        "Object API version, default=1",
        Some("OS_OBJECT_API_VERSION"),
    ),
    v(
        "os-volume-api-version",
        "<volume-api-version>",
        "Volume API version, default=3",
        Some("OS_VOLUME_API_VERSION"),
    ),
    v(
        "os-share-api-version",
        "<shared-file-system-api-version>",
        "Shared File System API version, default=2.98 (version supported by both the client and the server)",
        Some("OS_SHARE_API_VERSION"),
    ),
    v(
        "os-endpoint-override",
        "<endpoint-override>",
        "Use this API endpoint instead of the Service Catalog. Defaults to env[OS_SHARED_FILE_SYSTEM_ENDPOINT_OVERRIDE].",
        None,
    ),
    GlobalOpt {
        choices: Some(AUTH_TYPES),
        ..auth(
            "os-auth-type",
            "<auth-type>",
            "Select an authentication type. Available types: admin_token, http_basic, none, password, token, v2password, v2token, v3applicationcredential, v3multifactor, v3oauth2clientcredential, v3oauth2mtlsclientcredential, v3oidcaccesstoken, v3oidcauthcode, v3oidcclientcredentials, v3oidcdeviceauthz, v3oidcpassword, v3password, v3token, v3tokenlessauth, v3totp, v3websso. Default: selected based on --os-username/--os-token",
            "OS_AUTH_TYPE",
        )
    },
    auth(
        "os-auth-url",
        "<auth-auth-url>",
        "Authentication URL",
        "OS_AUTH_URL",
    ),
    auth(
        "os-domain-id",
        "<auth-domain-id>",
        "Domain ID to scope to",
        "OS_DOMAIN_ID",
    ),
    auth(
        "os-domain-name",
        "<auth-domain-name>",
        "Domain name to scope to",
        "OS_DOMAIN_NAME",
    ),
    auth(
        "os-project-id",
        "<auth-project-id>",
        "Project ID to scope to",
        "OS_PROJECT_ID",
    ),
    auth(
        "os-project-name",
        "<auth-project-name>",
        "Project name to scope to",
        "OS_PROJECT_NAME",
    ),
    auth(
        "os-project-domain-id",
        "<auth-project-domain-id>",
        "Domain ID containing project",
        "OS_PROJECT_DOMAIN_ID",
    ),
    auth(
        "os-project-domain-name",
        "<auth-project-domain-name>",
        "Domain name containing project",
        "OS_PROJECT_DOMAIN_NAME",
    ),
    auth("os-username", "<auth-username>", "Username", "OS_USERNAME"),
    auth(
        "os-password",
        "<auth-password>",
        "User's password",
        "OS_PASSWORD",
    ),
    auth(
        "os-endpoint",
        "<auth-endpoint>",
        "The endpoint that will always be used",
        "OS_ENDPOINT",
    ),
    auth(
        "os-trust-id",
        "<auth-trust-id>",
        "ID of the trust to use as a trustee use",
        "OS_TRUST_ID",
    ),
    auth("os-user-id", "<auth-user-id>", "User ID", "OS_USER_ID"),
    auth(
        "os-token",
        "<auth-token>",
        "Token to authenticate with",
        "OS_TOKEN",
    ),
    auth(
        "os-system-scope",
        "<auth-system-scope>",
        "Scope for system operations",
        "OS_SYSTEM_SCOPE",
    ),
    auth(
        "os-oauth2-endpoint",
        "<auth-oauth2-endpoint>",
        "Endpoint for OAuth2.0",
        "OS_OAUTH2_ENDPOINT",
    ),
    auth(
        "os-oauth2-client-id",
        "<auth-oauth2-client-id>",
        "Client credential ID for OAuth2.0",
        "OS_OAUTH2_CLIENT_ID",
    ),
    auth(
        "os-oauth2-client-secret",
        "<auth-oauth2-client-secret>",
        "Client secret for OAuth2.0",
        "OS_OAUTH2_CLIENT_SECRET",
    ),
    auth(
        "os-default-domain-id",
        "<auth-default-domain-id>",
        "Optional domain ID to use with v3 and v2 parameters. It will be used for both the user and project domain in v3 and ignored in v2 authentication.",
        "OS_DEFAULT_DOMAIN_ID",
    ),
    auth(
        "os-default-domain-name",
        "<auth-default-domain-name>",
        "Optional domain name to use with v3 API and v2 parameters. It will be used for both the user and project domain in v3 and ignored in v2 authentication.",
        "OS_DEFAULT_DOMAIN_NAME",
    ),
    auth(
        "os-identity-provider",
        "<auth-identity-provider>",
        "Identity Provider's name",
        "OS_IDENTITY_PROVIDER",
    ),
    auth(
        "os-protocol",
        "<auth-protocol>",
        "Protocol for federated plugin",
        "OS_PROTOCOL",
    ),
    auth(
        "os-client-id",
        "<auth-client-id>",
        "OAuth 2.0 Client ID",
        "OS_CLIENT_ID",
    ),
    auth(
        "os-client-secret",
        "<auth-client-secret>",
        "OAuth 2.0 Client Secret",
        "OS_CLIENT_SECRET",
    ),
    auth(
        "os-openid-scope",
        "<auth-openid-scope>",
        "OpenID Connect scope that is requested from authorization server. Note that the OpenID Connect specification states that \"openid\" must be always specified.",
        "OS_OPENID_SCOPE",
    ),
    auth(
        "os-access-token-endpoint",
        "<auth-access-token-endpoint>",
        "OpenID Connect Provider Token Endpoint. Note that if a discovery document is being passed this option will override the endpoint provided by the server in the discovery document.",
        "OS_ACCESS_TOKEN_ENDPOINT",
    ),
    auth(
        "os-discovery-endpoint",
        "<auth-discovery-endpoint>",
        "OpenID Connect Discovery Document URL. The discovery document will be used to obtain the values of the access token endpoint and the authentication endpoint. This URL should look like https://idp.example.org/.well-known/openid-configuration",
        "OS_DISCOVERY_ENDPOINT",
    ),
    auth(
        "os-access-token-type",
        "<auth-access-token-type>",
        "OAuth 2.0 Authorization Server Introspection token type, it is used to decide which type of token will be used when processing token introspection. Valid values are: \"access_token\" or \"id_token\"",
        "OS_ACCESS_TOKEN_TYPE",
    ),
    auth(
        "os-idp-otp-key",
        "<auth-idp-otp-key>",
        "A key to be used in the Identity Provider access token endpoint to pass the OTP value. E.g. totp",
        "OS_IDP_OTP_KEY",
    ),
    auth(
        "os-user-domain-id",
        "<auth-user-domain-id>",
        "User's domain id",
        "OS_USER_DOMAIN_ID",
    ),
    auth(
        "os-user-domain-name",
        "<auth-user-domain-name>",
        "User's domain name",
        "OS_USER_DOMAIN_NAME",
    ),
    auth(
        "os-passcode",
        "<auth-passcode>",
        "User's TOTP passcode",
        "OS_PASSCODE",
    ),
    auth(
        "os-application-credential-secret",
        "<auth-application-credential-secret>",
        "Application credential auth secret",
        "OS_APPLICATION_CREDENTIAL_SECRET",
    ),
    auth(
        "os-application-credential-id",
        "<auth-application-credential-id>",
        "Application credential ID",
        "OS_APPLICATION_CREDENTIAL_ID",
    ),
    auth(
        "os-application-credential-name",
        "<auth-application-credential-name>",
        "Application credential name",
        "OS_APPLICATION_CREDENTIAL_NAME",
    ),
    auth(
        "os-redirect-host",
        "<auth-redirect-host>",
        "Host the callback server listens on. This must be a loopback address.",
        "OS_REDIRECT_HOST",
    ),
    auth(
        "os-redirect-port",
        "<auth-redirect-port>",
        "Port the callback server listens on.",
        "OS_REDIRECT_PORT",
    ),
    auth(
        "os-login-timeout",
        "<auth-login-timeout>",
        "Seconds to wait for the user to finish authenticating in the browser before giving up.",
        "OS_LOGIN_TIMEOUT",
    ),
    auth(
        "os-auth-methods",
        "<auth-auth-methods>",
        "Methods to authenticate with.",
        "OS_AUTH_METHODS",
    ),
    auth(
        "os-redirect-uri",
        "<auth-redirect-uri>",
        "OpenID Connect Redirect URL",
        "OS_REDIRECT_URI",
    ),
    auth(
        "os-code",
        "<auth-code>",
        "OAuth 2.0 Authorization Code",
        "OS_CODE",
    ),
    auth(
        "os-device-authorization-endpoint",
        "<auth-device-authorization-endpoint>",
        "OAuth 2.0 Device Authorization Endpoint. Note that if a discovery document is being passed this option will override the endpoint provided by the server in the discovery document.",
        "OS_DEVICE_AUTHORIZATION_ENDPOINT",
    ),
    auth(
        "os-code-challenge-method",
        "<auth-code-challenge-method>",
        "PKCE Challenge Method (RFC 7636)",
        "OS_CODE_CHALLENGE_METHOD",
    ),
    auth(
        "os-access-token",
        "<auth-access-token>",
        "OAuth 2.0 Access Token",
        "OS_ACCESS_TOKEN",
    ),
    // Kept for old scripts (osc_lib/api/auth.py adds them hidden).
    GlobalOpt {
        long: "os-tenant-name",
        short: None,
        metavar: "<auth-tenant-name>",
        takes: Takes::Value,
        help: "",
        env: None,
        hidden: true,
        choices: None,
    },
    GlobalOpt {
        long: "os-tenant-id",
        short: None,
        metavar: "<auth-tenant-id>",
        takes: Takes::Value,
        help: "",
        env: None,
        hidden: true,
        choices: None,
    }, // ostk-only (not in python-openstackclient, so hidden from `--help` to keep it identical;
    // never passed to ostk-config, see OSTK_ONLY).
    GlobalOpt {
        long: "no-token-cache",
        short: None,
        metavar: "",
        takes: Takes::Flag,
        help: "Do not read or write the token cache (Env: OSTK_NO_TOKEN_CACHE=1)",
        env: None,
        hidden: true,
        choices: None,
    },
    GlobalOpt {
        long: "clouds",
        short: None,
        metavar: "<cloud>[,<cloud>...]",
        takes: Takes::Value,
        help: "Run the command against each of these clouds at once; results merged with a Cloud column",
        env: None,
        hidden: true,
        choices: None,
    },
    GlobalOpt {
        long: "all-clouds",
        short: None,
        metavar: "",
        takes: Takes::Flag,
        help: "Run the command against every cloud of clouds.yaml at once",
        env: None,
        hidden: true,
        choices: None,
    },
];

/// Global options of ostk that python-openstackclient does not have: the CLI reads them itself
/// and does not hand them to `ostk-config` (which knows only OSC's options).
pub static OSTK_ONLY: &[&str] = &["no-token-cache", "clouds", "all-clouds"];

/// A global option's value as given on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GlobalValue {
    /// A flag that was given.
    Flag,
    /// A counting flag given n times.
    Count(u32),
    /// A value (the last one wins, as argparse's `store`).
    Value(String),
}

/// Global options found in argv, in first-seen order, plus what is left for the command.
#[derive(Clone, Debug, Default)]
pub struct Split {
    /// `(long name, value)` of every global option given.
    pub globals: Vec<(&'static str, GlobalValue)>,
    /// Everything that is not a global option: command words and command arguments.
    pub rest: Vec<String>,
}

impl Split {
    /// Value of a global option, if given.
    pub fn get(&self, long: &str) -> Option<&GlobalValue> {
        self.globals
            .iter()
            .find(|(k, _)| *k == long)
            .map(|(_, v)| v)
    }
    /// String value of a global option, if given with a value.
    pub fn value(&self, long: &str) -> Option<&str> {
        match self.get(long) {
            Some(GlobalValue::Value(s)) => Some(s),
            _ => None,
        }
    }
    /// Whether a flag was given.
    pub fn flag(&self, long: &str) -> bool {
        matches!(
            self.get(long),
            Some(GlobalValue::Flag | GlobalValue::Count(_))
        )
    }
    /// Count of a counting flag.
    pub fn count(&self, long: &str) -> u32 {
        match self.get(long) {
            Some(GlobalValue::Count(n)) => *n,
            Some(GlobalValue::Flag) => 1,
            _ => 0,
        }
    }
    fn set(&mut self, long: &'static str, value: GlobalValue) {
        match self.globals.iter_mut().find(|(k, _)| *k == long) {
            Some((_, old)) => {
                *old = match (&*old, value) {
                    (GlobalValue::Count(a), GlobalValue::Count(b)) => GlobalValue::Count(a + b),
                    (_, v) => v,
                }
            }
            None => self.globals.push((long, value)),
        }
    }
}

/// A global option misused, worded as argparse words it (`argument --os-cloud: expected one argument`).
#[derive(Debug, PartialEq, Eq)]
pub struct ArgError(pub String);

fn find_long(name: &str) -> Option<&'static GlobalOpt> {
    if let Some(o) = GLOBAL_OPTS.iter().find(|o| o.long == name) {
        return Some(o);
    }
    // argparse accepts unambiguous prefixes of long options (allow_abbrev). Not of ostk's own
    // options: a prefix python-openstackclient leaves to the command (`object list --all`) must
    // stay the command's.
    let mut hits = GLOBAL_OPTS
        .iter()
        .filter(|o| o.long.starts_with(name) && !OSTK_ONLY.contains(&o.long));
    match (hits.next(), hits.next()) {
        (Some(o), None) if name.len() >= 3 => Some(o),
        _ => None,
    }
}

/// Pulls the global options out of argv (without argv[0]), wherever they appear, as cliff does.
/// Everything after a bare `--` is left to the command.
pub fn split(args: &[String]) -> Result<Split, ArgError> {
    let mut out = Split::default();
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        i += 1;
        if a == "--" {
            out.rest.extend(args[i - 1..].iter().cloned());
            break;
        }
        if let Some(body) = a.strip_prefix("--") {
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v)),
                None => (body, None),
            };
            let Some(opt) = find_long(name) else {
                out.rest.push(a.clone());
                continue;
            };
            match opt.takes {
                Takes::Value => {
                    let value = match inline {
                        Some(v) => v.to_string(),
                        None if i < args.len() => {
                            i += 1;
                            args[i - 1].clone()
                        }
                        None => {
                            return Err(ArgError(format!(
                                "argument --{}: expected one argument",
                                opt.long
                            )));
                        }
                    };
                    if let Some(choices) = opt.choices.filter(|c| !c.contains(&value.as_str())) {
                        let list = choices
                            .iter()
                            .map(|c| format!("'{c}'"))
                            .collect::<Vec<_>>()
                            .join(", ");
                        return Err(ArgError(format!(
                            "argument --{}: invalid choice: '{value}' (choose from {list})",
                            opt.long
                        )));
                    }
                    out.set(opt.long, GlobalValue::Value(value));
                }
                Takes::Flag if inline.is_none() => out.set(opt.long, GlobalValue::Flag),
                Takes::Count if inline.is_none() => out.set(opt.long, GlobalValue::Count(1)),
                _ => out.rest.push(a.clone()),
            }
            continue;
        }
        // Short global flags: -v, -vv, -q, -h (only when the whole cluster is global flags).
        if let Some(cluster) = a
            .strip_prefix('-')
            .filter(|c| !c.is_empty() && !c.starts_with('-'))
        {
            let opts: Option<Vec<&'static GlobalOpt>> = cluster
                .chars()
                .map(|c| GLOBAL_OPTS.iter().find(|o| o.short == Some(c)))
                .collect();
            if let Some(opts) = opts {
                for o in opts {
                    let v = if o.takes == Takes::Count {
                        GlobalValue::Count(1)
                    } else {
                        GlobalValue::Flag
                    };
                    out.set(o.long, v);
                }
                continue;
            }
        }
        out.rest.push(a.clone());
    }
    Ok(out)
}

/// The global options as argparse actions, for `openstack --help`.
pub fn help_actions() -> Vec<crate::help::Action> {
    const MUTEX: &[&[&str]] = &[
        &["verbose", "quiet"],
        &["verify", "insecure"],
        &["os-remote-project-name", "os-remote-project-id"],
        &[
            "os-remote-project-domain-name",
            "os-remote-project-domain-id",
        ],
    ];
    GLOBAL_OPTS
        .iter()
        .map(|o| {
            let mut options = Vec::new();
            if let Some(c) = o.short {
                options.push(format!("-{c}"));
            }
            options.push(format!("--{}", o.long));
            let help = match (o.hidden, o.env) {
                (true, _) => None,
                (false, Some(env)) => Some(format!("{} (Env: {env})", o.help)),
                (false, None) => Some(o.help.to_string()),
            };
            crate::help::Action {
                options,
                metavar: (o.takes == Takes::Value).then(|| o.metavar.to_string()),
                nargs: crate::help::Nargs::One,
                help,
                required: false,
                mutex: MUTEX.iter().position(|g| g.contains(&o.long)),
                section: "options".to_string(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn globals_anywhere() {
        let sp = split(&s(&[
            "-vv",
            "configuration",
            "show",
            "--os-cloud",
            "x",
            "-f",
            "json",
            "--insecure",
            "--os-region-name=R",
        ]))
        .unwrap();
        assert_eq!(sp.rest, s(&["configuration", "show", "-f", "json"]));
        assert_eq!(sp.count("verbose"), 2);
        assert_eq!(sp.value("os-cloud"), Some("x"));
        assert_eq!(sp.value("os-region-name"), Some("R"));
        assert!(sp.flag("insecure"));
    }

    #[test]
    fn ostk_only_options_are_never_abbreviated() {
        let s = split(&["object".into(), "list".into(), "c".into(), "--all".into()]).unwrap();
        assert!(s.globals.is_empty());
        assert_eq!(s.rest, ["object", "list", "c", "--all"]);
        let s = split(&["--all-clouds".into(), "server".into(), "list".into()]).unwrap();
        assert!(s.flag("all-clouds"));
    }

    #[test]
    fn last_value_wins_and_abbrev() {
        let sp = split(&s(&["--os-cloud", "a", "--os-clo", "b"])).unwrap();
        assert_eq!(sp.value("os-cloud"), Some("b"));
    }

    #[test]
    fn missing_value() {
        assert_eq!(
            split(&s(&["--os-cloud"])).unwrap_err().0,
            "argument --os-cloud: expected one argument"
        );
        assert_eq!(
            split(&s(&["--os-interface", "bogus"])).unwrap_err().0,
            "argument --os-interface: invalid choice: 'bogus' (choose from 'admin', 'public', 'internal')"
        );
    }

    #[test]
    fn command_short_options_stay() {
        let sp = split(&s(&["server", "list", "-c", "ID", "-vq"])).unwrap();
        assert_eq!(sp.rest, s(&["server", "list", "-c", "ID"]));
        assert!(sp.flag("quiet"));
    }
}
