//! E-mail: the [`Mailer`] interface, delivery to an SMTP relay, and a demo
//! mailer that keeps what it was given.

use crate::mask::mask_email;
use crate::{ConfigError, Delivery, DeliveryError, Secret};
use ghiseu_storage::outbox::Attachment;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::transport::smtp::response::{Category, Severity};
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// One e-mail to send: a plain-text body and, perhaps, one file with it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Email<'a> {
    pub to: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub attachment: Option<&'a Attachment>,
    /// What stays the same on every attempt to send this message (the
    /// outbox's id): it makes the Message-ID, so a relay or a reader can
    /// tell a second delivery of one message from a second message.
    pub id: Option<&'a str>,
}

impl<'a> Email<'a> {
    /// A plain-text e-mail without a file.
    pub fn plain(to: &'a str, subject: &'a str, body: &'a str) -> Email<'a> {
        Email {
            to,
            subject,
            body,
            attachment: None,
            id: None,
        }
    }

    pub fn with_attachment(self, attachment: &'a Attachment) -> Email<'a> {
        Email {
            attachment: Some(attachment),
            ..self
        }
    }
}

impl std::fmt::Debug for Email<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Email")
            .field("to", &mask_email(self.to))
            .field("subject", &self.subject)
            .field("attachment", &self.attachment)
            .finish_non_exhaustive()
    }
}

/// Sends one e-mail.
pub trait Mailer: Send + Sync {
    fn send<'a>(&'a self, email: Email<'a>) -> Delivery<'a>;
}

/// Whose name and address the messages come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sender {
    pub name: String,
    pub address: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpSecurity {
    /// Plain text: only for a relay on the same host or a trusted network.
    None,
    /// Upgrade with STARTTLS, refusing to continue without it (port 587).
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
}

#[derive(Debug, Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub from: Sender,
    pub username: Option<String>,
    pub password: Option<Secret>,
    pub security: SmtpSecurity,
    /// A PEM certificate to trust besides the public roots, for a relay
    /// whose certificate an internal authority issued.
    pub extra_root_certificate: Option<String>,
    /// How long one SMTP command may take.
    pub timeout: Duration,
}

/// Delivers e-mail to an SMTP relay, one connection per message.
#[derive(Clone)]
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMailer {
    pub fn new(config: &SmtpConfig) -> Result<SmtpMailer, ConfigError> {
        let address: Address = config.from.address.parse()?;
        let from = Mailbox::new(Some(config.from.name.clone()), address);
        let tls = match config.security {
            SmtpSecurity::None => Tls::None,
            SmtpSecurity::StartTls => Tls::Required(tls_parameters(config)?),
            SmtpSecurity::Tls => Tls::Wrapper(tls_parameters(config)?),
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&config.host)
            .port(config.port)
            .tls(tls)
            .timeout(Some(config.timeout));
        if let (Some(username), Some(password)) = (&config.username, &config.password) {
            builder = builder.credentials(Credentials::new(
                username.clone(),
                password.expose().to_owned(),
            ));
        }
        Ok(SmtpMailer {
            transport: builder.build(),
            from,
        })
    }

    async fn deliver(&self, email: Email<'_>) -> Result<(), DeliveryError> {
        let recipient: Address = email
            .to
            .parse()
            .map_err(|_| DeliveryError::permanent("the recipient address is not valid"))?;
        let message_id = email
            .id
            .map(|id| format!("<{id}@{}>", self.from.email.domain()));
        let builder = Message::builder()
            .message_id(message_id)
            .from(self.from.clone())
            .to(Mailbox::new(None, recipient))
            .subject(email.subject);
        // Without a file, a single text/plain part; with one, multipart/mixed
        // with the text first and the file after it.
        let built = match email.attachment {
            None => builder
                .header(ContentType::TEXT_PLAIN)
                .body(email.body.to_owned()),
            Some(attachment) => {
                let content_type = ContentType::parse(&attachment.content_type).map_err(|e| {
                    DeliveryError::permanent(format!("the attachment's content type: {e}"))
                })?;
                let file = lettre::message::Attachment::new(attachment.name.clone())
                    .body(attachment.body.clone(), content_type);
                builder.multipart(
                    MultiPart::mixed()
                        .singlepart(SinglePart::plain(email.body.to_owned()))
                        .singlepart(file),
                )
            }
        };
        let message = built
            .map_err(|e| DeliveryError::permanent(format!("cannot build the message: {e}")))?;
        self.transport
            .send(message)
            .await
            .map_err(classify_smtp_error)?;
        tracing::debug!(to = %mask_email(email.to), "e-mail accepted by the relay");
        Ok(())
    }
}

impl Mailer for SmtpMailer {
    fn send<'a>(&'a self, email: Email<'a>) -> Delivery<'a> {
        Box::pin(self.deliver(email))
    }
}

fn tls_parameters(config: &SmtpConfig) -> Result<TlsParameters, ConfigError> {
    let mut builder = TlsParameters::builder(config.host.clone());
    if let Some(pem) = &config.extra_root_certificate {
        builder = builder.add_root_certificate(Certificate::from_pem(pem.as_bytes())?);
    }
    Ok(builder.build()?)
}

/// A 5xx reply means the server will never take this message, except the
/// 53x authentication replies, which are about our configuration and clear
/// once it is fixed. Anything else (4xx, a lost connection, a timeout) may
/// pass on a later try.
fn classify_smtp_error(error: lettre::transport::smtp::Error) -> DeliveryError {
    match error.status() {
        Some(code)
            if code.severity == Severity::PermanentNegativeCompletion
                && code.category != Category::Unspecified3 =>
        {
            DeliveryError::permanent(format!("SMTP {error}"))
        }
        _ => DeliveryError::transient(format!("SMTP {error}")),
    }
}

/// An e-mail the [`DemoMailer`] was given.
#[derive(Clone, PartialEq, Eq)]
pub struct SentEmail {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub attachment: Option<Attachment>,
}

impl std::fmt::Debug for SentEmail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SentEmail")
            .field("to", &mask_email(&self.to))
            .field("subject", &self.subject)
            .field("attachment", &self.attachment)
            .finish_non_exhaustive()
    }
}

/// For the demo and tests: logs each e-mail with the address masked and
/// keeps it in memory instead of sending it.
#[derive(Debug, Clone, Default)]
pub struct DemoMailer {
    sent: Arc<Mutex<Vec<SentEmail>>>,
}

impl DemoMailer {
    pub fn new() -> DemoMailer {
        DemoMailer::default()
    }

    /// What was "sent" so far, oldest first.
    pub fn sent(&self) -> Vec<SentEmail> {
        self.sent
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl Mailer for DemoMailer {
    fn send<'a>(&'a self, email: Email<'a>) -> Delivery<'a> {
        let attachment = email.attachment.map(|a| a.name.as_str());
        tracing::info!(
            to = %mask_email(email.to),
            subject = email.subject,
            ?attachment,
            "demo e-mail, not sent"
        );
        self.sent
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(SentEmail {
                to: email.to.to_owned(),
                subject: email.subject.to_owned(),
                body: email.body.to_owned(),
                attachment: email.attachment.cloned(),
            });
        Box::pin(std::future::ready(Ok(())))
    }
}
