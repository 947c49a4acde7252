//! The counter an operator works at, remembered between calls: a cookie per
//! browser naming the office, the window and the counter's number, so the
//! number chosen once stays chosen on every page of the day that follows.

use axum::http::header::HeaderMap;
use axum::response::Response;
use axum_extra::extract::cookie::CookieJar;
use ghiseu_domain::catalogue::{Office, Window};

const COOKIE: &str = "ghiseu_counter";

/// One window of an office, and the counter this browser last called to there.
#[derive(Clone, Copy)]
pub(crate) struct Desk<'a> {
    pub office: &'a Office,
    pub window: &'a Window,
    pub counter: Option<u16>,
}

impl<'a> Desk<'a> {
    /// The desk at `window` of `office`, with the counter `headers` remember
    /// for that window when it still exists.
    pub fn at(office: &'a Office, window: &'a Window, headers: &HeaderMap) -> Self {
        let counter = CookieJar::from_headers(headers)
            .get(COOKIE)
            .and_then(|c| parse(c.value(), office, window));
        Desk {
            office,
            window,
            counter,
        }
    }

    /// Remembers `counter` for this window on `response`.
    pub fn remember(&self, counter: u16, secure: bool, response: &mut Response) {
        let value = format!("{}/{}/{counter}", self.office.id, self.window.kind.as_str());
        let kept = time::Duration::hours(16);
        crate::language::set_cookie(response, (COOKIE, value, kept), secure);
    }
}

/// The counter in `value` when it names this office's window and a counter it has.
fn parse(value: &str, office: &Office, window: &Window) -> Option<u16> {
    let mut parts = value.split('/');
    let (at, kind, counter) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || at != office.id || kind != window.kind.as_str() {
        return None;
    }
    counter
        .parse::<u16>()
        .ok()
        .filter(|n| (1..=window.counters).contains(n))
}
