//! One citizen's connection to the server, and the slots it reads.

use std::net::SocketAddr;

use anyhow::{anyhow, bail};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper::header::{COOKIE, HOST, RETRY_AFTER};
use hyper::{Method, Request, StatusCode};

use crate::citizen::{self, Chunks};

use super::*;

pub(super) struct Answer {
    pub(super) status: StatusCode,
    pub(super) retry_after: Option<u64>,
    pub(super) body: Bytes,
}

pub(super) async fn send(
    sender: &mut SendRequest<Chunks>,
    request: Request<Chunks>,
) -> anyhow::Result<Answer> {
    let exchange = async {
        sender.ready().await?;
        let response = sender.send_request(request).await?;
        let status = response.status();
        let (parts, body) = response.into_parts();
        let retry_after = parts
            .headers
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse().ok());
        let body = http_body_util::BodyExt::collect(body).await?.to_bytes();
        anyhow::Ok(Answer {
            status,
            retry_after,
            body,
        })
    };
    tokio::time::timeout(REQUEST_TIMEOUT, exchange)
        .await
        .map_err(|_| anyhow!("no answer within {REQUEST_TIMEOUT:?}"))?
}

/// One client: its server, connection, address and session.
pub(super) struct Client {
    pub(super) addr: SocketAddr,
    pub(super) sender: Option<SendRequest<Chunks>>,
    pub(super) address: String,
    pub(super) cookie: String,
}

impl Client {
    pub(super) fn request(&self, method: Method, path: &str) -> hyper::http::request::Builder {
        Request::builder()
            .method(method)
            .uri(path)
            .header(HOST, self.addr.to_string())
            .header("x-forwarded-for", &self.address)
            .header(COOKIE, &self.cookie)
    }

    /// Confirming the held appointment `id` (a JSON call with no body).
    pub(super) fn confirm_request(&self, id: &str) -> anyhow::Result<Request<Chunks>> {
        Ok(self
            .request(Method::POST, &format!("/api/v1/appointments/{id}/confirm"))
            .header(hyper::header::CONTENT_TYPE, "application/json")
            .body(Chunks::empty())?)
    }

    pub(super) async fn exchange(&mut self, request: Request<Chunks>) -> anyhow::Result<Answer> {
        let sender = match self.sender.as_mut() {
            Some(live) if !live.is_closed() => live,
            _ => self.sender.insert(citizen::connect(self.addr).await?),
        };
        let answer = send(sender, request).await;
        if answer.is_err() {
            self.sender = None;
        }
        answer
    }

    /// The person's own bookings (signed in).
    pub(super) async fn own_bookings(&mut self) -> anyhow::Result<Answer> {
        let request = self
            .request(Method::GET, "/api/v1/appointments")
            .body(Chunks::empty())?;
        self.exchange(request).await
    }

    /// The free slots of `days` days from `date` on.
    pub(super) async fn free_from(&mut self, date: &str, days: u8) -> anyhow::Result<Answer> {
        let path = format!(
            "/api/v1/appointments/slots?service={SERVICE}&office={OFFICE}&date={date}&days={days}&only_free=true"
        );
        let request = self.request(Method::GET, &path).body(Chunks::empty())?;
        self.exchange(request).await
    }

    /// The free starts of `date`, as the search lists them.
    pub(super) async fn free_on(&mut self, date: &str) -> anyhow::Result<Answer> {
        let path =
            format!("/api/v1/appointments/slots?service={SERVICE}&office={OFFICE}&date={date}");
        let request = self.request(Method::GET, &path).body(Chunks::empty())?;
        self.exchange(request).await
    }
}

/// The free slots of an answer listing several days.
pub(super) fn free_slots(body: &[u8]) -> anyhow::Result<Vec<Slot>> {
    let list: serde_json::Value = serde_json::from_slice(body)?;
    let slots = list["slots"]
        .as_array()
        .ok_or_else(|| anyhow!("no slots in the search answer"))?;
    Ok(with_room(slots))
}

/// The slots of a list (a search's `slots`, a refusal's `nearby`) that still
/// take someone.
pub(super) fn with_room(slots: &[serde_json::Value]) -> Vec<Slot> {
    slots
        .iter()
        .filter(|s| s["free"].as_i64().unwrap_or(0) > 0)
        .filter_map(|s| {
            Some(Slot {
                date: s["local_date"].as_str()?.to_owned(),
                start: s["start"].as_str()?.to_owned(),
            })
        })
        .collect()
}

pub(super) fn free_starts(body: &[u8]) -> anyhow::Result<Vec<String>> {
    let list: serde_json::Value = serde_json::from_slice(body)?;
    let slots = list["slots"]
        .as_array()
        .ok_or_else(|| anyhow!("no slots in the search answer"))?;
    Ok(slots
        .iter()
        .filter(|s| s["free"].as_i64().unwrap_or(0) > 0)
        .filter_map(|s| s["start"].as_str().map(str::to_owned))
        .collect())
}

pub(super) fn has_code(body: &[u8], code: &str) -> bool {
    String::from_utf8_lossy(body).contains(code)
}

/// A small generator for the clients' choices (not for secrets).
pub(super) struct Choice(pub(super) u64);

impl Choice {
    pub(super) fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % below.max(1) as u64).unwrap_or(0)
    }
}

/// The newest released days with open information-window slots, newest first, until `wanted`
/// starts are collected; the starts (oldest day's first slots are left out when over).
pub(super) async fn collect_slots(addr: SocketAddr, wanted: usize) -> anyhow::Result<Vec<Slot>> {
    let zone = jiff::tz::TimeZone::get(ZONE)?;
    let now = jiff::Timestamp::now().to_zoned(zone);
    let today = now.date();
    // Before 08:00 the day 30 days ahead is not released yet.
    let newest = if now.hour() >= 8 {
        today.checked_add(jiff::Span::new().days(RELEASE_DAYS_AHEAD))?
    } else {
        today.checked_add(jiff::Span::new().days(RELEASE_DAYS_AHEAD - 1))?
    };
    let mut client = Client {
        addr,
        sender: None,
        address: "10.250.0.1".to_owned(),
        cookie: String::new(),
    };
    let mut days: Vec<Vec<Slot>> = Vec::new();
    let mut count = 0;
    let mut day = newest;
    while count < wanted && day > today {
        let date = day.to_string();
        let answer = client.free_on(&date).await?;
        if answer.status == StatusCode::OK {
            let starts = free_starts(&answer.body)?;
            count += starts.len();
            days.push(
                starts
                    .into_iter()
                    .map(|start| Slot {
                        date: date.clone(),
                        start,
                    })
                    .collect(),
            );
        } else if answer.status == StatusCode::TOO_MANY_REQUESTS {
            bail!("the slot search refused the collection: {}", answer.status);
        }
        day = day.checked_sub(jiff::Span::new().days(1))?;
    }
    if count < wanted {
        bail!("only {count} free slots released, {wanted} wanted");
    }
    // The oldest collected day may hold more than needed: keep its latest slots, so the set
    // is the `wanted` newest released places.
    let mut slots: Vec<Slot> = Vec::with_capacity(wanted);
    for day in days {
        let room = wanted - slots.len();
        let skip = day.len().saturating_sub(room);
        slots.extend(day.into_iter().skip(skip));
    }
    Ok(slots)
}
