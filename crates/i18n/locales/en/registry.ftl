registry-title = My documents
registry-intro = The documents you hold and those of the children you are guardian of. If one is lost or stolen, report it here at any hour: it stops being valid at once, so nobody else can use it.
registry-none = No documents are recorded for you or your children yet. A document appears here once it has been handed over to you.
registry-documents-title = Documents
registry-waiting-title = Ready for collection
registry-waiting-at = Waiting at
registry-number = Number
registry-document = Document
registry-holder = Holder
registry-standing = Status
registry-valid-until = Valid until { $date } ({ $days ->
        [0] its last day
        [one] { $days } day left
       *[other] { $days } days left
    })
registry-valid-no-expiry = Valid, with no expiry date
registry-expired-on = Expired on { $date }
registry-not-valid-reported-lost = Not valid: reported lost on { $date }
registry-not-valid-reported-stolen = Not valid: reported stolen on { $date }
registry-not-valid-invalidated = Not valid: declared invalid by the authority on { $date }
registry-not-valid-replaced = Not valid: replaced by a newer document on { $date }
registry-not-valid-not-collected = Not valid: not collected in time (recorded on { $date })
registry-not-valid-awaiting-collection = Waiting to be collected since { $date }
registry-not-valid-valid = Valid since { $date }
registry-apply-by-label = Apply for a new one by
registry-apply-by = { $date }, to have the new one before this one expires
registry-apply-new = Apply for a new one
registry-report-link = Report lost or stolen
registry-reported-done = Document { $number } is now recorded as no longer valid. We have sent a confirmation to you and to the child's other guardians, where there are any.
registry-check-link = Check whether a document is valid
registry-report-title = Report a document lost or stolen
registry-report-warning = Once you report it, this document is no longer valid, at once and for good: even if you find it again, you cannot use it. You will need to apply for a new one.
registry-report-loss = What happened to the document?
registry-report-lost = It is lost
registry-report-stolen = It was stolen
registry-report-place = Where it happened, as far as you know
registry-report-circumstances = What happened
registry-report-optional = Optional.
registry-report-police = Police report number
registry-report-police-hint = Optional. If you told the police, the number they gave you.
registry-report-submit = Report it and make it invalid
registry-report-error-loss = Choose whether the document is lost or was stolen.
registry-back = Back to my documents
