//! "My documents": the documents a person and the children they are guardian
//! of hold, those waiting at an office, and for each what to do next.

use super::standing_line;
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::error::ApiError;
use crate::pages::{Frame, PageLang, html};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use ghiseu_app::registry::{self, HeldDocument, Waiting};
use ghiseu_domain::catalogue::Lang;
use ghiseu_domain::registry::Validity;
use ghiseu_i18n::Tr;
use serde::Deserialize;

pub(crate) struct DocumentRow {
    pub name: String,
    pub number: String,
    pub holder: String,
    pub standing: String,
    /// Whether it is in force today (a tag's colour, and the report link).
    pub in_force: bool,
    pub apply_by: Option<String>,
    pub apply_href: Option<String>,
    pub report_href: Option<String>,
}

pub(crate) struct WaitingRow {
    pub service: String,
    pub holder: String,
    pub office: String,
    pub address: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "registry/list.html")]
struct ListPage<'a> {
    frame: Frame<'a>,
    documents: Vec<DocumentRow>,
    waiting: Vec<WaitingRow>,
    reported: Option<String>,
}

#[derive(Deserialize, Default)]
pub(crate) struct ListQuery {
    /// The number of a document just reported, to confirm it.
    #[serde(default)]
    reported: Option<String>,
}

fn row(state: &AppState, t: Tr<'_>, held: &HeldDocument) -> DocumentRow {
    let lang = t.lang;
    let document = &held.registered.document;
    let in_force = matches!(held.validity, Validity::Valid { .. });
    let holder = document.holder_ward_id.as_deref().unwrap_or("self");
    let apply_href = document.service_id.as_ref().map(|service| {
        format!(
            "/{}/applications/new?service={service}&holder={holder}",
            lang.code()
        )
    });
    DocumentRow {
        name: registry::document_name(state, document)
            .get(lang)
            .to_string(),
        number: document.number.clone(),
        holder: document.holder_name.clone(),
        standing: standing_line(t, held),
        in_force,
        apply_by: held.apply_by.map(|d| {
            t.with(
                "registry-apply-by",
                &[("date", crate::i18n::text_arg(t.date(d)))],
            )
        }),
        apply_href,
        report_href: (in_force && super::plain_number(&document.number))
            .then(|| format!("{}/{}/report", super::documents_href(lang), document.number)),
    }
}

fn waiting_row(state: &AppState, lang: Lang, waiting: &Waiting) -> WaitingRow {
    let office = waiting
        .office_id
        .as_deref()
        .and_then(|o| state.catalogue.office(o));
    WaitingRow {
        service: state.catalogue.service(&waiting.service_id).map_or_else(
            || waiting.service_id.clone(),
            |(_, s)| s.name.get(lang).to_string(),
        ),
        holder: waiting.holder_name.clone(),
        office: office
            .map(|o| o.name.get(lang).to_string())
            .unwrap_or_default(),
        address: office
            .map(|o| o.address.get(lang).to_string())
            .unwrap_or_default(),
        href: crate::cases::case_href(lang, &waiting.case_id),
    }
}

pub(crate) async fn list(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
    Query(query): Query<ListQuery>,
) -> Response {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let found = async {
        let held = registry::mine(&state, &current).await?;
        let waiting = registry::waiting(&state, &current).await?;
        Ok::<_, ApiError>((held, waiting))
    }
    .await;
    let (held, waiting) = match found {
        Ok(found) => found,
        Err(e) => return e.into_response(),
    };
    // Only a document of this person's list is confirmed as reported.
    let reported = query
        .reported
        .filter(|n| held.iter().any(|h| &h.registered.document.number == n))
        .map(|number| {
            t.with(
                "registry-reported-done",
                &[("number", crate::i18n::text_arg(number))],
            )
        });
    html(&ListPage {
        frame: Frame::new(&state, lang, t.m("registry-title"), "documents"),
        documents: held.iter().map(|h| row(&state, t, h)).collect(),
        waiting: waiting
            .iter()
            .map(|w| waiting_row(&state, lang, w))
            .collect(),
        reported,
    })
}
