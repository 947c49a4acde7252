## The public validity check of a document (no sign-in).

check-title = Check whether a document is valid
check-intro = Enter the document's number and its holder's personal identification number. You learn only whether the document is valid; nothing about its holder is shown.
check-field-number = Document number
check-field-number-hint = As printed on the document, for example RO-PAS-AB-2026-000123.
check-field-personal-id = Holder's personal identification number
check-field-personal-id-hint = Romanian CNP or Moldovan IDNP (13 digits), Lithuanian personal code (11 digits), for a company its CUI or, for an invitation, the invited person's travel document number.
check-submit = Check the document
check-privacy = Every check is recorded with the document number and its answer; the personal identification number is not kept.
check-answer-title = Answer
check-answer-valid-until = The document is valid. Its last valid day is { $until }.
check-answer-valid-no-expiry = The document is valid. It has no expiry date.
check-answer-expired = The document is no longer valid: it expired. Its last valid day was { $on }.
check-answer-not-valid = The document is not valid since { $since }: { $why }.
check-answer-revoked = The document is not valid: the issuing authority revoked it on { $since }.
check-answer-no-match = No document with this number belongs to a holder with this personal identification number. Check both as printed and try again.
check-why-awaiting-collection = it is waiting to be collected
check-why-valid = it is valid
check-why-reported-lost = it was reported lost
check-why-reported-stolen = it was reported stolen
check-why-invalidated = the issuing authority declared it invalid
check-why-replaced = a newer document replaced it
check-why-not-collected = it was not collected in time
check-error-number-required = Enter the document number.
check-error-number-too-long = A document number has at most 40 characters. Check the number as printed.
check-error-personal_id-required = Enter the holder's personal identification number.
check-error-personal_id-malformed = This is not a valid Romanian CNP, Moldovan IDNP or Lithuanian personal code, nor a Romanian company's CUI, nor a travel document number (6 to 9 letters and digits). Check it for a typing mistake.
problem-too-many-checks = Too many document checks from this network, or too many unsuccessful checks of this document number. Try again in { $minutes ->
    [one] a minute
   *[other] { $minutes } minutes
}.
