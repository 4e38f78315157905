//! Usage (`/os-simple-tenant-usage`, microversion ≤ 2.75) as openstacksdk's
//! `compute.v2.usage.Usage`.

use super::api::{self, call_json};
use crate::client::{ClientError, Method, Session};
use crate::rest::Collection;
use serde_json::Value;

/// openstacksdk's `Usage._max_microversion`.
pub const CAP: &str = "2.75";
/// `/os-simple-tenant-usage`.
pub const USAGES: Collection = api::capped(
    "os-simple-tenant-usage",
    "tenant_usage",
    "tenant_usages",
    Some(CAP),
);

/// Every project's usage between `start` and `end` (ISO timestamps).
pub async fn list(s: &Session, start: &str, end: &str) -> Result<Vec<Value>, ClientError> {
    USAGES
        .list(
            s,
            &[
                ("detailed", "True".into()),
                ("start", start.into()),
                ("end", end.into()),
            ],
        )
        .await
}

/// One project's usage between `start` and `end`.
pub async fn get(s: &Session, project: &str, start: &str, end: &str) -> Result<Value, ClientError> {
    let mut u = url::form_urlencoded::Serializer::new(String::new());
    u.append_pair("start", start).append_pair("end", end);
    let path = format!(
        "os-simple-tenant-usage/{}?{}",
        api::seg(project),
        u.finish()
    );
    let v = call_json(s, Method::GET, &path, None, Some(CAP)).await?;
    Ok(v.get("tenant_usage").cloned().unwrap_or(Value::Null))
}
