use crate::support::TestApp;

#[tokio::test]
async fn every_service_is_listed() {
    let app = TestApp::new().await;
    let response = app.get("/api/v1/services").await;
    assert_eq!(response.status, 200);
    let list = response.json();
    let ids: Vec<&str> = list["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 17);
    for id in [
        "ro.passport.electronic",
        "ro.criminal-record.certificate",
        "md.igm.ph",
        "lt.invitation.approval",
        "ro.igi.fine-payment-proof",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
    let pc = list["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "md.igm.pc")
        .unwrap();
    assert_eq!(
        pc["urgencies"],
        serde_json::json!(["20wd", "10wd", "5wd", "1wd", "same-day"])
    );
    assert_eq!(pc["name"]["ro"], "Document de călătorie pentru apatrizi");
    app.cleanup().await;
}

#[tokio::test]
async fn a_service_shows_documents_fees_and_rules() {
    let app = TestApp::new().await;
    let s = app
        .get("/api/v1/services/ro.passport.electronic")
        .await
        .json();
    assert_eq!(s["authority"]["currency"], "RON");
    assert_eq!(
        s["authority"]["payment_account"],
        "RO49TREZ002502602X007826"
    );
    let categories: Vec<&str> = s["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        categories,
        ["adult", "minor-under-14", "minor-14-17", "domicile-abroad"]
    );
    let fee = &s["urgencies"][0]["fees"][0]["amounts"];
    assert_eq!(
        fee,
        &serde_json::json!([{"under_age": 12, "amount_minor": 23400}, {"under_age": null, "amount_minor": 25800}])
    );
    assert_eq!(s["validity"]["kind"], "by-age-band");
    assert_eq!(s["biometrics"]["fingerprints_from_age"], 12);
    assert_eq!(s["needs_birth_date"], true);
    let cc = app.get("/api/v1/services/md.igm.cc").await.json();
    assert_eq!(
        cc["validity"]["birthdays"],
        serde_json::json!([10, 16, 25, 45])
    );
    assert_eq!(cc["validity"]["lifetime_from_age"], 45);
    let ir = app.get("/api/v1/services/md.igm.ir").await.json();
    assert_eq!(ir["validity"]["documents"], serde_json::json!(["passport"]));
    assert_eq!(ir["reductions"].as_array().unwrap().len(), 2);
    app.cleanup().await;
}

#[tokio::test]
async fn an_unknown_service_is_a_404_problem() {
    let app = TestApp::new().await;
    let p = app
        .get("/api/v1/services/no.such.service")
        .await
        .problem(404);
    assert!(p["detail"].as_str().unwrap().contains("/api/v1/services"));
    let p = app.get("/api/v1/nothing-here").await.problem(404);
    assert!(p["detail"].as_str().unwrap().contains("openapi"));
    app.cleanup().await;
}

#[tokio::test]
async fn a_service_names_its_offices_and_the_identity_assurance_it_needs() {
    let app = TestApp::new().await;
    let record = app
        .get("/api/v1/services/ro.criminal-record.certificate")
        .await
        .json();
    assert_eq!(
        record["assurance"],
        serde_json::json!(["in-person", "card"])
    );
    let igi = app
        .get("/api/v1/services/ro.igi.residence-permit")
        .await
        .json();
    let offices = igi["authority"]["offices"].as_array().unwrap();
    let alba = offices.iter().find(|o| o["id"] == "igi-alba").unwrap();
    assert_eq!(
        alba["covers"],
        serde_json::json!(["RO-AB", "RO-HD", "RO-SB"])
    );
    assert_eq!(alba["time_zone"], "Europe/Bucharest");
    assert!(
        offices
            .iter()
            .any(|o| o["covers"] == serde_json::json!(["*"]))
    );
    let passport = app
        .get("/api/v1/services/ro.passport.electronic")
        .await
        .json();
    assert_eq!(
        passport["assurance"],
        serde_json::json!(["email", "in-person", "card"])
    );

    let page = app
        .get("/en/services/ro.criminal-record.certificate")
        .await
        .text();
    assert!(
        page.contains("id=\"assurance\"") && page.contains("bank card check (3-D Secure)"),
        "the page says how identity must be confirmed"
    );
    let page = app.get("/en/services/ro.passport.electronic").await.text();
    assert!(!page.contains("id=\"assurance\""));
    app.cleanup().await;
}
