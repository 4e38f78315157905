//! `object save` (openstackclient/object/v1/object.py SaveObject): streams the object to
//! `--file` (default: its name; `-`: stdout), verified against its ETag (or, for a large
//! object, segment by segment, in parallel); a failed download leaves no file.

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::ClientError;
use ostk_sdk::client::transfer::Sink;
use ostk_sdk::object_store::{DownloadOptions, ObjectStore};
use std::path::Path;

/// Save object locally
#[derive(clap::Args, Debug)]
pub struct SaveObject {
    /// Destination filename (defaults to object name); using '-' as the filename will print the file to stdout
    #[arg(long, value_name = "<filename>")]
    file: Option<String>,
    /// Download <object> from <container>
    #[arg(value_name = "<container>")]
    container: String,
    /// Object to save
    #[arg(value_name = "<object>")]
    object: String,
}

/// Creates the missing parent directories of a target file, as python-openstackclient does.
pub fn prepare_dir(file: &str) -> Result<(), ClientError> {
    if let Some(dir) = Path::new(file)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        && !dir.exists()
    {
        std::fs::create_dir_all(dir)
            .map_err(|e| ClientError::Config(format!("cannot create {}: {e}", dir.display())))?;
    }
    Ok(())
}

impl Command for SaveObject {
    const WORDS: &'static str = "object save";
    const ABOUT: &'static str = "Save object locally";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let file = self
            .file
            .clone()
            .filter(|f| !f.is_empty())
            .unwrap_or_else(|| self.object.clone());
        let sink = if file == "-" {
            Sink::Stdout
        } else {
            prepare_dir(&file)?;
            Sink::File(file.into())
        };
        let session = ctx.session()?;
        let opts = DownloadOptions {
            progress: true,
            ..DownloadOptions::default()
        };
        ctx.block_on(ObjectStore::new(&session).download(
            &self.container,
            &self.object,
            &sink,
            &opts,
        ))??;
        Ok(Output::None)
    }
}
