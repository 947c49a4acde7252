#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The HTTP SMS gateway against a small provider stand-in that records what
//! it is sent.

mod common;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use common::{RecordingMailer, enqueue_committed, sms, t0};
use ghiseu_notify::{DeliveryReport, DeliveryWorker, HttpSmsGateway, Secret, SmsGateway};
use ghiseu_storage::outbox::{self, Status};
use ghiseu_storage::testing::TestDatabase;
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// (authorization header, JSON body) of each request.
type Received = Arc<Mutex<Vec<(String, Value)>>>;

/// Serves `POST /{status}`, answering with that status.
async fn provider() -> (String, Received) {
    async fn accept(
        State(received): State<Received>,
        Path(status): Path<u16>,
        headers: HeaderMap,
        Json(body): Json<Value>,
    ) -> StatusCode {
        let authorization = headers
            .get("authorization")
            .map(|v| v.to_str().unwrap().to_owned());
        received
            .lock()
            .unwrap()
            .push((authorization.unwrap_or_default(), body));
        StatusCode::from_u16(status).unwrap()
    }
    let received = Received::default();
    let app = Router::new()
        .route("/{status}", post(accept))
        .with_state(received.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{address}"), received)
}

fn gateway(url: String) -> HttpSmsGateway {
    HttpSmsGateway::new(url, Secret::new("gateway-token"), Duration::from_secs(5)).unwrap()
}

#[tokio::test]
async fn a_text_is_posted_as_json_with_the_bearer_token() {
    let (url, received) = provider().await;

    gateway(format!("{url}/202"))
        .send("+40722123456", "Cererea dvs. e gata: ă î ș ț")
        .await
        .unwrap();

    let received = received.lock().unwrap().clone();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].0, "Bearer gateway-token");
    assert_eq!(
        received[0].1,
        json!({"to": "+40722123456", "text": "Cererea dvs. e gata: ă î ș ț"})
    );
}

#[tokio::test]
async fn a_refusal_is_permanent_and_trouble_at_the_gateway_transient() {
    let (url, _) = provider().await;

    let refused = gateway(format!("{url}/400"))
        .send("+40722123456", "x")
        .await
        .unwrap_err();
    let busy = gateway(format!("{url}/503"))
        .send("+40722123456", "x")
        .await
        .unwrap_err();
    let throttled = gateway(format!("{url}/429"))
        .send("+40722123456", "x")
        .await
        .unwrap_err();

    assert!(
        refused.is_permanent() && refused.to_string().contains("400"),
        "{refused}"
    );
    assert!(
        !busy.is_permanent() && busy.to_string().contains("503"),
        "{busy}"
    );
    assert!(!throttled.is_permanent(), "{throttled}");
}

#[tokio::test]
async fn an_unreachable_gateway_is_a_transient_failure() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();

    let error = gateway(format!("http://127.0.0.1:{port}/sms"))
        .send("+40722123456", "x")
        .await
        .unwrap_err();

    assert!(!error.is_permanent(), "{error}");
    assert!(!error.to_string().contains("40722123456"), "{error}");
}

#[tokio::test]
async fn the_worker_sends_a_queued_text_through_the_gateway() {
    let (url, received) = provider().await;
    let test = TestDatabase::new().await;
    let id = enqueue_committed(&test.db, &sms("+40722123456"), t0()).await;
    let worker = DeliveryWorker::new(
        test.db.clone(),
        Arc::new(RecordingMailer::default()),
        Arc::new(gateway(format!("{url}/200"))),
    );

    assert_eq!(
        worker.run_once(t0()).await.unwrap(),
        DeliveryReport {
            sent: 1,
            retried: 0,
            failed: 0
        }
    );

    let received = received.lock().unwrap().clone();
    assert_eq!(
        received[0].1,
        json!({"to": "+40722123456", "text": "Programarea dvs. este mâine la 09:30."})
    );
    assert_eq!(
        outbox::get(&test.db, &id).await.unwrap().unwrap().status,
        Status::Sent
    );
    test.cleanup().await;
}
