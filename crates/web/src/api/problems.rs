//! The refusals several operations share, as reusable OpenAPI responses:
//! each is a problem document (`application/problem+json`, the `Problem`
//! schema). Most stand for one extractor or rule that answers before a
//! handler's own work; the last two for the case operations' own refusals.
//! An operation lists the ones it can meet, and describes any other refusal
//! itself.

use crate::error::Problem;
use utoipa::ToResponse;

/// The request is malformed: the body is not the JSON this operation reads
/// (not JSON, without `Content-Type: application/json`, a field missing or
/// of the wrong type), a query parameter is missing or of the wrong type,
/// or the `Idempotency-Key` is not 1 to 128 visible ASCII characters.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
#[allow(dead_code, reason = "describes a response for OpenAPI only")]
pub struct BadRequest(Problem);

/// Not signed in: sign in on the portal first; the API uses the portal's
/// session cookie (`ghiseu_session`).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
#[allow(dead_code, reason = "describes a response for OpenAPI only")]
pub struct SignInRequired(Problem);

/// The request body is larger than the operation reads (64 KiB; 16 KiB for
/// the payment webhook).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
#[allow(dead_code, reason = "describes a response for OpenAPI only")]
pub struct TooLarge(Problem);

/// The request does not say `Content-Type: application/json`: a call that
/// changes something must, even without a body of its own, so that a
/// cross-site form cannot make it in someone's session.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
#[allow(dead_code, reason = "describes a response for OpenAPI only")]
pub struct NotJson(Problem);

/// The same `Idempotency-Key` was sent with another request
/// (`idempotency-key-reused`), or the request cannot be answered as it
/// stands; the problem's `type` and `errors` say which and why.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
#[allow(dead_code, reason = "describes a response for OpenAPI only")]
pub struct Unprocessable(Problem);

/// Too many requests from this address or person, or the waiting room is
/// full: wait the `Retry-After` seconds (also `retry_after` in the problem).
#[derive(ToResponse)]
#[response(
    content_type = "application/problem+json",
    headers(("Retry-After" = u64, description = "Seconds to wait before asking again"))
)]
#[allow(dead_code, reason = "describes a response for OpenAPI only")]
pub struct TooManyRequests(Problem);

/// No case with this id is the person's to see.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
#[allow(dead_code, reason = "describes a response for OpenAPI only")]
pub struct NoSuchCase(Problem);

/// The move is not possible in the case's state (`invalid-transition`, with
/// `current_state` and `allowed_actions`), the `version` is stale
/// (`conflict`), or the first request with this Idempotency-Key is still
/// being answered.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
#[allow(dead_code, reason = "describes a response for OpenAPI only")]
pub struct CaseMoveRefused(Problem);
