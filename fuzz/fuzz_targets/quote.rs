//! A quote request's JSON body, as `POST /api/v1/quotes` takes it, priced
//! against the repository's catalogue: `QuoteInput::parse` (dates, lengths,
//! reductions) and `quote` (fees by age and urgency, reductions, the
//! processing deadline over the authority's working calendar, validity).
#![no_main]

use ghiseu_domain::quote::{QuoteInput, Validity, quote};
use ghiseu_fuzz::{catalogue, today};
use libfuzzer_sys::fuzz_target;
use serde::Deserialize;

/// The fields of `ghiseu_app::published::QuoteRequestBody`, the API's body,
/// read as it reads them (that crate brings the database and the server,
/// which this package leaves out to build quickly).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteRequestBody {
    service: String,
    birth_date: Option<String>,
    filed_on: Option<String>,
    urgency: Option<String>,
    #[serde(default)]
    reductions: Vec<String>,
    issued_on: Option<String>,
    passport_expires: Option<String>,
    stay_until: Option<String>,
    id_document_expires: Option<String>,
}

fuzz_target!(|data: &[u8]| {
    let Ok(body) = serde_json::from_slice::<QuoteRequestBody>(data) else {
        return;
    };
    let input = QuoteInput {
        service: body.service,
        birth_date: body.birth_date,
        filed_on: body.filed_on,
        urgency: body.urgency,
        reductions: body.reductions,
        issued_on: body.issued_on,
        passport_expires: body.passport_expires,
        stay_until: body.stay_until,
        id_document_expires: body.id_document_expires,
    };
    let request = match input.parse() {
        Ok(request) => request,
        Err(errors) => {
            assert!(!errors.is_empty());
            for error in errors {
                assert!(!error.message.is_empty());
                assert!(error.value.chars().count() <= 41, "{:?}", error.value);
            }
            return;
        }
    };
    let catalogue = catalogue();
    match quote(catalogue, &request, |_| today()) {
        Ok(quote) => {
            let (_, service) = catalogue.service(&quote.service).expect("a quoted service");
            assert_eq!(service.id, request.service);
            let sum = quote
                .lines
                .iter()
                .try_fold(0i64, |sum, line| sum.checked_add(line.amount_minor))
                .expect("the lines add up without overflow");
            assert_eq!(sum, quote.total_minor);
            assert_eq!(quote.filed_on, request.filed_on.unwrap_or(today()));
            assert!(quote.issued_on >= quote.filed_on);
            if let Some(deadline) = quote.processing_deadline {
                assert!(deadline >= quote.filed_on, "{quote:?}");
            }
            if let Validity::Until(until) = quote.validity {
                let _ = until.to_string();
            }
        }
        Err(error) => {
            let _ = error.to_string();
        }
    }
});
