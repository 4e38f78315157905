//! keystoneauth1 auth plugins: names, options and which options are secret.
//!
//! This module owns the static table of every auth type `openstack` accepts
//! (`--os-auth-type` choices) with each plugin's options in keystoneauth's
//! order: option name (dashed), `dest` (the key used in `auth:`), whether it is
//! secret, whether it is required and its deprecated aliases. Generated from
//! keystoneauth1 5.18.1's loaders; behaviour built on it lives elsewhere.

/// One option of an auth plugin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuthOpt {
    /// keystoneauth option name, e.g. `auth-url`, `application_credential_secret`.
    pub name: &'static str,
    /// Destination key in the `auth` dict, e.g. `auth_url`, `scope`.
    pub dest: &'static str,
    /// Whether the value is a secret (masked, never logged).
    pub secret: bool,
    /// Whether keystoneauth requires the option.
    pub required: bool,
    /// Deprecated option names accepted instead of `name`.
    pub deprecated: &'static [&'static str],
}

/// One auth plugin (auth type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuthPlugin {
    /// Auth type name, e.g. `v3password`.
    pub name: &'static str,
    /// Options in keystoneauth order.
    pub options: &'static [AuthOpt],
}

impl AuthPlugin {
    /// Look up a plugin option by `dest` or (dashed/underscored) name.
    pub fn option(&self, key: &str) -> Option<&'static AuthOpt> {
        let k = key.replace('-', "_");
        self.options
            .iter()
            .find(|o| o.dest == k || o.name.replace('-', "_") == k)
    }

    /// `dest` of every secret option.
    pub fn secret_dests(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.options.iter().filter(|o| o.secret).map(|o| o.dest)
    }
}

const fn o(
    name: &'static str,
    dest: &'static str,
    secret: bool,
    required: bool,
    deprecated: &'static [&'static str],
) -> AuthOpt {
    AuthOpt {
        name,
        dest,
        secret,
        required,
        deprecated,
    }
}

/// Every auth plugin keystoneauth1 5.18.1 registers, sorted by name.
pub static AUTH_PLUGINS: &[AuthPlugin] = &[
    AuthPlugin {
        name: "admin_token",
        options: &[
            o("endpoint", "endpoint", false, false, &["url"]),
            o("token", "token", true, false, &[]),
        ],
    },
    AuthPlugin {
        name: "http_basic",
        options: &[
            o("username", "username", false, false, &["user-name"]),
            o("password", "password", true, false, &[]),
            o("endpoint", "endpoint", false, false, &[]),
        ],
    },
    AuthPlugin {
        name: "none",
        options: &[o("endpoint", "endpoint", false, false, &[])],
    },
    AuthPlugin {
        name: "password",
        options: &[
            o("auth-url", "auth_url", false, true, &[]),
            o("system-scope", "system_scope", false, false, &[]),
            o("domain-id", "domain_id", false, false, &[]),
            o("domain-name", "domain_name", false, false, &[]),
            o("project-id", "project_id", false, false, &["tenant-id"]),
            o(
                "project-name",
                "project_name",
                false,
                false,
                &["tenant-name"],
            ),
            o("project-domain-id", "project_domain_id", false, false, &[]),
            o(
                "project-domain-name",
                "project_domain_name",
                false,
                false,
                &[],
            ),
            o("trust-id", "trust_id", false, false, &[]),
            o("default-domain-id", "default_domain_id", false, false, &[]),
            o(
                "default-domain-name",
                "default_domain_name",
                false,
                false,
                &[],
            ),
            o("user-id", "user_id", false, false, &[]),
            o("username", "username", false, false, &["user-name"]),
            o("user-domain-id", "user_domain_id", false, false, &[]),
            o("user-domain-name", "user_domain_name", false, false, &[]),
            o("password", "password", true, false, &[]),
        ],
    },
    AuthPlugin {
        name: "token",
        options: &[
            o("auth-url", "auth_url", false, true, &[]),
            o("system-scope", "system_scope", false, false, &[]),
            o("domain-id", "domain_id", false, false, &[]),
            o("domain-name", "domain_name", false, false, &[]),
            o("project-id", "project_id", false, false, &["tenant-id"]),
            o(
                "project-name",
                "project_name",
                false,
                false,
                &["tenant-name"],
            ),
            o("project-domain-id", "project_domain_id", false, false, &[]),
            o(
                "project-domain-name",
                "project_domain_name",
                false,
                false,
                &[],
            ),
            o("trust-id", "trust_id", false, false, &[]),
            o("default-domain-id", "default_domain_id", false, false, &[]),
            o(
                "default-domain-name",
                "default_domain_name",
                false,
                false,
                &[],
            ),
            o("token", "token", true, false, &[]),
        ],
    },
    AuthPlugin {
        name: "v2password",
        options: &[
            o("auth-url", "auth_url", false, true, &[]),
            o("tenant-id", "tenant_id", false, false, &[]),
            o("tenant-name", "tenant_name", false, false, &[]),
            o("trust-id", "trust_id", false, false, &[]),
            o("username", "username", false, false, &["user-name"]),
            o("user-id", "user_id", false, false, &[]),
            o("password", "password", true, false, &[]),
        ],
    },
    AuthPlugin {
        name: "v2token",
        options: &[
            o("auth-url", "auth_url", false, true, &[]),
            o("tenant-id", "tenant_id", false, false, &[]),
            o("tenant-name", "tenant_name", false, false, &[]),
            o("trust-id", "trust_id", false, false, &[]),
            o("token", "token", true, false, &[]),
        ],
    },
    AuthPlugin {
        name: "v3applicationcredential",
        options: &[
            o("auth-url", "auth_url", false, true, &[]),
            o("system-scope", "system_scope", false, false, &[]),
            o("domain-id", "domain_id", false, false, &[]),
            o("domain-name", "domain_name", false, false, &[]),
            o("project-id", "project_id", false, false, &[]),
            o("project-name", "project_name", false, false, &[]),
            o("project-domain-id", "project_domain_id", false, false, &[]),
            o(
                "project-domain-name",
                "project_domain_name",
                false,
                false,
                &[],
            ),
            o("trust-id", "trust_id", false, false, &[]),
            o("user-id", "user_id", false, false, &[]),
            o("username", "username", false, false, &["user-name"]),
            o("user-domain-id", "user_domain_id", false, false, &[]),
            o("user-domain-name", "user_domain_name", false, false, &[]),
            o(
                "application_credential_secret",
                "application_credential_secret",
                true,
                true,
                &[],
            ),
            o(
                "application_credential_id",
                "application_credential_id",
                false,
                false,
                &[],
            ),
            o(
                "application_credential_name",
                "application_credential_name",
                false,
                false,
                &[],
            ),
        ],
    },
    AuthPlugin {
        name: "v3multifactor",
        options: &[
            o("auth-url", "auth_url", false, true, &[]),
            o("system-scope", "system_scope", false, false, &[]),
            o("domain-id", "domain_id", false, false, &[]),
            o("domain-name", "domain_name", false, false, &[]),
            o("project-id", "project_id", false, false, &[]),
            o("project-name", "project_name", false, false, &[]),
            o("project-domain-id", "project_domain_id", false, false, &[]),
            o(
                "project-domain-name",
                "project_domain_name",
                false,
                false,
                &[],
            ),
            o("trust-id", "trust_id", false, false, &[]),
            o("auth_methods", "auth_methods", false, true, &[]),
        ],
    },
    AuthPlugin {
        name: "v3oauth2clientcredential",
        options: &[
            o("auth-url", "auth_url", false, true, &[]),
            o("system-scope", "system_scope", false, false, &[]),
            o("domain-id", "domain_id", false, false, &[]),
            o("domain-name", "domain_name", false, false, &[]),
            o("project-id", "project_id", false, false, &[]),
            o("project-name", "project_name", false, false, &[]),
            o("project-domain-id", "project_domain_id", false, false, &[]),
            o(
                "project-domain-name",
                "project_domain_name",
                false,
                false,
                &[],
            ),
            o("trust-id", "trust_id", false, false, &[]),
            o("oauth2_endpoint", "oauth2_endpoint", false, true, &[]),
            o("oauth2_client_id", "oauth2_client_id", false, true, &[]),
            o(
                "oauth2_client_secret",
                "oauth2_client_secret",
                true,
                true,
                &[],
            ),
        ],
    },
    AuthPlugin {
        name: "v3oauth2mtlsclientcredential",
        options: &[
            o("auth-url", "auth_url", false, true, &[]),
            o("system-scope", "system_scope", false, false, &[]),
            o("domain-id", "domain_id", false, false, &[]),
            o("domain-name", "domain_name", false, false, &[]),
            o("project-id", "project_id", false, false, &[]),
            o("project-name", "project_name", false, false, &[]),
            o("project-domain-id", "project_domain_id", false, false, &[]),
            o(
                "project-domain-name",
                "project_domain_name",
                false,
                false,
                &[],
            ),
            o("trust-id", "trust_id", false, false, &[]),
            o("oauth2-endpoint", "oauth2_endpoint", false, true, &[]),
            o("oauth2-client-id", "oauth2_client_id", false, true, &[]),
        ],
    },
    AuthPlugin {
        name: "v3oidcaccesstoken",
        options: &[
            o("auth-url", "auth_url", false, true, &[]),
            o("system-scope", "system_scope", false, false, &[]),
            o("domain-id", "domain_id", false, false, &[]),
            o("domain-name", "domain_name", false, false, &[]),
            o("project-id", "project_id", false, false, &[]),
            o("project-name", "project_name", false, false, &[]),
            o("project-domain-id", "project_domain_id", false, false, &[]),
            o(
                "project-domain-name",
                "project_domain_name",
                false,
                false,
                &[],
            ),
            o("trust-id", "trust_id", false, false, &[]),
            o("identity-provider", "identity_provider", false, true, &[]),
            o("protocol", "protocol", false, true, &[]),
            o("access-token", "access_token", true, true, &[]),
        ],
    },
    AuthPlugin {
        name: "v3oidcauthcode",
        options: &[
            o("auth-url", "auth_url", false, true, &[]),
            o("system-scope", "system_scope", false, false, &[]),
            o("domain-id", "domain_id", false, false, &[]),
            o("domain-name", "domain_name", false, false, &[]),
            o("project-id", "project_id", false, false, &[]),
            o("project-name", "project_name", false, false, &[]),
            o("project-domain-id", "project_domain_id", false, false, &[]),
            o(
                "project-domain-name",
                "project_domain_name",
                false,
                false,
                &[],
            ),
            o("trust-id", "trust_id", false, false, &[]),
            o("identity-provider", "identity_provider", false, true, &[]),
            o("protocol", "protocol", false, true, &[]),
            o("client-id", "client_id", false, false, &[]),
            o("client-secret", "client_secret", true, false, &[]),
            o("openid-scope", "scope", false, false, &[]),
            o(
                "access-token-endpoint",
                "access_token_endpoint",
                false,
                false,
                &[],
            ),
            o(
                "discovery-endpoint",
                "discovery_endpoint",
                false,
                false,
                &[],
            ),
            o("access-token-type", "access_token_type", false, false, &[]),
            o("redirect-uri", "redirect_uri", false, false, &[]),
            o("code", "code", true, true, &["authorization-code"]),
        ],
    },
    AuthPlugin {
        name: "v3oidcclientcredentials",
        options: &[
            o("auth-url", "auth_url", false, true, &[]),
            o("system-scope", "system_scope", false, false, &[]),
            o("domain-id", "domain_id", false, false, &[]),
            o("domain-name", "domain_name", false, false, &[]),
            o("project-id", "project_id", false, false, &[]),
            o("project-name", "project_name", false, false, &[]),
            o("project-domain-id", "project_domain_id", false, false, &[]),
            o(
                "project-domain-name",
                "project_domain_name",
                false,
                false,
                &[],
            ),
            o("trust-id", "trust_id", false, false, &[]),
            o("identity-provider", "identity_provider", false, true, &[]),
            o("protocol", "protocol", false, true, &[]),
            o("client-id", "client_id", false, false, &[]),
            o("client-secret", "client_secret", true, false, &[]),
            o("openid-scope", "scope", false, false, &[]),
            o(
                "access-token-endpoint",
                "access_token_endpoint",
                false,
                false,
                &[],
            ),
            o(
                "discovery-endpoint",
                "discovery_endpoint",
                false,
                false,
                &[],
            ),
            o("access-token-type", "access_token_type", false, false, &[]),
        ],
    },
    AuthPlugin {
        name: "v3oidcdeviceauthz",
        options: &[
            o("auth-url", "auth_url", false, true, &[]),
            o("system-scope", "system_scope", false, false, &[]),
            o("domain-id", "domain_id", false, false, &[]),
            o("domain-name", "domain_name", false, false, &[]),
            o("project-id", "project_id", false, false, &[]),
            o("project-name", "project_name", false, false, &[]),
            o("project-domain-id", "project_domain_id", false, false, &[]),
            o(
                "project-domain-name",
                "project_domain_name",
                false,
                false,
                &[],
            ),
            o("trust-id", "trust_id", false, false, &[]),
            o("identity-provider", "identity_provider", false, true, &[]),
            o("protocol", "protocol", false, true, &[]),
            o("client-id", "client_id", false, false, &[]),
            o("client-secret", "client_secret", true, false, &[]),
            o("openid-scope", "scope", false, false, &[]),
            o(
                "access-token-endpoint",
                "access_token_endpoint",
                false,
                false,
                &[],
            ),
            o(
                "discovery-endpoint",
                "discovery_endpoint",
                false,
                false,
                &[],
            ),
            o("access-token-type", "access_token_type", false, false, &[]),
            o(
                "device-authorization-endpoint",
                "device_authorization_endpoint",
                false,
                false,
                &[],
            ),
            o(
                "code-challenge-method",
                "code_challenge_method",
                false,
                false,
                &[],
            ),
        ],
    },
    AuthPlugin {
        name: "v3oidcpassword",
        options: &[
            o("auth-url", "auth_url", false, true, &[]),
            o("system-scope", "system_scope", false, false, &[]),
            o("domain-id", "domain_id", false, false, &[]),
            o("domain-name", "domain_name", false, false, &[]),
            o("project-id", "project_id", false, false, &[]),
            o("project-name", "project_name", false, false, &[]),
            o("project-domain-id", "project_domain_id", false, false, &[]),
            o(
                "project-domain-name",
                "project_domain_name",
                false,
                false,
                &[],
            ),
            o("trust-id", "trust_id", false, false, &[]),
            o("identity-provider", "identity_provider", false, true, &[]),
            o("protocol", "protocol", false, true, &[]),
            o("client-id", "client_id", false, false, &[]),
            o("client-secret", "client_secret", true, false, &[]),
            o("openid-scope", "scope", false, false, &[]),
            o(
                "access-token-endpoint",
                "access_token_endpoint",
                false,
                false,
                &[],
            ),
            o(
                "discovery-endpoint",
                "discovery_endpoint",
                false,
                false,
                &[],
            ),
            o("access-token-type", "access_token_type", false, false, &[]),
            o("username", "username", false, true, &[]),
            o("password", "password", true, true, &[]),
            o("idp_otp_key", "idp_otp_key", false, false, &[]),
        ],
    },
    AuthPlugin {
        name: "v3password",
        options: &[
            o("auth-url", "auth_url", false, true, &[]),
            o("system-scope", "system_scope", false, false, &[]),
            o("domain-id", "domain_id", false, false, &[]),
            o("domain-name", "domain_name", false, false, &[]),
            o("project-id", "project_id", false, false, &[]),
            o("project-name", "project_name", false, false, &[]),
            o("project-domain-id", "project_domain_id", false, false, &[]),
            o(
                "project-domain-name",
                "project_domain_name",
                false,
                false,
                &[],
            ),
            o("trust-id", "trust_id", false, false, &[]),
            o("user-id", "user_id", false, false, &[]),
            o("username", "username", false, false, &["user-name"]),
            o("user-domain-id", "user_domain_id", false, false, &[]),
            o("user-domain-name", "user_domain_name", false, false, &[]),
            o("password", "password", true, false, &[]),
        ],
    },
    AuthPlugin {
        name: "v3token",
        options: &[
            o("auth-url", "auth_url", false, true, &[]),
            o("system-scope", "system_scope", false, false, &[]),
            o("domain-id", "domain_id", false, false, &[]),
            o("domain-name", "domain_name", false, false, &[]),
            o("project-id", "project_id", false, false, &[]),
            o("project-name", "project_name", false, false, &[]),
            o("project-domain-id", "project_domain_id", false, false, &[]),
            o(
                "project-domain-name",
                "project_domain_name",
                false,
                false,
                &[],
            ),
            o("trust-id", "trust_id", false, false, &[]),
            o("token", "token", true, false, &[]),
        ],
    },
    AuthPlugin {
        name: "v3tokenlessauth",
        options: &[
            o("auth-url", "auth_url", false, true, &[]),
            o("domain-id", "domain_id", false, false, &[]),
            o("domain-name", "domain_name", false, false, &[]),
            o("project-id", "project_id", false, false, &[]),
            o("project-name", "project_name", false, false, &[]),
            o("project-domain-id", "project_domain_id", false, false, &[]),
            o(
                "project-domain-name",
                "project_domain_name",
                false,
                false,
                &[],
            ),
        ],
    },
    AuthPlugin {
        name: "v3totp",
        options: &[
            o("auth-url", "auth_url", false, true, &[]),
            o("system-scope", "system_scope", false, false, &[]),
            o("domain-id", "domain_id", false, false, &[]),
            o("domain-name", "domain_name", false, false, &[]),
            o("project-id", "project_id", false, false, &[]),
            o("project-name", "project_name", false, false, &[]),
            o("project-domain-id", "project_domain_id", false, false, &[]),
            o(
                "project-domain-name",
                "project_domain_name",
                false,
                false,
                &[],
            ),
            o("trust-id", "trust_id", false, false, &[]),
            o("user-id", "user_id", false, false, &[]),
            o("username", "username", false, false, &["user-name"]),
            o("user-domain-id", "user_domain_id", false, false, &[]),
            o("user-domain-name", "user_domain_name", false, false, &[]),
            o("passcode", "passcode", true, false, &[]),
        ],
    },
    AuthPlugin {
        name: "v3websso",
        options: &[
            o("auth-url", "auth_url", false, true, &[]),
            o("system-scope", "system_scope", false, false, &[]),
            o("domain-id", "domain_id", false, false, &[]),
            o("domain-name", "domain_name", false, false, &[]),
            o("project-id", "project_id", false, false, &[]),
            o("project-name", "project_name", false, false, &[]),
            o("project-domain-id", "project_domain_id", false, false, &[]),
            o(
                "project-domain-name",
                "project_domain_name",
                false,
                false,
                &[],
            ),
            o("trust-id", "trust_id", false, false, &[]),
            o("identity-provider", "identity_provider", false, true, &[]),
            o("protocol", "protocol", false, true, &[]),
            o("redirect-host", "redirect_host", false, false, &[]),
            o("redirect-port", "redirect_port", false, false, &[]),
            o("login-timeout", "login_timeout", false, false, &[]),
            o("username", "username", false, false, &[]),
        ],
    },
];

/// `--os-auth-type` choices (every plugin name).
pub static AUTH_TYPE_CHOICES: &[&str] = &[
    "admin_token",
    "http_basic",
    "none",
    "password",
    "token",
    "v2password",
    "v2token",
    "v3applicationcredential",
    "v3multifactor",
    "v3oauth2clientcredential",
    "v3oauth2mtlsclientcredential",
    "v3oidcaccesstoken",
    "v3oidcauthcode",
    "v3oidcclientcredentials",
    "v3oidcdeviceauthz",
    "v3oidcpassword",
    "v3password",
    "v3token",
    "v3tokenlessauth",
    "v3totp",
    "v3websso",
];

/// Find a plugin by auth type name (exact, as keystoneauth's entry points).
pub fn plugin(name: &str) -> Option<&'static AuthPlugin> {
    AUTH_PLUGINS.iter().find(|p| p.name == name)
}

/// Names of every plugin, in the order `openstack` lists them in its
/// "An invalid auth-type was specified" style messages (sorted).
pub fn plugin_names() -> impl Iterator<Item = &'static str> {
    AUTH_PLUGINS.iter().map(|p| p.name)
}

/// Secret option names for an auth type, as `openstack configuration show`
/// would compute them once a plugin is known; `["password", "token"]` when no
/// plugin is known (the CLI's fallback).
pub fn secret_opts(auth_type: Option<&str>) -> Vec<&'static str> {
    match auth_type.and_then(plugin) {
        Some(p) => p.secret_dests().collect(),
        None => vec!["password", "token"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets() {
        assert_eq!(
            secret_opts(Some("v3oidcclientcredentials")),
            vec!["client_secret"]
        );
        assert_eq!(
            secret_opts(Some("v3applicationcredential")),
            vec!["application_credential_secret"]
        );
        assert_eq!(secret_opts(None), vec!["password", "token"]);
        assert_eq!(
            plugin("v3oidcpassword")
                .unwrap()
                .option("openid-scope")
                .unwrap()
                .dest,
            "scope"
        );
        assert_eq!(plugin_names().count(), 21);
    }
}
