# Certificatul eliberat electronic, așa cum apare în PDF.
certificate-title = Certificat de cazier judiciar
certificate-number = Număr de înregistrare
certificate-holder = Titular
certificate-personal-id = Cod numeric personal
certificate-birth = Data nașterii
certificate-purpose = Solicitat pentru
certificate-issued-on = Eliberat la
certificate-valid-until = Valabil până la
certificate-result = Mențiuni
certificate-no-entries = Titularul nu este înscris în cazierul judiciar.
certificate-verify = Oricine poate verifica acest certificat: introduceți numărul de înregistrare și codul numeric personal al titularului la { $url } sau scanați codul QR cu o aplicație de verificare, care nu are nevoie de conexiune.
