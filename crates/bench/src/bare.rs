//! The baseline: a bare axum server doing what the quote endpoint must do at the least (read a
//! JSON request of the same shape, answer a JSON object of about the same size), and nothing else.

use std::net::SocketAddr;

use anyhow::Context;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use tokio::net::TcpListener;

#[derive(Debug, Deserialize)]
pub struct QuoteRequest {
    pub service: String,
    pub birth_date: Option<String>,
    pub filed_on: Option<String>,
    pub urgency: Option<String>,
    #[serde(default)]
    pub reductions: Vec<String>,
    pub issued_on: Option<String>,
    pub passport_expires: Option<String>,
    pub stay_until: Option<String>,
    pub id_document_expires: Option<String>,
}

#[derive(Debug, Serialize)]
struct Line {
    code: &'static str,
    label: &'static str,
    amount_minor: i64,
}

#[derive(Debug, Serialize)]
struct Answer {
    service: String,
    currency: &'static str,
    urgency: Option<String>,
    lines: [Line; 2],
    total_minor: i64,
    processing_deadline: Option<String>,
    valid_until: Option<String>,
}

async fn echo(Json(request): Json<QuoteRequest>) -> Json<Answer> {
    let optional_dates = [
        &request.birth_date,
        &request.issued_on,
        &request.passport_expires,
        &request.stay_until,
        &request.id_document_expires,
    ];
    let dated = optional_dates.iter().filter(|date| date.is_some()).count();
    let reduced = i64::try_from(request.reductions.len()).unwrap_or(0);
    Json(Answer {
        service: request.service,
        currency: "MDL",
        urgency: request.urgency,
        lines: [
            Line {
                code: "tariff",
                label: "Tariff for the requested urgency",
                amount_minor: 208_000 - reduced,
            },
            Line {
                code: "state-fee",
                label: "State fee",
                amount_minor: 15_000,
            },
        ],
        total_minor: 223_000 - reduced,
        processing_deadline: request.filed_on,
        valid_until: (dated > 0).then(|| "2036-11-23".to_owned()),
    })
}

/// What the public check reads.
#[derive(Deserialize)]
pub struct CheckRequest {
    pub number: String,
    pub personal_id: String,
}

/// The baseline of the public check: the same JSON in, an answer of the same shape out.
async fn check(Json(request): Json<CheckRequest>) -> Json<serde_json::Value> {
    let valid = !request.number.is_empty() && request.personal_id.len() == 13;
    Json(if valid {
        serde_json::json!({"answer": "valid", "until": "2034-01-09"})
    } else {
        serde_json::json!({"answer": "no-match"})
    })
}

/// What the QR verification reads.
#[derive(Deserialize)]
pub struct VerifyRequest {
    pub seal: String,
}

/// The baseline of the QR verification: the same JSON in, an answer of the same shape out
/// (the status and what the document says), without opening the seal.
async fn verify(Json(request): Json<VerifyRequest>) -> Json<serde_json::Value> {
    Json(if request.seal.starts_with("GHS1:") {
        serde_json::json!({
            "answer": "valid",
            "until": "2027-06-05",
            "document": {
                "number": "RO-CAZIER-D-2026-000001",
                "document_type": "criminal-record-certificate",
                "holder_name": "Bench Holder",
                "birth_date": "1985-04-27",
                "issued_on": "2026-12-05",
                "expires_on": "2027-06-05"
            }
        })
    } else {
        serde_json::json!({"answer": "no-match"})
    })
}

pub fn router() -> Router {
    Router::new()
        .route("/echo", post(echo))
        .route("/check", post(check))
        .route("/verify", post(verify))
        .route("/healthz", get(|| async { "ok" }))
}

pub async fn serve(listen: SocketAddr) -> anyhow::Result<()> {
    let listener = TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    let addr = listener.local_addr()?;
    println!("Ghiseu bare baseline is listening on http://{addr}");
    axum::serve(listener, router())
        .await
        .context("bare server failed")
}
