# Expiry reminders, on the profile's notification preferences.
reminders-heading = Reminders before a document expires
reminders-intro = We remind you, and the guardians of a child, before a document expires, by the channels chosen above for document expiry and ready documents.
reminders-thresholds = Days before the expiry
reminders-thresholds-hint = Up to 5 numbers from 1 to 730, separated by commas. Leave empty for the authority's choice: { $defaults }.
reminders-certificates = Remind me when the certificates on an identity card's chip expire
reminders-not-collected = Remind me when a ready document is still waiting at the office
reminders-error-not-a-number = “{ $value }” is not a number of days. Write numbers separated by commas, such as 90, 30, 7.
reminders-error-range = Give up to 5 numbers of days, each from 1 to 730, such as 90, 30, 7.
