//! `object create` (openstackclient/object/v1/object.py CreateObject). Beyond the reference:
//! several files upload in parallel, each verified against swift's ETag, and files over
//! `--segment-size` become static large objects (segments in parallel, no orphans on
//! failure).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Listing};
use ostk_sdk::object_store::{ObjectStore, UploadOptions};
use std::path::PathBuf;

/// Upload object to container
#[derive(clap::Args, Debug)]
pub struct CreateObject {
    /// Container for new object
    #[arg(value_name = "<container>")]
    container: String,
    /// Local filename(s) to upload
    #[arg(value_name = "<filename>", required = true)]
    objects: Vec<String>,
    /// Upload a file and rename it. Can only be used when uploading a single object
    #[arg(long, value_name = "<name>")]
    name: Option<String>,
    /// Files larger than this upload as a static large object in segments of this size
    /// (bytes, or with K/M/G/T; default 1G; 0 never segments) [ostk]
    #[arg(long, value_name = "<size>", value_parser = super::super::parse_size)]
    segment_size: Option<u64>,
}

impl Command for CreateObject {
    const WORDS: &'static str = "object create";
    const ABOUT: &'static str = "Upload object to container";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if self.name.is_some() && self.objects.len() > 1 {
            return Err(CliError::Message(
                "Attempting to upload multiple objects and using --name is not permitted".into(),
            ));
        }
        let files: Vec<(String, PathBuf)> = self
            .objects
            .iter()
            .map(|f| {
                let n = f.chars().count();
                if n > 1024 {
                    tracing::warn!("Object name is {n} characters long, default limit is 1024");
                }
                (
                    self.name.clone().unwrap_or_else(|| f.clone()),
                    PathBuf::from(f),
                )
            })
            .collect();
        let mut opts = UploadOptions {
            progress: true,
            ..UploadOptions::default()
        };
        if let Some(s) = self.segment_size {
            opts.segment_size = s;
        }
        let session = ctx.session()?;
        let swift = ObjectStore::new(&session);
        let results = ctx.block_on(swift.upload_files(&self.container, &files, &opts))??;
        let done = super::super::report_failures(results, "uploads")?;
        Ok(Output::List(Listing {
            columns: vec!["object".into(), "container".into(), "etag".into()],
            rows: done
                .into_iter()
                .map(|u| {
                    vec![
                        Cell::Str(u.object),
                        Cell::Str(u.container),
                        u.etag.map(Cell::Str).unwrap_or(Cell::None),
                    ]
                })
                .collect(),
        }))
    }
}
