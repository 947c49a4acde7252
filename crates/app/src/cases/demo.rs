//! Demonstration cases for `ghiseu serve --demo`: the demo citizen's and her
//! children's applications in every state a case can rest in, so each page
//! of the citizen's and the operator's side has something to show.

use super::moves::{CaseAt, Mover, Refused, move_case};
use crate::error::AppError;
use crate::state::App;
use ghiseu_domain::case::application::Answers;
use ghiseu_domain::case::{Actor, CaseAction, CaseReference, CaseState};
use ghiseu_domain::quote::{QuoteRequest, price};
use ghiseu_storage::cases::{self, CaseRecord, Filing};

const SERVICE: &str = "ro.passport.electronic";
const OFFICE: &str = "ab-alba-iulia";

/// The moves after creation that bring a case to each resting state.
fn paths() -> Vec<Vec<(CaseAction, Option<&'static str>)>> {
    use CaseAction as A;
    let sent = vec![(A::Submit, None)];
    let reviewing = [sent.clone(), vec![(A::StartReview, None)]].concat();
    let due = [
        reviewing.clone(),
        vec![(A::Accept, None), (A::RequestFee, None)],
    ]
    .concat();
    let paid = [
        due.clone(),
        vec![(
            A::ConfirmPayment,
            Some("Treasury receipt checked at the counter."),
        )],
    ]
    .concat();
    let producing = [paid.clone(), vec![(A::StartProduction, None)]].concat();
    let ready = [producing.clone(), vec![(A::MarkReady, None)]].concat();
    let returned = [
        reviewing.clone(),
        vec![(
            A::Return,
            Some("The photo of the birth certificate is blurred: upload a sharp scan."),
        )],
    ]
    .concat();
    vec![
        Vec::new(),
        sent.clone(),
        reviewing.clone(),
        returned.clone(),
        [returned, vec![(A::Resubmit, None)]].concat(),
        due,
        paid,
        producing,
        ready.clone(),
        [ready, vec![(A::HandOver, None)]].concat(),
        [
            reviewing,
            vec![(
                A::Reject,
                Some("The holder does not meet the conditions for this service."),
            )],
        ]
        .concat(),
        [sent, vec![(A::Withdraw, None)]].concat(),
        vec![(A::ExpireDraft, None)],
    ]
}

/// Whose document a demonstration case is for.
struct DemoHolder {
    person_id: Option<String>,
    ward_id: Option<String>,
    given: String,
    family: String,
    birth: Option<String>,
    category: &'static str,
}

/// Creates the cases once: nothing when the citizen already has some. The
/// citizen's own passport applications rest in every state; the younger
/// child's passport was handed over.
pub async fn seed(state: &App, citizen: &str, operator: &str) -> Result<usize, AppError> {
    if !cases::for_person(&state.db, citizen, &[]).await?.is_empty() {
        return Ok(0);
    }
    let Some((authority, _)) = state.catalogue.service(SERVICE) else {
        return Ok(0);
    };
    let profile = ghiseu_storage::profiles::load(&state.db, citizen).await?;
    let (given, family, birth) = profile.map_or((None, None, None), |p| {
        (p.given_name, p.family_name, p.birth_date)
    });
    let herself = DemoHolder {
        person_id: Some(citizen.into()),
        ward_id: None,
        given: given.unwrap_or_default(),
        family: family.unwrap_or_default(),
        birth,
        category: "adult",
    };
    let mut made = 0;
    let all = paths();
    let handed_over = all
        .iter()
        .find(|p| p.last().is_some_and(|(a, _)| *a == CaseAction::HandOver))
        .cloned();
    for path in all {
        seed_case(state, authority, citizen, operator, &herself, path).await?;
        made += 1;
    }
    let children = ghiseu_storage::households::of_guardian(&state.db, citizen).await?;
    let youngest = children
        .iter()
        .max_by(|a, b| a.birth_date.cmp(&b.birth_date));
    if let (Some(child), Some(path)) = (youngest, handed_over) {
        let holder = DemoHolder {
            person_id: None,
            ward_id: Some(child.ward_id.clone()),
            given: child.given_name.clone(),
            family: child.family_name.clone(),
            birth: Some(child.birth_date.clone()),
            category: "minor-under-14",
        };
        seed_case(state, authority, citizen, operator, &holder, path).await?;
        made += 1;
    }
    Ok(made)
}

/// One case, moved along `path` in one transaction.
async fn seed_case(
    state: &App,
    authority: &ghiseu_domain::catalogue::Authority,
    citizen: &str,
    operator: &str,
    holder: &DemoHolder,
    path: Vec<(CaseAction, Option<&'static str>)>,
) -> Result<(), AppError> {
    let today = state.clock.today(authority);
    let now = state.clock.now().as_microsecond();
    let birth = holder.birth.clone();
    let mut case = CaseRecord {
        id: uuid::Uuid::now_v7().to_string(),
        reference: None,
        authority_id: authority.id.clone(),
        service_id: SERVICE.into(),
        applicant_id: citizen.into(),
        holder_person_id: holder.person_id.clone(),
        holder_ward_id: holder.ward_id.clone(),
        holder_given_name: holder.given.clone(),
        holder_family_name: holder.family.clone(),
        holder_birth_date: birth.clone(),
        holder_region: Some("RO-AB".into()),
        holder_citizenship: Some("RO".into()),
        category_id: Some(holder.category.into()),
        answers: serde_json::to_string(&Answers::default()).unwrap_or_else(|_| "{}".into()),
        office_id: None,
        state: CaseState::Draft.code().into(),
        assignee_id: None,
        filed_on: None,
        deadline: None,
        fee_minor: None,
        currency: authority.currency.code().into(),
        pickup_office_id: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    {
        let mut tx = state.db.begin_write().await?;
        cases::insert_draft(&mut tx, &case).await?;
        let mut current = CaseState::Draft;
        for (action, reason) in path {
            let actor = action.actor();
            let by = Mover {
                actor,
                person_id: (actor != Actor::System || action == CaseAction::ConfirmPayment)
                    .then_some(if actor == Actor::Applicant {
                        citizen
                    } else {
                        operator
                    }),
                role: match actor {
                    Actor::Applicant => "applicant",
                    Actor::Operator => "operator",
                    Actor::System => "system",
                },
            };
            let at = CaseAt {
                id: &case.id,
                state: current,
                version: case.version,
            };
            let moved = move_case(&mut tx, at, action, &by, reason, now)
                .await?
                .map_err(|r| match r {
                    Refused::Transition(r) => AppError::Internal(r.to_string()),
                    Refused::Stale => {
                        AppError::Internal("a demo case changed while it was made".into())
                    }
                })?;
            let (to, version) = (moved.to, moved.version);
            case.version = version;
            if action == CaseAction::Submit {
                let sequence = cases::next_sequence(&mut tx, &authority.id, today.year()).await?;
                let reference = CaseReference::new(
                    &authority.reference_prefix,
                    today.year(),
                    u32::try_from(sequence).unwrap_or(u32::MAX),
                )
                .to_string();
                let priced = price(
                    &state.catalogue,
                    &QuoteRequest {
                        service: SERVICE.into(),
                        birth_date: birth.as_deref().and_then(|b| b.parse().ok()),
                        filed_on: Some(today),
                        ..QuoteRequest::default()
                    },
                    |_| today,
                )?;
                cases::record_filing(
                    &mut tx,
                    &case.id,
                    &Filing {
                        reference: &reference,
                        office_id: OFFICE,
                        filed_on: &today.to_string(),
                        deadline: priced.processing_deadline.map(|d| d.to_string()).as_deref(),
                        fee_minor: priced.total_minor,
                        category_id: Some(holder.category),
                    },
                )
                .await?;
                case.reference = Some(reference);
                case.office_id = Some(OFFICE.into());
                case.fee_minor = Some(priced.total_minor);
            }
            if action == CaseAction::StartReview {
                cases::claim(&mut tx, &case.id, operator, now).await?;
                case.version += 1;
            }
            if action == CaseAction::RequestFee {
                case.state = to.code().into();
                crate::payments::create_order(&mut tx, state, &case, now).await?;
            }
            if action == CaseAction::ConfirmPayment
                && let Some(order) =
                    ghiseu_storage::payments::for_case_in(&mut tx, &case.id).await?
            {
                ghiseu_storage::payments::mark_paid(
                    &mut tx,
                    &order.id,
                    ghiseu_storage::payments::PaidBy::Operator,
                    now,
                )
                .await?;
            }
            if action == CaseAction::MarkReady {
                ghiseu_storage::issued_documents::set_pickup_office(&mut tx, &case.id, OFFICE)
                    .await?;
            }
            if action == CaseAction::HandOver {
                hand_over(&mut tx, state, &case, operator, today, now).await?;
            }
            current = to;
        }
        tx.commit().await?;
    }
    Ok(())
}

/// The issued-document record of the demo case handed over to the citizen
/// herself, as the counter's handover writes it.
async fn hand_over(
    conn: &mut ghiseu_storage::Connection,
    state: &App,
    case: &CaseRecord,
    operator: &str,
    today: jiff::civil::Date,
    now: i64,
) -> Result<(), AppError> {
    use crate::office::handover;
    use crate::registry::issue::{NewDocument, issue};
    use ghiseu_storage::issued_documents::HandoverRecord;
    let Some((authority, _)) = state.catalogue.service(&case.service_id) else {
        return Ok(());
    };
    let holder = format!("{} {}", case.holder_given_name, case.holder_family_name);
    let new = NewDocument {
        case,
        authority,
        today,
        facts: &ghiseu_domain::quote::HolderFacts::default(),
        office_id: OFFICE.into(),
        handover: Some(HandoverRecord {
            received_by_kind: "holder".into(),
            received_by_name: holder.clone(),
            receiver_document: handover::masked("CI AX123456"),
            attorney_number: None,
            attorney_date: None,
            signature_name: holder,
            handed_over_by: operator.into(),
            handed_over_at: now,
        }),
        source: ghiseu_domain::registry::Source::Counter,
        now,
    };
    if issue(state, conn, &new).await?.is_err() {
        return Err(AppError::Internal(
            "a demonstration document's validity needs facts".into(),
        ));
    }
    Ok(())
}
