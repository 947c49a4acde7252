# Certificatul eliberat electronic, așa cum apare în PDF.
certificate-title = Certificat de cazier judiciar
certificate-number = Număr de înregistrare
certificate-holder = Titular
certificate-personal-id = Cod numeric personal
certificate-birth = Data nașterii
certificate-registration-code = Cod de identificare fiscală (CUI)
certificate-representative = Solicitat de reprezentantul
certificate-purpose = Solicitat pentru
certificate-issued-on = Eliberat la
certificate-valid-until = Valabil până la
certificate-result = Mențiuni
certificate-no-entries = Titularul nu este înscris în cazierul judiciar.
certificate-verify = Oricine poate verifica acest certificat: introduceți numărul de înregistrare și codul numeric personal al titularului la { $url } sau scanați codul QR cu o aplicație de verificare, care nu are nevoie de conexiune.

# Pagina publică ce verifică codul QR al unui document.
seal-verify-title = Verificați codul QR al unui document
seal-verify-intro = Lipiți textul pe care îl arată cititorul de coduri QR pentru codul tipărit pe document. Nu aveți nevoie de cont și nu se păstrează nimic despre dumneavoastră.
seal-verify-field-seal = Textul codului QR
seal-verify-field-seal-hint = Începe cu GHS1: — copiați-l în întregime.
seal-verify-submit = Verificați
seal-verify-genuine = Codul QR este autentic
seal-verify-compare = Comparați aceste date cu hârtia: dacă vreuna diferă, hârtia a fost modificată.
seal-verify-offline = Aplicațiile de verificare pot verifica codul fără conexiune, cu cheile autorității publicate la /.well-known/jwks.json și lista documentelor revocate de la /api/v1/documents/revoked.
seal-verify-sealed-number = Număr de înregistrare
seal-verify-sealed-holder = Titular
seal-verify-sealed-birth = Data nașterii
seal-verify-sealed-issued = Eliberat la
seal-verify-sealed-expires = Valabil până la
seal-verify-error-required = Lipiți textul codului QR.
seal-verify-error-not-a-seal = Acesta nu este textul codului QR al unui document: acesta începe cu GHS1:. Verificați că ați copiat tot textul.
seal-verify-error-unreadable = Textul nu poate fi citit: este deteriorat sau incomplet. Scanați-l sau copiați-l din nou.
seal-verify-error-unknown-key = Acest cod QR nu a fost sigilat de această autoritate. Nu vă încredeți în document.
seal-verify-error-altered = Acest cod QR a fost modificat după sigilare. Nu vă încredeți în document.

# Pagina cererii după eliberarea electronică a documentului.
case-issued-title = Documentul dumneavoastră este gata
case-issued-number = Număr de înregistrare:
case-issued-download = Descărcați PDF-ul semnat
case-issued-seal = Textul codului QR
case-issued-seal-hint = Acesta este conținutul codului QR de pe document. Oricine îl poate lipi în pagina de verificare.
office-register-entries = Ce conține cazierul judiciar
office-register-entries-hint = Citit acum din registru. Certificatul pe care îl eliberați cuprinde aceste mențiuni așa cum sunt.
office-register-none = Registrul nu conține acum nicio mențiune pentru acest titular: certificatul va spune acest lucru.
seal-verify-file-title = Sau verificați fișierul PDF primit
seal-verify-field-file = Fișierul PDF al documentului
seal-verify-field-file-hint = Fișierul așa cum l-ați primit, de cel mult 2 MB. Este comparat cu documentele eliberate aici și nu este păstrat.
seal-verify-file-submit = Verificați fișierul
seal-verify-file-recognised = Acest fișier este exact documentul { $number } așa cum l-a eliberat autoritatea.
seal-verify-file-unknown = Acest fișier nu este un document eliberat aici în forma în care a fost eliberat: este alt fișier sau a fost modificat după eliberare. Nu vă bazați pe el; cereți codul QR sau numărul și verificați-le pe acestea.
seal-verify-file-error-required = Alegeți fișierul PDF al documentului.
seal-verify-file-error-too-large = Fișierul are peste 2 MB, mai mult decât orice document eliberat aici: nu este unul dintre ele.
case-prefilled-title = Ce va cuprinde documentul
case-prefilled-hint = Completat din identitatea dumneavoastră confirmată și din evidențele autorității; nu trebuie să scrieți nimic. Dacă ceva este greșit, contactați autoritatea înainte să trimiteți cererea.
case-prefilled-birth-place = Locul nașterii
case-prefilled-father = Prenumele tatălui
case-prefilled-mother = Prenumele mamei
