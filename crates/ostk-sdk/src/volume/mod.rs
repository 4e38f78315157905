//! Block storage (cinder, `/v3/{project_id}`): volumes, snapshots, types, backups and the
//! rest of what `openstack volume …` uses, as openstacksdk's `block_storage` proxy.
//!
//! Requests negotiate the highest microversion both sides support, up to [`MICROVERSION`].
//! Resources are kept as JSON (`serde_json::Value`) as the server sends them; the commands pick
//! the attributes openstacksdk's resource classes know.

pub mod admin;
pub mod types;
pub mod volumes;

use crate::client::{ClientError, Method, Session, discovery};
use crate::rest::{Collection, Lookup};
use serde_json::{Map, Value};

/// Highest block-storage microversion this SDK speaks (openstacksdk 4.22's maximum).
pub const MICROVERSION: &str = "3.71";

/// Catalog service type.
pub const SERVICE: &str = "block-storage";

const fn coll(
    path: &'static str,
    singular: &'static str,
    plural: &'static str,
    microversion: Option<&'static str>,
) -> Collection {
    Collection {
        service_type: SERVICE,
        api_version: None,
        path,
        singular,
        plural,
        microversion,
    }
}

/// `/volumes` (openstacksdk `Volume`, up to 3.71).
pub const VOLUMES: Collection = coll("volumes", "volume", "volumes", Some(MICROVERSION));
/// `/volumes/detail` (listing with every attribute).
pub const VOLUMES_DETAIL: Collection =
    coll("volumes/detail", "volume", "volumes", Some(MICROVERSION));
/// `/snapshots` (openstacksdk `Snapshot`, up to 3.65).
pub const SNAPSHOTS: Collection = coll("snapshots", "snapshot", "snapshots", Some("3.65"));
/// `/snapshots/detail`.
pub const SNAPSHOTS_DETAIL: Collection =
    coll("snapshots/detail", "snapshot", "snapshots", Some("3.65"));
/// `/types` (openstacksdk `Type`: no microversion).
pub const TYPES: Collection = coll("types", "volume_type", "volume_types", None);
/// `/backups` (openstacksdk `Backup`, up to 3.64).
pub const BACKUPS: Collection = coll("backups", "backup", "backups", Some("3.64"));
/// `/backups/detail`.
pub const BACKUPS_DETAIL: Collection = coll("backups/detail", "backup", "backups", Some("3.64"));

/// `/os-services` (openstacksdk `Service`, up to 3.32).
pub const SERVICES: Collection = coll("os-services", "service", "services", Some("3.32"));
/// `/qos-specs` (openstacksdk `QoSSpec`: no microversion).
pub const QOS_SPECS: Collection = coll("qos-specs", "qos_specs", "qos_specs", None);

/// `/volume-transfers` (openstacksdk `Transfer`, up to 3.55).
pub const TRANSFERS: Collection = coll("volume-transfers", "transfer", "transfers", Some("3.55"));
/// `/volume-transfers/detail`.
pub const TRANSFERS_DETAIL: Collection = coll(
    "volume-transfers/detail",
    "transfer",
    "transfers",
    Some("3.55"),
);

/// `/group_types` (openstacksdk `GroupType`, up to 3.11).
pub const GROUP_TYPES: Collection = coll("group_types", "group_type", "group_types", Some("3.11"));
/// `/groups` (openstacksdk `Group`, up to 3.38).
pub const GROUPS: Collection = coll("groups", "group", "groups", Some("3.38"));
/// `/groups/detail`.
pub const GROUPS_DETAIL: Collection = coll("groups/detail", "group", "groups", Some("3.38"));
/// `/group_snapshots` (openstacksdk `GroupSnapshot`, up to 3.29).
pub const GROUP_SNAPSHOTS: Collection = coll(
    "group_snapshots",
    "group_snapshot",
    "group_snapshots",
    Some("3.29"),
);
/// `/group_snapshots/detail`.
pub const GROUP_SNAPSHOTS_DETAIL: Collection = coll(
    "group_snapshots/detail",
    "group_snapshot",
    "group_snapshots",
    Some("3.29"),
);
/// `/attachments` (openstacksdk `Attachment`, up to 3.71).
pub const ATTACHMENTS: Collection = coll("attachments", "attachment", "attachments", Some("3.71"));
/// `/attachments/detail`.
pub const ATTACHMENTS_DETAIL: Collection = coll(
    "attachments/detail",
    "attachment",
    "attachments",
    Some("3.71"),
);
/// `/messages` (cinder user messages, 3.3+).
pub const MESSAGES: Collection = coll("messages", "message", "messages", Some(MICROVERSION));
/// `/clusters` (openstacksdk `Cluster`, up to 3.26).
pub const CLUSTERS: Collection = coll("clusters", "cluster", "clusters", Some("3.26"));
/// `/clusters/detail`.
pub const CLUSTERS_DETAIL: Collection =
    coll("clusters/detail", "cluster", "clusters", Some("3.26"));
/// `/resource_filters` (openstacksdk `ResourceFilter`, 3.33).
pub const RESOURCE_FILTERS: Collection = coll(
    "resource_filters",
    "resource_filter",
    "resource_filters",
    Some("3.33"),
);
/// `/scheduler-stats/get_pools` (openstacksdk `Pools`: always `?detail=True`, no microversion).
pub const POOLS: Collection = coll("scheduler-stats/get_pools", "pool", "pools", None);
/// `/manageable_volumes` (3.8+; openstacksdk sends no microversion, so cinder answers 404
/// unless the user names one: ostk negotiates instead).
pub const MANAGEABLE_VOLUMES: Collection = coll(
    "manageable_volumes",
    "manageable-volume",
    "manageable-volumes",
    Some(MICROVERSION),
);
/// `/manageable_volumes/detail`.
pub const MANAGEABLE_VOLUMES_DETAIL: Collection = coll(
    "manageable_volumes/detail",
    "manageable-volume",
    "manageable-volumes",
    Some(MICROVERSION),
);
/// `/manageable_snapshots` (3.8+, as [`MANAGEABLE_VOLUMES`]).
pub const MANAGEABLE_SNAPSHOTS: Collection = coll(
    "manageable_snapshots",
    "manageable-snapshot",
    "manageable-snapshots",
    Some(MICROVERSION),
);
/// `/manageable_snapshots/detail`.
pub const MANAGEABLE_SNAPSHOTS_DETAIL: Collection = coll(
    "manageable_snapshots/detail",
    "manageable-snapshot",
    "manageable-snapshots",
    Some(MICROVERSION),
);

/// The microversion requests to cinder use: the user's `--os-volume-api-version` when it
/// names one, else the highest both sides support up to [`MICROVERSION`] (`None`: the server
/// has no microversions). What openstacksdk's `supports_microversion` compares against.
pub async fn microversion(s: &Session) -> Result<Option<String>, ClientError> {
    if let Some(v) = s
        .endpoint_settings()
        .api_version_for(SERVICE)
        .filter(|v| v.contains('.'))
    {
        return Ok(Some(v.to_string()));
    }
    let server = s.service_version(SERVICE).await?;
    Ok(discovery::negotiate_up_to(MICROVERSION, server.as_ref()))
}

/// Whether the microversion in use is at least `wanted` (openstacksdk `supports_microversion`).
pub async fn supports(s: &Session, wanted: &str) -> Result<bool, ClientError> {
    let have = microversion(s).await?;
    Ok(discovery::at_least(have.as_deref(), wanted))
}

/// openstacksdk `find_<resource>(name_or_id, ignore_missing=False)` for cinder: `GET
/// {path}/{id}`, else the listing of `detail` with `filters`, matched by name (with a `name`
/// query parameter too when `name_query`: the resources whose query mapping has one).
pub async fn find(
    s: &Session,
    coll: &Collection,
    detail: &Collection,
    name_or_id: &str,
    name_query: bool,
    filters: &[(&str, String)],
) -> Result<Lookup, ClientError> {
    match coll.get_with_query(s, name_or_id, filters).await {
        Ok(v) => return Ok(Lookup::Found(v)),
        Err(e) if matches!(e.status(), Some(404 | 400)) => {}
        Err(e) => return Err(e),
    }
    let mut query: Vec<(&str, String)> = Vec::new();
    if name_query {
        query.push(("name", name_or_id.to_string()));
    }
    query.extend(filters.iter().cloned());
    Ok(Lookup::by_name(detail.list(s, &query).await?, name_or_id))
}

fn enc(id: &str) -> String {
    let e: String = url::form_urlencoded::byte_serialize(id.as_bytes()).collect();
    e.replace('+', "%20")
}

/// Sends `method path` (below the cinder endpoint) with an optional JSON body, negotiating
/// the microversion up to `cap` (no header without one), and returns the JSON answer (`Null`
/// for an empty one).
pub async fn call(
    s: &Session,
    method: Method,
    path: &str,
    body: Option<Value>,
    cap: Option<&str>,
) -> Result<Value, ClientError> {
    call_with(s, method, path, body, cap, &[]).await
}

/// [`call`] with extra request headers.
pub async fn call_with(
    s: &Session,
    method: Method,
    path: &str,
    body: Option<Value>,
    cap: Option<&str>,
    headers: &[(&str, &str)],
) -> Result<Value, ClientError> {
    let mut r = s.request(SERVICE, method, path);
    for (k, v) in headers {
        r = r.header(k, *v);
    }
    if let Some(c) = cap {
        r = r.default_microversion(c);
    }
    if let Some(b) = body {
        r = r.json(b);
    }
    let resp = r.send().await?;
    if resp.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Null);
    }
    resp.json()
}

/// `POST {coll}/{id}/action` with `{name: args}` (openstacksdk `_action`, negotiating up to
/// the collection's microversion).
pub async fn action(
    s: &Session,
    coll: &Collection,
    id: &str,
    name: &str,
    args: Value,
) -> Result<Value, ClientError> {
    let body = Value::Object(Map::from_iter([(name.to_string(), args)]));
    let path = format!("{}/{}/action", coll.path, enc(id));
    call(s, Method::POST, &path, Some(body), coll.microversion).await
}

/// `POST {path}/{id}/metadata`: adds or updates metadata keys (openstacksdk `set_metadata`).
pub async fn set_metadata(
    s: &Session,
    path: &str,
    id: &str,
    metadata: Map<String, Value>,
) -> Result<(), ClientError> {
    let body = serde_json::json!({ "metadata": metadata });
    call(
        s,
        Method::POST,
        &format!("{path}/{}/metadata", enc(id)),
        Some(body),
        None,
    )
    .await?;
    Ok(())
}

/// `PUT {path}/{id}/metadata` with `{}`: removes every metadata key.
pub async fn clear_metadata(s: &Session, path: &str, id: &str) -> Result<(), ClientError> {
    let body = serde_json::json!({ "metadata": {} });
    call(
        s,
        Method::PUT,
        &format!("{path}/{}/metadata", enc(id)),
        Some(body),
        None,
    )
    .await?;
    Ok(())
}

/// `DELETE {path}/{id}/metadata/{key}`.
pub async fn delete_metadata_item(
    s: &Session,
    path: &str,
    id: &str,
    key: &str,
) -> Result<(), ClientError> {
    call(
        s,
        Method::DELETE,
        &format!("{path}/{}/metadata/{}", enc(id), enc(key)),
        None,
        None,
    )
    .await?;
    Ok(())
}

/// Path of one item below a collection, encoded.
pub fn item_path(path: &str, id: &str) -> String {
    format!("{path}/{}", enc(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_path_encoded() {
        assert_eq!(item_path("volumes", "a b/c"), "volumes/a%20b%2Fc");
    }
}
