appt-list-title = Your appointments
appt-list-none = You have no appointments.
appt-book-link = Book an appointment
appt-new-title = Book an appointment
appt-booking-title = Your appointment
appt-when = When
appt-office = Office
appt-service = Service
appt-reference = Reference
appt-state = State
appt-people = People
appt-who = Who comes
appt-day = Day
appt-show-slots = Show free slots
appt-slots = Free slots
appt-no-slots = There are no free slots that day. Choose another day.
appt-slot-label = { $time } ({ $free ->
    [one] 1 free place
   *[other] { $free } free places
})
appt-holder-self = Me
appt-holder-other = A person in your household
appt-hold = Hold this slot
appt-hold-until = Held for you until
appt-confirm = Confirm
appt-calendar = Download the calendar file
appt-move-title = Move the appointment
appt-move = Move
appt-cancel-title = Cancel the appointment
appt-cancel = Cancel
appt-back = All your appointments
appt-state-held = Held, not confirmed yet
appt-state-confirmed = Confirmed
appt-state-checked-in = Checked in
appt-state-called = Called to a counter
appt-state-served = Served
appt-state-no-show = Missed
appt-state-cancelled = Cancelled
appt-state-lapsed = Lapsed
appt-error-date = Give the day as a date, for example 2026-11-25.
appt-error-choose-slot = Choose one of the free slots.
appt-error-unknown = Choose a service and an office from the lists.
appt-problem-slot-full = That slot has no room left for everyone you chose. Choose another slot.
appt-problem-already-booked = Someone you chose already has an appointment for this service. Cancel or move that one instead.
appt-problem-hold-expired = The few minutes to confirm this slot ran out and it went back to the list. Choose a slot again.
appt-problem-not-held = This appointment is not waiting for confirmation, so there is nothing to confirm.
appt-problem-not-active = This appointment can no longer be changed.
appt-problem-reschedule-limit = This appointment was moved as many times as allowed online. To change it again, call or visit the office.
appt-problem-waiting-room = Many people are booking right now, so you are in a waiting room. { $place ->
    [one] One person is ahead of you;
   *[other] { $place } people are ahead of you;
} try again in { $seconds ->
    [one] one second.
   *[other] { $seconds } seconds.
} Your place is kept.
appt-problem-too-many-requests = Too many requests. Try again in { $seconds ->
    [one] one second.
   *[other] { $seconds } seconds.
}
appt-problem-not-released = Slots for that day are not open for booking yet. Come back later or choose an earlier day.
appt-problem-public-holiday = The office is closed that day for a public holiday. Choose another day.
appt-problem-office-closed = The office is closed that day. Choose another day.
appt-problem-outside-opening-hours = The office is not open for this service at that time. Choose one of the free slots.
appt-problem-slot-in-past = That time has already passed. Choose a later slot.
appt-problem-beyond-horizon = Appointments cannot be booked that far ahead yet. Choose an earlier day.
appt-problem-not-a-slot-start = That is not the start of a slot. Choose one of the free slots.
appt-problem-not-in-household = You can book for yourself and for the children an office confirmed you are guardian of.
appt-problem-holders = Choose who comes: between 1 and 8 people, each once.
appt-problem-no-show-limit = You missed several appointments recently, so online booking is paused for your account. Please call or visit the office to book.
appt-problem-no-appointments = This service needs no visit to the counter, so it takes no appointments.
appt-problem-unknown-office = This office does not take appointments for this service. Choose another office.
appt-problem-assigned-by-office = For this service the office gives you an appointment after it reviews your application.
appt-problem-case-required = Book this appointment from your application's page, once the office has accepted it.
appt-problem-case-not-ready = This application cannot take an appointment yet: the office must accept it first.
appt-problem-case-has-appointment = This application already has an appointment. Move or cancel that one instead.
appt-problem-not-assigned-by-office = For this service the applicant books the appointment; the office does not give one.
appt-problem-not-case-staff = Appointments are given by the operators of the case's office or a supervisor of its authority.
office-closures-title = Office closures
office-closures-hint = Close an office, or one of its windows, on a day or a run of days. Free slots on those days disappear at once; appointments already made stay, and are listed here to be moved.
office-closures-forbidden = Only an administrator enters office closures.
office-closures-upcoming = Closures from today on
office-closures-none = No closures are planned.
office-closures-day = Day
office-closures-office = Office
office-closures-window = Window
office-closures-whole-office = The whole office
office-closures-reason = Reason
office-closures-remove = Remove
office-closures-to-move = Appointments to be rescheduled
office-closures-to-move-hint = These appointments fall on a closed day. Nothing was cancelled: contact the people and move each appointment.
office-closures-add = Enter a closure
office-closures-first = First day closed
office-closures-last = Last day closed
office-closures-last-hint = Leave empty to close a single day.
office-closures-preset = A usual reason (kept in Romanian and English)
office-closures-free-reason = Or in your own words
office-closures-free-reason-hint = Up to 200 characters. When given, it is used instead of the usual reason.
office-closures-submit = Close these days
office-closures-reason-training = Staff training
office-closures-reason-maintenance = Maintenance works
office-closures-reason-it-outage = Computer system outage
office-closures-reason-staff-shortage = Not enough staff
office-closures-error-office = Choose one of the offices you manage.
office-closures-error-window = Choose one of this office's windows, or the whole office.
office-closures-error-date = Give the day as a date, for example 2026-12-24.
office-closures-error-past = The first day closed cannot be in the past.
office-closures-error-order = The last day closed cannot be before the first.
office-closures-error-long = One entry closes at most 62 days. Enter a longer closure in parts.
office-closures-error-reason = Choose a usual reason or write one.
office-closures-error-reason-long = Write the reason in at most 200 characters.
appt-cancel-hint = Cancelling gives the slot to someone else at once. To come on another day, move the appointment instead.
appt-cancel-confirm = I understand that my slot goes to someone else.
appt-cancel-confirm-needed = To cancel the appointment, tick the box that says you understand the slot goes to someone else.
office-closures-confirm = People booked on these days will be told and asked to choose another time
office-closures-confirm-hint = A closure takes the days' free slots away at once. Everyone booked on them is told by e-mail or SMS, as they chose, with a link to move their appointment.
office-closures-error-confirm = { $count ->
    [one] { $count } appointment is booked on these days. Tick the box to confirm the closure: the person will be told.
   *[other] { $count } appointments are booked on these days. Tick the box to confirm the closure: the people will be told.
}
office-case-reject-confirm = I have checked the reason: rejecting is final
office-case-reject-confirm-hint = The applicant is told at once, with the reason chosen above. A rejected application cannot be taken up again.
office-case-reject-confirm-needed = Tick the box to confirm the rejection. Nothing has changed yet.
office-closures-error-confirm-none = Tick the box to confirm the closure.
appt-bring-title = Your visit: what to bring
appt-bring-identity = An identity document for each person who comes (a child's birth certificate for a child without one).
appt-bring-originals = The originals of the documents you attached to the application.
appt-open-application = Open the application
appt-bring-service = The documents the service's page lists for your situation.
appt-open-service = See the documents
appt-arrive = Come a few minutes before your time and give your reference at the office.
appt-open-office = The office's hours, map and contacts
appt-change-hint = If you cannot come, move or cancel the appointment below, so the place goes to someone else.
appt-your-ticket = Your ticket:
appt-go-to-counter = Go to counter { $counter } now.
appt-wait-for-call = Wait in the hall: the board and this page show when you are called, and to which counter.
appt-cancelled-notice = Appointment { $reference } is cancelled and its place is free for others. You will get a message confirming it. Book again whenever you need.
