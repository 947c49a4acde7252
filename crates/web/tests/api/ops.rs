use crate::support::TestApp;

#[tokio::test]
async fn health_and_readiness() {
    let app = TestApp::new().await;
    assert_eq!(app.get("/healthz").await.json()["status"], "ok");
    assert_eq!(app.get("/readyz").await.json()["status"], "ready");
    // With the database gone, the process is alive but not ready.
    app.state.db.close().await;
    assert_eq!(app.get("/healthz").await.status, 200);
    let p = app.get("/readyz").await.problem(503);
    assert!(
        !p["detail"].as_str().unwrap().contains("sqlx"),
        "no database words leak: {p}"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn metrics_count_requests_by_route() {
    let app = TestApp::new().await;
    app.get("/api/v1/services/md.igm.pc").await;
    app.get("/api/v1/services/md.igm.pc").await;
    let metrics = app.get("/metrics").await;
    assert_eq!(metrics.status, 200);
    let text = metrics.text();
    let line = text
        .lines()
        .find(|l| {
            l.starts_with("ghiseu_http_requests_total")
                && l.contains("route=\"/api/v1/services/{id}\"")
                && l.contains("status=\"200\"")
        })
        .unwrap_or_else(|| panic!("no counter line in:\n{text}"));
    assert!(line.ends_with(" 2"), "{line}");
    assert!(text.contains("ghiseu_http_request_duration_seconds_bucket"));
    app.cleanup().await;
}

#[tokio::test]
async fn the_openapi_document_is_generated_and_stable() {
    let app = TestApp::new().await;
    let response = app.get("/api/openapi.json").await;
    assert_eq!(response.status, 200);
    let spec = response.json();
    assert!(spec["openapi"].as_str().unwrap().starts_with("3.1"));
    for path in [
        "/api/v1/services",
        "/api/v1/services/{id}",
        "/api/v1/quotes",
        "/healthz",
        "/readyz",
    ] {
        assert!(spec["paths"][path].is_object(), "{path} is not described");
    }
    assert!(spec["components"]["schemas"]["Problem"].is_object());
    insta::assert_json_snapshot!("openapi", spec);
    app.cleanup().await;
}

#[tokio::test]
async fn every_response_carries_security_headers() {
    let app = TestApp::new().await;
    for path in ["/en/", "/api/v1/services", "/no/such/page"] {
        let r = app.get(path).await;
        let header = |name: &str| {
            r.headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string()
        };
        assert!(
            header("content-security-policy").contains("default-src 'self'"),
            "{path}"
        );
        assert!(
            header("content-security-policy").contains("frame-ancestors 'none'"),
            "{path}"
        );
        assert_eq!(header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(header("x-frame-options"), "DENY", "{path}");
        assert!(!header("referrer-policy").is_empty(), "{path}");
    }
    app.cleanup().await;
}
