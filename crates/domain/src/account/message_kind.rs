//! The messages Ghiseu sends, each under the kind of notification a person
//! chooses channels for.

use super::profile::{NotificationChannel, NotificationKind, NotificationPreferences};

/// One message Ghiseu sends a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MessageKind {
    EmailVerification,
    /// To an address that already has an account, when someone registers with it.
    RegistrationAttempt,
    PasswordReset,
    SecondFactorEnabled,
    /// An application sent back to the applicant to complete.
    ApplicationReturned,
    ApplicationAccepted,
    /// An application refused, with the reason from the authority's list.
    ApplicationRejected,
    /// The fee of an application arrived.
    PaymentReceived,
    /// A booking confirmed or moved, with its calendar file.
    AppointmentConfirmed,
    AppointmentReminder,
    /// A booking cancelled, with the calendar file that takes it off calendars.
    AppointmentCancelled,
    /// The office closed on the day of a booking: choose another time.
    AppointmentOfficeClosed,
    DocumentReady,
    DocumentExpiry,
    /// A document reported lost or stolen: now invalid.
    DocumentReported,
    /// The electronic identification or qualified signature certificate on
    /// an identity card's chip expires.
    CertificateExpiry,
    /// A ready document has waited at an office longer than the authority allows.
    DocumentNotCollected,
    /// A document issued electronically, ready to download.
    DocumentIssued,
    /// The authority declared a document invalid (revoked it).
    DocumentRevoked,
}

impl MessageKind {
    pub const ALL: [MessageKind; 19] = [
        MessageKind::EmailVerification,
        MessageKind::RegistrationAttempt,
        MessageKind::PasswordReset,
        MessageKind::SecondFactorEnabled,
        MessageKind::ApplicationReturned,
        MessageKind::ApplicationAccepted,
        MessageKind::ApplicationRejected,
        MessageKind::PaymentReceived,
        MessageKind::AppointmentConfirmed,
        MessageKind::AppointmentReminder,
        MessageKind::AppointmentCancelled,
        MessageKind::AppointmentOfficeClosed,
        MessageKind::DocumentReady,
        MessageKind::DocumentExpiry,
        MessageKind::DocumentReported,
        MessageKind::CertificateExpiry,
        MessageKind::DocumentNotCollected,
        MessageKind::DocumentIssued,
        MessageKind::DocumentRevoked,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MessageKind::EmailVerification => "email-verification",
            MessageKind::RegistrationAttempt => "registration-attempt",
            MessageKind::PasswordReset => "password-reset",
            MessageKind::SecondFactorEnabled => "second-factor-enabled",
            MessageKind::ApplicationReturned => "application-returned",
            MessageKind::ApplicationAccepted => "application-accepted",
            MessageKind::ApplicationRejected => "application-rejected",
            MessageKind::PaymentReceived => "payment-received",
            MessageKind::AppointmentConfirmed => "appointment-confirmed",
            MessageKind::AppointmentReminder => "appointment-reminder",
            MessageKind::AppointmentCancelled => "appointment-cancelled",
            MessageKind::AppointmentOfficeClosed => "appointment-office-closed",
            MessageKind::DocumentReady => "document-ready",
            MessageKind::DocumentExpiry => "document-expiry",
            MessageKind::DocumentReported => "document-reported",
            MessageKind::CertificateExpiry => "certificate-expiry",
            MessageKind::DocumentNotCollected => "document-not-collected",
            MessageKind::DocumentIssued => "document-issued",
            MessageKind::DocumentRevoked => "document-revoked",
        }
    }

    pub fn parse(code: &str) -> Option<MessageKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The kind of notification whose channel choices this message follows.
    pub fn preference(self) -> NotificationKind {
        match self {
            MessageKind::EmailVerification
            | MessageKind::RegistrationAttempt
            | MessageKind::PasswordReset
            | MessageKind::SecondFactorEnabled
            | MessageKind::DocumentReported
            | MessageKind::DocumentRevoked => NotificationKind::AccountSecurity,
            MessageKind::ApplicationReturned
            | MessageKind::ApplicationAccepted
            | MessageKind::ApplicationRejected
            | MessageKind::PaymentReceived => NotificationKind::ApplicationUpdates,
            MessageKind::AppointmentConfirmed
            | MessageKind::AppointmentReminder
            | MessageKind::AppointmentCancelled
            | MessageKind::AppointmentOfficeClosed => NotificationKind::AppointmentReminders,
            MessageKind::DocumentReady
            | MessageKind::DocumentNotCollected
            | MessageKind::DocumentIssued => NotificationKind::DocumentReady,
            MessageKind::DocumentExpiry | MessageKind::CertificateExpiry => {
                NotificationKind::DocumentExpiry
            }
        }
    }

    /// The channels this message may ever take. A link that proves control
    /// of an e-mail address, or that resets a password, goes only to that
    /// address: a phone in other hands must not receive it.
    pub fn channels(self) -> &'static [NotificationChannel] {
        match self {
            MessageKind::EmailVerification
            | MessageKind::RegistrationAttempt
            | MessageKind::PasswordReset => &[NotificationChannel::Email],
            _ => &NotificationChannel::ALL,
        }
    }

    /// The channels to send this message by for a person with `preferences`:
    /// those they chose, and always those that cannot be turned off.
    pub fn channels_for(self, preferences: &NotificationPreferences) -> Vec<NotificationChannel> {
        self.channels()
            .iter()
            .copied()
            .filter(|&channel| preferences.is_enabled(self.preference(), channel))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NotificationChannel::{Email, Sms};

    #[test]
    fn kinds_read_back_from_their_codes() {
        for kind in MessageKind::ALL {
            assert_eq!(MessageKind::parse(kind.code()), Some(kind));
        }
        assert_eq!(MessageKind::parse("newsletter"), None);
    }

    #[test]
    fn security_messages_go_by_email_whatever_was_chosen() {
        let mut prefs = NotificationPreferences::default();
        for kind in NotificationKind::ALL {
            prefs.set(kind, Email, false);
            prefs.set(kind, Sms, true);
        }
        for kind in [
            MessageKind::EmailVerification,
            MessageKind::RegistrationAttempt,
            MessageKind::PasswordReset,
        ] {
            assert_eq!(kind.channels_for(&prefs), [Email], "{kind:?}");
        }
        assert_eq!(
            MessageKind::SecondFactorEnabled.channels_for(&prefs),
            [Email, Sms]
        );
        assert_eq!(MessageKind::DocumentReady.channels_for(&prefs), [Sms]);
    }

    #[test]
    fn other_messages_follow_the_choices_of_their_kind() {
        let mut prefs = NotificationPreferences::default();
        assert_eq!(
            MessageKind::ApplicationReturned.channels_for(&prefs),
            [Email]
        );
        prefs.set(NotificationKind::ApplicationUpdates, Sms, true);
        assert_eq!(
            MessageKind::ApplicationAccepted.channels_for(&prefs),
            [Email, Sms]
        );
        prefs.set(NotificationKind::DocumentExpiry, Email, false);
        assert!(MessageKind::DocumentExpiry.channels_for(&prefs).is_empty());
        assert_eq!(
            MessageKind::AppointmentReminder.channels_for(&prefs),
            [Email]
        );
    }
}
