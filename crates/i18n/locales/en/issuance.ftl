# The certificate issued electronically, as printed in its PDF.
certificate-title = Criminal record certificate
certificate-number = Registration number
certificate-holder = Holder
certificate-personal-id = Personal identification number
certificate-birth = Date of birth
certificate-purpose = Requested for
certificate-issued-on = Issued on
certificate-valid-until = Valid until
certificate-result = Record
certificate-no-entries = The holder has no entry in the criminal record register.
certificate-verify = Anyone can check this certificate: enter its registration number and the holder's personal identification number at { $url }, or scan the QR code with a verification app, which needs no connection.
