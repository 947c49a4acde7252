//! E-mail addresses as a person types them, checked before anything is sent.

use std::fmt;

/// A syntactically valid e-mail address: trimmed, domain in lower case.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    #[error("Enter your e-mail address.")]
    Empty,
    #[error("An e-mail address has at most 254 characters.")]
    TooLong,
    #[error(
        "An e-mail address looks like name@example.com: it needs one @ with text on both sides."
    )]
    Shape,
    #[error(
        "The part before the @ can only use letters, digits and . _ % + - ' (no spaces, no two dots in a row)."
    )]
    LocalPart,
    #[error("The part after the @ must be a domain such as example.com.")]
    Domain,
}

impl EmailError {
    pub fn code(&self) -> &'static str {
        match self {
            EmailError::Empty => "email-empty",
            EmailError::TooLong => "email-too-long",
            EmailError::Shape => "email-shape",
            EmailError::LocalPart => "email-local-part",
            EmailError::Domain => "email-domain",
        }
    }
}

impl EmailAddress {
    pub fn parse(input: &str) -> Result<EmailAddress, EmailError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(EmailError::Empty);
        }
        if text.chars().count() > 254 {
            return Err(EmailError::TooLong);
        }
        let (local, domain) = match text.rsplit_once('@') {
            Some((l, d)) if !l.is_empty() && !d.is_empty() && !l.contains('@') => (l, d),
            _ => return Err(EmailError::Shape),
        };
        let local_ok = local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| c.is_alphanumeric() || "._%+-'".contains(c));
        if !local_ok {
            return Err(EmailError::LocalPart);
        }
        let domain = domain.to_lowercase();
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
            && labels
                .last()
                .is_some_and(|tld| tld.chars().all(char::is_alphabetic) && tld.len() >= 2);
        if !domain_ok {
            return Err(EmailError::Domain);
        }
        Ok(EmailAddress(format!("{local}@{domain}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `a***@example.com`: enough to recognise, not enough to harvest.
    pub fn masked(&self) -> String {
        let (local, domain) = self.0.rsplit_once('@').unwrap_or(("", &self.0));
        let first: String = local.chars().take(1).collect();
        format!("{first}***@{domain}")
    }
}

impl fmt::Debug for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EmailAddress({})", self.masked())
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_ordinary_addresses() {
        for ok in [
            "ana@example.com",
            "Ion.Popescu+pasaport@Mail.RO",
            "o'neil@example.co.uk",
            "ștefan@exemplu.ro",
            " a@b.md ",
        ] {
            assert!(EmailAddress::parse(ok).is_ok(), "{ok}");
        }
        assert_eq!(
            EmailAddress::parse(" Ion@Mail.RO ").unwrap().as_str(),
            "Ion@mail.ro"
        );
    }

    #[test]
    fn refuses_what_cannot_be_delivered() {
        let cases = [
            ("", EmailError::Empty),
            ("ana", EmailError::Shape),
            ("ana@", EmailError::Shape),
            ("@example.com", EmailError::Shape),
            ("ana@@example.com", EmailError::Shape),
            ("an a@example.com", EmailError::LocalPart),
            ("ana..b@example.com", EmailError::LocalPart),
            (".ana@example.com", EmailError::LocalPart),
            ("ana@example", EmailError::Domain),
            ("ana@-example.com", EmailError::Domain),
            ("ana@example.c0m", EmailError::Domain),
            ("ana@exa mple.com", EmailError::Domain),
        ];
        for (input, expected) in cases {
            assert_eq!(EmailAddress::parse(input).unwrap_err(), expected, "{input}");
        }
        let long = format!("{}@example.com", "a".repeat(250));
        assert_eq!(EmailAddress::parse(&long).unwrap_err(), EmailError::TooLong);
    }

    #[test]
    fn debug_and_masked_hide_the_address() {
        let e = EmailAddress::parse("ana.popescu@example.com").unwrap();
        assert_eq!(e.masked(), "a***@example.com");
        assert!(!format!("{e:?}").contains("popescu"));
    }

    proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC{0,300}") {
            let _ = EmailAddress::parse(&s);
        }

        #[test]
        fn generated_addresses_are_accepted(local in "[a-z0-9]{1,20}(\\.[a-z0-9]{1,10})?", domain in "[a-z0-9]{1,20}\\.[a-z]{2,6}") {
            let address = format!("{local}@{domain}");
            let parsed = EmailAddress::parse(&address).unwrap();
            prop_assert_eq!(parsed.as_str(), address.as_str());
        }
    }
}
