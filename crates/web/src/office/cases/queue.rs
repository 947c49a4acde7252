//! The queue: cases at this person's offices, oldest filing first, with the
//! deadline and the time left, in working days for a working-day term and
//! in calendar days for any other.

use super::super::Staff;
use super::staff_case_href;
use crate::AppState;
use crate::error::ApiError;
use crate::pages::{Frame, PageLang, html};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use ghiseu_domain::calendar::TimeLeft;
use ghiseu_domain::case::CaseState;
use ghiseu_domain::case::application::Answers;
use ghiseu_i18n::Tr;
use ghiseu_storage::cases::{self, QueueFilter};
use jiff::civil::Date;
use serde::Deserialize;

#[derive(Deserialize, Default)]
pub(crate) struct QueueQuery {
    #[serde(default)]
    state: String,
    #[serde(default)]
    service: String,
}

pub(crate) struct QueueRow {
    pub href: String,
    pub reference: String,
    pub service: String,
    pub holder: String,
    pub state: String,
    pub filed_on: String,
    pub deadline: String,
    pub days_left: String,
    pub overdue: bool,
    pub assignee: String,
}

#[derive(Template)]
#[template(path = "office/cases.html")]
struct QueuePage<'a> {
    frame: Frame<'a>,
    rows: Vec<QueueRow>,
    states: Vec<(String, String, bool)>,
    services: Vec<(String, String, bool)>,
}

/// What the queue shows by default: everything someone at the counter must act on.
const WORK: [CaseState; 7] = [
    CaseState::Submitted,
    CaseState::Resubmitted,
    CaseState::InReview,
    // Electronic requests an officer decides: certificates with entries, invitations.
    CaseState::Referred,
    CaseState::Paid,
    CaseState::InProduction,
    CaseState::ReadyForPickup,
];

pub(crate) async fn list(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    staff: Staff,
    Query(query): Query<QueueQuery>,
) -> Response {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let chosen_state = CaseState::parse(&query.state);
    let states: Vec<&str> = match chosen_state {
        Some(s) => vec![s.code()],
        None => WORK.iter().map(|s| s.code()).collect(),
    };
    let offices = staff.office_ids(&state.catalogue);
    let service = state
        .catalogue
        .service(&query.service)
        .map(|(_, s)| s.id.as_str());
    let found = cases::queue(
        &state.db,
        &QueueFilter {
            office_ids: &offices,
            states: &states,
            service_id: service,
            limit: 200,
        },
    )
    .await;
    let found = match found {
        Ok(f) => f,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let mut rows = Vec::new();
    let me = staff.current.person.id.as_str();
    // A case of their own is a colleague's work: it is not listed to them.
    let others = found
        .into_iter()
        .filter(|c| c.applicant_id != me && c.holder_person_id.as_deref() != Some(me));
    for case in others {
        let authority = state.catalogue.authority(&case.authority_id);
        let today = authority.map(|a| state.clock.today(a));
        let deadline = case
            .deadline
            .as_deref()
            .and_then(|d| d.parse::<Date>().ok());
        let service = state.catalogue.service(&case.service_id);
        let working = service.is_some_and(|(_, s)| {
            let answers: Answers = serde_json::from_str(&case.answers).unwrap_or_default();
            s.counts_working_days(answers.urgency.as_deref())
        });
        let left = match (authority, today, deadline) {
            (Some(a), Some(today), Some(deadline)) => {
                Some(a.calendar.time_left(working, today, deadline))
            }
            _ => None,
        };
        let assignee = match &case.assignee_id {
            Some(id) if id == &staff.current.person.id => t.m("office-case-mine"),
            Some(id) => match ghiseu_storage::accounts::person_by_id(&state.db, id).await {
                Ok(p) => p.map(|p| p.email).unwrap_or_default(),
                Err(e) => return ApiError::from(e).into_response(),
            },
            None => t.m("office-case-unclaimed"),
        };
        rows.push(QueueRow {
            href: staff_case_href(lang, &case.id),
            reference: case.reference.clone().unwrap_or_default(),
            service: service.map_or_else(
                || case.service_id.clone(),
                |(_, s)| s.name.get(lang).to_string(),
            ),
            holder: format!("{} {}", case.holder_given_name, case.holder_family_name),
            state: t.m(&format!("case-state-{}", case.state)),
            filed_on: case
                .filed_on
                .as_deref()
                .and_then(|d| d.parse::<Date>().ok())
                .map(|d| t.date(d))
                .unwrap_or_default(),
            deadline: deadline.map(|d| t.date(d)).unwrap_or_default(),
            days_left: left.map(|l| time_left(t, l)).unwrap_or_default(),
            overdue: left.is_some_and(|l| l.days < 0),
            assignee,
        });
    }
    let states = CaseState::ALL
        .into_iter()
        .filter(|s| *s != CaseState::Draft)
        .map(|s| {
            (
                s.code().to_string(),
                t.m(&format!("case-state-{s}")),
                Some(s) == chosen_state,
            )
        })
        .collect();
    let mut services: Vec<(String, String, bool)> = Vec::new();
    for office in staff.offices(&state.catalogue) {
        if let Some(authority) = state.catalogue.authority(&office.authority_id) {
            for s in &authority.services {
                if !services.iter().any(|(id, _, _)| id == &s.id) {
                    services.push((
                        s.id.clone(),
                        s.name.get(lang).to_string(),
                        Some(s.id.as_str()) == service,
                    ));
                }
            }
        }
    }
    html(&QueuePage {
        frame: Frame::new(&state, lang, t.m("office-cases-title"), "office/cases"),
        rows,
        states,
        services,
    })
}

/// "3 working days", "10 calendar days", or "Overdue by 2 working days".
fn time_left(t: Tr<'_>, left: TimeLeft) -> String {
    let key = if left.working {
        "processing-working-days"
    } else {
        "processing-calendar-days"
    };
    let days = t.with(
        key,
        &[("n", crate::i18n::number_arg(left.days.saturating_abs()))],
    );
    if left.days < 0 {
        t.with(
            "office-case-overdue",
            &[("late", crate::i18n::text_arg(days))],
        )
    } else {
        days
    }
}
