//! The person's profile and notification preferences.

mod form;
mod reminders;

use super::register::{MessagePage, expired_form, try_again_page};
use super::{FormError, audit_event, error_for};
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::pages::PageLang;
use crate::pages::{Frame, html};
use askama::Template;
use axum::Router;
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use form::{Checked, Values, box_name, check};
use ghiseu_domain::account::{NotificationChannel, NotificationKind, NotificationPreferences};
use ghiseu_domain::catalogue::Lang;
use ghiseu_i18n::Tr;
use ghiseu_storage::profiles::{self, ProfileUpdate, StaleVersion};
use ghiseu_storage::{StorageError, audit};

/// Longer than any field accepts; what is shown back of a refused value.
const ECHO_CHARS: usize = 400;

/// The text fields: name, input type, what a browser may fill in, whether a
/// hint explains it.
const PERSONAL_FIELDS: [(&str, &str, &str, bool); 5] = [
    ("given_name", "text", "given-name", false),
    ("family_name", "text", "family-name", false),
    ("birth_date", "date", "bday", true),
    ("citizenship", "citizenship", "off", true),
    ("phone", "tel", "tel", true),
];
const DOMICILE_FIELDS: [(&str, &str, &str, bool); 3] = [
    ("domicile_country", "country", "country", true),
    ("domicile_locality", "text", "address-level2", false),
    ("domicile_address", "text", "street-address", true),
];

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/{lang}/account/profile", get(show).post(save))
}

pub(crate) struct TextField {
    pub name: &'static str,
    pub label: String,
    pub hint: Option<String>,
    pub value: String,
    pub error: Option<String>,
    pub input_type: &'static str,
    pub autocomplete: &'static str,
    /// For a field chosen from a list (a country): the choices.
    pub options: Vec<crate::countries::CountryOption>,
}

pub(crate) struct ChannelBox {
    pub name: String,
    pub label: String,
    pub checked: bool,
    pub locked: bool,
}

pub(crate) struct KindChoices {
    pub code: &'static str,
    pub legend: String,
    pub channels: Vec<ChannelBox>,
}

pub(crate) struct LangChoice {
    pub code: &'static str,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "account/profile.html")]
struct ProfilePage<'a> {
    frame: Frame<'a>,
    errors: Vec<FormError>,
    csrf: String,
    version: i64,
    saved: bool,
    personal: Vec<TextField>,
    domicile: Vec<TextField>,
    /// Divisions by country, for the region select.
    regions: Vec<(String, Vec<(String, String)>)>,
    region: String,
    region_error: Option<String>,
    languages: Vec<LangChoice>,
    lang_error: Option<String>,
    kinds: Vec<KindChoices>,
    reminders: reminders::ReminderSection,
    account_href: String,
}

fn profile_page<'a>(
    state: &'a AppState,
    lang: Lang,
    current: &CurrentPerson,
    values: &Values,
    version: i64,
    errors: Vec<FormError>,
) -> ProfilePage<'a> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let defaults = ghiseu_app::registry::reminder_choice::default_thresholds(state);
    let reminders = reminders::section(
        values,
        &defaults,
        error_for(&errors, reminders::THRESHOLDS),
        t,
    );
    let fields = |table: &[(&'static str, &'static str, &'static str, bool)]| {
        table
            .iter()
            .map(|&(name, input_type, autocomplete, has_hint)| {
                let key = name.replace('_', "-");
                TextField {
                    name,
                    label: t.m(&format!("profile-{key}")),
                    hint: has_hint.then(|| {
                        t.with(
                            &format!("profile-{key}-hint"),
                            &[(
                                "example",
                                crate::i18n::text_arg(t.date(jiff::civil::date(1985, 4, 27))),
                            )],
                        )
                    }),
                    value: values.get(name).chars().take(ECHO_CHARS).collect(),
                    error: error_for(&errors, name),
                    input_type,
                    autocomplete,
                    options: match input_type {
                        "citizenship" => crate::countries::options(t, true),
                        "country" => crate::countries::options(t, false),
                        _ => Vec::new(),
                    },
                }
            })
            .collect::<Vec<_>>()
    };
    let personal = fields(&PERSONAL_FIELDS);
    let domicile = fields(&DOMICILE_FIELDS);
    let languages = crate::i18n::UI_LANGUAGES
        .into_iter()
        .map(|l| LangChoice {
            code: l.code(),
            label: t.m(&format!("lang-name-{}", l.code())),
            selected: values.get("preferred_lang") == l.code(),
        })
        .collect();
    let kinds = NotificationKind::ALL
        .into_iter()
        .map(|kind| KindChoices {
            code: kind.code(),
            legend: t.m(&format!("profile-kind-{}", kind.code())),
            channels: NotificationChannel::ALL
                .into_iter()
                .map(|channel| ChannelBox {
                    name: box_name(kind, channel),
                    label: t.m(&format!("profile-channel-{}", channel.code())),
                    checked: NotificationPreferences::is_locked(kind, channel)
                        || !values.get(&box_name(kind, channel)).is_empty(),
                    locked: NotificationPreferences::is_locked(kind, channel),
                })
                .collect(),
        })
        .collect();
    // Only the chosen country's divisions, once a country with divisions is
    // chosen; every country's, grouped, before that.
    let home = values.get("domicile_country");
    let countries = ghiseu_domain::national_id::Country::ALL;
    let lived_in = countries
        .into_iter()
        .find(|c| c.code().eq_ignore_ascii_case(home.trim()));
    let regions = countries
        .into_iter()
        .filter(|c| lived_in.is_none_or(|home| home == *c))
        .map(|c| {
            (
                crate::countries::name(t, c.code()),
                ghiseu_domain::geo::regions(c)
                    .iter()
                    .map(|r| (r.code.to_string(), r.name.to_string()))
                    .collect(),
            )
        })
        .collect();
    ProfilePage {
        regions,
        region: values.get("domicile_region").chars().take(8).collect(),
        region_error: error_for(&errors, "domicile_region"),
        frame: Frame::new(state, lang, t.m("profile-title"), "account/profile"),
        lang_error: error_for(&errors, "preferred_lang"),
        errors,
        csrf: current.session.csrf_token.clone(),
        version,
        saved: false,
        personal,
        domicile,
        languages,
        kinds,
        reminders,
        account_href: format!("/{}/account", lang.code()),
    }
}

#[derive(serde::Deserialize)]
pub(crate) struct ShowQuery {
    #[serde(default)]
    saved: Option<String>,
}

pub(crate) async fn show(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    Query(query): Query<ShowQuery>,
    current: CurrentPerson,
) -> Response {
    let record = match profiles::load(&state.db, &current.person.id).await {
        Ok(Some(record)) => record,
        Ok(None) => {
            return Redirect::to(&format!("/{}/account/login", lang.code())).into_response();
        }
        Err(e) => return unavailable(&state, lang, &e),
    };
    let settings =
        match ghiseu_app::registry::reminder_choice::settings(&state, &current.person.id).await {
            Ok(settings) => settings,
            Err(e) => {
                tracing::error!(error = %e, "the reminders could not be read");
                return (
                    StatusCode::SERVICE_UNAVAILABLE,
                    html(&try_again_page(&state, lang)),
                )
                    .into_response();
            }
        };
    let mut values = Values::stored(&record);
    reminders::stored(&mut values, &settings);
    let mut page = profile_page(&state, lang, &current, &values, record.version, Vec::new());
    page.saved = query.saved.is_some();
    html(&page)
}

fn unavailable(state: &AppState, lang: Lang, error: &StorageError) -> Response {
    tracing::error!(error = %error, "the profile could not be read or saved");
    (
        StatusCode::SERVICE_UNAVAILABLE,
        html(&try_again_page(state, lang)),
    )
        .into_response()
}

pub(crate) async fn save(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    current: CurrentPerson,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let values = Values(fields.into_iter().collect());
    if !current.csrf_ok(values.get("csrf")) {
        return (
            StatusCode::FORBIDDEN,
            html(&expired_form(&state, lang, "account/profile")),
        )
            .into_response();
    }
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let Ok(version) = values.get("version").parse::<i64>() else {
        return stale(&state, lang);
    };
    let now = state.clock.now();
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    let (checked, choice) = match (check(&values, today, t), reminders::check(&values, t)) {
        (Ok(checked), Ok(choice)) => (checked, choice),
        (checked, choice) => {
            let mut errors = checked.err().unwrap_or_default();
            errors.extend(choice.err());
            let page = profile_page(&state, lang, &current, &values, version, errors);
            return (StatusCode::UNPROCESSABLE_ENTITY, html(&page)).into_response();
        }
    };
    match store(
        &state,
        &current.person.id,
        (&checked, &choice),
        version,
        now,
    )
    .await
    {
        Ok(Ok(())) => {
            Redirect::to(&format!("/{}/account/profile?saved=1", lang.code())).into_response()
        }
        Ok(Err(StaleVersion)) => stale(&state, lang),
        Err(e) => unavailable(&state, lang, &e),
    }
}

/// Saves the profile, the preferences and the audit event together, or nothing.
async fn store(
    state: &AppState,
    person_id: &str,
    (checked, choice): (&Checked, &ghiseu_storage::reminders::ReminderChoice),
    version: i64,
    now: jiff::Timestamp,
) -> Result<Result<(), StaleVersion>, StorageError> {
    let update = ProfileUpdate {
        person_id,
        given_name: checked.given_name.as_str(),
        family_name: checked.family_name.as_str(),
        preferred_lang: checked.preferred_lang.code(),
        birth_date: checked.birth_date.as_deref(),
        citizenship: checked.citizenship.as_deref(),
        phone: checked.phone.as_deref(),
        domicile_country: checked.domicile_country.as_deref(),
        domicile_region: checked.domicile_region.as_deref(),
        domicile_locality: checked.domicile_locality.as_deref(),
        domicile_address: checked.domicile_address.as_deref(),
    };
    let mut tx = state.db.begin_write().await?;
    let new_version = match profiles::save(&mut tx, &update, version, now.as_microsecond()).await? {
        Ok(v) => v,
        Err(stale) => return Ok(Err(stale)),
    };
    profiles::save_preferences(&mut tx, person_id, &checked.preferences).await?;
    ghiseu_storage::reminders::save_choice(&mut tx, person_id, choice, now.as_microsecond())
        .await?;
    let mut event = audit_event(state, "profile.updated", Some(person_id), None);
    event.detail = serde_json::json!({ "version": new_version });
    audit::append(&mut tx, &event).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

fn stale(state: &AppState, lang: Lang) -> Response {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let page = MessagePage {
        frame: Frame::new(state, lang, t.m("profile-stale-title"), "account/profile"),
        body: vec![t.m("profile-stale-body")],
        link: Some((
            format!("/{}/account/profile", lang.code()),
            t.m("profile-stale-link"),
        )),
    };
    (StatusCode::CONFLICT, html(&page)).into_response()
}
