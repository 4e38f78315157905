//! The object-storage handle: containers and objects, uploads (large files as static large
//! objects), deletes.

use super::Query;
use crate::client::Session;
use crate::error::{Error, ErrorKind, Result};
use crate::models::{Container, Object};
use crate::object_store::{ObjectStore, SERVICE_TYPE, UploadOptions, Uploaded, quote};
use crate::stream::{ListStream, marker_pages};
use std::path::Path;
use std::sync::Arc;

/// Object-storage (swift) calls. Get one with [`crate::Cloud::object_store`].
#[derive(Clone, Debug)]
pub struct ObjectStoreHandle {
    session: Arc<Session>,
}

impl ObjectStoreHandle {
    pub(crate) fn new(session: Arc<Session>) -> Self {
        ObjectStoreHandle { session }
    }

    /// The client of the [`crate::object_store`] module on this session (metadata, bulk
    /// deletes, downloads…).
    pub fn store(&self) -> ObjectStore<'_> {
        ObjectStore::new(&self.session)
    }

    /// The account's containers (filters: `prefix`, `end_marker`; `page_size` per request).
    /// An account without object-storage rights gets [`ErrorKind::Forbidden`] on the first
    /// item.
    ///
    /// ```no_run
    /// use ostk_sdk::prelude::*;
    /// # async fn demo(cloud: Cloud) -> ostk_sdk::Result<()> {
    /// match cloud.object_store().containers(&Query::new()).try_collect::<Vec<_>>().await {
    ///     Ok(containers) => println!("{} containers", containers.len()),
    ///     Err(e) if e.kind() == ErrorKind::Forbidden => println!("no object storage here"),
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(()) }
    /// ```
    pub fn containers(&self, query: &Query) -> ListStream<Container> {
        marker_pages(
            self.session.clone(),
            SERVICE_TYPE,
            String::new(),
            query.params().to_vec(),
            None,
        )
    }

    /// The objects of a container (filters: `prefix`, `delimiter`, `end_marker`).
    pub fn objects(&self, container: &str, query: &Query) -> ListStream<Object> {
        marker_pages(
            self.session.clone(),
            SERVICE_TYPE,
            quote(container),
            query.params().to_vec(),
            None,
        )
    }

    /// Creates a container (or leaves an existing one as it is).
    pub async fn create_container(&self, name: &str) -> Result<()> {
        self.store().create_container(name, &[]).await?;
        Ok(())
    }

    /// Deletes an empty container ([`ErrorKind::Conflict`] when it holds objects).
    pub async fn delete_container(&self, name: &str) -> Result<()> {
        self.store().delete_container(name).await?;
        Ok(())
    }

    /// Uploads a local file as `container/object`, checked against the MD5 swift answers.
    /// A file larger than `options.segment_size` goes up as a static large object: segments
    /// in parallel (`options.concurrency`) into `<container>_segments`, then the manifest;
    /// `options.progress` draws a progress bar on a terminal. Ctrl-C removes the segments
    /// already sent.
    pub async fn upload_file(
        &self,
        container: &str,
        object: &str,
        file: &Path,
        options: &UploadOptions,
    ) -> Result<Uploaded> {
        let files = [(object.to_string(), file.to_path_buf())];
        let mut results = self
            .store()
            .upload_files(container, &files, options)
            .await?;
        match results.pop() {
            Some(r) => Ok(r?),
            None => Err(Error::new(ErrorKind::Other, "nothing was uploaded")),
        }
    }

    /// Deletes an object (a large object with its segments).
    pub async fn delete_object(&self, container: &str, object: &str) -> Result<()> {
        let names = [object.to_string()];
        let mut results = self.store().delete_objects(container, &names, 1).await?;
        match results.pop() {
            Some(r) => Ok(r?),
            None => Ok(()),
        }
    }
}
