//! The catalogue loader (`Catalogue::load`): TOML authority and holiday
//! calendar files, validated into the model. A catalogue that loads is then
//! used as the server uses it: every service quoted, every office window's
//! slots listed and checked.
//!
//! Input: byte 0 even, the rest is an authority file loaded beside the
//! repository's calendars; odd, it is the Romanian calendar, loaded with the
//! repository's criminal record authority (which uses it).
#![no_main]

use ghiseu_domain::appointment::Schedule;
use ghiseu_domain::catalogue::{Catalogue, SourceFile, Sources};
use ghiseu_domain::quote::{QuoteInput, quote};
use ghiseu_fuzz::{calendars, now, sources, today};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [mode, text @ ..] = data else {
        return;
    };
    let text = String::from_utf8_lossy(text).into_owned();
    let sources = if mode % 2 == 0 {
        Sources {
            calendars: calendars(),
            authorities: vec![SourceFile {
                name: "fuzz.toml".into(),
                text,
            }],
        }
    } else {
        let mut calendars = calendars();
        calendars[0] = SourceFile {
            name: "calendars/ro.toml".into(),
            text,
        };
        let authorities = sources()
            .authorities
            .into_iter()
            .filter(|f| f.name == "ro-criminal-record.toml")
            .collect();
        Sources {
            calendars,
            authorities,
        }
    };
    match Catalogue::load(&sources) {
        Ok(catalogue) => use_catalogue(&catalogue),
        Err(errors) => {
            assert!(!errors.is_empty());
            for error in errors {
                let _ = error.to_string();
            }
        }
    }
});

fn use_catalogue(catalogue: &Catalogue) {
    for (authority, service) in catalogue.services() {
        let (found, same) = catalogue.service(&service.id).expect("indexed");
        assert_eq!(found.id, authority.id);
        assert_eq!(same.id, service.id);
        for birth_date in [None, Some("1990-05-17"), Some("2016-02-29")] {
            let input = QuoteInput {
                service: service.id.clone(),
                birth_date: birth_date.map(str::to_owned),
                ..QuoteInput::default()
            };
            let request = input.parse().expect("a well-formed request");
            if let Ok(quote) = quote(catalogue, &request, |_| today()) {
                let sum: i64 = quote.lines.iter().map(|l| l.amount_minor).sum();
                assert_eq!(sum, quote.total_minor);
            }
        }
    }
    for authority in catalogue.authorities() {
        for office in &authority.offices {
            assert_eq!(
                catalogue.office(&office.id).map(|o| &o.id),
                Some(&office.id)
            );
            for window in &office.windows {
                let schedule = Schedule {
                    office,
                    window,
                    calendar: &authority.calendar,
                    policy: &authority.booking,
                    closures: &[],
                };
                let now = now();
                let day = schedule
                    .last_day(now)
                    .min(today().saturating_add(jiff::Span::new().days(3)));
                for slot in schedule.bookable_on(day, window.slot_minutes, now) {
                    assert!(slot.start < slot.end);
                    let checked = schedule.check(slot.start, window.slot_minutes, now);
                    assert_eq!(checked.as_ref(), Ok(&slot), "{slot:?}");
                }
            }
        }
    }
}
