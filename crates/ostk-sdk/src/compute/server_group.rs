//! Server groups (`/os-server-groups`, microversion ≤ 2.64) as openstacksdk's
//! `compute.v2.server_group.ServerGroup`.

use super::api;
use crate::client::{ClientError, Method, Session};
use crate::rest::{Collection, Lookup};
use serde_json::Value;

/// openstacksdk's `ServerGroup._max_microversion`.
pub const CAP: &str = "2.64";
/// `/os-server-groups`.
pub const SERVER_GROUPS: Collection = api::capped(
    "os-server-groups",
    "server_group",
    "server_groups",
    Some(CAP),
);

/// openstacksdk `find_server_group`: by ID, else by name or ID among the listed ones.
pub async fn find(s: &Session, name_or_id: &str) -> Result<Lookup, ClientError> {
    api::find(&SERVER_GROUPS, s, name_or_id, "os-server-groups", &[]).await
}

/// Server groups; with a page size (`limit`) nova gives no `next` links, so pages are asked
/// for with the last ID as `marker` until one comes back short, as openstacksdk does.
pub async fn list(
    s: &Session,
    all_projects: bool,
    offset: Option<i64>,
    limit: Option<i64>,
    max_items: Option<usize>,
) -> Result<Vec<Value>, ClientError> {
    let mut out: Vec<Value> = Vec::new();
    let mut marker: Option<String> = None;
    loop {
        let mut r = s
            .request("compute", Method::GET, "os-server-groups")
            .default_microversion(CAP);
        if let Some(m) = &marker {
            r = r.query("marker", m);
        }
        if let Some(l) = limit {
            r = r.query("limit", l);
        }
        if all_projects {
            r = r.query("all_projects", "True");
        }
        if let Some(o) = offset {
            r = r.query("offset", o);
        }
        let page: Vec<Value> = r
            .send()
            .await?
            .json()?
            .get("server_groups")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let n = page.len();
        out.extend(page);
        if max_items.is_some_and(|m| out.len() >= m) {
            break;
        }
        let Some(l) = limit else { break };
        if n == 0 || i64::try_from(n).unwrap_or(i64::MAX) < l {
            break;
        }
        let next = out
            .last()
            .and_then(|v| v.get("id"))
            .and_then(Value::as_str)
            .map(str::to_string);
        if next.is_none() {
            break;
        }
        // nova ignores `marker` here, so a full page comes back the same: openstacksdk gives
        // up with this error.
        if next == marker {
            return Err(ClientError::Config(
                "Endless pagination loop detected, aborting".into(),
            ));
        }
        marker = next;
    }
    if let Some(m) = max_items {
        out.truncate(m);
    }
    Ok(out)
}
