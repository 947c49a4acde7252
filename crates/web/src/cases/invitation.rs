//! The invitation request's own form: who invites, the invited foreigner,
//! their travel document and their stay. Each mistake is shown next to its
//! field; what the form sends names no person, so nothing in it can point
//! the request at someone else.

use super::case_href;
use crate::AppState;
use crate::accounts::{CurrentPerson, FormError, error_for};
use crate::error::ApiError;
use crate::pages::{Frame, PageError, PageLang, finish, html};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_app::invitations::{self, SaveRefusal};
use ghiseu_domain::catalogue::{InvitationRules, Lang};
use ghiseu_domain::invitation::{FieldProblem, InvitationForm};
use ghiseu_i18n::Tr;
use ghiseu_storage::cases::CaseRecord;
use serde::Deserialize;

/// A typed field of the form.
pub(crate) struct FieldView {
    pub name: &'static str,
    pub label: String,
    pub hint: Option<String>,
    /// `text`, `date`, `textarea` or `citizenship` (chosen from a list).
    pub kind: &'static str,
    pub value: String,
    pub error: Option<String>,
    pub max: usize,
    pub options: Vec<crate::countries::CountryOption>,
}

pub(crate) struct Option_ {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "cases/invitation.html")]
struct InvitationPage<'a> {
    frame: Frame<'a>,
    back: String,
    errors: Vec<FormError>,
    inviters: Vec<Option_>,
    inviter_error: Option<String>,
    purposes: Vec<Option_>,
    purpose_error: Option<String>,
    invitee: Vec<FieldView>,
    stay: Vec<FieldView>,
    version: i64,
    csrf: String,
}

#[derive(Deserialize, Default)]
pub(crate) struct Fields {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    version: i64,
    #[serde(default)]
    inviter: String,
    #[serde(default)]
    given_name: String,
    #[serde(default)]
    family_name: String,
    #[serde(default)]
    birth_date: String,
    #[serde(default)]
    citizenship: String,
    #[serde(default)]
    passport_number: String,
    #[serde(default)]
    passport_expires_on: String,
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    stay_from: String,
    #[serde(default)]
    stay_until: String,
    #[serde(default)]
    stay_address: String,
}

impl Fields {
    fn form(&self) -> InvitationForm {
        InvitationForm {
            inviter: self.inviter.clone(),
            given_name: self.given_name.clone(),
            family_name: self.family_name.clone(),
            birth_date: self.birth_date.clone(),
            citizenship: self.citizenship.clone(),
            passport_number: self.passport_number.clone(),
            passport_expires_on: self.passport_expires_on.clone(),
            purpose: self.purpose.clone(),
            stay_from: self.stay_from.clone(),
            stay_until: self.stay_until.clone(),
            stay_address: self.stay_address.clone(),
        }
    }
}

/// The message of one field's problem.
pub(crate) fn problem_text(t: Tr<'_>, rules: &InvitationRules, problem: &FieldProblem) -> String {
    t.with(
        &format!("invitation-error-{}", problem.code),
        &[
            (
                "field",
                crate::i18n::Arg::from(t.m(&format!("invitation-field-{}", problem.field))),
            ),
            (
                "days",
                crate::i18n::Arg::from(i64::from(rules.max_stay_days)),
            ),
            (
                "margin",
                crate::i18n::Arg::from(i64::from(rules.passport_valid_after_stay_days)),
            ),
        ],
    )
}

struct Shown<'a> {
    case: &'a CaseRecord,
    rules: &'a InvitationRules,
    form: InvitationForm,
    errors: Vec<FormError>,
    version: i64,
}

fn field(
    t: Tr<'_>,
    shown: &Shown<'_>,
    name: &'static str,
    kind: &'static str,
    max: usize,
) -> FieldView {
    let f = &shown.form;
    let value = match name {
        "given_name" => &f.given_name,
        "family_name" => &f.family_name,
        "birth_date" => &f.birth_date,
        "citizenship" => &f.citizenship,
        "passport_number" => &f.passport_number,
        "passport_expires_on" => &f.passport_expires_on,
        "stay_from" => &f.stay_from,
        "stay_until" => &f.stay_until,
        _ => &f.stay_address,
    };
    let hint_key = format!("invitation-hint-{name}");
    FieldView {
        name,
        label: t.m(&format!("invitation-field-{name}")),
        hint: t.i18n.has(t.lang, &hint_key).then(|| {
            t.with(
                &hint_key,
                &[
                    (
                        "days",
                        crate::i18n::Arg::from(i64::from(shown.rules.max_stay_days)),
                    ),
                    (
                        "margin",
                        crate::i18n::Arg::from(i64::from(
                            shown.rules.passport_valid_after_stay_days,
                        )),
                    ),
                ],
            )
        }),
        kind,
        value: value.clone(),
        error: error_for(&shown.errors, name),
        max,
        options: if kind == "citizenship" {
            crate::countries::options(t, true)
        } else {
            Vec::new()
        },
    }
}

fn page<'a>(
    state: &'a AppState,
    lang: Lang,
    current: &CurrentPerson,
    shown: Shown<'_>,
) -> InvitationPage<'a> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let inviters = shown
        .rules
        .inviters
        .iter()
        .map(|i| Option_ {
            value: i.id.clone(),
            label: i.name.get(lang).to_string(),
            selected: shown.form.inviter == i.id,
        })
        .collect();
    let purposes = shown
        .rules
        .purposes
        .iter()
        .map(|p| Option_ {
            value: p.id.clone(),
            label: p.name.get(lang).to_string(),
            selected: shown.form.purpose == p.id,
        })
        .collect();
    let invitee = vec![
        field(t, &shown, "given_name", "text", 100),
        field(t, &shown, "family_name", "text", 100),
        field(t, &shown, "birth_date", "date", 10),
        field(t, &shown, "citizenship", "citizenship", 2),
        field(t, &shown, "passport_number", "text", 12),
        field(t, &shown, "passport_expires_on", "date", 10),
    ];
    let stay = vec![
        field(t, &shown, "stay_from", "date", 10),
        field(t, &shown, "stay_until", "date", 10),
        field(t, &shown, "stay_address", "textarea", 300),
    ];
    InvitationPage {
        frame: Frame::new(
            state,
            lang,
            t.m("invitation-form-title"),
            &format!("applications/{}/invitation", shown.case.id),
        ),
        back: case_href(lang, &shown.case.id),
        inviter_error: error_for(&shown.errors, "inviter"),
        purpose_error: error_for(&shown.errors, "purpose"),
        errors: shown.errors,
        inviters,
        purposes,
        invitee,
        stay,
        version: shown.version,
        csrf: current.session.csrf_token.clone(),
    }
}

/// The request's case, if the person opened it.
async fn request(
    state: &AppState,
    current: &CurrentPerson,
    id: &str,
) -> Result<Option<CaseRecord>, ApiError> {
    Ok(invitations::request_of(state, current, id).await?)
}

pub(crate) async fn form(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    Path((_, id)): Path<(String, String)>,
    current: CurrentPerson,
) -> Response {
    let case = match request(&state, &current, &id).await {
        Ok(Some(case)) => case,
        Ok(None) => return finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => return e.into_response(),
    };
    let Some((_, rules)) = invitations::rules_of(&state, &case) else {
        return finish(&state, Err(PageError::NotFound(lang)));
    };
    // A request sent can no longer be changed: its page shows what it states.
    if !ghiseu_app::cases::moves::state_of(&case).is_ok_and(|s| s.is_editable()) {
        return Redirect::to(&format!("{}#invitation", case_href(lang, &case.id))).into_response();
    }
    let stored = match invitations::of_case(&state, &case).await {
        Ok(stored) => stored,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let shown = Shown {
        case: &case,
        rules,
        form: stored.map(|i| i.to_form()).unwrap_or_default(),
        errors: Vec::new(),
        version: case.version,
    };
    html(&page(&state, lang, &current, shown))
}

/// One message per field: the first problem found in it.
fn field_errors(t: Tr<'_>, rules: &InvitationRules, problems: &[FieldProblem]) -> Vec<FormError> {
    let mut errors: Vec<FormError> = Vec::new();
    for problem in problems {
        if !errors.iter().any(|e| e.field == problem.field) {
            errors.push(FormError {
                field: problem.field,
                text: problem_text(t, rules, problem),
            });
        }
    }
    errors
}

pub(crate) async fn save(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    Path((_, id)): Path<(String, String)>,
    current: CurrentPerson,
    Form(fields): Form<Fields>,
) -> Response {
    if !current.csrf_ok(&fields.csrf) {
        let page = crate::accounts::expired(&state, lang, &format!("applications/{id}/invitation"));
        return (StatusCode::FORBIDDEN, html(&page)).into_response();
    }
    let form = fields.form();
    let refusal = match invitations::save(&state, &current, &id, fields.version, &form).await {
        Ok(Ok(_)) => {
            return Redirect::to(&format!("{}#invitation", case_href(lang, &id))).into_response();
        }
        Ok(Err(SaveRefusal::NotFound)) => return finish(&state, Err(PageError::NotFound(lang))),
        Ok(Err(refusal)) => refusal,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let case = match request(&state, &current, &id).await {
        Ok(Some(case)) => case,
        Ok(None) => return finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => return e.into_response(),
    };
    let Some((_, rules)) = invitations::rules_of(&state, &case) else {
        return finish(&state, Err(PageError::NotFound(lang)));
    };
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let (status, errors, version) = match refusal {
        SaveRefusal::Problems(problems) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            field_errors(t, rules, &problems),
            fields.version,
        ),
        SaveRefusal::Stale => (
            StatusCode::CONFLICT,
            vec![FormError::new(t, "inviter", "case-refused-stale")],
            case.version,
        ),
        SaveRefusal::Closed | SaveRefusal::NotFound => (
            StatusCode::CONFLICT,
            vec![FormError::new(t, "inviter", "invitation-error-closed")],
            case.version,
        ),
    };
    let shown = Shown {
        case: &case,
        rules,
        form,
        errors,
        version,
    };
    (status, html(&page(&state, lang, &current, shown))).into_response()
}

/// The case's checklist with the copies the inviter's kind attaches:
/// (id, name, when).
pub(crate) async fn with_inviter_copies(
    state: &AppState,
    lang: Lang,
    case: &CaseRecord,
    mut documents: Vec<(String, String, Option<String>)>,
) -> Result<Vec<(String, String, Option<String>)>, ApiError> {
    documents.extend(
        invitations::inviter_documents(state, case)
            .await?
            .into_iter()
            .map(|d| {
                (
                    d.id,
                    d.name.get(lang).to_string(),
                    d.when.map(|w| w.get(lang).to_string()),
                )
            }),
    );
    Ok(documents)
}

/// The request's details as lines of the case page, with the way to change them.
pub(crate) struct Summary {
    pub lines: Vec<(String, String)>,
    pub href: String,
    pub filled: bool,
    /// The approved invitation is in force: its inviter may withdraw it.
    pub withdrawable: bool,
}

/// The invitation section of a request's case page; `None` for other services.
pub(crate) async fn summary(
    state: &AppState,
    t: Tr<'_>,
    case: &CaseRecord,
) -> Result<Option<Summary>, ApiError> {
    let Some((_, rules)) = invitations::rules_of(state, case) else {
        return Ok(None);
    };
    let lang = t.lang;
    let href = format!("/{}/applications/{}/invitation", lang.code(), case.id);
    let Some(i) = invitations::of_case(state, case).await? else {
        return Ok(Some(Summary {
            lines: Vec::new(),
            href,
            filled: false,
            withdrawable: false,
        }));
    };
    let line = |field: &str, value: String| (t.m(&format!("invitation-field-{field}")), value);
    let named = |list: &[ghiseu_domain::catalogue::Reason], id: &str| {
        list.iter()
            .find(|r| r.id == id)
            .map_or_else(|| id.to_string(), |r| r.name.get(lang).to_string())
    };
    let inviter = rules
        .inviter(&i.inviter)
        .map_or_else(|| i.inviter.clone(), |k| k.name.get(lang).to_string());
    Ok(Some(Summary {
        lines: vec![
            line("inviter", inviter),
            line("invitee", format!("{} {}", i.given_name, i.family_name)),
            line("birth_date", t.date(i.birth_date)),
            line("citizenship", crate::countries::name(t, &i.citizenship)),
            line("passport_number", i.passport_number.to_string()),
            line("passport_expires_on", t.date(i.passport_expires_on)),
            line("purpose", named(&rules.purposes, &i.purpose)),
            line(
                "stay",
                format!("{} – {}", t.date(i.stay_from), t.date(i.stay_until)),
            ),
            line("stay_address", i.stay_address.clone()),
        ],
        href,
        filled: true,
        withdrawable: invitations::approved_in_force(state, case).await?,
    }))
}

#[derive(Deserialize, Default)]
pub(crate) struct WithdrawForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    confirm: String,
}

/// The inviter withdraws the approved invitation, having confirmed it.
pub(crate) async fn withdraw(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    Path((_, id)): Path<(String, String)>,
    current: CurrentPerson,
    Form(form): Form<WithdrawForm>,
) -> Response {
    if !current.csrf_ok(&form.csrf) {
        let page = crate::accounts::expired(&state, lang, &format!("applications/{id}"));
        return (StatusCode::FORBIDDEN, html(&page)).into_response();
    }
    let done = invitations::withdraw(&state, &current, &id, form.confirm == "on").await;
    let (status, key) = match done {
        Ok(Ok(_)) => {
            return Redirect::to(&format!("{}#invitation", case_href(lang, &id))).into_response();
        }
        Ok(Err(invitations::WithdrawRefusal::NotFound)) => {
            return finish(&state, Err(PageError::NotFound(lang)));
        }
        Ok(Err(invitations::WithdrawRefusal::NotConfirmed)) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "invitation-withdraw-confirm-needed",
        ),
        Err(ghiseu_app::AppError::Refused(ghiseu_app::refusal::Refusal::Document(_))) => {
            (StatusCode::CONFLICT, "invitation-withdraw-not-in-force")
        }
        Err(e) => return ApiError::from(e).into_response(),
    };
    let case = match request(&state, &current, &id).await {
        Ok(Some(case)) => case,
        Ok(None) => return finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => return e.into_response(),
    };
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let problems = vec![super::problems::CaseProblem::plain(t.m(key))];
    match super::view::render(&state, lang, &current, &case, problems).await {
        Ok(page) => (status, html(&page)).into_response(),
        Err(e) => e.into_response(),
    }
}
