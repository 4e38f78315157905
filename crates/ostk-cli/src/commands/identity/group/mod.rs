//! `group *` commands (openstackclient/identity/v3/group.py).

pub mod add_user;
pub mod contains_user;
pub mod create;
pub mod delete;
pub mod list;
pub mod remove_user;
pub mod set;
pub mod show;

use crate::{context::Context, error::CliError, registry::Output};
use ostk_output::{Cell, Record};
use ostk_sdk::identity::Identity;
use serde_json::Value;

/// `group add user` / `group remove user`: each user in turn, a failure logged and counted,
/// then OSC's summary line when any failed.
pub fn change_membership(
    ctx: &mut Context,
    group: &str,
    group_domain: Option<&str>,
    users: &[String],
    user_domain: Option<&str>,
    add: bool,
) -> Result<Output, CliError> {
    use super::common::{find_group_id, find_user_id, sdk_error};
    let group_id = find_group_id(ctx, group, group_domain, true)?;
    let verb = if add { "added to" } else { "removed from" };
    let mut failed = 0;
    for u in users {
        let res = find_user_id(ctx, u, user_domain, true).and_then(|uid| {
            let session = ctx.session()?;
            let identity = Identity::new(&session);
            let res = if add {
                ctx.block_on(identity.add_user_to_group(&group_id, &uid))?
            } else {
                ctx.block_on(identity.remove_user_from_group(&group_id, &uid))?
            };
            res.map_err(|e| sdk_error(e, None))
        });
        if let Err(e) = res {
            failed += 1;
            tracing::error!("{u} not {verb} group {group}: {e}");
        }
    }
    if failed > 0 {
        return Err(CliError::Message(format!(
            "{failed} of {} users not {verb} group {group}.",
            users.len()
        )));
    }
    Ok(Output::None)
}

/// `_format_group`: description, domain_id, id, name.
pub fn group_record(g: &Value) -> Record {
    let f = |k: &str| Cell::from_json(g.get(k).cloned().unwrap_or(Value::Null));
    Record {
        fields: ["description", "domain_id", "id", "name"]
            .iter()
            .map(|k| (k.to_string(), f(k)))
            .collect(),
    }
}
