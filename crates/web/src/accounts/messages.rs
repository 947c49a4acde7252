//! What Ghiseu has sent to a person, and whether it was delivered.

use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::pages::PageLang;
use crate::pages::{Frame, html};
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use ghiseu_i18n::Tr;
use ghiseu_storage::outbox::{self, Channel, Status};

pub(crate) struct MessageRow {
    pub when: String,
    pub channel: String,
    pub subject: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "account/messages.html")]
struct MessagesPage<'a> {
    frame: Frame<'a>,
    messages: Vec<MessageRow>,
    account_href: String,
}

pub(crate) async fn list(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
) -> Response {
    let sent = match outbox::for_person(&state.db, &current.person.id).await {
        Ok(m) => m,
        Err(e) => {
            tracing::error!(error = %e, "messages could not be listed");
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                html(&super::register::try_again_page(&state, lang)),
            )
                .into_response();
        }
    };
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let messages = sent
        .iter()
        .map(|m| {
            let at = m.created_at.to_zoned(jiff::tz::TimeZone::UTC);
            MessageRow {
                when: format!(
                    "{}, {:02}:{:02} UTC",
                    t.date(at.date()),
                    at.hour(),
                    at.minute()
                ),
                channel: t.m(match m.channel {
                    Channel::Email => "message-channel-email",
                    Channel::Sms => "message-channel-sms",
                }),
                subject: if m.subject.is_empty() {
                    m.body.chars().take(80).collect()
                } else {
                    m.subject.clone()
                },
                status: t.m(match m.status {
                    Status::Pending | Status::Sending => "message-status-pending",
                    Status::Sent => "message-status-sent",
                    Status::Failed => "message-status-failed",
                    Status::Withdrawn => "message-status-withdrawn",
                }),
            }
        })
        .collect();
    html(&MessagesPage {
        frame: Frame::new(&state, lang, t.m("messages-title"), "account/messages"),
        messages,
        account_href: format!("/{}/account", lang.code()),
    })
}
