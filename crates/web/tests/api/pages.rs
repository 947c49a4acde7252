use crate::support::{TestApp, TestResponse};

fn attribute<'a>(html: &'a str, id: &str, name: &str) -> Option<&'a str> {
    let at = html.find(&format!("id=\"{id}\""))?;
    let tag_start = html[..at].rfind('<')?;
    let tag = &html[tag_start..tag_start + html[tag_start..].find('>')?];
    let value_start = tag.find(&format!("{name}=\""))? + name.len() + 2;
    Some(&tag[value_start..value_start + tag[value_start..].find('"')?])
}

fn assert_page(r: &TestResponse, lang: &str) -> String {
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.content_type().starts_with("text/html"));
    let html = r.text();
    assert!(
        html.contains(&format!("<html lang=\"{lang}\">")),
        "lang attribute"
    );
    assert!(html.contains("hreflang="), "language switch");
    html
}

#[tokio::test]
async fn the_home_page_lists_authorities_and_services_in_both_languages() {
    let app = TestApp::new().await;
    let ro = assert_page(&app.get("/ro/").await, "ro");
    assert!(ro.contains("Servicii publice pentru documente"));
    assert!(ro.contains("href=\"/ro/services/md.igm.pc\""));
    assert!(ro.contains("Pașaport simplu electronic"));
    let en = assert_page(&app.get("/en/").await, "en");
    assert!(en.contains("Simple electronic passport"));
    assert!(en.contains("href=\"/ro/\" hreflang=\"ro\""));
    app.cleanup().await;
}

#[tokio::test]
async fn the_root_redirects_by_language() {
    let app = TestApp::new().await;
    let r = app.get_with("/", "accept-language", "en-GB,en;q=0.8").await;
    assert_eq!(r.status, 303);
    assert_eq!(r.headers["location"], "/en/");
    assert_eq!(app.get("/").await.headers["location"], "/ro/");
    assert_eq!(app.get("/en").await.headers["location"], "/en/");
    for (asked, lang) in [
        ("uk-UA,uk;q=0.9,ru;q=0.8,en;q=0.5", "uk"),
        ("ru-MD,ru;q=0.9", "ru"),
        ("lt,en;q=0.3", "lt"),
        ("de-DE,fr;q=0.8", "en"),
    ] {
        let r = app.get_with("/", "accept-language", asked).await;
        assert_eq!(r.headers["location"], format!("/{lang}/"), "{asked}");
    }
    app.cleanup().await;
}

/// A language chosen on a page is the one `/` opens next time, whatever
/// the browser asks for; only pages remember, and only a change is sent.
#[tokio::test]
async fn the_chosen_language_is_remembered() {
    let app = TestApp::new().await;
    let page = app.get("/uk/").await;
    assert_page(&page, "uk");
    let cookie = page.headers["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("ghiseu_lang=uk;"), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let again = app.get_with("/uk/", "cookie", "ghiseu_lang=uk").await;
    assert!(
        again.headers.get("set-cookie").is_none(),
        "sent only on a change"
    );
    let back = app
        .request(
            axum::http::Request::get("/")
                .header("cookie", "other=1; ghiseu_lang=uk")
                .header("accept-language", "ro-RO")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(back.headers["location"], "/uk/");
    let missing = app.get("/uk/no-such-page").await;
    assert_eq!(missing.status, 404);
    assert!(missing.headers.get("set-cookie").is_none());
    let odd = app.get_with("/", "cookie", "ghiseu_lang=xx").await;
    assert_eq!(
        odd.headers["location"], "/ro/",
        "an unknown choice is ignored"
    );
    app.cleanup().await;
}

/// Every page links to the same page in each other language, each named
/// in its own words.
#[tokio::test]
async fn every_page_offers_the_other_four_languages() {
    let app = TestApp::new().await;
    let html = assert_page(&app.get("/ru/services/md.igm.pc").await, "ru");
    for (code, name) in [
        ("ro", "Română"),
        ("en", "English"),
        ("uk", "Українська"),
        ("lt", "Lietuvių"),
    ] {
        let link = format!(
            "<a href=\"/{code}/services/md.igm.pc\" hreflang=\"{code}\" lang=\"{code}\">{name}</a>"
        );
        assert!(html.contains(&link), "missing {link}");
    }
    assert!(!html.contains("hreflang=\"ru\""), "not its own language");
    app.cleanup().await;
}

#[tokio::test]
async fn a_service_page_shows_who_documents_fees_and_validity() {
    let app = TestApp::new().await;
    let en = assert_page(&app.get("/en/services/ro.passport.electronic").await, "en");
    for text in [
        "Who may apply",
        "Minors under 14",
        "The minor&#39;s birth certificate",
        "234.00 RON under 12",
        "258.00 RON from age 12",
        "14 calendar days",
        "3 years",
        "5 years",
        "RO49TREZ002502602X007826",
        "No fingerprints are taken under the age of 12",
    ] {
        assert!(en.contains(text), "missing {text:?}");
    }
    let ro = assert_page(&app.get("/ro/services/md.igm.ir").await, "ro");
    for text in [
        "20 de zile lucrătoare",
        "5 zile lucrătoare",
        "1.750,00 MDL",
        "Reduceri de taxă",
        "Nu depășește niciodată data expirării pașaportului",
    ] {
        assert!(ro.contains(text), "missing {text:?}");
    }
    let cc = assert_page(&app.get("/en/services/md.igm.cc").await, "en");
    assert!(
        cc.contains("10, 16, 25, 45") && cc.contains("for life"),
        "until-birthday rule described"
    );
    app.cleanup().await;
}

#[tokio::test]
async fn unknown_pages_are_404_pages_in_the_right_language() {
    let app = TestApp::new().await;
    for (path, lang, text) in [
        ("/en/services/no.such.service", "en", "Page not found"),
        (
            "/ro/services/no.such.service/calculator",
            "ro",
            "Pagina nu a fost găsită",
        ),
        ("/xx/", "ro", "Pagina nu a fost găsită"),
        ("/en/nothing", "en", "Page not found"),
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status, 404, "{path}");
        assert!(r.content_type().starts_with("text/html"), "{path}");
        let html = r.text();
        assert!(
            html.contains(&format!("<html lang=\"{lang}\">")) && html.contains(text),
            "{path}"
        );
    }
    app.cleanup().await;
}

#[tokio::test]
async fn the_calculator_gives_the_same_answer_as_the_api() {
    let app = TestApp::new().await;
    let cases = [
        (
            "ro.passport.electronic",
            "birth_date=2016-05-10&filed_on=2026-11-23",
            serde_json::json!({"service": "ro.passport.electronic", "birth_date": "2016-05-10", "filed_on": "2026-11-23"}),
        ),
        (
            "md.igm.pc",
            "birth_date=1980-06-15&filed_on=2026-11-23&urgency=same-day",
            serde_json::json!({"service": "md.igm.pc", "birth_date": "1980-06-15", "filed_on": "2026-11-23", "urgency": "same-day"}),
        ),
        (
            "md.igm.cc",
            "birth_date=1970-01-01&filed_on=2026-11-23&urgency=20wd",
            serde_json::json!({"service": "md.igm.cc", "birth_date": "1970-01-01", "filed_on": "2026-11-23", "urgency": "20wd"}),
        ),
        (
            "md.igm.ir",
            "filed_on=2026-11-23&urgency=1wd&reduction=hg966-p19&stay_until=2028-06-30&passport_expires=2027-12-31&issued_on=",
            serde_json::json!({"service": "md.igm.ir", "filed_on": "2026-11-23", "urgency": "1wd", "reductions": ["hg966-p19"], "stay_until": "2028-06-30", "passport_expires": "2027-12-31"}),
        ),
    ];
    for (service, query, body) in cases {
        for lang in ["ro", "en"] {
            let html = assert_page(
                &app.get(&format!("/{lang}/services/{service}/calculator?{query}"))
                    .await,
                lang,
            );
            assert!(!html.contains("error-summary"), "{service}: {html}");
            let api = app.post_json("/api/v1/quotes", &body).await.json();
            assert_eq!(
                attribute(&html, "quote-total", "data-total-minor"),
                Some(api["total_minor"].to_string().as_str()),
                "{service}"
            );
            assert_eq!(
                attribute(&html, "quote-deadline", "data-date"),
                api["processing_deadline"].as_str(),
                "{service}"
            );
            assert_eq!(
                attribute(&html, "quote-valid-until", "data-date"),
                Some(api["valid_until"].as_str().unwrap_or("")),
                "{service}"
            );
        }
    }
    app.cleanup().await;
}

#[tokio::test]
async fn the_calculator_form_asks_only_what_the_service_needs() {
    let app = TestApp::new().await;
    let passport = assert_page(
        &app.get("/en/services/ro.passport.electronic/calculator")
            .await,
        "en",
    );
    assert!(passport.contains("name=\"birth_date\"") && !passport.contains("name=\"stay_until\""));
    // The date field shows the browser's pattern for the language: the hint
    // gives its example in words, not in a pattern of its own.
    assert!(passport.contains("For example 10 May 2016."), "{passport}");
    let ru = assert_page(
        &app.get("/ru/services/ro.passport.electronic/calculator")
            .await,
        "ru",
    );
    assert!(ru.contains("Например, 10 мая 2016\u{202f}г."), "{ru}");
    assert!(!ru.contains("2016-05-10"));
    assert!(
        !passport.contains("id=\"quote-total\""),
        "no answer before the form is sent"
    );
    let temporary = assert_page(
        &app.get("/en/services/ro.passport.temporary/calculator")
            .await,
        "en",
    );
    assert!(
        !temporary.contains("name=\"birth_date\""),
        "the temporary passport does not depend on age"
    );
    let ir = assert_page(&app.get("/en/services/md.igm.ir/calculator").await, "en");
    assert!(
        ir.contains("name=\"stay_until\"")
            && ir.contains("name=\"passport_expires\"")
            && ir.contains("name=\"urgency\"")
    );
    assert!(ir.contains("value=\"hg966-p18\""));
    app.cleanup().await;
}

#[tokio::test]
async fn bad_calculator_input_shows_an_error_summary_linked_to_the_fields() {
    let app = TestApp::new().await;
    let cases = [
        (
            "en",
            "ro.passport.electronic",
            "birth_date=2030-01-01&filed_on=2026-11-23",
            "#birth_date",
            "is after the filing date",
        ),
        (
            "en",
            "ro.passport.electronic",
            "birth_date=2016-02-30&filed_on=2026-11-23",
            "#birth_date",
            "this date does not exist",
        ),
        (
            "ro",
            "ro.passport.electronic",
            "birth_date=10.05.2016",
            "#birth_date",
            "scrieți data ca an-lună-zi",
        ),
        (
            "en",
            "md.igm.ir",
            "filed_on=2026-11-23&passport_expires=2030-01-01",
            "#stay_until",
            "enter this date",
        ),
        (
            "en",
            "md.igm.pt",
            "birth_date=1980-01-01&urgency=same-day",
            "#urgency",
            "Choose one of: 20 working days",
        ),
        (
            "en",
            "md.igm.ir",
            "urgency=20wd&reduction=hg966-p18&stay_until=2028-01-01&passport_expires=2029-01-01",
            "#reductions",
            "does not apply",
        ),
        (
            "en",
            "ro.passport.temporary",
            "filed_on=2026-11-23&issued_on=2026-11-01",
            "#issued_on",
            "before the filing date",
        ),
    ];
    for (lang, service, query, anchor, message) in cases {
        let r = app
            .get(&format!("/{lang}/services/{service}/calculator?{query}"))
            .await;
        let html = assert_page(&r, lang);
        assert!(
            html.contains("class=\"error-summary\" role=\"alert\""),
            "{query}"
        );
        assert!(
            html.contains(&format!("href=\"{anchor}\"")),
            "{query}: link to {anchor}"
        );
        assert!(html.contains(message), "{query}: {message:?} in {html}");
        assert!(!html.contains("id=\"quote-total\""), "{query}");
        assert!(
            html.contains("aria-invalid=\"true\"") || anchor == "#reductions",
            "{query}"
        );
    }
    app.cleanup().await;
}

#[tokio::test]
async fn the_stylesheet_is_served() {
    let app = TestApp::new().await;
    let r = app.get("/static/ghiseu.css").await;
    assert_eq!(r.status, 200);
    assert!(r.content_type().starts_with("text/css"));
    assert!(r.text().contains(".error-summary"));
    app.cleanup().await;
}

/// The service list narrows to one authority and to whom services are for.
#[tokio::test]
async fn the_service_list_is_filtered_by_authority_and_by_whom_it_is_for() {
    let app = TestApp::new().await;
    let stateless = assert_page(&app.get("/en/?for=stateless").await, "en");
    assert!(
        stateless.contains("href=\"/en/services/md.igm.pc\""),
        "{stateless}"
    );
    assert!(!stateless.contains("href=\"/en/services/ro.passport.electronic\""));
    assert!(stateless.contains("<option value=\"stateless\" selected>"));
    let lithuania = assert_page(&app.get("/uk/?authority=lt.migration").await, "uk");
    assert!(lithuania.contains("href=\"/uk/services/lt.invitation.approval\""));
    assert!(!lithuania.contains("href=\"/uk/services/md.igm.pc\""));
    let none = assert_page(
        &app.get("/en/?authority=lt.migration&for=stateless").await,
        "en",
    );
    assert!(none.contains("id=\"no-services\"") && none.contains("id=\"filter-clear\""));
    let all = assert_page(&app.get("/en/?for=nonsense").await, "en");
    assert!(
        all.contains("md.igm.pc") && all.contains("ro.passport.electronic"),
        "an unknown choice filters nothing"
    );
    app.cleanup().await;
}

/// The bundled catalogue with the invitation approval's Ukrainian name taken out.
fn catalogue_missing_a_ukrainian_name() -> ghiseu_domain::catalogue::Catalogue {
    let mut sources = ghiseu_storage::catalogue_files::bundled();
    let uk_name = r#", uk = "Затвердження запрошення для іноземця""#;
    let file = sources
        .authorities
        .iter_mut()
        .find(|f| f.text.contains(uk_name))
        .unwrap();
    file.text = file.text.replacen(uk_name, "", 1);
    ghiseu_domain::catalogue::Catalogue::load(&sources).unwrap()
}

#[tokio::test]
async fn a_text_missing_the_page_language_is_shown_in_the_authoritys_with_a_note() {
    let base = TestApp::new().await;
    let app = base.with_catalogue(catalogue_missing_a_ukrainian_name(), "2026-11-23T08:00:00Z");
    let note = "Деякі тексти установи «Департамент міграції";
    let uk = assert_page(&app.get("/uk/services/lt.invitation.approval").await, "uk");
    assert!(
        uk.contains("<title>Kvietimo užsieniečiui patvirtinimas —"),
        "{uk}"
    );
    assert!(uk.contains(note), "{uk}");
    assert!(uk.contains("Їх показано литовською мовою."), "{uk}");
    // The list names it too; pages in a language the texts have, and other
    // authorities' pages, carry no note.
    assert!(assert_page(&app.get("/uk/").await, "uk").contains(note));
    let ru = assert_page(&app.get("/ru/services/lt.invitation.approval").await, "ru");
    assert!(ru.contains("Утверждение приглашения для иностранца"));
    assert!(!ru.contains("notice--language"), "{ru}");
    let other = assert_page(&app.get("/uk/services/ro.passport.electronic").await, "uk");
    assert!(!other.contains("notice--language"), "{other}");
    base.cleanup().await;
}
