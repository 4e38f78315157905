//! `image import info` (openstackclient/image/v2/info.py ImportInfo).

use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Cell, Record};
use ostk_sdk::image::ImageService;
use serde_json::Value;

/// Show available import methods
#[derive(clap::Args, Debug)]
pub struct ImportInfo {}

impl Command for ImportInfo {
    const WORDS: &'static str = "image import info";
    const ABOUT: &'static str = "Show available import methods";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let session = ctx.session()?;
        let info = ctx.block_on(ImageService::new(&session).import_info())??;
        let methods = info
            .pointer("/import-methods/value")
            .and_then(Value::as_array)
            .cloned();
        Ok(Output::One(Record {
            fields: vec![("import-methods".into(), Cell::list(methods))],
        }))
    }
}
