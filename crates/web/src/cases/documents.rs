//! Scans for an application: uploaded one required document at a time,
//! recognised by their content, streamed to the document store with the
//! authority's size limit, and given back only as downloads to the people of
//! the case. An upload is bounded by its progress (see [`super::pace`]) rather
//! than the page timeout, and by how many scans a case holds and a person
//! sends in an hour; the stored file of a scan it replaces is removed.

use super::access::citizen_case;
use super::case_href;
use super::pace::{Paced, TooSlow};
use super::problems::CaseProblem;
use super::requirements;
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::deadline::PageDeadline;
use crate::error::ApiError;
use crate::i18n::number_arg;
use crate::pages::{PageError, finish, html};
use axum::Extension;
use axum::body::Body;
use axum::extract::multipart::{Field, MultipartError};
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_domain::catalogue::Lang;
use ghiseu_files::{DocumentKey, DocumentStore, PutError, Refusal, StoredFile, display_name};
use ghiseu_i18n::Tr;
use ghiseu_storage::StorageError;
use ghiseu_storage::case_documents::{self, Added, Caps, DocumentRecord, NewDocument, Over};
use ghiseu_storage::cases::CaseRecord;

/// Why a file was not taken, carried to `upload`, which says it on the
/// case page next to the document it was for.
#[derive(Clone)]
struct UploadRefused {
    text: String,
    requirement: Option<String>,
}

fn refused(state: &AppState, lang: Lang, status: StatusCode, key: &str) -> Response {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    refused_saying(status, t.m(key), None)
}

fn refused_saying(status: StatusCode, text: String, requirement: Option<&str>) -> Response {
    let refused = UploadRefused {
        text,
        requirement: requirement.map(str::to_string),
    };
    (status, Extension(refused)).into_response()
}

/// The case page again with the refusal of an upload on it, next to the
/// document's file field; nothing was stored.
async fn on_case_page(
    state: &AppState,
    lang: Lang,
    current: &CurrentPerson,
    case_id: &str,
    response: Response,
) -> Response {
    let Some(refused) = response.extensions().get::<UploadRefused>().cloned() else {
        return response;
    };
    let case = match citizen_case(state, current, case_id).await {
        Ok(Some((case, _))) => case,
        Ok(None) => return finish(state, Err(PageError::NotFound(lang))),
        Err(e) => return ApiError::from(e).into_response(),
    };
    let known = match ghiseu_app::cases::requirements(state, &case).await {
        Ok(known) => known,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let problem = match &refused.requirement {
        Some(requirement) if known.iter().any(|(k, _)| k == requirement) => {
            CaseProblem::document(refused.text, requirement)
        }
        _ => CaseProblem::plain(refused.text),
    };
    match super::view::render(state, lang, current, &case, vec![problem]).await {
        Ok(page) => {
            let mut page = (response.status(), html(&page)).into_response();
            if let Some(retry) = response.headers().get(header::RETRY_AFTER) {
                page.headers_mut()
                    .insert(header::RETRY_AFTER, retry.clone());
            }
            page
        }
        Err(e) => e.into_response(),
    }
}

/// `multipart/form-data` with `csrf`, then `requirement`, then `file`: the
/// token is checked before a single byte of the file is stored.
pub(crate) async fn upload(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    current: CurrentPerson,
    deadline: Option<Extension<PageDeadline>>,
    request: Request,
) -> Response {
    let lang = match crate::pages::page_lang(&lang) {
        Ok(l) => l,
        Err(e) => return finish(&state, Err(e)),
    };
    let response = receive(&state, lang, &id, &current, deadline, request).await;
    on_case_page(&state, lang, &current, &id, response).await
}

async fn receive(
    state: &AppState,
    lang: Lang,
    id: &str,
    current: &CurrentPerson,
    deadline: Option<Extension<PageDeadline>>,
    request: Request,
) -> Response {
    let (state, current) = (state.clone(), current.clone());
    let case = match citizen_case(&state, &current, id).await {
        Ok(Some((case, _))) => case,
        Ok(None) => return finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => return ApiError::from(e).into_response(),
    };
    let Some(store) = state.documents.clone() else {
        return refused(
            &state,
            lang,
            StatusCode::SERVICE_UNAVAILABLE,
            "case-upload-unavailable",
        );
    };
    // From here the upload bounds itself: its wait for a slot by the page
    // timeout, its body by its progress (see `super::pace`).
    if let Some(Extension(deadline)) = deadline {
        deadline.lift();
    }
    let Some(_in_flight) = state
        .uploads_in_flight
        .start(&current.person.id, state.uploads.per_person_at_once)
    else {
        return refused(
            &state,
            lang,
            StatusCode::TOO_MANY_REQUESTS,
            "case-upload-one-at-a-time",
        );
    };
    // Wait for a slot before reading any of the body: a waiting upload then
    // holds nothing but its connection.
    let slot = tokio::time::timeout(state.page_timeout, state.upload_slots.acquire()).await;
    let _slot = match slot {
        Ok(Ok(slot)) => slot,
        Ok(Err(_)) => return ApiError::Internal("upload slots closed".into()).into_response(),
        Err(_) => {
            return refused(
                &state,
                lang,
                StatusCode::SERVICE_UNAVAILABLE,
                "case-upload-busy",
            );
        }
    };
    let (parts, body) = request.into_parts();
    let paced = Body::from_stream(Paced::new(body.into_data_stream(), state.uploads));
    let upload = Upload {
        state: &state,
        lang,
        current: &current,
        case: &case,
        store: &store,
        requirement: std::sync::OnceLock::new(),
    };
    match Multipart::from_request(Request::from_parts(parts, paced), &state).await {
        Ok(form) => upload.receive(form).await,
        Err(_) => upload.refused(StatusCode::BAD_REQUEST, "case-upload-broken"),
    }
}

/// One upload under way: who sends it, for which case, to which store.
struct Upload<'a> {
    state: &'a AppState,
    lang: Lang,
    current: &'a CurrentPerson,
    case: &'a CaseRecord,
    store: &'a DocumentStore,
    /// The checklist document the file is for, once the form names it.
    requirement: std::sync::OnceLock<String>,
}

impl Upload<'_> {
    fn refused(&self, status: StatusCode, key: &str) -> Response {
        let t = Tr {
            i18n: &self.state.i18n,
            lang: self.lang,
        };
        refused_saying(status, t.m(key), self.requirement.get().map(String::as_str))
    }

    /// Reads the form's fields in order, and stores the file once the token
    /// and the requirement it is for are known good.
    async fn receive(&self, mut form: Multipart) -> Response {
        let mut csrf_ok = false;
        let mut requirement: Option<String> = None;
        loop {
            let field = match form.next_field().await {
                Ok(Some(field)) => field,
                Ok(None) => break,
                Err(e) => return self.body_failed(&e),
            };
            match field.name() {
                Some("csrf") => {
                    let value = field.text().await.unwrap_or_default();
                    csrf_ok = self.current.csrf_ok(&value);
                }
                Some("requirement") => {
                    let value = field.text().await.unwrap_or_default();
                    let value: String = value.chars().take(64).collect();
                    let _ = self.requirement.set(value.clone());
                    requirement = Some(value);
                }
                Some("file") => {
                    if !csrf_ok {
                        let back = format!("applications/{}", self.case.id);
                        let page = crate::accounts::expired(self.state, self.lang, &back);
                        return (StatusCode::FORBIDDEN, html(&page)).into_response();
                    }
                    return self.file(requirement.as_deref(), field).await;
                }
                _ => {}
            }
        }
        self.refused(StatusCode::UNPROCESSABLE_ENTITY, "case-upload-no-file")
    }

    /// The file field: refused before a byte is stored when it cannot be
    /// taken, else stored and recorded.
    async fn file(&self, requirement: Option<&str>, field: Field<'_>) -> Response {
        let known = match requirements(self.state, self.case).await {
            Ok(known) => known,
            Err(e) => return ApiError::from(e).into_response(),
        };
        let Some(requirement) = requirement.filter(|r| known.iter().any(|(k, _)| k == r)) else {
            return self.refused(StatusCode::UNPROCESSABLE_ENTITY, "case-upload-requirement");
        };
        match ghiseu_app::cases::moves::state_of(self.case) {
            Ok(state) if state.is_editable() => {}
            Ok(_) => return self.refused(StatusCode::CONFLICT, "case-upload-closed"),
            Err(e) => return ApiError::from(e).into_response(),
        }
        let caps = self.caps();
        let over = async {
            let mut conn = self.state.db.connection().await?;
            let person = &self.current.person.id;
            case_documents::over_caps(&mut conn, &self.case.id, requirement, person, &caps).await
        }
        .await;
        match over {
            Ok(None) => {}
            Ok(Some(over)) => return self.over(over),
            Err(e) => return ApiError::from(e).into_response(),
        }
        let name = field
            .file_name()
            .and_then(display_name)
            .unwrap_or_else(|| "document".to_string());
        let limit = self
            .state
            .catalogue
            .authority(&self.case.authority_id)
            .map_or(ghiseu_files::DEFAULT_MAX_BYTES, |a| a.max_upload_bytes);
        let key = DocumentKey::generate();
        match self.store.put(&key, field, limit).await {
            Ok(stored) => self.record(requirement, &name, &stored).await,
            Err(e) => self.not_stored(e),
        }
    }

    fn caps(&self) -> Caps {
        let hour_ago = self.state.clock.now().as_microsecond() - 3_600_000_000;
        Caps {
            per_case: i64::from(self.state.uploads.per_case),
            per_person: i64::from(self.state.uploads.per_person_hour),
            since: hour_ago,
        }
    }

    /// Why a file was not stored, for the person who sent it.
    fn not_stored(&self, error: PutError) -> Response {
        match error {
            PutError::Refused(Refusal::TooLarge { .. }) => {
                self.refused(StatusCode::PAYLOAD_TOO_LARGE, "case-upload-too-large")
            }
            PutError::Refused(refusal) => self.refused(
                StatusCode::UNPROCESSABLE_ENTITY,
                &format!("case-upload-{}", refusal.code()),
            ),
            PutError::Body(e) => self.body_failed(e.as_ref()),
            PutError::Store(e) => {
                tracing::warn!(error = %e, "the document store failed to take a scan");
                self.refused(StatusCode::SERVICE_UNAVAILABLE, "case-upload-store-failed")
            }
        }
    }

    /// The form's body could not be read: too slow, too large, or broken.
    fn body_failed(&self, error: &(dyn std::error::Error + 'static)) -> Response {
        if TooSlow::among(error).is_some() {
            return self.refused(StatusCode::REQUEST_TIMEOUT, "case-upload-too-slow");
        }
        match error.downcast_ref::<MultipartError>() {
            Some(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                self.refused(StatusCode::PAYLOAD_TOO_LARGE, "case-upload-too-large")
            }
            _ => self.refused(StatusCode::BAD_REQUEST, "case-upload-broken"),
        }
    }

    /// Records a stored file. The file of a scan it replaces is removed once
    /// that is saved; a stored file not recorded is removed at once, or by
    /// the store's sweep when it is not known whether it was.
    async fn record(&self, requirement: &str, name: &str, stored: &StoredFile) -> Response {
        let caps = self.caps();
        let saved: Result<Added, StorageError> = async {
            let mut tx = self.state.db.begin_write().await?;
            let id = uuid::Uuid::now_v7().to_string();
            let doc = NewDocument {
                id: &id,
                case_id: &self.case.id,
                requirement_id: requirement,
                object_key: stored.key.as_str(),
                file_name: name,
                content_kind: stored.kind.code(),
                size_bytes: i64::try_from(stored.size).unwrap_or(i64::MAX),
                sha256: &stored.sha256_hex,
                uploaded_by: &self.current.person.id,
                now: self.state.clock.now().as_microsecond(),
            };
            let added = case_documents::add(&mut tx, &doc, &caps).await?;
            if matches!(added, Added::Recorded { .. }) {
                tx.commit().await?;
            }
            Ok(added)
        }
        .await;
        let added = match saved {
            Ok(Added::Recorded { superseded }) => {
                remove_superseded(self.state, self.store, &superseded).await;
                let to =
                    crate::done::Done::DocumentAttached.after(&case_href(self.lang, &self.case.id));
                return Redirect::to(&to).into_response();
            }
            Ok(added) => added,
            Err(e) => return ApiError::from(e).into_response(),
        };
        // Nothing refers to the stored file: remove it so nothing is half-written.
        if let Err(e) = self.store.delete(&stored.key).await {
            tracing::warn!(error = %e, "an unrecorded scan could not be removed");
        }
        match added {
            Added::Over(over) => self.over(over),
            _ => self.refused(StatusCode::CONFLICT, "case-upload-closed"),
        }
    }

    /// A cap the scan would go over, and what to do about it.
    fn over(&self, over: Over) -> Response {
        let t = Tr {
            i18n: &self.state.i18n,
            lang: self.lang,
        };
        let (status, text) = match over {
            Over::Case => (
                StatusCode::CONFLICT,
                t.with(
                    "case-upload-case-full",
                    &[("count", number_arg(i64::from(self.state.uploads.per_case)))],
                ),
            ),
            Over::Person => (
                StatusCode::TOO_MANY_REQUESTS,
                t.with(
                    "case-upload-person-busy",
                    &[(
                        "count",
                        number_arg(i64::from(self.state.uploads.per_person_hour)),
                    )],
                ),
            ),
        };
        let mut response = refused_saying(status, text, self.requirement.get().map(String::as_str));
        if over == Over::Person {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("3600"));
        }
        response
    }
}

/// Removes the stored files of replaced scans. One that cannot be removed
/// now is left to the store's sweep.
async fn remove_superseded(state: &AppState, store: &DocumentStore, keys: &[String]) {
    for key in keys {
        let removed = match DocumentKey::parse(key) {
            Ok(key) => store.delete(&key).await.map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match removed {
            Ok(()) => state.metrics.store_removed("superseded", 1),
            Err(error) => {
                tracing::warn!(%key, %error, "a replaced scan is left to the store's sweep");
            }
        }
    }
}

/// A scan as a download, never shown inline from the portal's origin.
pub(crate) async fn serve_document(state: &AppState, doc: &DocumentRecord) -> Response {
    let Some(store) = &state.documents else {
        return ApiError::DocumentStore("no document store is configured".into()).into_response();
    };
    let key = match DocumentKey::parse(&doc.object_key) {
        Ok(key) => key,
        Err(e) => return ApiError::Internal(e.to_string()).into_response(),
    };
    let download = match store.get(&key).await {
        Ok(d) => d,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let media = match doc.content_kind.as_str() {
        "pdf" => "application/pdf",
        "jpeg" => "image/jpeg",
        "png" => "image/png",
        _ => "application/octet-stream",
    };
    let ascii: String = doc
        .file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = doc
        .file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    let mut response = Body::from_stream(download.body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(media));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("sandbox; default-src 'none'"),
    );
    if let Ok(v) = HeaderValue::from_str(&download.size.to_string()) {
        headers.insert(header::CONTENT_LENGTH, v);
    }
    response
}

pub(crate) async fn download(
    State(state): State<AppState>,
    Path((lang, id, doc)): Path<(String, String, String)>,
    current: CurrentPerson,
) -> Response {
    let lang = match crate::pages::page_lang(&lang) {
        Ok(l) => l,
        Err(e) => return finish(&state, Err(e)),
    };
    let case = match citizen_case(&state, &current, &id).await {
        Ok(Some((case, _))) => case,
        Ok(None) => return finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => return ApiError::from(e).into_response(),
    };
    match case_documents::get(&state.db, &case.id, &doc).await {
        Ok(Some(doc)) => serve_document(&state, &doc).await,
        Ok(None) => finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => ApiError::from(e).into_response(),
    }
}
