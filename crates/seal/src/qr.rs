//! The text of a document's QR code: `GHS1:` followed by the base45 form of
//! the zlib-compressed, CBOR-tagged COSE_Sign1 (RFC 9052) that the authority
//! signed with ES256.
//!
//! The COSE protected header holds the algorithm (ES256, -7) and the key's
//! identifier: the 8 bytes whose base64url form is the kid in the JWK Set.
//! The payload is a CBOR map with small integer keys:
//!
//! | key | field           | CBOR value                |
//! |-----|-----------------|---------------------------|
//! | 1   | `number`        | text                      |
//! | 2   | `document_type` | text                      |
//! | 3   | `holder_name`   | text                      |
//! | 4   | `birth_date`    | text, `YYYY-MM-DD`; absent for an organisation |
//! | 5   | `issued_on`     | text, `YYYY-MM-DD`        |
//! | 6   | `expires_on`    | text, `YYYY-MM-DD`        |
//!
//! Each key appears at most once (all but 4 exactly once) and no other key
//! is allowed: a new field means a new
//! prefix (`GHS2:`). The payload never holds a personal identification
//! number.

use std::io::{Read as _, Write as _};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use coset::cbor::Value;
use coset::{
    CborSerializable as _, CoseSign1, CoseSign1Builder, HeaderBuilder, TaggedCborSerializable as _,
    iana,
};
use jiff::civil::Date;
use p256::ecdsa::signature::{Signer as _, Verifier as _};
use p256::ecdsa::{Signature, VerifyingKey};

use crate::keys::{KeySet, SealKey};

/// What every Ghiseu seal starts with; the digit is the payload's version.
pub const PREFIX: &str = "GHS1:";
/// The most a seal may inflate to; a real one is a few hundred bytes.
const INFLATED_LIMIT: u64 = 16 * 1024;
/// More characters than any QR code holds.
const TEXT_LIMIT: usize = 8 * 1024;

const NUMBER: i64 = 1;
const DOCUMENT_TYPE: i64 = 2;
const HOLDER_NAME: i64 = 3;
const BIRTH_DATE: i64 = 4;
const ISSUED_ON: i64 = 5;
const EXPIRES_ON: i64 = 6;

/// What a seal vouches for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealPayload {
    /// The document's number.
    pub number: String,
    /// The kind of document, as the catalogue names it.
    pub document_type: String,
    /// The holder's full name as printed on the document.
    pub holder_name: String,
    /// The holder's date of birth; none for an organisation.
    pub birth_date: Option<Date>,
    /// The day the document was issued.
    pub issued_on: Date,
    /// The last day the document is valid.
    pub expires_on: Date,
}

/// Why a document could not be sealed.
#[derive(Debug, thiserror::Error)]
pub enum SealError {
    /// The payload or its envelope could not be encoded.
    #[error("cannot encode the seal: {0}")]
    Encoding(String),
}

/// Why a QR text is not a valid seal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    /// The text is not a Ghiseu seal (it lacks the `GHS1:` prefix).
    #[error("this is not a Ghiseu seal")]
    NotOurs,
    /// The text is damaged or incomplete.
    #[error("the seal is damaged or incomplete ({0})")]
    Malformed(&'static str),
    /// The seal names a key the authority does not (or no longer) publish.
    #[error("the seal was made with an unknown key {kid}")]
    UnknownKey {
        /// The key identifier the seal names.
        kid: String,
    },
    /// The signature does not match the content: the seal was altered or
    /// forged.
    #[error("the seal's signature is not valid")]
    BadSignature,
    /// The signature is valid but the content is not a document payload.
    #[error("the sealed content is not a document ({0})")]
    BadPayload(&'static str),
}

/// Seals `payload` with `key`: the text to put in the document's QR code.
pub fn seal(payload: &SealPayload, key: &SealKey) -> Result<String, SealError> {
    let encoding = |e: &dyn std::fmt::Display| SealError::Encoding(e.to_string());
    let mut content = Vec::new();
    coset::cbor::into_writer(&payload_map(payload), &mut content).map_err(|e| encoding(&e))?;
    let kid = URL_SAFE_NO_PAD
        .decode(key.kid())
        .map_err(|e| encoding(&e))?;
    let protected = HeaderBuilder::new()
        .algorithm(iana::Algorithm::ES256)
        .key_id(kid)
        .build();
    let envelope = CoseSign1Builder::new()
        .protected(protected)
        .payload(content)
        .create_signature(b"", |data| {
            let signature: Signature = key.signing_key().sign(data);
            signature.to_vec()
        })
        .build()
        .to_tagged_vec()
        .map_err(|e| encoding(&e))?;
    let mut deflater = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    deflater.write_all(&envelope).map_err(|e| encoding(&e))?;
    let compressed = deflater.finish().map_err(|e| encoding(&e))?;
    Ok(format!("{PREFIX}{}", base45::encode(compressed)))
}

/// Checks a seal's text against the authority's keys and gives what it
/// vouches for. The text may come as a person pasted it: surrounding white
/// space, line breaks and lower case letters are forgiven.
///
/// It does not judge the dates: whether the document has expired is for the
/// caller to say.
pub fn open(text: &str, keys: &KeySet) -> Result<SealPayload, OpenError> {
    let envelope = unwrap_text(text)?;
    let sign1 = CoseSign1::from_tagged_slice(&envelope)
        .map_err(|_| OpenError::Malformed("not a tagged COSE_Sign1"))?;
    let header = &sign1.protected.header;
    if header.alg != Some(coset::Algorithm::Assigned(iana::Algorithm::ES256)) {
        return Err(OpenError::Malformed("not signed with ES256"));
    }
    if header.key_id.is_empty() {
        return Err(OpenError::Malformed("no key identifier"));
    }
    let kid = URL_SAFE_NO_PAD.encode(&header.key_id);
    let key = keys
        .verifying_key(&kid)
        .ok_or(OpenError::UnknownKey { kid })?;
    sign1.verify_signature(b"", |signature, data| verify(key, signature, data))?;
    let content = sign1
        .payload
        .as_deref()
        .ok_or(OpenError::Malformed("no payload"))?;
    read_payload(content)
}

/// The COSE bytes inside a seal's text.
fn unwrap_text(text: &str) -> Result<Vec<u8>, OpenError> {
    if text.len() > 2 * TEXT_LIMIT {
        return Err(OpenError::Malformed("longer than any QR code"));
    }
    // Base45 never ends in a space (the last character of a group is at most
    // 'W'), so trimming cannot cut into the seal; line breaks and tabs are
    // outside its alphabet, and so are lower case letters.
    let text: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, '\r' | '\n' | '\t'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let encoded = text.strip_prefix(PREFIX).ok_or(OpenError::NotOurs)?;
    if encoded.len() > TEXT_LIMIT {
        return Err(OpenError::Malformed("longer than any QR code"));
    }
    let compressed = base45::decode(encoded).map_err(|_| OpenError::Malformed("not base45"))?;
    let mut envelope = Vec::new();
    flate2::read::ZlibDecoder::new(compressed.as_slice())
        .take(INFLATED_LIMIT + 1)
        .read_to_end(&mut envelope)
        .map_err(|_| OpenError::Malformed("not zlib"))?;
    if envelope.len() as u64 > INFLATED_LIMIT {
        return Err(OpenError::Malformed("inflates too far"));
    }
    Ok(envelope)
}

fn verify(key: &VerifyingKey, signature: &[u8], data: &[u8]) -> Result<(), OpenError> {
    let signature = Signature::from_slice(signature).map_err(|_| OpenError::BadSignature)?;
    key.verify(data, &signature)
        .map_err(|_| OpenError::BadSignature)
}

fn payload_map(payload: &SealPayload) -> Value {
    let text = |s: &str| Value::Text(s.to_owned());
    let date = |d: Date| Value::Text(d.to_string());
    let mut fields = vec![
        (NUMBER.into(), text(&payload.number)),
        (DOCUMENT_TYPE.into(), text(&payload.document_type)),
        (HOLDER_NAME.into(), text(&payload.holder_name)),
    ];
    if let Some(birth) = payload.birth_date {
        fields.push((BIRTH_DATE.into(), date(birth)));
    }
    fields.push((ISSUED_ON.into(), date(payload.issued_on)));
    fields.push((EXPIRES_ON.into(), date(payload.expires_on)));
    Value::Map(fields)
}

fn read_payload(content: &[u8]) -> Result<SealPayload, OpenError> {
    let value = Value::from_slice(content).map_err(|_| OpenError::BadPayload("not CBOR"))?;
    let Value::Map(entries) = value else {
        return Err(OpenError::BadPayload("not a map"));
    };
    let mut fields: [Option<String>; 6] = Default::default();
    for (key, value) in entries {
        let slot = key
            .as_integer()
            .and_then(|k| i64::try_from(k).ok())
            .and_then(|k| k.checked_sub(NUMBER))
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| fields.get_mut(i))
            .ok_or(OpenError::BadPayload("unknown field"))?;
        let Value::Text(text) = value else {
            return Err(OpenError::BadPayload("a field is not text"));
        };
        if slot.replace(text).is_some() {
            return Err(OpenError::BadPayload("a field given twice"));
        }
    }
    let birth = fields[3].take();
    let [number, document_type, holder_name, _, issued, expires] =
        fields.map(|f| f.ok_or(OpenError::BadPayload("a field is missing")));
    let date = |d: Result<String, OpenError>| {
        d?.parse::<Date>()
            .map_err(|_| OpenError::BadPayload("not a date"))
    };
    Ok(SealPayload {
        number: number?,
        document_type: document_type?,
        holder_name: holder_name?,
        birth_date: birth.map(|b| date(Ok(b))).transpose()?,
        issued_on: date(issued)?,
        expires_on: date(expires)?,
    })
}
