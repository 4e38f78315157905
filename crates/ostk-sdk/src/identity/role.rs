//! Keystone roles (`/v3/roles`), role grants (`PUT/DELETE /v3/{projects,domains,system}/…/roles/…`,
//! `OS-INHERIT`) and role inferences (`/v3/role_inferences`, `/v3/roles/{prior}/implies/{implied}`).
//! Name lookups of the actors and targets of a grant are the caller's business.

use super::Identity;
use crate::client::{ClientError, Method};
use crate::rest::{Collection, Lookup};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// `/v3/roles`.
pub const ROLES: Collection = Collection {
    service_type: "identity",
    api_version: Some("3"),
    path: "roles",
    singular: "role",
    plural: "roles",
    microversion: None,
};

/// A role, as keystone returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Role {
    /// ID.
    pub id: String,
    /// Name.
    pub name: Option<String>,
    /// Owning domain of a domain-specific role.
    #[serde(default)]
    pub domain_id: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Resource options (`immutable`).
    #[serde(default)]
    pub options: Option<Map<String, Value>>,
    /// Fields this model does not name.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Decodes a keystone JSON object into a model, naming the bad field on failure.
pub(crate) fn decode<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, ClientError> {
    serde_json::from_value(v).map_err(|e| ClientError::InvalidResponse {
        url: String::new(),
        reason: e.to_string(),
    })
}

/// The actor of a role grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor<'a> {
    /// A user ID.
    User(&'a str),
    /// A group ID.
    Group(&'a str),
}

/// The target of a role grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    /// A project ID.
    Project(&'a str),
    /// A domain ID.
    Domain(&'a str),
    /// The system (`all`).
    System(&'a str),
}

/// One role inference rule: a prior role and the roles it implies (`id`, `name`, `links`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleInference {
    /// The prior role.
    pub prior_role: Map<String, Value>,
    /// The implied roles (a list when listing, one object after creating).
    pub implies: Value,
}

fn enc(s: &str) -> String {
    let e: String = url::form_urlencoded::byte_serialize(s.as_bytes()).collect();
    e.replace('+', "%20")
}

/// The grant path: `projects/{p}/users/{u}/roles/{r}`, with the `OS-INHERIT` form when
/// `inherited` (`OS-INHERIT/projects/{p}/users/{u}/roles/{r}/inherited_to_projects`).
pub fn grant_path(actor: Actor<'_>, target: Target<'_>, role_id: &str, inherited: bool) -> String {
    let (akind, aid) = match actor {
        Actor::User(u) => ("users", u),
        Actor::Group(g) => ("groups", g),
    };
    let (tkind, tid) = match target {
        Target::Project(p) => ("projects", p),
        Target::Domain(d) => ("domains", d),
        Target::System(s) => ("system", s),
    };
    let base = match target {
        // keystone: /system/users/{u}/roles/{r} (the system has no ID in the path)
        Target::System(_) => format!("system/{akind}/{}/roles/{}", enc(aid), enc(role_id)),
        _ => format!(
            "{tkind}/{}/{akind}/{}/roles/{}",
            enc(tid),
            enc(aid),
            enc(role_id)
        ),
    };
    if inherited && !matches!(target, Target::System(_)) {
        format!("OS-INHERIT/{base}/inherited_to_projects")
    } else {
        base
    }
}

impl Identity<'_> {
    /// Lists roles, optionally those of one domain.
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// let roles = ostk_sdk::identity::Identity::new(s).roles(Some("default")).await?;
    /// # Ok(()) }
    /// ```
    pub async fn roles(&self, domain_id: Option<&str>) -> Result<Vec<Role>, ClientError> {
        let mut q = Vec::new();
        if let Some(d) = domain_id {
            q.push(("domain_id", d.to_string()));
        }
        ROLES
            .list(self.session, &q)
            .await?
            .into_iter()
            .map(decode)
            .collect()
    }

    /// Finds a role by ID or name (openstacksdk `find_role`), optionally within a domain.
    pub async fn find_role(
        &self,
        name_or_id: &str,
        domain_id: Option<&str>,
    ) -> Result<Option<Role>, FindError> {
        let mut f = Vec::new();
        if let Some(d) = domain_id {
            f.push(("domain_id", d.to_string()));
        }
        match ROLES.find(self.session, name_or_id, &f).await? {
            Lookup::Found(v) => Ok(Some(decode(v)?)),
            Lookup::NotFound => Ok(None),
            Lookup::Ambiguous(n) => Err(FindError::Ambiguous(n)),
        }
    }

    /// Creates a role from its attributes (`name`, `domain_id`, `description`, `options`).
    pub async fn create_role(&self, attrs: Map<String, Value>) -> Result<Role, ClientError> {
        decode(ROLES.create(self.session, attrs).await?)
    }

    /// Updates a role (PATCH).
    pub async fn update_role(
        &self,
        id: &str,
        attrs: Map<String, Value>,
    ) -> Result<Role, ClientError> {
        decode(ROLES.update(self.session, id, attrs).await?)
    }

    /// Deletes a role.
    pub async fn delete_role(&self, id: &str) -> Result<(), ClientError> {
        ROLES.delete(self.session, id).await
    }

    /// Grants (`PUT`) or revokes (`DELETE`) a role of an actor on a target.
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// use ostk_sdk::identity::role::{Actor, Target};
    /// ostk_sdk::identity::Identity::new(s)
    ///     .grant_role(Actor::User("u1"), Target::Project("p1"), "r1", false, true)
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn grant_role(
        &self,
        actor: Actor<'_>,
        target: Target<'_>,
        role_id: &str,
        inherited: bool,
        grant: bool,
    ) -> Result<(), ClientError> {
        let method = if grant { Method::PUT } else { Method::DELETE };
        self.session
            .request(
                "identity",
                method,
                &grant_path(actor, target, role_id, inherited),
            )
            .api_version("3")
            .send()
            .await?;
        Ok(())
    }

    /// Every role inference rule (`GET /v3/role_inferences`).
    pub async fn role_inferences(&self) -> Result<Vec<RoleInference>, ClientError> {
        let resp = self
            .session
            .request("identity", Method::GET, "role_inferences")
            .api_version("3")
            .send()
            .await?;
        let mut body: Value = resp.json()?;
        let list = body
            .get_mut("role_inferences")
            .map(Value::take)
            .unwrap_or(Value::Array(Vec::new()));
        decode(list)
    }

    /// Creates (`PUT`) or deletes (`DELETE`) the rule "`prior` implies `implied`"; creating
    /// returns the rule.
    pub async fn imply_role(
        &self,
        prior: &str,
        implied: &str,
        create: bool,
    ) -> Result<Option<RoleInference>, ClientError> {
        let method = if create { Method::PUT } else { Method::DELETE };
        let path = format!("roles/{}/implies/{}", enc(prior), enc(implied));
        let resp = self
            .session
            .request("identity", method, &path)
            .api_version("3")
            .send()
            .await?;
        if !create {
            return Ok(None);
        }
        let mut body: Value = resp.json()?;
        let rule = body
            .get_mut("role_inference")
            .map(Value::take)
            .unwrap_or(Value::Null);
        Ok(Some(decode(rule)?))
    }
}

/// A failed name-or-ID lookup.
#[derive(Debug)]
pub enum FindError {
    /// The request failed.
    Client(ClientError),
    /// Several resources carry that name.
    Ambiguous(usize),
}

impl From<ClientError> for FindError {
    fn from(e: ClientError) -> Self {
        FindError::Client(e)
    }
}

impl std::fmt::Display for FindError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FindError::Client(e) => e.fmt(f),
            FindError::Ambiguous(n) => write!(f, "{n} resources match"),
        }
    }
}

impl std::error::Error for FindError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grant_paths() {
        assert_eq!(
            grant_path(Actor::User("u"), Target::Project("p"), "r", false),
            "projects/p/users/u/roles/r"
        );
        assert_eq!(
            grant_path(Actor::Group("g"), Target::Domain("d"), "r", true),
            "OS-INHERIT/domains/d/groups/g/roles/r/inherited_to_projects"
        );
        assert_eq!(
            grant_path(Actor::User("u"), Target::System("all"), "r", true),
            "system/users/u/roles/r"
        );
    }
}
