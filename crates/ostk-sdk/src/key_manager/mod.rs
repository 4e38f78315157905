//! Key manager (barbican) v1: secrets (`/v1/secrets`: metadata, payloads) and secret containers
//! (`/v1/containers`). Barbican names resources by URL (`secret_ref`, `container_ref`); the
//! calls here take the UUID, which [`uuid_of_ref`] extracts the way python-barbicanclient does.
//! Payloads travel in requests marked secret, so `--debug` never shows them.

use crate::client::{ClientError, Method, Session, session::ServiceRequest};
use serde_json::{Map, Value};

/// The microversion python-barbicanclient negotiates up to.
pub const MAX_MICROVERSION: &str = "1.2";

/// The key manager service of a session.
#[derive(Debug, Clone, Copy)]
pub struct KeyManager<'s> {
    session: &'s Session,
}

/// python-barbicanclient's `validate_ref_and_return_uuid`: the last path piece of a URL (or
/// the string itself) when it is a UUID, in its canonical lower-case hyphenated form.
///
/// ```
/// use ostk_sdk::key_manager::uuid_of_ref;
/// let u = uuid_of_ref("http://kms/v1/secrets/0F8FAD5B-D9CB-469F-A165-70867728950E/");
/// assert_eq!(u.as_deref(), Some("0f8fad5b-d9cb-469f-a165-70867728950e"));
/// assert_eq!(uuid_of_ref("http://kms/v1/secrets/nope"), None);
/// ```
pub fn uuid_of_ref(reference: &str) -> Option<String> {
    let last = reference.trim_end_matches('/').rsplit('/').next()?;
    // Python's uuid.UUID(): braces, an urn:uuid: prefix and hyphens are optional
    let hex: String = last
        .trim_start_matches("urn:")
        .trim_start_matches("uuid:")
        .trim_matches(|c| c == '{' || c == '}')
        .replace('-', "")
        .to_ascii_lowercase();
    if hex.len() != 32 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    Some(format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    ))
}

impl<'s> KeyManager<'s> {
    /// Key manager calls on `session`.
    pub fn new(session: &'s Session) -> Self {
        KeyManager { session }
    }

    fn req(&self, method: Method, path: &str) -> ServiceRequest<'s> {
        self.session
            .request("key-manager", method, &format!("v1/{path}"))
            .default_microversion(MAX_MICROVERSION)
    }

    async fn json(&self, r: ServiceRequest<'s>) -> Result<Value, ClientError> {
        r.send().await?.json()
    }

    /// One page of secrets (`limit`, `offset` and filters such as `name`, `alg`, `mode`,
    /// `bits`, `secret_type`): barbican's answer items, as sent.
    ///
    /// ```no_run
    /// # async fn demo(s: &ostk_sdk::client::Session) -> Result<(), ostk_sdk::client::ClientError> {
    /// let km = ostk_sdk::key_manager::KeyManager::new(s);
    /// for secret in km.secrets(&[("limit", "10".into())]).await? {
    ///     println!("{}", secret["secret_ref"]);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn secrets(&self, query: &[(&str, String)]) -> Result<Vec<Value>, ClientError> {
        self.page("secrets", query).await
    }

    async fn page(&self, what: &str, query: &[(&str, String)]) -> Result<Vec<Value>, ClientError> {
        let mut r = self.req(Method::GET, what);
        for (k, v) in query {
            r = r.query(k, v);
        }
        let mut v = self.json(r).await?;
        Ok(match v.get_mut(what).map(Value::take) {
            Some(Value::Array(items)) => items,
            _ => Vec::new(),
        })
    }

    /// A secret's metadata.
    pub async fn secret(&self, uuid: &str) -> Result<Value, ClientError> {
        self.json(self.req(Method::GET, &format!("secrets/{uuid}")))
            .await
    }

    /// A secret's payload, decrypted, in the format `accept` asks for (`text/plain`,
    /// `application/octet-stream`).
    pub async fn payload(&self, uuid: &str, accept: &str) -> Result<Vec<u8>, ClientError> {
        let resp = self
            .req(Method::GET, &format!("secrets/{uuid}/payload"))
            .header("Accept", accept)
            .secret_bodies()
            .send()
            .await?;
        Ok(resp.body)
    }

    /// Stores a secret (`name`, `payload`, `payload_content_type`, `algorithm`…); the answer is
    /// its `secret_ref`.
    pub async fn store_secret(&self, attrs: Map<String, Value>) -> Result<String, ClientError> {
        let v = self
            .json(
                // the payload key is masked in --debug like any password
                self.req(Method::POST, "secrets/")
                    .json(Value::Object(attrs)),
            )
            .await?;
        Ok(v["secret_ref"].as_str().unwrap_or_default().to_string())
    }

    /// Gives a secret stored without data its payload.
    pub async fn update_secret(
        &self,
        uuid: &str,
        payload: Vec<u8>,
        content_type: &str,
    ) -> Result<(), ClientError> {
        self.req(Method::PUT, &format!("secrets/{uuid}"))
            .body(payload, content_type)
            .secret_bodies()
            .send()
            .await?;
        Ok(())
    }

    /// Deletes a secret; `force` also when services still consume it.
    pub async fn delete_secret(&self, uuid: &str, force: bool) -> Result<(), ClientError> {
        let mut r = self.req(Method::DELETE, &format!("secrets/{uuid}"));
        if force {
            r = r.query("force", 1);
        }
        r.send().await?;
        Ok(())
    }

    /// One page of secret containers (`limit`, `offset`, `name`, `type`).
    pub async fn containers(&self, query: &[(&str, String)]) -> Result<Vec<Value>, ClientError> {
        self.page("containers", query).await
    }

    /// A container.
    pub async fn container(&self, uuid: &str) -> Result<Value, ClientError> {
        self.json(self.req(Method::GET, &format!("containers/{uuid}")))
            .await
    }

    /// Creates a container (`name`, `type`, `secret_refs`: `[{"name", "secret_ref"}]`); the
    /// answer is its `container_ref`.
    pub async fn create_container(&self, attrs: Map<String, Value>) -> Result<String, ClientError> {
        let v = self
            .json(
                self.req(Method::POST, "containers/")
                    .json(Value::Object(attrs)),
            )
            .await?;
        Ok(v["container_ref"].as_str().unwrap_or_default().to_string())
    }

    /// Deletes a container (its secrets stay).
    pub async fn delete_container(&self, uuid: &str) -> Result<(), ClientError> {
        self.req(Method::DELETE, &format!("containers/{uuid}"))
            .send()
            .await?;
        Ok(())
    }
}

/// Binary payload as barbican's one-step `POST /v1/secrets` takes it
/// (`payload_content_encoding: base64`).
pub fn base64_payload(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
