//! A stand-in for a bank's 3-D Secure page, for demonstrations and tests.
//! The portal serves its page; nothing leaves the machine and no card is
//! charged. Cards ending in 0002 are declined.

use crate::card_identity::{
    Answer, AnswerError, BoxFuture, CardIdentityProvider, CheckRequest, Outcome, ProviderError,
    VerifiedIdentity, query_encode, single,
};
use crate::sealed::{self, SealError};
use crate::signature::Secret;

/// Where the portal serves the demonstration bank's page.
pub const PAGE_PATH: &str = "/demo/card-provider/check";
const PURPOSE: &str = "ghiseu-demo-card-identity/2";
const CODE_PURPOSE: &str = "ghiseu-demo-card-code/1";
const DECLINED_ENDING: &str = "0002";

#[derive(Debug)]
pub struct DemoCardProvider {
    secret: Secret,
    public_url: String,
}

impl DemoCardProvider {
    /// `public_url` is the portal's address: the page is served there, and
    /// sends people back only into it.
    pub fn new(secret: Secret, public_url: &str) -> DemoCardProvider {
        DemoCardProvider {
            secret,
            public_url: public_url.trim_end_matches('/').to_string(),
        }
    }

    /// Whether the page may send a person back to `url`: only into the
    /// portal, and only by an address fit for a `Location` header.
    pub fn accepts_return(&self, url: &str) -> bool {
        url.strip_prefix(&self.public_url)
            .is_some_and(|rest| rest.starts_with('/') && !rest.starts_with("//"))
            && url.bytes().all(|b| b.is_ascii_graphic())
    }

    /// The code the demonstration bank "sends" for this check.
    pub fn one_time_code(&self, reference: &str) -> String {
        let signature = self.secret.sign(CODE_PURPOSE, &[("reference", reference)]);
        let number = signature.bytes().take(8).fold(0u64, |n, b| {
            n * 16 + u64::from(char::from(b).to_digit(16).unwrap_or(0))
        });
        format!("{:06}", number % 1_000_000)
    }

    /// The number's digits when it is a plausible card number (12 to 19
    /// digits, spaces allowed, Luhn check digit right).
    pub fn card_digits(number: &str) -> Option<String> {
        let digits: String = number.chars().filter(|c| *c != ' ' && *c != '-').collect();
        if !(12..=19).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let sum: u32 = digits
            .bytes()
            .rev()
            .enumerate()
            .map(|(i, b)| {
                let d = u32::from(b - b'0');
                if i % 2 == 1 {
                    if d > 4 { d * 2 - 9 } else { d * 2 }
                } else {
                    d
                }
            })
            .sum();
        sum.is_multiple_of(10).then_some(digits)
    }

    pub fn declines(card_digits: &str) -> bool {
        card_digits.ends_with(DECLINED_ENDING)
    }

    /// `return_url` with the answer added to its query: the check's
    /// reference, and what the bank says sealed under the provider's key, so
    /// the national id never travels in the address.
    pub fn answer_url(
        &self,
        return_url: &str,
        reference: &str,
        outcome: &Outcome,
    ) -> Result<String, SealError> {
        let fields = match outcome {
            Outcome::Verified(identity) => [
                "verified",
                identity.country.as_str(),
                identity.national_id.as_str(),
                identity.holder_name.as_str(),
            ],
            Outcome::Declined => ["declined", "", "", ""],
        };
        let plain = serde_json::to_vec(&fields).map_err(|_| SealError::Unopenable)?;
        let answer = sealed::seal(&self.secret, PURPOSE, reference, &plain)?;
        let separator = if return_url.contains('?') { '&' } else { '?' };
        Ok(format!(
            "{return_url}{separator}reference={}&answer={answer}",
            query_encode(reference)
        ))
    }
}

impl CardIdentityProvider for DemoCardProvider {
    fn name(&self) -> &'static str {
        "demo"
    }

    fn begin<'a>(
        &'a self,
        request: CheckRequest<'a>,
    ) -> BoxFuture<'a, Result<String, ProviderError>> {
        let url = format!(
            "{}{PAGE_PATH}?reference={}&return={}&lang={}",
            self.public_url,
            query_encode(request.reference),
            query_encode(request.return_url),
            query_encode(request.lang),
        );
        Box::pin(async move { Ok(url) })
    }

    fn verify(&self, query: &[(String, String)]) -> Result<Answer, AnswerError> {
        let reference = single(query, "reference")?;
        let sealed_answer = single(query, "answer")?;
        let plain = sealed::open(&self.secret, PURPOSE, reference, sealed_answer)
            .map_err(|_| AnswerError::BadSignature)?;
        let [outcome, country, national_id, holder]: [String; 4] =
            serde_json::from_slice(&plain).map_err(|_| AnswerError::BadSignature)?;
        let outcome = match outcome.as_str() {
            "verified" => Outcome::Verified(VerifiedIdentity {
                country,
                national_id,
                holder_name: holder,
            }),
            "declined" => Outcome::Declined,
            _ => return Err(AnswerError::UnknownOutcome),
        };
        Ok(Answer {
            reference: reference.to_string(),
            outcome,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const PORTAL: &str = "http://127.0.0.1:8080";

    fn provider(key: u8) -> DemoCardProvider {
        DemoCardProvider::new(Secret::new(&[key; 32]).unwrap(), PORTAL)
    }

    fn verified() -> Outcome {
        Outcome::Verified(VerifiedIdentity {
            country: "RO".into(),
            national_id: "1960523123457".into(),
            holder_name: "Ana Popescu".into(),
        })
    }

    /// The query of an answer address, decoded.
    fn query(url: &str) -> Vec<(String, String)> {
        let (_, query) = url.split_once('?').unwrap();
        query
            .split('&')
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap();
                (name.to_string(), decode(value))
            })
            .collect()
    }

    fn decode(text: &str) -> String {
        let mut bytes = Vec::new();
        let mut rest = text.as_bytes();
        while let Some((&b, tail)) = rest.split_first() {
            if b == b'%' {
                bytes.push(
                    u8::from_str_radix(std::str::from_utf8(&tail[..2]).unwrap(), 16).unwrap(),
                );
                rest = &tail[2..];
            } else {
                bytes.push(b);
                rest = tail;
            }
        }
        String::from_utf8(bytes).unwrap()
    }

    fn set(query: &mut [(String, String)], name: &str, value: &str) {
        for (n, v) in query.iter_mut() {
            if n == name {
                *v = value.to_string();
            }
        }
    }

    #[test]
    fn an_answer_reads_back_as_sent_and_shows_no_national_id() {
        let p = provider(1);
        let url = p
            .answer_url(
                &format!("{PORTAL}/ro/account/card-check/return"),
                "ref-1",
                &verified(),
            )
            .unwrap();
        assert!(
            !url.contains("1960523123457") && !url.contains("Popescu"),
            "{url}"
        );
        let answer = p.verify(&query(&url)).unwrap();
        assert_eq!(answer.reference, "ref-1");
        assert_eq!(answer.outcome, verified());
        let declined = p
            .answer_url("http://x/r?a=b", "ref-2", &Outcome::Declined)
            .unwrap();
        assert!(declined.starts_with("http://x/r?a=b&reference=ref-2"));
        assert_eq!(
            p.verify(&query(&declined)).unwrap().outcome,
            Outcome::Declined
        );
    }

    #[test]
    fn a_tampered_answer_or_another_key_is_refused() {
        let p = provider(1);
        let url = p.answer_url(PORTAL, "ref-1", &verified()).unwrap();
        let other = p.answer_url(PORTAL, "ref-2", &verified()).unwrap();
        let other_answer = query(&other)
            .into_iter()
            .find(|(n, _)| n == "answer")
            .unwrap()
            .1;
        for (name, value) in [
            ("reference", "ref-2"),
            ("answer", other_answer.as_str()),
            ("answer", "00"),
        ] {
            let mut q = query(&url);
            set(&mut q, name, value);
            assert_eq!(p.verify(&q), Err(AnswerError::BadSignature), "{name}");
        }
        assert_eq!(
            provider(2).verify(&query(&url)),
            Err(AnswerError::BadSignature)
        );
    }

    #[test]
    fn a_missing_or_repeated_field_is_refused() {
        let p = provider(1);
        let mut q = query(&p.answer_url(PORTAL, "ref-1", &verified()).unwrap());
        q.push(("answer".into(), "00".into()));
        assert_eq!(p.verify(&q), Err(AnswerError::Repeated("answer")));
        q.retain(|(n, _)| n != "answer");
        assert_eq!(p.verify(&q), Err(AnswerError::Missing("answer")));
    }

    #[test]
    fn the_page_sends_people_back_only_into_the_portal() {
        let p = provider(1);
        assert!(p.accepts_return(&format!("{PORTAL}/en/account/card-check/return")));
        for bad in [
            "https://evil.example/return",
            "http://127.0.0.1:8080.evil.example/",
            "http://127.0.0.1:8080//evil.example/",
            "http://127.0.0.1:8080/en\r\nSet-Cookie: x",
            "/en/account/card-check/return",
        ] {
            assert!(!p.accepts_return(bad), "{bad}");
        }
    }

    #[test]
    fn card_numbers_codes_and_declines() {
        assert_eq!(
            DemoCardProvider::card_digits("4111 1111 1111 1111").as_deref(),
            Some("4111111111111111")
        );
        assert!(DemoCardProvider::card_digits("4111 1111 1111 1112").is_none());
        assert!(DemoCardProvider::card_digits("4111").is_none());
        let declined = DemoCardProvider::card_digits("4000 0000 0000 0002").unwrap();
        assert!(DemoCardProvider::declines(&declined));
        let p = provider(1);
        let code = p.one_time_code("ref-1");
        assert_eq!(code.len(), 6);
        assert_eq!(code, p.one_time_code("ref-1"));
        assert_ne!(code, provider(2).one_time_code("ref-1"));
    }
}
