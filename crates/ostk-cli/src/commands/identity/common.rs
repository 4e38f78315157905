//! Name-or-ID resolution shared by the identity commands: the port of
//! openstackclient/identity/common.py (`find_*_id_sdk`, `_find_sdk_id`) and of openstacksdk's
//! `find_<resource>(…, ignore_missing=False)`, with their exact error texts, plus the
//! openstacksdk `HttpException` wording the SDK-based identity commands print.
//!
//! Two families, as in OSC:
//! - [`find_domain`], [`find_project`], [`find_user`], [`find_group`], [`find_sdk`]: openstacksdk
//!   `find_*` with `ignore_missing=False`. Not found → `No Project found for x`; several →
//!   `More than one Project exists with the name 'x'.`; other HTTP errors in openstacksdk wording.
//! - [`find_domain_id`], [`find_project_id`], [`find_user_id`], [`find_group_id`],
//!   [`find_sdk_id`]: OSC's `_find_sdk_id`: the ID, or the input itself when the lookup is
//!   forbidden (non-admin users) or when `validate` is false and nothing is found; when
//!   `validate` is true and nothing is found OSC raises a *message-less* CommandError, which
//!   prints an empty line.
//!
//! Also [`find_resource_legacy`]: osc-lib `utils.find_resource` on a keystoneclient manager
//! (`No domain with a name or ID of 'x' exists.`), used by the few commands still on
//! keystoneclient (token, ec2 credentials, access rules).

use crate::{context::Context, error::CliError};
use ostk_sdk::client::ClientError;
use ostk_sdk::identity::{domain::DOMAINS, group::GROUPS, project::PROJECTS, user::USERS};
use ostk_sdk::rest::{Collection, Lookup};
use serde_json::Value;

/// openstacksdk's exception class name for an HTTP status (`exceptions.raise_from_response`).
fn sdk_class(status: u16) -> &'static str {
    match status {
        400 => "BadRequestException",
        403 => "ForbiddenException",
        404 => "NotFoundException",
        409 => "ConflictException",
        412 => "PreconditionFailedException",
        _ => "HttpException",
    }
}

/// A client error as openstacksdk's `HttpException.__str__` words it:
/// `{message}: Client Error for url: {url}, {details}` where message is `error_message` (e.g.
/// `No Project found for x`, what openstacksdk's `proxy._get` passes) or `ConflictException: 409`.
/// Non-HTTP errors keep their own wording.
pub fn sdk_error(e: ClientError, error_message: Option<&str>) -> CliError {
    match e {
        ClientError::Api(api) => {
            let message = match error_message {
                Some(m) => m.to_string(),
                None => format!("{}: {}", sdk_class(api.status), api.status),
            };
            let source = if (400..500).contains(&api.status) {
                "Client"
            } else {
                "Server"
            };
            let details = api
                .message
                .clone()
                .filter(|m| !m.is_empty())
                .or_else(|| api.details.as_deref().and_then(html_details))
                .unwrap_or_else(|| api.reason().to_string());
            CliError::Message(format!(
                "{message}: {source} Error for url: {}, {details}",
                api.url
            ))
        }
        other => CliError::from(other),
    }
}

/// openstacksdk's details of a `text/html` error body: each line without its tags, repeats
/// dropped, joined by `: ` (`404 Not Found: The resource could not be found.`). `None` for a
/// body that is no HTML (a plain text body gets the status reason instead).
fn html_details(body: &str) -> Option<String> {
    if !body.trim_start().starts_with('<') {
        return None;
    }
    let mut seen: Vec<String> = Vec::new();
    for line in body.lines() {
        let mut text = String::new();
        let mut rest = line.trim();
        // Python's re.sub(r'<.+?>', '', line): a '<' with no '>' after it stays
        while let Some(open) = rest.find('<') {
            match rest[open + 1..].find('>') {
                Some(close) if close > 0 => {
                    text.push_str(&rest[..open]);
                    rest = &rest[open + 1 + close + 1..];
                }
                _ => break,
            }
        }
        text.push_str(rest);
        if !seen.contains(&text) {
            seen.push(text);
        }
    }
    let joined = seen
        .into_iter()
        .filter(|m| !m.is_empty())
        .collect::<Vec<_>>()
        .join(": ");
    (!joined.is_empty()).then_some(joined)
}

/// openstacksdk `find_<resource>(name_or_id, ignore_missing=False, **filters)`: the resource
/// by ID, else the one whose name matches. `class` is openstacksdk's class name (`Project`),
/// which its messages use.
pub fn find_sdk(
    ctx: &mut Context,
    coll: &Collection,
    class: &str,
    name_or_id: &str,
    filters: &[(&str, String)],
) -> Result<Value, CliError> {
    let session = ctx.session()?;
    let r = ctx.block_on(coll.find(&session, name_or_id, filters))?;
    found(r, class, name_or_id)
}

/// An openstacksdk `find_*(…, ignore_missing=False)` answer: the resource, or openstacksdk's
/// message (`No Project found for x`, `More than one Project exists with the name 'x'.`).
pub fn found(
    r: Result<Lookup, ClientError>,
    class: &str,
    name_or_id: &str,
) -> Result<Value, CliError> {
    match r {
        Ok(Lookup::Found(v)) => Ok(v),
        Ok(Lookup::NotFound) => Err(CliError::Message(format!(
            "No {class} found for {name_or_id}"
        ))),
        Ok(Lookup::Ambiguous(_)) => Err(CliError::Message(format!(
            "More than one {class} exists with the name '{name_or_id}'."
        ))),
        Err(e) => Err(sdk_error(e, None)),
    }
}

/// How `_find_sdk_id` ended, for callers that must tell the cases apart.
fn sdk_id(
    ctx: &mut Context,
    coll: &Collection,
    class: &str,
    name_or_id: &str,
    validate: bool,
    filters: &[(&str, String)],
) -> Result<String, CliError> {
    let session = ctx.session()?;
    match ctx.block_on(coll.find(&session, name_or_id, filters))? {
        Ok(Lookup::Found(v)) => Ok(id_of(&v)),
        Ok(Lookup::NotFound) if !validate => Ok(name_or_id.to_string()),
        // OSC: `raise exceptions.CommandError from exc` — no message, an empty line.
        Ok(Lookup::NotFound) => Err(CliError::Message(String::new())),
        Ok(Lookup::Ambiguous(_)) => Err(CliError::Message(format!(
            "More than one {class} exists with the name '{name_or_id}'."
        ))),
        Err(e) if e.status() == Some(403) => Ok(name_or_id.to_string()),
        Err(e) => Err(sdk_error(e, None)),
    }
}

/// OSC `common._find_sdk_id(identity_client.find_<class>, name_or_id, validate_actor_existence,
/// **filters)` for any identity collection.
pub fn find_sdk_id(
    ctx: &mut Context,
    coll: &Collection,
    class: &str,
    name_or_id: &str,
    validate: bool,
    filters: &[(&str, String)],
) -> Result<String, CliError> {
    sdk_id(ctx, coll, class, name_or_id, validate, filters)
}

/// The `id` of a resource as JSON.
pub fn id_of(v: &Value) -> String {
    v.get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// openstacksdk `find_domain(name_or_id, ignore_missing=False)`.
pub fn find_domain(ctx: &mut Context, name_or_id: &str) -> Result<Value, CliError> {
    find_sdk(ctx, &DOMAINS, "Domain", name_or_id, &[])
}

/// openstacksdk `find_project(name_or_id, ignore_missing=False, domain_id=…)`.
pub fn find_project(
    ctx: &mut Context,
    name_or_id: &str,
    domain_id: Option<&str>,
) -> Result<Value, CliError> {
    find_sdk(
        ctx,
        &PROJECTS,
        "Project",
        name_or_id,
        &domain_filter(domain_id),
    )
}

/// openstacksdk `find_user(name_or_id, ignore_missing=False, domain_id=…)`.
pub fn find_user(
    ctx: &mut Context,
    name_or_id: &str,
    domain_id: Option<&str>,
) -> Result<Value, CliError> {
    find_sdk(ctx, &USERS, "User", name_or_id, &domain_filter(domain_id))
}

/// openstacksdk `find_group(name_or_id, ignore_missing=False, domain_id=…)`.
pub fn find_group(
    ctx: &mut Context,
    name_or_id: &str,
    domain_id: Option<&str>,
) -> Result<Value, CliError> {
    find_sdk(ctx, &GROUPS, "Group", name_or_id, &domain_filter(domain_id))
}

fn domain_filter(domain_id: Option<&str>) -> Vec<(&'static str, String)> {
    domain_id
        .map(|d| vec![("domain_id", d.to_string())])
        .unwrap_or_default()
}

/// OSC `common.find_domain_id_sdk(client, name_or_id, validate_actor_existence=validate)`.
pub fn find_domain_id(
    ctx: &mut Context,
    name_or_id: &str,
    validate: bool,
) -> Result<String, CliError> {
    sdk_id(ctx, &DOMAINS, "Domain", name_or_id, validate, &[])
}

/// OSC `common.find_project_id_sdk(client, name_or_id, domain_name_or_id, validate_actor_existence=validate)`:
/// the domain (name or ID) is resolved first (same `validate`), then the project in it.
pub fn find_project_id(
    ctx: &mut Context,
    name_or_id: &str,
    domain: Option<&str>,
    validate: bool,
) -> Result<String, CliError> {
    scoped_id(ctx, &PROJECTS, "Project", name_or_id, domain, validate)
}

/// OSC `common.find_user_id_sdk(client, name_or_id, domain_name_or_id, validate_actor_existence=validate)`.
pub fn find_user_id(
    ctx: &mut Context,
    name_or_id: &str,
    domain: Option<&str>,
    validate: bool,
) -> Result<String, CliError> {
    scoped_id(ctx, &USERS, "User", name_or_id, domain, validate)
}

/// OSC `common.find_group_id_sdk(client, name_or_id, domain_name_or_id, validate_actor_existence=validate)`.
pub fn find_group_id(
    ctx: &mut Context,
    name_or_id: &str,
    domain: Option<&str>,
    validate: bool,
) -> Result<String, CliError> {
    scoped_id(ctx, &GROUPS, "Group", name_or_id, domain, validate)
}

fn scoped_id(
    ctx: &mut Context,
    coll: &Collection,
    class: &str,
    name_or_id: &str,
    domain: Option<&str>,
    validate: bool,
) -> Result<String, CliError> {
    let filters = match domain {
        None => Vec::new(),
        Some(d) => vec![("domain_id", find_domain_id(ctx, d, validate)?)],
    };
    sdk_id(ctx, coll, class, name_or_id, validate, &filters)
}

/// osc-lib `utils.find_resource(manager, name_or_id, **filters)` as OSC's keystoneclient-based
/// `common.find_domain/find_project/find_user/find_group` use it (through
/// `_find_identity_resource`): by ID, else by name; not found →
/// `No {resource} with a name or ID of 'x' exists.`, several →
/// `More than one {resource} exists with the name 'x'.` (`resource` lower-case: `project`). A
/// 403 yields `{"id": x, "name": x}` as OSC's fallback does.
pub fn find_resource_legacy(
    ctx: &mut Context,
    coll: &Collection,
    resource: &str,
    name_or_id: &str,
    filters: &[(&str, String)],
) -> Result<Value, CliError> {
    match find_resource(ctx, coll, resource, name_or_id, filters) {
        Err(CliError::Client(e)) if e.status() == Some(403) => Ok(serde_json::json!({
            "id": name_or_id,
            "name": name_or_id,
        })),
        r => r,
    }
}

/// osc-lib `utils.find_resource(manager, name_or_id, **filters)` called directly on a
/// keystoneclient manager (`ec2 credentials --user/--project`): as
/// [`find_resource_legacy`] but without the 403 fallback, so a user who may not list users
/// reads keystone's `You are not authorized … (HTTP 403)`.
pub fn find_resource(
    ctx: &mut Context,
    coll: &Collection,
    resource: &str,
    name_or_id: &str,
    filters: &[(&str, String)],
) -> Result<Value, CliError> {
    let session = ctx.session()?;
    match ctx.block_on(coll.find(&session, name_or_id, filters))?? {
        Lookup::Found(v) => Ok(v),
        Lookup::NotFound => Err(CliError::Message(format!(
            "No {resource} with a name or ID of '{name_or_id}' exists."
        ))),
        Lookup::Ambiguous(_) => Err(CliError::Message(format!(
            "More than one {resource} exists with the name '{name_or_id}'."
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdk_errors_are_worded_as_openstacksdk() {
        let api = ostk_sdk::client::ApiError {
            status: 409,
            request_id: None,
            message: Some("Conflict occurred.".into()),
            details: None,
            url: "http://k/v3/projects".into(),
            method: "POST".into(),
            retry_after: None,
        };
        let e = sdk_error(ClientError::from(api.clone()), None);
        assert_eq!(
            e.to_string(),
            "ConflictException: 409: Client Error for url: http://k/v3/projects, Conflict occurred."
        );
        let e = sdk_error(ClientError::from(api), Some("No Region found for r"));
        assert_eq!(
            e.to_string(),
            "No Region found for r: Client Error for url: http://k/v3/projects, Conflict occurred."
        );
        let html = ostk_sdk::client::ApiError {
            status: 404,
            request_id: None,
            message: None,
            details: Some(
                "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  \
                 <h1>404 Not Found</h1>\n  The resource could not be found.<br /><br />\n\n\n\n \
                 </body>\n</html>"
                    .into(),
            ),
            url: "http://c/v3/p/os-services/failover".into(),
            method: "PUT".into(),
            retry_after: None,
        };
        assert_eq!(
            sdk_error(ClientError::from(html), None).to_string(),
            "NotFoundException: 404: Client Error for url: http://c/v3/p/os-services/failover, \
             404 Not Found: The resource could not be found."
        );
        assert_eq!(html_details("plain text"), None);
        // Python's lazy `<.+?>`: "< b</p>" is one tag; a '<' never closed stays
        assert_eq!(html_details("<p>a < b</p>"), Some("a ".into()));
        assert_eq!(
            html_details("<p>x</p>\n<p>x</p>\n<b>1 < 2"),
            Some("x: 1 < 2".into())
        );
    }
}
