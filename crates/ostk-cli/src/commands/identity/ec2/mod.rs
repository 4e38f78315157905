//! `ec2 credentials *` (openstackclient/identity/v3/ec2creds.py): keystone's OS-EC2 access and
//! secret key pairs, as S3 clients use them against swift's `s3api`.

pub mod create;
pub mod delete;
pub mod list;
pub mod show;

use crate::commands::identity::application_credential::session_user;
use crate::commands::identity::common::{find_resource, find_resource_legacy, id_of};
use crate::{context::Context, error::CliError};
use ostk_output::{Cell, Record};
use ostk_sdk::identity::{domain::DOMAINS, user::USERS};
use serde_json::{Map, Value};

/// `_determine_ec2_user`: `--user` (in `--user-domain` if given) found the keystoneclient
/// way, else the authenticated user.
pub fn determine_user(
    ctx: &mut Context,
    user: Option<&str>,
    user_domain: Option<&str>,
) -> Result<String, CliError> {
    // OSC resolves the domain even when no --user is given.
    let filters = domain_filter(ctx, user_domain)?;
    match user {
        Some(u) => Ok(id_of(&find_resource(ctx, &USERS, "user", u, &filters)?)),
        None => session_user(ctx),
    }
}

/// `domain_id` of `--user-domain`/`--project-domain` as a lookup filter (OSC's
/// keystoneclient-style `common.find_domain`), none without the option.
pub fn domain_filter(
    ctx: &mut Context,
    domain: Option<&str>,
) -> Result<Vec<(&'static str, String)>, CliError> {
    Ok(match domain {
        Some(d) => vec![(
            "domain_id",
            id_of(&find_resource_legacy(ctx, &DOMAINS, "domain", d, &[])?),
        )],
        None => Vec::new(),
    })
}

/// The create/show answer as OSC prints it: every key keystone sent, `tenant_id` renamed
/// `project_id`, sorted by name.
pub fn record(mut cred: Map<String, Value>) -> Record {
    if let Some(t) = cred.remove("tenant_id") {
        cred.insert("project_id".into(), t);
    }
    let mut fields: Vec<(String, Cell)> = cred
        .into_iter()
        .map(|(k, v)| (k, Cell::from_json(v)))
        .collect();
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    Record { fields }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn tenant_becomes_project_and_keys_sort() {
        let m = json!({"user_id": "u", "tenant_id": "p", "access": "a", "trust_id": null});
        let r = record(m.as_object().unwrap().clone());
        let names: Vec<&str> = r.fields.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["access", "project_id", "trust_id", "user_id"]);
        assert_eq!(r.fields[1].1, Cell::Str("p".into()));
        assert_eq!(r.fields[2].1, Cell::None);
    }
}
