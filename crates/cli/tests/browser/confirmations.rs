//! What cannot be undone asks first: withdrawing an application and
//! cancelling an appointment do nothing until the person ticks that they
//! understand, and the buttons look destructive.

use super::accounts::{click, sign_in, wait_for_text};
use super::applications::{demo_password, text_of};
use super::appointments::{choose_holder, choose_slot, wait_for_query};
use super::{PASSPORT, Stack, assert_accessible, wait_for, wait_for_path};
use std::time::Duration;

const CITIZEN: &str = "ana.popescu@demo.ghiseu.example";
const OFFICE: &str = "ab-alba-iulia";
const CLOCK_START: &str = "2026-12-02T08:00:00Z";
const NEXT_WEDNESDAY: &str = "2026-12-09";
const SLOT: &str = "2026-12-09T16:00:00Z";

/// The computed background of `selector`, to tell a destructive button.
async fn background(client: &fantoccini::Client, selector: &str) -> String {
    client
        .execute(
            "return getComputedStyle(document.querySelector(arguments[0])).backgroundColor;",
            vec![serde_json::json!(selector)],
        )
        .await
        .expect("read a style")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
#[ignore = "needs Chromium: run by scripts/test"]
async fn withdrawing_and_cancelling_ask_for_a_tick_first() {
    let env = [("GHISEU_CLOCK_START", CLOCK_START.to_string())];
    let stack = Stack::start_with(&["--demo"], &env);
    let ana = stack.browser().await;
    let scenario = async {
        let password = demo_password(&stack, CITIZEN).await;
        sign_in(&stack, &ana, CITIZEN, &password).await;
        wait_for_path(&ana, "/en/account").await;

        // An application started and then withdrawn.
        ana.goto(&stack.url(&format!("/en/applications/new?service={PASSPORT}")))
            .await
            .expect("open a new application");
        click(&ana, "#start-application").await;
        wait_for(&ana, "#withdraw-application").await;
        let case_path = ana.current_url().await.expect("url").path().to_string();
        assert_eq!(
            background(&ana, "#withdraw-application").await,
            "rgb(177, 14, 30)"
        );
        click(&ana, "#withdraw-application").await;
        wait_for_text(&ana, "To withdraw the application, tick the box").await;
        assert_eq!(
            text_of(&ana, "#case-state").await,
            "Draft",
            "nothing changed"
        );
        assert_accessible(&ana).await;
        click(&ana, "#withdraw-confirm").await;
        click(&ana, "#withdraw-application").await;
        wait_for_path(&ana, &case_path).await;
        super::applications::wait_for_state(&ana, "#case-state", "Withdrawn").await;

        // An appointment booked, confirmed, then cancelled.
        ana.goto(&stack.url(&format!(
            "/en/appointments/new?service={PASSPORT}&office={OFFICE}&date={NEXT_WEDNESDAY}"
        )))
        .await
        .expect("open the day's slots");
        wait_for_query(&ana, &format!("date={NEXT_WEDNESDAY}")).await;
        choose_slot(&ana, SLOT).await;
        choose_holder(&ana, "Me").await;
        click(&ana, "#hold-slot").await;
        click(&ana, "#confirm").await;
        wait_for(&ana, "#calendar").await;
        let booking = ana.current_url().await.expect("url").to_string();
        assert_eq!(background(&ana, "#cancel").await, "rgb(177, 14, 30)");
        click(&ana, "#cancel").await;
        wait_for_text(&ana, "To cancel the appointment, tick the box").await;
        assert_eq!(
            text_of(&ana, "#state").await,
            "Confirmed",
            "nothing changed"
        );
        assert_accessible(&ana).await;
        click(&ana, "#cancel-confirm").await;
        click(&ana, "#cancel").await;
        wait_for_path(&ana, "/en/appointments").await;
        ana.goto(&booking).await.expect("open the booking again");
        super::applications::wait_for_state(&ana, "#state", "Cancelled").await;
    };
    if tokio::time::timeout(Duration::from_secs(180), scenario)
        .await
        .is_err()
    {
        panic!("the scenario did not finish within 180 s");
    }
    ana.close().await.expect("close the browser");
}
