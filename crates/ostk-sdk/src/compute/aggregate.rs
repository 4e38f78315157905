//! Host aggregates (`/os-aggregates`, microversion ≤ 2.81) as openstacksdk's
//! `compute.v2.aggregate.Aggregate`.

use super::api::{self, call_json};
use crate::client::{ClientError, Method, Session};
use crate::rest::{Collection, Lookup};
use serde_json::{Value, json};

/// openstacksdk's `Aggregate._max_microversion`.
pub const CAP: &str = "2.81";
/// `/os-aggregates`.
pub const AGGREGATES: Collection =
    api::capped("os-aggregates", "aggregate", "aggregates", Some(CAP));

/// openstacksdk `find_aggregate`: by ID, else by name or ID among all.
pub async fn find(s: &Session, name_or_id: &str) -> Result<Lookup, ClientError> {
    api::find(&AGGREGATES, s, name_or_id, "os-aggregates", &[]).await
}

/// `POST /os-aggregates/{id}/action` (`add_host`, `remove_host`, `set_metadata`), sent
/// without a microversion as openstacksdk does; the aggregate it answers.
pub async fn action(s: &Session, id: &str, body: Value) -> Result<Value, ClientError> {
    let v = call_json(
        s,
        Method::POST,
        &format!("os-aggregates/{}/action", api::seg(id)),
        Some(body),
        None,
    )
    .await?;
    Ok(v.get("aggregate").cloned().unwrap_or(Value::Null))
}

/// `POST /os-aggregates/{id}/images` (2.81): asks the hosts to cache these images.
pub async fn precache_images(s: &Session, id: &str, images: &[String]) -> Result<(), ClientError> {
    let cache: Vec<Value> = images.iter().map(|i| json!({ "id": i })).collect();
    let path = format!("os-aggregates/{}/images", api::seg(id));
    s.request("compute", Method::POST, &path)
        .microversion(CAP)
        .json(json!({ "cache": cache }))
        .send()
        .await?;
    Ok(())
}
