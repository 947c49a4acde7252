//! Every change answers with the page it leads to, saying what changed and
//! what happens next; the address names the change only by a known code.

use crate::cases::{citizen_in_alba, press, start_bare};
use crate::support::TestApp;

#[tokio::test]
async fn a_change_is_confirmed_on_the_page_it_leads_to() {
    let app = TestApp::new().await;
    let (mut ana, _) = citizen_in_alba(&app, "confirmed@example.ro").await;
    let case = start_bare(&app, &mut ana, "ro.passport.electronic", "self").await;
    let started = ana
        .get(&app, &format!("{case}?done=case-started"))
        .await
        .text();
    assert!(
        started.contains("<div class=\"notice\" role=\"status\" id=\"confirmation\"><p>Your application is started."),
        "{started}"
    );
    // Without a change named, or with a code that is not one, nothing is said.
    for address in [
        case.clone(),
        format!("{case}?done=%3Cb%3Ehi"),
        format!("{case}?done=booked2"),
    ] {
        let page = ana.get(&app, &address).await.text();
        assert!(!page.contains("id=\"confirmation\""), "{address}");
    }
    // Withdrawing leads to the case, which says so and what follows.
    let withdrawn = press(&app, &mut ana, &case, "withdraw").await;
    let location = withdrawn.headers["location"].to_str().unwrap().to_string();
    assert_eq!(location, format!("{case}?done=case-withdrawn"));
    let page = ana.get(&app, &location).await.text();
    assert!(
        page.contains("Your application is withdrawn. Nothing more happens with it"),
        "{page}"
    );
    // In the reader's language.
    let ro = ana
        .get(&app, &location.replacen("/en/", "/ro/", 1))
        .await
        .text();
    assert!(ro.contains("Cererea a fost retrasă."), "{ro}");
    app.cleanup().await;
}
