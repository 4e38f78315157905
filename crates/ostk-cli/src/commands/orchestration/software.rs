//! `software config create|delete|list|show` and `software deployment
//! delete|list|show|metadata show|output show` (heatclient/osc/v1/software_config.py,
//! software_deployment.py).

use super::{
    PLUGIN_EPILOG, dict_record, files, format_default, heat_error, item_row, or_not_found,
    with_session,
};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use ostk_output::{Listing, Record};
use ostk_sdk::client::{ClientError, Method, Session};
use ostk_sdk::orchestration as heat;
use serde_json::{Map, Value, json};

async fn get_config(s: &Session, id: &str) -> Result<Value, ClientError> {
    let mut v = heat::get(s, &format!("software_configs/{id}")).await?;
    Ok(v.get_mut("software_config")
        .map(Value::take)
        .unwrap_or(Value::Null))
}

async fn get_deployment(s: &Session, id: &str) -> Result<Value, ClientError> {
    let mut v = heat::get(s, &format!("software_deployments/{id}")).await?;
    Ok(v.get_mut("software_deployment")
        .map(Value::take)
        .unwrap_or(Value::Null))
}

/// Reads a local file or URL (heatclient's `request.urlopen(...).read()`).
fn read(path: &str) -> Result<Vec<u8>, CliError> {
    let url = files::to_url(path)?;
    files::fetcher(|u: &url::Url| Err(format!("<urlopen error unknown url type: {}>", u.scheme())))(
        &url,
    )
    .map_err(CliError::Message)
}

/// Delete software configs
#[derive(clap::Args, Debug)]
pub struct DeleteConfig {
    /// IDs of the software configs to delete
    #[arg(value_name = "<config>", required = true, num_args = 1..)]
    config: Vec<String>,
}

impl Command for DeleteConfig {
    const WORDS: &'static str = "software config delete";
    const ABOUT: &'static str = "Delete software configs";
    const KIND: Kind = Kind::Plain;
    const EPILOG: Option<&'static str> = Some(PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut failures = 0;
        for id in &self.config {
            let i = id.clone();
            let r = with_session(ctx, |s| async move {
                heat::call(&s, Method::DELETE, &format!("software_configs/{i}"), None).await
            })?;
            if let Err(e) = r {
                if e.status() == Some(404) {
                    println!("Software config with ID {id} not found");
                }
                failures += 1;
            }
        }
        if failures > 0 {
            return Err(CliError::Message(format!(
                "Unable to delete {failures} of the {} software configs.",
                self.config.len()
            )));
        }
        Ok(Output::None)
    }
}

/// List software configs
#[derive(clap::Args, Debug)]
pub struct ListConfig {
    /// Limit the number of configs returned
    #[arg(long, value_name = "<limit>")]
    limit: Option<i64>,
    /// Return configs that appear after the given config ID
    #[arg(long, value_name = "<id>")]
    marker: Option<String>,
}

impl Command for ListConfig {
    const WORDS: &'static str = "software config list";
    const ABOUT: &'static str = "List software configs";
    const KIND: Kind = Kind::List;
    const EPILOG: Option<&'static str> = Some(PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut q = Vec::new();
        if let Some(l) = self.limit.filter(|l| *l != 0) {
            q.push(("limit".to_string(), l.to_string()));
        }
        if let Some(m) = self.marker.filter(|m| !m.is_empty()) {
            q.push(("marker".to_string(), m));
        }
        let path = format!("software_configs{}", heat::query_string(&q));
        let configs = with_session(ctx, |s| async move {
            let mut v = heat::get(&s, &path).await?;
            Ok(heat::take_list(&mut v, "software_configs"))
        })?
        .map_err(heat_error)?;
        let columns = ["id", "name", "group", "creation_time"];
        Ok(Output::List(Listing {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: configs.iter().map(|c| item_row(c, &columns)).collect(),
        }))
    }
}

/// Create software config
#[derive(clap::Args, Debug)]
pub struct CreateConfigArgs {
    /// Name of the software config to create
    #[arg(value_name = "<config-name>")]
    name: String,
    /// Path to JSON/YAML containing map defining <inputs>, <outputs>, and <options>
    #[arg(long = "config-file", value_name = "<config-file>")]
    config_file: Option<String>,
    /// Path to software config script/data
    #[arg(long = "definition-file", value_name = "<destination-file>")]
    definition_file: Option<String>,
    /// Group name of tool expected by the software config
    #[arg(long, value_name = "<group>", default_value = "Heat::Ungrouped")]
    group: String,
}

format_default!(
    CreateConfig,
    CreateConfigArgs,
    "json",
    ["json", "shell", "table", "value", "yaml"]
);

impl Command for CreateConfig {
    const WORDS: &'static str = "software config create";
    const ABOUT: &'static str = "Create software config";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let a = self.0;
        let mut config = Map::new();
        config.insert("group".into(), Value::String(a.group.clone()));
        config.insert("config".into(), Value::String(String::new()));
        let mut defn = Value::Object(Map::new());
        if let Some(f) = &a.definition_file {
            let raw = read(f)?;
            let text = if raw.is_empty() {
                "{}".to_string()
            } else {
                String::from_utf8_lossy(&raw).into_owned()
            };
            defn = ostk_sdk::config::yaml::parse_yaml(&text)
                .map_err(|e| CliError::Message(e.to_string()))?;
        }
        config.insert(
            "inputs".into(),
            defn.get("inputs").cloned().unwrap_or(json!([])),
        );
        config.insert(
            "outputs".into(),
            defn.get("outputs").cloned().unwrap_or(json!([])),
        );
        config.insert(
            "options".into(),
            defn.get("options").cloned().unwrap_or(json!({})),
        );
        if let Some(f) = &a.config_file {
            let raw = read(f)?;
            config.insert(
                "config".into(),
                Value::String(String::from_utf8_lossy(&raw).into_owned()),
            );
        }
        // heatclient validates a one-resource template with this config first
        let validate = json!({"template": {
            "heat_template_version": "2013-05-23",
            "resources": {a.name.clone(): {"type": "OS::Heat::SoftwareConfig", "properties": config.clone()}},
        }});
        config.insert("name".into(), Value::String(a.name.clone()));
        let sc = with_session(ctx, |s| async move {
            heat::call(&s, Method::POST, "validate", Some(validate)).await?;
            let mut v = heat::call(
                &s,
                Method::POST,
                "software_configs",
                Some(Value::Object(config)),
            )
            .await?;
            Ok(v.get_mut("software_config")
                .map(Value::take)
                .unwrap_or(Value::Null))
        })?
        .map_err(heat_error)?;
        Ok(Output::One(dict_record(&sc)))
    }
}

/// Show software config details
#[derive(clap::Args, Debug)]
pub struct ShowConfigArgs {
    /// ID of the config
    #[arg(value_name = "<config>")]
    config: String,
    /// Only display the value of the <config> property.
    #[arg(long = "config-only", verbatim_doc_comment)]
    config_only: bool,
}

format_default!(
    ShowConfig,
    ShowConfigArgs,
    "yaml",
    ["json", "shell", "table", "value", "yaml"]
);

impl Command for ShowConfig {
    const WORDS: &'static str = "software config show";
    const ABOUT: &'static str = "Show software config details";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let a = self.0;
        let id = a.config.clone();
        let sc = with_session(ctx, |s| async move { get_config(&s, &id).await })?
            .map_err(|e| or_not_found(e, || format!("Configuration not found: {}", a.config)))?;
        if a.config_only {
            let text = match sc.get("config") {
                Some(Value::String(s)) => s.clone(),
                None | Some(Value::Null) => "None".into(),
                Some(other) => ostk_output::py_str_of_json(other),
            };
            return Ok(Output::Text(format!("{text}\n")));
        }
        let columns = [
            "id",
            "name",
            "group",
            "config",
            "inputs",
            "outputs",
            "options",
            "creation_time",
        ];
        let cells = item_row(&sc, &columns);
        Ok(Output::One(Record {
            fields: columns.iter().map(|c| c.to_string()).zip(cells).collect(),
        }))
    }
}

/// Delete software deployment(s) and correlative config(s).
#[derive(clap::Args, Debug)]
pub struct DeleteDeployment {
    /// ID of the deployment(s) to delete.
    #[arg(value_name = "<deployment>", required = true, num_args = 1.., verbatim_doc_comment)]
    deployment: Vec<String>,
}

impl Command for DeleteDeployment {
    const WORDS: &'static str = "software deployment delete";
    const ABOUT: &'static str = "Delete software deployment(s) and correlative config(s).";
    const KIND: Kind = Kind::Plain;
    const EPILOG: Option<&'static str> = Some(PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut failures = 0;
        for id in &self.deployment {
            let i = id.clone();
            let r = with_session(ctx, |s| async move {
                let sd = get_deployment(&s, &i).await?;
                heat::call(
                    &s,
                    Method::DELETE,
                    &format!("software_deployments/{i}"),
                    None,
                )
                .await?;
                Ok(sd)
            })?;
            let sd = match r {
                Ok(sd) => sd,
                Err(e) => {
                    if e.status() == Some(404) {
                        println!("Deployment with ID {id} not found");
                    } else {
                        println!("Deployment with ID {id} failed to delete");
                    }
                    failures += 1;
                    continue;
                }
            };
            let config_id = sd
                .get("config_id")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let c = config_id.clone();
            let r = with_session(ctx, |s| async move {
                heat::call(&s, Method::DELETE, &format!("software_configs/{c}"), None).await
            })?;
            if r.is_err() {
                println!("Failed to delete the correlative config {config_id} of deployment {id}");
            }
        }
        if failures > 0 {
            return Err(CliError::Message(format!(
                "Unable to delete {failures} of the {} deployments.",
                self.deployment.len()
            )));
        }
        Ok(Output::None)
    }
}

/// List software deployments.
#[derive(clap::Args, Debug)]
pub struct ListDeployment {
    /// ID of the server to fetch deployments for
    #[arg(long, value_name = "<server>")]
    server: Option<String>,
    /// List more fields in output
    #[arg(long)]
    long: bool,
}

impl Command for ListDeployment {
    const WORDS: &'static str = "software deployment list";
    const ABOUT: &'static str = "List software deployments.";
    const KIND: Kind = Kind::List;
    const EPILOG: Option<&'static str> = Some(PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut columns = vec!["id", "config_id", "server_id", "action", "status"];
        if self.long {
            columns.extend(["creation_time", "status_reason"]);
        }
        let q: Vec<(String, String)> = self
            .server
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| ("server_id".to_string(), s.clone()))
            .collect();
        let path = format!("software_deployments{}", heat::query_string(&q));
        let deps = with_session(ctx, |s| async move {
            let mut v = heat::get(&s, &path).await?;
            Ok(heat::take_list(&mut v, "software_deployments"))
        })?
        .map_err(heat_error)?;
        Ok(Output::List(Listing {
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: deps.iter().map(|d| item_row(d, &columns)).collect(),
        }))
    }
}

/// Show SoftwareDeployment Details.
#[derive(clap::Args, Debug)]
pub struct ShowDeployment {
    /// ID of the deployment
    #[arg(value_name = "<deployment>")]
    deployment: String,
    /// Show more fields in output
    #[arg(long)]
    long: bool,
}

impl Command for ShowDeployment {
    const WORDS: &'static str = "software deployment show";
    const ABOUT: &'static str = "Show SoftwareDeployment Details.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let id = self.deployment.clone();
        let sd =
            with_session(ctx, |s| async move { get_deployment(&s, &id).await })?.map_err(|e| {
                or_not_found(e, || {
                    format!("Software Deployment not found: {}", self.deployment)
                })
            })?;
        let mut columns = vec![
            "id",
            "server_id",
            "config_id",
            "creation_time",
            "updated_time",
            "status",
            "status_reason",
            "input_values",
            "action",
        ];
        if self.long {
            columns.push("output_values");
        }
        let cells = item_row(&sd, &columns);
        Ok(Output::One(Record {
            fields: columns.iter().map(|c| c.to_string()).zip(cells).collect(),
        }))
    }
}

/// Get deployment configuration metadata for the specified server.
#[derive(clap::Args, Debug)]
pub struct ShowMetadataDeployment {
    /// ID of the server to fetch deployments for
    #[arg(value_name = "<server>")]
    server: String,
}

impl Command for ShowMetadataDeployment {
    const WORDS: &'static str = "software deployment metadata show";
    const ABOUT: &'static str = "Get deployment configuration metadata for the specified server.";
    const KIND: Kind = Kind::Plain;
    const EPILOG: Option<&'static str> = Some(PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let path = format!("software_deployments/metadata/{}", heat::enc(&self.server));
        let md = with_session(ctx, |s| async move {
            let mut v = heat::get(&s, &path).await?;
            Ok(v.get_mut("metadata")
                .map(Value::take)
                .unwrap_or(Value::Null))
        })?
        .map_err(heat_error)?;
        Ok(Output::Text(format!(
            "{}\n",
            ostk_output::json_dumps(&md, Some(2), ",", true)
        )))
    }
}

/// Show a specific deployment output.
#[derive(clap::Args, Debug)]
pub struct ShowOutputDeployment {
    /// ID of deployment to show the output for
    #[arg(value_name = "<deployment>")]
    deployment: String,
    /// Name of an output to display
    #[arg(value_name = "<output-name>")]
    output: Option<String>,
    /// Display all deployment outputs
    #[arg(long)]
    all: bool,
    /// Show full deployment logs in output
    #[arg(long)]
    long: bool,
}

/// heatclient's `print_software_deployment_output`.
fn deployment_output(data: &Value, name: &str, long: bool) -> String {
    let v = data.get(name);
    let text = |v: Option<&Value>| match v {
        None | Some(Value::Null) => "None".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => ostk_output::py_str_of_json(other),
    };
    if name == "deploy_stdout" || name == "deploy_stderr" {
        let out = match v {
            None | Some(Value::Null) => "None".to_string(),
            Some(x) => super::failures::indent_and_truncate(
                &text(Some(x)),
                4,
                !long,
                Some("..."),
                Some("(truncated, view all with --long)"),
            ),
        };
        format!("  {name}: |\n{out}\n")
    } else {
        format!("  {name}: {}\n", text(v))
    }
}

impl Command for ShowOutputDeployment {
    const WORDS: &'static str = "software deployment output show";
    const ABOUT: &'static str = "Show a specific deployment output.";
    const KIND: Kind = Kind::Plain;
    const EPILOG: Option<&'static str> = Some(PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        if self.all == self.output.is_some() {
            return Err(CliError::Message(
                "Error: either <output-name> or --all argument is needed.".into(),
            ));
        }
        let id = self.deployment.clone();
        let sd =
            with_session(ctx, |s| async move { get_deployment(&s, &id).await })?.map_err(|e| {
                or_not_found(e, || format!("Deployment not found: {}", self.deployment))
            })?;
        let outputs = sd.get("output_values").cloned().unwrap_or(Value::Null);
        let Some(m) = outputs.as_object().filter(|m| !m.is_empty()) else {
            return Ok(Output::None);
        };
        if self.all {
            let mut text = String::from("output_values:\n\n");
            for k in m.keys() {
                text.push_str(&deployment_output(&outputs, k, self.long));
            }
            return Ok(Output::Text(text));
        }
        let name = self.output.clone().unwrap_or_default();
        if !m.contains_key(&name) {
            return Err(CliError::Message(format!(
                "Output {name} does not exist in deployment {}",
                self.deployment
            )));
        }
        Ok(Output::Text(format!(
            "output_value:\n\n{}",
            deployment_output(&outputs, &name, false)
        )))
    }
}

/// Create a software deployment.
#[derive(clap::Args, Debug)]
pub struct CreateDeploymentArgs {
    /// Name of the derived config associated with this deployment. This is used to apply a sort order to the list of configurations currently deployed to the server.
    #[arg(value_name = "<deployment-name>", verbatim_doc_comment)]
    name: String,
    /// Input value to set on the deployment. This can be specified multiple times.
    #[arg(long = "input-value", value_name = "<key=value>", verbatim_doc_comment)]
    input_value: Vec<String>,
    /// Name of an action for this deployment. This can be a custom action, or one of CREATE, UPDATE, DELETE, SUSPEND, RESUME. Default is UPDATE
    #[arg(long, value_name = "<action>", default_value = "UPDATE")]
    action: String,
    /// ID of the configuration to deploy
    #[arg(long, value_name = "<config>")]
    config: Option<String>,
    /// How the server should signal to heat with the deployment output values. TEMP_URL_SIGNAL will create a Swift TempURL to be signaled via HTTP PUT. ZAQAR_SIGNAL will create a dedicated zaqar queue to be signaled using the provided keystone credentials.NO_SIGNAL will result in the resource going to the COMPLETE state without waiting for any signal
    #[arg(
        long = "signal-transport",
        value_name = "<signal-transport>",
        default_value = "TEMP_URL_SIGNAL"
    )]
    signal_transport: String,
    /// Optional name of container to store TEMP_URL_SIGNAL objects in. If not specified a container will be created with a name derived from the DEPLOY_NAME
    #[arg(long, value_name = "<container>")]
    container: Option<String>,
    /// Deployment timeout in minutes
    #[arg(long, value_name = "<timeout>", default_value_t = 60)]
    timeout: i64,
    /// ID of the server being deployed to
    #[arg(long, value_name = "<server>", required = true)]
    server: String,
}

format_default!(
    CreateDeployment,
    CreateDeploymentArgs,
    "yaml",
    ["json", "shell", "table", "value", "yaml"]
);

/// heatclient's `deployment_utils.build_derived_config_params`.
fn derived_config(
    a: &CreateDeploymentArgs,
    source: &Value,
    signal_id: Option<String>,
) -> Result<Value, CliError> {
    let mut values = super::format_parameters(&a.input_value, false)?;
    let mut inputs: Vec<Value> = source
        .get("inputs")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    for inp in &mut inputs {
        let name = inp
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let v = values
            .remove(&name)
            .unwrap_or_else(|| inp.get("default").cloned().unwrap_or(Value::Null));
        if let Some(m) = inp.as_object_mut() {
            m.insert("value".into(), v);
        }
    }
    for (k, v) in values {
        inputs.push(json!({"name": k, "type": "String", "value": v}));
    }
    inputs.push(json!({"name": "deploy_server_id", "description": "ID of the server being deployed to", "type": "String", "value": a.server}));
    inputs.push(json!({"name": "deploy_action", "description": "Name of the current action being deployed", "type": "String", "value": a.action}));
    inputs.push(json!({"name": "deploy_signal_transport", "description": "How the server should signal to heat with the deployment output values.", "type": "String", "value": a.signal_transport}));
    if a.signal_transport == "TEMP_URL_SIGNAL" {
        inputs.push(json!({"name": "deploy_signal_id", "description": "ID of signal to use for signaling output values", "type": "String", "value": signal_id}));
        inputs.push(json!({"name": "deploy_signal_verb", "description": "HTTP verb to use for signaling output values", "type": "String", "value": "PUT"}));
    } else if a.signal_transport != "NO_SIGNAL" {
        return Err(CliError::Message(format!(
            "Unsupported signal transport {}",
            a.signal_transport
        )));
    }
    let or = |k: &str, d: Value| match source.get(k) {
        None | Some(Value::Null) => d,
        Some(Value::String(s)) if s.is_empty() => d,
        Some(Value::Object(m)) if m.is_empty() => d,
        Some(Value::Array(x)) if x.is_empty() => d,
        Some(v) => v.clone(),
    };
    Ok(json!({
        "group": or("group", json!("Heat::Ungrouped")),
        "config": or("config", json!("")),
        "options": or("options", json!({})),
        "inputs": inputs,
        "outputs": or("outputs", json!([])),
        "name": a.name,
    }))
}

impl Command for CreateDeployment {
    const WORDS: &'static str = "software deployment create";
    const ABOUT: &'static str = "Create a software deployment.";
    const KIND: Kind = Kind::Show;
    const EPILOG: Option<&'static str> = Some(PLUGIN_EPILOG);

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let a = self.0;
        let source = match &a.config {
            Some(c) => {
                let id = c.clone();
                with_session(ctx, |s| async move { get_config(&s, &id).await })?.map_err(|e| {
                    or_not_found(e, || format!("Software configuration not found: {c}"))
                })?
            }
            None => json!({}),
        };
        let signal_id = if a.signal_transport == "TEMP_URL_SIGNAL" {
            let (name, timeout) = (a.name.clone(), a.timeout);
            Some(
                with_session(ctx, |s| async move {
                    heat::signal_temp_url(&s, &name, timeout).await
                })?
                .map_err(CliError::from)?,
            )
        } else {
            None
        };
        let derived = derived_config(&a, &source, signal_id)?;
        let (server, action) = (a.server.clone(), a.action.clone());
        let sd = with_session(ctx, |s| async move {
            let mut c = heat::call(&s, Method::POST, "software_configs", Some(derived)).await?;
            let cfg = c
                .get_mut("software_config")
                .map(Value::take)
                .unwrap_or(Value::Null);
            let body = json!({
                "config_id": cfg.get("id").cloned().unwrap_or(Value::Null),
                "server_id": server,
                "action": action,
                "status": "IN_PROGRESS",
            });
            let mut d = heat::call(&s, Method::POST, "software_deployments", Some(body)).await?;
            Ok(d.get_mut("software_deployment")
                .map(Value::take)
                .unwrap_or(Value::Null))
        })?
        .map_err(heat_error)?;
        Ok(Output::One(super::sorted_record(&sd, |_, v| {
            ostk_output::Cell::from_json(v)
        })))
    }
}
