//! What Ghiseu tells people: the text of each kind of message, by e-mail and
//! by SMS, in every language the portal speaks, and [`tell`], the one way
//! to queue a message for a person.

use crate::state::App;
use ghiseu_domain::account::{MessageKind, NotificationChannel};
use ghiseu_domain::catalogue::{Lang, LocalText};
use ghiseu_domain::money::Currency;
use ghiseu_i18n::Tr;
use ghiseu_i18n::{Arg, I18n, text_arg};
use ghiseu_storage::notifications::{self, Queued, Text};
use ghiseu_storage::{Connection, StorageError};
use jiff::Timestamp;
use jiff::civil::{Date, DateTime};

/// One message with what it is about.
#[derive(Debug, Clone, Copy)]
pub enum Notice<'a> {
    /// `token` is the secret of the link that confirms the address.
    EmailVerification {
        token: &'a str,
    },
    RegistrationAttempt,
    PasswordReset {
        token: &'a str,
    },
    SecondFactorEnabled,
    ApplicationReturned {
        reference: &'a str,
        service: &'a LocalText,
    },
    ApplicationAccepted {
        reference: &'a str,
        service: &'a LocalText,
    },
    /// `reason` is the authority's reason, in the officer's page language.
    ApplicationRejected {
        reference: &'a str,
        service: &'a LocalText,
        reason: &'a LocalText,
    },
    PaymentReceived {
        reference: &'a str,
        service: &'a LocalText,
        amount_minor: i64,
        currency: Currency,
    },
    /// `at` is the office's local time.
    AppointmentConfirmed {
        reference: &'a str,
        service: &'a LocalText,
        office: &'a LocalText,
        address: &'a LocalText,
        at: DateTime,
    },
    /// `at` is the office's local time.
    AppointmentReminder {
        service: &'a LocalText,
        office: &'a LocalText,
        at: DateTime,
    },
    /// `at` is the office's local time.
    AppointmentCancelled {
        reference: &'a str,
        service: &'a LocalText,
        office: &'a LocalText,
        at: DateTime,
    },
    /// `at` is the office's local time; `reason` as the closure states it;
    /// `appointment` the booking's id, whose page moves it.
    AppointmentOfficeClosed {
        reference: &'a str,
        service: &'a LocalText,
        office: &'a LocalText,
        at: DateTime,
        reason: &'a str,
        appointment: &'a str,
    },
    DocumentReady {
        reference: &'a str,
        office: &'a LocalText,
    },
    DocumentExpiry {
        document: &'a LocalText,
        expires_on: Date,
    },
    /// `holder` is the holder's name (a guardian is told of a child's document).
    DocumentReported {
        document: &'a LocalText,
        number: &'a str,
        holder: &'a str,
        stolen: bool,
        on: Date,
    },
    CertificateExpiry {
        document: &'a LocalText,
        certificate: Certificate,
        expires_on: Date,
    },
    DocumentNotCollected {
        document: &'a LocalText,
        office: &'a LocalText,
        since: Date,
    },
    /// Issued electronically: ready to download from the application.
    DocumentIssued {
        reference: &'a str,
        document: &'a LocalText,
        number: &'a str,
    },
    /// Revoked by the authority, for `reason` (from its list).
    DocumentRevoked {
        document: &'a LocalText,
        number: &'a str,
        holder: &'a str,
        reason: &'a LocalText,
        on: Date,
    },
}

/// A certificate on an identity card's chip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Certificate {
    /// For electronic identification.
    Identification,
    /// For qualified electronic signatures.
    Signature,
}

impl Notice<'_> {
    pub fn kind(&self) -> MessageKind {
        match self {
            Notice::EmailVerification { .. } => MessageKind::EmailVerification,
            Notice::RegistrationAttempt => MessageKind::RegistrationAttempt,
            Notice::PasswordReset { .. } => MessageKind::PasswordReset,
            Notice::SecondFactorEnabled => MessageKind::SecondFactorEnabled,
            Notice::ApplicationReturned { .. } => MessageKind::ApplicationReturned,
            Notice::ApplicationAccepted { .. } => MessageKind::ApplicationAccepted,
            Notice::ApplicationRejected { .. } => MessageKind::ApplicationRejected,
            Notice::PaymentReceived { .. } => MessageKind::PaymentReceived,
            Notice::AppointmentConfirmed { .. } => MessageKind::AppointmentConfirmed,
            Notice::AppointmentReminder { .. } => MessageKind::AppointmentReminder,
            Notice::AppointmentCancelled { .. } => MessageKind::AppointmentCancelled,
            Notice::AppointmentOfficeClosed { .. } => MessageKind::AppointmentOfficeClosed,
            Notice::DocumentReady { .. } => MessageKind::DocumentReady,
            Notice::DocumentExpiry { .. } => MessageKind::DocumentExpiry,
            Notice::DocumentReported { .. } => MessageKind::DocumentReported,
            Notice::CertificateExpiry { .. } => MessageKind::CertificateExpiry,
            Notice::DocumentNotCollected { .. } => MessageKind::DocumentNotCollected,
            Notice::DocumentIssued { .. } => MessageKind::DocumentIssued,
            Notice::DocumentRevoked { .. } => MessageKind::DocumentRevoked,
        }
    }

    /// The message in `lang` for `channel`. Links start at `public_url`.
    pub fn compose(
        &self,
        i18n: &I18n,
        public_url: &str,
        lang: Lang,
        channel: NotificationChannel,
    ) -> Text {
        let t = Tr { i18n, lang };
        let (subject, body, sms) = keys(self.kind());
        let args = self.args(t, public_url);
        match channel {
            NotificationChannel::Email => Text {
                subject: t.with(subject, &args),
                body: t.with(body, &args),
            },
            NotificationChannel::Sms => Text {
                subject: String::new(),
                body: gsm_text(&t.with(sms.unwrap_or(subject), &args)),
            },
        }
    }

    fn args(&self, t: Tr<'_>, public_url: &str) -> Vec<(&'static str, Arg)> {
        let lang = t.lang;
        let link = |path: &str| text_arg(format!("{public_url}/{}/{path}", lang.code()));
        let account = || ("link", link("account"));
        match *self {
            Notice::EmailVerification { token } => {
                vec![("link", link(&format!("account/verify?token={token}")))]
            }
            Notice::RegistrationAttempt => vec![("link", link("account/login"))],
            Notice::PasswordReset { token } => {
                vec![("link", link(&format!("account/reset/new?token={token}")))]
            }
            Notice::SecondFactorEnabled => vec![("link", link("account/reset"))],
            Notice::ApplicationReturned { reference, service }
            | Notice::ApplicationAccepted { reference, service } => vec![
                ("reference", text_arg(reference)),
                ("service", text_arg(service.get(lang))),
                account(),
            ],
            Notice::ApplicationRejected {
                reference,
                service,
                reason,
            } => vec![
                ("reference", text_arg(reference)),
                ("service", text_arg(service.get(lang))),
                ("reason", text_arg(reason.get(lang))),
                account(),
            ],
            Notice::PaymentReceived {
                reference,
                service,
                amount_minor,
                currency,
            } => vec![
                ("reference", text_arg(reference)),
                ("service", text_arg(service.get(lang))),
                ("amount", text_arg(t.money(amount_minor, currency))),
                account(),
            ],
            Notice::AppointmentConfirmed {
                reference,
                service,
                office,
                address,
                at,
            } => vec![
                ("reference", text_arg(reference.to_string())),
                ("service", text_arg(service.get(lang))),
                ("office", text_arg(office.get(lang))),
                ("address", text_arg(address.get(lang))),
                ("date", text_arg(t.date(at.date()))),
                ("time", text_arg(t.time(at.time()))),
                account(),
            ],
            Notice::AppointmentReminder {
                service,
                office,
                at,
            } => vec![
                ("service", text_arg(service.get(lang))),
                ("office", text_arg(office.get(lang))),
                ("date", text_arg(t.date(at.date()))),
                ("time", text_arg(t.time(at.time()))),
                account(),
            ],
            Notice::AppointmentCancelled {
                reference,
                service,
                office,
                at,
            } => vec![
                ("reference", text_arg(reference.to_string())),
                ("service", text_arg(service.get(lang))),
                ("office", text_arg(office.get(lang))),
                ("date", text_arg(t.date(at.date()))),
                ("time", text_arg(t.time(at.time()))),
                account(),
            ],
            Notice::AppointmentOfficeClosed {
                reference,
                service,
                office,
                at,
                reason,
                appointment,
            } => vec![
                ("reference", text_arg(reference.to_string())),
                ("service", text_arg(service.get(lang))),
                ("office", text_arg(office.get(lang))),
                ("date", text_arg(t.date(at.date()))),
                ("time", text_arg(t.time(at.time()))),
                ("reason", text_arg(t.closure_reason(reason))),
                ("link", link(&format!("appointments/{appointment}"))),
            ],
            Notice::DocumentReady { reference, office } => vec![
                ("reference", text_arg(reference)),
                ("office", text_arg(office.get(lang))),
                account(),
            ],
            Notice::DocumentExpiry {
                document,
                expires_on,
            } => vec![
                ("document", text_arg(document.get(lang))),
                ("date", text_arg(t.date(expires_on))),
                account(),
            ],
            Notice::DocumentReported {
                document,
                number,
                holder,
                stolen,
                on,
            } => vec![
                ("document", text_arg(document.get(lang))),
                ("number", text_arg(number)),
                ("holder", text_arg(holder)),
                ("loss", text_arg(if stolen { "stolen" } else { "lost" })),
                ("date", text_arg(t.date(on))),
                account(),
            ],
            Notice::CertificateExpiry {
                document,
                certificate,
                expires_on,
            } => vec![
                ("document", text_arg(document.get(lang))),
                (
                    "certificate",
                    text_arg(match certificate {
                        Certificate::Identification => "identification",
                        Certificate::Signature => "signature",
                    }),
                ),
                ("date", text_arg(t.date(expires_on))),
                account(),
            ],
            Notice::DocumentNotCollected {
                document,
                office,
                since,
            } => vec![
                ("document", text_arg(document.get(lang))),
                ("office", text_arg(office.get(lang))),
                ("date", text_arg(t.date(since))),
                account(),
            ],
            Notice::DocumentIssued {
                reference,
                document,
                number,
            } => vec![
                ("reference", text_arg(reference)),
                ("document", text_arg(document.get(lang))),
                ("number", text_arg(number)),
                account(),
            ],
            Notice::DocumentRevoked {
                document,
                number,
                holder,
                reason,
                on,
            } => vec![
                ("document", text_arg(document.get(lang))),
                ("number", text_arg(number)),
                ("holder", text_arg(holder)),
                ("reason", text_arg(reason.get(lang))),
                ("date", text_arg(t.date(on))),
                account(),
            ],
        }
    }
}

/// The Fluent messages of a kind: subject and body of the e-mail, and the
/// SMS for kinds that may go by SMS.
fn keys(kind: MessageKind) -> (&'static str, &'static str, Option<&'static str>) {
    match kind {
        MessageKind::EmailVerification => ("email-verify-subject", "email-verify-body", None),
        MessageKind::RegistrationAttempt => ("email-exists-subject", "email-exists-body", None),
        MessageKind::PasswordReset => ("email-reset-subject", "email-reset-body", None),
        MessageKind::SecondFactorEnabled => (
            "notice-second-factor-enabled-subject",
            "notice-second-factor-enabled-body",
            Some("notice-second-factor-enabled-sms"),
        ),
        MessageKind::ApplicationReturned => (
            "notice-application-returned-subject",
            "notice-application-returned-body",
            Some("notice-application-returned-sms"),
        ),
        MessageKind::ApplicationAccepted => (
            "notice-application-accepted-subject",
            "notice-application-accepted-body",
            Some("notice-application-accepted-sms"),
        ),
        MessageKind::ApplicationRejected => (
            "notice-application-rejected-subject",
            "notice-application-rejected-body",
            Some("notice-application-rejected-sms"),
        ),
        MessageKind::PaymentReceived => (
            "notice-payment-received-subject",
            "notice-payment-received-body",
            Some("notice-payment-received-sms"),
        ),
        MessageKind::AppointmentConfirmed => (
            "notice-appointment-confirmed-subject",
            "notice-appointment-confirmed-body",
            Some("notice-appointment-confirmed-sms"),
        ),
        MessageKind::AppointmentReminder => (
            "notice-appointment-reminder-subject",
            "notice-appointment-reminder-body",
            Some("notice-appointment-reminder-sms"),
        ),
        MessageKind::AppointmentCancelled => (
            "notice-appointment-cancelled-subject",
            "notice-appointment-cancelled-body",
            Some("notice-appointment-cancelled-sms"),
        ),
        MessageKind::AppointmentOfficeClosed => (
            "notice-appointment-office-closed-subject",
            "notice-appointment-office-closed-body",
            Some("notice-appointment-office-closed-sms"),
        ),
        MessageKind::DocumentReady => (
            "notice-document-ready-subject",
            "notice-document-ready-body",
            Some("notice-document-ready-sms"),
        ),
        MessageKind::DocumentExpiry => (
            "notice-document-expiry-subject",
            "notice-document-expiry-body",
            Some("notice-document-expiry-sms"),
        ),
        MessageKind::DocumentReported => (
            "notice-document-reported-subject",
            "notice-document-reported-body",
            Some("notice-document-reported-sms"),
        ),
        MessageKind::CertificateExpiry => (
            "notice-certificate-expiry-subject",
            "notice-certificate-expiry-body",
            Some("notice-certificate-expiry-sms"),
        ),
        MessageKind::DocumentNotCollected => (
            "notice-document-not-collected-subject",
            "notice-document-not-collected-body",
            Some("notice-document-not-collected-sms"),
        ),
        MessageKind::DocumentIssued => (
            "notice-document-issued-subject",
            "notice-document-issued-body",
            Some("notice-document-issued-sms"),
        ),
        MessageKind::DocumentRevoked => (
            "notice-document-revoked-subject",
            "notice-document-revoked-body",
            Some("notice-document-revoked-sms"),
        ),
    }
}

/// Every Fluent message a notice may use, for completeness checks.
pub fn message_keys() -> Vec<&'static str> {
    MessageKind::ALL
        .into_iter()
        .flat_map(|kind| {
            let (subject, body, sms) = keys(kind);
            [Some(subject), Some(body), sms]
        })
        .flatten()
        .collect()
}

/// Queues `notice` for the person in the caller's transaction `conn`: by
/// the channels the person chose (security notices always by e-mail), in
/// their preferred language. Nothing is queued if the transaction rolls back.
/// Writes the notice for the recipient on each channel they take it on,
/// without touching the database.
pub fn prepare(
    state: &App,
    to: &notifications::Recipient,
    notice: &Notice<'_>,
) -> Vec<notifications::Prepared> {
    notifications::prepare(to, notice.kind(), |lang, channel| {
        notice.compose(&state.i18n, &state.public_url, lang, channel)
    })
}

pub async fn tell(
    conn: &mut Connection,
    state: &App,
    person_id: &str,
    notice: &Notice<'_>,
    now: Timestamp,
) -> Result<Vec<Queued>, StorageError> {
    notifications::notify_person(
        conn,
        person_id,
        notice.kind(),
        |lang, channel| notice.compose(&state.i18n, &state.public_url, lang, channel),
        now,
    )
    .await
}

/// `text` in the GSM 7-bit alphabet where Romanian needs it, so that an SMS
/// holds 160 characters rather than the 70 of UCS-2.
pub fn gsm_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'ă' | 'â' => 'a',
            'Ă' | 'Â' => 'A',
            'î' => 'i',
            'Î' => 'I',
            'ș' | 'ş' => 's',
            'Ș' | 'Ş' => 'S',
            'ț' | 'ţ' => 't',
            'Ț' | 'Ţ' => 'T',
            '„' | '“' | '”' => '"',
            '‘' | '’' => '\'',
            '–' | '—' => '-',
            other => other,
        })
        .collect()
}
