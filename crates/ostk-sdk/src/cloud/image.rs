//! The image handle: images.

use super::{Query, decode, found};
use crate::client::Session;
use crate::error::Result;
use crate::image::{IMAGES, ImageService};
use crate::models::Image;
use crate::stream::{ListStream, Source, link_pages};
use std::sync::Arc;

/// Image (glance) calls. Get one with [`crate::Cloud::image`].
#[derive(Clone, Debug)]
pub struct ImageHandle {
    session: Arc<Session>,
}

impl ImageHandle {
    pub(crate) fn new(session: Arc<Session>) -> Self {
        ImageHandle { session }
    }

    /// Images (filters: `name`, `status`, `visibility`, `owner`, `tag`, `sort`…); glance pages
    /// by 25 unless `page_size` says otherwise.
    pub fn images(&self, query: &Query) -> ListStream<Image> {
        link_pages(
            self.session.clone(),
            Source::of(&IMAGES),
            query.path(IMAGES.path),
        )
    }

    /// One image by ID.
    pub async fn get_image(&self, id: &str) -> Result<Image> {
        let image = ImageService::new(&self.session).get(id).await?;
        decode(serde_json::Value::Object(image.to_map()))
    }

    /// The image with this ID, else the one image with this name (hidden images included).
    pub async fn find_image(&self, name_or_id: &str) -> Result<Image> {
        let lookup = ImageService::new(&self.session).find(name_or_id).await?;
        found(lookup, "Image", name_or_id)
    }
}
