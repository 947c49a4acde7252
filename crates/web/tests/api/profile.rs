use crate::support::{Browser, TestApp, TestResponse, hidden};
use ghiseu_domain::account::{NotificationChannel, NotificationKind};
use ghiseu_storage::{audit, profiles};

const PROFILE: &str = "/en/account/profile";

async fn signed_in(app: &TestApp, email: &str) -> (Browser, String) {
    crate::support::signed_in(app, email, "citizen").await
}

/// A complete, valid profile form; `changes` replace or add fields.
fn filled(page: &str, changes: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    let mut fields: Vec<(&'static str, String)> = vec![
        ("csrf", hidden(page, "csrf")),
        ("version", hidden(page, "version")),
        ("given_name", "Ana-Maria".into()),
        ("family_name", "Popescu".into()),
        ("birth_date", "1985-04-27".into()),
        ("citizenship", "ro".into()),
        ("phone", "0712 345 678".into()),
        ("domicile_country", "RO".into()),
        ("domicile_locality", "Alba Iulia".into()),
        ("domicile_address", "Str. Lungă 3, ap. 4".into()),
        ("preferred_lang", "en".into()),
        ("notify-document-ready-email", "on".into()),
        ("notify-document-ready-sms", "on".into()),
        ("notify-appointment-reminders-email", "on".into()),
    ];
    for (name, value) in changes {
        fields.retain(|(n, _)| n != name);
        fields.push((name, (*value).to_string()));
    }
    fields
}

async fn submit(app: &TestApp, browser: &mut Browser, fields: &[(&str, String)]) -> TestResponse {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    browser.post_form(app, PROFILE, &pairs).await
}

fn checked(html: &str, name: &str) -> bool {
    let at = html
        .find(&format!("name=\"{name}\""))
        .unwrap_or_else(|| panic!("no box {name}"));
    let tag_end = at + html[at..].find('>').unwrap();
    html[at..tag_end].contains(" checked")
}

#[tokio::test]
async fn a_profile_is_saved_and_read_back() {
    let app = TestApp::new().await;
    let (mut browser, id) = signed_in(&app, "ana@example.ro").await;
    let account = browser.get(&app, "/en/account").await;
    assert!(account.text().contains("href=\"/en/account/profile\""));

    let page = browser.get(&app, PROFILE).await;
    assert_eq!(page.status, 200);
    let html = page.text();
    assert_eq!(hidden(&html, "version"), "0");
    assert!(checked(&html, "notify-application-updates-email"));
    assert!(!checked(&html, "notify-application-updates-sms"));
    assert!(checked(&html, "notify-account-security-email"));
    assert!(html.contains("Security of your account"));

    let saved = submit(&app, &mut browser, &filled(&html, &[])).await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    assert_eq!(saved.headers["location"], "/en/account/profile?saved=1");

    let again = browser.get(&app, "/en/account/profile?saved=1").await;
    let html = again.text();
    assert!(html.contains("Your profile is saved."));
    for shown in [
        "Ana-Maria",
        "Popescu",
        "1985-04-27",
        "value=\"RO\"",
        "+40712345678",
        "Alba Iulia",
        "Str. Lungă 3, ap. 4",
    ] {
        assert!(html.contains(shown), "{shown} is shown");
    }
    assert_eq!(hidden(&html, "version"), "1");
    assert!(checked(&html, "notify-document-ready-sms"));
    assert!(!checked(&html, "notify-application-updates-email"));
    assert!(
        checked(&html, "notify-account-security-email"),
        "security notices by e-mail cannot be turned off"
    );

    let stored = profiles::load(&app.state.db, &id).await.unwrap().unwrap();
    assert_eq!(stored.given_name.as_deref(), Some("Ana-Maria"));
    assert_eq!(stored.phone.as_deref(), Some("+40712345678"));
    assert_eq!(stored.citizenship.as_deref(), Some("RO"));
    assert_eq!(stored.version, 1);
    let prefs = &stored.preferences;
    assert!(prefs.is_enabled(NotificationKind::DocumentReady, NotificationChannel::Sms));
    assert!(!prefs.is_enabled(NotificationKind::DocumentExpiry, NotificationChannel::Email));
    assert!(prefs.is_enabled(
        NotificationKind::AccountSecurity,
        NotificationChannel::Email
    ));
    let log = audit::for_subject(&app.state.db, &id, 10).await.unwrap();
    assert_eq!(log[0].event.action, "profile.updated");
    assert!(!log[0].event.detail.to_string().contains("712"));

    let ro = browser.get(&app, "/ro/account/profile").await;
    assert!(ro.text().contains("Securitatea contului dumneavoastră"));
    for page in [html, ro.text()] {
        assert!(!page.contains(">profile-"), "every message exists");
    }
    app.cleanup().await;
}

#[tokio::test]
async fn bad_input_is_explained_and_nothing_is_written() {
    let app = TestApp::new().await;
    let (mut browser, id) = signed_in(&app, "ion@example.md").await;
    let page = browser.get(&app, PROFILE).await.text();
    let long_address = "a".repeat(300);
    let cases: [(&str, &str, &str); 9] = [
        ("phone", "+40 712 abc", "only digits"),
        ("phone", "712 345", "with its country code"),
        ("given_name", "Ana2", "cannot contain digits"),
        ("birth_date", "2026-11-24", "cannot be in the future"),
        ("domicile_address", &long_address, "at most 200 characters"),
        ("preferred_lang", "fr", "Choose a language from the list"),
        ("citizenship", "ROU", "Choose a country from the list"),
        ("citizenship", "QQ", "Choose a country from the list"),
        ("domicile_country", "XX", "Choose a country from the list"),
    ];
    for (field, value, says) in cases {
        let r = submit(&app, &mut browser, &filled(&page, &[(field, value)])).await;
        assert_eq!(r.status, 422, "{field}={value}");
        let html = r.text();
        assert!(html.contains("error-summary"), "{field}");
        assert!(html.contains(&format!("href=\"#{field}\"")), "{field}");
        assert!(html.contains(says), "{field}: {says}");
        assert!(html.contains("aria-invalid=\"true\""), "{field}");
    }
    let two = filled(
        &page,
        &[("domicile_address", &long_address), ("given_name", "")],
    );
    let html = submit(&app, &mut browser, &two).await.text();
    let (name, address) = (
        html.find("href=\"#given_name\""),
        html.find("href=\"#domicile_address\""),
    );
    assert!(
        name.unwrap() < address.unwrap(),
        "the summary follows the page"
    );
    assert!(html.contains("Given name: write it as in your identity document."));
    let no_phone = filled(&page, &[("phone", "")]);
    let r = submit(&app, &mut browser, &no_phone).await;
    assert_eq!(r.status, 422, "SMS needs a phone number");
    assert!(r.text().contains("to receive messages by SMS"));

    let forged = submit(&app, &mut browser, &filled(&page, &[("csrf", "forged")])).await;
    assert_eq!(forged.status, 403);

    let stored = profiles::load(&app.state.db, &id).await.unwrap().unwrap();
    assert_eq!(stored.version, 0, "nothing was written");
    assert_eq!(stored.given_name, None);
    assert_eq!(stored.phone, None);
    assert_eq!(stored.preferred_lang, "en");
    assert!(!stored.preferences.wants_sms());
    let log = audit::for_subject(&app.state.db, &id, 10).await.unwrap();
    assert!(log.iter().all(|e| e.event.action != "profile.updated"));
    app.cleanup().await;
}

#[tokio::test]
async fn a_stale_form_is_refused_not_merged() {
    let app = TestApp::new().await;
    let (mut browser, id) = signed_in(&app, "ana@example.ro").await;
    let first = browser.get(&app, PROFILE).await.text();
    let second = browser.get(&app, PROFILE).await.text();
    let r = submit(&app, &mut browser, &filled(&first, &[])).await;
    assert_eq!(r.status, 303);
    let late = filled(&second, &[("family_name", "Ionescu")]);
    let r = submit(&app, &mut browser, &late).await;
    assert_eq!(r.status, 409);
    assert!(r.text().contains("Open the profile again"));

    let now = browser.get(&app, PROFILE).await.text();
    let r = submit(
        &app,
        &mut browser,
        &filled(
            &now,
            &[
                ("family_name", "Ionescu"),
                ("birth_date", ""),
                ("phone", " "),
                ("notify-document-ready-sms", ""),
            ],
        ),
    )
    .await;
    assert_eq!(r.status, 303, "a fresh form saves");
    let stale_again = submit(&app, &mut browser, &filled(&now, &[])).await;
    assert_eq!(stale_again.status, 409, "the same form cannot save twice");
    let stored = profiles::load(&app.state.db, &id).await.unwrap().unwrap();
    assert_eq!(stored.family_name.as_deref(), Some("Ionescu"));
    assert_eq!(stored.birth_date, None, "an emptied field is cleared");
    assert_eq!(stored.phone, None);
    assert!(!stored.preferences.wants_sms());
    assert_eq!(stored.version, 2);
    app.cleanup().await;
}

#[tokio::test]
async fn a_profile_is_only_its_owners() {
    let app = TestApp::new().await;
    let (mut ana, ana_id) = signed_in(&app, "ana@example.ro").await;
    let page = ana.get(&app, PROFILE).await.text();
    assert_eq!(
        submit(&app, &mut ana, &filled(&page, &[])).await.status,
        303
    );

    let (mut ion, ion_id) = signed_in(&app, "ion@example.md").await;
    let seen = ion.get(&app, PROFILE).await.text();
    assert!(!seen.contains("Popescu") && !seen.contains("+40712345678"));
    let with_anas_form = filled(&page, &[("csrf", &hidden(&seen, "csrf"))]);
    let r = submit(&app, &mut ion, &with_anas_form).await;
    assert_eq!(r.status, 303, "Ion saves his own profile");
    let r = submit(
        &app,
        &mut ion,
        &filled(&seen, &[("csrf", &hidden(&page, "csrf"))]),
    )
    .await;
    assert_eq!(r.status, 403, "Ana's token does not work in Ion's session");

    let anas = profiles::load(&app.state.db, &ana_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(anas.version, 1, "Ana's profile is untouched");
    let ions = profiles::load(&app.state.db, &ion_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ions.version, 1);

    for path in ["/en/account/profile", "/ro/account/profile"] {
        let r = app.get(path).await;
        assert_eq!(r.status, 303);
        let back: String = form_urlencoded::byte_serialize(path.as_bytes()).collect();
        assert!(
            r.headers["location"]
                .to_str()
                .unwrap()
                .ends_with(&format!("/account/login?next={back}"))
        );
    }
    let r = app
        .post_raw(
            PROFILE,
            "application/x-www-form-urlencoded",
            "given_name=X&csrf=x&version=0".into(),
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(r.headers["location"], "/en/account/login");
    app.cleanup().await;
}

#[tokio::test]
async fn reminders_are_chosen_on_the_profile_and_a_bad_threshold_is_explained_beside_it() {
    use ghiseu_storage::reminders;
    let app = TestApp::new().await;
    let (mut browser, id) = signed_in(&app, "ana@example.ro").await;
    let page = browser.get(&app, PROFILE).await.text();
    assert!(checked(&page, "reminder_certificates"));
    assert!(checked(&page, "reminder_not_collected"));
    assert!(page.contains("90, 30, 7"), "the defaults are named");

    let refused = submit(
        &app,
        &mut browser,
        &filled(&page, &[("reminder_thresholds", "30, 900")]),
    )
    .await;
    assert_eq!(refused.status, 422);
    let html = refused.text();
    assert!(html.contains("id=\"reminder_thresholds-error\""), "{html}");
    assert!(html.contains("value=\"30, 900\""));
    let mut conn = app.state.db.connection().await.unwrap();
    assert_eq!(reminders::choice(&mut conn, &id).await.unwrap(), None);
    drop(conn);

    let saved = submit(
        &app,
        &mut browser,
        &filled(
            &page,
            &[
                ("reminder_thresholds", "7, 60"),
                ("reminder_certificates", "on"),
            ],
        ),
    )
    .await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    let mut conn = app.state.db.connection().await.unwrap();
    let choice = reminders::choice(&mut conn, &id).await.unwrap().unwrap();
    assert_eq!(choice.thresholds, vec![60, 7]);
    assert!(choice.certificates);
    assert!(!choice.not_collected);
    drop(conn);
    let page = browser.get(&app, PROFILE).await.text();
    assert!(page.contains("value=\"60, 7\""));
    assert!(!checked(&page, "reminder_not_collected"));
    app.cleanup().await;
}

/// Citizenship and the country of domicile are chosen from every country,
/// named in the page's language; only a citizenship may be "stateless".
#[tokio::test]
async fn countries_are_chosen_from_a_list_in_the_readers_language() {
    let app = TestApp::new().await;
    let (mut browser, _) = signed_in(&app, "lists@example.ro").await;
    for (lang, ukraine, stateless) in [
        ("en", "Ukraine", "Stateless (no citizenship)"),
        ("uk", "Україна", "Особа без громадянства"),
        ("lt", "Ukraina", "Asmuo be pilietybės"),
    ] {
        let page = browser
            .get(&app, &format!("/{lang}/account/profile"))
            .await
            .text();
        let citizenship = &page[page
            .find("<select class=\"select\" id=\"citizenship\"")
            .unwrap()..];
        let citizenship = &citizenship[..citizenship.find("</select>").unwrap()];
        assert!(
            citizenship.contains(&format!("<option value=\"UA\">{ukraine}</option>")),
            "{lang}"
        );
        assert!(
            citizenship.contains(&format!("<option value=\"XX\">{stateless}</option>")),
            "{lang}"
        );
        assert_eq!(
            citizenship.matches("<option value=\"").count(),
            1 + 249 + 1,
            "{lang}"
        );
        let domicile = &page[page
            .find("<select class=\"select\" id=\"domicile_country\"")
            .unwrap()..];
        let domicile = &domicile[..domicile.find("</select>").unwrap()];
        assert!(domicile.contains(&format!("<option value=\"UA\">{ukraine}</option>")));
        assert!(
            !domicile.contains("value=\"XX\""),
            "nobody lives in statelessness"
        );
    }
    app.cleanup().await;
}

/// The region list holds every country's divisions until a country with
/// divisions is chosen, then only that country's.
#[tokio::test]
async fn the_region_list_follows_the_country_of_domicile() {
    let app = TestApp::new().await;
    let (mut browser, _) = signed_in(&app, "regions@example.ro").await;
    let region_list = |page: &str| {
        let at = page
            .find("<select class=\"select\" id=\"domicile_region\"")
            .unwrap();
        let list = &page[at..];
        list[..list.find("</select>").unwrap()].to_string()
    };
    let page = browser.get(&app, PROFILE).await.text();
    let before = region_list(&page);
    assert_eq!(before.matches("<optgroup").count(), 3, "{before}");
    assert!(before.contains("value=\"RO-AB\"") && before.contains("value=\"LT-AL\""));
    let saved = submit(
        &app,
        &mut browser,
        &filled(&page, &[("domicile_region", "RO-AB")]),
    )
    .await;
    assert_eq!(saved.status, 303, "{}", saved.text());
    let after = region_list(&browser.get(&app, PROFILE).await.text());
    assert_eq!(after.matches("<optgroup").count(), 1, "{after}");
    assert!(
        after.contains("<option value=\"RO-AB\" selected>"),
        "{after}"
    );
    assert!(!after.contains("value=\"LT-AL\"") && !after.contains("value=\"MD-"));
    app.cleanup().await;
}
