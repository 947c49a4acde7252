site-name = Ghiseu
site-tagline = Public document services
nav-account = Your account
skip-to-content = Skip to main content
language-nav = Language
lang-name-ro = Română
lang-name-en = English
lang-name-ru = Русский
lang-name-uk = Українська
lang-name-lt = Lietuvių
footer-text = Ghiseu is open-source software. Fees, terms and documents come from each authority's published catalogue.
footer-api = API description (OpenAPI)
catalogue-text-fallback = Some texts of { $authority } are not yet written in English. They are shown in { $language ->
        [lt] Lithuanian
        [en] English
        [ru] Russian
        [uk] Ukrainian
       *[ro] Romanian
    }.
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
document-fee-paid-here = Not needed when you apply. Once your application is accepted, you pay the fee here, online or with the payment order we prepare for you, and that payment stands for the receipt.
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


not-found-title = Page not found
not-found-body = If you typed the address, check that it is correct. You can also start again from the list of services.

calculator-title = Fee calculator: { $service }
calculator-crumb = Fee calculator
calculator-intro = Enter the holder's details to see the fee, when the document will be ready and how long it will be valid. Nothing you enter here is stored.
calculator-more = More options
calculate = Calculate
field-service = Service
field-birth_date = Date of birth of the document holder
field-birth_date-hint = For example { $example }. The fee and validity depend on age.
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

register-title = Create an account
register-intro = With an account you can apply online, follow your applications and get messages about your documents.
register-submit = Create account
register-have-account = Already have an account? Sign in
field-email = E-mail address
field-email-hint = We send a link to this address to confirm it is yours.
field-new-password = Password
field-new-password-hint = At least 10 characters. A few unrelated words make a strong password that is easy to remember.
field-confirm-password = Type the password again
field-password = Password
account-error-email-empty = Enter your e-mail address.
account-error-email-too-long = An e-mail address has at most 254 characters.
account-error-email-shape = Enter an e-mail address like name@example.com.
account-error-email-local-part = The part before the @ can only use letters, digits and . _ % + - ' (no spaces).
account-error-email-domain = The part after the @ must be a domain such as example.com.
account-error-password-too-short = Use at least 10 characters.
account-error-password-too-long = Use at most 128 characters.
account-error-password-guessable = This password is too easy to guess. Add more words, and avoid names, dates and common phrases.
account-error-confirm = The two passwords are not the same. Type them again.
check-email-title = Check your e-mail
check-email-body = If the address can be used, we have sent it a message with a link. Open the link within 24 hours to confirm your address, then sign in.
try-again-title = Sorry, that did not work
try-again-body = Something went wrong on our side and nothing was saved. Please try again in a few minutes.
form-expired-title = This form has expired
form-expired-body = For your safety, forms stop working after a while or when opened from another site. Nothing was saved.
form-expired-link = Open the form again
verify-title = Confirm your e-mail address
verify-intro = Press the button to confirm that this e-mail address is yours.
verify-submit = Confirm my address
verify-go-to-login = Sign in
verify-done-title = Your e-mail address is confirmed
verify-done-body = You can now sign in.
verify-used-title = This link has already been used
verify-used-body = Your address is already confirmed. You can sign in.
verify-expired-title = This link has expired
verify-expired-body = Links work for 24 hours. Ask for a new one: it is sent to the same address.
verify-unknown-title = This link is not valid
verify-unknown-body = Check that you opened the whole link from the message, or register again.
login-title = Sign in
login-submit = Sign in
login-no-account = No account yet? Create one
login-error-credentials = The e-mail address or the password is not right.
login-error-unverified = Confirm your e-mail address first: open the link in the message we sent you.
login-error-throttled = Too many failed sign-ins for this account or from this connection. For your safety, wait 15 minutes, or sign in from a device you have used before, or reset your password: the link we e-mail you unlocks the account.
account-title = Your account
account-role = Role
account-assurance = Identity checked by
role-citizen = Citizen
role-operator = Operator
role-supervisor = Supervisor
role-administrator = Administrator
assurance-email = E-mail address only
assurance-in-person = An operator, at a counter
assurance-card = A bank card check
logout = Sign out
logout-everywhere = Sign out on every device
email-verify-subject = Confirm your e-mail address for Ghiseu
email-verify-body = Hello,

    To confirm that this address is yours, open this link within 24 hours:
    { $link }

    If you did not create an account, ignore this message.
email-exists-subject = Someone tried to register with your e-mail address
email-exists-body = Hello,

    Someone tried to create a Ghiseu account with this address, which already has one. If it was you, sign in here:
    { $link }

    If it was not you, you do not need to do anything.
login-forgot = Forgotten your password?
reset-title = Reset your password
reset-intro = Enter the e-mail address of your account. We will send it a link to choose a new password.
reset-submit = Send me a link
reset-sent-body = If an account uses that address, we have sent it a link. Open it within one hour to choose a new password.
reset-new-title = Choose a new password
reset-new-submit = Save the new password
reset-done-title = Your password has been changed
reset-done-body = For your safety you have been signed out on every device. Sign in with the new password.
reset-used-body = This link has already been used. Ask for a new one if you still need it.
reset-expired-body = Links work for one hour. Ask for a new one.
reset-unknown-body = Check that you opened the whole link from the message, or ask for a new one.
reset-again = Ask for a new link
email-reset-subject = Reset your Ghiseu password
email-reset-body = Hello,

    To choose a new password, open this link within one hour:
    { $link }

    If you did not ask for this, ignore this message: your password stays the same.
messages-title = Messages we sent you
messages-none = We have not sent you any message yet.
messages-when = Queued
messages-channel = By
messages-subject = Subject
messages-status = Delivery
message-channel-email = E-mail
message-channel-sms = SMS
message-status-pending = Waiting to be sent
message-status-sent = Sent
message-status-failed = Could not be delivered
message-status-withdrawn = Withdrawn, not sent
second-factor-title = Sign-in codes from your phone
second-factor-on = Sign-in codes are on: after your password we ask for a code from your authenticator app.
second-factor-intro = Protect your account with a second step: after your password, a six-digit code from an app on your phone.
second-factor-step-app = Install an authenticator app on your phone, if you do not have one.
second-factor-step-scan = In the app, add an account by scanning this code.
second-factor-qr-label = QR code to scan with your authenticator app
second-factor-step-type = If you cannot scan it, type this key:
second-factor-step-code = Type the six-digit code the app shows.
second-factor-submit = Turn on sign-in codes
second-factor-error-code = That code is not right. Type the six digits the app shows now, or a recovery code.
field-code = Six-digit code
field-code-or-recovery = Code from your app, or a recovery code
recovery-codes-title = Keep these recovery codes
recovery-codes-intro = If you lose your phone, each of these codes lets you sign in once. Print them or write them down and keep them safe: we will not show them again.
second-step-title = Enter your sign-in code
second-step-intro = Open your authenticator app and type the code it shows for Ghiseu.
second-step-submit = Continue
service-assurance = Proving who you are
service-assurance-intro = Before you apply, your identity must be confirmed in one of these ways:
service-assurance-email = a verified e-mail address
service-assurance-in-person = once, by showing your identity document at a counter
service-assurance-card = online, with a bank card check (3-D Secure)
service-assurance-link = See how your identity is confirmed in your account
office-nav-title = Back office
office-forbidden-title = This page is for staff
office-forbidden-body = Your account cannot open the back office. If you work at a counter, ask your administrator for access.
office-identity-title = Check an identity at the counter
office-search-label = E-mail address of the person's account
office-search = Find
office-not-found = No account uses this address. Check it with the person.
office-document-type = Document shown
office-document-number = Document number
office-country = Country of the national identification number
office-national-id = National identification number
office-record = Record the check
office-identity-done = The check is recorded: the account now has in-person assurance.
office-error-document-type = Choose the type of document shown.
office-error-document-number = Enter the document number: 4 to 20 letters and digits.
office-error-country = Choose the country of the national identification number.
office-error-national-id = Check the national identification number:
office-error-national-id-taken = This national identification number already belongs to another account. Nothing was recorded; send the person to a supervisor.
office-error-national-id-different = This account already holds a different national identification number. Nothing was recorded.
office-error-unknown-person = The account no longer exists. Search again.
document-type-identity-card = Identity card
document-type-passport = Passport
document-type-residence-permit = Residence permit
register-throttled-title = Too many new accounts from here
register-throttled-body = For everyone's safety we limit how many accounts can be created from one place in an hour. Please try again in an hour; nothing was saved.
household-title = Your children
household-intro = Add a child you are a parent or legal representative of. An operator confirms the relationship from the document you show at a counter; then you can apply for the child and see their documents, until their 18th birthday.
household-none = You have not added any child yet.
household-add-title = Add a child
household-add-hint = Bring the document you choose below to the office you choose: the request waits until an operator there has seen it.
household-field-office = Office where you will show the document
household-field-office-hint = Choose the counter you can reach; its operators confirm the relationship.
household-field-office-choose = Choose an office
household-error-office = Choose an office from the list.
household-add-submit = Ask to act for this child
household-field-given_name = Child's given name
household-field-family_name = Child's family name
household-field-birth_date = Date of birth
office-guardian-relationship = The guardian is the child's
office-guardian-evidence = Document the guardian will show
household-field-relationship = You are the child's
household-field-evidence = Document you will show
household-relationship-parent = Parent
household-relationship-legal-representative = Legal representative
household-evidence-birth-certificate = Birth certificate
household-evidence-guardianship-decision = Guardianship decision
household-status-pending = Waiting for an operator to confirm
household-status-confirmed = Confirmed
household-status-ended = Ended at the 18th birthday
household-status-refused = Not confirmed: ask at a counter why
household-error-adult = This person is 18 or older: an adult manages their own account.
household-error-choice = Choose the relationship and the document from the lists.
household-ends = You can act for this child until
office-guardianships-title = Guardians waiting for confirmation
office-guardianships-back = Back to the list
office-decision-choose = Choose to confirm or to refuse the request.
office-decision-already = This request was already decided by someone else. Reload the list.
office-at = Office
office-record-title = Record a relationship from documents shown here
office-record-hint = Use this when the parent or legal representative is at your counter with the birth certificate or the guardianship decision: the relationship is confirmed at once.
office-record-relationship = The guardian is the child's
office-record-evidence = Document you checked
office-record-submit = Record the confirmed relationship
office-record-done = The relationship is recorded and confirmed. The guardian sees the child in their account.
office-staff-title = Staff and their offices
office-staff-members = Current staff
office-staff-email = E-mail address of the account
office-staff-role = Role
office-staff-authority = Authority
office-staff-offices = Offices
office-staff-offices-hint = An operator works at the offices ticked here. Supervisors and administrators see every office of their authority.
office-staff-installation = Every authority (installation administrator)
office-staff-assign = Give a role
office-staff-assign-hint = The person must already have an account. Their sessions end, so the new role applies when they sign in again.
office-staff-submit = Save the role
office-staff-saved = The role is saved. The person signs in again to use it.
office-staff-forbidden = Only an administrator can give roles. Ask your administrator.
office-staff-error-self = You cannot change your own role: ask another administrator.
office-staff-error-role = Choose a role from the list.
office-staff-error-authority = Choose an authority you manage.
office-staff-error-foreign-office = Tick only offices of the chosen authority.
office-staff-error-no-office = Tick at least one office where the operator works.
office-guardianships-none = No request is waiting.
office-guardian = Guardian's account
office-confirm = Confirm: I saw the document
office-refuse = Refuse
household-error-grant-self = You cannot record or confirm a relationship in which you are the guardian. Ask a colleague to do it.
office-error-grant-self = You cannot record a check of your own identity. Ask a colleague to check your document.
office-error-grant-staff-representative = The identity of a member of staff is checked by a supervisor or an administrator.
service-apply = Apply
service-book = Book an appointment
service-apply-hint = You will be asked to sign in or create an account first, if you have not yet.
resend-title = Send the confirmation link again
resend-intro = Write the e-mail address you registered with. If it is still waiting to be confirmed, we send it a new link that works for 24 hours.
resend-submit = Send a new link
resend-sent-title = Check your e-mail
resend-sent-body = If an account with this address is waiting to be confirmed, a new link is on its way. Open it within 24 hours. If nothing arrives, look in the spam folder, or register again.
resend-throttled-title = Too many requests
resend-throttled-body = Links were asked for too often from here. Try again in an hour.
resend-link = Did not get the confirmation link, or it stopped working? Send it again
home-filter-title = Find a service
home-filter-authority = Authority
home-filter-for = Who it is for
home-filter-any = Any
home-filter-submit = Show services
home-filter-clear = Show all services
home-filter-none = No service matches these choices. Choose “Any” in one of them, or show all services.
home-for-everyone = Anyone
home-for-citizens = The country's citizens
home-for-foreigners = Foreigners
home-for-stateless = Stateless persons
home-for-organisations = Companies and organisations
done-case-started = Your application is started. Answer the questions and attach the documents below, then send it. Until you send it, it is kept as a draft.
done-case-saved = Your answers are saved. When everything below is ready, send the application.
done-case-sent = Your application is sent. An officer will check it; we will tell you when it is accepted or if something needs fixing.
done-case-withdrawn = Your application is withdrawn. Nothing more happens with it; you can start a new one at any time.
done-document-attached = The document is attached. You can replace it until you send the application.
done-booked = Your appointment is booked. What to bring, and how to move or cancel it, are below.
done-moved = Your appointment is moved to the time below. The old time is free for someone else.
done-ward-requested = Your request is recorded. An officer checks the evidence; once it is confirmed, you can apply for this person.
done-case-claimed = The case is yours now. Your colleagues see that you are working on it.
done-case-assigned = The case is given to the operator you chose. It is now in their queue.
done-case-decided = The decision is recorded. The applicant is told by the channels they chose.
done-handed-over = The handover is recorded. The document is with its holder now.
done-appointment-given = The appointment is given. The applicant is told the time and place by the channels they chose.
done-payment-recorded = The payment is recorded. The case no longer waits for the fee.
done-closure-recorded = The closure is recorded. The people booked on those days are told, with a link to choose another time.
done-closure-lifted = The closure is lifted. Those days can be booked again.
