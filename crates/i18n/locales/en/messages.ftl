# Messages Ghiseu sends: the e-mail subject and body of each kind, and its
# SMS. An SMS stays under 160 characters and carries no link.
notice-second-factor-enabled-subject = Two-step sign-in was turned on for your Ghiseu account
notice-second-factor-enabled-body = Hello,

    Two-step sign-in with an authenticator app was turned on for your Ghiseu account. From now on, signing in takes a code from the app as well as your password.

    If it was not you, someone knows your password: choose a new one at once here:
    { $link }
notice-second-factor-enabled-sms = Ghiseu: two-step sign-in was turned on for your account. If this was not you, reset your password at once.
notice-application-returned-subject = Your application { $reference } needs more from you
notice-application-returned-body = Hello,

    Your application { $reference } for { $service } was returned to you: the office needs something completed or corrected before it can go on. Sign in to see what is asked:
    { $link }
notice-application-returned-sms = Ghiseu: application { $reference } was returned to you to complete. Sign in to Ghiseu to see what is needed.
notice-application-accepted-subject = Your application { $reference } was accepted
notice-application-accepted-body = Hello,

    Your application { $reference } for { $service } was accepted and is being processed. We will write to you when the document is ready.

    Your account: { $link }
notice-application-accepted-sms = Ghiseu: application { $reference } was accepted and is being processed. We will tell you when the document is ready.
notice-application-rejected-subject = Your application { $reference } was refused
notice-application-rejected-body = Hello,

    Your application { $reference } for { $service } was refused, for this reason:
    { $reason }

    Sign in to see the application and its history: { $link }
notice-application-rejected-sms = Ghiseu: application { $reference } was refused. Sign in to Ghiseu to see why.
notice-payment-received-subject = Payment received for application { $reference }
notice-payment-received-body = Hello,

    We received { $amount }, the fee for your application { $reference } for { $service }. The document now goes into production; we will write to you when it is ready to collect.

    Your account: { $link }
notice-payment-received-sms = Ghiseu: we received { $amount } for application { $reference }. The document now goes into production.
notice-appointment-confirmed-subject = Appointment { $reference } on { $date } at { $time }
notice-appointment-confirmed-body = Hello,

    Your appointment { $reference } for { $service } is on { $date } at { $time }, at { $office } ({ $address }). The calendar file is attached. Bring the documents the service asks for; we will remind you the day before.

    To move or cancel it: { $link }
notice-appointment-confirmed-sms = Ghiseu: appointment { $reference } on { $date } at { $time }, { $office }. To move or cancel it, sign in to your account.
notice-appointment-reminder-subject = Reminder: your appointment on { $date }
notice-appointment-reminder-body = Hello,

    You have an appointment for { $service } on { $date } at { $time }, at { $office }. Bring the documents the service asks for.

    Your appointments: { $link }
notice-appointment-reminder-sms = Ghiseu: appointment on { $date } at { $time }, { $office }. Bring the documents the service asks for.
notice-appointment-cancelled-subject = Appointment { $reference } on { $date } is cancelled
notice-appointment-cancelled-body = Hello,

    Your appointment { $reference } for { $service } on { $date } at { $time }, at { $office }, is cancelled and its place is free for others. The attached calendar file takes it off your calendar.

    To book another: { $link }
notice-appointment-cancelled-sms = Ghiseu: appointment { $reference } on { $date } at { $time } is cancelled. To book another, sign in to your account.
notice-document-ready-subject = Your document is ready for collection
notice-document-ready-body = Hello,

    The document you applied for with application { $reference } is ready. You can collect it from { $office }; bring your identity document.

    Your account: { $link }
notice-document-ready-sms = Ghiseu: the document for application { $reference } is ready for collection at { $office }. Bring your identity document.
notice-document-expiry-subject = A document of yours expires on { $date }
notice-document-expiry-body = Hello,

    Your document "{ $document }" expires on { $date }. If you still need it, apply for a new one in good time: issuing it takes a while.

    Your account: { $link }
notice-document-expiry-sms = Ghiseu: your document "{ $document }" expires on { $date }. If you still need it, apply for a new one in good time.
notice-document-reported-subject = { $loss ->
        [stolen] Document { $number } is reported stolen and no longer valid
       *[lost] Document { $number } is reported lost and no longer valid
    }
notice-document-reported-body = Hello,

    The document "{ $document }" number { $number } of { $holder } was reported { $loss ->
        [stolen] stolen
       *[lost] lost
    } on { $date }. From that moment it is no longer valid, even if it is found again: nobody can use it. To get a new one, apply for it from your account.

    If you did not make this report, tell the authority at once.

    Your account: { $link }
notice-document-reported-sms = Ghiseu: document { $number } ({ $holder }) was reported { $loss ->
        [stolen] stolen
       *[lost] lost
    } on { $date } and is no longer valid. Not you? Tell the authority.
notice-certificate-expiry-subject = { $certificate ->
        [signature] The signature certificate on your identity card expires on { $date }
       *[identification] The identification certificate on your identity card expires on { $date }
    }
notice-certificate-expiry-body = Hello,

    The { $certificate ->
        [signature] qualified signature certificate
       *[identification] electronic identification certificate
    } on your "{ $document }" expires on { $date }. After that day you cannot use it to { $certificate ->
        [signature] sign documents electronically
       *[identification] sign in to online services
    }. Renew it in good time.

    Your account: { $link }
notice-certificate-expiry-sms = Ghiseu: the { $certificate ->
        [signature] signature
       *[identification] identification
    } certificate on your "{ $document }" expires on { $date }. Renew it in good time.
notice-document-not-collected-subject = Your document is still waiting for you at { $office }
notice-document-not-collected-body = Hello,

    Your document "{ $document }" has been ready at { $office } since { $date } and has not been collected yet. Collect it soon and bring your identity document; a document that is never collected is cancelled.

    Your account: { $link }
notice-document-not-collected-sms = Ghiseu: your document "{ $document }" has been waiting at { $office } since { $date }. Collect it soon, with your identity document.
notice-document-issued-subject = Your document { $number } is issued
notice-document-issued-body = Hello,

    The document "{ $document }" you asked for with application { $reference } is issued, electronically signed, with number { $number }. Download it from the application in your account; anyone can check it with its number and the holder's personal identification number, or by its QR code.

    Your account: { $link }
notice-document-issued-sms = Ghiseu: your document { $number } is issued. Download it from application { $reference } in your account.
notice-document-revoked-subject = Document { $number } was revoked and is no longer valid
notice-document-revoked-body = Hello,

    The authority revoked the document "{ $document }" number { $number } of { $holder } on { $date }. The reason: { $reason }

    From that day the document is not valid: the public check and its QR code say so. If you still need such a document, apply for a new one from your account. If you think this is a mistake, contact the authority.

    Your account: { $link }
notice-document-revoked-sms = Ghiseu: document { $number } ({ $holder }) was revoked by the authority on { $date } and is no longer valid. Details in your account.
notice-appointment-office-closed-subject = { $office } is closed on { $date }: choose another time for { $reference }
notice-appointment-office-closed-body = Hello,

    { $office } will be closed on { $date } ({ $reason }). Your appointment { $reference } for { $service } at { $time } that day cannot take place.

    Choose another time here: { $link }

    Your appointment stays booked until you move it, but nobody will receive you on that day.
notice-appointment-office-closed-sms = Ghiseu: the office is closed on { $date }; appointment { $reference } cannot take place. Sign in to choose another time.
