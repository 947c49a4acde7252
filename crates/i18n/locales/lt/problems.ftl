# Atsisakymai, kaip juos pateikia API problemų dokumentai (`detail`) ir kaip juos
# rodo puslapiai, neturintys savo pranešimo. Po vieną pranešimą kiekvienai
# atsisakymo rūšiai: problem-{code} ir problem-{code}-{variant}, kai jų daugiau.

problem-unknown-service = Paslaugos „{ $service }“ nėra; žr. /api/v1/services.
problem-no-such-appointment = Tokio vizito nėra.
problem-no-such-application = Tokio prašymo nėra.
problem-no-appointments = Paslaugai „{ $service }“ atvykti į padalinį nereikia, todėl registracija vizitams nevykdoma.
problem-unknown-office = Padalinys „{ $office }“ šios paslaugos neteikia. Ją teikiantys padaliniai: { $offered }.
problem-unknown-office-window = Padalinys „{ $office }“ neturi aptarnavimo zonos „{ $window }“.
problem-slot-in-past = Šis laikas jau praėjo. Pasirinkite vėlesnį.
problem-outside-opening-hours = Tuo metu padalinys šios paslaugos neteikia. Pasirinkite laiką iš laisvų laikų sąrašo.
problem-public-holiday = Tą dieną padalinys nedirba dėl valstybinės šventės ({ $name }). Pasirinkite kitą dieną.
problem-office-closed = Tą dieną padalinys nedirba: { $reason }. Pasirinkite kitą dieną.
problem-beyond-horizon = Vizitui galima registruotis iki { $last_day }. Pasirinkite ankstesnę dieną.
problem-not-released = Tos dienos laikai dar neatverti; jie bus atverti { $opens_at }. Užsukite tada.
problem-not-a-slot-start = Šioje aptarnavimo zonoje laikai prasideda kas { $minutes } min. nuo darbo pradžios. Pasirinkite pradžią iš laisvų laikų sąrašo.
problem-holders = Nurodykite nuo 1 iki { $most } asmenų: `self` ir jūsų šeimos vaikų identifikatorius.
problem-holders-twice = Kiekvieną asmenį galima nurodyti tik vieną kartą.
problem-not-in-household = „{ $name }“ nėra jūsų šeimos vaikas. Galite užregistruoti save ir vaikus, kurių atstovu jus patvirtino padalinys.
problem-assigned-by-office = Šiai paslaugai vizitą jums paskiria padalinys, peržiūrėjęs jūsų prašymą; jį matysite savo prašymo puslapyje.
problem-case-required = Šiam vizitui registruokitės savo prašymo puslapyje, kai padalinys prašymą priims.
problem-case-not-ready = Šiam prašymui vizito dar negalima paskirti: pirmiausia padalinys turi jį priimti.
problem-case-not-ready-to-assign = Vizitas paskiriamas, kai byla priimama, ir prieš pagaminant jos dokumentą.
problem-case-not-ready-no-office = Bylai dar nepriskirtas padalinys.
problem-case-office = Jūsų prašymą nagrinėja padalinys „{ $office }“; vizitui registruokitės ten.
problem-not-assigned-by-office = Šiai paslaugai vizitui registruojasi pats pareiškėjas; padalinys vizitų neskiria.
problem-not-case-staff = Vizitus skiria bylą nagrinėjančio padalinio darbuotojai arba tos institucijos vadovas.
problem-case-has-appointment = Šiai bylai vizitas jau paskirtas. Verčiau perkelkite arba atšaukite jį.
problem-slot-full = Šiuo laiku nebeužtenka vietų (reikia vietų: { $people }). Pasirinkite kitą laiką; laisvų laikų sąrašas atnaujintas.
problem-slot-full-move = Šiuo laiku vietų nebėra. Jūsų vizitas lieka nepakeistas; pasirinkite kitą laiką.
problem-slot-full-assign = Šiuo laiku vietų nebėra. Pasirinkite kitą laiką iš laisvų laikų sąrašo.
problem-already-booked = { $who ->
    [yourself] Jūs jau esate užsiregistravę vizitui dėl šios paslaugos. Verčiau atšaukite arba perkelkite tą vizitą.
    [applicant] Pareiškėjas jau užregistruotas vizitui dėl šios paslaugos. Verčiau perkelkite arba atšaukite tą vizitą.
   *[other] Vienas iš šioje registracijoje nurodytų asmenų jau užregistruotas vizitui dėl šios paslaugos. Verčiau atšaukite arba perkelkite tą vizitą.
}
problem-hold-expired = Kelios minutės šiam laikui patvirtinti baigėsi, ir jis grąžintas į sąrašą. Pasirinkite laiką dar kartą.
problem-not-held = Šio vizito būsena – { $state }, todėl nėra ko patvirtinti.
problem-not-active = Šio vizito būsena – { $state }, todėl jo atšaukti nebegalima.
problem-not-active-move = Perkelti galima tik patvirtintą vizitą; šio vizito būsena – { $state }.
problem-reschedule-limit = Vizitą internetu galima perkelti ne daugiau kaip { $max ->
    [one] { $max } kartą
    [few] { $max } kartus
    [many] { $max } karto
   *[other] { $max } kartų
}. Norėdami jį pakeisti dar kartą, paskambinkite į padalinį arba atvykite į jį: darbuotojas gali vizitą perkelti.
problem-no-show-limit = Pastaruoju metu neatvykote į { $missed ->
    [one] { $missed } vizitą
    [few] { $missed } vizitus
    [many] { $missed } vizito
   *[other] { $missed } vizitų
}, todėl registracija internetu jūsų paskyrai sustabdyta. Norėdami užsiregistruoti, paskambinkite į padalinį arba atvykite į jį.
problem-too-many-requests = Iš šios paskyros ar tinklo per vieną minutę gauta per daug registracijos užklausų. Palaukite iki kitos minutės ir bandykite dar kartą.
problem-waiting-room = Šiuo metu registruojasi daug žmonių, todėl esate laukimo eilėje. Prieš jus laukiančių asmenų: { $place }. Neuždarykite šio puslapio ir bandykite dar kartą po { $seconds } s. Jūsų vieta eilėje išsaugota.
problem-staff-only = Tai gali atlikti tik padalinio darbuotojai.
problem-amount-mismatch = Įvykio suma – { $event_minor } { $event_currency }, o mokėjimo nurodymo – { $order_minor } { $order_currency }; niekas neužregistruota.

problem-draft-unknown-service = Paslaugos tokiu identifikatoriumi nėra; žr. /api/v1/services.
problem-assurance-too-low = Šiai paslaugai jūsų tapatybė turi būti patvirtinta banko kortelės patikra arba vieną kartą padalinyje; žr. paslaugos puslapį.
problem-unknown-holder = `holder` turi būti `self` arba vaikas, kurio vardu veikiate.
problem-application-incomplete = Prašymo dar negalima pateikti: { $missing }.
problem-document-not-found = Neturite dokumento tokiu numeriu. Patikrinkite numerį, kaip jis išspausdintas dokumente; vaiko dokumentas rodomas tarp jūsų dokumentų, kol esate vaiko atstovas.
problem-document-not-in-force = Šis dokumentas jau negalioja ({ $standing }, { $since }); daugiau apie jį pranešti nereikia. Pateikite prašymą išduoti naują.
problem-document-expired = Šio dokumento galiojimas baigėsi { $on }, todėl apie jį pranešti nereikia. Pateikite prašymą išduoti naują.
problem-document-not-in-registry = Jūsų institucijos registre dokumento tokiu numeriu nėra. Patikrinkite numerį, kaip jis išspausdintas dokumente.
problem-document-unknown-reason = Pasirinkite priežastį iš institucijos sąrašo.
problem-not-for-citizenship = Ši paslauga neišduoda dokumentų asmenims, kurių pilietybė nurodyta savininko profilyje. Paslaugos puslapyje nurodyta, kas gali pateikti prašymą.
