//! The inviter's lists: every request filed, those waiting for a decision,
//! the invitations approved (with the printable PDF) and those refused or
//! withdrawn. The filter is a link, so the page works without JavaScript.

use super::case_href;
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::error::ApiError;
use crate::pages::{Frame, PageLang, html};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use ghiseu_app::invitations::{self, Shown};
use ghiseu_i18n::Tr;
use serde::Deserialize;

pub(crate) struct Row {
    pub href: String,
    pub reference: String,
    pub invitee: String,
    pub stay: String,
    pub state: String,
    /// The approved invitation's number, its standing and its PDF.
    pub approved: Option<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "cases/invitations.html")]
struct ListPage<'a> {
    frame: Frame<'a>,
    /// (code, label, href, current)
    filters: Vec<(String, String, String, bool)>,
    rows: Vec<Row>,
    empty: String,
}

#[derive(Deserialize, Default)]
pub(crate) struct ListQuery {
    #[serde(default)]
    show: String,
}

pub(crate) async fn list(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    Query(query): Query<ListQuery>,
    current: CurrentPerson,
) -> Response {
    let shown = Shown::parse(&query.show).unwrap_or_default();
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let filed = match invitations::mine(&state, &current, shown).await {
        Ok(filed) => filed,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let rows = filed
        .into_iter()
        .map(|f| {
            let i = &f.invitation;
            Row {
                href: case_href(lang, &f.case_id),
                reference: f.reference.unwrap_or_else(|| t.m("case-no-reference")),
                invitee: format!("{} {}", i.given_name, i.family_name),
                stay: format!("{} – {}", t.date(i.stay_from), t.date(i.stay_until)),
                state: t.m(&format!("case-state-{}", f.state)),
                approved: f.approved.map(|(number, standing)| {
                    (
                        number,
                        t.m(if standing.in_force() {
                            "invitations-standing-valid"
                        } else {
                            "invitations-standing-withdrawn"
                        }),
                        format!("/api/v1/cases/{}/document", f.case_id),
                    )
                }),
            }
        })
        .collect();
    let filters = Shown::ALL
        .into_iter()
        .map(|s| {
            (
                s.code().to_string(),
                t.m(&format!("invitations-show-{}", s.code())),
                format!("/{}/invitations?show={}", lang.code(), s.code()),
                s == shown,
            )
        })
        .collect();
    let page = ListPage {
        frame: Frame::new(&state, lang, t.m("invitations-title"), "invitations"),
        filters,
        rows,
        empty: t.m(&format!("invitations-none-{}", shown.code())),
    };
    html(&page)
}
