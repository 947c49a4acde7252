# Bendri mokėjimo nurodymai: vienas iš anksto užpildytas mokėjimo nurodymas kelių prašymų rinkliavoms vienai institucijai.
fee-order-link = Sumokėti kelias rinkliavas vienu mokėjimo nurodymu
fee-order-title = Kelios rinkliavos vienu mokėjimo nurodymu
fee-order-intro = Pasirinkite prašymus, kurių rinkliavas mokate. Gausite vieną jau užpildytą mokėjimo nurodymą: asmens ir mokėjimo duomenų įvesti nereikės.
fee-order-one-authority = Vienas nurodymas apima vienos institucijos paslaugas. Norėdami sumokėti kelių institucijų rinkliavas, kiekvienai sudarykite atskirą nurodymą.
fee-order-none = Nė vienas jūsų prašymas ir nė vienas prašymas, kuriame veikiate kito asmens vardu, nelaukia rinkliavos.
fee-order-choose = Pasirinkite paslaugas, už kurias mokate
fee-order-choice = { $service }, prašymas { $reference }
fee-order-choice-hint = Kam: { $holder }; suma: { $amount }
fee-order-submit = Sudaryti mokėjimo nurodymą
fee-order-order-title = Kelių rinkliavų mokėjimo nurodymas
fee-order-order-intro = Vienas mokėjimas už toliau išvardytas rinkliavas. Atsispausdinkite šį puslapį, nukopijuokite jo rekvizitus į savo banko formą arba sumokėkite internetu.
fee-order-lines = Už ką mokama šiuo nurodymu
fee-order-line-service = Paslauga
fee-order-line-reference = Prašymas
fee-order-line-holder = Kam
fee-order-line-amount = Suma
fee-order-line-status = Būsena
fee-order-line-due = Dar nesumokėta
fee-order-line-paid = Sumokėta
fee-order-line-surplus = Tuo metu sumokėta arba atleista kitu būdu: ši dalis jums grąžinama
fee-order-total = Iš viso
fee-order-purpose = Valstybės rinkliavos už prašymus { $references }
fee-order-status-due = Dar nesumokėta
fee-order-status-paid = Sumokėta internetu { $date }
fee-order-status-refunded = Mokėjimas jums grąžintas; šias rinkliavas reikia sumokėti dar kartą
fee-order-stale = Bent vienas iš šių prašymų nebelaukia rinkliavos. Nemokėkite pagal šį nurodymą: sudarykite naują nurodymą dar nesumokėtoms rinkliavoms.
fee-order-paid-note = Pagal šį nurodymą daugiau mokėti nereikia.
fee-order-new = Sudaryti kitą mokėjimo nurodymą
fee-order-description = Valstybės rinkliavos, nurodymas { $reference }

problem-fee-order-empty = `cases`: pasirinkite bent vieną prašymą, kurio rinkliavą mokate.
problem-fee-order-too-many = `cases`: vienas nurodymas apima ne daugiau kaip { $most ->
    [one] { $most } prašymą
    [few] { $most } prašymus
    [many] { $most } prašymo
   *[other] { $most } prašymų
}; sudarykite kelis nurodymus.
problem-fee-order-duplicate = `cases`: prašymas { $reference } nurodytas dukart; kiekvieną prašymą nurodykite vieną kartą.
problem-fee-order-not-yours = `cases`: prašymas { $reference } nėra nei jūsų, nei toks, kuriame veikiate kito asmens vardu. Patikrinkite numerį, kaip jis rodomas jūsų prašyme.
problem-fee-order-not-due = `cases`: prašymas { $reference } nelaukia rinkliavos (jo būsena – { $state }); neįtraukite jo į nurodymą.
problem-fee-order-two-authorities = `cases`: nurodymas apima vienos institucijos paslaugas, o šie prašymai skirti kelioms institucijoms: { $authorities }. Kiekvienai institucijai sudarykite atskirą nurodymą.
problem-fee-order-paid-at-counter = `cases`: institucija „{ $authority }“ rinkliavas priima ne šioje svetainėje ir patvirtina jas padalinyje, todėl jų negalima įtraukti į bendrą nurodymą. Kiekvieną rinkliavą mokėkite pagal jos mokėjimo nurodymą.

fee-order-page-fee-order-empty = Pasirinkite bent vieną paslaugą, už kurią mokate.
fee-order-page-fee-order-too-many = Vienas nurodymas apima ne daugiau kaip { $most ->
    [one] { $most } prašymą
    [few] { $most } prašymus
    [many] { $most } prašymo
   *[other] { $most } prašymų
}. Sudarykite kelis nurodymus.
fee-order-page-fee-order-duplicate = Prašymas { $reference } pasirinktas dukart. Kiekvieną prašymą pasirinkite vieną kartą.
fee-order-page-fee-order-not-yours = Prašymas { $reference } nėra nei jūsų, nei toks, kuriame veikiate kito asmens vardu. Pasirinkite iš toliau pateikto sąrašo.
fee-order-page-fee-order-not-due = Prašymas { $reference } nebelaukia rinkliavos. Pasirinkite iš naujo iš toliau pateikto sąrašo.
fee-order-page-fee-order-two-authorities = Nurodymas apima vienos institucijos paslaugas, o šie prašymai skirti kelioms institucijoms: { $authorities }. Kiekvienai institucijai sudarykite atskirą nurodymą.
fee-order-page-fee-order-paid-at-counter = Institucija „{ $authority }“ rinkliavas priima ne šioje svetainėje. Kiekvieną rinkliavą mokėkite pagal jos mokėjimo nurodymą.
