//! Errors of the client layer: one enum for everything a request can end with, and
//! [`ApiError`] for an HTTP error answer parsed from the service's error body.
//!
//! `Display` words each error as keystoneauth/osc-lib do, because the CLI prints them as they are.

use std::fmt;

/// An HTTP error answer (status ≥ 400) from an OpenStack service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status code.
    pub status: u16,
    /// `X-OpenStack-Request-ID` (or `X-Compute-Request-Id`) of the answer.
    pub request_id: Option<String>,
    /// The message from the error body, when the body has one.
    pub message: Option<String>,
    /// Extra detail from the error body (`details`, API-SIG `detail`, or a text body).
    pub details: Option<String>,
    /// The URL requested.
    pub url: String,
    /// The HTTP method.
    pub method: String,
    /// `Retry-After` in seconds, when given.
    pub retry_after: Option<u64>,
}

impl ApiError {
    /// Builds the error from an answer, parsing the body shapes OpenStack services use:
    /// keystone's `{"error": {"message", "details"}}`, API-SIG `{"errors": [{"title", "detail"}]}`,
    /// nova's `{"itemNotFound": {"message": …}}`, neutron's `{"NeutronError": {"message": …}}`,
    /// glance/swift text bodies (keystoneauth's `from_response`, extended to the
    /// one-key shapes openstacksdk understands).
    pub fn from_parts(
        status: u16,
        method: &str,
        url: &str,
        request_id: Option<String>,
        content_type: Option<&str>,
        body: &[u8],
        retry_after: Option<u64>,
    ) -> ApiError {
        let (message, details) = parse_error_body(content_type.unwrap_or(""), body);
        ApiError {
            status,
            request_id,
            message,
            details,
            url: url.to_string(),
            method: method.to_string(),
            retry_after,
        }
    }

    /// keystoneauth's class message for a status (`Forbidden`, `Not Found`…).
    pub fn reason(&self) -> &'static str {
        status_reason(self.status)
    }
}

/// keystoneauth1.exceptions.http: `message (HTTP status) (Request-ID: id)`.
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let msg = self
            .message
            .as_deref()
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| self.reason());
        write!(f, "{msg} (HTTP {})", self.status)?;
        if let Some(id) = &self.request_id {
            write!(f, " (Request-ID: {id})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

fn parse_error_body(content_type: &str, body: &[u8]) -> (Option<String>, Option<String>) {
    use serde_json::Value;
    if content_type.starts_with("application/json") {
        let Ok(v) = serde_json::from_slice::<Value>(body) else {
            return (None, None);
        };
        let s = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_string);
        if let Some(e) = v.get("error").filter(|e| e.is_object()) {
            return (s(e.get("message")), s(e.get("details")));
        }
        if let Some(errors) = v.get("errors").and_then(Value::as_array) {
            return match errors.as_slice() {
                [] => (None, None),
                [one] => (s(one.get("title")), s(one.get("detail"))),
                [first, ..] => (
                    Some(format!(
                        "Multiple error responses, showing first only: {}",
                        s(first.get("title")).unwrap_or_else(|| "None".into())
                    )),
                    s(first.get("detail")),
                ),
            };
        }
        // barbican (pecan/falcon style): {"code", "title", "description"} at the top.
        if let Some(title) = s(v.get("title")) {
            return (Some(title), s(v.get("description")));
        }
        // nova/cinder/neutron: one key holding {"message": …}.
        if let Some(obj) = v.as_object()
            && obj.len() == 1
            && let Some(inner) = obj.values().next().filter(|i| i.is_object())
            && inner.get("message").is_some()
        {
            return (s(inner.get("message")), s(inner.get("detail")));
        }
        return (Some("Unrecognized schema in response body.".into()), None);
    }
    if content_type.starts_with("text/") {
        let text = String::from_utf8_lossy(body).trim().to_string();
        return (None, Some(text).filter(|t| !t.is_empty()));
    }
    (None, None)
}

/// keystoneauth's message per status class.
pub fn status_reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Request Entity Too Large",
        414 => "Request-URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Requested Range Not Satisfiable",
        417 => "Expectation Failed",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        _ if (400..500).contains(&status) => "HTTP Client Error",
        _ if (500..600).contains(&status) => "HTTP Server Error",
        _ => "HTTP Error",
    }
}

/// Everything the client layer can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    /// The service answered with an error status.
    #[error(transparent)]
    Api(Box<ApiError>),
    /// No TCP/TLS connection could be made (keystoneauth `ConnectFailure`).
    #[error("Unable to establish connection to {url}: {reason}")]
    Connect {
        /// The URL requested.
        url: String,
        /// Why (the transport's words).
        reason: String,
    },
    /// The connection broke off while the answer was read (truncated body, reset mid-way).
    #[error("Connection to {url} broke off while reading the response: {reason}")]
    Broken {
        /// The URL requested.
        url: String,
        /// Why (the transport's words).
        reason: String,
    },
    /// The request timed out (keystoneauth `ConnectTimeout`).
    #[error("Request to {url} timed out")]
    Timeout {
        /// The URL requested.
        url: String,
    },
    /// A TLS failure (keystoneauth `SSLError`).
    #[error("SSL exception connecting to {url}: {reason}")]
    Tls {
        /// The URL requested.
        url: String,
        /// Details.
        reason: String,
    },
    /// Authentication could not be attempted or its answer was unusable.
    #[error("{0}")]
    Auth(String),
    /// One step of a multi-step authentication (OIDC discovery, identity provider token,
    /// federation, scoping) failed; `source` keeps the answer's own words.
    #[error("{step} failed: {source}{hint}")]
    AuthStep {
        /// What was attempted.
        step: String,
        /// Why it failed.
        source: Box<ClientError>,
        /// A hint on the likely cause, starting with ` — `, or empty.
        hint: String,
    },
    /// No endpoint in the catalog for a service (keystoneauth `EndpointNotFound` wording).
    #[error("{0}")]
    Catalog(String),
    /// An answer that is not what the API documents.
    #[error("Invalid response from {url}: {reason}")]
    InvalidResponse {
        /// The URL requested.
        url: String,
        /// What was wrong.
        reason: String,
    },
    /// Configuration unusable for a session (bad CA file, bad URL…).
    #[error("{0}")]
    Config(String),
    /// Transferred data failed verification (checksum, length): nothing was kept.
    #[error("{0}")]
    Integrity(String),
    /// A transfer failed and was rolled back; the message says what happened.
    #[error("{0}")]
    Transfer(String),
    /// The user interrupted the operation (Ctrl-C); what was cleaned up is said.
    #[error("{0}")]
    Interrupted(String),
    /// The cloud configuration failed auth validation.
    #[error(transparent)]
    CloudConfig(#[from] ostk_config::ConfigError),
}

impl From<ApiError> for ClientError {
    fn from(e: ApiError) -> Self {
        ClientError::Api(Box::new(e))
    }
}

impl ClientError {
    /// The HTTP status when this is an API error (or an auth step that failed with one).
    pub fn status(&self) -> Option<u16> {
        match self {
            ClientError::Api(e) => Some(e.status),
            ClientError::AuthStep { source, .. } => source.status(),
            _ => None,
        }
    }

    /// Adds a hint to an [`ClientError::AuthStep`] (other errors are returned as they are).
    pub fn with_hint(self, hint: &str) -> ClientError {
        match self {
            ClientError::AuthStep { step, source, .. } => ClientError::AuthStep {
                step,
                source,
                hint: hint.to_string(),
            },
            other => other,
        }
    }

    /// A failure worth trying again later (connection refused/reset/broken, timeout, 429,
    /// 502–504): what a poll loop (`--wait`) rides out.
    pub fn is_transient(&self) -> bool {
        match self {
            ClientError::Connect { .. }
            | ClientError::Broken { .. }
            | ClientError::Timeout { .. } => true,
            ClientError::Api(e) => matches!(e.status, 429 | 502 | 503 | 504),
            _ => false,
        }
    }
}

/// Result alias of this crate.
pub type Result<T, E = ClientError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keystone_body() {
        let e = ApiError::from_parts(
            401,
            "POST",
            "http://k/v3/auth/tokens",
            Some("req-1".into()),
            Some("application/json"),
            br#"{"error": {"code": 401, "message": "The request you have made requires authentication.", "title": "Unauthorized"}}"#,
            None,
        );
        assert_eq!(
            e.to_string(),
            "The request you have made requires authentication. (HTTP 401) (Request-ID: req-1)"
        );
    }

    #[test]
    fn barbican_title_and_description() {
        let e = ApiError::from_parts(
            404,
            "GET",
            "u",
            None,
            Some("application/json"),
            br#"{"code": 404, "title": "Not Found", "description": "Not Found. Provided secret id is invalid."}"#,
            None,
        );
        assert_eq!(e.message.as_deref(), Some("Not Found"));
        assert_eq!(
            e.details.as_deref(),
            Some("Not Found. Provided secret id is invalid.")
        );
    }

    #[test]
    fn other_shapes() {
        let e = ApiError::from_parts(403, "GET", "u", None, None, b"", None);
        assert_eq!(e.to_string(), "Forbidden (HTTP 403)");
        let e = ApiError::from_parts(
            404,
            "GET",
            "u",
            None,
            Some("application/json"),
            br#"{"itemNotFound": {"message": "Flavor x could not be found.", "code": 404}}"#,
            None,
        );
        assert_eq!(e.message.as_deref(), Some("Flavor x could not be found."));
        let e = ApiError::from_parts(
            409,
            "GET",
            "u",
            None,
            Some("application/json"),
            br#"{"errors": [{"title": "A", "detail": "d"}, {"title": "B"}]}"#,
            None,
        );
        assert_eq!(
            e.to_string(),
            "Multiple error responses, showing first only: A (HTTP 409)"
        );
        let e = ApiError::from_parts(
            404,
            "GET",
            "u",
            None,
            Some("text/html; charset=UTF-8"),
            b"<html>Not Found</html>",
            None,
        );
        assert_eq!(e.details.as_deref(), Some("<html>Not Found</html>"));
    }
}
