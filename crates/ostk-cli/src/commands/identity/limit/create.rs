//! `limit create` (openstackclient/identity/v3/limit.py CreateLimit).

use crate::commands::identity::{common, endpoint, service};
use crate::{
    context::Context,
    error::CliError,
    registry::{Command, Kind, Output},
};
use endpoint::PROJECT_DOMAIN_HELP;
use ostk_sdk::identity::Identity;
use serde_json::{Map, Value, json};

/// Create a limit
#[derive(clap::Args, Debug)]
pub struct CreateLimit {
    /// Description of the limit
    #[arg(long, value_name = "<description>")]
    description: Option<String>,
    /// Region for the limit to affect.
    #[arg(long, value_name = "<region>", verbatim_doc_comment)]
    region: Option<String>,
    /// Project to associate the resource limit to
    #[arg(long, value_name = "<project>", required = true)]
    project: String,
    #[arg(long, value_name = "<project-domain>", help = PROJECT_DOMAIN_HELP)]
    project_domain: Option<String>,
    /// Service responsible for the resource to limit
    #[arg(long, value_name = "<service>", required = true)]
    service: String,
    /// The resource limit for the project to assume
    #[arg(
        long,
        value_name = "<resource-limit>",
        required = true,
        allow_negative_numbers = true
    )]
    resource_limit: i64,
    /// The name of the resource to limit
    #[arg(value_name = "<resource-name>")]
    resource_name: String,
}

impl Command for CreateLimit {
    const WORDS: &'static str = "limit create";
    const ABOUT: &'static str = "Create a limit";
    const KIND: Kind = Kind::Show;

    fn run(self, ctx: &mut Context) -> Result<Output, CliError> {
        let mut attrs = Map::from_iter([
            ("resource_name".to_string(), json!(self.resource_name)),
            ("resource_limit".to_string(), json!(self.resource_limit)),
        ]);
        if let Some(d) = self.description.filter(|d| !d.is_empty()) {
            attrs.insert("description".into(), Value::String(d));
        }
        let project =
            common::find_project_id(ctx, &self.project, self.project_domain.as_deref(), true)?;
        attrs.insert("project_id".into(), Value::String(project));
        let svc = service::find_service(ctx, &self.service)?;
        attrs.insert("service_id".into(), Value::String(svc.id));
        if let Some(r) = self.region.as_deref().filter(|r| !r.is_empty()) {
            attrs.insert(
                "region_id".into(),
                Value::String(endpoint::region_id(ctx, r)?),
            );
        }
        let session = ctx.session()?;
        let l = ctx
            .block_on(Identity::new(&session).create_limit(attrs))?
            .map_err(|e| common::sdk_error(e, None))?;
        Ok(Output::One(super::limit_record(&l)))
    }
}
