//! `auth check` (ostk only): runs the authentication of the selected cloud afresh, step by step,
//! and reports each step — which configuration was used, every request of the auth plugin
//! (OIDC discovery, identity provider token, federation, scoping, keystone), the token's scope
//! and expiry, and the services of the catalog — without printing any secret. When a step
//! fails, the steps before it are shown and the command ends with that step's error line.

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::client::{AccessInfo, Session, SessionOptions, time::now_unix};

/// Check authentication step by step (ostk only)
#[derive(clap::Args, Debug)]
pub struct CheckAuth {}

fn row(step: &str, result: &str, detail: String) -> Vec<Cell> {
    vec![
        Cell::Str(step.into()),
        Cell::Str(result.into()),
        Cell::Str(detail),
    ]
}

/// The report so far, then `error` as the command's failure.
fn failed(mut rows: Vec<Vec<Cell>>, step: &str, error: CliError) -> Output {
    rows.push(row(step, "FAILED", error.to_string()));
    Output::ThenFail(Box::new(listing(rows)), Box::new(error))
}

fn listing(rows: Vec<Vec<Cell>>) -> Output {
    Output::List(Listing {
        columns: vec!["Step".into(), "Result".into(), "Detail".into()],
        rows,
    })
}

/// `who and what` of a token, no secret.
fn describe_token(a: &AccessInfo) -> String {
    let mut parts = Vec::new();
    if let Some(exp) = &a.expires_at {
        let left = a
            .expires()
            .map(|t| (t.unix - now_unix()) / 60)
            .map(|m| format!(" (in {m} min)"))
            .unwrap_or_default();
        parts.push(format!("expires {exp}{left}"));
    }
    if let Some(u) = a.user_name.as_ref().or(a.user_id.as_ref()) {
        parts.push(format!("user {u}"));
    }
    let scope = match (&a.project_id, &a.domain_id) {
        (Some(p), _) => format!("project {} ({p})", a.project_name.as_deref().unwrap_or("")),
        (None, Some(d)) => format!("domain {d}"),
        _ if a.system_scoped => "system all".into(),
        _ => "unscoped".into(),
    };
    parts.push(scope);
    if !a.roles.is_empty() {
        parts.push(format!("roles {}", a.roles.join(", ")));
    }
    parts.join("; ")
}

impl Command for CheckAuth {
    const WORDS: &'static str = "auth check";
    const ABOUT: &'static str = "Check authentication step by step (ostk only).\nAuthenticates the selected cloud afresh (the token cache is neither read nor written) and reports each step: the configuration used, every request of the auth plugin with its status and duration, the token's user, scope and expiry, and the catalog's services. No secret is printed. When a step fails, the steps before it are shown, then its error.";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let cfg = ctx.config()?.clone();
        let mut rows = Vec::new();
        let auth = match cfg.validate_for_auth() {
            Ok(a) => a,
            Err(e) => return Ok(failed(rows, "configuration", CliError::Config(e))),
        };
        let shown = |k: &str| {
            auth.get(k).and_then(|v| match v {
                ostk_sdk::config::AuthValue::Plain(v) => Some(ostk_sdk::config::pyval::py_str(v)),
                ostk_sdk::config::AuthValue::Secret(_) => None,
            })
        };
        let mut detail = vec![
            match cfg.name() {
                "" => "cloud (from the environment)".to_string(),
                n => format!("cloud {n}"),
            },
            format!("auth type {}", auth.plugin.name),
        ];
        for (k, label) in [
            ("auth_url", "auth URL"),
            ("endpoint", "endpoint"),
            ("identity_provider", "identity provider"),
            ("protocol", "protocol"),
            ("discovery_endpoint", "discovery"),
        ] {
            if let Some(v) = shown(k) {
                detail.push(format!("{label} {v}"));
            }
        }
        if !cfg.region_name().is_empty() {
            detail.push(format!("region {}", cfg.region_name()));
        }
        rows.push(row("configuration", "ok", detail.join(", ")));

        let prompt = ostk_sdk::client::auth::prompt_password_tty;
        let session = match Session::from_config(&cfg, SessionOptions::default(), Some(&prompt)) {
            Ok(s) => s,
            Err(e) => return Ok(failed(rows, "auth options", CliError::Client(e))),
        };
        let result = ctx.block_on(session.access_with_catalog())?;
        for t in session.http().timings() {
            let ok = if t.status < 400 { "ok" } else { "FAILED" };
            rows.push(row(
                t.step.unwrap_or("request"),
                ok,
                format!(
                    "{} {} -> HTTP {} in {} ms",
                    t.method,
                    t.url,
                    t.status,
                    t.elapsed.as_millis()
                ),
            ));
        }
        let access = match result {
            Ok(a) => a,
            Err(e) => return Ok(failed(rows, "error", CliError::Client(e))),
        };
        rows.push(row("token", "ok", describe_token(&access)));
        if let Some(ep) = &access.endpoint {
            rows.push(row("catalog", "ok", format!("none: every service at {ep}")));
        } else {
            let services = access
                .catalog
                .as_ref()
                .map(|c| c.service_list())
                .unwrap_or_default();
            let mut types: Vec<String> = services.iter().map(|s| s.service_type.clone()).collect();
            types.sort();
            let result = if types.is_empty() && access.project_id.is_some() {
                "EMPTY"
            } else {
                "ok"
            };
            rows.push(row(
                "catalog",
                result,
                format!("{} services: {}", types.len(), types.join(", ")),
            ));
        }
        Ok(listing(rows))
    }
}
