//! Scans for an application: uploaded one required document at a time,
//! recognised by their content, streamed to the document store with the
//! authority's size limit, and given back only as downloads to the people of
//! the case.

use super::access::citizen_case;
use super::case_href;
use crate::AppState;
use crate::accounts::CurrentPerson;
use crate::error::ApiError;
use crate::pages::view::Tr;
use crate::pages::{Frame, PageError, finish, html};
use axum::body::Body;
use axum::extract::multipart::MultipartError;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use ghiseu_domain::case::CaseState;
use ghiseu_domain::case::application::{Answers, checklist};
use ghiseu_domain::catalogue::Lang;
use ghiseu_files::{DocumentKey, DocumentStore, PutError, Refusal, display_name};
use ghiseu_storage::StorageError;
use ghiseu_storage::case_documents::{self, DocumentRecord, NewDocument};
use ghiseu_storage::cases::CaseRecord;

/// The requirement ids of the case's checklist, and which of them are needed
/// in every case (those without a "when").
pub(crate) fn requirements(state: &AppState, case: &CaseRecord) -> Vec<(String, bool)> {
    let Some((authority, service)) = state.catalogue.service(&case.service_id) else {
        return Vec::new();
    };
    let answers: Answers = serde_json::from_str(&case.answers).unwrap_or_default();
    let category = super::case_category(state, authority, service, case, &answers);
    checklist(category)
        .iter()
        .map(|d| (d.id.clone(), d.when.is_none()))
        .collect()
}

fn refused(state: &AppState, lang: Lang, case_id: &str, status: StatusCode, key: &str) -> Response {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let page = crate::accounts::MessagePage {
        frame: Frame::new(
            state,
            lang,
            t.m("case-upload-refused"),
            &format!("applications/{case_id}"),
        ),
        body: vec![t.m(key)],
        link: Some((case_href(lang, case_id), t.m("case-back"))),
    };
    (status, html(&page)).into_response()
}

/// `multipart/form-data` with `csrf`, then `requirement`, then `file`: the
/// token is checked before a single byte of the file is stored.
pub(crate) async fn upload(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    current: CurrentPerson,
    mut form: Multipart,
) -> Response {
    let lang = match crate::pages::page_lang(&lang) {
        Ok(l) => l,
        Err(e) => return finish(&state, Err(e)),
    };
    let case = match citizen_case(&state, &current, &id).await {
        Ok(Some((case, _))) => case,
        Ok(None) => return finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => return e.into_response(),
    };
    let Some(store) = state.documents.clone() else {
        return refused(
            &state,
            lang,
            &id,
            StatusCode::SERVICE_UNAVAILABLE,
            "case-upload-unavailable",
        );
    };
    let limit = state
        .catalogue
        .authority(&case.authority_id)
        .map_or(ghiseu_files::DEFAULT_MAX_BYTES, |a| a.max_upload_bytes);
    // Wait for a slot before reading any of the body: a waiting upload then
    // holds nothing but its connection.
    let Ok(_slot) = state.upload_slots.acquire().await else {
        return ApiError::Unavailable("upload slots closed".into()).into_response();
    };
    let mut csrf_ok = false;
    let mut requirement: Option<String> = None;
    loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => return multipart_error(&state, lang, &id, &e),
        };
        match field.name() {
            Some("csrf") => {
                let value = field.text().await.unwrap_or_default();
                csrf_ok = current.csrf_ok(&value);
            }
            Some("requirement") => {
                let value = field.text().await.unwrap_or_default();
                requirement = Some(value.chars().take(64).collect());
            }
            Some("file") => {
                if !csrf_ok {
                    let page =
                        crate::accounts::expired(&state, lang, &format!("applications/{id}"));
                    return (StatusCode::FORBIDDEN, html(&page)).into_response();
                }
                let known = requirements(&state, &case);
                let Some(requirement) = requirement.filter(|r| known.iter().any(|(k, _)| k == r))
                else {
                    return refused(
                        &state,
                        lang,
                        &id,
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "case-upload-requirement",
                    );
                };
                if !CaseState::parse(&case.state).is_some_and(CaseState::is_editable) {
                    return refused(
                        &state,
                        lang,
                        &id,
                        StatusCode::CONFLICT,
                        "case-upload-closed",
                    );
                }
                let name = field
                    .file_name()
                    .and_then(display_name)
                    .unwrap_or_else(|| "document".to_string());
                return store_file(
                    &state,
                    lang,
                    &current,
                    &case,
                    &store,
                    &requirement,
                    &name,
                    field,
                    limit,
                )
                .await;
            }
            _ => {}
        }
    }
    refused(
        &state,
        lang,
        &id,
        StatusCode::UNPROCESSABLE_ENTITY,
        "case-upload-no-file",
    )
}

#[allow(clippy::too_many_arguments)]
async fn store_file(
    state: &AppState,
    lang: Lang,
    current: &CurrentPerson,
    case: &CaseRecord,
    store: &DocumentStore,
    requirement: &str,
    name: &str,
    field: axum::extract::multipart::Field<'_>,
    limit: u64,
) -> Response {
    let key = DocumentKey::generate();
    let stored = match store.put(&key, field, limit).await {
        Ok(stored) => stored,
        Err(PutError::Refused(Refusal::TooLarge { .. })) => {
            return refused(
                state,
                lang,
                &case.id,
                StatusCode::PAYLOAD_TOO_LARGE,
                "case-upload-too-large",
            );
        }
        Err(PutError::Refused(refusal)) => {
            return refused(
                state,
                lang,
                &case.id,
                StatusCode::UNPROCESSABLE_ENTITY,
                &format!("case-upload-{}", refusal.code()),
            );
        }
        Err(PutError::Body(e)) => {
            return match e.downcast_ref::<MultipartError>() {
                Some(e) => multipart_error(state, lang, &case.id, e),
                None => refused(
                    state,
                    lang,
                    &case.id,
                    StatusCode::BAD_REQUEST,
                    "case-upload-broken",
                ),
            };
        }
        Err(PutError::Store(e)) => return ApiError::DocumentStore(e.to_string()).into_response(),
    };
    let saved: Result<bool, ApiError> = async {
        let mut tx = state.db.pool().begin().await.map_err(StorageError::from)?;
        let id = uuid::Uuid::now_v7().to_string();
        let added = case_documents::add(
            &mut tx,
            &NewDocument {
                id: &id,
                case_id: &case.id,
                requirement_id: requirement,
                object_key: stored.key.as_str(),
                file_name: name,
                content_kind: stored.kind.code(),
                size_bytes: i64::try_from(stored.size).unwrap_or(i64::MAX),
                sha256: &stored.sha256_hex,
                uploaded_by: &current.person.id,
                now: state.clock.now().as_microsecond(),
            },
        )
        .await?;
        tx.commit().await.map_err(StorageError::from)?;
        Ok(added)
    }
    .await;
    match saved {
        Ok(true) => Redirect::to(&case_href(lang, &case.id)).into_response(),
        Ok(false) | Err(_) => {
            // Nothing refers to the stored object: remove it so nothing is half-written.
            if let Err(e) = store.delete(&key).await {
                tracing::warn!(error = %e, "an unreferenced scan could not be removed");
            }
            match saved {
                Err(e) => e.into_response(),
                _ => refused(
                    state,
                    lang,
                    &case.id,
                    StatusCode::CONFLICT,
                    "case-upload-closed",
                ),
            }
        }
    }
}

fn multipart_error(state: &AppState, lang: Lang, case_id: &str, e: &MultipartError) -> Response {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        refused(
            state,
            lang,
            case_id,
            StatusCode::PAYLOAD_TOO_LARGE,
            "case-upload-too-large",
        )
    } else {
        refused(
            state,
            lang,
            case_id,
            StatusCode::BAD_REQUEST,
            "case-upload-broken",
        )
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
        Err(e) => return e.into_response(),
    };
    match case_documents::get(&state.db, &case.id, &doc).await {
        Ok(Some(doc)) => serve_document(&state, &doc).await,
        Ok(None) => finish(&state, Err(PageError::NotFound(lang))),
        Err(e) => ApiError::from(e).into_response(),
    }
}
