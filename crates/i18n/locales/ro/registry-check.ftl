## Verificarea publică a valabilității unui document (fără autentificare).

check-title = Verificați dacă un document este valabil
check-intro = Introduceți numărul documentului și codul numeric personal al titularului. Aflați doar dacă documentul este valabil; nu se afișează nimic despre titular.
check-field-number = Numărul documentului
check-field-number-hint = Așa cum este tipărit pe document, de exemplu RO-PAS-AB-2026-000123.
check-field-personal-id = Codul numeric personal al titularului
check-field-personal-id-hint = CNP românesc sau IDNP moldovenesc (13 cifre), cod personal lituanian (11 cifre), pentru o firmă CUI-ul ei ori, pentru o invitație, numărul documentului de călătorie al persoanei invitate.
check-submit = Verificați documentul
check-privacy = Fiecare verificare este înregistrată cu numărul documentului și răspunsul dat; codul numeric personal nu este păstrat.
check-answer-title = Răspuns
check-answer-valid-until = Documentul este valabil. Ultima zi de valabilitate este { $until }.
check-answer-valid-no-expiry = Documentul este valabil. Nu are dată de expirare.
check-answer-expired = Documentul nu mai este valabil: a expirat. Ultima zi de valabilitate a fost { $on }.
check-answer-not-valid = Documentul nu este valabil din { $since }: { $why }.
check-answer-revoked = Documentul nu este valabil: autoritatea emitentă l-a revocat pe { $since }.
check-answer-no-match = Niciun document cu acest număr nu aparține unui titular cu acest cod numeric personal. Verificați ambele numere așa cum sunt tipărite și încercați din nou.
check-why-awaiting-collection = așteaptă să fie ridicat
check-why-valid = este valabil
check-why-reported-lost = a fost declarat pierdut
check-why-reported-stolen = a fost declarat furat
check-why-invalidated = autoritatea emitentă l-a declarat nul
check-why-replaced = a fost înlocuit de un document mai nou
check-why-not-collected = nu a fost ridicat la timp
check-error-number-required = Introduceți numărul documentului.
check-error-number-too-long = Un număr de document are cel mult 40 de caractere. Verificați numărul așa cum este tipărit.
check-error-personal_id-required = Introduceți codul numeric personal al titularului.
check-error-personal_id-malformed = Acesta nu este un CNP românesc, un IDNP moldovenesc, un cod personal lituanian, un CUI de firmă românească sau un număr de document de călătorie (6–9 litere și cifre) valid. Verificați dacă nu există o greșeală de tastare.
problem-too-many-checks = Prea multe verificări de documente din această rețea sau prea multe verificări nereușite ale acestui număr de document. Încercați din nou peste { $minutes ->
    [one] un minut
    [few] { $minutes } minute
   *[other] { $minutes } de minute
}.
