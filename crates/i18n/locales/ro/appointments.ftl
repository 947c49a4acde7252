appt-list-title = Programările dumneavoastră
appt-list-none = Nu aveți programări.
appt-book-link = Faceți o programare
appt-new-title = Faceți o programare
appt-booking-title = Programarea dumneavoastră
appt-when = Când
appt-office = Ghișeul
appt-service = Serviciul
appt-reference = Număr de referință
appt-state = Stare
appt-people = Persoane
appt-who = Cine vine
appt-day = Ziua
appt-show-slots = Arată intervalele libere
appt-slots = Intervale libere
appt-no-slots = Nu sunt intervale libere în acea zi. Alegeți altă zi.
appt-slot-label = { $time } ({ $free ->
    [one] 1 loc liber
    [few] { $free } locuri libere
   *[other] { $free } de locuri libere
})
appt-holder-self = Eu
appt-holder-other = O persoană din familia dumneavoastră
appt-hold = Rezervă intervalul
appt-hold-until = Rezervat pentru dumneavoastră până la
appt-confirm = Confirmă
appt-calendar = Descarcă fișierul pentru calendar
appt-move-title = Mutați programarea
appt-move = Mută
appt-cancel-title = Anulați programarea
appt-cancel = Anulează
appt-back = Toate programările dumneavoastră
appt-state-held = Rezervată, neconfirmată încă
appt-state-confirmed = Confirmată
appt-state-checked-in = Prezent la ghișeu
appt-state-called = Chemat la ghișeu
appt-state-served = Servit
appt-state-no-show = Ratată
appt-state-cancelled = Anulată
appt-state-lapsed = Expirată
appt-error-date = Scrieți ziua ca dată, de exemplu 2026-11-25.
appt-error-choose-slot = Alegeți unul dintre intervalele libere.
appt-error-unknown = Alegeți un serviciu și un ghișeu din liste.
appt-problem-slot-full = Intervalul nu mai are loc pentru toate persoanele alese. Alegeți alt interval.
appt-problem-already-booked = Cineva dintre cei aleși are deja o programare pentru acest serviciu. Anulați-o sau mutați-o pe aceea.
appt-problem-hold-expired = Cele câteva minute pentru confirmare au trecut, iar intervalul a revenit în listă. Alegeți din nou un interval.
appt-problem-not-held = Această programare nu așteaptă confirmarea, deci nu are ce fi confirmat.
appt-problem-not-active = Această programare nu mai poate fi schimbată.
appt-problem-reschedule-limit = Programarea a fost mutată de câte ori se permite online. Pentru a o schimba din nou, sunați sau veniți la ghișeu.
appt-problem-waiting-room = Multe persoane fac programări acum, așa că sunteți într-o sală de așteptare. { $place ->
    [one] Înaintea dumneavoastră este o persoană;
    [few] Înaintea dumneavoastră sunt { $place } persoane;
   *[other] Înaintea dumneavoastră sunt { $place } de persoane;
} încercați din nou peste { $seconds ->
    [one] o secundă.
    [few] { $seconds } secunde.
   *[other] { $seconds } de secunde.
} Locul vă este păstrat.
appt-problem-too-many-requests = Prea multe cereri. Încercați din nou peste { $seconds ->
    [one] o secundă.
    [few] { $seconds } secunde.
   *[other] { $seconds } de secunde.
}
appt-problem-not-released = Intervalele pentru acea zi nu sunt încă deschise pentru programări. Reveniți mai târziu sau alegeți o zi mai apropiată.
appt-problem-public-holiday = Ghișeul este închis în acea zi, fiind sărbătoare legală. Alegeți altă zi.
appt-problem-office-closed = Ghișeul este închis în acea zi. Alegeți altă zi.
appt-problem-outside-opening-hours = Ghișeul nu lucrează pentru acest serviciu la acea oră. Alegeți unul dintre intervalele libere.
appt-problem-slot-in-past = Ora aceea a trecut deja. Alegeți un interval mai târziu.
appt-problem-beyond-horizon = Încă nu se pot face programări atât de departe. Alegeți o zi mai apropiată.
appt-problem-not-a-slot-start = Aceasta nu este ora de început a unui interval. Alegeți unul dintre intervalele libere.
appt-problem-not-in-household = Puteți face programări pentru dumneavoastră și pentru copiii al căror tutore ați fost confirmat de un ghișeu.
appt-problem-holders = Alegeți cine vine: între 1 și 8 persoane, fiecare o singură dată.
appt-problem-no-show-limit = Ați lipsit recent de la mai multe programări, așa că programările online sunt oprite pentru contul dumneavoastră. Sunați sau veniți la ghișeu pentru o programare.
appt-problem-no-appointments = Acest serviciu nu cere prezența la ghișeu, deci nu are programări.
appt-problem-unknown-office = Acest ghișeu nu face programări pentru acest serviciu. Alegeți alt ghișeu.
appt-problem-assigned-by-office = Pentru acest serviciu, ghișeul vă dă o programare după ce vă analizează cererea.
appt-problem-case-required = Faceți această programare din pagina cererii, după ce ghișeul a acceptat-o.
appt-problem-case-not-ready = Această cerere nu poate primi încă o programare: ghișeul trebuie mai întâi să o accepte.
appt-problem-case-has-appointment = Această cerere are deja o programare. Mutați-o sau anulați-o pe aceea.
appt-problem-not-assigned-by-office = Pentru acest serviciu solicitantul își face singur programarea; ghișeul nu acordă una.
appt-problem-not-case-staff = Programările sunt acordate de operatorii biroului dosarului sau de un supervizor al autorității.
office-closures-title = Închiderea birourilor
office-closures-hint = Închideți un birou, sau unul dintre ghișeele sale, pentru o zi sau mai multe zile la rând. Intervalele libere din acele zile dispar imediat; programările deja făcute rămân și sunt afișate aici pentru a fi mutate.
office-closures-forbidden = Doar un administrator poate înregistra închiderea birourilor.
office-closures-upcoming = Închideri de azi înainte
office-closures-none = Nu este planificată nicio închidere.
office-closures-day = Ziua
office-closures-office = Biroul
office-closures-window = Ghișeul
office-closures-whole-office = Tot biroul
office-closures-reason = Motivul
office-closures-remove = Eliminați
office-closures-to-move = Programări de reprogramat
office-closures-to-move-hint = Aceste programări cad într-o zi de închidere. Nu a fost anulat nimic: contactați persoanele și mutați fiecare programare.
office-closures-add = Înregistrați o închidere
office-closures-first = Prima zi de închidere
office-closures-last = Ultima zi de închidere
office-closures-last-hint = Lăsați gol pentru a închide o singură zi.
office-closures-preset = Un motiv obișnuit (păstrat în română și engleză)
office-closures-free-reason = Sau cu propriile cuvinte
office-closures-free-reason-hint = Cel mult 200 de caractere. Dacă îl completați, se folosește în locul motivului obișnuit.
office-closures-submit = Închideți aceste zile
office-closures-reason-training = Instruirea personalului
office-closures-reason-maintenance = Lucrări de întreținere
office-closures-reason-it-outage = Defecțiune a sistemului informatic
office-closures-reason-staff-shortage = Personal insuficient
office-closures-error-office = Alegeți unul dintre birourile pe care le administrați.
office-closures-error-window = Alegeți unul dintre ghișeele acestui birou sau tot biroul.
office-closures-error-date = Scrieți ziua ca dată, de exemplu 2026-12-24.
office-closures-error-past = Prima zi de închidere nu poate fi în trecut.
office-closures-error-order = Ultima zi de închidere nu poate fi înaintea primei.
office-closures-error-long = O înregistrare închide cel mult 62 de zile. Înregistrați o închidere mai lungă în mai multe părți.
office-closures-error-reason = Alegeți un motiv obișnuit sau scrieți unul.
office-closures-error-reason-long = Scrieți motivul în cel mult 200 de caractere.
appt-cancel-hint = Anularea dă imediat intervalul altcuiva. Pentru a veni în altă zi, mutați programarea.
appt-cancel-confirm = Înțeleg că intervalul meu va fi dat altcuiva.
appt-cancel-confirm-needed = Pentru a anula programarea, bifați căsuța prin care confirmați că înțelegeți că intervalul va fi dat altcuiva.
office-closures-confirm = Persoanele programate în aceste zile vor fi anunțate și rugate să aleagă altă oră
office-closures-confirm-hint = O închidere elimină imediat intervalele libere din acele zile. Fiecare persoană programată este anunțată prin e-mail sau SMS, după cum a ales, cu un link pentru mutarea programării.
office-closures-error-confirm = { $count ->
    [one] În aceste zile există o programare. Bifați căsuța pentru a confirma închiderea: persoana va fi anunțată.
    [few] În aceste zile există { $count } programări. Bifați căsuța pentru a confirma închiderea: persoanele vor fi anunțate.
   *[other] În aceste zile există { $count } de programări. Bifați căsuța pentru a confirma închiderea: persoanele vor fi anunțate.
}
office-case-reject-confirm = Am verificat motivul: respingerea este definitivă
office-case-reject-confirm-hint = Solicitantul este anunțat imediat, cu motivul ales mai sus. O cerere respinsă nu mai poate fi reluată.
office-case-reject-confirm-needed = Bifați căsuța pentru a confirma respingerea. Nu s-a schimbat încă nimic.
office-closures-error-confirm-none = Bifați căsuța pentru a confirma închiderea.
appt-bring-title = Vizita dumneavoastră: ce aduceți
appt-bring-identity = Un act de identitate pentru fiecare persoană care vine (certificatul de naștere pentru un copil fără act de identitate).
appt-bring-originals = Originalele documentelor atașate cererii.
appt-open-application = Deschideți cererea
appt-bring-service = Documentele pe care pagina serviciului le enumeră pentru situația dumneavoastră.
appt-open-service = Vedeți documentele
appt-arrive = Veniți cu câteva minute înainte de ora programată și spuneți la ghișeu numărul programării.
appt-open-office = Programul, harta și datele de contact ale biroului
appt-change-hint = Dacă nu puteți veni, mutați sau anulați programarea mai jos, ca locul să fie dat altcuiva.
appt-your-ticket = Bonul dumneavoastră:
appt-go-to-counter = Mergeți acum la ghișeul { $counter }.
appt-wait-for-call = Așteptați în sală: tabela și această pagină arată când sunteți chemat și la ce ghișeu.
appt-cancelled-notice = Programarea { $reference } este anulată, iar locul ei este liber pentru alții. Veți primi un mesaj de confirmare. Vă puteți programa din nou oricând aveți nevoie.
