//! A person's applications, and those of the children they are guardian of,
//! with where each stands and what comes next.

use super::access::relation;
use super::case_href;
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::accounts::household::is_active;
use crate::error::ApiError;
use crate::pages::{Frame, PageLang, html};
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use ghiseu_i18n::Tr;
use ghiseu_storage::{cases, households};

pub(crate) struct Row {
    pub href: String,
    pub service: String,
    pub holder: String,
    pub reference: String,
    pub state: String,
    pub next_step: String,
}

#[derive(Template)]
#[template(path = "cases/list.html")]
struct ListPage<'a> {
    frame: Frame<'a>,
    rows: Vec<Row>,
    services: Vec<(String, String)>,
}

pub(crate) async fn list(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
) -> Response {
    let result: Result<Vec<Row>, ApiError> = async {
        let wards: Vec<String> = households::of_guardian(&state.db, &current.person.id)
            .await?
            .into_iter()
            .filter(|w| is_active(&state, w))
            .map(|w| w.ward_id)
            .collect();
        let t = Tr {
            i18n: &state.i18n,
            lang,
        };
        let mut rows = Vec::new();
        let mut found = cases::for_person(&state.db, &current.person.id, &wards).await?;
        // Cases the person may act on through a power of attorney.
        for held in
            ghiseu_storage::representations::involving(&state.db, &current.person.id).await?
        {
            if held.representative_id != current.person.id || held.revoked {
                continue;
            }
            if let Some(case) = cases::by_reference(&state.db, &held.case_reference).await?
                && !found.iter().any(|c| c.id == case.id)
            {
                found.push(case);
            }
        }
        for case in found {
            // A draft someone else filed for a former ward is no longer theirs to see.
            if relation(&state, &current.person.id, &case).await?.is_none() {
                continue;
            }
            rows.push(Row {
                href: case_href(lang, &case.id),
                service: state.catalogue.service(&case.service_id).map_or_else(
                    || case.service_id.clone(),
                    |(_, s)| s.name.get(lang).to_string(),
                ),
                holder: format!("{} {}", case.holder_given_name, case.holder_family_name),
                reference: case
                    .reference
                    .clone()
                    .unwrap_or_else(|| t.m("case-no-reference")),
                state: t.m(&format!("case-state-{}", case.state)),
                next_step: t.m(&format!("case-next-{}", case.state)),
            });
        }
        Ok(rows)
    }
    .await;
    let rows = match result {
        Ok(rows) => rows,
        Err(e) => return e.into_response(),
    };
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let services = state
        .catalogue
        .services()
        .map(|(_, s)| (s.id.clone(), s.name.get(lang).to_string()))
        .collect();
    html(&ListPage {
        frame: Frame::new(&state, lang, t.m("case-list-title"), "applications"),
        rows,
        services,
    })
}
