//! `volume migrate` (openstackclient/volume/v3/volume.py MigrateVolume).

use super::{VOLUME, call, find, id};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::volume as cinder;

/// Migrate volume to a new host
#[derive(clap::Args, Debug)]
#[group(id = "destination", required = true, multiple = false)]
pub struct MigrateVolume {
    /// Volume to migrate (name or ID)
    #[arg(value_name = "<volume>")]
    volume: String,
    /// Destination host (takes the form: host@backend-name#pool)
    #[arg(long, value_name = "<host>", group = "destination")]
    host: Option<String>,
    /// Destination cluster to migrate the volume to (requires --os-volume-api-version 3.16 or
    /// higher)
    #[arg(long, value_name = "<cluster>", group = "destination")]
    cluster: Option<String>,
    /// Enable generic host-based force-migration, which bypasses driver optimizations
    #[arg(long)]
    force_host_copy: bool,
    /// If specified, the volume state will be locked and will not allow a migration to be
    /// aborted (possibly by another operation)
    #[arg(long)]
    lock_volume: bool,
}

impl Command for MigrateVolume {
    const WORDS: &'static str = "volume migrate";
    const ABOUT: &'static str = "Migrate volume to a new host";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let v = find(ctx, VOLUME, &self.volume)?;
        let s = ctx.session()?;
        if self.cluster.is_some() && !call(ctx, cinder::supports(&s, "3.16"))? {
            return Err(CliError::Message(
                "--os-volume-api-version 3.16 or greater is required to support the volume \
                 migration with cluster"
                    .into(),
            ));
        }
        call(
            ctx,
            cinder::volumes::migrate(
                &s,
                &id(&v),
                self.host.as_deref(),
                self.cluster.as_deref(),
                self.force_host_copy,
                self.lock_volume,
            ),
        )?;
        Ok(Output::None)
    }
}
