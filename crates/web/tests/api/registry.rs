//! The registry through the API: a person sees their documents and their
//! children's, reports one lost at any hour and it is not valid at once;
//! reporting twice, someone else's document or an unknown number is refused
//! clearly, and nothing is written.

use crate::support::{TestApp, log_in_with};
use serde_json::json;

#[tokio::test]
async fn a_holder_reports_a_document_lost_at_night_and_it_is_not_valid_at_once() {
    let setup = TestApp::new().await;
    let people = ghiseu_web::accounts::demo::seed(&setup.state, setup.state.clock.now())
        .await
        .unwrap();
    // 02:00 in Bucharest, when no office is open.
    let app = setup.at("2026-11-24T00:00:00Z");
    let citizen = people.iter().find(|p| p.role == "citizen").unwrap();
    let mut ana = log_in_with(&app, &citizen.email, &citizen.password).await;

    let listed = ana.get(&app, "/api/v1/documents").await;
    assert_eq!(listed.status, 200, "{}", listed.text());
    let documents = listed.json();
    let first = documents
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["validity"] == "valid")
        .unwrap_or_else(|| panic!("a valid document among {documents}"))
        .clone();
    assert_eq!(first["standing"], "valid");
    let number = first["number"].as_str().unwrap().to_string();
    let path = format!("/api/v1/documents/{number}/report");

    let reported = ana
        .post_json(
            &app,
            &path,
            &json!({"loss": "lost", "place": "Alba Iulia", "circumstances": "  "}),
            &[],
        )
        .await;
    assert_eq!(reported.status, 200, "{}", reported.text());
    let body = reported.json();
    assert_eq!(body["number"], number);
    assert_eq!(body["validity"], "not-valid");
    assert_eq!(body["standing"], "reported-lost");
    assert_eq!(body["since"], "2026-11-24");
    let listed = ana.get(&app, "/api/v1/documents").await.json();
    let same = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["number"] == number.as_str())
        .unwrap();
    assert_eq!(same["validity"], "not-valid");

    // Twice: already not valid, said with its standing and day.
    let again = ana
        .post_json(&app, &path, &json!({"loss": "stolen"}), &[])
        .await;
    let problem = again.problem(409);
    assert!(
        problem["type"]
            .as_str()
            .unwrap()
            .ends_with("/document-not-in-force")
    );
    assert!(
        problem["detail"].as_str().unwrap().contains("2026-11-24"),
        "{problem}"
    );

    // Someone else's document and a number nobody holds get the same answer.
    let alba = people
        .iter()
        .find(|p| p.email == "operator.alba@demo.ghiseu.example")
        .unwrap();
    let mut stranger = log_in_with(&app, &alba.email, &alba.password).await;
    let theirs = stranger
        .post_json(&app, &path, &json!({"loss": "lost"}), &[])
        .await
        .problem(404);
    let unknown = stranger
        .post_json(
            &app,
            "/api/v1/documents/NO-SUCH-1/report",
            &json!({"loss": "lost"}),
            &[],
        )
        .await
        .problem(404);
    assert_eq!(theirs, unknown);
    assert!(
        theirs["type"]
            .as_str()
            .unwrap()
            .ends_with("/document-not-found")
    );
    let listed = stranger.get(&app, "/api/v1/documents").await;
    assert_eq!(listed.json(), json!([]), "staff hold no demo documents");

    // A report that is not one: a clear 4xx, nothing written.
    let malformed = ana
        .post_json(&app, &path, &json!({"loss": "burnt"}), &[])
        .await;
    assert!(
        malformed.status == 400 || malformed.status == 422,
        "{}",
        malformed.status
    );
    assert_eq!(
        malformed.content_type(),
        "application/problem+json",
        "{}",
        malformed.text()
    );

    // Not signed in: the API says so.
    let anonymous = app.get("/api/v1/documents").await;
    assert_eq!(anonymous.status, 401);
}
