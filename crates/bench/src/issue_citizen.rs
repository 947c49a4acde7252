//! What one citizen does before and after the measured issue, through the pages and the JSON
//! API of a `ghiseu serve --demo`: confirm their identity by card at the demonstration bank
//! (binding a CNP at level card), start criminal record certificate requests and answer their
//! question, then read back the state, the signed PDF and the QR text of what was issued.

use anyhow::{Context as _, anyhow, bail};
use ghiseu_domain::national_id::{Country, NationalId};
use hyper::body::Bytes;
use hyper::header::LOCATION;
use hyper::{Request, StatusCode};

use crate::citizen::{Answer, Chunks, Citizen, hidden, problems};

/// The service issued electronically at once when the register holds nothing on the holder.
pub const SERVICE: &str = "ro.criminal-record.certificate";
/// The answer to the certificate's one question.
pub const PURPOSE: &str = "employment";
const CARD_CHECK: &str = "/en/account/card-check";
const BANK_CHECK: &str = "/demo/card-provider/check";
/// A card number the demonstration bank confirms.
const CARD_NUMBER: &str = "4111 1111 1111 1111";

/// A valid CNP for citizen `index`, born on the profile's birth date (1985-04-27, a woman born
/// in the 1900s), with a county and serial from the index: distinct for the first 46,000.
pub fn cnp(index: u64) -> anyhow::Result<String> {
    let county = 1 + (index / 999) % 46;
    let serial = 1 + index % 999;
    let first = format!("2850427{county:02}{serial:03}");
    (0..10)
        .map(|check| format!("{first}{check}"))
        .find(|text| NationalId::parse(Country::Ro, text).is_ok())
        .ok_or_else(|| anyhow!("no check digit makes {first}? a CNP"))
}

/// The text of an attribute value as the page escaped it.
fn unescape(value: &str) -> String {
    [
        ("&#x2f;", "/"),
        ("&#47;", "/"),
        ("&#x27;", "'"),
        ("&#39;", "'"),
        ("&quot;", "\""),
        ("&#34;", "\""),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&amp;", "&"),
    ]
    .iter()
    .fold(value.to_owned(), |text, (escaped, plain)| {
        text.replace(escaped, plain)
    })
}

/// The path (and query) a 303 answer leads to, without the portal's scheme and host.
fn redirect_path(answer: &Answer, what: &str) -> anyhow::Result<String> {
    if answer.status != StatusCode::SEE_OTHER {
        bail!(
            "{what} answered {} (expected 303): {}",
            answer.status,
            problems(&answer.text())
        );
    }
    let location = answer
        .headers
        .get(LOCATION)
        .and_then(|l| l.to_str().ok())
        .ok_or_else(|| anyhow!("{what} answered 303 without a location"))?;
    Ok(match location.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |at| &rest[at..]).to_owned(),
        None => location.to_owned(),
    })
}

/// Confirms the citizen's identity with the demonstration bank's card check, which binds `cnp`
/// to the account at level card.
pub async fn confirm_by_card(citizen: &mut Citizen, cnp: &str) -> anyhow::Result<()> {
    let page = citizen.get(CARD_CHECK).await?;
    let csrf = hidden(&page.text(), "csrf").ok_or_else(|| {
        anyhow!(
            "the card check page answered {} without a form",
            page.status
        )
    })?;
    let started = citizen
        .post_form(CARD_CHECK, &[("csrf", csrf.as_str())])
        .await?;
    let bank = redirect_path(&started, "starting the card check")?;
    let page = citizen.get(&bank).await?.text();
    let field = |name: &str| {
        hidden(&page, name)
            .map(|value| unescape(&value))
            .ok_or_else(|| anyhow!("the bank page has no {name}"))
    };
    let code = page
        .split_once("id=\"demo-code\">")
        .and_then(|(_, rest)| rest.split('<').next())
        .ok_or_else(|| anyhow!("the bank page shows no one-time code"))?
        .to_owned();
    let (reference, back, lang) = (field("reference")?, field("return")?, field("lang")?);
    let answered = citizen
        .post_form(
            BANK_CHECK,
            &[
                ("reference", reference.as_str()),
                ("return", back.as_str()),
                ("lang", lang.as_str()),
                ("card_number", CARD_NUMBER),
                ("code", code.as_str()),
                ("holder", "Elena Pop"),
                ("country", "RO"),
                ("national_id", cnp),
            ],
        )
        .await?;
    let back = redirect_path(&answered, "the bank's check")?;
    let done = citizen.get(&back).await?;
    if done.status != StatusCode::OK {
        bail!(
            "the return from the bank answered {}: {}",
            done.status,
            problems(&done.text())
        );
    }
    Ok(())
}

fn version(answer: &Answer, what: &str) -> anyhow::Result<i64> {
    answer.json()?["version"]
        .as_i64()
        .ok_or_else(|| anyhow!("{what} answered no version"))
}

/// Starts a certificate request for oneself through `POST /api/v1/cases`, answers its question
/// on the case page, and returns its id and the request that submits it.
pub async fn draft(citizen: &mut Citizen) -> anyhow::Result<(String, Request<Chunks>)> {
    let request = citizen.json_request(
        "/api/v1/cases",
        &serde_json::json!({"service": SERVICE, "holder": "self"}),
    )?;
    let created = citizen.exchange(request).await?;
    if created.status != StatusCode::CREATED {
        bail!(
            "POST /api/v1/cases answered {}: {}",
            created.status,
            created.text()
        );
    }
    let id = created.json()?["id"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| anyhow!("POST /api/v1/cases answered no id"))?;
    let page = citizen.get(&format!("/en/applications/{id}")).await?.text();
    let (Some(csrf), Some(form_version)) = (hidden(&page, "csrf"), hidden(&page, "version")) else {
        bail!("the case page of {id} has no answers form");
    };
    let saved = citizen
        .post_form(
            &format!("/en/applications/{id}/answers"),
            &[
                ("csrf", csrf.as_str()),
                ("version", form_version.as_str()),
                ("q:purpose", PURPOSE),
            ],
        )
        .await?;
    redirect_path(&saved, "answering the purpose")?;
    let read = citizen.get(&format!("/api/v1/cases/{id}")).await?;
    let version = version(&read, &format!("GET /api/v1/cases/{id}"))?;
    let submit = citizen.json_request(
        &format!("/api/v1/cases/{id}/submit"),
        &serde_json::json!({ "version": version }),
    )?;
    Ok((id, submit))
}

/// What a citizen reads back after the measured issue.
pub struct Issued {
    /// The holder's CNP.
    pub cnp: String,
    /// Cases of theirs in state `issued`.
    pub issued: u64,
    /// The number, QR text and signed PDF of their last certificate.
    pub number: String,
    pub seal: String,
    pub pdf: Bytes,
}

/// Counts the citizen's issued cases among `cases` and reads the last issued one's document.
pub async fn read_back(
    citizen: &mut Citizen,
    cases: &[String],
    cnp: &str,
) -> anyhow::Result<Issued> {
    let mut issued = 0;
    let mut last = None;
    for case in cases {
        let read = citizen.get(&format!("/api/v1/cases/{case}")).await?;
        if read.json()?["state"] == "issued" {
            issued += 1;
            last = Some(case);
        }
    }
    let last = last.context("a citizen without an issued case")?;
    let sealed = citizen
        .get(&format!("/api/v1/cases/{last}/document/seal"))
        .await?;
    if sealed.status != StatusCode::OK {
        bail!(
            "the seal of {last} answered {}: {}",
            sealed.status,
            sealed.text()
        );
    }
    let sealed = sealed.json()?;
    let text = |name: &str| {
        sealed[name]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| anyhow!("the seal of {last} has no {name}"))
    };
    let document = citizen
        .get(&format!("/api/v1/cases/{last}/document"))
        .await?;
    if document.status != StatusCode::OK || !document.body.starts_with(b"%PDF-") {
        bail!("the document of {last} answered {}", document.status);
    }
    Ok(Issued {
        cnp: cnp.to_owned(),
        issued,
        number: text("number")?,
        seal: text("seal")?,
        pdf: document.body,
    })
}

/// What `pdfsig` (poppler) says of the PDF's signature: `None` when it cannot be run.
pub fn pdfsig_says_valid(pdf: &[u8]) -> Option<bool> {
    let dir = tempfile::tempdir().ok()?;
    let path = dir.path().join("certificate.pdf");
    std::fs::write(&path, pdf).ok()?;
    let out = std::process::Command::new("pdfsig")
        .arg("-nocert")
        .arg(&path)
        .output()
        .ok()?;
    let report = String::from_utf8_lossy(&out.stdout);
    Some(report.contains("Signature is Valid.") && report.contains("Total document signed"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    #[test]
    fn cnps_are_valid_distinct_and_born_on_the_profile_date() {
        let all: std::collections::HashSet<String> = (0..5000).map(|i| cnp(i).unwrap()).collect();
        assert_eq!(all.len(), 5000);
        assert!(all.iter().all(|c| c.starts_with("2850427")));
    }

    #[test]
    fn escaped_values_read_back() {
        assert_eq!(
            unescape("http:&#x2f;&#x2f;h&#x2f;r?a=1&amp;b=2"),
            "http://h/r?a=1&b=2"
        );
    }
}
