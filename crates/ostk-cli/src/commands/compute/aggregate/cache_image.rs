//! `aggregate cache image` (openstackclient/compute/v2/aggregate.py CacheImageForAggregate).

use crate::commands::compute::common::{require, sdk};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::aggregate;

/// Request image caching for aggregate
#[derive(clap::Args, Debug)]
pub struct CacheImageForAggregate {
    /// Aggregate (name or ID)
    #[arg(value_name = "<aggregate>")]
    aggregate: String,
    /// Image ID to request caching for aggregate (name or ID). May be specified multiple times.
    #[arg(value_name = "<image>", required = true, num_args = 1.., verbatim_doc_comment)]
    images: Vec<String>,
}

impl Command for CacheImageForAggregate {
    const WORDS: &'static str = "aggregate cache image";
    const ABOUT: &'static str = "Request image caching for aggregate";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        require(
            ctx,
            "2.81",
            "This operation requires server support for API microversion 2.81",
        )?;
        let a = super::find(ctx, &self.aggregate)?;
        let mut ids = Vec::new();
        for i in &self.images {
            ids.push(crate::commands::image::find_image(ctx, i)?.id);
        }
        let session = ctx.session()?;
        ctx.block_on(aggregate::precache_images(&session, &super::id(&a), &ids))?
            .map_err(sdk)?;
        Ok(Output::None)
    }
}
