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
seal-verify-file-title = Or check the PDF file you received
seal-verify-field-file = The document's PDF file
seal-verify-field-file-hint = The file as you received it, at most 2 MB. It is compared with the documents issued here and not kept.
seal-verify-file-submit = Check the file
seal-verify-file-recognised = This file is exactly document { $number } as the authority issued it.
seal-verify-file-unknown = This file is not a document issued here as it was issued: it is another file, or it was changed after it was issued. Do not trust it; ask for the QR code or the number and check those.
seal-verify-file-error-required = Choose the PDF file of the document.
seal-verify-file-error-too-large = The file is larger than 2 MB, larger than any document issued here: it is not one of them.
case-prefilled-title = What the document will state
case-prefilled-hint = Filled in from your confirmed identity and the authority's records; you do not type it. If anything is wrong, contact the authority before you send the request.
case-prefilled-birth-place = Place of birth
case-prefilled-father = Father's first name
case-prefilled-mother = Mother's first name
