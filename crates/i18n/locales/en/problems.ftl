# Refusals, as the API's problem documents tell them (`detail`) and as pages
# show them when they have no message of their own. One message per kind of
# refusal: problem-{code}, and problem-{code}-{variant} where a code has more.

problem-unknown-service = There is no service "{ $service }"; see /api/v1/services.
problem-no-such-appointment = There is no such appointment.
problem-no-such-application = There is no such application.
problem-no-appointments = The service "{ $service }" needs no visit to the counter, so it takes no appointments.
problem-unknown-office = The office "{ $office }" does not offer this service. Offices that do: { $offered }.
problem-unknown-office-window = The office "{ $office }" has no { $window } window.
problem-slot-in-past = That time has already passed. Choose a later slot.
problem-outside-opening-hours = The office is not open for this service at that time. Choose a slot from the list of free slots.
problem-public-holiday = The office is closed that day for a public holiday ({ $name }). Choose another day.
problem-office-closed = The office is closed that day: { $reason }. Choose another day.
problem-beyond-horizon = Appointments can be booked up to { $last_day }. Choose an earlier day.
problem-not-released = Slots for that day are not open yet; they open at { $opens_at }. Come back then.
problem-not-a-slot-start = Slots at this window start every { $minutes } minutes from opening. Choose a start from the list of free slots.
problem-holders = Name between 1 and { $most } people: `self` and the ids of children in your household.
problem-holders-twice = Each person can be named once.
problem-not-in-household = "{ $name }" is not a child in your household. You can book for yourself and for children an office confirmed you are guardian of.
problem-assigned-by-office = For this service the office gives you an appointment after it reviews your application; you will see it on your application's page.
problem-case-required = Book this appointment from your application's page, once the office has accepted it.
problem-case-not-ready = This application cannot take an appointment yet: the office must accept it first.
problem-case-not-ready-to-assign = An appointment is given once the case is accepted, and before its document is made.
problem-case-not-ready-no-office = The case has no office yet.
problem-case-office = Your application is handled at the office "{ $office }"; book the appointment there.
problem-not-assigned-by-office = For this service the applicant books the appointment; the office does not give one.
problem-not-case-staff = Appointments are given by the operators of the case's office or a supervisor of its authority.
problem-case-has-appointment = This case already has an appointment. Move or cancel that one instead.
problem-slot-full = That slot has no room left for { $people } people. Choose another slot; the list of free slots is up to date.
problem-slot-full-move = That slot has no room left. Your appointment stays as it was; choose another slot.
problem-slot-full-assign = That slot has no room left. Choose another slot from the list of free slots.
problem-already-booked = { $who ->
    [yourself] You already have an appointment for this service. Cancel or move that one instead.
    [applicant] The applicant already has an appointment for this service. Move or cancel that one instead.
   *[other] A person in this booking already has an appointment for this service. Cancel or move that one instead.
}
problem-hold-expired = The few minutes to confirm this slot ran out and it went back to the list. Choose a slot again.
problem-not-held = This appointment is { $state }, so there is nothing to confirm.
problem-not-active = This appointment is { $state } and can no longer be cancelled.
problem-not-active-move = Only a confirmed appointment can be moved; this one is { $state }.
problem-reschedule-limit = An appointment can be moved { $max } times online. To change it again, call or visit the office: an operator can move it.
problem-no-show-limit = You did not come to { $missed } appointments recently, so online booking is paused for your account. Please call or visit the office to book.
problem-too-many-requests = Too many booking requests from this account or network in one minute. Wait until the next minute and try again.
problem-waiting-room = Many people are booking right now, so you are in a waiting room. { $place ->
    [one] One person is ahead of you;
   *[other] { $place } people are ahead of you;
} keep this page open and try again in { $seconds ->
    [one] one second.
   *[other] { $seconds } seconds.
} Your place is kept.
problem-staff-only = Only the staff of an office may do this.
problem-amount-mismatch = The event is for { $event_minor } { $event_currency } but the order is for { $order_minor } { $order_currency }; nothing was recorded.

problem-draft-unknown-service = No service has this id; see /api/v1/services.
problem-assurance-too-low = This service needs your identity confirmed with a bank card check or once at a counter; see the service's page.
problem-not-for-citizenship = This service does not issue documents to the holder's citizenship, as their profile states it. The service page says who may apply.
problem-unknown-holder = `holder` must be `self` or a child you act for.
problem-application-incomplete = The application cannot be sent yet: { $missing }.
problem-document-not-found = You hold no document with this number. Check the number as printed on the document; a child's document is listed under your documents while you are their guardian.
problem-document-not-in-force = This document is already no longer valid ({ $standing } on { $since }); nothing more needs reporting. Apply for a new one.
problem-document-expired = This document expired on { $on }, so it needs no report. Apply for a new one.
problem-document-not-in-registry = No document with this number is in your authority's registry. Check the number as printed on the document.
problem-document-unknown-reason = Choose a reason from the authority's list.
