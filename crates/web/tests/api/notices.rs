//! The messages Ghiseu sends: every kind written in Romanian and English,
//! and a security notice through the pages, by the channels the person chose.

use crate::support::{Browser, TestApp, hidden};
use ghiseu_domain::account::{MessageKind, NotificationChannel};
use ghiseu_domain::catalogue::{Lang, LocalText};
use ghiseu_storage::outbox::{self, Channel};
use ghiseu_web::i18n::I18n;
use ghiseu_web::notices::{Notice, message_keys};
use jiff::civil::date;

const URL: &str = "https://ghiseu.example";

fn both(ro: &str, en: &str) -> LocalText {
    LocalText::new([(Lang::Ro, ro.to_string()), (Lang::En, en.to_string())])
}

/// Characters of the GSM 7-bit default alphabet; the extension table's
/// characters count twice.
fn gsm_length(text: &str) -> Option<usize> {
    const BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
        ¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    text.chars().try_fold(0, |n, c| {
        if BASIC.contains(c) {
            Some(n + 1)
        } else if "^{}\\[~]|€".contains(c) {
            Some(n + 2)
        } else {
            None
        }
    })
}

#[test]
fn every_kind_is_written_in_romanian_and_english_for_each_of_its_channels() {
    let i18n = I18n::new().unwrap();
    for lang in [Lang::Ro, Lang::En] {
        let defined = i18n.keys(lang);
        for key in message_keys() {
            assert!(defined.iter().any(|k| k == key), "{key} in {lang}");
        }
    }
    let service = both("Pașaport simplu electronic", "Electronic passport");
    let office = both("SPCEEPS Alba Iulia", "SPCEEPS Alba Iulia");
    let document = both("Carte de identitate", "Identity card");
    let notices = [
        Notice::EmailVerification { token: "ab12" },
        Notice::RegistrationAttempt,
        Notice::PasswordReset { token: "cd34" },
        Notice::SecondFactorEnabled,
        Notice::ApplicationReturned {
            reference: "AB-2026-001234",
            service: &service,
        },
        Notice::ApplicationAccepted {
            reference: "AB-2026-001234",
            service: &service,
        },
        Notice::ApplicationRejected {
            reference: "AB-2026-001234",
            service: &service,
            reason: &both(
                "Străinul invitat are interdicție de intrare.",
                "The invited foreigner is banned from entering.",
            ),
        },
        Notice::PaymentReceived {
            reference: "AB-2026-001234",
            service: &service,
            amount_minor: 25_800,
            currency: ghiseu_domain::money::Currency::Ron,
        },
        Notice::AppointmentConfirmed {
            reference: "APT-7K3M-Q9XZ",
            service: &service,
            office: &office,
            address: &office,
            at: date(2026, 12, 3).at(9, 30, 0, 0),
        },
        Notice::AppointmentReminder {
            service: &service,
            office: &office,
            at: date(2026, 12, 3).at(9, 30, 0, 0),
        },
        Notice::AppointmentCancelled {
            reference: "APT-7K3M-Q9XZ",
            service: &service,
            office: &office,
            at: date(2026, 12, 3).at(9, 30, 0, 0),
        },
        Notice::AppointmentOfficeClosed {
            reference: "APT-7K3M-Q9XZ",
            service: &service,
            office: &office,
            at: date(2026, 12, 3).at(9, 30, 0, 0),
            reason: "preset:training",
            appointment: "0193a7c2-0000-7000-8000-000000000000",
        },
        Notice::DocumentReady {
            reference: "AB-2026-001234",
            office: &office,
        },
        Notice::DocumentExpiry {
            document: &document,
            expires_on: date(2027, 3, 1),
        },
        Notice::DocumentReported {
            document: &document,
            number: "RO-D-2026-000001",
            holder: "Ana Pop",
            stolen: false,
            on: date(2026, 12, 5),
        },
        Notice::CertificateExpiry {
            document: &document,
            certificate: ghiseu_app::notices::Certificate::Signature,
            expires_on: date(2027, 3, 1),
        },
        Notice::DocumentNotCollected {
            document: &document,
            office: &office,
            since: date(2026, 11, 1),
        },
        Notice::DocumentIssued {
            reference: "RO-CAZIER-2026-000001",
            document: &document,
            number: "RO-CAZIER-D-2026-000001",
        },
        Notice::DocumentRevoked {
            document: &document,
            number: "RO-CAZIER-D-2026-000001",
            holder: "Elena Pop",
            reason: &office,
            on: date(2026, 12, 5),
        },
    ];
    assert_eq!(notices.len(), MessageKind::ALL.len());
    for notice in notices {
        let kind = notice.kind();
        for &channel in kind.channels() {
            let ro = notice.compose(&i18n, URL, Lang::Ro, channel);
            let en = notice.compose(&i18n, URL, Lang::En, channel);
            assert_ne!(ro, en, "{kind:?} {channel:?}");
            for (lang, text) in [(Lang::Ro, &ro), (Lang::En, &en)] {
                let whole = format!("{}\n{}", text.subject, text.body);
                assert!(
                    !whole.contains('{') && !whole.contains("notice-"),
                    "{whole}"
                );
                match channel {
                    NotificationChannel::Email => {
                        assert!(!text.subject.is_empty());
                        assert!(
                            text.body
                                .contains(&format!("{URL}/{}/account", lang.code()))
                                || text
                                    .body
                                    .contains(&format!("{URL}/{}/appointments/", lang.code())),
                            "{kind:?} links to the pages in {lang}: {}",
                            text.body
                        );
                    }
                    NotificationChannel::Sms => {
                        assert!(text.subject.is_empty());
                        let length = gsm_length(&text.body)
                            .unwrap_or_else(|| panic!("not GSM 7-bit: {}", text.body));
                        assert!(length <= 160, "{length}: {}", text.body);
                        assert!(!text.body.contains("http"), "no links by SMS");
                    }
                }
            }
        }
    }
    let reminder = Notice::AppointmentReminder {
        service: &service,
        office: &office,
        at: date(2026, 12, 3).at(9, 30, 0, 0),
    }
    .compose(&i18n, URL, Lang::Ro, NotificationChannel::Sms);
    assert_eq!(
        reminder.body,
        "Ghiseu: programare pe 3 decembrie 2026, ora 09:30, la SPCEEPS Alba Iulia. \
         Aduceti documentele cerute pentru serviciu."
    );
}

/// Saves the profile with `phone`, `lang` and the account-security SMS box as given.
async fn save_profile(app: &TestApp, browser: &mut Browser, lang: &str, phone: &str, sms: bool) {
    let page = browser.get(app, "/en/account/profile").await.text();
    let mut fields = vec![
        ("csrf", hidden(&page, "csrf")),
        ("version", hidden(&page, "version")),
        ("given_name", "Sorin".to_string()),
        ("family_name", "Popa".to_string()),
        ("phone", phone.to_string()),
        ("domicile_country", "RO".to_string()),
        ("preferred_lang", lang.to_string()),
        ("notify-account-security-email", "on".to_string()),
    ];
    if sms {
        fields.push(("notify-account-security-sms", "on".to_string()));
    }
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let saved = browser.post_form(app, "/en/account/profile", &pairs).await;
    assert_eq!(saved.status, 303, "{}", saved.text());
}

/// Turns on two-step sign-in through the pages.
pub(crate) async fn enable_second_factor(app: &TestApp, browser: &mut Browser) {
    let html = browser.get(app, "/en/account/second-factor").await.text();
    let start = "<code id=\"totp-secret\">";
    let at = html.find(start).unwrap() + start.len();
    let secret = html[at..at + html[at..].find('<').unwrap()].replace(' ', "");
    let bytes = totp_rs::Secret::Encoded(secret).to_bytes().unwrap();
    let totp =
        totp_rs::TOTP::new(totp_rs::Algorithm::SHA1, 6, 1, 30, bytes, None, "x".into()).unwrap();
    let seconds = u64::try_from(app.state.clock.now().as_second()).unwrap();
    let code = totp.generate(seconds);
    let fields = [("code", code.as_str()), ("csrf", &hidden(&html, "csrf"))];
    let enabled = browser
        .post_form(app, "/en/account/second-factor", &fields)
        .await;
    assert_eq!(enabled.status, 200, "{}", enabled.text());
}

#[tokio::test]
async fn a_new_sign_in_factor_is_told_by_the_channels_chosen_in_the_persons_language() {
    let app = TestApp::new().await;
    let (mut sorin, id) = crate::support::signed_in(&app, "sorin.n@example.ro", "citizen").await;
    save_profile(&app, &mut sorin, "ro", "0712 345 678", true).await;
    enable_second_factor(&app, &mut sorin).await;

    let told: Vec<_> = outbox::for_person(&app.state.db, &id)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == "second-factor-enabled")
        .collect();
    let mut channels: Vec<Channel> = told.iter().map(|m| m.channel).collect();
    channels.sort_by_key(|c| c.as_str());
    assert_eq!(channels, [Channel::Email, Channel::Sms]);
    for message in &told {
        match message.channel {
            Channel::Email => {
                assert_eq!(message.recipient, "sorin.n@example.ro");
                assert_eq!(
                    message.subject,
                    "Autentificarea în doi pași a fost activată pentru contul Ghiseu",
                    "in the language of the profile, not of the page"
                );
                assert!(
                    message.body.contains("/ro/account/reset"),
                    "{}",
                    message.body
                );
            }
            Channel::Sms => {
                assert_eq!(message.recipient, "+40712345678");
                assert!(
                    message
                        .body
                        .starts_with("Ghiseu: pentru contul dvs. a fost activata")
                );
            }
        }
    }
    app.cleanup().await;
}

#[tokio::test]
async fn without_sms_chosen_the_notice_goes_by_email_alone() {
    let app = TestApp::new().await;
    let (mut ana, id) = crate::support::signed_in(&app, "ana.n@example.ro", "citizen").await;
    save_profile(&app, &mut ana, "en", "0712 345 678", false).await;
    enable_second_factor(&app, &mut ana).await;
    let told: Vec<_> = outbox::for_person(&app.state.db, &id)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == "second-factor-enabled")
        .collect();
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].channel, Channel::Email);
    assert_eq!(
        told[0].subject,
        "Two-step sign-in was turned on for your Ghiseu account"
    );
    app.cleanup().await;
}
