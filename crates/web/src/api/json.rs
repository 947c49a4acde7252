//! A JSON body extractor whose failures are problem documents a person can act on.

use crate::error::ApiError;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};

pub struct ApiJson<T>(pub T);

/// An integer in a request body. JSON has one kind of number, and JSON
/// Schema's `integer` is any number whose fraction is zero: `3.0` is read as
/// `3`, as `3` is; `3.5`, or a number beyond 64 bits, is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Whole(pub i64);

impl<'de> serde::Deserialize<'de> for Whole {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WholeVisitor).map(Whole)
    }
}

struct WholeVisitor;

impl serde::de::Visitor<'_> for WholeVisitor {
    type Value = i64;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an integer")
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<i64, E> {
        Ok(v)
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<i64, E> {
        i64::try_from(v).map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<i64, E> {
        // 2^63 (-i64::MIN, exact as an f64) is beyond i64; any whole f64 below it fits.
        if v.fract() == 0.0 && v.abs() < -(i64::MIN as f64) {
            #[allow(
                clippy::cast_possible_truncation,
                reason = "a whole number within i64's range, checked above"
            )]
            Ok(v as i64)
        } else {
            Err(E::invalid_value(serde::de::Unexpected::Float(v), &self))
        }
    }
}

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !json_content_type(req.headers()) {
            return Err(ApiError::BadRequest {
                detail: SEND_AS_JSON.to_string(),
            });
        }
        let bytes = match axum::body::Bytes::from_request(req, state).await {
            Ok(bytes) => bytes,
            Err(rejection) if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(ApiError::TooLarge);
            }
            Err(_) => {
                return Err(ApiError::BadRequest {
                    detail: "The body could not be read.".to_string(),
                });
            }
        };
        // Every body the API reads is an object; serde would also read an
        // object from an array of its fields' values, which no one means.
        if !bytes.trim_ascii_start().starts_with(b"{")
            && serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).is_ok()
        {
            return Err(ApiError::BadRequest {
                detail: "The body must be a JSON object, {…}, with the fields /api/openapi.json names for this operation.".to_string(),
            });
        }
        match axum::Json::<T>::from_bytes(&bytes) {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(ApiError::BadRequest {
                detail: explain(&rejection),
            }),
        }
    }
}

/// Whether the request says its body is JSON: `application/json`, or an
/// `application/…+json` type, as axum's `Json` accepts.
fn json_content_type(headers: &axum::http::HeaderMap) -> bool {
    let Some(value) = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

const SEND_AS_JSON: &str = "Send the body as JSON with the header Content-Type: application/json.";

fn explain(rejection: &JsonRejection) -> String {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => SEND_AS_JSON.to_string(),
        JsonRejection::JsonSyntaxError(e) => {
            format!("The body is not valid JSON: {}.", e.body_text_reason())
        }
        JsonRejection::JsonDataError(e) => format!(
            "The JSON does not have the expected fields: {}.",
            e.body_text_reason()
        ),
        JsonRejection::BytesRejection(_) => {
            "The body could not be read; it may be too large.".to_string()
        }
        _ => "The body could not be read as JSON.".to_string(),
    }
}

trait ReasonText {
    fn body_text_reason(&self) -> String;
}

impl<E: std::fmt::Display + std::error::Error> ReasonText for E {
    fn body_text_reason(&self) -> String {
        // axum prefixes its own words; keep serde's explanation.
        let mut source: &dyn std::error::Error = self;
        while let Some(next) = source.source() {
            source = next;
        }
        source.to_string()
    }
}

/// A state-changing API call that carries no body of its own must still say
/// `Content-Type: application/json`: a browser sends that cross-site only
/// after asking permission, which is never given, so a forged form or a
/// `text/plain` request cannot act in someone's session.
pub struct JsonIntent;

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for JsonIntent {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        let is_json = parts
            .headers
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
        if is_json {
            Ok(JsonIntent)
        } else {
            Err(ApiError::UnsupportedMediaType)
        }
    }
}
