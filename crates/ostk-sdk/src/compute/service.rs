//! Compute services (`/os-services`, microversion ≤ 2.69), as openstacksdk's
//! `compute.v2.service.Service`.

use super::api::{self, call_json};
use crate::client::{ClientError, Method, Session};
use crate::rest::Collection;
use serde_json::{Map, Value};

/// openstacksdk's `Service._max_microversion`.
pub const CAP: &str = "2.69";
/// `/os-services`.
pub const SERVICES: Collection = api::capped("os-services", "service", "services", Some(CAP));

/// Services, optionally of one host and/or binary.
pub async fn list(
    s: &Session,
    host: Option<&str>,
    binary: Option<&str>,
) -> Result<Vec<Value>, ClientError> {
    let mut q: Vec<(&str, String)> = Vec::new();
    if let Some(b) = binary {
        q.push(("binary", b.to_string()));
    }
    if let Some(h) = host {
        q.push(("host", h.to_string()));
    }
    SERVICES.list(s, &q).await
}

/// `PUT /os-services/{id}` (2.53+): the attributes as the body, unwrapped.
pub async fn update(
    s: &Session,
    id: &str,
    attrs: Map<String, Value>,
) -> Result<Value, ClientError> {
    call_json(
        s,
        Method::PUT,
        &format!("os-services/{}", api::seg(id)),
        Some(Value::Object(attrs)),
        Some(CAP),
    )
    .await
}

/// The pre-2.53 actions: `PUT /os-services/{enable|disable|disable-log-reason|force-down}`
/// with `microversion` (the user's, or 2.11 for `force-down`).
pub async fn action(
    s: &Session,
    action: &str,
    body: Map<String, Value>,
    microversion: Option<&str>,
) -> Result<Value, ClientError> {
    let mut r = s
        .request("compute", Method::PUT, &format!("os-services/{action}"))
        .json(Value::Object(body));
    if let Some(m) = microversion {
        r = r.microversion(m);
    }
    api::json_or_null(&r.send().await?)
}
