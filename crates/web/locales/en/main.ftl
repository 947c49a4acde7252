site-name = Ghiseu
site-tagline = Public document services
skip-to-content = Skip to main content
language-nav = Language
lang-name-ro = Română
lang-name-en = English
footer-text = Ghiseu is open-source software. Fees, terms and documents come from each authority's published catalogue.
footer-api = API description (OpenAPI)
breadcrumbs = You are here
breadcrumb-home = All services

home-title = Public document services
home-intro = Choose a service to see who may apply, what to bring, what it costs and how long it takes.
authority-services = Services
authority-contact = Contact

service-calculator-link = Calculate the fee and dates for your case
service-who = Who may apply
service-documents = What to bring
service-documents-intro = The documents depend on who the document is for.
document-original = original
document-copy = copy
document-original-and-copy = original and copy
service-questions = You will be asked
service-fees = Fees and processing times
table-urgency = Processing time
table-fees = Fees
table-total = Total
table-total-by-age = Depends on age
fee-under-age = { $amount } under { $age }
fee-from-age = { $amount } from age { $age }
service-reductions = Fee reductions
reduction-applies = { $urgency }: reduced to { $amount }.
reduction-confirmed = An operator checks that you meet the conditions when you file.
service-validity = How long the document is valid
validity-none = This service does not issue a document with an expiry date.
validity-lifetime = Valid for life.
validity-fixed = Valid for { $term } from the day it is issued.
validity-by-age-intro = It depends on the holder's age on the day you file:
validity-band = aged { $from } to { $to }: { $term }
validity-band-last = aged { $from } or older: { $term }
validity-until-birthday = Valid until the first of the holder's birthdays at these ages after it is issued: { $ages }.
validity-lifetime-from = Issued for life if the holder is { $age } or older on the day it is issued.
validity-granted-stay = Valid for as long as the granted right of stay.
validity-capped-passport = Never beyond the expiry date of the holder's passport or travel document.
validity-capped-id = Never beyond the expiry date of the holder's national identity document.
validity-same-as-id = Valid for as long as the holder's national identity document.
validity-same-as-passport = Valid for as long as the holder's passport.
term-years = { $n ->
    [one] 1 year
   *[other] { $n } years
}
term-months = { $n ->
    [one] 1 month
   *[other] { $n } months
}
processing-none = No waiting time
processing-same-day = Same day (the next working day if you file on a non-working day)
processing-working-days = { $n ->
    [one] 1 working day
   *[other] { $n } working days
}
processing-calendar-days = { $n ->
    [one] 1 calendar day
   *[other] { $n } calendar days
}
urgency-standard = Standard
service-biometrics = Photograph and fingerprints
biometrics-none = No photograph or fingerprints are taken.
biometrics-face = Your photograph is taken when you file.
biometrics-fingerprints = Your fingerprints are taken when you file.
biometrics-face-fingerprints = Your photograph and fingerprints are taken when you file.
biometrics-fingerprints-from = No fingerprints are taken under the age of { $age }, or where it is physically impossible.
service-payment = How to pay
service-notes = Good to know
renewal-notice = Apply at least { $days } days before your current document expires.

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

not-found-title = Page not found
not-found-body = If you typed the address, check that it is correct. You can also start again from the list of services.

calculator-title = Fee calculator: { $service }
calculator-crumb = Fee calculator
calculator-intro = Enter the holder's details to see the fee, when the document will be ready and how long it will be valid. Nothing you enter here is stored.
calculator-more = More options
calculate = Calculate
field-service = Service
field-birth_date = Date of birth of the document holder
field-birth_date-hint = For example 2016-05-10. The fee and validity depend on age.
field-filed_on = Filing date
field-filed_on-hint = The day you file the application. Leave it empty for today.
field-issued_on = Issue date
field-issued_on-hint = Leave it empty to count the validity from the day the document is ready.
field-stay_until = Last day of the granted right of stay
field-stay_until-hint = As written in the decision granting the right of stay.
field-passport_expires = Expiry date of the holder's passport or travel document
field-passport_expires-hint = The permit is never valid beyond this date.
field-id_document_expires = Expiry date of the holder's national identity document
field-id_document_expires-hint = The permit is valid until this date.
field-urgency = Processing time
field-reductions = Fee reductions you are claiming
error-summary-title = There is a problem
error-prefix = Error:
error-date-format = { $field }: write the date as year-month-day, for example 2026-11-23.
error-date-impossible = { $field }: this date does not exist. Check the day and the month.
error-required = { $field }: this is required.
error-too-long = { $field }: this is too long.
quote-error-unknown-service = There is no such service. Choose one from the list of services.
quote-error-urgency-not-offered = This service cannot be done in that time. Choose one of: { $offered }.
quote-error-unknown-reduction = This service has no such fee reduction.
quote-error-reduction-not-for-urgency = This reduction does not apply with the processing time you chose. Choose another processing time or remove the reduction.
quote-error-reductions-overlap = Two of the reductions you chose reduce the same fee. Choose only one of them.
quote-error-birth-date-required = Enter the date of birth: the fee or the validity depends on the holder's age.
quote-error-birth-date-after-filing = The date of birth ({ $birth_date }) is after the filing date ({ $filed_on }). Check both dates.
quote-error-implausible-birth-date = The date of birth ({ $birth_date }) would make the holder older than 130. Check the year.
quote-error-issue-before-filing = The issue date ({ $issued_on }) is before the filing date ({ $filed_on }). A document is issued on or after the day you file.
quote-error-missing-fact = { $label }: enter this date, the validity depends on it.
quote-error-fact-not-after-issue = { $label }: { $date } is not after the issue date ({ $issued_on }), so the document could not be issued. Check the date.
quote-error-date-out-of-range = These dates are too far in the past or the future. Check the years.
result-title = Your quote
result-urgency = Processing time
result-filed-on = Filing date
result-deadline = Ready by
result-valid-until = Valid until
result-fees = Fees to pay
result-amount = Amount
result-total = Total to pay
result-no-deadline = Nothing to wait for
result-lifetime = For life
result-no-validity = Does not expire
