//! A quote request as people type it (CLI flags, JSON fields, form fields):
//! every value a string, checked field by field so each mistake is named.

use super::{HolderFacts, QuoteRequest};
use jiff::civil::Date;

/// The raw fields of a quote request.
#[derive(Debug, Clone, Default)]
pub struct QuoteInput {
    pub service: String,
    pub birth_date: Option<String>,
    pub filed_on: Option<String>,
    pub urgency: Option<String>,
    pub reductions: Vec<String>,
    pub issued_on: Option<String>,
    pub passport_expires: Option<String>,
    pub stay_until: Option<String>,
    pub id_document_expires: Option<String>,
}

/// One field that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    /// `date-format`, `date-impossible`, `required` or `too-long`.
    pub code: &'static str,
    pub value: String,
    pub message: String,
}

const MAX_FIELD_LEN: usize = 200;

/// Parses a calendar date written `YYYY-MM-DD`, telling apart a wrong
/// format from a date that does not exist (like 30 February).
pub fn parse_date(field: &'static str, value: &str) -> Result<Date, FieldError> {
    let text = value.trim();
    let error = |code: &'static str, message: String| FieldError {
        field,
        code,
        value: value.chars().take(40).collect(),
        message,
    };
    let parts: Vec<&str> = text.split('-').collect();
    let well_formed = parts.len() == 3
        && parts[0].len() == 4
        && parts[1].len() == 2
        && parts[2].len() == 2
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !well_formed {
        return Err(error(
            "date-format",
            format!(
                "{field}: \"{}\" is not a date; write it as YYYY-MM-DD, for example 2026-11-23.",
                shorten(text)
            ),
        ));
    }
    let number = |s: &str| s.parse::<i16>().unwrap_or(0);
    let (year, month, day) = (number(parts[0]), number(parts[1]), number(parts[2]));
    Date::new(
        year,
        i8::try_from(month).unwrap_or(0),
        i8::try_from(day).unwrap_or(0),
    )
    .map_err(|_| {
        error(
            "date-impossible",
            format!("{field}: {text} is not a real calendar date (check the day and month)."),
        )
    })
}

fn shorten(text: &str) -> String {
    if text.chars().count() > 40 {
        text.chars().take(40).chain("…".chars()).collect()
    } else {
        text.to_string()
    }
}

impl QuoteInput {
    /// The typed request, or every field that is wrong.
    pub fn parse(&self) -> Result<QuoteRequest, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut date = |field: &'static str, value: &Option<String>| -> Option<Date> {
            let value = value.as_deref().filter(|v| !v.trim().is_empty())?;
            parse_date(field, value).map_err(|e| errors.push(e)).ok()
        };
        let birth_date = date("birth_date", &self.birth_date);
        let filed_on = date("filed_on", &self.filed_on);
        let issued_on = date("issued_on", &self.issued_on);
        let facts = HolderFacts {
            passport_expires: date("passport_expires", &self.passport_expires),
            stay_until: date("stay_until", &self.stay_until),
            id_document_expires: date("id_document_expires", &self.id_document_expires),
        };
        let service = self.service.trim();
        if service.is_empty() {
            errors.push(FieldError {
                field: "service",
                code: "required",
                value: String::new(),
                message: "service: name the service, for example ro.passport.electronic.".into(),
            });
        }
        let texts = std::iter::once(("service", service))
            .chain(self.urgency.as_deref().map(|u| ("urgency", u)))
            .chain(self.reductions.iter().map(|r| ("reductions", r.as_str())));
        for (field, text) in texts {
            if text.len() > MAX_FIELD_LEN {
                errors.push(FieldError {
                    field,
                    code: "too-long",
                    value: shorten(text),
                    message: format!("{field}: at most {MAX_FIELD_LEN} characters."),
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut reductions: Vec<String> = Vec::new();
        for r in self
            .reductions
            .iter()
            .map(|r| r.trim())
            .filter(|r| !r.is_empty())
        {
            if !reductions.iter().any(|seen| seen == r) {
                reductions.push(r.to_string());
            }
        }
        Ok(QuoteRequest {
            service: service.to_string(),
            birth_date,
            filed_on,
            urgency: self
                .urgency
                .as_deref()
                .map(str::trim)
                .filter(|u| !u.is_empty())
                .map(String::from),
            reductions,
            issued_on,
            facts,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn tells_a_bad_format_from_an_impossible_date() {
        assert_eq!(
            parse_date("birth_date", "2016-02-30").unwrap_err().code,
            "date-impossible"
        );
        assert_eq!(
            parse_date("birth_date", "2015-02-29").unwrap_err().code,
            "date-impossible"
        );
        assert_eq!(
            parse_date("birth_date", "2016-02-29").unwrap(),
            jiff::civil::date(2016, 2, 29)
        );
        for bad in [
            "",
            "23.11.2026",
            "2026-1-5",
            "2026/11/23",
            "tomorrow",
            "２０２６-11-23",
            "2026-11-23T00:00",
        ] {
            assert_eq!(
                parse_date("filed_on", bad).unwrap_err().code,
                "date-format",
                "{bad}"
            );
        }
    }

    #[test]
    fn reports_every_bad_field_at_once() {
        let input = QuoteInput {
            service: "md.igm.ir".into(),
            birth_date: Some("1990-13-01".into()),
            filed_on: Some("soon".into()),
            stay_until: Some("2027-02-30".into()),
            ..QuoteInput::default()
        };
        let fields: Vec<&str> = input.parse().unwrap_err().iter().map(|e| e.field).collect();
        assert_eq!(fields, ["birth_date", "filed_on", "stay_until"]);
    }

    #[test]
    fn blank_optional_fields_are_absent_and_reductions_deduplicated() {
        let input = QuoteInput {
            service: " md.igm.ir ".into(),
            birth_date: Some(" ".into()),
            urgency: Some("".into()),
            reductions: vec!["a".into(), "a".into(), " ".into()],
            ..QuoteInput::default()
        };
        let request = input.parse().unwrap();
        assert_eq!(request.service, "md.igm.ir");
        assert_eq!(request.birth_date, None);
        assert_eq!(request.urgency, None);
        assert_eq!(request.reductions, ["a"]);
    }

    proptest! {
        #[test]
        fn parse_date_never_panics(s in "\\PC{0,30}") {
            let _ = parse_date("x", &s);
        }

        #[test]
        fn every_real_date_round_trips(days in 0i32..80_000) {
            let d = jiff::civil::date(1900, 1, 1).checked_add(jiff::Span::new().days(days)).unwrap();
            prop_assert_eq!(parse_date("x", &d.to_string()).unwrap(), d);
        }
    }
}
