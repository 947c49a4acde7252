//! The fee calculator: a GET form, answered by the same quote engine as the API.

use super::{Frame, PageError, finish, html, page_lang};
use crate::AppState;
use crate::i18n::{Arg, text_arg};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use ghiseu_domain::catalogue::{Authority, HolderDocument, Lang, Service, ValidityRule};
use ghiseu_domain::quote::{FieldError, Quote, QuoteError, QuoteInput, quote};
use ghiseu_i18n::Tr;

pub(crate) struct Field {
    pub name: &'static str,
    pub label: String,
    pub hint: String,
    pub value: String,
    pub error: Option<String>,
}

pub(crate) struct Choice {
    pub value: String,
    pub label: String,
    pub hint: String,
    pub selected: bool,
}

pub(crate) struct ErrorLink {
    pub href: String,
    pub text: String,
}

pub(crate) struct ResultView {
    pub lines: Vec<(String, String)>,
    pub total: String,
    pub total_minor: i64,
    pub urgency: String,
    pub filed_on: String,
    pub deadline: String,
    pub deadline_iso: String,
    pub valid_until: String,
    pub valid_until_iso: String,
    pub payment_instructions: String,
}

#[derive(Template)]
#[template(path = "calculator.html")]
struct CalculatorPage<'a> {
    frame: Frame<'a>,
    home_href: String,
    service_name: String,
    service_href: String,
    action: String,
    errors: Vec<ErrorLink>,
    dates: Vec<Field>,
    urgencies: Vec<Choice>,
    urgency_error: Option<String>,
    reductions: Vec<Choice>,
    reductions_error: Option<String>,
    issued_on: Field,
    result: Option<ResultView>,
    apply_href: String,
    book_href: Option<String>,
}

/// The date fields this service asks for, in order.
fn date_fields(service: &Service) -> Vec<&'static str> {
    let mut fields = Vec::new();
    if service.needs_birth_date() {
        fields.push("birth_date");
    }
    fields.push("filed_on");
    let document_field = |d: &HolderDocument| match d {
        HolderDocument::Passport => "passport_expires",
        HolderDocument::IdDocument => "id_document_expires",
    };
    match &service.validity {
        ValidityRule::GrantedStay { capped_by } => {
            fields.push("stay_until");
            fields.extend(capped_by.iter().map(document_field));
        }
        ValidityRule::SameAsDocument(d) => fields.push(document_field(d)),
        _ => {}
    }
    fields
}

fn field_error_text(t: Tr<'_>, e: &FieldError) -> String {
    let label = text_arg(t.m(&format!("field-{}", e.field)));
    t.with(&format!("error-{}", e.code), &[("field", label)])
}

fn quote_error_text(t: Tr<'_>, service: &Service, e: &QuoteError) -> String {
    let mut args: Vec<(&str, Arg)> = e
        .args()
        .into_iter()
        .map(|(k, v)| (k, text_arg(v)))
        .collect();
    if let QuoteError::UrgencyNotOffered { offered, .. } = e {
        let names: Vec<String> = offered.iter().map(|u| t.urgency(service, u)).collect();
        args.push(("offered", text_arg(names.join("; "))));
    }
    if let QuoteError::MissingFact { fact } | QuoteError::FactNotAfterIssue { fact, .. } = e {
        args.push(("label", text_arg(t.m(&format!("field-{}", fact.field())))));
    }
    t.with(&format!("quote-error-{}", e.code()), &args)
}

fn result_view(t: Tr<'_>, authority: &Authority, service: &Service, q: &Quote) -> ResultView {
    let currency = authority.currency;
    ResultView {
        lines: q
            .lines
            .iter()
            .map(|l| {
                (
                    l.label.get(t.lang).to_string(),
                    t.money(l.amount_minor, currency),
                )
            })
            .collect(),
        total: t.money(q.total_minor, currency),
        total_minor: q.total_minor,
        urgency: t.urgency(service, &q.urgency),
        filed_on: t.date(q.filed_on),
        deadline: q
            .processing_deadline
            .map_or_else(|| t.m("result-no-deadline"), |d| t.date(d)),
        deadline_iso: q
            .processing_deadline
            .map(|d| d.to_string())
            .unwrap_or_default(),
        valid_until: match q.validity {
            ghiseu_domain::quote::Validity::Until(d) => t.date(d),
            ghiseu_domain::quote::Validity::Lifetime => t.m("result-lifetime"),
            ghiseu_domain::quote::Validity::NotApplicable => t.m("result-no-validity"),
        },
        valid_until_iso: q
            .validity
            .until()
            .map(|d| d.to_string())
            .unwrap_or_default(),
        payment_instructions: authority.payment.instructions.get(t.lang).to_string(),
    }
}

pub(crate) async fn calculator(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, String)>,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let result = page_lang(&lang).and_then(|lang| {
        let (authority, service) = state
            .catalogue
            .service(&id)
            .ok_or(PageError::NotFound(lang))?;
        Ok(html(&build(&state, lang, authority, service, &query)))
    });
    finish(&state, result)
}

fn build<'a>(
    state: &'a AppState,
    lang: Lang,
    authority: &Authority,
    service: &Service,
    query: &[(String, String)],
) -> CalculatorPage<'a> {
    let t = Tr {
        i18n: &state.i18n,
        lang,
    };
    let value = |name: &str| {
        query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
    };
    let chosen_reductions: Vec<String> = query
        .iter()
        .filter(|(k, _)| k == "reduction")
        .map(|(_, v)| v.clone())
        .collect();
    let submitted = !query.is_empty();
    let fields = date_fields(service);

    let mut field_errors: Vec<(String, String)> = Vec::new();
    let mut result = None;
    if submitted {
        let input = QuoteInput {
            service: service.id.clone(),
            birth_date: value("birth_date"),
            filed_on: value("filed_on"),
            urgency: value("urgency"),
            reductions: chosen_reductions.clone(),
            issued_on: value("issued_on"),
            passport_expires: value("passport_expires"),
            stay_until: value("stay_until"),
            id_document_expires: value("id_document_expires"),
        };
        match input.parse() {
            Err(errors) => {
                field_errors = errors
                    .iter()
                    .map(|e| (e.field.to_string(), field_error_text(t, e)))
                    .collect();
            }
            Ok(request) => match quote(&state.catalogue, &request, |a| state.clock.today(a)) {
                Ok(q) => result = Some(result_view(t, authority, service, &q)),
                Err(e) => {
                    field_errors.push((e.field().to_string(), quote_error_text(t, service, &e)))
                }
            },
        }
    }
    let error_for = |name: &str| {
        field_errors
            .iter()
            .find(|(f, _)| f == name)
            .map(|(_, m)| m.clone())
    };
    let field = |name: &'static str| Field {
        name,
        label: t.m(&format!("field-{name}")),
        // The date field shows the browser's own pattern, so the example is a
        // date in words rather than in one pattern.
        hint: t.with(
            &format!("field-{name}-hint"),
            &[("example", text_arg(t.date(jiff::civil::date(2016, 5, 10))))],
        ),
        value: value(name).unwrap_or_default(),
        error: error_for(name),
    };
    let selected_urgency = value("urgency")
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| "standard".into());
    let urgencies = ghiseu_domain::quote::offered_urgencies(service)
        .into_iter()
        .enumerate()
        .map(|(i, id)| Choice {
            selected: id == selected_urgency || (i == 0 && selected_urgency == "standard"),
            label: t.urgency(service, &id),
            hint: String::new(),
            value: id,
        })
        .collect();
    let reductions = service
        .reductions
        .iter()
        .map(|r| Choice {
            value: r.id.clone(),
            label: r.name.get(lang).to_string(),
            hint: r.conditions.get(lang).to_string(),
            selected: chosen_reductions.contains(&r.id),
        })
        .collect();
    let errors = field_errors
        .iter()
        .map(|(f, text)| ErrorLink {
            href: format!(
                "#{}",
                if f == "service" {
                    "calculator"
                } else {
                    f.as_str()
                }
            ),
            text: text.clone(),
        })
        .collect();
    let (apply_href, book_href) = super::catalogue::start_links(lang, service);
    CalculatorPage {
        frame: Frame::new(
            state,
            lang,
            t.with(
                "calculator-title",
                &[("service", text_arg(service.name.get(lang)))],
            ),
            &format!("services/{}/calculator", service.id),
        )
        .texts_of([authority]),
        home_href: format!("/{}/", lang.code()),
        service_name: service.name.get(lang).to_string(),
        service_href: format!("/{}/services/{}", lang.code(), service.id),
        action: format!("/{}/services/{}/calculator", lang.code(), service.id),
        errors,
        dates: fields.into_iter().map(field).collect(),
        urgencies,
        urgency_error: error_for("urgency"),
        reductions,
        reductions_error: error_for("reductions"),
        issued_on: field("issued_on"),
        result,
        apply_href,
        book_href,
    }
}
