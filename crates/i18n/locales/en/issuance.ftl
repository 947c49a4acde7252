# The certificate issued electronically, as printed in its PDF.
certificate-title = Criminal record certificate
certificate-number = Registration number
certificate-holder = Holder
certificate-personal-id = Personal identification number
certificate-birth = Date of birth
certificate-registration-code = Fiscal identification code (CUI)
certificate-representative = Requested by the representative
certificate-purpose = Requested for
certificate-issued-on = Issued on
certificate-valid-until = Valid until
certificate-result = Record
certificate-no-entries = The holder has no entry in the criminal record register.
certificate-verify = Anyone can check this certificate: enter its registration number and the holder's personal identification number at { $url }, or scan the QR code with a verification app, which needs no connection.

# The public page that verifies a document's QR code.
seal-verify-title = Verify a document's QR code
seal-verify-intro = Paste the text your QR reader shows for the code printed on the document. You do not need an account, and nothing about you is kept.
seal-verify-field-seal = Text of the QR code
seal-verify-field-seal-hint = It starts with GHS1: — copy it whole.
seal-verify-submit = Verify
seal-verify-genuine = The QR code is genuine
seal-verify-compare = Compare these details with the paper: if any differs, the paper was changed.
seal-verify-offline = Verification apps can check the code without a connection, with the authority's keys published at /.well-known/jwks.json and the list of revoked documents at /api/v1/documents/revoked.
seal-verify-sealed-number = Registration number
seal-verify-sealed-holder = Holder
seal-verify-sealed-birth = Date of birth
seal-verify-sealed-issued = Issued on
seal-verify-sealed-expires = Valid until
seal-verify-error-required = Paste the text of the QR code.
seal-verify-error-not-a-seal = This is not the text of a document's QR code: it starts with GHS1:. Check that you copied the whole text.
seal-verify-error-unreadable = The text cannot be read: it is damaged or cut short. Scan or copy it again.
seal-verify-error-unknown-key = This QR code was not sealed by this authority. Do not trust the document.
seal-verify-error-altered = This QR code was changed after it was sealed. Do not trust the document.

# The case page once its document is issued electronically.
case-issued-title = Your document is ready
case-issued-number = Registration number:
case-issued-download = Download the signed PDF
case-issued-seal = Text of the QR code
case-issued-seal-hint = This is what the QR code on the document carries. Anyone can paste it on the verification page.
office-register-entries = What the criminal record register holds
office-register-entries-hint = Read from the register now. The certificate you issue lists these entries as they stand.
office-register-none = The register holds no entry for this holder now: the certificate will say so.
