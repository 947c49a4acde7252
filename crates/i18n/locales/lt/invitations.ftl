invitation-form-title = Kvietimo duomenys
invitation-form-intro = Nurodykite, ką kviečiate (duomenis įrašykite tiksliai taip, kaip jie nurodyti kviečiamo asmens kelionės dokumente), kada ir kur jis bus apsistojęs. Duomenis galite keisti, kol pateiksite prašymą.
invitation-section-invitee = Kviečiamas asmuo
invitation-section-stay = Viešnagė
invitation-save = Išsaugoti duomenis
invitation-section-title = Kvietimas
invitation-section-empty = Kvietimo duomenų dar neužpildėte. Užpildykite juos prieš pateikdami prašymą.
invitation-section-fill = Užpildyti kvietimo duomenis
invitation-section-change = Keisti kvietimo duomenis
invitation-field-inviter = Kviečiate kaip
invitation-field-invitee = Kviečiamas asmuo
invitation-field-given_name = Vardai
invitation-field-family_name = Pavardė
invitation-field-birth_date = Gimimo data
invitation-field-citizenship = Pilietybė
invitation-field-passport_number = Kelionės dokumento numeris
invitation-field-passport_expires_on = Kelionės dokumentas galioja iki
invitation-field-purpose = Atvykimo tikslas
invitation-field-stay = Buvimo laikotarpis
invitation-field-stay_from = Pirmoji buvimo diena
invitation-field-stay_until = Paskutinė buvimo diena
invitation-field-stay_address = Buvimo vietos adresas
invitation-hint-given_name = Kaip įrašyta kelionės dokumente, lotyniškomis raidėmis.
invitation-hint-citizenship = Kviečiamo asmens pilietybė, kaip nurodyta jo pase.
invitation-hint-passport_number = Nuo 6 iki 9 raidžių ir skaitmenų, kaip išspausdinta duomenų puslapyje.
invitation-hint-passport_expires_on = Kelionės dokumentas turi galioti dar bent { $margin ->
    [one] { $margin } dieną
    [few] { $margin } dienas
    [many] { $margin } dienos
   *[other] { $margin } dienų
} po paskutinės buvimo dienos.
invitation-hint-stay_until = Buvimo laikotarpis – ne ilgesnis kaip { $days ->
    [one] { $days } diena
    [few] { $days } dienos
    [many] { $days } dienos
   *[other] { $days } dienų
}, įskaitant pirmąją ir paskutinę dienas.
invitation-error-required = Užpildykite lauką „{ $field }“.
invitation-error-too-long = Lauke „{ $field }“ per ilgas tekstas. Sutrumpinkite jį.
invitation-error-name-characters = Lauke „{ $field }“ naudokite tik raides, tarpus, brūkšnelius ir apostrofus.
invitation-error-date-malformed = Lauke „{ $field }“ nurodyta neegzistuojanti data. Įveskite metus, mėnesį ir dieną, pavyzdžiui, 2027-03-15.
invitation-error-birth-date-implausible = Gimimo data negali būti ateityje. Patikrinkite ją pagal kelionės dokumentą.
invitation-error-country-malformed = Pilietybę nurodykite dviejų raidžių valstybės kodu, pavyzdžiui, UA.
invitation-error-not-a-foreigner = Kvietimas skirtas užsieniečiui. Šios valstybės piliečiui kvietimo nereikia.
invitation-error-passport-number-malformed = Kelionės dokumento numerį sudaro nuo 6 iki 9 raidžių ir skaitmenų. Nukopijuokite jį iš kelionės dokumento duomenų puslapio.
invitation-error-unknown-purpose = Pasirinkite atvykimo tikslą iš sąrašo.
invitation-error-stay-in-past = Buvimas negali prasidėti anksčiau nei šiandien. Pirmąja diena nurodykite šiandieną ar vėlesnę dieną.
invitation-error-stay-ends-before-start = Paskutinė buvimo diena yra ankstesnė už pirmąją. Patikrinkite abi datas.
invitation-error-stay-too-long = Buvimo laikotarpis ilgesnis nei { $days ->
    [one] { $days } diena
    [few] { $days } dienos
    [many] { $days } dienos
   *[other] { $days } dienų
}. Sutrumpinkite jį arba prašykite kitos rūšies vizos.
invitation-error-passport-expires-too-soon = Kelionės dokumentas turi galioti dar bent { $margin ->
    [one] { $margin } dieną
    [few] { $margin } dienas
    [many] { $margin } dienos
   *[other] { $margin } dienų
} po buvimo pabaigos, o šis baigia galioti anksčiau. Kviečiamam asmeniui reikia ilgiau galiojančio kelionės dokumento.
invitation-error-unknown-inviter = Pasirinkite, kaip kviečiate.
invitation-error-inviter-mismatch = Tai neatitinka prašymo: juridinis asmuo kviečia tik per prašymą, kurį jo vardu pateikė jo atstovas, o fizinis asmuo – tik savo vardu.
invitation-error-closed = Šis prašymas jau pateiktas, todėl jo duomenų keisti nebegalima.
invitation-print-title = Kvietimas užsieniečiui
invitation-print-invitee = Kviečiamas asmuo
invitation-print-passport = Kelionės dokumento numeris
invitation-print-purpose = Atvykimo tikslas
invitation-print-details = Buvimas ir kviečiantysis asmuo
invitation-print-citizenship = Pilietybė
invitation-print-passport-expires = Kelionės dokumentas galioja iki
invitation-print-stay = Buvimo laikotarpis
invitation-print-stay-dates = nuo { $from } iki { $until }
invitation-print-address = Buvimo vietos adresas
invitation-print-inviter = Kviečiantysis asmuo
invitation-print-request = Prašymas
invitation-print-verify = Bet kas gali patikrinti šį kvietimą: adresu { $url } įveskite jo numerį ir kviečiamo asmens kelionės dokumento numerį arba nuskenuokite QR kodą tikrinimo programėle, kuriai nereikia interneto ryšio.
invitations-title = Mano kvietimai
invitations-intro = Jūsų pateikti prašymai pakviesti užsienietį ir patvirtinti kvietimai. Patvirtintą kvietimą galite atsispausdinti čia.
invitations-filter = Rodyti
invitations-show-filed = Visi prašymai
invitations-show-pending = Laukia sprendimo
invitations-show-approved = Patvirtinti
invitations-show-closed = Atmesti arba atsiimti
invitations-none-filed = Dar nepateikėte prašymo pakviesti užsienietį.
invitations-none-pending = Nė vienas jūsų prašymas nelaukia sprendimo.
invitations-none-approved = Nė vienas jūsų kvietimas dar nepatvirtintas.
invitations-none-closed = Nė vienas jūsų prašymas neatmestas ir neatsiimtas.
invitations-approved-as = Kvietimas
invitations-download = Atsisiųsti (PDF)
invitations-back = Visi mano prašymai
invitations-standing-valid = galioja
invitations-standing-withdrawn = nebegalioja
office-do-approve-invitation = Patvirtinti kvietimą
office-do-refuse-invitation = Atsisakyti patvirtinti kvietimą
case-problem-invitation-missing = Užpildykite kvietimo duomenis: ką kviečiate, jo kelionės dokumentą ir buvimo laikotarpį.
case-problem-invitation-outdated = Kvietimo duomenys šiandien nebetinka (pavyzdžiui, buvimo laikotarpis jau prasidėjo). Pakeiskite juos prieš pateikdami prašymą.
invitation-withdraw-title = Kvietimo atsiėmimas
invitation-withdraw-hint = Jei viešnagė neįvyks, atsiimkite kvietimą. Jis iš karto nustos galioti: tai parodys vieša patikra ir QR kodas. To atšaukti negalima; naujai viešnagei pateikite naują prašymą.
invitation-withdraw-confirm = Suprantu, kad kvietimas iš karto ir visam laikui nustos galioti.
invitation-withdraw = Atsiimti kvietimą
invitation-withdraw-confirm-needed = Kad atsiimtumėte kvietimą, pažymėkite, jog suprantate, kad jis nustos galioti visam laikui.
invitation-withdraw-not-in-force = Šis kvietimas jau negalioja, todėl nėra ko atsiimti.
registry-action-withdraw = Atsiėmė jo prašęs asmuo
service-invitation-title = Kas gali kviesti ir kokiu tikslu
service-invitation-limits = Buvimo laikotarpis – ne ilgesnis kaip { $days ->
    [one] { $days } diena
    [few] { $days } dienos
    [many] { $days } dienos
   *[other] { $days } dienų
}, įskaitant pirmąją ir paskutinę dienas. Kviečiamo asmens kelionės dokumentas turi galioti dar bent { $margin ->
    [one] { $margin } dieną
    [few] { $margin } dienas
    [many] { $margin } dienos
   *[other] { $margin } dienų
} po buvimo pabaigos.
service-invitation-inviters = Kas gali kviesti
service-invitation-no-more = Kitų kopijų, išskyrus nurodytas aukščiau, nereikia.
service-invitation-also = Be aukščiau nurodytų kopijų:
service-invitation-purposes = Atvykimo tikslai
office-case-invitation-stay-over = Buvimo laikotarpis, kuriam skirtas šis kvietimas, jau pasibaigė, todėl kvietimo patvirtinti negalima. Atsisakykite jį patvirtinti; kviečiantysis asmuo gali pateikti naują prašymą su naujomis datomis.
