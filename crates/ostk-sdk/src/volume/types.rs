//! Volume types: extra specs, private access and encryption (openstacksdk `Type`,
//! `TypeEncryption`; none of these calls sends a microversion).

use super::{TYPES, call, item_path};
use crate::client::{ClientError, Method, Session};
use serde_json::{Map, Value, json};

fn type_path(id: &str, rest: &str) -> String {
    format!("{}/{rest}", item_path(TYPES.path, id))
}

/// `POST /types/{id}/extra_specs`: adds or updates keys; returns the type's specs after it.
pub async fn set_extra_specs(
    s: &Session,
    id: &str,
    specs: Map<String, Value>,
) -> Result<Map<String, Value>, ClientError> {
    let body = json!({ "extra_specs": specs });
    let v = call(
        s,
        Method::POST,
        &type_path(id, "extra_specs"),
        Some(body),
        None,
    )
    .await?;
    Ok(v["extra_specs"].as_object().cloned().unwrap_or_default())
}

/// `DELETE /types/{id}/extra_specs/{key}`.
pub async fn delete_extra_spec(s: &Session, id: &str, key: &str) -> Result<(), ClientError> {
    let path = item_path(&type_path(id, "extra_specs"), key);
    call(s, Method::DELETE, &path, None, None).await?;
    Ok(())
}

/// `GET /types/{id}/os-volume-type-access`: the projects of a private type.
pub async fn access(s: &Session, id: &str) -> Result<Vec<Value>, ClientError> {
    let v = call(
        s,
        Method::GET,
        &type_path(id, "os-volume-type-access"),
        None,
        None,
    )
    .await?;
    Ok(v["volume_type_access"]
        .as_array()
        .cloned()
        .unwrap_or_default())
}

/// `addProjectAccess` / `removeProjectAccess`.
pub async fn set_access(
    s: &Session,
    id: &str,
    project_id: &str,
    add: bool,
) -> Result<(), ClientError> {
    let name = if add {
        "addProjectAccess"
    } else {
        "removeProjectAccess"
    };
    let body = json!({ name: { "project": project_id } });
    call(s, Method::POST, &type_path(id, "action"), Some(body), None).await?;
    Ok(())
}

/// `GET /types/{id}/encryption` (`{}` when the type has none).
pub async fn encryption(s: &Session, id: &str) -> Result<Map<String, Value>, ClientError> {
    let v = call(s, Method::GET, &type_path(id, "encryption"), None, None).await?;
    let v = v.get("encryption").cloned().unwrap_or(v);
    Ok(v.as_object().cloned().unwrap_or_default())
}

/// `POST /types/{id}/encryption`.
pub async fn create_encryption(
    s: &Session,
    id: &str,
    attrs: Map<String, Value>,
) -> Result<Map<String, Value>, ClientError> {
    let body = json!({ "encryption": attrs });
    let v = call(
        s,
        Method::POST,
        &type_path(id, "encryption"),
        Some(body),
        None,
    )
    .await?;
    Ok(v["encryption"].as_object().cloned().unwrap_or_default())
}

/// `PUT /types/{id}/encryption/{encryption_id}`.
pub async fn update_encryption(
    s: &Session,
    id: &str,
    encryption_id: &str,
    attrs: Map<String, Value>,
) -> Result<(), ClientError> {
    let body = json!({ "encryption": attrs });
    let path = item_path(&type_path(id, "encryption"), encryption_id);
    call(s, Method::PUT, &path, Some(body), None).await?;
    Ok(())
}

/// `DELETE /types/{id}/encryption/{encryption_id}`.
pub async fn delete_encryption(
    s: &Session,
    id: &str,
    encryption_id: &str,
) -> Result<(), ClientError> {
    let path = item_path(&type_path(id, "encryption"), encryption_id);
    call(s, Method::DELETE, &path, None, None).await?;
    Ok(())
}
