//! `network l3 conntrack helper create/delete/list/set/show`
//! (openstackclient/network/v2/l3_conntrack_helper.py).

use super::common as c;
use crate::commands::common::bulk;
use crate::commands::identity::common::sdk_error;
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_sdk::client::Method;
use ostk_sdk::network::{CONNTRACK_HELPER, ROUTER};
use serde_json::{Map, Value, json};

/// The router's helpers path (`routers/{id}`), the router found by name or ID.
fn router_path(ctx: &mut Context, router: &str) -> Result<(String, String), CliError> {
    let id = c::find_id(ctx, &ROUTER, router)?;
    Ok((format!("{}/{id}", ROUTER.coll.path), id))
}

fn record(body: &Value) -> Output {
    Output::One(c::show_record(
        &CONNTRACK_HELPER,
        body,
        &[],
        &["location", "tenant_id"],
        &[],
    ))
}

/// Create a new L3 conntrack helper
#[derive(clap::Args, Debug)]
pub struct CreateConntrackHelper {
    /// Router for which conntrack helper will be created
    #[arg(value_name = "<router>")]
    router: String,
    /// The netfilter conntrack helper module
    #[arg(long, value_name = "<helper>", required = true)]
    helper: String,
    /// The network protocol for the netfilter conntrack target rule
    #[arg(long, value_name = "<protocol>", required = true)]
    protocol: String,
    /// The network port for the netfilter conntrack target rule
    #[arg(long, value_name = "<port>", required = true)]
    port: i64,
}

/// OSC `_get_attrs` (falsy values left out).
fn helper_attrs(
    helper: Option<&str>,
    protocol: Option<&str>,
    port: Option<i64>,
) -> Map<String, Value> {
    let mut a = Map::new();
    c::put(&mut a, "helper", helper.filter(|h| !h.is_empty()));
    c::put(&mut a, "protocol", protocol.filter(|p| !p.is_empty()));
    c::put(&mut a, "port", port.filter(|p| *p != 0));
    a
}

impl Command for CreateConntrackHelper {
    const WORDS: &'static str = "network l3 conntrack helper create";
    const ABOUT: &'static str = "Create a new L3 conntrack helper";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (path, _) = router_path(ctx, &self.router)?;
        let a = helper_attrs(Some(&self.helper), Some(&self.protocol), Some(self.port));
        let s = ctx.session()?;
        let obj = c::run(ctx, CONNTRACK_HELPER.coll.create_in(&s, &path, a))?;
        Ok(record(&obj))
    }
}

/// Delete L3 conntrack helper
#[derive(clap::Args, Debug)]
pub struct DeleteConntrackHelper {
    /// Router that the conntrack helper belongs to
    #[arg(value_name = "<router>")]
    router: String,
    /// The ID of the conntrack helper(s) to delete
    #[arg(value_name = "<conntrack-helper-id>", required = true)]
    conntrack_helper_id: Vec<String>,
}

impl Command for DeleteConntrackHelper {
    const WORDS: &'static str = "network l3 conntrack helper delete";
    const ABOUT: &'static str = "Delete L3 conntrack helper";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (path, _) = router_path(ctx, &self.router)?;
        let results = bulk::each(ctx, &self.conntrack_helper_id, |s, id| {
            let path = path.clone();
            async move {
                CONNTRACK_HELPER
                    .coll
                    .delete_in(&s, &path, &id)
                    .await
                    .map_err(|e| sdk_error(e, None))
            }
        })?;
        bulk::summarize(
            &self.conntrack_helper_id,
            results,
            "L3 conntrack helpers",
            |i, e| format!("Failed to delete L3 conntrack helper with ID '{i}': {e}"),
        )?;
        Ok(Output::None)
    }
}

/// List L3 conntrack helpers
#[derive(clap::Args, Debug)]
pub struct ListConntrackHelper {
    /// Router that the conntrack helper belongs to
    #[arg(value_name = "<router>")]
    router: String,
    /// List only helpers using the specified netfilter conntrack helper module
    #[arg(long, value_name = "<helper>")]
    helper: Option<String>,
    /// List only helpers with the specified network protocol for the netfilter conntrack target rule
    #[arg(long, value_name = "<protocol>")]
    protocol: Option<String>,
    /// List only helpers with the specified network port for the netfilter conntrack target rule (name or ID)
    #[arg(long, value_name = "<port>")]
    port: Option<String>,
    #[command(flatten)]
    page: super::MarkerPage,
}

impl Command for ListConntrackHelper {
    const WORDS: &'static str = "network l3 conntrack helper list";
    const ABOUT: &'static str = "List L3 conntrack helpers";
    const KIND: Kind = Kind::List;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (path, router_id) = router_path(ctx, &self.router)?;
        let mut q: Vec<(&str, String)> = Vec::new();
        self.page.apply(&mut q);
        let s = ctx.session()?;
        let mut items = c::run(ctx, CONNTRACK_HELPER.coll.list_in(&s, &path, &q))?;
        if let Some(n) = self.page.max_items {
            items.truncate(n);
        }
        // openstacksdk filters on attributes the API does not know itself, comparing the
        // option's text with the value (so `--port 69` never matches the number 69)
        let filters: Vec<(&str, Value)> = [
            ("helper", self.helper.as_deref()),
            ("protocol", self.protocol.as_deref()),
            ("port", self.port.as_deref()),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| (k, json!(v))))
        .collect();
        let rows: Vec<Value> = c::client_filter(&CONNTRACK_HELPER, items, &filters)
            .into_iter()
            .map(|it| {
                let mut d = CONNTRACK_HELPER.to_dict(&it);
                d.insert("router_id".into(), json!(router_id));
                Value::Object(d)
            })
            .collect();
        Ok(Output::List(c::dict_listing(
            &rows,
            &[
                ("ID", "id"),
                ("Router ID", "router_id"),
                ("Helper", "helper"),
                ("Protocol", "protocol"),
                ("Port", "port"),
            ],
        )))
    }
}

/// Set L3 conntrack helper properties
#[derive(clap::Args, Debug)]
pub struct SetConntrackHelper {
    /// Router that the conntrack helper belongs to
    #[arg(value_name = "<router>")]
    router: String,
    /// The ID of the conntrack helper(s)
    #[arg(value_name = "<conntrack-helper-id>")]
    conntrack_helper_id: String,
    /// The netfilter conntrack helper module
    #[arg(long, value_name = "<helper>")]
    helper: Option<String>,
    /// The network protocol for the netfilter conntrack target rule
    #[arg(long, value_name = "<protocol>")]
    protocol: Option<String>,
    /// The network port for the netfilter conntrack target rule
    #[arg(long, value_name = "<port>")]
    port: Option<i64>,
}

impl Command for SetConntrackHelper {
    const WORDS: &'static str = "network l3 conntrack helper set";
    const ABOUT: &'static str = "Set L3 conntrack helper properties";
    const KIND: Kind = Kind::Plain;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (path, _) = router_path(ctx, &self.router)?;
        let a = helper_attrs(self.helper.as_deref(), self.protocol.as_deref(), self.port);
        // openstacksdk sends no request without a change
        if !a.is_empty() {
            let s = ctx.session()?;
            c::run(
                ctx,
                CONNTRACK_HELPER.coll.update_in(
                    &s,
                    Method::PUT,
                    &path,
                    &self.conntrack_helper_id,
                    a,
                ),
            )?;
        }
        Ok(Output::None)
    }
}

/// Display L3 conntrack helper details
#[derive(clap::Args, Debug)]
pub struct ShowConntrackHelper {
    /// Router that the conntrack helper belongs to
    #[arg(value_name = "<router>")]
    router: String,
    /// The ID of the conntrack helper
    #[arg(value_name = "<conntrack-helper-id>")]
    conntrack_helper_id: String,
}

impl Command for ShowConntrackHelper {
    const WORDS: &'static str = "network l3 conntrack helper show";
    const ABOUT: &'static str = "Display L3 conntrack helper details";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let (path, _) = router_path(ctx, &self.router)?;
        let s = ctx.session()?;
        let id = &self.conntrack_helper_id;
        let obj = c::get(
            ctx,
            &CONNTRACK_HELPER,
            CONNTRACK_HELPER.coll.get_in(&s, &path, id),
            id,
        )?;
        Ok(record(&obj))
    }
}
