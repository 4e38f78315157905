//! Volumes: openstacksdk `block_storage.v3.volume.Volume` and the proxy calls on it.

use super::{MICROVERSION, SERVICE, VOLUMES, action, call, item_path, supports};
use crate::client::{ClientError, Method, Session};
use crate::rest::Collection;
use serde_json::{Map, Value, json};

/// The attributes openstacksdk's `Volume` knows, by their cinder names, in declaration
/// order (`to_dict(original_names=True)` shows exactly these, `None` when absent).
pub const ATTRIBUTES: &[&str] = &[
    "attachments",
    "availability_zone",
    "backup_id",
    "consistencygroup_id",
    "consumes_quota",
    "cluster_name",
    "created_at",
    "description",
    "encryption_key_id",
    "os-volume-replication:extended_status",
    "group_id",
    "os-vol-host-attr:host",
    "imageRef",
    "bootable",
    "encrypted",
    "multiattach",
    "os-vol-mig-status-attr:name_id",
    "os-vol-mig-status-attr:migstat",
    "os-vol-tenant-attr:tenant_id",
    "os-volume-replication:driver_data",
    "provider_id",
    "replication_status",
    "OS-SCH-HNT:scheduler_hints",
    "service_uuid",
    "shared_targets",
    "size",
    "snapshot_id",
    "source_volid",
    "status",
    "updated_at",
    "user_id",
    "volume_image_metadata",
    "volume_type",
    "volume_type_id",
    "id",
    "name",
    "metadata",
];

/// openstacksdk `format.BoolStr`: cinder sends `bootable`/`encrypted` as `"true"`/`"false"`.
pub fn bool_str(v: Option<&Value>) -> Option<bool> {
    match v? {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" => Some(true),
            _ => Some(false),
        },
        Value::Null => None,
        other => Some(!other.is_null()),
    }
}

/// `DELETE /volumes/{id}?cascade=…[&force=…]` (openstacksdk `delete_volume`: before 3.23 a
/// forced delete is the `os-force_delete` action).
pub async fn delete(s: &Session, id: &str, force: bool, cascade: bool) -> Result<(), ClientError> {
    let new_style = supports(s, "3.23").await?;
    if force && !new_style {
        action(s, &VOLUMES, id, "os-force_delete", Value::Null).await?;
        return Ok(());
    }
    let py = |b: bool| if b { "True" } else { "False" };
    let mut path = format!("{}?cascade={}", item_path("volumes", id), py(cascade));
    if new_style {
        path.push_str(&format!("&force={}", py(force)));
    }
    let r = s
        .request(SERVICE, Method::DELETE, &path)
        .default_microversion(MICROVERSION);
    r.send().await?;
    Ok(())
}

/// `os-extend`.
pub async fn extend(s: &Session, id: &str, size: i64) -> Result<(), ClientError> {
    action(s, &VOLUMES, id, "os-extend", json!({ "new_size": size })).await?;
    Ok(())
}

/// `os-set_bootable`.
pub async fn set_bootable(s: &Session, id: &str, bootable: bool) -> Result<(), ClientError> {
    action(
        s,
        &VOLUMES,
        id,
        "os-set_bootable",
        json!({ "bootable": bootable }),
    )
    .await?;
    Ok(())
}

/// `os-update_readonly_flag`.
pub async fn set_readonly(s: &Session, id: &str, readonly: bool) -> Result<(), ClientError> {
    let args = json!({ "readonly": readonly });
    action(s, &VOLUMES, id, "os-update_readonly_flag", args).await?;
    Ok(())
}

/// `os-set_image_metadata`.
pub async fn set_image_metadata(
    s: &Session,
    id: &str,
    metadata: Map<String, Value>,
) -> Result<(), ClientError> {
    let args = json!({ "metadata": metadata });
    action(s, &VOLUMES, id, "os-set_image_metadata", args).await?;
    Ok(())
}

/// `os-unset_image_metadata` of one key.
pub async fn unset_image_metadata(s: &Session, id: &str, key: &str) -> Result<(), ClientError> {
    action(
        s,
        &VOLUMES,
        id,
        "os-unset_image_metadata",
        json!({ "key": key }),
    )
    .await?;
    Ok(())
}

/// `os-reset_status` (admin): any of status, attach status, migration status.
pub async fn reset_status(
    s: &Session,
    coll: &Collection,
    id: &str,
    fields: &[(&str, &str)],
) -> Result<(), ClientError> {
    let m: Map<String, Value> = fields
        .iter()
        .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
        .collect();
    action(s, coll, id, "os-reset_status", Value::Object(m)).await?;
    Ok(())
}

/// `os-retype`.
pub async fn retype(
    s: &Session,
    id: &str,
    new_type: &str,
    migration_policy: &str,
) -> Result<(), ClientError> {
    let args = json!({ "new_type": new_type, "migration_policy": migration_policy });
    action(s, &VOLUMES, id, "os-retype", args).await?;
    Ok(())
}

/// `os-migrate_volume`.
pub async fn migrate(
    s: &Session,
    id: &str,
    host: Option<&str>,
    cluster: Option<&str>,
    force_host_copy: bool,
    lock_volume: bool,
) -> Result<(), ClientError> {
    let mut m = Map::new();
    if let Some(h) = host {
        m.insert("host".into(), json!(h));
    }
    if force_host_copy {
        m.insert("force_host_copy".into(), json!(true));
    }
    if lock_volume {
        m.insert("lock_volume".into(), json!(true));
    }
    if let Some(c) = cluster {
        m.insert("cluster".into(), json!(c));
    }
    action(s, &VOLUMES, id, "os-migrate_volume", Value::Object(m)).await?;
    Ok(())
}

/// `revert` to a snapshot (3.40).
pub async fn revert(s: &Session, id: &str, snapshot_id: &str) -> Result<(), ClientError> {
    action(
        s,
        &VOLUMES,
        id,
        "revert",
        json!({ "snapshot_id": snapshot_id }),
    )
    .await?;
    Ok(())
}

/// `GET /volumes/summary` (3.12), for all projects with `all_tenants`.
pub async fn summary(s: &Session, all_projects: bool) -> Result<Value, ClientError> {
    let path = if all_projects {
        "volumes/summary?all_tenants=True"
    } else {
        "volumes/summary"
    };
    let v = call(s, Method::GET, path, None, Some("3.36")).await?;
    Ok(v.get("volume-summary").cloned().unwrap_or(Value::Null))
}

/// `PUT /volumes/{id}` with name/description.
pub async fn update(
    s: &Session,
    id: &str,
    attrs: Map<String, Value>,
) -> Result<Value, ClientError> {
    VOLUMES.update_with(s, Method::PUT, id, attrs).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bool_strings_are_parsed() {
        assert_eq!(bool_str(Some(&json!("true"))), Some(true));
        assert_eq!(bool_str(Some(&json!("False"))), Some(false));
        assert_eq!(bool_str(Some(&json!(true))), Some(true));
        assert_eq!(bool_str(None), None);
    }
}
