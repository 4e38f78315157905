//! The SDK's error: what went wrong as a matchable [`ErrorKind`], with the HTTP status,
//! request ID and URL of the answer when a service answered (openstacksdk's
//! `ResourceNotFound`, `ForbiddenException`, `ConflictException`… as one type).
//!
//! ```no_run
//! # async fn demo(cloud: &ostk_sdk::Cloud) {
//! use ostk_sdk::ErrorKind;
//! match cloud.compute().get_server("no-such-id").await {
//!     Ok(server) => println!("{}", server.name),
//!     Err(e) if e.kind() == ErrorKind::NotFound => println!("gone"),
//!     Err(e) => eprintln!("{e} (request {:?} to {:?})", e.request_id(), e.url()),
//! }
//! # }
//! ```

use crate::client::{ApiError, ClientError};
use std::fmt;

/// What kind of failure an [`Error`] is, for matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The resource does not exist (HTTP 404, or no resource by that name).
    NotFound,
    /// The account may not do this (HTTP 403).
    Forbidden,
    /// The credentials or token were refused (HTTP 401).
    Unauthorized,
    /// The request conflicts with the resource's state (HTTP 409).
    Conflict,
    /// The request was malformed or invalid (HTTP 400, 413, 422…).
    BadRequest,
    /// Too many requests (HTTP 429).
    RateLimited,
    /// The service is down or overloaded (HTTP 502, 503, 504).
    ServiceUnavailable,
    /// A request, or a wait for a status, took too long.
    Timeout,
    /// No connection could be made, or it broke off (including TLS failures).
    Connect,
    /// The cloud configuration is unusable (unknown cloud, missing options, no endpoint).
    Config,
    /// Authentication could not be done (an identity provider step, an unusable answer).
    Auth,
    /// Several resources carry the name that was looked up.
    Ambiguous,
    /// The resource reached an error status while a status was awaited.
    ResourceFailed,
    /// Anything else (an unexpected answer, a failed transfer…).
    Other,
}

impl ErrorKind {
    /// The kind of an HTTP error status.
    pub fn from_status(status: u16) -> ErrorKind {
        match status {
            404 | 410 => ErrorKind::NotFound,
            403 => ErrorKind::Forbidden,
            401 => ErrorKind::Unauthorized,
            409 => ErrorKind::Conflict,
            429 => ErrorKind::RateLimited,
            408 => ErrorKind::Timeout,
            502..=504 => ErrorKind::ServiceUnavailable,
            400..=499 => ErrorKind::BadRequest,
            _ => ErrorKind::Other,
        }
    }

    /// The kind of a client-layer error.
    pub fn of(e: &ClientError) -> ErrorKind {
        match e {
            ClientError::Api(a) => ErrorKind::from_status(a.status),
            ClientError::Connect { .. } | ClientError::Broken { .. } | ClientError::Tls { .. } => {
                ErrorKind::Connect
            }
            ClientError::Timeout { .. } => ErrorKind::Timeout,
            ClientError::Auth(_) | ClientError::AuthStep { .. } => ErrorKind::Auth,
            ClientError::Catalog(_) | ClientError::Config(_) | ClientError::CloudConfig(_) => {
                ErrorKind::Config
            }
            _ => ErrorKind::Other,
        }
    }
}

/// An SDK failure. `Display` is the message the `ostk` CLI prints for it.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    repr: Repr,
}

#[derive(Debug)]
enum Repr {
    Client(ClientError),
    Message(String),
}

impl Error {
    /// An error of this kind with a message (no HTTP answer behind it).
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            repr: Repr::Message(message.into()),
        }
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The HTTP status, when a service answered with an error.
    pub fn status(&self) -> Option<u16> {
        self.client_error().and_then(ClientError::status)
    }

    /// The `X-OpenStack-Request-ID` of the error answer (what an operator asks for).
    pub fn request_id(&self) -> Option<&str> {
        self.api_error().and_then(|a| a.request_id.as_deref())
    }

    /// The URL requested, when the failure came from a request.
    pub fn url(&self) -> Option<&str> {
        match self.client_error()? {
            ClientError::Api(a) => Some(&a.url),
            ClientError::Connect { url, .. }
            | ClientError::Broken { url, .. }
            | ClientError::Timeout { url }
            | ClientError::Tls { url, .. }
            | ClientError::InvalidResponse { url, .. } => Some(url),
            _ => None,
        }
    }

    /// The HTTP method of the failed request, when a service answered with an error.
    pub fn method(&self) -> Option<&str> {
        self.api_error().map(|a| a.method.as_str())
    }

    /// The parsed error answer (message, details, `Retry-After`), when a service answered.
    pub fn api_error(&self) -> Option<&ApiError> {
        match self.client_error()? {
            ClientError::Api(a) => Some(a),
            ClientError::AuthStep { source, .. } => match source.as_ref() {
                ClientError::Api(a) => Some(a),
                _ => None,
            },
            _ => None,
        }
    }

    /// The client-layer error behind this one, if any.
    pub fn client_error(&self) -> Option<&ClientError> {
        match &self.repr {
            Repr::Client(e) => Some(e),
            Repr::Message(_) => None,
        }
    }

    /// A failure worth trying again later (connection errors, timeouts, 429, 502–504).
    pub fn is_transient(&self) -> bool {
        self.client_error().is_some_and(ClientError::is_transient)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.repr {
            Repr::Client(e) => e.fmt(f),
            Repr::Message(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.repr {
            Repr::Client(e) => e.source(),
            Repr::Message(_) => None,
        }
    }
}

impl From<ClientError> for Error {
    fn from(e: ClientError) -> Error {
        Error {
            kind: ErrorKind::of(&e),
            repr: Repr::Client(e),
        }
    }
}

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Error {
        ClientError::from(e).into()
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Error {
        Error::new(ErrorKind::Other, format!("unexpected answer: {e}"))
    }
}

/// Result alias of the SDK's typed API.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_errors_carry_kind_status_request_id_and_url() {
        let e: Error = ApiError::from_parts(
            403,
            "GET",
            "http://swift/v1/AUTH_x?format=json",
            Some("tx1".into()),
            None,
            b"",
            None,
        )
        .into();
        assert_eq!(e.kind(), ErrorKind::Forbidden);
        assert_eq!(e.status(), Some(403));
        assert_eq!(e.request_id(), Some("tx1"));
        assert_eq!(e.url(), Some("http://swift/v1/AUTH_x?format=json"));
        assert_eq!(e.method(), Some("GET"));
        assert_eq!(e.to_string(), "Forbidden (HTTP 403) (Request-ID: tx1)");
        for (status, kind) in [
            (404, ErrorKind::NotFound),
            (401, ErrorKind::Unauthorized),
            (409, ErrorKind::Conflict),
            (400, ErrorKind::BadRequest),
            (429, ErrorKind::RateLimited),
            (503, ErrorKind::ServiceUnavailable),
            (500, ErrorKind::Other),
        ] {
            assert_eq!(ErrorKind::from_status(status), kind, "{status}");
        }
    }

    #[test]
    fn transport_and_config_errors_have_kinds() {
        let t: Error = ClientError::Timeout { url: "u".into() }.into();
        assert_eq!(
            (t.kind(), t.url(), t.status()),
            (ErrorKind::Timeout, Some("u"), None)
        );
        assert!(t.is_transient());
        let c: Error = ClientError::Config("bad".into()).into();
        assert_eq!(c.kind(), ErrorKind::Config);
        let m = Error::new(ErrorKind::NotFound, "No Image found for x");
        assert_eq!(
            (m.kind(), m.to_string().as_str()),
            (ErrorKind::NotFound, "No Image found for x")
        );
    }
}
