# Ghiseu siunčiami pranešimai: kiekvienos rūšies el. laiško tema ir tekstas bei
# SMS žinutė. SMS žinutė trumpa ir be nuorodos; lietuviškos raidės SMS segmentą
# sutrumpina iki 70 ženklų, todėl tekstas kuo glaustesnis.
notice-second-factor-enabled-subject = Jūsų Ghiseu paskyroje įjungtas dviejų veiksmų prisijungimas
notice-second-factor-enabled-body = Sveiki,

    Jūsų Ghiseu paskyroje įjungtas dviejų veiksmų prisijungimas su autentifikavimo programėle. Nuo šiol jungiantis reikės ne tik slaptažodžio, bet ir programėlės kodo.

    Jei tai padarėte ne jūs, kažkas žino jūsų slaptažodį: nedelsdami susikurkite naują čia:
    { $link }
notice-second-factor-enabled-sms = Ghiseu: įjungtas prisijungimas su kodu. Ne jūs? Skubiai pakeiskite slaptažodį.
notice-application-returned-subject = Prašymą { $reference } reikia papildyti
notice-application-returned-body = Sveiki,

    Jūsų prašymas { $reference } (paslauga „{ $service }“) grąžintas jums: kad padalinys galėtų jį nagrinėti toliau, reikia ką nors papildyti ar pataisyti. Prisijunkite ir pažiūrėkite, ko prašoma:
    { $link }
notice-application-returned-sms = Ghiseu: prašymas { $reference } grąžintas papildyti. Ko trūksta, žr. paskyroje.
notice-application-accepted-subject = Jūsų prašymas { $reference } priimtas
notice-application-accepted-body = Sveiki,

    Jūsų prašymas { $reference } (paslauga „{ $service }“) priimtas ir nagrinėjamas. Parašysime, kai dokumentas bus parengtas.

    Jūsų paskyra: { $link }
notice-application-accepted-sms = Ghiseu: prašymas { $reference } priimtas. Pranešime, kai dokumentas bus parengtas.
notice-application-rejected-subject = Jūsų prašymas { $reference } atmestas
notice-application-rejected-body = Sveiki,

    Jūsų prašymas { $reference } (paslauga „{ $service }“) atmestas dėl šios priežasties:
    { $reason }

    Prisijunkite ir peržiūrėkite prašymą bei jo eigą: { $link }
notice-application-rejected-sms = Ghiseu: prašymas { $reference } atmestas. Priežastis – paskyroje.
notice-payment-received-subject = Gautas mokėjimas už prašymą { $reference }
notice-payment-received-body = Sveiki,

    Gavome { $amount } – rinkliavą už jūsų prašymą { $reference } (paslauga „{ $service }“). Dabar dokumentas bus gaminamas; parašysime, kai jį bus galima atsiimti.

    Jūsų paskyra: { $link }
notice-payment-received-sms = Ghiseu: gavome { $amount } už prašymą { $reference }. Dokumentas gaminamas.
notice-appointment-confirmed-subject = Vizitas { $reference }: { $date }, { $time }
notice-appointment-confirmed-body = Sveiki,

    Jūsų vizitas { $reference } (paslauga „{ $service }“) numatytas { $date }, { $time }, padalinyje: { $office } ({ $address }). Kalendoriaus failas pridėtas. Atsineškite paslaugai reikalingus dokumentus; dieną prieš vizitą jums priminsime.

    Vizitą perkelti ar atšaukti galite čia: { $link }
notice-appointment-confirmed-sms = Ghiseu: vizitas { $reference } { $date } { $time }, { $office }. Keisti ar atšaukti – paskyroje.
notice-appointment-reminder-subject = Priminimas: jūsų vizitas { $date }
notice-appointment-reminder-body = Sveiki,

    Primename apie vizitą (paslauga „{ $service }“) { $date }, { $time }, padalinyje: { $office }. Atsineškite paslaugai reikalingus dokumentus.

    Jūsų vizitai: { $link }
notice-appointment-reminder-sms = Ghiseu: vizitas { $date } { $time }, { $office }. Atsineškite reikiamus dokumentus.
notice-appointment-cancelled-subject = Vizitas { $reference } { $date } atšauktas
notice-appointment-cancelled-body = Sveiki,

    Jūsų vizitas { $reference } (paslauga „{ $service }“), numatytas { $date }, { $time }, padalinyje { $office }, atšauktas, o jo laikas atlaisvintas kitiems. Pridėtas kalendoriaus failas pašalins vizitą iš jūsų kalendoriaus.

    Užsiregistruoti kitam vizitui: { $link }
notice-appointment-cancelled-sms = Ghiseu: vizitas { $reference } { $date } { $time } atšauktas. Naujam registruokitės paskyroje.
notice-document-ready-subject = Jūsų dokumentą galima atsiimti
notice-document-ready-body = Sveiki,

    Dokumentas, kurio prašėte prašymu { $reference }, parengtas. Jį galite atsiimti padalinyje: { $office }. Atsineškite asmens tapatybės dokumentą.

    Jūsų paskyra: { $link }
notice-document-ready-sms = Ghiseu: dokumentas pagal prašymą { $reference } parengtas, atsiimkite: { $office }. Turėkite asmens dokumentą.
notice-document-expiry-subject = Jūsų dokumento galiojimas baigiasi { $date }
notice-document-expiry-body = Sveiki,

    Jūsų dokumento „{ $document }“ galiojimas baigiasi { $date }. Jei jo dar reikės, laiku paprašykite naujo: dokumento išdavimas užtrunka.

    Jūsų paskyra: { $link }
notice-document-expiry-sms = Ghiseu: „{ $document }“ galioja iki { $date }. Jei reikės, laiku prašykite naujo.
notice-document-reported-subject = { $loss ->
        [stolen] Pranešta, kad dokumentas { $number } pavogtas; jis nebegalioja
       *[lost] Pranešta, kad dokumentas { $number } prarastas; jis nebegalioja
    }
notice-document-reported-body = Sveiki,

    { $date } pranešta, kad dokumentas „{ $document }“ Nr. { $number } (turėtojas – { $holder }) { $loss ->
        [stolen] pavogtas
       *[lost] prarastas
    }. Nuo tos akimirkos jis nebegalioja, net jei būtų rastas: niekas juo negali naudotis. Norėdami gauti naują dokumentą, pateikite prašymą savo paskyroje.

    Jei apie tai pranešėte ne jūs, nedelsdami informuokite instituciją.

    Jūsų paskyra: { $link }
notice-document-reported-sms = Ghiseu: { $date } pranešta, kad { $number } ({ $holder }) { $loss ->
        [stolen] pavogtas
       *[lost] prarastas
    } ir negalioja. Ne jūs? Praneškite institucijai.
notice-certificate-expiry-subject = { $certificate ->
        [signature] Jūsų asmens tapatybės kortelės parašo sertifikatas galioja iki { $date }
       *[identification] Jūsų asmens tapatybės kortelės tapatybės patvirtinimo sertifikatas galioja iki { $date }
    }
notice-certificate-expiry-body = Sveiki,

    Jūsų dokumente „{ $document }“ esančio { $certificate ->
        [signature] kvalifikuoto elektroninio parašo sertifikato
       *[identification] elektroninės tapatybės patvirtinimo sertifikato
    } galiojimas baigiasi { $date }. Po šios dienos juo nebegalėsite { $certificate ->
        [signature] pasirašyti dokumentų elektroniniu parašu
       *[identification] prisijungti prie elektroninių paslaugų
    }. Laiku jį atnaujinkite.

    Jūsų paskyra: { $link }
notice-certificate-expiry-sms = Ghiseu: „{ $document }“ { $certificate ->
        [signature] parašo
       *[identification] tapatybės
    } sertifikatas galioja iki { $date }. Laiku jį atnaujinkite.
notice-document-not-collected-subject = Jūsų dokumentas vis dar laukia padalinyje: { $office }
notice-document-not-collected-body = Sveiki,

    Jūsų dokumentas „{ $document }“ parengtas ir laukia padalinyje { $office } nuo { $date }, tačiau dar neatsiimtas. Atsiimkite jį kuo greičiau ir atsineškite asmens tapatybės dokumentą; niekada neatsiimtas dokumentas anuliuojamas.

    Jūsų paskyra: { $link }
notice-document-not-collected-sms = Ghiseu: „{ $document }“ laukia nuo { $date }: { $office }. Atsiimkite su asmens dokumentu.
notice-document-issued-subject = Jūsų dokumentas { $number } išduotas
notice-document-issued-body = Sveiki,

    Dokumentas „{ $document }“, kurio prašėte prašymu { $reference }, išduotas ir pasirašytas elektroniniu parašu; jo numeris – { $number }. Atsisiųskite jį iš prašymo savo paskyroje. Bet kas gali jį patikrinti pagal numerį ir turėtojo asmens identifikacinį numerį arba pagal QR kodą.

    Jūsų paskyra: { $link }
notice-document-issued-sms = Ghiseu: dokumentas { $number } išduotas. Atsisiųskite jį iš prašymo { $reference } paskyroje.
notice-document-revoked-subject = Dokumento { $number } galiojimas panaikintas
notice-document-revoked-body = Sveiki,

    { $date } institucija panaikino dokumento „{ $document }“ Nr. { $number } (turėtojas – { $holder }) galiojimą. Priežastis: { $reason }

    Nuo tos dienos dokumentas negalioja: tai rodo ir vieša patikra, ir jo QR kodas. Jei tokio dokumento vis dar reikia, pateikite prašymą išduoti naują savo paskyroje. Jei manote, kad tai klaida, kreipkitės į instituciją.

    Jūsų paskyra: { $link }
notice-document-revoked-sms = Ghiseu: institucija { $date } panaikino dokumento { $number } ({ $holder }) galiojimą. Daugiau – paskyroje.
notice-appointment-office-closed-subject = { $office } { $date } nedirbs: pasirinkite kitą laiką vizitui { $reference }
notice-appointment-office-closed-body = Laba diena,

    { $office } { $date } nedirbs ({ $reason }). Jūsų vizitas { $reference } dėl paslaugos „{ $service }“ tą dieną { $time } neįvyks.

    Pasirinkite kitą laiką čia: { $link }

    Vizitas lieka užregistruotas, kol jį perkelsite, tačiau tą dieną jūsų niekas nepriims.
notice-appointment-office-closed-sms = Ghiseu: { $date } padalinys nedirba, vizitas { $reference } neįvyks. Prisijunkite ir pasirinkite kitą laiką.
