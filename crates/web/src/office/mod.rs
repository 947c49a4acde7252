//! The back office: pages for operators, supervisors and administrators.

pub(crate) mod cases;
mod closures;
mod counter;
mod documents;
mod guardianships;
mod identity;
mod organisations;
mod relationships;
mod representations;
mod staff;
mod staff_rules;

use crate::AppState;
use crate::accounts::{ClientAddress, CurrentPerson};
use crate::error::ApiError;
use crate::pages::{Frame, html};
use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
pub use ghiseu_app::office::{Staff, mask_document};
use ghiseu_domain::account::Role;
use ghiseu_i18n::Tr;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .merge(cases::router())
        .route("/{lang}/office/documents", get(documents::show))
        .route(
            "/{lang}/office/documents/{number}/invalidate",
            post(documents::invalidate),
        )
        .route(
            "/{lang}/office/documents/{number}/report",
            post(documents::report),
        )
        .route(
            "/{lang}/office/organisations",
            get(organisations::form).post(organisations::record),
        )
        .route(
            "/{lang}/office/identity",
            get(identity::form).post(identity::record),
        )
        .route(
            "/{lang}/office/guardianships",
            get(guardianships::list).post(guardianships::decide),
        )
        .route(
            "/{lang}/office/guardianships/record",
            post(relationships::record),
        )
        .route("/{lang}/office/staff", get(staff::list).post(staff::assign))
        .route(
            "/{lang}/office/closures",
            get(closures::list).post(closures::add),
        )
        .route(
            "/{lang}/office/closures/{id}/remove",
            post(closures::remove),
        )
        .route("/{lang}/office/counter", get(counter::day))
        .route("/{lang}/office/counter/call", post(counter::call))
        .route(
            "/{lang}/office/counter/bookings/{id}/{action}",
            post(counter::on_booking),
        )
        .route("/{lang}/offices/{office}/display", get(counter::display))
        .route(
            "/{lang}/office/representations",
            get(representations::form).post(representations::record),
        )
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let current = CurrentPerson::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        match current.person.role {
            role @ (Role::Operator | Role::Supervisor | Role::Administrator) => {
                let posting = ghiseu_storage::staff::posting(&state.db, &current.person.id)
                    .await
                    .map_err(|e| ApiError::from(e).into_response())?;
                let Ok(ClientAddress(client)) =
                    ClientAddress::from_request_parts(parts, state).await;
                Ok(Staff {
                    current,
                    role,
                    posting,
                    client,
                })
            }
            _ => {
                let lang = crate::language::of_path_or_default(parts.uri.path());
                let t = Tr {
                    i18n: &state.i18n,
                    lang,
                };
                let page = crate::accounts::MessagePage {
                    frame: Frame::new(state, lang, t.m("office-forbidden-title"), ""),
                    body: vec![t.m("office-forbidden-body")],
                    link: None,
                };
                Err((StatusCode::FORBIDDEN, html(&page)).into_response())
            }
        }
    }
}
