//! `user *` commands (openstackclient/identity/v3/user.py).

pub mod create;
pub mod delete;
pub mod list;
pub mod password_set;
pub mod set;
pub mod show;

use crate::commands::identity::common::sdk_error;
use crate::{context::Context, error::CliError};
use clap::ArgAction;
use ostk_output::{Cell, Record};
use ostk_sdk::rest::{Collection, Lookup};
use serde_json::{Map, Value, json};

/// `_format_user`: the openstacksdk User attributes in OSC's order (`is_enabled` shown as
/// `enabled`); absent ones are `None`.
pub fn user_record(u: &Value) -> Record {
    let fields = [
        "default_project_id",
        "domain_id",
        "email",
        "enabled",
        "id",
        "name",
        "description",
        "password_expires_at",
        "options",
    ]
    .into_iter()
    .map(|k| {
        (
            k.to_string(),
            Cell::from_json(u.get(k).cloned().unwrap_or(Value::Null)),
        )
    })
    .collect();
    Record { fields }
}

/// `_add_user_options`: the resource options `user create` and `user set` share.
#[derive(clap::Args, Debug)]
pub struct UserOptions {
    /// Opt into ignoring the number of times a user has authenticated and locking out the user as a result
    #[arg(long)]
    ignore_lockout_failure_attempts: bool,
    /// Opt out of ignoring the number of times a user has authenticated and locking out the user as a result
    #[arg(long)]
    no_ignore_lockout_failure_attempts: bool,
    /// Opt into allowing user to continue using passwords that may be expired
    #[arg(long)]
    ignore_password_expiry: bool,
    /// Opt out of allowing user to continue using passwords that may be expired
    #[arg(long)]
    no_ignore_password_expiry: bool,
    /// Control if a user should be forced to change their password immediately after they log into keystone for the first time. Opt into ignoring the user to change their password during first time login in keystone
    #[arg(long)]
    ignore_change_password_upon_first_use: bool,
    /// Control if a user should be forced to change their password immediately after they log into keystone for the first time. Opt out of ignoring the user to change their password during first time login in keystone
    #[arg(long)]
    no_ignore_change_password_upon_first_use: bool,
    /// Disables the ability for a user to change its password through self-service APIs
    #[arg(long)]
    enable_lock_password: bool,
    /// Enables the ability for a user to change its password through self-service APIs
    #[arg(long)]
    disable_lock_password: bool,
    /// Enables the MFA (Multi Factor Auth)
    #[arg(long)]
    enable_multi_factor_auth: bool,
    /// Disables the MFA (Multi Factor Auth)
    #[arg(long)]
    disable_multi_factor_auth: bool,
    /// Set multi-factor auth rules. For example, to set a rule requiring the "password" and "totp" auth methods to be provided, use: "--multi-factor-auth-rule password,totp". May be provided multiple times to set different rule combinations.
    #[arg(
        long = "multi-factor-auth-rule",
        value_name = "<rule>",
        action = ArgAction::Append,
        verbatim_doc_comment
    )]
    multi_factor_auth_rules: Vec<String>,
}

impl UserOptions {
    /// `_get_options_for_user`: the `options` object to send (empty when none was given).
    /// The `--no-…`/`--disable-…` flag wins when both are given, as in OSC.
    pub fn to_options(&self) -> Map<String, Value> {
        let mut o = Map::new();
        let mut flag = |key: &str, yes: bool, no: bool| {
            if yes {
                o.insert(key.into(), json!(true));
            }
            if no {
                o.insert(key.into(), json!(false));
            }
        };
        flag(
            "ignore_lockout_failure_attempts",
            self.ignore_lockout_failure_attempts,
            self.no_ignore_lockout_failure_attempts,
        );
        flag(
            "ignore_password_expiry",
            self.ignore_password_expiry,
            self.no_ignore_password_expiry,
        );
        flag(
            "ignore_change_password_upon_first_use",
            self.ignore_change_password_upon_first_use,
            self.no_ignore_change_password_upon_first_use,
        );
        flag(
            "lock_password",
            self.enable_lock_password,
            self.disable_lock_password,
        );
        flag(
            "multi_factor_auth_enabled",
            self.enable_multi_factor_auth,
            self.disable_multi_factor_auth,
        );
        if !self.multi_factor_auth_rules.is_empty() {
            let rules: Vec<Vec<&str>> = self
                .multi_factor_auth_rules
                .iter()
                .map(|r| r.split(',').collect())
                .collect();
            o.insert("multi_factor_auth_rules".into(), json!(rules));
        }
        o
    }
}

/// OSC's warning when a user is created or set without a password.
pub const NO_PASSWORD_WARNING: &str =
    "No password was supplied, authentication will fail when a user does not have a password.";

/// osc-lib `utils.get_password(stdin, prompt, confirm)`: asks on the terminal without echo
/// (again as `Repeat <prompt>` when confirming, until both agree); without a terminal on stdin
/// it fails as osc-lib does.
pub fn get_password(prompt: Option<&str>, confirm: bool) -> Result<String, CliError> {
    use std::io::IsTerminal;
    let message = prompt.unwrap_or("User Password:");
    if !std::io::stdin().is_terminal() {
        return Err(CliError::Message(
            "No terminal detected attempting to read password".into(),
        ));
    }
    let read = |m: &str| {
        rpassword::prompt_password(m)
            .map_err(|_| CliError::Message("Error reading password".into()))
    };
    loop {
        let first = read(message)?;
        if !confirm {
            return Ok(first);
        }
        let second = read(&format!("Repeat {message}"))?;
        if first == second {
            return Ok(first);
        }
        // osc-lib prints this with print(), on stdout.
        println!("The passwords entered were not the same");
    }
}

/// openstacksdk `find_<resource>(name_or_id, ignore_missing=True, **filters)`: `None` when
/// nothing matches; several matches and other errors fail as with `ignore_missing=False`.
pub fn find_optional(
    ctx: &mut Context,
    coll: &Collection,
    class: &str,
    name_or_id: &str,
    filters: &[(&str, String)],
) -> Result<Option<Value>, CliError> {
    let session = ctx.session()?;
    match ctx.block_on(coll.find(&session, name_or_id, filters))? {
        Ok(Lookup::Found(v)) => Ok(Some(v)),
        Ok(Lookup::NotFound) => Ok(None),
        Ok(Lookup::Ambiguous(_)) => Err(CliError::Message(format!(
            "More than one {class} exists with the name '{name_or_id}'."
        ))),
        Err(e) => Err(sdk_error(e, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Args, FromArgMatches};

    fn options(args: &[&str]) -> Map<String, Value> {
        let cmd = UserOptions::augment_args(clap::Command::new("t"));
        let m = cmd.try_get_matches_from(args).unwrap();
        UserOptions::from_arg_matches(&m).unwrap().to_options()
    }

    #[test]
    fn options_are_built_as_osc_does() {
        assert!(options(&["t"]).is_empty());
        let o = options(&[
            "t",
            "--ignore-password-expiry",
            "--no-ignore-password-expiry",
            "--enable-lock-password",
            "--multi-factor-auth-rule",
            "password,totp",
            "--multi-factor-auth-rule",
            "password",
        ]);
        assert_eq!(
            Value::Object(o),
            json!({
                "ignore_password_expiry": false,
                "lock_password": true,
                "multi_factor_auth_rules": [["password", "totp"], ["password"]],
            })
        );
    }

    #[test]
    fn record_has_osc_fields_in_order() {
        let r = user_record(&json!({"id": "u1", "name": "n", "enabled": true, "links": {}}));
        let names: Vec<&str> = r.fields.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            names,
            [
                "default_project_id",
                "domain_id",
                "email",
                "enabled",
                "id",
                "name",
                "description",
                "password_expires_at",
                "options"
            ]
        );
        assert_eq!(r.fields[4].1, Cell::Str("u1".into()));
        assert_eq!(r.fields[0].1, Cell::None);
    }
}
