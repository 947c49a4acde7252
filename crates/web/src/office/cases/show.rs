//! One case as staff see it: who and what, the answers, the timeline, and
//! the moves open to this person now. Every opening is in the audit log.

use super::super::Staff;
use super::staff_case;
use crate::AppState;
use crate::done::Confirmed;
use crate::error::ApiError;
use crate::pages::{Frame, PageError, finish, html};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use ghiseu_domain::account::Role;
use ghiseu_domain::case::application::Answers;
use ghiseu_domain::case::{Actor, CaseAction, CaseNote, CaseState, allowed_actions};
use ghiseu_domain::catalogue::{Authority, Lang, Service};
use ghiseu_i18n::Tr;
use ghiseu_storage::cases::{self, CaseRecord};
use ghiseu_storage::{audit, staff as staff_store};
use jiff::civil::Date;

pub(crate) struct ScanLine {
    pub id: String,
    pub requirement: String,
    pub href: String,
    pub file_name: String,
    pub status: String,
    pub reason: Option<String>,
    pub true_copy: bool,
}

pub(crate) struct Line {
    pub label: String,
    pub value: String,
}

#[derive(Template)]
#[template(path = "office/case.html")]
pub(crate) struct StaffCasePage<'a> {
    pub frame: Frame<'a>,
    pub id: String,
    pub reference: String,
    pub summary: Vec<Line>,
    pub answers: Vec<Line>,
    pub scans: Vec<ScanLine>,
    pub reviewing: bool,
    pub fee_due: bool,
    pub ready: bool,
    pub receivers: Vec<(String, String)>,
    /// The dates the validity rule needs at handover: (field, label, hint).
    pub handover_facts: Vec<(String, String)>,
    pub pickup_offices: Vec<(String, String)>,
    pub issued: Option<String>,
    pub timeline: Vec<Line>,
    pub csrf: String,
    pub version: i64,
    pub can_claim: bool,
    pub mine: bool,
    pub actions: Vec<(String, String)>,
    pub rejection_reasons: Vec<(String, String)>,
    pub operators: Vec<(String, String)>,
    pub is_supervisor: bool,
    pub problem: Option<String>,
    /// Giving the applicant an appointment, for services the office schedules.
    pub appointment: Option<super::appointment::AssignView>,
    /// For a referred certificate: what the register holds on its holder.
    pub register_entries: Option<Vec<String>>,
}

pub(crate) async fn render<'a>(
    state: &'a AppState,
    lang: Lang,
    staff: &Staff,
    case: &CaseRecord,
    problem: Option<String>,
) -> Result<StaffCasePage<'a>, ApiError> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let found = state.catalogue.service(&case.service_id);
    let summary = summary(t, lang, case, found);
    let (answers, inviting) = answers_with_invitation(state, t, case, found).await?;
    let timeline = timeline(state, t, case).await?;
    let scans = scans(state, t, lang, case, found).await?;
    let current = ghiseu_app::cases::moves::state_of(case)?;
    let mine = case.assignee_id.as_deref() == Some(staff.current.person.id.as_str());
    let actions = if mine {
        actions(t, current, inviting)
    } else {
        Vec::new()
    };
    let is_supervisor = matches!(staff.role, Role::Supervisor | Role::Administrator);
    let operators = if is_supervisor {
        operators(state, case).await?
    } else {
        Vec::new()
    };
    let appointment = super::appointment::view(state, t, staff, case, None).await?;
    let register_entries = ghiseu_app::issuance::entries_for_referred(state, case)
        .await?
        .map(|entries| entries.into_iter().map(|e| e.0).collect());
    let mut event = staff.audit_event(state, "case.viewed", case.holder_person_id.as_deref());
    event.on_behalf_of = case.holder_ward_id.clone();
    event.detail = serde_json::json!({ "case": case.id });
    audit::record(&state.db, &event).await?;
    Ok(StaffCasePage {
        frame: Frame::new(
            state,
            lang,
            case.reference.clone().unwrap_or_default(),
            &format!("office/cases/{}", case.id),
        ),
        id: case.id.clone(),
        reference: case.reference.clone().unwrap_or_default(),
        summary,
        answers,
        scans,
        reviewing: mine && current == CaseState::InReview,
        fee_due: current == CaseState::FeeDue,
        ready: current == CaseState::ReadyForPickup,
        receivers: super::handover::RECEIVERS
            .iter()
            .map(|r| (r.to_string(), t.m(&format!("office-handover-kind-{r}"))))
            .collect(),
        handover_facts: state
            .catalogue
            .service(&case.service_id)
            .map(|(_, s)| ghiseu_domain::quote::facts_needed(&s.validity))
            .unwrap_or_default()
            .into_iter()
            .map(|f| {
                (
                    f.field().to_string(),
                    t.m(&format!("office-handover-fact-{}", f.field())),
                )
            })
            .collect(),
        pickup_offices: choices(state, lang, case).1,
        issued: issued(state, t, case).await?,
        timeline,
        csrf: staff.current.session.csrf_token.clone(),
        version: case.version,
        can_claim: staff.role == Role::Operator
            && (case.assignee_id.is_none() || (mine && current.awaits_review())),
        mine,
        actions,
        rejection_reasons: choices(state, lang, case).0,
        operators,
        is_supervisor,
        problem,
        appointment,
        register_entries,
    })
}

/// The answers, with what an invitation request states; whether it is one.
async fn answers_with_invitation(
    state: &AppState,
    t: Tr<'_>,
    case: &CaseRecord,
    found: Found<'_>,
) -> Result<(Vec<Line>, bool), ApiError> {
    let mut lines = answers(t, t.lang, case, found);
    let invitation = crate::cases::invitation::summary(state, t, case).await?;
    let inviting = invitation.is_some();
    lines.extend(
        invitation
            .into_iter()
            .flat_map(|i| i.lines)
            .map(|(label, value)| Line { label, value }),
    );
    Ok((lines, inviting))
}

/// The moves open to the operator, in an invitation's words where it is one.
fn actions(t: Tr<'_>, current: CaseState, inviting: bool) -> Vec<(String, String)> {
    allowed_actions(current, Actor::Operator)
        .into_iter()
        .filter(|a| *a != CaseAction::StartReview)
        .map(|a| {
            let key = match (inviting, a) {
                (true, CaseAction::IssueAfterReview) => "office-do-approve-invitation".to_string(),
                (true, CaseAction::Reject) => "office-do-refuse-invitation".to_string(),
                _ => format!("office-do-{a}"),
            };
            (a.code().to_string(), t.m(&key))
        })
        .collect()
}

#[derive(serde::Deserialize, Default)]
pub(crate) struct ShowQuery {
    /// The day whose free slots the appointment form lists.
    #[serde(default)]
    day: String,
}

pub(crate) async fn show(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    Query(query): Query<ShowQuery>,
    staff: Staff,
    Confirmed(done): Confirmed,
) -> Response {
    let lang = match crate::pages::page_lang(&lang) {
        Ok(l) => l,
        Err(e) => return finish(&state, Err(e)),
    };
    let case = match staff_case(&state, &staff, &id).await {
        Ok(Some(c)) => c,
        Ok(None) => return finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => return e.into_response(),
    };
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let mut problem = None;
    let day = if query.day.is_empty() {
        None
    } else if let Ok(day) = query.day.parse::<Date>() {
        Some(day)
    } else {
        problem = Some(t.m("appt-error-date"));
        None
    };
    let rendered = async {
        let mut page = render(&state, lang, &staff, &case, problem).await?;
        page.frame = page.frame.confirming(done);
        if day.is_some() {
            page.appointment = super::appointment::view(&state, t, &staff, &case, day).await?;
        }
        Ok::<_, ApiError>(page)
    };
    match rendered.await {
        Ok(p) => html(&p),
        Err(e) => e.into_response(),
    }
}

type Found<'c> = Option<(&'c Authority, &'c Service)>;

/// The case at a glance: service, holder, state, dates and fee.
fn summary(t: Tr<'_>, lang: Lang, case: &CaseRecord, found: Found<'_>) -> Vec<Line> {
    let date = |d: &Option<String>| {
        d.as_deref()
            .and_then(|d| d.parse::<Date>().ok())
            .map(|d| t.date(d))
            .unwrap_or_default()
    };
    let mut summary = vec![
        Line {
            label: t.m("case-service"),
            value: found.map_or_else(
                || case.service_id.clone(),
                |(_, s)| s.name.get(lang).to_string(),
            ),
        },
        Line {
            label: t.m("case-holder"),
            value: format!("{} {}", case.holder_given_name, case.holder_family_name),
        },
        Line {
            label: t.m("household-field-birth_date"),
            value: date(&case.holder_birth_date),
        },
        Line {
            label: t.m("office-case-citizenship"),
            value: case.holder_citizenship.as_deref().map_or_else(
                || t.m("office-case-citizenship-unstated"),
                |c| crate::countries::name(t, c),
            ),
        },
        Line {
            label: t.m("case-state"),
            value: t.m(&format!("case-state-{}", case.state)),
        },
        Line {
            label: t.m("office-case-filed"),
            value: date(&case.filed_on),
        },
        Line {
            label: t.m("case-deadline"),
            value: date(&case.deadline),
        },
    ];
    if let (Some(minor), Some((authority, _))) = (case.fee_minor, found) {
        summary.push(Line {
            label: t.m("case-fee"),
            value: t.money(minor, authority.currency),
        });
    }
    summary
}

/// The applicant's answers, named as the service names them.
fn answers(t: Tr<'_>, lang: Lang, case: &CaseRecord, found: Found<'_>) -> Vec<Line> {
    let parsed: Answers = serde_json::from_str(&case.answers).unwrap_or_default();
    let mut answers = Vec::new();
    let Some((_, service)) = found else {
        return answers;
    };
    if let Some(category) = service
        .categories
        .iter()
        .find(|c| Some(&c.id) == case.category_id.as_ref())
    {
        answers.push(Line {
            label: t.m("case-category"),
            value: category.name.get(lang).to_string(),
        });
    }
    let urgency = parsed.urgency.as_deref().unwrap_or("standard");
    answers.push(Line {
        label: t.m("case-urgency"),
        value: t.urgency(service, urgency),
    });
    if let Some(r) = parsed
        .reduction
        .as_ref()
        .and_then(|r| service.reductions.iter().find(|x| &x.id == r))
    {
        answers.push(Line {
            label: t.m("case-reduction"),
            value: r.name.get(lang).to_string(),
        });
    }
    for q in &service.questions {
        if let Some(option) = parsed
            .questions
            .get(&q.id)
            .and_then(|o| q.options.iter().find(|x| &x.id == o))
        {
            answers.push(Line {
                label: q.label.get(lang).to_string(),
                value: option.label.get(lang).to_string(),
            });
        }
    }
    answers
}

/// The case's history, oldest first.
async fn timeline(state: &AppState, t: Tr<'_>, case: &CaseRecord) -> Result<Vec<Line>, ApiError> {
    // In the zone of the office handling the case, else its authority's.
    let zone = case
        .office_id
        .as_deref()
        .and_then(|o| state.catalogue.office(o))
        .map(|o| o.time_zone.clone())
        .or_else(|| {
            state
                .catalogue
                .authority(&case.authority_id)
                .map(|a| a.time_zone.clone())
        })
        .unwrap_or(jiff::tz::TimeZone::UTC);
    Ok(cases::events(&state.db, &case.id)
        .await?
        .into_iter()
        .map(|e| Line {
            label: crate::cases::view::local_moment(t, e.at, &zone),
            value: match e.reason {
                Some(r) if e.action != CaseNote::BiometricsCaptured.code() => {
                    format!("{}: {r}", t.m(&format!("case-event-{}", e.action)))
                }
                r => crate::cases::view::event_text(state, t, &e.action, r.as_deref()),
            },
        })
        .collect())
}

/// The case's current scans, with the document each is for.
async fn scans(
    state: &AppState,
    t: Tr<'_>,
    lang: Lang,
    case: &CaseRecord,
    found: Found<'_>,
) -> Result<Vec<ScanLine>, ApiError> {
    let names: Vec<(String, String)> = found
        .map(|(_, service)| {
            service
                .categories
                .iter()
                .flat_map(|c| c.documents.iter())
                .map(|d| (d.id.clone(), d.name.get(lang).to_string()))
                .collect()
        })
        .unwrap_or_default();
    Ok(ghiseu_storage::case_documents::current(&state.db, &case.id)
        .await?
        .into_iter()
        .map(|s| ScanLine {
            href: format!(
                "/{}/office/cases/{}/documents/{}",
                lang.code(),
                case.id,
                s.id
            ),
            requirement: names
                .iter()
                .find(|(id, _)| id == &s.requirement_id)
                .map_or_else(|| s.requirement_id.clone(), |(_, n)| n.clone()),
            file_name: s.file_name,
            status: t.m(&format!("case-scan-{}", s.review)),
            reason: s.review_reason,
            true_copy: s.true_copy,
            id: s.id,
        })
        .collect())
}

/// The operators of the case's office, a supervisor's choice for it.
async fn operators(state: &AppState, case: &CaseRecord) -> Result<Vec<(String, String)>, ApiError> {
    let mut operators = Vec::new();
    for m in staff_store::members(&state.db, Some(&case.authority_id)).await? {
        if m.role == Role::Operator.code()
            && case
                .office_id
                .as_ref()
                .is_some_and(|o| m.office_ids.contains(o))
        {
            operators.push((m.person_id, m.email));
        }
    }
    Ok(operators)
}

/// A choice in a form: its value and its label.
type Choice = (String, String);

/// The authority's rejection reasons and offices, as (id, name) choices.
fn choices(state: &AppState, lang: Lang, case: &CaseRecord) -> (Vec<Choice>, Vec<Choice>) {
    let Some((authority, service)) = state.catalogue.service(&case.service_id) else {
        return Default::default();
    };
    let reasons = service
        .rejection_reasons(authority)
        .iter()
        .map(|r| (r.id.clone(), r.name.get(lang).to_string()))
        .collect();
    let offices = authority
        .offices
        .iter()
        .map(|o| (o.id.clone(), o.name.get(lang).to_string()))
        .collect();
    (reasons, offices)
}

/// What the handover issued, once the document was handed over.
async fn issued(
    state: &AppState,
    t: Tr<'_>,
    case: &CaseRecord,
) -> Result<Option<String>, ApiError> {
    Ok(
        ghiseu_storage::issued_documents::for_case(&state.db, &case.id)
            .await?
            .map(|d| {
                t.with(
                    "office-handover-done",
                    &[
                        ("number", crate::i18n::text_arg(d.number)),
                        (
                            "expires",
                            crate::i18n::text_arg(d.expires_on.unwrap_or_default()),
                        ),
                    ],
                )
            }),
    )
}
