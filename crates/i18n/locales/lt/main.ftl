site-name = Ghiseu
site-tagline = Viešosios dokumentų paslaugos
nav-account = Jūsų paskyra
skip-to-content = Pereiti prie pagrindinio turinio
language-nav = Kalba
lang-name-ro = Română
lang-name-en = English
lang-name-ru = Русский
lang-name-uk = Українська
lang-name-lt = Lietuvių
footer-text = Ghiseu – atvirojo kodo programinė įranga. Rinkliavos, terminai ir dokumentai nurodomi pagal kiekvienos institucijos paskelbtą paslaugų katalogą.
footer-api = API aprašas (OpenAPI)
catalogue-text-fallback = Kai kurie institucijos „{ $authority }“ tekstai dar neišversti į lietuvių kalbą. Jie rodomi { $language ->
        [lt] lietuvių
        [en] anglų
        [ru] rusų
        [uk] ukrainiečių
       *[ro] rumunų
    } kalba.
breadcrumbs = Jūs esate čia
breadcrumb-home = Visos paslaugos

home-title = Viešosios dokumentų paslaugos
home-intro = Pasirinkite paslaugą ir sužinokite, kas gali kreiptis, ką reikia pateikti, kiek tai kainuoja ir kiek laiko užtrunka.
authority-services = Paslaugos
authority-contact = Kontaktai

service-calculator-link = Apskaičiuokite rinkliavą ir terminus savo atveju
service-who = Kas gali kreiptis
service-documents = Ką reikia pateikti
service-documents-intro = Reikalingi dokumentai priklauso nuo to, kam skirtas dokumentas.
document-original = originalas
document-copy = kopija
document-fee-paid-here = Teikiant prašymą nereikia. Kai prašymas bus priimtas, rinkliavą sumokėsite čia – internetu arba pagal mūsų parengtą mokėjimo nurodymą, ir šis mokėjimas atstos kvitą.
document-original-and-copy = originalas ir kopija
service-questions = Klausimai, į kuriuos reikės atsakyti
service-fees = Rinkliavos ir nagrinėjimo terminai
table-urgency = Nagrinėjimo terminas
table-fees = Rinkliavos
table-total = Iš viso
table-total-by-age = Priklauso nuo amžiaus
fee-under-age = { $amount } (jaunesniems nei { $age } metų)
fee-from-age = { $amount } ({ $age } metų ir vyresniems)
service-reductions = Rinkliavos lengvatos
reduction-applies = { $urgency }: sumažinama iki { $amount }.
reduction-confirmed = Ar atitinkate sąlygas, darbuotojas patikrins, kai pateiksite prašymą.
service-validity = Kiek laiko galioja dokumentas
validity-none = Pagal šią paslaugą neišduodamas dokumentas su galiojimo pabaigos data.
validity-lifetime = Galioja neterminuotai.
validity-fixed = Galiojimo terminas – { $term } nuo išdavimo dienos.
validity-by-age-intro = Terminas priklauso nuo turėtojo amžiaus prašymo pateikimo dieną:
validity-band = nuo { $from } iki { $to } metų: { $term }
validity-band-last = { $from } metų ir vyresniems: { $term }
validity-until-birthday = Galioja, kol po išdavimo turėtojui sukaks artimiausias iš šių amžių (metais): { $ages }.
validity-lifetime-from = Išduodamas neterminuotai, jei išdavimo dieną turėtojas yra { $age } metų amžiaus ar vyresnis.
validity-granted-stay = Galioja tol, kol galioja suteikta teisė gyventi šalyje.
validity-capped-passport = Niekada negalioja ilgiau nei turėtojo pasas ar kelionės dokumentas.
validity-capped-id = Niekada negalioja ilgiau nei turėtojo nacionalinis asmens tapatybės dokumentas.
validity-same-as-id = Galioja tiek pat, kiek turėtojo nacionalinis asmens tapatybės dokumentas.
validity-same-as-passport = Galioja tiek pat, kiek turėtojo pasas.
term-years = { $n ->
    [one] { $n } metai
    [few] { $n } metai
    [many] { $n } metų
   *[other] { $n } metų
}
term-months = { $n ->
    [one] { $n } mėnuo
    [few] { $n } mėnesiai
    [many] { $n } mėnesio
   *[other] { $n } mėnesių
}
processing-none = Laukti nereikia
processing-same-day = Tą pačią dieną (jei prašymą pateikiate ne darbo dieną – kitą darbo dieną)
processing-working-days = { $n ->
    [one] { $n } darbo diena
    [few] { $n } darbo dienos
    [many] { $n } darbo dienos
   *[other] { $n } darbo dienų
}
processing-calendar-days = { $n ->
    [one] { $n } kalendorinė diena
    [few] { $n } kalendorinės dienos
    [many] { $n } kalendorinės dienos
   *[other] { $n } kalendorinių dienų
}
urgency-standard = Įprastas
service-biometrics = Nuotrauka ir pirštų atspaudai
biometrics-none = Nuotrauka nedaroma, pirštų atspaudai neimami.
biometrics-face = Pateikiant prašymą jus nufotografuos.
biometrics-fingerprints = Pateikiant prašymą bus paimti jūsų pirštų atspaudai.
biometrics-face-fingerprints = Pateikiant prašymą jus nufotografuos ir paims pirštų atspaudus.
biometrics-fingerprints-from = Pirštų atspaudai neimami iš jaunesnių nei { $age } metų asmenų ir tais atvejais, kai tai fiziškai neįmanoma.
service-payment = Kaip sumokėti
service-notes = Naudinga žinoti
renewal-notice = Prašymą pateikite ne vėliau kaip prieš { $days ->
    [one] { $days } dieną
    [few] { $days } dienas
    [many] { $days } dienos
   *[other] { $days } dienų
} iki dabartinio dokumento galiojimo pabaigos.

# Mėnesių pavadinimai vartojami datose („23 lapkričio 2026“), todėl kilmininko linksniu.

not-found-title = Puslapis nerastas
not-found-body = Jei adresą įvedėte patys, patikrinkite, ar jis teisingas. Taip pat galite pradėti iš naujo nuo paslaugų sąrašo.
outage-title = Paslauga trumpam nepasiekiama
outage-body = Dabar to atlikti nepavyko, todėl niekas nepasikeitė. Palaukite minutę ir bandykite dar kartą. Tai, ką įvedėte formoje, liks, jei naršyklėje grįšite atgal.
outage-scans-body = Skenuotų dokumentų dabar negalima atverti ar išsaugoti, todėl niekas nepasikeitė. Bandykite dar kartą po minutės; jei įkėlėte failą, pasirinkite jį iš naujo.
failure-title = Mūsų pusėje įvyko klaida
failure-body = To atlikti nepavyko, todėl niekas nepasikeitė. Bandykite dar kartą po kelių minučių. Jei tai kartosis, kreipkitės į skyrių.

calculator-title = Rinkliavos skaičiuoklė: { $service }
calculator-crumb = Rinkliavos skaičiuoklė
calculator-intro = Įveskite dokumento turėtojo duomenis ir sužinosite rinkliavą, kada dokumentas bus parengtas ir kiek laiko jis galios. Čia įvesti duomenys neišsaugomi.
calculator-more = Daugiau parinkčių
calculate = Apskaičiuoti
field-service = Paslauga
field-birth_date = Dokumento turėtojo gimimo data
field-birth_date-hint = Pavyzdžiui, { $example }. Rinkliava ir galiojimas priklauso nuo amžiaus.
field-filed_on = Prašymo pateikimo data
field-filed_on-hint = Diena, kai pateikiate prašymą. Jei tai šiandien, palikite tuščią.
field-issued_on = Išdavimo data
field-issued_on-hint = Palikite tuščią, jei galiojimą reikia skaičiuoti nuo tos dienos, kai dokumentas bus parengtas.
field-stay_until = Paskutinė suteiktos teisės gyventi šalyje diena
field-stay_until-hint = Kaip nurodyta sprendime suteikti teisę gyventi šalyje.
field-passport_expires = Turėtojo paso ar kelionės dokumento galiojimo pabaigos data
field-passport_expires-hint = Leidimas niekada negalioja ilgiau nei iki šios datos.
field-id_document_expires = Turėtojo nacionalinio asmens tapatybės dokumento galiojimo pabaigos data
field-id_document_expires-hint = Leidimas galioja iki šios datos.
field-urgency = Nagrinėjimo terminas
field-reductions = Rinkliavos lengvatos, kurių prašote
error-summary-title = Yra klaida
error-prefix = Klaida:
error-date-format = { $field }: datą rašykite formatu metai-mėnuo-diena, pavyzdžiui, 2026-11-23.
error-date-impossible = { $field }: tokios datos nėra. Patikrinkite dieną ir mėnesį.
error-required = { $field }: šį lauką būtina užpildyti.
error-too-long = { $field }: tekstas per ilgas.
quote-error-unknown-service = Tokios paslaugos nėra. Pasirinkite paslaugą iš sąrašo.
quote-error-urgency-not-offered = Šios paslaugos per tokį terminą suteikti negalima. Pasirinkite vieną iš šių terminų: { $offered }.
quote-error-unknown-reduction = Šiai paslaugai tokia rinkliavos lengvata netaikoma.
quote-error-reduction-not-for-urgency = Ši lengvata netaikoma pasirinktam nagrinėjimo terminui. Pasirinkite kitą terminą arba atsisakykite lengvatos.
quote-error-reductions-overlap = Dvi pasirinktos lengvatos mažina tą pačią rinkliavą. Pasirinkite tik vieną iš jų.
quote-error-birth-date-required = Įveskite gimimo datą: rinkliava arba galiojimas priklauso nuo turėtojo amžiaus.
quote-error-birth-date-after-filing = Gimimo data ({ $birth_date }) yra vėlesnė nei prašymo pateikimo data ({ $filed_on }). Patikrinkite abi datas.
quote-error-implausible-birth-date = Pagal gimimo datą ({ $birth_date }) turėtojas būtų vyresnis nei 130 metų. Patikrinkite metus.
quote-error-issue-before-filing = Išdavimo data ({ $issued_on }) yra ankstesnė nei prašymo pateikimo data ({ $filed_on }). Dokumentas išduodamas prašymo pateikimo dieną arba vėliau.
quote-error-missing-fact = { $label }: įveskite šią datą, nes nuo jos priklauso galiojimas.
quote-error-fact-not-after-issue = { $label }: data { $date } nėra vėlesnė už išdavimo datą ({ $issued_on }), todėl dokumento išduoti nebūtų galima. Patikrinkite datą.
quote-error-date-out-of-range = Šios datos per toli praeityje arba ateityje. Patikrinkite metus.
result-title = Jūsų skaičiavimas
result-urgency = Nagrinėjimo terminas
result-filed-on = Prašymo pateikimo data
result-deadline = Bus parengtas iki
result-valid-until = Galioja iki
result-fees = Mokėtinos rinkliavos
result-amount = Suma
result-total = Iš viso mokėti
result-no-deadline = Laukti nereikia
result-lifetime = Neterminuotai
result-no-validity = Galiojimas nesibaigia

register-title = Susikurkite paskyrą
register-intro = Turėdami paskyrą, galėsite pateikti prašymus internetu, sekti jų eigą ir gauti pranešimus apie savo dokumentus.
register-submit = Sukurti paskyrą
register-have-account = Jau turite paskyrą? Prisijunkite
field-email = El. pašto adresas
field-email-hint = Šiuo adresu atsiųsime nuorodą, kad patvirtintumėte, jog adresas jūsų.
field-new-password = Slaptažodis
field-new-password-hint = Ne trumpesnis kaip 10 simbolių. Keli nesusiję žodžiai – stiprus ir lengvai įsimenamas slaptažodis.
field-confirm-password = Pakartokite slaptažodį
field-password = Slaptažodis
account-error-email-empty = Įveskite el. pašto adresą.
account-error-email-too-long = El. pašto adresas gali būti ne ilgesnis kaip 254 simboliai.
account-error-email-shape = Įveskite el. pašto adresą, pavyzdžiui, vardas@example.com.
account-error-email-local-part = Dalyje prieš @ gali būti tik raidės, skaitmenys ir ženklai . _ % + - ' (be tarpų).
account-error-email-domain = Po @ turi būti domenas, pavyzdžiui, example.com.
account-error-password-too-short = Slaptažodis turi būti ne trumpesnis kaip 10 simbolių.
account-error-password-too-long = Slaptažodis turi būti ne ilgesnis kaip 128 simboliai.
account-error-password-guessable = Šį slaptažodį per lengva atspėti. Pridėkite daugiau žodžių ir nenaudokite vardų, datų ar dažnų frazių.
account-error-confirm = Slaptažodžiai nesutampa. Įveskite juos dar kartą.
check-email-title = Patikrinkite el. paštą
check-email-body = Jei šiuo adresu galima naudotis, išsiuntėme į jį laišką su nuoroda. Per 24 valandas atidarykite nuorodą, kad patvirtintumėte adresą, tada prisijunkite.
try-again-title = Atsiprašome, nepavyko
try-again-body = Mūsų sistemoje įvyko klaida, todėl niekas neišsaugota. Bandykite dar kartą po kelių minučių.
form-expired-title = Šios formos galiojimas baigėsi
form-expired-body = Saugumo sumetimais forma nustoja veikti po tam tikro laiko arba jei ji atidaroma iš kitos svetainės. Niekas neišsaugota.
form-expired-link = Atidaryti formą iš naujo
verify-title = Patvirtinkite el. pašto adresą
verify-intro = Paspauskite mygtuką ir patvirtinkite, kad šis el. pašto adresas jūsų.
verify-submit = Patvirtinti adresą
verify-go-to-login = Prisijungti
verify-done-title = El. pašto adresas patvirtintas
verify-done-body = Dabar galite prisijungti.
verify-used-title = Ši nuoroda jau panaudota
verify-used-body = Jūsų adresas jau patvirtintas. Galite prisijungti.
verify-expired-title = Nuorodos galiojimas baigėsi
verify-expired-body = Nuorodos galioja 24 valandas. Paprašykite naujos: ji bus išsiųsta tuo pačiu adresu.
verify-unknown-title = Nuoroda negalioja
verify-unknown-body = Patikrinkite, ar atidarėte visą nuorodą iš laiško, arba užsiregistruokite iš naujo.
login-title = Prisijungimas
login-submit = Prisijungti
login-no-account = Dar neturite paskyros? Susikurkite
login-error-credentials = Neteisingas el. pašto adresas arba slaptažodis.
login-error-unverified = Pirmiausia patvirtinkite el. pašto adresą: atidarykite nuorodą mūsų atsiųstame laiške.
login-error-throttled = Per daug nesėkmingų bandymų prisijungti prie šios paskyros arba iš šio ryšio. Saugumo sumetimais palaukite 15 minučių, prisijunkite iš įrenginio, kuriuo jau naudojotės, arba atkurkite slaptažodį: el. paštu atsiųsta nuoroda atrakins paskyrą.
account-title = Jūsų paskyra
account-role = Vaidmuo
account-assurance = Tapatybės patvirtinimo būdas
role-citizen = Paslaugų gavėjas
role-operator = Darbuotojas
role-supervisor = Vadovas
role-administrator = Administratorius
assurance-email = Tik el. pašto adresas
assurance-in-person = Darbuotojas, aptarnavimo vietoje
assurance-card = Banko kortelės patikra
logout = Atsijungti
logout-everywhere = Atsijungti visuose įrenginiuose
email-verify-subject = Patvirtinkite savo el. pašto adresą Ghiseu sistemoje
email-verify-body = Sveiki,

    Kad patvirtintumėte, jog šis adresas jūsų, per 24 valandas atidarykite šią nuorodą:
    { $link }

    Jei paskyros nekūrėte, šio laiško nepaisykite.
email-exists-subject = Kažkas bandė užsiregistruoti jūsų el. pašto adresu
email-exists-body = Sveiki,

    Kažkas bandė sukurti Ghiseu paskyrą šiuo adresu, tačiau tokia paskyra jau yra. Jei tai buvote jūs, prisijunkite čia:
    { $link }

    Jei tai buvote ne jūs, nieko daryti nereikia.
login-forgot = Pamiršote slaptažodį?
reset-title = Slaptažodžio atkūrimas
reset-intro = Įveskite paskyros el. pašto adresą. Į jį atsiųsime nuorodą, kuria galėsite susikurti naują slaptažodį.
reset-submit = Siųsti nuorodą
reset-sent-body = Jei šis adresas naudojamas kurioje nors paskyroje, išsiuntėme į jį nuorodą. Per vieną valandą ją atidarykite ir susikurkite naują slaptažodį.
reset-new-title = Susikurkite naują slaptažodį
reset-new-submit = Išsaugoti naują slaptažodį
reset-done-title = Slaptažodis pakeistas
reset-done-body = Saugumo sumetimais atjungėme jus visuose įrenginiuose. Prisijunkite nauju slaptažodžiu.
reset-used-body = Ši nuoroda jau panaudota. Jei vis dar reikia, paprašykite naujos.
reset-expired-body = Nuorodos galioja vieną valandą. Paprašykite naujos.
reset-unknown-body = Patikrinkite, ar atidarėte visą nuorodą iš laiško, arba paprašykite naujos.
reset-again = Paprašyti naujos nuorodos
email-reset-subject = Ghiseu slaptažodžio atkūrimas
email-reset-body = Sveiki,

    Kad susikurtumėte naują slaptažodį, per vieną valandą atidarykite šią nuorodą:
    { $link }

    Jei to neprašėte, šio laiško nepaisykite: jūsų slaptažodis nepasikeis.
messages-title = Jums išsiųsti pranešimai
messages-none = Dar neišsiuntėme jums nė vieno pranešimo.
messages-when = Įtraukta į eilę
messages-channel = Būdas
messages-subject = Tema
messages-status = Pristatymas
message-channel-email = El. paštas
message-channel-sms = SMS
message-status-pending = Laukia išsiuntimo
message-status-sent = Išsiųsta
message-status-failed = Nepavyko pristatyti
message-status-withdrawn = Atšaukta, neišsiųsta
second-factor-title = Prisijungimo kodai telefone
second-factor-on = Prisijungimo kodai įjungti: įvedus slaptažodį, paprašysime kodo iš autentifikavimo programėlės.
second-factor-intro = Apsaugokite paskyrą antruoju žingsniu: įvedus slaptažodį, reikės šešiaženklio kodo iš programėlės telefone.
second-factor-step-app = Jei neturite, įsidiekite autentifikavimo programėlę telefone.
second-factor-step-scan = Programėlėje pridėkite paskyrą nuskenuodami šį kodą.
second-factor-qr-label = QR kodas, kurį reikia nuskenuoti autentifikavimo programėle
second-factor-step-type = Jei nuskenuoti negalite, įveskite šį raktą:
second-factor-step-code = Įveskite šešiaženklį kodą, kurį rodo programėlė.
second-factor-submit = Įjungti prisijungimo kodus
second-factor-error-code = Kodas neteisingas. Įveskite šešis skaitmenis, kuriuos programėlė rodo dabar, arba atkūrimo kodą.
field-code = Šešiaženklis kodas
field-code-or-recovery = Programėlės kodas arba atkūrimo kodas
recovery-codes-title = Išsaugokite šiuos atkūrimo kodus
recovery-codes-intro = Jei pamestumėte telefoną, kiekvienu iš šių kodų galėsite prisijungti vieną kartą. Atsispausdinkite arba užsirašykite juos ir laikykite saugioje vietoje: daugiau jų nerodysime.
second-step-title = Įveskite prisijungimo kodą
second-step-intro = Atidarykite autentifikavimo programėlę ir įveskite kodą, kurį ji rodo Ghiseu paskyrai.
second-step-submit = Tęsti
service-assurance = Tapatybės patvirtinimas
service-assurance-intro = Prieš teikiant prašymą, jūsų tapatybė turi būti patvirtinta vienu iš šių būdų:
service-assurance-email = patvirtintu el. pašto adresu
service-assurance-in-person = vieną kartą – padalinyje pateikus asmens tapatybę patvirtinantį dokumentą
service-assurance-card = internetu – banko kortelės patikra (3-D Secure)
service-assurance-link = Kaip patvirtinama jūsų tapatybė, žr. savo paskyroje
office-nav-title = Darbuotojų sritis
office-forbidden-title = Šis puslapis skirtas darbuotojams
office-forbidden-body = Jūsų paskyra neturi prieigos prie darbuotojų srities. Jei dirbate aptarnavimo langelyje, paprašykite administratoriaus suteikti prieigą.
office-identity-title = Tapatybės patikra aptarnavimo vietoje
office-search-label = Asmens paskyros el. pašto adresas
office-search = Ieškoti
office-not-found = Šiuo adresu paskyros nėra. Pasitikslinkite adresą su asmeniu.
office-document-type = Pateiktas dokumentas
office-document-number = Dokumento numeris
office-country = Valstybė, suteikusi asmens identifikacinį numerį
office-national-id = Asmens identifikacinis numeris
office-record = Užregistruoti patikrą
office-identity-done = Patikra užregistruota: paskyros tapatybė dabar patvirtinta asmeniškai.
office-error-document-type = Pasirinkite pateikto dokumento rūšį.
office-error-document-number = Įveskite dokumento numerį: nuo 4 iki 20 raidžių ir skaitmenų.
office-error-country = Pasirinkite valstybę, suteikusią asmens identifikacinį numerį.
office-error-national-id = Patikrinkite asmens identifikacinį numerį:
office-error-national-id-taken = Šis asmens identifikacinis numeris jau priskirtas kitai paskyrai. Niekas neužregistruota; nukreipkite asmenį pas vadovą.
office-error-national-id-different = Šiai paskyrai jau priskirtas kitas asmens identifikacinis numeris. Niekas neužregistruota.
office-error-unknown-person = Tokios paskyros nebėra. Ieškokite iš naujo.
document-type-identity-card = Asmens tapatybės kortelė
document-type-passport = Pasas
document-type-residence-permit = Leidimas gyventi
register-throttled-title = Iš čia sukurta per daug naujų paskyrų
register-throttled-body = Visų saugumui ribojame, kiek paskyrų per valandą galima sukurti iš vienos vietos. Bandykite dar kartą po valandos; niekas neišsaugota.
household-title = Jūsų vaikai
household-intro = Įtraukite vaiką, kurio vienas iš tėvų ar atstovas pagal įstatymą esate. Darbuotojas patvirtins ryšį pagal dokumentą, kurį pateiksite padalinyje. Tada galėsite teikti prašymus vaiko vardu ir matyti jo dokumentus, kol jam sukaks 18 metų.
household-none = Dar neįtraukėte nė vieno vaiko.
household-add-title = Įtraukti vaiką
household-add-hint = Toliau pasirinktą dokumentą atsineškite į pasirinktą padalinį: prašymas lauks, kol to padalinio darbuotojas jį peržiūrės.
household-field-office = Padalinys, kuriame pateiksite dokumentą
household-field-office-hint = Pasirinkite padalinį, į kurį galite nuvykti; jo darbuotojai patvirtina ryšį.
household-field-office-choose = Pasirinkite padalinį
household-error-office = Pasirinkite padalinį iš sąrašo.
household-add-submit = Prašyti leisti veikti šio vaiko vardu
household-field-given_name = Vaiko vardas
household-field-family_name = Vaiko pavardė
household-field-birth_date = Gimimo data
office-guardian-relationship = Globėjas vaikui yra
office-guardian-evidence = Dokumentas, kurį pateiks globėjas
household-field-relationship = Vaikui jūs esate
household-field-evidence = Dokumentas, kurį pateiksite
household-relationship-parent = Tėvas arba motina
household-relationship-legal-representative = Atstovas pagal įstatymą
household-evidence-birth-certificate = Gimimo liudijimas
household-evidence-guardianship-decision = Sprendimas dėl globos (rūpybos)
household-status-pending = Laukia darbuotojo patvirtinimo
household-status-confirmed = Patvirtinta
household-status-ended = Baigėsi vaikui sukakus 18 metų
household-status-refused = Nepatvirtinta: priežastį sužinokite padalinyje
household-error-adult = Šiam asmeniui jau sukako 18 metų: pilnametis savo paskyrą tvarko pats.
household-error-choice = Pasirinkite ryšį ir dokumentą iš sąrašų.
household-ends = Šio vaiko vardu galite veikti iki
office-guardianships-title = Patvirtinimo laukiantys vaikų atstovai
office-guardianships-back = Atgal į sąrašą
office-decision-choose = Pasirinkite, ar prašymą patvirtinti, ar atmesti.
office-decision-already = Dėl šio prašymo jau nusprendė kitas darbuotojas. Atnaujinkite sąrašą.
office-at = Padalinys
office-record-title = Užregistruoti ryšį pagal čia pateiktus dokumentus
office-record-hint = Naudokite, kai vienas iš tėvų ar atstovas pagal įstatymą yra prie jūsų langelio su gimimo liudijimu ar sprendimu dėl globos (rūpybos): ryšys patvirtinamas iš karto.
office-record-relationship = Vaikui atstovas yra
office-record-evidence = Jūsų patikrintas dokumentas
office-record-submit = Užregistruoti patvirtintą ryšį
office-record-done = Ryšys užregistruotas ir patvirtintas. Atstovas mato vaiką savo paskyroje.
office-staff-title = Darbuotojai ir jų padaliniai
office-staff-members = Dabartiniai darbuotojai
office-staff-email = Paskyros el. pašto adresas
office-staff-role = Vaidmuo
office-staff-authority = Institucija
office-staff-offices = Padaliniai
office-staff-offices-hint = Darbuotojas dirba čia pažymėtuose padaliniuose. Vadovai ir administratoriai mato visus savo institucijos padalinius.
office-staff-installation = Visos institucijos (sistemos administratorius)
office-staff-assign = Suteikti vaidmenį
office-staff-assign-hint = Asmuo jau turi turėti paskyrą. Jo sesijos baigiamos, todėl naujas vaidmuo galios, kai jis vėl prisijungs.
office-staff-submit = Išsaugoti vaidmenį
office-staff-saved = Vaidmuo išsaugotas. Kad juo naudotųsi, asmuo turi prisijungti iš naujo.
office-staff-forbidden = Vaidmenis gali suteikti tik administratorius. Kreipkitės į savo administratorių.
office-staff-error-self = Savo vaidmens pakeisti negalite: kreipkitės į kitą administratorių.
office-staff-error-role = Pasirinkite vaidmenį iš sąrašo.
office-staff-error-authority = Pasirinkite instituciją, kurią administruojate.
office-staff-error-foreign-office = Pažymėkite tik pasirinktos institucijos padalinius.
office-staff-error-no-office = Pažymėkite bent vieną padalinį, kuriame dirba darbuotojas.
office-guardianships-none = Laukiančių prašymų nėra.
office-guardian = Vaiko atstovo paskyra
office-confirm = Patvirtinti: dokumentą mačiau
office-refuse = Atmesti
household-error-grant-self = Negalite užregistruoti ar patvirtinti ryšio, kuriame vaiko atstovas esate jūs patys. Paprašykite kolegos.
office-error-grant-self = Negalite užregistruoti savo paties tapatybės patikros. Paprašykite kolegos patikrinti jūsų dokumentą.
office-error-grant-staff-representative = Darbuotojo tapatybę tikrina vadovas arba administratorius.
service-apply = Pateikti prašymą
service-book = Užsiregistruoti vizitui
service-apply-hint = Jei dar neprisijungėte, pirmiausia būsite paprašyti prisijungti arba susikurti paskyrą.
resend-title = Dar kartą atsiųsti patvirtinimo nuorodą
resend-intro = Įrašykite el. pašto adresą, kuriuo registravotės. Jei jis dar laukia patvirtinimo, atsiųsime naują nuorodą, galiojančią 24 valandas.
resend-submit = Atsiųsti naują nuorodą
resend-sent-title = Patikrinkite el. paštą
resend-sent-body = Jei paskyra su šiuo adresu laukia patvirtinimo, nauja nuoroda jau išsiųsta. Atidarykite ją per 24 valandas. Jei nieko negavote, pažiūrėkite į šlamšto aplanką arba užsiregistruokite iš naujo.
resend-throttled-title = Per daug užklausų
resend-throttled-body = Iš čia nuorodų prašyta per dažnai. Bandykite dar kartą po valandos.
resend-link = Negavote patvirtinimo nuorodos arba ji nebegalioja? Atsiųsti dar kartą
home-filter-title = Rasti paslaugą
home-filter-authority = Institucija
home-filter-for = Kam skirta
home-filter-any = Bet kuri
home-filter-submit = Rodyti paslaugas
home-filter-clear = Rodyti visas paslaugas
home-filter-none = Nė viena paslauga neatitinka šių pasirinkimų. Viename iš laukų pasirinkite „Bet kuri“ arba parodykite visas paslaugas.
home-for-everyone = Visiems
home-for-citizens = Šalies piliečiams
home-for-foreigners = Užsieniečiams
home-for-stateless = Asmenims be pilietybės
home-for-organisations = Įmonėms ir organizacijoms
done-case-started = Prašymas pradėtas. Atsakykite į klausimus ir pridėkite toliau nurodytus dokumentus, tada jį pateikite. Kol jo nepateiksite, jis saugomas kaip juodraštis.
done-case-saved = Jūsų atsakymai išsaugoti. Kai viskas toliau bus paruošta, pateikite prašymą.
done-case-sent = Prašymas pateiktas. Pareigūnas jį patikrins; pranešime, kai jis bus priimtas arba jei reikės ką nors pataisyti.
done-case-withdrawn = Prašymas atšauktas. Su juo daugiau nieko nebus daroma; naują galite pradėti bet kada.
done-document-attached = Dokumentas pridėtas. Galite jį pakeisti, kol pateiksite prašymą.
done-booked = Vizitas užregistruotas. Ką atsinešti ir kaip vizitą perkelti ar atšaukti, rasite toliau.
done-moved = Vizitas perkeltas į toliau nurodytą laiką. Ankstesnis laikas atlaisvintas kitiems.
done-ward-requested = Jūsų prašymas užregistruotas. Pareigūnas patikrins įrodymus; kai jie bus patvirtinti, galėsite teikti prašymus už šį asmenį.
done-case-claimed = Dabar bylą tvarkote jūs. Kolegos mato, kad ja užsiimate.
done-case-assigned = Byla perduota pasirinktam operatoriui. Dabar ji yra jo eilėje.
done-case-decided = Sprendimas užregistruotas. Pareiškėjui pranešama jo pasirinktais būdais.
done-handed-over = Įteikimas užregistruotas. Dokumentas dabar yra pas jo turėtoją.
done-appointment-given = Vizitas paskirtas. Pareiškėjui laikas ir vieta pranešami jo pasirinktais būdais.
done-payment-recorded = Mokėjimas užregistruotas. Byla nebelaukia rinkliavos.
done-closure-recorded = Uždarymas užregistruotas. Tomis dienomis užsiregistravusiems žmonėms pranešama ir pateikiama nuoroda kitam laikui pasirinkti.
done-closure-lifted = Uždarymas atšauktas. Šioms dienoms vėl galima registruotis.
