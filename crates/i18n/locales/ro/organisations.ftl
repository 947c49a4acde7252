## The back office: representatives of organisations (legal entities).

office-organisations-title = Reprezentanții organizațiilor
office-organisations-intro = Înregistrați o persoană ca reprezentant al unei firme sau al altei organizații, după ce verificați documentul care îi dă mandatul. Apoi poate cere online certificatul de cazier judiciar al organizației.
office-organisations-code = Cod de identificare fiscală (CUI)
office-organisations-code-hint = Așa cum este înregistrat, cu sau fără RO, de exemplu RO 12345674.
office-organisations-name = Denumirea organizației
office-organisations-name-hint = Așa cum este înregistrată la Registrul Comerțului.
office-organisations-email = Adresa de e-mail a reprezentantului
office-organisations-email-hint = Adresa contului său Ghiseu. Identitatea sa trebuie să fie deja confirmată cu cardul bancar sau la ghișeu.
office-organisations-evidence = Ce dovedește mandatul
office-organisations-evidence-hint = De exemplu: procura nr. 12 din 3 martie 2026 sau extrasul de la Registrul Comerțului care îl numește administrator.
office-organisations-submit = Înregistrați reprezentantul
office-organisations-recorded = { $email } este acum înregistrat ca reprezentant al { $name } (CUI { $code }).
office-organisations-error-registration_code-malformed = Un CUI are între 2 și 10 cifre, eventual după RO. Verificați-l așa cum este înregistrat.
office-organisations-error-registration_code-check-digit = Cifra de control a acestui CUI nu se potrivește. Verificați dacă nu există o greșeală de tastare.
office-organisations-error-name-required = Scrieți denumirea organizației așa cum este înregistrată.
office-organisations-error-name-too-long = Denumirea este prea lungă: scrieți cel mult 200 de caractere.
office-organisations-error-evidence-required = Spuneți ce dovedește mandatul, de exemplu numărul și data procurii.
office-organisations-error-evidence-too-long = Scrieți cel mult 500 de caractere despre mandat.
office-organisations-error-email-unknown = Nicio adresă de cont nu corespunde. Reprezentantul trebuie mai întâi să se înregistreze.
office-organisations-error-email-not-assured = Identitatea acestei persoane nu este încă confirmată cu cardul bancar sau la ghișeu: confirmați-o mai întâi.
office-organisations-error-email-already = Această persoană este deja înregistrată ca reprezentant al organizației.
office-organisations-none-here = Niciunul dintre birourile dumneavoastră nu are un serviciu pentru organizații; reprezentanții se înregistrează la un birou care are.
