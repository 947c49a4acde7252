//! An office's public page: address with a map link, each window's hours
//! from the catalogue, contacts, the authority's contacts for complaints,
//! and the public holidays and closures ahead; linked from its services.

use crate::support::{TestApp, signed_in};

#[tokio::test]
async fn the_alba_office_page_shows_its_hours_contacts_and_days_closed_ahead() {
    let app = TestApp::new().await;
    let (_, admin) = signed_in(&app, "admin.offices@example.ro", "administrator").await;
    let mut tx = app.state.db.begin_write().await.unwrap();
    ghiseu_storage::appointments::add_closure(
        &mut tx,
        "closure-1",
        "ab-alba-iulia",
        Some("handover"),
        "2026-12-10",
        "Inventory",
        &admin,
        app.state.clock.now().as_microsecond(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();

    let page = app.get("/en/offices/ab-alba-iulia").await;
    assert_eq!(page.status, 200);
    let html = page.text();
    for said in [
        "Piața Iuliu Maniu 14A, Alba Iulia",
        "https://www.openstreetmap.org/search?query=Pia%C8%9Ba+Iuliu+Maniu+14A%2C+Alba+Iulia",
        "href=\"tel:+40258810640\"",
        "+40 258 810 640",
        "<th scope=\"row\">Wednesday</th><td>08:30 – 18:30</td>",
        "<th scope=\"row\">Monday</th><td>08:30 – 16:30</td>",
        "<th scope=\"row\">Saturday</th><td>Closed</td>",
        "1 December 2026",
        "Collecting documents closed: Inventory",
        "Telephone and fax",
    ] {
        assert!(html.contains(said), "{said}: {html}");
    }
    let first_december = html.find("1 December 2026").unwrap();
    let inventory = html.find("10 December 2026").unwrap();
    assert!(first_december < inventory, "soonest first");
    let ro = app.get("/ro/offices/ab-alba-iulia").await.text();
    assert!(
        ro.contains("<th scope=\"row\">Miercuri</th><td>08:30 – 18:30</td>"),
        "{ro}"
    );

    assert_eq!(app.get("/en/offices/nowhere").await.status, 404);
    let service = app.get("/en/services/ro.passport.electronic").await.text();
    assert!(
        service.contains("href=\"/en/offices/ab-alba-iulia\""),
        "{service}"
    );
    app.cleanup().await;
}
