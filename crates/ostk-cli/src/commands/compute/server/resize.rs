//! `server reboot`, `server resize` and the confirm/revert family (`server resize confirm|
//! revert`, `server migration confirm|revert`, the deprecated `server migrate confirm|revert`).

use super::{find_server, id_of, server_action, wait_for};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use serde_json::json;

/// Perform a hard or soft server reboot
#[derive(clap::Args, Debug)]
pub struct RebootServer {
    /// Server (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Perform a hard reboot
    #[arg(long, group = "reboot_type")]
    hard: bool,
    /// Perform a soft reboot
    #[arg(long, group = "reboot_type")]
    soft: bool,
    /// Wait for reboot to complete
    #[arg(long)]
    wait: bool,
}

impl Command for RebootServer {
    const WORDS: &'static str = "server reboot";
    const ABOUT: &'static str = "Perform a hard or soft server reboot";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let id = id_of(&find_server(ctx, &self.server, false)?);
        let kind = if self.hard { "HARD" } else { "SOFT" };
        server_action(ctx, &id, json!({"reboot": {"type": kind}}), None)?;
        if self.wait {
            if !wait_for(ctx, &id, &["active"])? {
                return Err(CliError::Message(format!("Error rebooting server: {id}")));
            }
            return Ok(Output::Text("Complete\n".into()));
        }
        Ok(Output::None)
    }
}

/// Scale server to a new flavor.
#[derive(clap::Args, Debug)]
#[command(group(clap::ArgGroup::new("phase").required(true)))]
pub struct ResizeServer {
    /// Server (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Resize server to specified flavor
    #[arg(long, value_name = "<flavor>", group = "phase")]
    flavor: Option<String>,
    /// **Deprecated** Confirm server resize is complete. Replaced by the 'openstack server resize confirm' and 'openstack server migration confirm' commands
    #[arg(long, group = "phase")]
    confirm: bool,
    /// **Deprecated** Restore server state before resize. Replaced by the 'openstack server resize revert' and 'openstack server migration revert' commands
    #[arg(long, group = "phase")]
    revert: bool,
    /// Wait for resize to complete
    #[arg(long)]
    wait: bool,
}

impl Command for ResizeServer {
    const WORDS: &'static str = "server resize";
    const ABOUT: &'static str = "Scale server to a new flavor.\nA resize operation is implemented by creating a new server and copying the contents of the original disk into a new one. It is a two-step process for the user: the first step is to perform the resize, and the second step is to either confirm (verify) success and release the old server or to declare a revert to release the new server and restart the old one.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let server = find_server(ctx, &self.server, false)?;
        let id = id_of(&server);
        if let Some(f) = &self.flavor {
            if !server.get("image").is_some_and(super::is_truthy) {
                tracing::warn!(
                    "The root disk size in flavor will not be applied while booting from a persistent volume."
                );
            }
            let flavor = super::list::find_flavor(ctx, f)?;
            server_action(
                ctx,
                &id,
                json!({"resize": {"flavorRef": id_of(&flavor)}}),
                None,
            )?;
            if self.wait {
                if !wait_for(ctx, &id, &["active", "verify_resize"])? {
                    return Err(CliError::Message(format!("Error resizing server: {id}")));
                }
                return Ok(Output::Text("Complete\n".into()));
            }
        } else if self.confirm {
            tracing::warn!(
                "The --confirm option has been deprecated. Please use the 'openstack server resize confirm' command instead."
            );
            server_action(ctx, &id, json!({"confirmResize": null}), None)?;
        } else if self.revert {
            tracing::warn!(
                "The --revert option has been deprecated. Please use the 'openstack server resize revert' command instead."
            );
            server_action(ctx, &id, json!({"revertResize": null}), None)?;
        }
        Ok(Output::None)
    }
}

macro_rules! finish_resize {
    ($name:ident, $words:literal, $about:literal, $action:literal, $warning:expr) => {
        #[doc = $about]
        #[derive(clap::Args, Debug)]
        pub struct $name {
            /// Server (name or ID)
            #[arg(value_name = "<server>")]
            server: String,
        }

        impl Command for $name {
            const WORDS: &'static str = $words;
            const ABOUT: &'static str = $about;
            const KIND: Kind = Kind::Plain;

            fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
                let warning: Option<&str> = $warning;
                if let Some(w) = warning {
                    tracing::warn!("{w}");
                }
                let id = id_of(&find_server(ctx, &self.server, false)?);
                server_action(ctx, &id, json!({ $action: null }), None)?;
                Ok(Output::None)
            }
        }
    };
}

finish_resize!(
    ResizeConfirm,
    "server resize confirm",
    "Confirm server resize.\nConfirm (verify) success of resize operation and release the old server.",
    "confirmResize",
    None
);
finish_resize!(
    ResizeRevert,
    "server resize revert",
    "Revert server resize.\nRevert the resize operation. Release the new server and restart the old one.",
    "revertResize",
    None
);
finish_resize!(
    ConfirmMigration,
    "server migration confirm",
    "Confirm server migration.\nConfirm (verify) success of the migration operation and release the old server.",
    "confirmResize",
    None
);
finish_resize!(
    RevertMigration,
    "server migration revert",
    "Revert server migration.\nRevert the migration operation. Release the new server and restart the old one.",
    "revertResize",
    None
);
finish_resize!(
    MigrateConfirm,
    "server migrate confirm",
    "DEPRECATED: Use 'server migration confirm' instead.",
    "confirmResize",
    Some(
        "The 'server migrate confirm' command has been deprecated in favour of the 'server migration confirm' command."
    )
);
finish_resize!(
    MigrateRevert,
    "server migrate revert",
    "DEPRECATED: Use 'server migration revert' instead.",
    "revertResize",
    Some(
        "The 'server migrate revert' command has been deprecated in favour of the 'server migration revert' command."
    )
);
