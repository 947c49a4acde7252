//! A JSON body extractor whose failures are problem documents a person can act on.

use crate::error::ApiError;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};

pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    axum::Json<T>: FromRequest<S, Rejection = JsonRejection>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                Err(ApiError::TooLarge)
            }
            Err(rejection) => Err(ApiError::BadRequest {
                detail: explain(&rejection),
            }),
        }
    }
}

fn explain(rejection: &JsonRejection) -> String {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => {
            "Send the body as JSON with the header Content-Type: application/json.".to_string()
        }
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
