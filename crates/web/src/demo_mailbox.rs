//! The demonstration mailbox page: with `serve --demo` and no SMTP relay,
//! the messages the demonstration senders were given for an address, with
//! their links, so registration and every notice can be followed. A 404
//! anywhere else.

use crate::AppState;
use crate::pages::{Frame, PageError, PageLang, finish, html};
use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use ghiseu_app::demo_mailbox::for_address;
use ghiseu_i18n::Tr;
use serde::Deserialize;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/{lang}/demo/mailbox", get(mailbox))
}

pub(crate) struct Shown {
    pub channel: String,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub links: Vec<String>,
}

#[derive(Template)]
#[template(path = "demo/mailbox.html")]
struct MailboxPage<'a> {
    frame: Frame<'a>,
    address: String,
    asked: bool,
    messages: Vec<Shown>,
}

#[derive(Deserialize, Default)]
pub(crate) struct MailboxQuery {
    #[serde(default)]
    address: String,
}

/// The web addresses in a message's text, in order.
fn links(body: &str) -> Vec<String> {
    body.split_whitespace()
        .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
        .map(|w| w.trim_end_matches(['.', ',', ')', ';']).to_string())
        .collect()
}

async fn mailbox(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    Query(query): Query<MailboxQuery>,
) -> Response {
    let address = query.address.trim().chars().take(200).collect::<String>();
    let Some(found) = for_address(&state, &address) else {
        return finish(&state, Err(PageError::NotFound(lang)));
    };
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let messages = found
        .into_iter()
        .map(|m| Shown {
            channel: t.m(&format!("demo-mailbox-channel-{}", m.channel)),
            links: links(&m.body),
            to: m.to,
            subject: m.subject,
            body: m.body,
        })
        .collect();
    html(&MailboxPage {
        frame: Frame::new(&state, lang, t.m("demo-mailbox-title"), "demo/mailbox"),
        asked: !address.is_empty(),
        address,
        messages,
    })
}
