use crate::support::{TestApp, signed_in};

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
async fn a_busy_pool_is_not_a_database_away() {
    let app = TestApp::new().await;
    // Every pooled connection taken, as in a rush: the balancer's question
    // is still answered at once, over a connection of its own.
    let mut taken = Vec::new();
    while let Ok(Ok(connection)) = tokio::time::timeout(
        std::time::Duration::from_millis(200),
        app.state.db.connection(),
    )
    .await
    {
        taken.push(connection);
    }
    assert!(!taken.is_empty());
    let ready = tokio::time::timeout(std::time::Duration::from_secs(2), app.get("/readyz"))
        .await
        .expect("answered while the pool is busy");
    assert_eq!(ready.json()["status"], "ready");
    drop(taken);
    app.cleanup().await;
}

#[tokio::test]
async fn metrics_count_requests_by_route() {
    let app = TestApp::new().await;
    app.get("/api/v1/services/md.igm.pc").await;
    app.get("/api/v1/services/md.igm.pc").await;
    let metrics = crate::support::Browser::at_address("127.0.0.1")
        .get(&app, "/metrics")
        .await;
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

#[tokio::test]
async fn metrics_answer_only_the_machine_itself_or_the_token_holder() {
    use crate::support::Browser;
    let app = TestApp::new().await;
    assert_eq!(app.get("/metrics").await.status, 404, "no peer known");
    let mut outside = Browser::at_address("203.0.113.5");
    assert_eq!(outside.get(&app, "/metrics").await.status, 404);
    // Through a proxy on this machine the request is not the machine's own.
    let mut proxied = Browser::at_address("127.0.0.1");
    proxied
        .headers
        .push(("x-forwarded-for".into(), "203.0.113.5".into()));
    let r = proxied.get(&app, "/metrics").await;
    assert_eq!(r.status, 404);
    assert!(!r.text().contains("ghiseu_http_requests_total"));

    let guarded = app.reconfigured(|s| s.metrics_token = Some("metrics-token-1234567890".into()));
    let mut local = Browser::at_address("127.0.0.1");
    assert_eq!(
        local.get(&guarded, "/metrics").await.status,
        404,
        "the token is needed"
    );
    let mut wrong = Browser::at_address("203.0.113.5");
    wrong
        .headers
        .push(("authorization".into(), "Bearer not-the-token".into()));
    assert_eq!(wrong.get(&guarded, "/metrics").await.status, 404);
    let mut scraper = Browser::at_address("203.0.113.5");
    scraper.headers.push((
        "authorization".into(),
        "Bearer metrics-token-1234567890".into(),
    ));
    let r = scraper.get(&guarded, "/metrics").await;
    assert_eq!(r.status, 200);
    assert!(r.text().contains("ghiseu_http_requests_total"));
    app.cleanup().await;
}

#[tokio::test]
async fn hsts_is_sent_when_people_reach_the_portal_over_https() {
    let app = TestApp::new().await;
    let plain = app.get("/en").await;
    assert!(plain.headers.get("strict-transport-security").is_none());
    let secure = app.reconfigured(|s| s.public_url = "https://ghiseu.example".into());
    for path in ["/en", "/api/v1/services", "/no/such/page"] {
        let r = secure.get(path).await;
        assert_eq!(
            r.headers["strict-transport-security"], "max-age=31536000; includeSubDomains",
            "{path}"
        );
    }
    app.cleanup().await;
}

/// Behind a balancer each server may say who answered, in the
/// `Ghiseu-Node` header, on pages, the API and errors alike; only when it is
/// given a name, and only a plain one.
#[tokio::test]
async fn a_named_server_says_who_answered_and_an_unnamed_one_says_nothing() {
    let setup = TestApp::new().await;
    let named = setup.reconfigured(|s| s.node_name = Some("node-2".into()));
    for path in ["/en/", "/api/v1/services", "/readyz", "/en/no-such-page"] {
        let r = named.get(path).await;
        assert_eq!(
            r.headers.get("ghiseu-node").map(|v| v.to_str().unwrap()),
            Some("node-2"),
            "{path}"
        );
        assert!(setup.get(path).await.headers.get("ghiseu-node").is_none());
    }
    for bad in ["", "node 2", "node\r\nSet-Cookie: x=1", &"n".repeat(65)] {
        let app = setup.reconfigured(|s| s.node_name = Some(bad.to_string()));
        assert!(
            app.get("/readyz")
                .await
                .headers
                .get("ghiseu-node")
                .is_none(),
            "{bad:?}"
        );
    }
    assert!(ghiseu_web::is_node_name("eu-1.node_07"));
    setup.cleanup().await;
}

#[tokio::test]
async fn a_database_that_is_away_is_an_outage_to_wait_for_never_a_sign_out() {
    let app = TestApp::new().await;
    let (citizen, _) = signed_in(&app, "patient@example.ro", "citizen").await;
    let away = app.with_database_away().await;

    let ready = away.get("/readyz").await;
    assert_eq!(ready.status, 503);

    // The API: a problem to wait for, with how long, not "sign in".
    let api = away
        .get_with("/api/v1/appointments", "cookie", &citizen.cookie_header())
        .await;
    let problem = api.problem(503);
    assert_eq!(
        problem["type"],
        "https://ghiseu.example/problems/unavailable"
    );
    assert_eq!(api.headers["retry-after"], "30");

    // A page: the outage in the reader's language, not the login page.
    let page = away
        .get_with("/uk/account", "cookie", &citizen.cookie_header())
        .await;
    assert_eq!(page.status, 503);
    assert!(
        page.content_type().starts_with("text/html"),
        "{}",
        page.content_type()
    );
    assert!(
        page.text().contains("Сервіс тимчасово недоступний"),
        "{}",
        page.text()
    );
    assert_eq!(page.headers["retry-after"], "30");

    // The same requests once it is back.
    let back = app
        .get_with("/api/v1/appointments", "cookie", &citizen.cookie_header())
        .await;
    assert_eq!(back.status, 200, "{}", back.text());
    app.cleanup().await;
}
