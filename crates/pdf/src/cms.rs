//! The CMS SignedData of a PAdES baseline-B signature: detached, over the
//! digest of the signed byte ranges, with the signed attributes content-type,
//! message-digest and ESS signing-certificate-v2. PAdES baseline signatures
//! carry no signing-time attribute (ETSI EN 319 142-1): the claimed signing
//! time is the signature dictionary's /M entry.

use cms::builder::{SignedDataBuilder, SignerInfoBuilder};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::signed_data::{EncapsulatedContentInfo, SignerIdentifier};
use der::asn1::{ObjectIdentifier, OctetString, SetOfVec};
use der::{Decode, Encode, Sequence};
use p256::ecdsa::{DerSignature, SigningKey};
use sha2::{Digest, Sha256};
use x509_cert::attr::{Attribute, AttributeValue};
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::AlgorithmIdentifierOwned;

use crate::PdfError;

const ID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const ID_SHA_256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const ID_SIGNING_CERTIFICATE_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");

/// RFC 5035 IssuerSerial: the certificate's issuer as general names and its
/// serial number.
#[derive(Sequence)]
struct IssuerSerial {
    issuer: Vec<GeneralName>,
    serial_number: SerialNumber,
}

/// RFC 5035 ESSCertIDv2, its hash algorithm left at the SHA-256 default.
#[derive(Sequence)]
struct EssCertIdV2 {
    cert_hash: OctetString,
    issuer_serial: IssuerSerial,
}

/// RFC 5035 SigningCertificateV2, without policies.
#[derive(Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
}

fn failed(error: impl std::fmt::Display) -> PdfError {
    PdfError::Signature(error.to_string())
}

fn attribute(oid: ObjectIdentifier, value: &impl Encode) -> Result<Attribute, PdfError> {
    let value = AttributeValue::from_der(&value.to_der().map_err(failed)?).map_err(failed)?;
    let mut values = SetOfVec::new();
    values.insert(value).map_err(failed)?;
    Ok(Attribute { oid, values })
}

fn signing_certificate(cert: &x509_cert::Certificate, der: &[u8]) -> Result<Attribute, PdfError> {
    let tbs = &cert.tbs_certificate;
    let value = SigningCertificateV2 {
        certs: vec![EssCertIdV2 {
            cert_hash: OctetString::new(Sha256::digest(der).to_vec()).map_err(failed)?,
            issuer_serial: IssuerSerial {
                issuer: vec![GeneralName::DirectoryName(tbs.issuer.clone())],
                serial_number: tbs.serial_number.clone(),
            },
        }],
    };
    attribute(ID_SIGNING_CERTIFICATE_V2, &value)
}

/// The DER-encoded ContentInfo holding the SignedData over `digest` (the
/// SHA-256 of the signed content).
pub(crate) fn signed_data(
    digest: &[u8],
    key: &SigningKey,
    certificate_der: &[u8],
) -> Result<Vec<u8>, PdfError> {
    let cert = x509_cert::Certificate::from_der(certificate_der).map_err(failed)?;
    let content = EncapsulatedContentInfo {
        econtent_type: ID_DATA,
        econtent: None,
    };
    let sha256 = AlgorithmIdentifierOwned {
        oid: ID_SHA_256,
        parameters: None,
    };
    let sid = SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
        issuer: cert.tbs_certificate.issuer.clone(),
        serial_number: cert.tbs_certificate.serial_number.clone(),
    });
    let mut signer =
        SignerInfoBuilder::new(key, sid, sha256.clone(), &content, Some(digest)).map_err(failed)?;
    signer
        .add_signed_attribute(signing_certificate(&cert, certificate_der)?)
        .map_err(failed)?;
    SignedDataBuilder::new(&content)
        .add_digest_algorithm(sha256)
        .map_err(failed)?
        .add_certificate(CertificateChoices::Certificate(cert))
        .map_err(failed)?
        .add_signer_info::<SigningKey, DerSignature>(signer)
        .map_err(failed)?
        .build()
        .map_err(failed)?
        .to_der()
        .map_err(failed)
}
