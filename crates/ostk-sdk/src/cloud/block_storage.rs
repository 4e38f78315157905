//! The block-storage handle: volumes (list, get, find, create, delete, wait).

use super::{Query, decode, found};
use crate::client::Session;
use crate::error::{Error, ErrorKind, Result};
use crate::models::Volume;
use crate::stream::{ListStream, Source, link_pages};
use crate::volume::{VOLUMES, VOLUMES_DETAIL};
use crate::wait::{Outcome, Poll};
use serde_json::{Map, Value, json};
use std::sync::Arc;
use std::time::Duration;

/// Block-storage (cinder) calls. Get one with [`crate::Cloud::block_storage`].
#[derive(Clone, Debug)]
pub struct BlockStorageHandle {
    session: Arc<Session>,
}

impl BlockStorageHandle {
    pub(crate) fn new(session: Arc<Session>) -> Self {
        BlockStorageHandle { session }
    }

    /// Volumes with details (filters: `name`, `status`, `all_tenants`, `metadata`…).
    pub fn volumes(&self, query: &Query) -> ListStream<Volume> {
        link_pages(
            self.session.clone(),
            Source::of(&VOLUMES_DETAIL),
            query.path(VOLUMES_DETAIL.path),
        )
    }

    /// One volume by ID.
    pub async fn get_volume(&self, id: &str) -> Result<Volume> {
        decode(VOLUMES.get(&self.session, id).await?)
    }

    /// The volume with this ID, else the one volume with this name.
    pub async fn find_volume(&self, name_or_id: &str) -> Result<Volume> {
        let lookup = crate::volume::find(
            &self.session,
            &VOLUMES,
            &VOLUMES_DETAIL,
            name_or_id,
            true,
            &[],
        )
        .await?;
        found(lookup, "Volume", name_or_id)
    }

    /// Creates a volume; it is `creating` until [`BlockStorageHandle::wait_for_volume`]
    /// sees it `available`.
    pub async fn create_volume(&self, request: VolumeCreate) -> Result<Volume> {
        decode(VOLUMES.create(&self.session, request.attrs).await?)
    }

    /// Deletes a volume.
    pub async fn delete_volume(&self, id: &str) -> Result<()> {
        Ok(VOLUMES.delete(&self.session, id).await?)
    }

    /// Polls a volume until its status is `status` (`available`, `in-use`…) and returns it
    /// as last seen. `error` ends the wait with [`ErrorKind::ResourceFailed`], a 404 with
    /// [`ErrorKind::NotFound`], `timeout` with [`ErrorKind::Timeout`].
    pub async fn wait_for_volume(
        &self,
        id: &str,
        status: &str,
        timeout: Duration,
    ) -> Result<Volume> {
        let poll = Poll {
            success: &[status],
            error: &["error", "error_deleting", "error_extending"],
            interval: &|n| Duration::from_millis(if n < 10 { 500 } else { 2000 }),
            max_polls: None,
            transient_retries: 30,
        };
        let run = poll.run(|| VOLUMES.get(&self.session, id), |_| {});
        let outcome = tokio::time::timeout(timeout, run).await.map_err(|_| {
            Error::new(
                ErrorKind::Timeout,
                format!("Timeout waiting for the volume {id} to reach {status}"),
            )
        })??;
        match outcome {
            Outcome::Reached(v) => decode(v),
            Outcome::Failed(v) => Err(Error::new(
                ErrorKind::ResourceFailed,
                format!(
                    "Volume {id} went to status {}",
                    v["status"].as_str().unwrap_or("error")
                ),
            )),
            Outcome::Gone(e) => Err(e.into()),
            Outcome::GaveUp => Err(Error::new(
                ErrorKind::Timeout,
                format!("Timeout waiting for the volume {id} to reach {status}"),
            )),
        }
    }
}

/// A volume to create, builder style.
#[derive(Debug, Clone)]
pub struct VolumeCreate {
    attrs: Map<String, Value>,
}

impl VolumeCreate {
    /// A volume of `size_gib` GiB.
    pub fn new(size_gib: u64) -> VolumeCreate {
        let mut attrs = Map::new();
        attrs.insert("size".into(), json!(size_gib));
        VolumeCreate { attrs }
    }

    fn set(mut self, key: &str, v: Value) -> Self {
        self.attrs.insert(key.into(), v);
        self
    }

    /// Its name.
    pub fn name(self, name: &str) -> Self {
        self.set("name", json!(name))
    }

    /// Its description.
    pub fn description(self, text: &str) -> Self {
        self.set("description", json!(text))
    }

    /// The volume type (name or ID).
    pub fn volume_type(self, volume_type: &str) -> Self {
        self.set("volume_type", json!(volume_type))
    }

    /// Fills it from this image (`imageRef`): a bootable volume.
    pub fn image(self, image_id: &str) -> Self {
        self.set("imageRef", json!(image_id))
    }

    /// Creates it from this snapshot.
    pub fn snapshot(self, snapshot_id: &str) -> Self {
        self.set("snapshot_id", json!(snapshot_id))
    }

    /// The availability zone.
    pub fn availability_zone(self, zone: &str) -> Self {
        self.set("availability_zone", json!(zone))
    }

    /// Sets a metadata item.
    pub fn metadata(mut self, key: &str, value: &str) -> Self {
        super::put_metadata(&mut self.attrs, key, value);
        self
    }
}
