//! An office's public page: its address with a map link, the hours of each
//! of its windows, how to reach it, the authority's contacts for petitions
//! and complaints, and the days ahead it is closed.

use crate::AppState;
use crate::error::ApiError;
use crate::pages::{Frame, PageError, finish, html, page_lang};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use ghiseu_app::office::public::{PublicOffice, public};
use ghiseu_domain::catalogue::{Lang, Window};
use ghiseu_i18n::Tr;
use jiff::civil::Weekday;

const WEEK: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

/// One window's week: its name and (day, hours) rows.
pub(crate) struct WindowWeek {
    pub id: String,
    pub name: String,
    pub days: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "office_page.html")]
struct OfficePage<'a> {
    frame: Frame<'a>,
    home_href: String,
    authority_name: String,
    authority_href: String,
    address: String,
    map_href: String,
    phone: Option<(String, String)>,
    email: Option<String>,
    contact: Option<String>,
    windows: Vec<WindowWeek>,
    /// (day, what) of the holidays and closures ahead, soonest first.
    closed: Vec<(String, String)>,
}

fn week(t: Tr<'_>, window: &Window) -> WindowWeek {
    let days = WEEK
        .iter()
        .map(|day| {
            let hours = window.hours.intervals(*day);
            let text = if hours.is_empty() {
                t.m("office-page-closed")
            } else {
                hours
                    .iter()
                    .map(|(from, to)| format!("{} – {}", t.time(*from), t.time(*to)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            (
                t.m(&format!("weekday-{}", day.to_monday_one_offset())),
                text,
            )
        })
        .collect();
    WindowWeek {
        id: format!("hours-{}", window.kind.as_str()),
        name: t.m(&format!("office-page-window-{}", window.kind.as_str())),
        days,
    }
}

/// The holidays and closures ahead, as (day, what) lines in date order.
fn closed(t: Tr<'_>, found: &PublicOffice<'_>) -> Vec<(jiff::civil::Date, String)> {
    let mut lines: Vec<(jiff::civil::Date, String)> = found
        .holidays
        .iter()
        .map(|(day, name)| {
            (
                *day,
                t.with(
                    "office-page-holiday",
                    &[("name", crate::i18n::text_arg(name.as_str()))],
                ),
            )
        })
        .collect();
    for closure in &found.closures {
        let Ok(day) = closure.day.parse() else {
            continue;
        };
        let what = match &closure.window_kind {
            Some(kind) => t.with(
                "office-page-closure-window",
                &[
                    (
                        "window",
                        crate::i18n::text_arg(t.m(&format!("office-page-window-{kind}"))),
                    ),
                    (
                        "reason",
                        crate::i18n::text_arg(t.closure_reason(&closure.reason)),
                    ),
                ],
            ),
            None => t.with(
                "office-page-closure",
                &[(
                    "reason",
                    crate::i18n::text_arg(t.closure_reason(&closure.reason)),
                )],
            ),
        };
        lines.push((day, what));
    }
    lines.sort_by_key(|(day, _)| *day);
    lines
}

fn page<'a>(state: &'a AppState, lang: Lang, found: &PublicOffice<'_>) -> OfficePage<'a> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let office = found.office;
    let address = office.address.get(lang).to_string();
    let query: String = form_urlencoded::byte_serialize(address.as_bytes()).collect();
    OfficePage {
        frame: Frame::new(
            state,
            lang,
            office.name.get(lang).to_string(),
            &format!("offices/{}", office.id),
        )
        .texts_of([found.authority]),
        home_href: format!("/{}/", lang.code()),
        authority_name: found.authority.name.get(lang).to_string(),
        authority_href: format!("/{}/authorities/{}", lang.code(), found.authority.id),
        map_href: format!("https://www.openstreetmap.org/search?query={query}"),
        address,
        phone: office.phone.as_ref().map(|p| {
            let dial: String = p
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect();
            (dial, p.clone())
        }),
        email: office.email.clone(),
        contact: found
            .authority
            .contact
            .as_ref()
            .map(|c| c.get(lang).to_string()),
        windows: office.windows.iter().map(|w| week(t, w)).collect(),
        closed: closed(t, found)
            .into_iter()
            .map(|(day, what)| (t.date(day), what))
            .collect(),
    }
}

pub(crate) async fn show(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
) -> Response {
    let lang = match page_lang(&lang) {
        Ok(lang) => lang,
        Err(e) => return finish(&state, Err(e)),
    };
    match public(&state, &id).await {
        Ok(Some(found)) => html(&page(&state, lang, &found)),
        Ok(None) => finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => ApiError::from(e).into_response(),
    }
}
