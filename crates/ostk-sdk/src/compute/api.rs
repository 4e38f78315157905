//! Plain compute requests for what does not fit [`Collection`]: actions, sub-resources,
//! microversion checks, and openstacksdk's per-resource microversion caps
//! (`_max_microversion`: flavors speak at most 2.61, key pairs 2.10…).

use crate::client::{ClientError, Method, Session, discovery};
use crate::rest::{Collection, Lookup};
use serde_json::Value;

/// A compute collection negotiating up to `cap` (openstacksdk's `_max_microversion` of the
/// resource), or sending no microversion header when `cap` is `None`.
pub const fn capped(
    path: &'static str,
    singular: &'static str,
    plural: &'static str,
    cap: Option<&'static str>,
) -> Collection {
    Collection {
        service_type: "compute",
        api_version: None,
        path,
        singular,
        plural,
        microversion: cap,
    }
}

/// The microversion range nova announces (`min`, `max`), `None` when it has none.
pub async fn server_range(s: &Session) -> Result<Option<(String, String)>, ClientError> {
    let ep = s.endpoint("compute").await?;
    let versions = s.discover(&ep).await?;
    Ok(versions
        .iter()
        .filter(|v| v.max_version.as_deref().is_some_and(|m| !m.is_empty()))
        .max_by_key(|v| discovery::parse_version(&v.id))
        .map(|v| {
            (
                v.min_version.clone().unwrap_or_else(|| "2.1".into()),
                v.max_version.clone().unwrap_or_default(),
            )
        }))
}

/// The microversion the user asked for (`--os-compute-api-version 2.53`), if any.
pub fn user_microversion(s: &Session) -> Option<String> {
    s.endpoint_settings()
        .api_version_for("compute")
        .filter(|v| v.contains('.') || v.eq_ignore_ascii_case("latest"))
        .map(str::to_string)
}

/// openstacksdk `utils.supports_microversion(compute, wanted)`: the server supports it and,
/// when the user named a microversion, that one is at least `wanted`.
pub async fn supports_microversion(s: &Session, wanted: &str) -> Result<bool, ClientError> {
    let Some((min, max)) = server_range(s).await? else {
        return Ok(false);
    };
    let (w, lo, hi) = (
        discovery::parse_version(wanted),
        discovery::parse_version(&min),
        discovery::parse_version(&max),
    );
    let (Some(w), Some(lo), Some(hi)) = (w, lo, hi) else {
        return Ok(false);
    };
    if w < lo || w > hi {
        return Ok(false);
    }
    Ok(match user_microversion(s) {
        Some(u) if u.eq_ignore_ascii_case("latest") => true,
        Some(u) => discovery::parse_version(&u).is_some_and(|u| u.0 == w.0 && u >= w),
        None => true,
    })
}

/// Sends a compute request negotiating up to `cap`, with an optional JSON body.
pub async fn call(
    s: &Session,
    method: Method,
    path: &str,
    body: Option<Value>,
    cap: Option<&str>,
) -> Result<crate::client::HttpResponse, ClientError> {
    let mut r = s.request("compute", method, path);
    if let Some(c) = cap {
        r = r.default_microversion(c);
    }
    if let Some(b) = body {
        r = r.json(b);
    }
    r.send().await
}

/// The JSON answer of a compute request (`Null` for an empty body).
pub async fn call_json(
    s: &Session,
    method: Method,
    path: &str,
    body: Option<Value>,
    cap: Option<&str>,
) -> Result<Value, ClientError> {
    json_or_null(&call(s, method, path, body, cap).await?)
}

/// The JSON body of an answer, `Null` when it has none (204, or a 202 without body).
pub fn json_or_null(resp: &crate::client::HttpResponse) -> Result<Value, ClientError> {
    if resp.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Value::Null);
    }
    resp.json()
}

/// Percent-encodes one path segment.
pub fn seg(id: &str) -> String {
    let enc: String = url::form_urlencoded::byte_serialize(id.as_bytes()).collect();
    enc.replace('+', "%20")
}

/// openstacksdk `Resource.find`: `GET {path}/{name_or_id}`, else the one listed item (from
/// `list_path` with `query`) whose `id` or `name` equals it.
pub async fn find(
    coll: &Collection,
    s: &Session,
    name_or_id: &str,
    list_path: &str,
    query: &[(&str, String)],
) -> Result<Lookup, ClientError> {
    find_named(coll, s, name_or_id, list_path, query, "name").await
}

/// [`find`] for resources whose openstacksdk `name` is another JSON key
/// (`hypervisor_hostname`).
pub async fn find_named(
    coll: &Collection,
    s: &Session,
    name_or_id: &str,
    list_path: &str,
    query: &[(&str, String)],
    name_key: &str,
) -> Result<Lookup, ClientError> {
    match coll.get(s, name_or_id).await {
        Ok(v) => return Ok(Lookup::Found(v)),
        Err(e) if matches!(e.status(), Some(404 | 403 | 400)) => {}
        Err(e) => return Err(e),
    }
    let items = list_at(s, coll, list_path, query).await?;
    Ok(one_match(items, name_or_id, name_key))
}

/// Every item of `coll` listed from `list_path` (`flavors/detail`) with `query`.
pub async fn list_at(
    s: &Session,
    coll: &Collection,
    list_path: &str,
    query: &[(&str, String)],
) -> Result<Vec<Value>, ClientError> {
    let mut path = list_path.to_string();
    if !query.is_empty() {
        let mut u = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in query {
            u.append_pair(k, v);
        }
        path = format!("{path}?{}", u.finish());
    }
    crate::client::pager::list_all_capped(
        s,
        coll.service_type,
        coll.api_version,
        coll.microversion,
        &path,
        coll.plural,
    )
    .await
}

/// openstacksdk `_get_one_match`: the items whose `id` or `name` is `name_or_id`.
fn one_match(items: Vec<Value>, name_or_id: &str, name_key: &str) -> Lookup {
    let hits: Vec<Value> = items
        .into_iter()
        .filter(|v| {
            [v.get("id"), v.get(name_key)]
                .into_iter()
                .flatten()
                .any(|x| match x {
                    Value::String(s) => s == name_or_id,
                    Value::Number(n) => n.to_string() == name_or_id,
                    _ => false,
                })
        })
        .collect();
    Lookup::from_matches(hits)
}
