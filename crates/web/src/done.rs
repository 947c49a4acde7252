//! What a person has just done, confirmed on the page they are sent to:
//! a change answers with a redirect carrying `?done=<what>`, and that page
//! says in one sentence what changed and what happens next. Only the codes
//! below are ever shown, so the address cannot put words on a page.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use std::convert::Infallible;

/// A change that is confirmed on the page after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Done {
    CaseStarted,
    CaseSaved,
    CaseSent,
    CaseWithdrawn,
    DocumentAttached,
    Booked,
    Moved,
    WardRequested,
    CaseClaimed,
    CaseAssigned,
    CaseDecided,
    HandedOver,
    AppointmentGiven,
    PaymentRecorded,
    ClosureRecorded,
    ClosureLifted,
}

impl Done {
    pub const ALL: [Done; 16] = [
        Done::CaseStarted,
        Done::CaseSaved,
        Done::CaseSent,
        Done::CaseWithdrawn,
        Done::DocumentAttached,
        Done::Booked,
        Done::Moved,
        Done::WardRequested,
        Done::CaseClaimed,
        Done::CaseAssigned,
        Done::CaseDecided,
        Done::HandedOver,
        Done::AppointmentGiven,
        Done::PaymentRecorded,
        Done::ClosureRecorded,
        Done::ClosureLifted,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Done::CaseStarted => "case-started",
            Done::CaseSaved => "case-saved",
            Done::CaseSent => "case-sent",
            Done::CaseWithdrawn => "case-withdrawn",
            Done::DocumentAttached => "document-attached",
            Done::Booked => "booked",
            Done::Moved => "moved",
            Done::WardRequested => "ward-requested",
            Done::CaseClaimed => "case-claimed",
            Done::CaseAssigned => "case-assigned",
            Done::CaseDecided => "case-decided",
            Done::HandedOver => "handed-over",
            Done::AppointmentGiven => "appointment-given",
            Done::PaymentRecorded => "payment-recorded",
            Done::ClosureRecorded => "closure-recorded",
            Done::ClosureLifted => "closure-lifted",
        }
    }

    fn parse(code: &str) -> Option<Done> {
        Done::ALL.into_iter().find(|d| d.code() == code)
    }

    /// The message that confirms it.
    pub fn message(self) -> String {
        format!("done-{}", self.code())
    }

    /// `to` with this change named in its query, before any `#fragment`.
    pub fn after(self, to: &str) -> String {
        let (path, fragment) = to.split_once('#').map_or((to, ""), |(p, f)| (p, f));
        let joint = if path.contains('?') { '&' } else { '?' };
        let mut href = format!("{path}{joint}done={}", self.code());
        if !fragment.is_empty() {
            href.push('#');
            href.push_str(fragment);
        }
        href
    }
}

/// The change the address names, if it is one of [`Done`]'s.
pub(crate) struct Confirmed(pub Option<Done>);

impl<S: Send + Sync> FromRequestParts<S> for Confirmed {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let done = parts.uri.query().and_then(|query| {
            form_urlencoded::parse(query.as_bytes())
                .find(|(name, _)| name == "done")
                .and_then(|(_, code)| Done::parse(&code))
        });
        Ok(Confirmed(done))
    }
}

#[cfg(test)]
mod tests {
    use super::Done;

    #[test]
    fn a_change_is_named_in_the_address_before_its_fragment() {
        assert_eq!(
            Done::Booked.after("/en/appointments/x"),
            "/en/appointments/x?done=booked"
        );
        assert_eq!(
            Done::CaseSaved.after("/en/applications/a?x=1#invitation"),
            "/en/applications/a?x=1&done=case-saved#invitation"
        );
        for done in Done::ALL {
            assert_eq!(Done::parse(done.code()), Some(done));
        }
        assert_eq!(Done::parse("<script>"), None);
    }
}
