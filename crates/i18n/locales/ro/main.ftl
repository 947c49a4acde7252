site-name = Ghiseu
site-tagline = Servicii publice pentru documente
nav-account = Contul meu
skip-to-content = Salt la conținutul principal
language-nav = Limba
lang-name-ro = Română
lang-name-en = English
lang-name-ru = Русский
lang-name-uk = Українська
lang-name-lt = Lietuvių
footer-text = Ghiseu este software open-source. Taxele, termenele și documentele provin din catalogul publicat de fiecare autoritate.
footer-api = Descrierea API (OpenAPI)
catalogue-text-fallback = Unele texte ale instituției „{ $authority }” nu sunt încă traduse în limba română. Ele sunt afișate în { $language ->
        [lt] limba lituaniană
        [en] limba engleză
        [ru] limba rusă
        [uk] limba ucraineană
       *[ro] limba română
    }.
breadcrumbs = Vă aflați aici
breadcrumb-home = Toate serviciile

home-title = Servicii publice pentru documente
home-intro = Alegeți un serviciu ca să vedeți cine poate depune cererea, ce documente trebuie aduse, cât costă și cât durează.
authority-services = Servicii
authority-contact = Contact

service-calculator-link = Calculați taxa și termenele pentru situația dumneavoastră
service-who = Cine poate depune cererea
service-documents = Ce documente aduceți
service-documents-intro = Documentele depind de persoana pentru care se eliberează documentul.
document-original = original
document-copy = copie
document-fee-paid-here = Nu este necesară la depunerea cererii. După ce cererea este acceptată, plătiți taxa aici, online sau cu ordinul de plată pe care vi-l pregătim, iar această plată ține locul chitanței.
document-original-and-copy = original și copie
service-questions = Vi se va cere să precizați
service-fees = Taxe și termene de soluționare
table-urgency = Termen de soluționare
table-fees = Taxe
table-total = Total
table-total-by-age = Depinde de vârstă
fee-under-age = { $amount } sub { $age } ani
fee-from-age = { $amount } de la { $age } ani
service-reductions = Reduceri de taxă
reduction-applies = { $urgency }: redus la { $amount }.
reduction-confirmed = Un operator verifică la depunere dacă îndepliniți condițiile.
service-validity = Cât timp este valabil documentul
validity-none = Acest serviciu nu eliberează un document cu termen de valabilitate.
validity-lifetime = Valabil pe viață.
validity-fixed = Valabil { $term } de la data eliberării.
validity-by-age-intro = Depinde de vârsta titularului la data depunerii cererii:
validity-band = între { $from } și { $to } ani: { $term }
validity-band-last = de la { $from } ani: { $term }
validity-until-birthday = Valabil până la prima dintre aniversările titularului la aceste vârste, după eliberare: { $ages }.
validity-lifetime-from = Se eliberează pe viață dacă titularul are cel puțin { $age } de ani la data eliberării.
validity-granted-stay = Valabil pe durata dreptului de ședere acordat.
validity-capped-passport = Nu depășește niciodată data expirării pașaportului sau a documentului de călătorie al titularului.
validity-capped-id = Nu depășește niciodată data expirării actului național de identitate al titularului.
validity-same-as-id = Valabil pe durata valabilității actului național de identitate al titularului.
validity-same-as-passport = Valabil pe durata valabilității pașaportului titularului.
term-years = { $n ->
    [one] un an
    [few] { $n } ani
   *[other] { $n } de ani
}
term-months = { $n ->
    [one] o lună
    [few] { $n } luni
   *[other] { $n } de luni
}
processing-none = Fără timp de așteptare
processing-same-day = În aceeași zi (în următoarea zi lucrătoare dacă depuneți într-o zi nelucrătoare)
processing-working-days = { $n ->
    [one] o zi lucrătoare
    [few] { $n } zile lucrătoare
   *[other] { $n } de zile lucrătoare
}
processing-calendar-days = { $n ->
    [one] o zi calendaristică
    [few] { $n } zile calendaristice
   *[other] { $n } de zile calendaristice
}
urgency-standard = Standard
service-biometrics = Fotografie și amprente
biometrics-none = Nu se preiau fotografia sau amprentele.
biometrics-face = La depunere vi se face fotografia.
biometrics-fingerprints = La depunere vi se preiau amprentele.
biometrics-face-fingerprints = La depunere vi se preiau fotografia și amprentele.
biometrics-fingerprints-from = Amprentele nu se preiau sub vârsta de { $age } ani sau când preluarea lor este imposibilă fizic.
service-payment = Cum plătiți
service-notes = Bine de știut
renewal-notice = Depuneți cererea cu cel puțin { $days } de zile înainte de expirarea documentului actual.


not-found-title = Pagina nu a fost găsită
not-found-body = Dacă ați scris adresa, verificați că este corectă. Puteți începe din nou de la lista serviciilor.
outage-title = Serviciul este indisponibil pentru moment
outage-body = Nu am putut termina acum, așa că nu s-a schimbat nimic. Așteptați un minut și încercați din nou. Ce ați scris într-un formular este încă acolo dacă vă întoarceți în browser.
outage-scans-body = Scanările nu pot fi citite sau salvate acum, așa că nu s-a schimbat nimic. Încercați din nou peste un minut; dacă încărcați un fișier, alegeți-l din nou.
failure-title = Ceva nu a funcționat la noi
failure-body = Nu am putut termina, așa că nu s-a schimbat nimic. Încercați din nou peste câteva minute. Dacă se repetă, contactați ghișeul.

calculator-title = Calculator de taxe: { $service }
calculator-crumb = Calculator de taxe
calculator-intro = Introduceți datele titularului ca să vedeți taxa, când va fi gata documentul și cât timp va fi valabil. Nu păstrăm nimic din ce introduceți aici.
calculator-more = Mai multe opțiuni
calculate = Calculează
field-service = Serviciu
field-birth_date = Data nașterii titularului documentului
field-birth_date-hint = De exemplu { $example }. Taxa și valabilitatea depind de vârstă.
field-filed_on = Data depunerii
field-filed_on-hint = Ziua în care depuneți cererea. Lăsați gol pentru astăzi.
field-issued_on = Data eliberării
field-issued_on-hint = Lăsați gol ca valabilitatea să se calculeze de la data la care documentul este gata.
field-stay_until = Ultima zi a dreptului de ședere acordat
field-stay_until-hint = Așa cum este scrisă în decizia de acordare a dreptului de ședere.
field-passport_expires = Data expirării pașaportului sau a documentului de călătorie al titularului
field-passport_expires-hint = Permisul nu este valabil niciodată după această dată.
field-id_document_expires = Data expirării actului național de identitate al titularului
field-id_document_expires-hint = Permisul este valabil până la această dată.
field-urgency = Termen de soluționare
field-reductions = Reduceri de taxă pe care le solicitați
error-summary-title = Există o problemă
error-prefix = Eroare:
error-date-format = { $field }: scrieți data ca an-lună-zi, de exemplu 2026-11-23.
error-date-impossible = { $field }: această dată nu există. Verificați ziua și luna.
error-required = { $field }: câmpul este obligatoriu.
error-too-long = { $field }: textul este prea lung.
quote-error-unknown-service = Acest serviciu nu există. Alegeți unul din lista serviciilor.
quote-error-urgency-not-offered = Serviciul nu se poate presta în acest termen. Alegeți unul dintre: { $offered }.
quote-error-unknown-reduction = Acest serviciu nu are această reducere de taxă.
quote-error-reduction-not-for-urgency = Reducerea nu se aplică pentru termenul ales. Alegeți alt termen sau renunțați la reducere.
quote-error-reductions-overlap = Două dintre reducerile alese reduc aceeași taxă. Alegeți doar una dintre ele.
quote-error-birth-date-required = Introduceți data nașterii: taxa sau valabilitatea depind de vârsta titularului.
quote-error-birth-date-after-filing = Data nașterii ({ $birth_date }) este după data depunerii ({ $filed_on }). Verificați ambele date.
quote-error-implausible-birth-date = Data nașterii ({ $birth_date }) ar însemna că titularul are peste 130 de ani. Verificați anul.
quote-error-issue-before-filing = Data eliberării ({ $issued_on }) este înainte de data depunerii ({ $filed_on }). Un document se eliberează în ziua depunerii sau după.
quote-error-missing-fact = { $label }: introduceți această dată, valabilitatea depinde de ea.
quote-error-fact-not-after-issue = { $label }: { $date } nu este după data eliberării ({ $issued_on }), deci documentul nu ar putea fi eliberat. Verificați data.
quote-error-date-out-of-range = Datele sunt prea departe în trecut sau în viitor. Verificați anii.
result-title = Calculul dumneavoastră
result-urgency = Termen de soluționare
result-filed-on = Data depunerii
result-deadline = Gata până la
result-valid-until = Valabil până la
result-fees = Taxe de plătit
result-amount = Sumă
result-total = Total de plată
result-no-deadline = Nu există timp de așteptare
result-lifetime = Pe viață
result-no-validity = Nu expiră

register-title = Creați un cont
register-intro = Cu un cont puteți depune cereri online, le puteți urmări și primiți mesaje despre documentele dumneavoastră.
register-submit = Creează contul
register-have-account = Aveți deja un cont? Autentificați-vă
field-email = Adresa de e-mail
field-email-hint = Trimitem un link la această adresă ca să confirmăm că vă aparține.
field-new-password = Parola
field-new-password-hint = Cel puțin 10 caractere. Câteva cuvinte fără legătură între ele fac o parolă puternică și ușor de ținut minte.
field-confirm-password = Scrieți parola din nou
field-password = Parola
account-error-email-empty = Introduceți adresa de e-mail.
account-error-email-too-long = O adresă de e-mail are cel mult 254 de caractere.
account-error-email-shape = Introduceți o adresă de e-mail de forma nume@exemplu.ro.
account-error-email-local-part = Partea dinainte de @ poate conține doar litere, cifre și . _ % + - ' (fără spații).
account-error-email-domain = Partea de după @ trebuie să fie un domeniu, de exemplu exemplu.ro.
account-error-password-too-short = Folosiți cel puțin 10 caractere.
account-error-password-too-long = Folosiți cel mult 128 de caractere.
account-error-password-guessable = Parola este prea ușor de ghicit. Adăugați mai multe cuvinte și evitați nume, date și expresii uzuale.
account-error-confirm = Cele două parole nu sunt identice. Scrieți-le din nou.
check-email-title = Verificați-vă e-mailul
check-email-body = Dacă adresa poate fi folosită, i-am trimis un mesaj cu un link. Deschideți linkul în 24 de ore ca să confirmați adresa, apoi autentificați-vă.
try-again-title = Ne pare rău, nu a funcționat
try-again-body = A apărut o problemă la noi și nu s-a salvat nimic. Vă rugăm să încercați din nou peste câteva minute.
form-expired-title = Formularul a expirat
form-expired-body = Pentru siguranța dumneavoastră, formularele nu mai funcționează după o vreme sau când sunt deschise de pe alt site. Nu s-a salvat nimic.
form-expired-link = Deschideți din nou formularul
verify-title = Confirmați adresa de e-mail
verify-intro = Apăsați butonul ca să confirmați că această adresă de e-mail vă aparține.
verify-submit = Confirm adresa
verify-go-to-login = Autentificare
verify-done-title = Adresa de e-mail este confirmată
verify-done-body = Acum vă puteți autentifica.
verify-used-title = Linkul a fost deja folosit
verify-used-body = Adresa este deja confirmată. Vă puteți autentifica.
verify-expired-title = Linkul a expirat
verify-expired-body = Linkurile sunt valabile 24 de ore. Cereți unul nou: este trimis la aceeași adresă.
verify-unknown-title = Linkul nu este valid
verify-unknown-body = Verificați că ați deschis linkul întreg din mesaj sau înregistrați-vă din nou.
login-title = Autentificare
login-submit = Autentificare
login-no-account = Nu aveți cont? Creați unul
login-error-credentials = Adresa de e-mail sau parola nu este corectă.
login-error-unverified = Confirmați mai întâi adresa de e-mail: deschideți linkul din mesajul trimis.
login-error-throttled = Prea multe autentificări eșuate pentru acest cont sau de la această conexiune. Pentru siguranța dumneavoastră, așteptați 15 minute, autentificați-vă de pe un dispozitiv folosit înainte sau resetați parola: linkul trimis pe e-mail deblochează contul.
account-title = Contul dumneavoastră
account-role = Rol
account-assurance = Identitate verificată prin
role-citizen = Cetățean
role-operator = Operator
role-supervisor = Supervizor
role-administrator = Administrator
assurance-email = Doar adresa de e-mail
assurance-in-person = Un operator, la ghișeu
assurance-card = Verificarea unui card bancar
logout = Ieșire din cont
logout-everywhere = Ieșire din cont pe toate dispozitivele
email-verify-subject = Confirmați adresa de e-mail pentru Ghiseu
email-verify-body = Bună ziua,

    Ca să confirmați că această adresă vă aparține, deschideți linkul de mai jos în 24 de ore:
    { $link }

    Dacă nu ați creat un cont, ignorați acest mesaj.
email-exists-subject = Cineva a încercat să se înregistreze cu adresa dumneavoastră
email-exists-body = Bună ziua,

    Cineva a încercat să creeze un cont Ghiseu cu această adresă, care are deja un cont. Dacă ați fost dumneavoastră, autentificați-vă aici:
    { $link }

    Dacă nu ați fost dumneavoastră, nu trebuie să faceți nimic.
login-forgot = Ați uitat parola?
reset-title = Resetați parola
reset-intro = Introduceți adresa de e-mail a contului. Îi trimitem un link pentru alegerea unei parole noi.
reset-submit = Trimiteți-mi un link
reset-sent-body = Dacă un cont folosește această adresă, i-am trimis un link. Deschideți-l într-o oră ca să alegeți o parolă nouă.
reset-new-title = Alegeți o parolă nouă
reset-new-submit = Salvează parola nouă
reset-done-title = Parola a fost schimbată
reset-done-body = Pentru siguranța dumneavoastră ați fost deconectat de pe toate dispozitivele. Autentificați-vă cu parola nouă.
reset-used-body = Linkul a fost deja folosit. Cereți unul nou dacă mai aveți nevoie.
reset-expired-body = Linkurile sunt valabile o oră. Cereți unul nou.
reset-unknown-body = Verificați că ați deschis linkul întreg din mesaj sau cereți unul nou.
reset-again = Cereți un link nou
email-reset-subject = Resetați parola Ghiseu
email-reset-body = Bună ziua,

    Ca să alegeți o parolă nouă, deschideți linkul de mai jos într-o oră:
    { $link }

    Dacă nu ați cerut acest lucru, ignorați mesajul: parola rămâne aceeași.
messages-title = Mesajele trimise de noi
messages-none = Nu v-am trimis încă niciun mesaj.
messages-when = Pus în coadă
messages-channel = Prin
messages-subject = Subiect
messages-status = Livrare
message-channel-email = E-mail
message-channel-sms = SMS
message-status-pending = În așteptare
message-status-sent = Trimis
message-status-failed = Nu a putut fi livrat
message-status-withdrawn = Anulat, nu a mai fost trimis
second-factor-title = Coduri de autentificare de pe telefon
second-factor-on = Codurile de autentificare sunt active: după parolă vă cerem un cod din aplicația de autentificare.
second-factor-intro = Protejați-vă contul cu un pas în plus: după parolă, un cod de șase cifre dintr-o aplicație de pe telefon.
second-factor-step-app = Instalați pe telefon o aplicație de autentificare, dacă nu aveți una.
second-factor-step-scan = În aplicație, adăugați un cont scanând acest cod.
second-factor-qr-label = Cod QR de scanat cu aplicația de autentificare
second-factor-step-type = Dacă nu îl puteți scana, introduceți această cheie:
second-factor-step-code = Introduceți codul de șase cifre afișat de aplicație.
second-factor-submit = Activează codurile de autentificare
second-factor-error-code = Codul nu este corect. Introduceți cele șase cifre afișate acum de aplicație sau un cod de recuperare.
field-code = Cod de șase cifre
field-code-or-recovery = Codul din aplicație sau un cod de recuperare
recovery-codes-title = Păstrați aceste coduri de recuperare
recovery-codes-intro = Dacă pierdeți telefonul, fiecare dintre aceste coduri vă permite să vă autentificați o dată. Tipăriți-le sau notați-le și păstrați-le în siguranță: nu le vom mai afișa.
second-step-title = Introduceți codul de autentificare
second-step-intro = Deschideți aplicația de autentificare și introduceți codul afișat pentru Ghiseu.
second-step-submit = Continuă
service-assurance = Confirmarea identității
service-assurance-intro = Înainte de a depune cererea, identitatea dumneavoastră trebuie confirmată într-unul din aceste moduri:
service-assurance-email = o adresă de e-mail verificată
service-assurance-in-person = o singură dată, prezentând actul de identitate la un ghișeu
service-assurance-card = online, printr-o verificare cu cardul bancar (3-D Secure)
service-assurance-link = Vedeți în contul dumneavoastră cum este confirmată identitatea
office-nav-title = Activitatea de ghișeu
office-forbidden-title = Această pagină este pentru personal
office-forbidden-body = Contul dumneavoastră nu are acces la back office. Dacă lucrați la ghișeu, cereți acces administratorului.
office-identity-title = Verificarea identității la ghișeu
office-search-label = Adresa de e-mail a contului persoanei
office-search = Caută
office-not-found = Niciun cont nu folosește această adresă. Verificați-o împreună cu persoana.
office-document-type = Documentul prezentat
office-document-number = Numărul documentului
office-country = Țara codului numeric personal
office-national-id = Codul numeric personal
office-record = Înregistrează verificarea
office-identity-done = Verificarea a fost înregistrată: contul are acum identitatea verificată la ghișeu.
office-error-document-type = Alegeți tipul documentului prezentat.
office-error-document-number = Introduceți numărul documentului: între 4 și 20 de litere și cifre.
office-error-country = Alegeți țara codului numeric personal.
office-error-national-id = Verificați codul numeric personal:
office-error-national-id-taken = Acest cod numeric personal aparține deja altui cont. Nu s-a înregistrat nimic; îndrumați persoana către un supervizor.
office-error-national-id-different = Contul are deja un alt cod numeric personal. Nu s-a înregistrat nimic.
office-error-unknown-person = Contul nu mai există. Căutați din nou.
document-type-identity-card = Carte de identitate
document-type-passport = Pașaport
document-type-residence-permit = Permis de ședere
register-throttled-title = Prea multe conturi noi de aici
register-throttled-body = Pentru siguranța tuturor limităm numărul de conturi create dintr-un loc într-o oră. Vă rugăm să încercați din nou peste o oră; nu s-a salvat nimic.
household-title = Copiii dumneavoastră
household-intro = Adăugați un copil al cărui părinte sau reprezentant legal sunteți. Un operator confirmă relația pe baza documentului prezentat la ghișeu; apoi puteți depune cereri pentru copil și îi puteți vedea documentele, până la împlinirea vârstei de 18 ani.
household-none = Nu ați adăugat încă niciun copil.
household-add-title = Adăugați un copil
household-add-hint = Prezentați documentul ales mai jos la biroul ales: cererea așteaptă până când un operator de acolo îl vede.
household-field-office = Biroul unde veți prezenta documentul
household-field-office-hint = Alegeți ghișeul la care puteți ajunge; operatorii lui confirmă relația.
household-field-office-choose = Alegeți un birou
household-error-office = Alegeți un birou din listă.
household-add-submit = Cer să acționez pentru acest copil
household-field-given_name = Prenumele copilului
household-field-family_name = Numele de familie al copilului
household-field-birth_date = Data nașterii
office-guardian-relationship = Tutorele este al copilului
office-guardian-evidence = Documentul pe care îl va prezenta tutorele
household-field-relationship = Sunteți al copilului
household-field-evidence = Documentul pe care îl veți prezenta
household-relationship-parent = Părinte
household-relationship-legal-representative = Reprezentant legal
household-evidence-birth-certificate = Certificat de naștere
household-evidence-guardianship-decision = Hotărâre de tutelă
household-status-pending = Așteaptă confirmarea unui operator
household-status-confirmed = Confirmat
household-status-ended = Încheiat la împlinirea vârstei de 18 ani
household-status-refused = Neconfirmat: întrebați la ghișeu de ce
household-error-adult = Persoana are 18 ani sau mai mult: un adult își gestionează singur contul.
household-error-choice = Alegeți relația și documentul din liste.
household-ends = Puteți acționa pentru copil până la
office-guardianships-title = Părinți și reprezentanți care așteaptă confirmarea
office-guardianships-back = Înapoi la listă
office-decision-choose = Alegeți dacă confirmați sau refuzați cererea.
office-decision-already = Această cerere a fost deja soluționată de altcineva. Reîncărcați lista.
office-at = Birou
office-record-title = Înregistrați o relație din documentele prezentate aici
office-record-hint = Folosiți această secțiune când părintele sau reprezentantul legal este la ghișeul dumneavoastră cu certificatul de naștere sau hotărârea de tutelă: relația este confirmată imediat.
office-record-relationship = Persoana este, față de copil,
office-record-evidence = Documentul verificat
office-record-submit = Înregistrați relația confirmată
office-record-done = Relația este înregistrată și confirmată. Persoana vede copilul în contul său.
office-staff-title = Personalul și birourile lui
office-staff-members = Personalul actual
office-staff-email = Adresa de e-mail a contului
office-staff-role = Rol
office-staff-authority = Autoritate
office-staff-offices = Birouri
office-staff-offices-hint = Un operator lucrează la birourile bifate aici. Supervizorii și administratorii văd toate birourile autorității lor.
office-staff-installation = Toate autoritățile (administratorul instalării)
office-staff-assign = Atribuiți un rol
office-staff-assign-hint = Persoana trebuie să aibă deja un cont. Sesiunile ei se închid, astfel că noul rol se aplică la următoarea autentificare.
office-staff-submit = Salvați rolul
office-staff-saved = Rolul este salvat. Persoana se autentifică din nou pentru a-l folosi.
office-staff-forbidden = Doar un administrator poate atribui roluri. Adresați-vă administratorului.
office-staff-error-self = Nu vă puteți schimba propriul rol: adresați-vă altui administrator.
office-staff-error-role = Alegeți un rol din listă.
office-staff-error-authority = Alegeți o autoritate pe care o administrați.
office-staff-error-foreign-office = Bifați doar birouri ale autorității alese.
office-staff-error-no-office = Bifați cel puțin un birou în care lucrează operatorul.
office-guardianships-none = Nicio cerere nu așteaptă.
office-guardian = Contul părintelui sau reprezentantului
office-confirm = Confirm: am văzut documentul
office-refuse = Refuz
household-error-grant-self = Nu puteți înregistra sau confirma o relație în care dumneavoastră sunteți tutorele. Rugați un coleg să o facă.
office-error-grant-self = Nu puteți înregistra verificarea propriei identități. Rugați un coleg să vă verifice actul.
office-error-grant-staff-representative = Identitatea unui angajat este verificată de un supervizor sau de un administrator.
service-apply = Depuneți cererea
service-book = Programați-vă
service-apply-hint = Dacă nu sunteți autentificat, vi se va cere mai întâi să intrați în cont sau să vă creați unul.
resend-title = Retrimiteți linkul de confirmare
resend-intro = Scrieți adresa de e-mail cu care v-ați înregistrat. Dacă așteaptă încă să fie confirmată, îi trimitem un link nou, valabil 24 de ore.
resend-submit = Trimiteți un link nou
resend-sent-title = Verificați-vă e-mailul
resend-sent-body = Dacă un cont cu această adresă așteaptă confirmarea, un link nou este pe drum. Deschideți-l în 24 de ore. Dacă nu primiți nimic, căutați în dosarul de spam sau înregistrați-vă din nou.
resend-throttled-title = Prea multe cereri
resend-throttled-body = S-au cerut linkuri prea des de aici. Încercați din nou peste o oră.
resend-link = Nu ați primit linkul de confirmare sau nu mai funcționează? Retrimiteți-l
home-filter-title = Găsiți un serviciu
home-filter-authority = Autoritatea
home-filter-for = Pentru cine este
home-filter-any = Oricare
home-filter-submit = Arătați serviciile
home-filter-clear = Arătați toate serviciile
home-filter-none = Niciun serviciu nu corespunde acestor alegeri. Alegeți „Oricare” la una dintre ele sau arătați toate serviciile.
home-for-everyone = Oricine
home-for-citizens = Cetățenii țării
home-for-foreigners = Străinii
home-for-stateless = Apatrizii
home-for-organisations = Firmele și organizațiile
done-case-started = Cererea a fost începută. Răspundeți la întrebări și atașați documentele de mai jos, apoi trimiteți-o. Până o trimiteți, este păstrată ca ciornă.
done-case-saved = Răspunsurile au fost salvate. Când totul de mai jos este gata, trimiteți cererea.
done-case-sent = Cererea a fost trimisă. Un funcționar o va verifica; vă anunțăm când este acceptată sau dacă trebuie corectat ceva.
done-case-withdrawn = Cererea a fost retrasă. Nu se mai întâmplă nimic cu ea; puteți începe oricând una nouă.
done-document-attached = Documentul a fost atașat. Îl puteți înlocui până când trimiteți cererea.
done-booked = Programarea a fost făcută. Ce să aduceți și cum o puteți muta sau anula găsiți mai jos.
done-moved = Programarea a fost mutată la ora de mai jos. Ora veche este liberă pentru altcineva.
done-ward-requested = Cererea a fost înregistrată. Un funcționar verifică dovezile; după confirmare puteți depune cereri pentru această persoană.
done-case-claimed = Dosarul este acum al dumneavoastră. Colegii văd că lucrați la el.
done-case-assigned = Dosarul a fost dat operatorului ales. Acum este în lista sa de lucru.
done-case-decided = Decizia a fost înregistrată. Solicitantul este anunțat pe canalele alese de el.
done-handed-over = Predarea a fost înregistrată. Documentul este acum la titular.
done-appointment-given = Programarea a fost dată. Solicitantul află ora și locul pe canalele alese de el.
done-payment-recorded = Plata a fost înregistrată. Dosarul nu mai așteaptă taxa.
done-closure-recorded = Închiderea a fost înregistrată. Persoanele programate în acele zile sunt anunțate, cu un link pentru a alege altă oră.
done-closure-lifted = Închiderea a fost anulată. Acele zile pot fi din nou rezervate.
