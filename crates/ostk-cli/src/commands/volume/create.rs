//! `volume create` (openstackclient/volume/v3/volume.py CreateVolume).

use super::{BACKUP, SNAPSHOT, VOLUME, call, find, id, props, volume_record};
use crate::commands::image::parse_key_value;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::Method;
use ostk_sdk::volume as cinder;
use serde_json::{Map, Value, json};

/// Create new volume
#[derive(clap::Args, Debug)]
pub struct CreateVolume {
    /// Volume name
    #[arg(value_name = "<name>")]
    name: Option<String>,
    /// Volume size in GB (required unless --snapshot or --source specified)
    #[arg(long, value_name = "<size>", allow_negative_numbers = true)]
    size: Option<i64>,
    /// Set the type of volume
    #[arg(long = "type", value_name = "<volume-type>")]
    volume_type: Option<String>,
    /// Use <image> as source of volume (name or ID)
    #[arg(long, value_name = "<image>", group = "source_group")]
    image: Option<String>,
    /// Use <snapshot> as source of volume (name or ID)
    #[arg(long, value_name = "<snapshot>", group = "source_group")]
    snapshot: Option<String>,
    /// Volume to clone (name or ID)
    #[arg(long, value_name = "<volume>", group = "source_group")]
    source: Option<String>,
    #[arg(
        long,
        value_name = "<replicated-volume>",
        group = "source_group",
        hide = true
    )]
    source_replicated: Option<String>,
    /// Restore backup to a volume (name or ID) (supported by --os-volume-api-version 3.47 or
    /// later)
    #[arg(long, value_name = "<backup>", group = "source_group")]
    backup: Option<String>,
    /// The attribute(s) of the existing remote volume (admin required) (repeat option to
    /// specify multiple attributes, e.g.: '--remote-source source-name=test_name
    /// --remote-source source-id=test_id')
    #[arg(long, value_name = "<key=value>", group = "source_group",
          value_parser = parse_key_value, action = clap::ArgAction::Append)]
    remote_source: Vec<(String, String)>,
    /// Volume description
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Create volume in <availability-zone>
    #[arg(long, value_name = "<availability-zone>")]
    availability_zone: Option<String>,
    /// Consistency group where the new volume belongs to
    #[arg(long, value_name = "consistency-group>")]
    consistency_group: Option<String>,
    /// Set a property to this volume (repeat option to set multiple properties)
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value,
          action = clap::ArgAction::Append)]
    property: Vec<(String, String)>,
    /// Arbitrary scheduler hint key-value pairs to help creating a volume. Repeat the option to
    /// set multiple hints. 'same_host' and 'different_host' get values appended when
    /// repeated, all other keys take the last given value
    #[arg(long, value_name = "<key=value>", value_parser = parse_key_value,
          action = clap::ArgAction::Append)]
    hint: Vec<(String, String)>,
    /// Mark volume as bootable
    #[arg(long, group = "bootable_group")]
    bootable: bool,
    /// Mark volume as non-bootable (default)
    #[arg(long, group = "bootable_group")]
    non_bootable: bool,
    /// Set volume to read-only access mode
    #[arg(long, group = "readonly_group")]
    read_only: bool,
    /// Set volume to read-write access mode (default)
    #[arg(long, group = "readonly_group")]
    read_write: bool,
    /// Cinder host on which the existing volume resides; takes the form:
    /// host@backend-name#pool. This is only used along with the --remote-source option.
    #[arg(long, value_name = "<host>", verbatim_doc_comment)]
    host: Option<String>,
    /// Cinder cluster on which the existing volume resides; takes the form:
    /// cluster@backend-name#pool. This is only used along with the --remote-source option.
    /// (supported by --os-volume-api-version 3.16 or above)
    #[arg(long, value_name = "<cluster>")]
    cluster: Option<String>,
}

/// `--bootable`/`--non-bootable` (or `--read-only`/`--read-write`) as an optional flag.
pub fn tristate(on: bool, off: bool) -> Option<bool> {
    match (on, off) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    }
}

/// volume.py KeyValueHintAction: `same_host`/`different_host` values accumulate into a list.
fn hints(pairs: &[(String, String)]) -> Map<String, Value> {
    let mut m = Map::new();
    for (k, v) in pairs {
        if k.starts_with("same_host") || k.starts_with("different_host") {
            let e = m.entry(k.clone()).or_insert_with(|| json!([]));
            if let Value::Array(a) = e {
                a.push(json!(v));
            }
        } else {
            m.insert(k.clone(), json!(v));
        }
    }
    m
}

fn err(m: &str) -> CliError {
    CliError::Message(m.to_string())
}

/// openstackclient.api.volume_v3.find_consistency_group.
fn find_consistency_group(ctx: &mut Context, name_or_id: &str) -> Result<String, CliError> {
    let s = ctx.session()?;
    let path = cinder::item_path("consistencygroups", name_or_id);
    match ctx.block_on(cinder::call(&s, Method::GET, &path, None, None))? {
        Ok(v) => return Ok(id(&v["consistencygroup"])),
        Err(e) if e.status() == Some(404) => {}
        Err(e) => return Err(super::sdk(e)),
    }
    let all = call(
        ctx,
        cinder::call(&s, Method::GET, "consistencygroups", None, None),
    )?;
    let hits: Vec<&Value> = all["consistencygroups"]
        .as_array()
        .map(|a| a.iter().filter(|g| g["name"] == name_or_id).collect())
        .unwrap_or_default();
    match hits.as_slice() {
        [one] => Ok(id(one)),
        [] => Err(CliError::Message(format!("{name_or_id} not found"))),
        _ => Err(CliError::Message(format!(
            "multiple matches found for {name_or_id}"
        ))),
    }
}

impl Command for CreateVolume {
    const WORDS: &'static str = "volume create";
    const ABOUT: &'static str = "Create new volume";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let remote = !self.remote_source.is_empty();
        if self.snapshot.is_none()
            && self.source.is_none()
            && self.backup.is_none()
            && !remote
            && self.size.is_none()
        {
            return Err(err(
                "--size is a required option if none of --snapshot, --backup, --source, or \
                 --remote-source are provided.",
            ));
        }
        let s = ctx.session()?;
        if (self.host.is_some() || self.cluster.is_some()) && !remote {
            return Err(err(
                "The --host and --cluster options are only supported with --remote-source \
                 parameter.",
            ));
        }
        if self.backup.is_some() && !call(ctx, cinder::supports(&s, "3.47"))? {
            return Err(err(
                "--os-volume-api-version 3.47 or greater is required to create a volume from \
                 backup.",
            ));
        }
        let bootable = tristate(self.bootable, self.non_bootable);
        let read_only = tristate(self.read_only, self.read_write);
        let metadata = (!self.property.is_empty()).then(|| Value::Object(props(&self.property)));
        if remote {
            return self.manage(ctx, bootable, read_only, metadata);
        }
        let mut size = self.size;
        let mut source_volid = Value::Null;
        if let Some(src) = &self.source {
            let v = find(ctx, VOLUME, src)?;
            size = Some(size.unwrap_or(0).max(v["size"].as_i64().unwrap_or(0)));
            source_volid = json!(id(&v));
        }
        let cg = match &self.consistency_group {
            Some(c) => json!(find_consistency_group(ctx, c)?),
            None => Value::Null,
        };
        let image = match &self.image {
            Some(i) => json!(crate::commands::image::find_image(ctx, i)?.id),
            None => Value::Null,
        };
        let mut snapshot = Value::Null;
        if let Some(sn) = &self.snapshot {
            let v = find(ctx, SNAPSHOT, sn)?;
            size = Some(size.unwrap_or(0).max(v["size"].as_i64().unwrap_or(0)));
            snapshot = json!(id(&v));
        }
        let mut backup = Value::Null;
        if let Some(b) = &self.backup {
            let v = find(ctx, BACKUP, b)?;
            size = Some(size.unwrap_or(0).max(v["size"].as_i64().unwrap_or(0)));
            backup = json!(id(&v));
        }
        let vol = json!({
            "size": size,
            "snapshot_id": snapshot,
            "name": self.name,
            "description": self.description,
            "volume_type": self.volume_type,
            "availability_zone": self.availability_zone,
            "metadata": metadata,
            "imageRef": image,
            "source_volid": source_volid,
            "consistencygroup_id": cg,
            "backup_id": backup,
        });
        let mut body = Map::from_iter([("volume".to_string(), vol)]);
        if !self.hint.is_empty() {
            body.insert(
                "OS-SCH-HNT:scheduler_hints".into(),
                Value::Object(hints(&self.hint)),
            );
        }
        let created = call(
            ctx,
            cinder::call(
                &s,
                Method::POST,
                "volumes",
                Some(Value::Object(body)),
                Some(cinder::MICROVERSION),
            ),
        )?;
        let volume = created.get("volume").cloned().unwrap_or(Value::Null);
        let vid = id(&volume);
        if let Some(b) = bootable {
            let r = wait_available(
                ctx,
                &vid,
                "Volume status is not available for setting boot state",
            )
            .and_then(|()| call(ctx, cinder::volumes::set_bootable(&s, &vid, b)));
            if let Err(e) = r {
                tracing::error!("Failed to set volume bootable property: {e}");
            }
        }
        if let Some(ro) = read_only {
            // OSC's message lacks the space ("itread only").
            let r = wait_available(
                ctx,
                &vid,
                "Volume status is not available for setting itread only.",
            )
            .and_then(|()| call(ctx, cinder::volumes::set_readonly(&s, &vid, ro)));
            if let Err(e) = r {
                tracing::error!("Failed to set volume read-only access mode flag: {e}");
            }
        }
        Ok(Output::One(volume_record(&volume)))
    }
}

/// OSC's `wait_for_status(get_volume, id, ['available'], ['error'])` before an action on a
/// new volume, failing with `not_available` when it ends in `error`.
fn wait_available(ctx: &mut Context, vid: &str, not_available: &str) -> Result<(), CliError> {
    let s = ctx.session()?;
    let ok = call(
        ctx,
        super::wait_for_status(&s, &cinder::VOLUMES, vid, &["available"], &["error"]),
    )?;
    if ok { Ok(()) } else { Err(err(not_available)) }
}

impl CreateVolume {
    /// `--remote-source`: manage an existing back-end volume (`POST /manageable_volumes`).
    fn manage(
        &self,
        ctx: &mut Context,
        bootable: Option<bool>,
        read_only: Option<bool>,
        metadata: Option<Value>,
    ) -> Result<Output, CliError> {
        if self.size.is_some()
            || self.consistency_group.is_some()
            || !self.hint.is_empty()
            || read_only.is_some()
        {
            return Err(err(
                "The --size, --consistency-group, --hint, --read-only and --read-write options \
                 are not supported with the --remote-source parameter.",
            ));
        }
        let s = ctx.session()?;
        if self.cluster.is_some() && !call(ctx, cinder::supports(&s, "3.16"))? {
            return Err(err(
                "--os-volume-api-version 3.16 or greater is required to support the cluster \
                 parameter.",
            ));
        }
        if self.cluster.is_some() && self.host.is_some() {
            return Err(err(
                "Only one of --host or --cluster needs to be specified to manage a volume.",
            ));
        }
        if self.cluster.is_none() && self.host.is_none() {
            return Err(err(
                "One of --host or --cluster needs to be specified to manage a volume.",
            ));
        }
        let mut vol = json!({
            "host": self.host,
            "ref": Value::Object(props(&self.remote_source)),
            "name": self.name,
            "description": self.description,
            "volume_type": self.volume_type,
            "availability_zone": self.availability_zone,
            "metadata": metadata,
            "bootable": bootable.unwrap_or(false),
        });
        if let Some(c) = &self.cluster {
            vol["cluster"] = json!(c);
        }
        let path = if call(ctx, cinder::supports(&s, "3.8"))? {
            "manageable_volumes"
        } else {
            "os-volume-manage"
        };
        let body = json!({ "volume": vol });
        let v = call(
            ctx,
            cinder::call(
                &s,
                Method::POST,
                path,
                Some(body),
                Some(cinder::MICROVERSION),
            ),
        )?;
        Ok(Output::One(volume_record(&v["volume"])))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_hints_accumulate() {
        let h = hints(&[
            ("same_host".into(), "a".into()),
            ("same_host".into(), "b".into()),
            ("k".into(), "1".into()),
            ("k".into(), "2".into()),
        ]);
        assert_eq!(Value::Object(h), json!({"same_host": ["a", "b"], "k": "2"}));
    }
}
