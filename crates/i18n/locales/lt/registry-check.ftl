## Vieša dokumento galiojimo patikra (be prisijungimo).

check-title = Patikrinti, ar dokumentas galioja
check-intro = Įveskite dokumento numerį ir jo turėtojo asmens identifikacinį numerį. Sužinosite tik tai, ar dokumentas galioja; jokia informacija apie turėtoją nerodoma.
check-field-number = Dokumento numeris
check-field-number-hint = Kaip išspausdinta dokumente, pavyzdžiui, RO-PAS-AB-2026-000123.
check-field-personal-id = Turėtojo asmens identifikacinis numeris
check-field-personal-id-hint = Rumunijos CNP arba Moldovos IDNP (13 skaitmenų), Lietuvos asmens kodas (11 skaitmenų), įmonės – jos CUI, o kvietimo – kviečiamo asmens kelionės dokumento numeris.
check-submit = Tikrinti dokumentą
check-privacy = Kiekviena patikra užregistruojama kartu su dokumento numeriu ir atsakymu; asmens identifikacinis numeris nesaugomas.
check-answer-title = Atsakymas
check-answer-valid-until = Dokumentas galioja. Paskutinė jo galiojimo diena – { $until }.
check-answer-valid-no-expiry = Dokumentas galioja. Galiojimo pabaigos datos jis neturi.
check-answer-expired = Dokumentas nebegalioja: jo galiojimas baigėsi. Paskutinė galiojimo diena buvo { $on }.
check-answer-not-valid = Dokumentas negalioja nuo { $since }: { $why }.
check-answer-revoked = Dokumentas negalioja: { $since } jį išdavusi institucija panaikino jo galiojimą.
check-answer-no-match = Nėra dokumento tokiu numeriu, kurio turėtojo asmens identifikacinis numeris būtų toks. Patikrinkite abu numerius, kaip jie išspausdinti, ir bandykite dar kartą.
check-why-awaiting-collection = jis laukia atsiėmimo
check-why-valid = jis galioja
check-why-reported-lost = pranešta, kad jis prarastas
check-why-reported-stolen = pranešta, kad jis pavogtas
check-why-invalidated = jį išdavusi institucija pripažino jį negaliojančiu
check-why-replaced = jį pakeitė naujesnis dokumentas
check-why-not-collected = jis nebuvo laiku atsiimtas
check-error-number-required = Įveskite dokumento numerį.
check-error-number-too-long = Dokumento numerį sudaro ne daugiau kaip 40 simbolių. Patikrinkite numerį, kaip jis išspausdintas.
check-error-personal_id-required = Įveskite turėtojo asmens identifikacinį numerį.
check-error-personal_id-malformed = Tai nėra tinkamas Rumunijos CNP, Moldovos IDNP ar Lietuvos asmens kodas, Rumunijos įmonės CUI ar kelionės dokumento numeris (6–9 raidės ir skaitmenys). Patikrinkite, ar nesuklydote.
problem-too-many-checks = Iš šio tinklo atlikta per daug dokumentų patikrų arba per daug nesėkmingų šio dokumento numerio patikrų. Bandykite dar kartą po { $minutes ->
    [one] { $minutes } minutės
    [few] { $minutes } minučių
    [many] { $minutes } minutės
   *[other] { $minutes } minučių
}.
