//! Flavors as openstacksdk's `compute.v2.flavor.Flavor` speaks to them (microversion ≤ 2.61:
//! extra specs come with the flavor), with their extra specs and project access.

use super::api::{self, call, call_json, seg};
use crate::client::{ClientError, Method, Session};
use crate::rest::{Collection, Lookup};
use serde_json::{Map, Value, json};

/// openstacksdk's `Flavor._max_microversion`.
pub const CAP: &str = "2.61";
/// `/flavors` (listed through `/flavors/detail`).
pub const FLAVORS: Collection = api::capped("flavors", "flavor", "flavors", Some(CAP));

/// Every flavor from `/flavors/detail` with the query (`is_public` is always sent: `None`
/// asks for public and private alike, as openstacksdk does).
pub async fn list(s: &Session, query: &[(&str, String)]) -> Result<Vec<Value>, ClientError> {
    api::list_at(s, &FLAVORS, "flavors/detail", query).await
}

/// One page of `/flavors/detail` (explicit `--limit`/`--marker`: no further pages).
pub async fn list_page(s: &Session, query: &[(&str, String)]) -> Result<Vec<Value>, ClientError> {
    let mut r = s
        .request("compute", Method::GET, "flavors/detail")
        .default_microversion(CAP);
    for (k, v) in query {
        r = r.query(k, v);
    }
    let body = r.send().await?.json()?;
    Ok(body
        .get("flavors")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default())
}

/// openstacksdk `find_flavor`: by ID, else by name or ID among all flavors.
pub async fn find(s: &Session, name_or_id: &str) -> Result<Lookup, ClientError> {
    api::find(
        &FLAVORS,
        s,
        name_or_id,
        "flavors/detail",
        &[("is_public", "None".into())],
    )
    .await
}

/// `GET /flavors/{id}/os-extra_specs`.
pub async fn extra_specs(s: &Session, id: &str) -> Result<Map<String, Value>, ClientError> {
    let v = call_json(
        s,
        Method::GET,
        &format!("flavors/{}/os-extra_specs", seg(id)),
        None,
        Some(CAP),
    )
    .await?;
    Ok(specs_of(v))
}

fn specs_of(v: Value) -> Map<String, Value> {
    match v.get("extra_specs") {
        Some(Value::Object(m)) => m.clone(),
        _ => Map::new(),
    }
}

/// `POST /flavors/{id}/os-extra_specs`: adds or replaces these specs; returns them all.
pub async fn create_extra_specs(
    s: &Session,
    id: &str,
    specs: Map<String, Value>,
) -> Result<Map<String, Value>, ClientError> {
    let v = call_json(
        s,
        Method::POST,
        &format!("flavors/{}/os-extra_specs", seg(id)),
        Some(json!({ "extra_specs": specs })),
        Some(CAP),
    )
    .await?;
    Ok(specs_of(v))
}

/// `DELETE /flavors/{id}/os-extra_specs/{key}`; a key that is not there is no error
/// (openstacksdk's `ignore_missing=True`).
pub async fn delete_extra_spec(s: &Session, id: &str, key: &str) -> Result<(), ClientError> {
    match call(
        s,
        Method::DELETE,
        &format!("flavors/{}/os-extra_specs/{}", seg(id), seg(key)),
        None,
        Some(CAP),
    )
    .await
    {
        Err(e) if e.status() == Some(404) => Ok(()),
        other => other.map(drop),
    }
}

/// `GET /flavors/{id}/os-flavor-access`: the projects a private flavor is shared with.
pub async fn access(s: &Session, id: &str) -> Result<Vec<Value>, ClientError> {
    let v = call_json(
        s,
        Method::GET,
        &format!("flavors/{}/os-flavor-access", seg(id)),
        None,
        None,
    )
    .await?;
    Ok(v.get("flavor_access")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default())
}

/// `POST /flavors/{id}/action` with `addTenantAccess` (`add`) or `removeTenantAccess`.
pub async fn tenant_access(
    s: &Session,
    id: &str,
    project_id: &str,
    add: bool,
) -> Result<(), ClientError> {
    let action = if add {
        "addTenantAccess"
    } else {
        "removeTenantAccess"
    };
    call(
        s,
        Method::POST,
        &format!("flavors/{}/action", seg(id)),
        Some(json!({ action: { "tenant": project_id } })),
        None,
    )
    .await?;
    Ok(())
}
