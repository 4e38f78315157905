//! The identity handle: tokens and projects.

use super::{Query, found};
use crate::client::Session;
use crate::error::Result;
use crate::identity::Identity;
use crate::identity::project::PROJECTS;
use crate::models::{Project, Token};
use crate::stream::{ListStream, Source, link_pages};
use std::sync::Arc;

/// Identity (keystone) calls. Get one with [`crate::Cloud::identity`].
#[derive(Clone, Debug)]
pub struct IdentityHandle {
    session: Arc<Session>,
}

impl IdentityHandle {
    pub(crate) fn new(session: Arc<Session>) -> Self {
        IdentityHandle { session }
    }

    /// The session's token (authenticating first if needed) and its scope: what
    /// `openstack token issue` shows. Use it as `X-Auth-Token` for a raw request.
    pub async fn issue_token(&self) -> Result<Token> {
        let t = Identity::new(&self.session).issue_token().await?;
        Ok(Token {
            id: t.id,
            expires_at: t.expires,
            project_id: t.project_id,
            user_id: t.user_id,
            domain_id: t.domain_id,
            system: t.system,
        })
    }

    /// Projects (filters: `name`, `domain_id`, `parent_id`, `enabled`…): those the user
    /// may list (an admin's view is every project).
    pub fn projects(&self, query: &Query) -> ListStream<Project> {
        link_pages(
            self.session.clone(),
            Source::of(&PROJECTS),
            query.path(PROJECTS.path),
        )
    }

    /// The project with this ID, else the one project with this name.
    pub async fn find_project(&self, name_or_id: &str) -> Result<Project> {
        let lookup = PROJECTS.find(&self.session, name_or_id, &[]).await?;
        found(lookup, "Project", name_or_id)
    }
}
