## The back office: representatives of organisations (legal entities).

office-organisations-title = Representatives of organisations
office-organisations-intro = Record a person as the representative of a company or other organisation, after checking the document that gives them the mandate. They can then apply online for the organisation's criminal record certificate.
office-organisations-code = Fiscal identification code (CUI)
office-organisations-code-hint = As registered, with or without RO, for example RO 12345674.
office-organisations-name = Organisation's name
office-organisations-name-hint = As registered at the Trade Register.
office-organisations-email = Representative's e-mail address
office-organisations-email-hint = The address of their Ghiseu account. Their identity must already be confirmed by bank card or in person.
office-organisations-evidence = What proves the mandate
office-organisations-evidence-hint = For example: power of attorney no. 12 of 3 March 2026, or the Trade Register extract naming them as administrator.
office-organisations-submit = Record the representative
office-organisations-recorded = { $email } is now recorded as representative of { $name } (CUI { $code }).
office-organisations-error-registration_code-malformed = A CUI has 2 to 10 digits, optionally after RO. Check it as registered.
office-organisations-error-registration_code-check-digit = This CUI's check digit does not match. Check it for a typing mistake.
office-organisations-error-name-required = Enter the organisation's name as registered.
office-organisations-error-name-too-long = The name is too long: write at most 200 characters.
office-organisations-error-evidence-required = Say what proves the mandate, for example the power of attorney's number and date.
office-organisations-error-evidence-too-long = Write at most 500 characters about the mandate.
office-organisations-error-email-unknown = No account uses this e-mail address. The representative must register first.
office-organisations-error-email-not-assured = This person's identity is not confirmed by bank card or in person yet: confirm it first.
office-organisations-error-email-already = This person is already recorded as the organisation's representative.
office-organisations-none-here = None of your offices handles a service for organisations, so representatives are recorded at an office that does.
