use crate::support::TestApp;
use serde_json::{Value, json};

/// (request, total_minor, currency, processing_deadline, valid_until)
type Case = (
    Value,
    i64,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

fn cases() -> Vec<Case> {
    let f = "2026-11-23";
    vec![
        (
            json!({"service": "ro.passport.electronic", "birth_date": "2016-05-10", "filed_on": f}),
            23400,
            "RON",
            Some("2026-12-07"),
            Some("2029-12-07"),
        ),
        (
            json!({"service": "ro.passport.electronic", "birth_date": "2014-11-23", "filed_on": f}),
            25800,
            "RON",
            Some("2026-12-07"),
            Some("2031-12-07"),
        ),
        (
            json!({"service": "ro.passport.temporary", "filed_on": "2026-11-27"}),
            9600,
            "RON",
            Some("2026-12-04"),
            Some("2027-12-04"),
        ),
        (
            json!({"service": "md.igm.pc", "birth_date": "1980-06-15", "filed_on": f, "urgency": "same-day"}),
            223000,
            "MDL",
            Some(f),
            Some("2036-11-23"),
        ),
        (
            json!({"service": "md.igm.cc", "birth_date": "1990-02-10", "filed_on": f, "urgency": "5wd"}),
            54000,
            "MDL",
            Some("2026-11-30"),
            Some("2035-02-10"),
        ),
        (
            json!({"service": "md.igm.cc", "birth_date": "1970-01-01", "filed_on": f, "urgency": "20wd"}),
            28000,
            "MDL",
            Some("2026-12-21"),
            None,
        ),
        (
            json!({"service": "md.igm.ir", "birth_date": "1985-01-01", "filed_on": f, "urgency": "10wd", "stay_until": "2028-06-30", "passport_expires": "2027-12-31"}),
            85000,
            "MDL",
            Some("2026-12-07"),
            Some("2027-12-31"),
        ),
        (
            json!({"service": "md.igm.ir", "filed_on": f, "urgency": "5wd", "reductions": ["hg966-p18"], "stay_until": "2028-06-30", "passport_expires": "2029-01-01"}),
            50000,
            "MDL",
            Some("2026-11-30"),
            Some("2028-06-30"),
        ),
        (
            json!({"service": "lt.invitation.approval", "filed_on": f}),
            900,
            "EUR",
            Some("2026-12-14"),
            None,
        ),
    ]
}

#[tokio::test]
async fn quotes_answer_every_reference_case() {
    let app = TestApp::new().await;
    for (body, total, currency, deadline, valid_until) in cases() {
        let response = app.post_json("/api/v1/quotes", &body).await;
        assert_eq!(response.status, 200, "{body}: {}", response.text());
        let q = response.json();
        assert_eq!(q["total_minor"], total, "{body}");
        assert_eq!(q["currency"], currency, "{body}");
        assert_eq!(q["processing_deadline"].as_str(), deadline, "{body}");
        assert_eq!(q["valid_until"].as_str(), valid_until, "{body}");
        let sum: i64 = q["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["amount_minor"].as_i64().unwrap())
            .sum();
        assert_eq!(sum, total, "{body}: lines add up");
        assert!(
            q["lines"]
                .as_array()
                .unwrap()
                .iter()
                .all(|l| !l["label"].as_str().unwrap().is_empty())
        );
    }
    app.cleanup().await;
}

#[tokio::test]
async fn the_filing_date_defaults_to_today_where_the_authority_is() {
    let app = TestApp::new().await;
    let q = app
        .post_json(
            "/api/v1/quotes",
            &json!({"service": "ro.passport.temporary"}),
        )
        .await
        .json();
    assert_eq!(q["filed_on"], "2026-11-23");
    assert_eq!(q["processing_deadline"], "2026-11-26");
    app.cleanup().await;
}

#[tokio::test]
async fn labels_follow_accept_language() {
    let app = TestApp::new().await;
    let body =
        json!({"service": "md.igm.ic", "filed_on": "2026-11-23", "stay_until": "2027-06-01"});
    let request = axum::http::Request::post("/api/v1/quotes")
        .header("content-type", "application/json")
        .header("accept-language", "ro-RO,ro;q=0.9,en;q=0.5")
        .body(axum::body::Body::from(body.to_string()))
        .unwrap();
    let q = app.request(request).await.json();
    assert_eq!(q["lines"][1]["label"], "Taxa de stat");
    let q = app.post_json("/api/v1/quotes", &body).await.json();
    assert_eq!(q["lines"][1]["label"], "State fee");
    app.cleanup().await;
}

#[tokio::test]
async fn an_unknown_service_is_a_404_problem() {
    let app = TestApp::new().await;
    let p = app
        .post_json(
            "/api/v1/quotes",
            &json!({"service": "no.such.service", "filed_on": "2026-11-23"}),
        )
        .await
        .problem(404);
    assert!(p["type"].as_str().unwrap().ends_with("/unknown-service"));
    assert!(p["detail"].as_str().unwrap().contains("no.such.service"));
    app.cleanup().await;
}

#[tokio::test]
async fn an_urgency_not_offered_lists_the_ones_that_are() {
    let app = TestApp::new().await;
    let body = json!({"service": "md.igm.pt", "birth_date": "1980-01-01", "filed_on": "2026-11-23", "urgency": "same-day"});
    let p = app.post_json("/api/v1/quotes", &body).await.problem(422);
    assert_eq!(p["offered"], json!(["20wd"]));
    assert!(p["detail"].as_str().unwrap().contains("It offers: 20wd"));
    assert_eq!(p["errors"][0]["field"], "urgency");
    let body = json!({"service": "ro.passport.temporary", "urgency": "1wd"});
    let p = app.post_json("/api/v1/quotes", &body).await.problem(422);
    assert_eq!(p["offered"], json!(["standard"]));
    app.cleanup().await;
}

#[tokio::test]
async fn bad_dates_name_the_field_and_the_fix() {
    let app = TestApp::new().await;
    let cases = [
        (
            json!({"service": "ro.passport.electronic", "birth_date": "2016-02-30", "filed_on": "2026-11-23"}),
            "birth_date",
            "date-impossible",
        ),
        (
            json!({"service": "ro.passport.electronic", "birth_date": "10.05.2016", "filed_on": "2026-11-23"}),
            "birth_date",
            "date-format",
        ),
        (
            json!({"service": "ro.passport.electronic", "birth_date": "2016-05-10", "filed_on": "2026-13-01"}),
            "filed_on",
            "date-impossible",
        ),
        (
            json!({"service": "ro.passport.electronic", "birth_date": "2030-01-01", "filed_on": "2026-11-23"}),
            "birth_date",
            "birth-date-after-filing",
        ),
        (
            json!({"service": "ro.passport.electronic", "filed_on": "2026-11-23"}),
            "birth_date",
            "birth-date-required",
        ),
        (
            json!({"service": "md.igm.ir", "filed_on": "2026-11-23", "passport_expires": "2030-01-01"}),
            "stay_until",
            "missing-fact",
        ),
        (
            json!({"service": "md.igm.cr", "filed_on": "2026-11-23"}),
            "id_document_expires",
            "missing-fact",
        ),
        (
            json!({"service": "md.igm.ir", "filed_on": "2026-11-23", "stay_until": "2026-12-01", "passport_expires": "2030-01-01"}),
            "stay_until",
            "fact-not-after-issue",
        ),
        (
            json!({"service": "ro.passport.temporary", "filed_on": "2026-11-23", "issued_on": "2026-11-01"}),
            "issued_on",
            "issue-before-filing",
        ),
        (
            json!({"service": "md.igm.pc", "birth_date": "1980-01-01", "reductions": ["students"]}),
            "reductions",
            "unknown-reduction",
        ),
        (
            json!({"service": "md.igm.ir", "urgency": "20wd", "reductions": ["hg966-p18"], "stay_until": "2028-01-01", "passport_expires": "2029-01-01"}),
            "reductions",
            "reduction-not-for-urgency",
        ),
        (json!({"service": ""}), "service", "required"),
        (json!({"service": "x".repeat(500)}), "service", "too-long"),
    ];
    for (body, field, code) in cases {
        let p = app.post_json("/api/v1/quotes", &body).await.problem(422);
        let error = &p["errors"][0];
        assert_eq!(
            (error["field"].as_str(), error["code"].as_str()),
            (Some(field), Some(code)),
            "{body}: {p}"
        );
        assert!(error["detail"].as_str().unwrap().len() > 15, "{p}");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn every_bad_field_is_reported_at_once() {
    let app = TestApp::new().await;
    let body = json!({"service": "md.igm.ir", "birth_date": "yesterday", "filed_on": "2026-02-30", "stay_until": "2027/01/01"});
    let p = app.post_json("/api/v1/quotes", &body).await.problem(422);
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["birth_date", "filed_on", "stay_until"]);
    app.cleanup().await;
}

#[tokio::test]
async fn a_malformed_body_is_a_400_problem_that_says_why() {
    let app = TestApp::new().await;
    let p = app
        .post_raw(
            "/api/v1/quotes",
            "application/json",
            "{\"service\": ".into(),
        )
        .await
        .problem(400);
    assert!(
        p["detail"].as_str().unwrap().contains("not valid JSON"),
        "{p}"
    );
    let p = app
        .post_raw("/api/v1/quotes", "text/plain", "{}".into())
        .await
        .problem(400);
    assert!(
        p["detail"]
            .as_str()
            .unwrap()
            .contains("Content-Type: application/json"),
        "{p}"
    );
    let p = app
        .post_json(
            "/api/v1/quotes",
            &json!({"service": "md.igm.pc", "birthdate": "1980-01-01"}),
        )
        .await
        .problem(400);
    assert!(p["detail"].as_str().unwrap().contains("birthdate"), "{p}");
    let p = app
        .post_json("/api/v1/quotes", &json!({"service": 42}))
        .await
        .problem(400);
    assert!(
        p["detail"].as_str().unwrap().contains("expected a string"),
        "{p}"
    );
    let p = app
        .post_json("/api/v1/quotes", &json!({}))
        .await
        .problem(400);
    assert!(p["detail"].as_str().unwrap().contains("service"), "{p}");
    app.cleanup().await;
}

#[tokio::test]
async fn errors_below_the_handlers_are_problems_too() {
    let app = TestApp::new().await;
    let p = app.get("/api/v1/quotes").await.problem(405);
    assert!(p["detail"].as_str().unwrap().contains("openapi"));
    let huge = format!("{{\"service\": \"{}\"}}", "x".repeat(100 * 1024));
    app.post_raw("/api/v1/quotes", "application/json", huge)
        .await
        .problem(413);
    app.cleanup().await;
}
