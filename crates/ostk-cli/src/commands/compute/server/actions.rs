//! The one-call server actions (`server pause|unpause|suspend|resume|start|stop|lock|unlock|
//! restore|unrescue|rescue`): find each server, `POST /servers/{id}/action`. Several
//! servers are handled in parallel (bounded); the first failure, in the order given, is
//! reported as osc reports it.

use super::{
    all_projects_env, find_server, find_server_id_in, id_of, microversion, require, server_action,
};
use crate::commands::common::bulk;
use crate::commands::identity::common::sdk_error;
use crate::commands::image::find_image;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::compute::Compute;
use serde_json::{Value, json};

/// Runs `action` on every server named, in parallel; the first failure (input order) wins.
fn act_on_each(
    ctx: &mut Context,
    servers: &[String],
    all_projects: bool,
    action: Value,
) -> Result<Output, CliError> {
    let results = bulk::each(ctx, servers, |session, name| {
        let action = action.clone();
        async move {
            let id = find_server_id_in(&session, &name, all_projects).await?;
            Compute::new(&session)
                .act(&id, action, None)
                .await
                .map_err(|e| sdk_error(e, None))?;
            Ok(())
        }
    })?;
    results.into_iter().collect::<Result<Vec<()>, _>>()?;
    Ok(Output::None)
}

macro_rules! simple_action {
    ($name:ident, $words:literal, $about:literal, $help:literal, $action:literal) => {
        #[doc = $about]
        #[derive(clap::Args, Debug)]
        pub struct $name {
            #[doc = $help]
            #[arg(value_name = "<server>", required = true)]
            server: Vec<String>,
        }

        impl Command for $name {
            const WORDS: &'static str = $words;
            const ABOUT: &'static str = $about;
            const KIND: Kind = Kind::Plain;

            fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
                act_on_each(ctx, &self.server, false, json!({ $action: null }))
            }
        }
    };
}

macro_rules! action_all_projects {
    ($name:ident, $words:literal, $about:literal, $help:literal, $ap_help:literal, $action:literal) => {
        #[doc = $about]
        #[derive(clap::Args, Debug)]
        pub struct $name {
            #[doc = $help]
            #[arg(value_name = "<server>", required = true)]
            server: Vec<String>,
            #[doc = $ap_help]
            #[arg(long)]
            all_projects: bool,
        }

        impl Command for $name {
            const WORDS: &'static str = $words;
            const ABOUT: &'static str = $about;
            const KIND: Kind = Kind::Plain;

            fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
                let all = self.all_projects || all_projects_env(ctx);
                act_on_each(ctx, &self.server, all, json!({ $action: null }))
            }
        }
    };
}

simple_action!(
    PauseServer,
    "server pause",
    "Pause server(s)",
    "Server(s) to pause (name or ID)",
    "pause"
);
simple_action!(
    UnpauseServer,
    "server unpause",
    "Unpause server(s)",
    "Server(s) to unpause (name or ID)",
    "unpause"
);
simple_action!(
    SuspendServer,
    "server suspend",
    "Suspend server(s)",
    "Server(s) to suspend (name or ID)",
    "suspend"
);
simple_action!(
    ResumeServer,
    "server resume",
    "Resume server(s)",
    "Server(s) to resume (name or ID)",
    "resume"
);
simple_action!(
    UnlockServer,
    "server unlock",
    "Unlock server(s)",
    "Server(s) to unlock (name or ID)",
    "unlock"
);
simple_action!(
    RestoreServer,
    "server restore",
    "Restore server(s)",
    "Server(s) to restore (name or ID)",
    "restore"
);
action_all_projects!(
    StartServer,
    "server start",
    "Start server(s)",
    "Server(s) to start (name or ID)",
    "Start server(s) in another project by name (admin only) (can be specified using the ALL_PROJECTS envvar)",
    "os-start"
);
action_all_projects!(
    StopServer,
    "server stop",
    "Stop server(s)",
    "Server(s) to stop (name or ID)",
    "Stop server(s) in another project by name (admin only) (can be specified using the ALL_PROJECTS envvar)",
    "os-stop"
);

/// Lock server(s) A non-admin user will not be able to execute actions.
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct LockServer {
    /// Server(s) to lock (name or ID)
    #[arg(value_name = "<server>", required = true)]
    server: Vec<String>,
    /// Reason for locking the server(s) (supported by --os-compute-api-version 2.73 or above)
    #[arg(long, value_name = "<reason>")]
    reason: Option<String>,
}

impl Command for LockServer {
    const WORDS: &'static str = "server lock";
    const ABOUT: &'static str =
        "Lock server(s)\nA non-admin user will not be able to execute actions.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let action = match self.reason.as_deref().filter(|r| !r.is_empty()) {
            Some(r) => {
                let mv = microversion(ctx)?;
                if require(mv.as_deref(), "2.73", "").is_err() {
                    return Err(CliError::Message(
                        "--os-compute-api-version 2.73 or greater is required to use the --reason option"
                            .into(),
                    ));
                }
                json!({"lock": {"locked_reason": r}})
            }
            None => json!({"lock": null}),
        };
        act_on_each(ctx, &self.server, false, action)
    }
}

/// Restore server from rescue mode
#[derive(clap::Args, Debug)]
pub struct UnrescueServer {
    /// Server (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
}

impl Command for UnrescueServer {
    const WORDS: &'static str = "server unrescue";
    const ABOUT: &'static str = "Restore server from rescue mode";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        act_on_each(ctx, &[self.server], false, json!({"unrescue": null}))
    }
}

/// Put server in rescue mode. Specify ``--os-compute-api-version 2.87`` or higher to rescue a server booted from a volume.
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct RescueServer {
    /// Server (name or ID)
    #[arg(value_name = "<server>")]
    server: String,
    /// Image (name or ID) to use for the rescue mode (defaults to the currently used one)
    #[arg(long, value_name = "<image>")]
    image: Option<String>,
    /// Set the password on the rescued instance (requires cloud support)
    #[arg(long, value_name = "<password>")]
    password: Option<String>,
}

impl Command for RescueServer {
    const WORDS: &'static str = "server rescue";
    const ABOUT: &'static str = "Put server in rescue mode.\nSpecify ``--os-compute-api-version 2.87`` or higher to rescue a server booted from a volume.";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let image = match &self.image {
            Some(i) => Some(find_image(ctx, i)?.id),
            None => None,
        };
        let id = id_of(&find_server(ctx, &self.server, false)?);
        let mut body = serde_json::Map::new();
        if let Some(p) = &self.password {
            body.insert("adminPass".into(), p.clone().into());
        }
        if let Some(i) = image {
            body.insert("rescue_image_ref".into(), i.into());
        }
        server_action(ctx, &id, json!({ "rescue": body }), None)?;
        Ok(Output::None)
    }
}
