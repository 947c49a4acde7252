use crate::support::{TestApp, hidden, signed_in};

async fn ask_for_child(
    app: &TestApp,
    browser: &mut crate::support::Browser,
    given: &str,
    birth: &str,
) -> crate::support::TestResponse {
    ask_for_child_at(app, browser, given, birth, "ab-alba-iulia").await
}

async fn ask_for_child_at(
    app: &TestApp,
    browser: &mut crate::support::Browser,
    given: &str,
    birth: &str,
    office: &str,
) -> crate::support::TestResponse {
    let page = browser.get(app, "/en/account/household").await;
    assert_eq!(page.status, 200);
    let csrf = hidden(&page.text(), "csrf");
    browser
        .post_form(
            app,
            "/en/account/household",
            &[
                ("csrf", &csrf),
                ("given_name", given),
                ("family_name", "Popescu"),
                ("birth_date", birth),
                ("relationship", "parent"),
                ("evidence", "birth-certificate"),
                ("office", office),
            ],
        )
        .await
}

fn ward_link(html: &str) -> Option<String> {
    let at = html.find("href=\"/en/account/household/")? + 6;
    Some(html[at..at + html[at..].find('"')?].to_string())
}

#[tokio::test]
async fn a_parent_sees_a_child_once_an_operator_confirms_until_the_18th_birthday() {
    let app = TestApp::new().await;
    let (mut parent, parent_id) = signed_in(&app, "mama@example.ro", "citizen").await;
    let asked = ask_for_child(&app, &mut parent, "Ioana", "2012-03-15").await;
    assert_eq!(asked.status, 303, "{}", asked.text());
    let list = parent.get(&app, "/en/account/household").await.text();
    assert!(
        list.contains("Ioana Popescu") && list.contains("Waiting for an operator"),
        "{list}"
    );
    assert!(ward_link(&list).is_none(), "no access before confirmation");

    let (mut operator, _) = signed_in(&app, "op@alba.example.ro", "operator").await;
    let pending = operator.get(&app, "/en/office/guardianships").await.text();
    assert!(pending.contains("Ioana Popescu") && pending.contains("mama@example.ro"));
    let decided = operator
        .post_form(
            &app,
            "/en/office/guardianships",
            &[
                ("csrf", &hidden(&pending, "csrf")),
                ("ward_id", &hidden(&pending, "ward_id")),
                ("guardian_id", &parent_id),
                ("decision", "confirm"),
            ],
        )
        .await;
    assert_eq!(decided.status, 303);
    assert!(
        operator
            .get(&app, "/en/office/guardianships")
            .await
            .text()
            .contains("No request is waiting")
    );

    let list = parent.get(&app, "/en/account/household").await.text();
    let link = ward_link(&list).expect("a link to the child once confirmed");
    let child = parent.get(&app, &link).await;
    assert_eq!(child.status, 200);
    assert!(
        child.text().contains("Ioana Popescu") && child.text().contains("14 March 2030"),
        "the last day before 18"
    );

    // Nobody else sees the child.
    let (mut stranger, _) = signed_in(&app, "vecin@example.ro", "citizen").await;
    let other = stranger.get(&app, &link).await;
    assert_eq!(other.status, 404);
    assert!(!other.text().contains("Ioana"));

    // The relationship ends by itself at the 18th birthday, in Bucharest time:
    // 2030-03-14T22:00Z is already 15 March there.
    let eve = app.at("2030-03-14T21:59:00Z");
    let mut parent = crate::support::log_in(&eve, "mama@example.ro").await;
    assert_eq!(
        parent.get(&eve, &link).await.status,
        200,
        "still a minor in Bucharest"
    );
    let adult = app.at("2030-03-14T22:00:00Z");
    assert_eq!(parent.get(&adult, &link).await.status, 404);
    assert!(
        parent
            .get(&adult, "/en/account/household")
            .await
            .text()
            .contains("Ended at the 18th birthday")
    );
    app.cleanup().await;
}

#[tokio::test]
async fn bad_household_requests_are_explained_and_nothing_is_written() {
    let app = TestApp::new().await;
    let (mut parent, _) = signed_in(&app, "tata@example.md", "citizen").await;
    for (given, birth, says) in [
        ("Ion", "2000-01-01", "18 or older"),
        ("Ion", "2030-01-01", "cannot be in the future"),
        ("Ion", "2015-02-30", "does not exist"),
        ("Ion2", "2015-01-01", "cannot contain digits"),
        ("", "2015-01-01", "write it as in your identity document"),
    ] {
        let r = ask_for_child(&app, &mut parent, given, birth).await;
        assert_eq!(r.status, 422, "{given} {birth}");
        assert!(
            r.text().contains("class=\"error-summary\"") && r.text().contains(says),
            "{given} {birth}: {says}"
        );
    }
    assert!(
        parent
            .get(&app, "/en/account/household")
            .await
            .text()
            .contains("You have not added any child yet")
    );
    let forged = parent
        .post_form(
            &app,
            "/en/account/household",
            &[
                ("csrf", "forged"),
                ("given_name", "Ion"),
                ("family_name", "X"),
                ("birth_date", "2015-01-01"),
            ],
        )
        .await;
    assert_eq!(forged.status, 403);
    app.cleanup().await;
}

#[tokio::test]
async fn citizens_cannot_confirm_their_own_requests() {
    let app = TestApp::new().await;
    let (mut parent, parent_id) = signed_in(&app, "self@example.ro", "citizen").await;
    ask_for_child(&app, &mut parent, "Maria", "2016-06-01").await;
    assert_eq!(
        parent.get(&app, "/en/office/guardianships").await.status,
        403
    );
    let csrf = hidden(&parent.get(&app, "/en/account").await.text(), "csrf");
    let r = parent
        .post_form(
            &app,
            "/en/office/guardianships",
            &[
                ("csrf", &csrf),
                ("ward_id", "x"),
                ("guardian_id", &parent_id),
                ("decision", "confirm"),
            ],
        )
        .await;
    assert_eq!(r.status, 403);
    assert!(
        parent
            .get(&app, "/en/account/household")
            .await
            .text()
            .contains("Waiting for an operator")
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_guardian_of_another_child_cannot_open_this_one() {
    let app = TestApp::new().await;
    let (mut first, first_id) = signed_in(&app, "first.parent@example.ro", "citizen").await;
    let (mut second, second_id) = signed_in(&app, "second.parent@example.ro", "citizen").await;
    ask_for_child(&app, &mut first, "Andrei", "2014-01-02").await;
    ask_for_child(&app, &mut second, "Bianca", "2015-03-04").await;
    let (mut operator, _) = signed_in(&app, "op2@alba.example.ro", "operator").await;
    for _ in 0..2 {
        let queue = operator.get(&app, "/en/office/guardianships").await.text();
        let guardian = if queue.contains("first.parent@example.ro") {
            &first_id
        } else {
            &second_id
        };
        let fields = [
            ("csrf", hidden(&queue, "csrf")),
            ("ward_id", hidden(&queue, "ward_id")),
            ("guardian_id", guardian.clone()),
            ("decision", "confirm".to_string()),
        ];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(
            operator
                .post_form(&app, "/en/office/guardianships", &fields)
                .await
                .status,
            303
        );
    }
    let first_link = ward_link(&first.get(&app, "/en/account/household").await.text()).unwrap();
    let second_link = ward_link(&second.get(&app, "/en/account/household").await.text()).unwrap();
    assert_eq!(first.get(&app, &first_link).await.status, 200);
    assert_eq!(second.get(&app, &second_link).await.status, 200);
    let crossed = second.get(&app, &first_link).await;
    assert_eq!(crossed.status, 404, "a guardian of a different child");
    assert!(!crossed.text().contains("Andrei"));
    assert!(
        !second
            .get(&app, "/en/account/household")
            .await
            .text()
            .contains("Andrei")
    );
    app.cleanup().await;
}

#[tokio::test]
async fn a_childs_personal_id_is_checked_against_the_country_and_the_birth_date() {
    let app = TestApp::new().await;
    let (mut parent, parent_id) = signed_in(&app, "cnp@example.ro", "citizen").await;
    let ask = async |parent: &mut crate::support::Browser, birth: &str, id: &str| {
        let page = parent.get(&app, "/en/account/household").await;
        let csrf = hidden(&page.text(), "csrf");
        parent
            .post_form(
                &app,
                "/en/account/household",
                &[
                    ("csrf", &csrf),
                    ("given_name", "Ioana"),
                    ("family_name", "Popescu"),
                    ("birth_date", birth),
                    ("relationship", "parent"),
                    ("evidence", "birth-certificate"),
                    ("office", "ab-alba-iulia"),
                    ("national_id", id),
                ],
            )
            .await
    };
    for (birth, id, says) in [
        ("2016-05-10", "6160510011238", "does not match the others"),
        ("2016-05-10", "61605100112", "different number of digits"),
        (
            "2016-05-10",
            "6160510481236",
            "county code that does not exist",
        ),
        ("2016-05-11", "6160510011237", "another birth date"),
    ] {
        let r = ask(&mut parent, birth, id).await;
        assert_eq!(r.status, 422, "{id}");
        assert!(
            r.text().contains("national_id-error") && r.text().contains(says),
            "{id}: {says}"
        );
    }
    let none = ghiseu_storage::households::of_guardian(&app.state.db, &parent_id)
        .await
        .unwrap();
    assert!(none.is_empty(), "nothing written");
    let r = ask(&mut parent, "2016-05-10", " 6160510011237 ").await;
    assert_eq!(r.status, 303, "{}", r.text());
    let ward = ghiseu_storage::households::of_guardian(&app.state.db, &parent_id)
        .await
        .unwrap()
        .remove(0);
    let mut conn = app.state.db.connection().await.unwrap();
    let kept = ghiseu_storage::registry::holder_national_id(
        &mut conn,
        ghiseu_storage::registry::Holder::Ward(&ward.ward_id),
    )
    .await
    .unwrap();
    assert_eq!(kept, Some(("RO".to_string(), "6160510011237".to_string())));
    app.cleanup().await;
}
