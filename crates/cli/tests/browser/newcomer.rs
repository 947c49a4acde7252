//! A Ukrainian resident of Alba with little Romanian, on her own: she finds
//! her language, registers and confirms her address through the demo
//! mailbox, applies for a residence permit from the service page, meets a
//! missing document on the case page and fixes it there, is given an
//! appointment by the immigration service (where she will pay, as its
//! payment order says) and moves it to a time that suits her — every page
//! and message in Ukrainian.

use super::accounts::{click, type_into, wait_for_text};
use super::applications::{demo_password, text_of, upload, wait_for_state};
use super::{Stack, assert_accessible, wait_for, wait_for_path};
use fantoccini::{Client, Locator};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const ADDRESS: &str = "oksana.melnyk@example.org";
const PASSWORD: &str = "soniashnyk richka kashtan lampa";
const SERVICE: &str = "ro.igi.residence-permit";
const OPERATOR: &str = "operator.igi-alba@demo.ghiseu.example";
const DOCUMENTS: [&str; 6] = [
    "application",
    "passport",
    "purpose-of-stay",
    "accommodation",
    "means-of-support",
    "health-insurance",
];

/// The subjects the demo mailbox shows for her, once `count` of them
/// contain `wanted` (the delivery worker sends them a moment later).
async fn mailbox_subjects(
    stack: &Stack,
    client: &Client,
    wanted: &str,
    count: usize,
) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(40);
    loop {
        client
            .goto(&stack.url(&format!("/uk/demo/mailbox?address={ADDRESS}")))
            .await
            .expect("open the demo mailbox");
        let mut subjects = Vec::new();
        for heading in client
            .find_all(Locator::Css("main h2"))
            .await
            .expect("the messages' headings")
        {
            subjects.push(heading.text().await.expect("a subject"));
        }
        if subjects.iter().filter(|s| s.contains(wanted)).count() >= count {
            return subjects;
        }
        assert!(
            Instant::now() < deadline,
            "no message {wanted:?} reached the demo mailbox within 40 s: {subjects:?}"
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// Finds her language from the Romanian home page and registers in it.
async fn registers_in_ukrainian(stack: &Stack, oksana: &Client) {
    oksana.goto(&stack.url("/")).await.expect("open the portal");
    click(oksana, ".language-switch a[hreflang='uk']").await;
    wait_for_path(oksana, "/uk/").await;
    assert_eq!(super::html_lang(oksana).await, "uk");
    // The choice is remembered: the portal opens in Ukrainian from now on.
    oksana
        .goto(&stack.url("/"))
        .await
        .expect("open the portal again");
    wait_for_path(oksana, "/uk/").await;
    oksana
        .goto(&stack.url("/uk/account/register"))
        .await
        .expect("open the registration");
    assert_accessible(oksana).await;
    type_into(oksana, "email", ADDRESS).await;
    type_into(oksana, "password", PASSWORD).await;
    type_into(oksana, "confirm", PASSWORD).await;
    click(oksana, "#register").await;
    wait_for_text(oksana, "Перевірте електронну пошту").await;
    let subjects = mailbox_subjects(stack, oksana, "Підтвердьте адресу", 1).await;
    assert!(
        subjects.contains(&"Підтвердьте адресу електронної пошти для Ghiseu".to_string()),
        "{subjects:?}"
    );
    assert_accessible(oksana).await;
    let link = oksana
        .find(Locator::Css("a.mailbox-link"))
        .await
        .expect("the link in the message")
        .attr("href")
        .await
        .expect("the link's address")
        .expect("a link");
    assert!(link.contains("/uk/account/verify?token="), "{link}");
    oksana.goto(&link).await.expect("open the link");
    click(oksana, "#verify").await;
    wait_for_text(oksana, "Вашу адресу електронної пошти підтверджено").await;
}

/// Signs in and states who she is and where she lives, choosing her
/// citizenship and country from lists in Ukrainian.
async fn fills_in_her_profile(stack: &Stack, oksana: &Client) {
    oksana
        .goto(&stack.url("/uk/account/login"))
        .await
        .expect("open the sign-in");
    type_into(oksana, "email", ADDRESS).await;
    type_into(oksana, "password", PASSWORD).await;
    click(oksana, "#login").await;
    wait_for_path(oksana, "/uk/account").await;
    oksana
        .goto(&stack.url("/uk/account/profile"))
        .await
        .expect("open the profile");
    type_into(oksana, "given_name", "Oksana").await;
    type_into(oksana, "family_name", "Melnyk").await;
    super::accounts::set_value(oksana, "birth_date", "1991-08-24").await;
    for (select, value) in [
        ("#citizenship", "UA"),
        ("#domicile_country", "RO"),
        ("#domicile_region", "RO-AB"),
    ] {
        wait_for(oksana, select)
            .await
            .select_by_value(value)
            .await
            .expect("choose from the list");
    }
    let chosen = text_of(oksana, "#citizenship option:checked").await;
    assert_eq!(chosen, "Україна", "the country is named in Ukrainian");
    type_into(oksana, "domicile_locality", "Alba Iulia").await;
    assert_accessible(oksana).await;
    click(oksana, "#save-profile").await;
    wait_for(oksana, "#profile-saved").await;
}

/// From the service page to a sent application; the missing document is
/// named on the case page, next to its field, and fixed there.
async fn applies_and_fixes_a_missing_document(
    stack: &Stack,
    oksana: &Client,
    scans: &[(String, PathBuf)],
) -> (String, String) {
    oksana
        .goto(&stack.url(&format!("/uk/services/{SERVICE}")))
        .await
        .expect("open the service page");
    assert_accessible(oksana).await;
    click(oksana, "#apply").await;
    wait_for_path(oksana, "/uk/applications/new").await;
    click(oksana, "#start-application").await;
    wait_for(oksana, "#submit-application").await;
    let case_path = oksana.current_url().await.expect("url").path().to_string();
    assert!(case_path.starts_with("/uk/applications/"), "{case_path}");
    let (missing, sent_first) = scans.split_last().expect("scans");
    for (requirement, file) in sent_first {
        upload(oksana, requirement, file).await;
    }
    click(oksana, "#submit-application").await;
    let source = wait_for_text(oksana, "error-summary").await;
    let requirement = &missing.0;
    assert!(
        source.contains(&format!(
            "<a href=\"#file-{requirement}\">Додайте скан документа «"
        )),
        "the missing document is named and linked on the case page:\n{source}"
    );
    wait_for(oksana, &format!("#file-{requirement}-error")).await;
    assert_eq!(
        super::attr_of(oksana, &format!("#file-{requirement}"), "aria-invalid").await,
        "true"
    );
    assert_accessible(oksana).await;
    click(oksana, &format!("a[href='#file-{requirement}']")).await;
    upload(oksana, requirement, &missing.1).await;
    click(oksana, "#submit-application").await;
    wait_for_state(oksana, "#case-state", "Надіслано").await;
    let reference = text_of(oksana, ".caption").await;
    assert!(reference.starts_with("RO-"), "a reference: {reference:?}");
    (case_path, reference)
}

/// The immigration officer accepts the application; the fee is paid at
/// the counter (the service takes no payments online), as her payment
/// order tells her in Ukrainian.
async fn is_accepted(
    stack: &Stack,
    oksana: &Client,
    operator: &Client,
    case_path: &str,
    reference: &str,
) -> String {
    let password = demo_password(stack, OPERATOR).await;
    super::accounts::sign_in(stack, operator, OPERATOR, &password).await;
    wait_for_path(operator, "/en/account").await;
    operator
        .goto(&stack.url("/en/office/cases"))
        .await
        .expect("open the queue");
    operator
        .find(Locator::LinkText(reference))
        .await
        .expect("the application is in the Alba immigration office's queue")
        .click()
        .await
        .expect("open it");
    let office_case = operator.current_url().await.expect("url").to_string();
    let summary = text_of(operator, "#case-summary").await;
    assert!(
        summary.contains("Ukraine"),
        "the officer sees her citizenship: {summary}"
    );
    click(operator, "#claim").await;
    click(operator, "#do-accept").await;
    wait_for(operator, "#confirm-payment-link").await;

    oksana
        .goto(&stack.url(case_path))
        .await
        .expect("reload the case");
    click(oksana, "#payment-order-link").await;
    let note = text_of(oksana, "#payment-scheme-note").await;
    assert!(note.contains("принесіть квитанцію"), "{note}");
    assert_accessible(oksana).await;
    office_case
}

/// The officer gives her an appointment, as the immigration service does;
/// she moves it to another time herself.
async fn is_given_an_appointment_and_moves_it(
    stack: &Stack,
    oksana: &Client,
    operator: &Client,
    office_case: &str,
    case_path: &str,
) {
    operator
        .goto(office_case)
        .await
        .expect("reload the office's case");
    click(operator, "#appointment-slot-1").await;
    click(operator, "#give-appointment").await;
    wait_for(operator, "#case-appointment").await;

    oksana
        .goto(&stack.url(case_path))
        .await
        .expect("reload the case");
    click(oksana, "#case-appointment-link").await;
    let first = text_of(oksana, "#when").await;
    assert_accessible(oksana).await;
    click(oksana, "#show-slots").await;
    // The day's slots come on a new page, asked for with the day.
    let deadline = Instant::now() + Duration::from_secs(15);
    while !oksana
        .current_url()
        .await
        .expect("url")
        .query()
        .is_some_and(|q| q.contains("date="))
    {
        assert!(Instant::now() < deadline, "the day's slots did not load");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    click(oksana, "#slot-2").await;
    click(oksana, "#move").await;
    let deadline = Instant::now() + Duration::from_secs(15);
    while text_of(oksana, "#when").await == first {
        assert!(Instant::now() < deadline, "the appointment did not move");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_accessible(oksana).await;
}

#[tokio::test]
#[ignore = "needs Chromium: run by scripts/test"]
async fn a_ukrainian_resident_of_alba_applies_for_a_residence_permit_in_ukrainian() {
    let stack = Stack::start_with(&["--demo"], &[]);
    let files = tempfile::tempdir().expect("a directory for the scans");
    let scans: Vec<(String, PathBuf)> = DOCUMENTS
        .iter()
        .map(|requirement| {
            let path = files.path().join(format!("{requirement}.pdf"));
            std::fs::write(&path, ghiseu_files::fixtures::pdf()).expect("write a scan");
            (requirement.to_string(), path)
        })
        .collect();
    let oksana = stack.browser().await;
    let operator = stack.browser().await;
    let scenario = async {
        registers_in_ukrainian(&stack, &oksana).await;
        fills_in_her_profile(&stack, &oksana).await;
        let (case_path, reference) =
            applies_and_fixes_a_missing_document(&stack, &oksana, &scans).await;
        let office_case = is_accepted(&stack, &oksana, &operator, &case_path, &reference).await;
        is_given_an_appointment_and_moves_it(&stack, &oksana, &operator, &office_case, &case_path)
            .await;
        // Every notice reached her in Ukrainian.
        let subjects = mailbox_subjects(&stack, &oksana, "Запис ", 2).await;
        let accepted = format!("Вашу заяву {reference} прийнято");
        assert!(subjects.contains(&accepted), "{accepted:?} in {subjects:?}");
        assert!(
            subjects.iter().filter(|s| s.starts_with("Запис ")).count() >= 2,
            "the appointment given and the one she moved it to: {subjects:?}"
        );
        assert_accessible(&oksana).await;
    };
    if tokio::time::timeout(Duration::from_secs(300), scenario)
        .await
        .is_err()
    {
        panic!("the scenario did not finish within 300 s");
    }
    oksana.close().await.expect("close her browser");
    operator.close().await.expect("close the officer's browser");
}
