# Refuzuri, așa cum le spun documentele de problemă ale API-ului și paginile
# care nu au un mesaj propriu. Un mesaj pentru fiecare fel de refuz.

problem-unknown-service = Nu există serviciul „{ $service }”; vedeți /api/v1/services.
problem-no-such-appointment = Nu există această programare.
problem-no-such-application = Nu există această cerere.
problem-no-appointments = Serviciul „{ $service }” nu cere prezența la ghișeu, deci nu are programări.
problem-unknown-office = Biroul „{ $office }” nu oferă acest serviciu. Birourile care îl oferă: { $offered }.
problem-unknown-office-window = Biroul „{ $office }” nu are un ghișeu de tipul { $window }.
problem-slot-in-past = Ora aceea a trecut deja. Alegeți un interval mai târziu.
problem-outside-opening-hours = Ghișeul nu lucrează pentru acest serviciu la acea oră. Alegeți unul dintre intervalele libere.
problem-public-holiday = Ghișeul este închis în acea zi, fiind sărbătoare legală ({ $name }). Alegeți altă zi.
problem-office-closed = Ghișeul este închis în acea zi: { $reason }. Alegeți altă zi.
problem-beyond-horizon = Se pot face programări până la { $last_day }. Alegeți o zi mai apropiată.
problem-not-released = Intervalele pentru acea zi nu sunt încă deschise; se deschid la { $opens_at }. Reveniți atunci.
problem-not-a-slot-start = { $minutes ->
    [one] La acest ghișeu intervalele încep în fiecare minut de la deschidere.
    [few] La acest ghișeu intervalele încep din { $minutes } în { $minutes } minute de la deschidere.
   *[other] La acest ghișeu intervalele încep din { $minutes } în { $minutes } de minute de la deschidere.
} Alegeți o oră de început din lista intervalelor libere.
problem-holders = Alegeți între 1 și { $most } persoane: `self` și identificatorii copiilor din gospodăria dumneavoastră.
problem-holders-twice = Fiecare persoană poate fi aleasă o singură dată.
problem-not-in-household = „{ $name }” nu este un copil din gospodăria dumneavoastră. Puteți face programări pentru dumneavoastră și pentru copiii al căror tutore ați fost confirmat de un ghișeu.
problem-assigned-by-office = Pentru acest serviciu, ghișeul vă dă o programare după ce vă analizează cererea; o veți vedea în pagina cererii.
problem-case-required = Faceți această programare din pagina cererii, după ce ghișeul a acceptat-o.
problem-case-not-ready = Această cerere nu poate primi încă o programare: ghișeul trebuie mai întâi să o accepte.
problem-case-not-ready-to-assign = O programare se acordă după ce dosarul este acceptat și înainte ca documentul să fie emis.
problem-case-not-ready-no-office = Dosarul nu are încă un birou.
problem-case-office = Cererea dumneavoastră este soluționată la biroul „{ $office }”; faceți programarea acolo.
problem-not-assigned-by-office = Pentru acest serviciu solicitantul își face singur programarea; ghișeul nu acordă una.
problem-not-case-staff = Programările sunt acordate de operatorii biroului dosarului sau de un supervizor al autorității.
problem-case-has-appointment = Acest dosar are deja o programare. Mutați-o sau anulați-o pe aceea.
problem-slot-full = { $people ->
    [one] Intervalul nu mai are loc pentru o persoană. Alegeți alt interval; lista intervalelor libere este la zi.
    [few] Intervalul nu mai are loc pentru { $people } persoane. Alegeți alt interval; lista intervalelor libere este la zi.
   *[other] Intervalul nu mai are loc pentru { $people } de persoane. Alegeți alt interval; lista intervalelor libere este la zi.
}
problem-slot-full-move = Intervalul nu mai are loc. Programarea dumneavoastră rămâne cum era; alegeți alt interval.
problem-slot-full-assign = Intervalul nu mai are loc. Alegeți alt interval din lista intervalelor libere.
problem-already-booked = { $who ->
    [yourself] Aveți deja o programare pentru acest serviciu. Anulați-o sau mutați-o pe aceea.
    [applicant] Solicitantul are deja o programare pentru acest serviciu. Mutați-o sau anulați-o pe aceea.
   *[other] O persoană din această programare are deja o programare pentru acest serviciu. Anulați-o sau mutați-o pe aceea.
}
problem-hold-expired = Cele câteva minute pentru confirmare au trecut, iar intervalul a revenit în listă. Alegeți din nou un interval.
problem-not-held = Nu este nimic de confirmat: programarea este „{ $state }”.
problem-not-active = Programarea nu mai poate fi anulată: este „{ $state }”.
problem-not-active-move = Doar o programare confirmată poate fi mutată; aceasta este „{ $state }”.
problem-reschedule-limit = { $max ->
    [one] O programare poate fi mutată online o singură dată.
    [few] O programare poate fi mutată online de { $max } ori.
   *[other] O programare poate fi mutată online de { $max } de ori.
} Pentru a o schimba din nou, sunați sau veniți la ghișeu: un operator o poate muta.
problem-no-show-limit = { $missed ->
    [one] Nu ați venit recent la o programare,
    [few] Nu ați venit recent la { $missed } programări,
   *[other] Nu ați venit recent la { $missed } de programări,
} așa că programările online sunt oprite pentru contul dumneavoastră. Sunați sau veniți la ghișeu pentru o programare.
problem-too-many-requests = Prea multe cereri de programare de la acest cont sau din această rețea într-un minut. Așteptați minutul următor și încercați din nou.
problem-waiting-room = Multe persoane fac programări acum, așa că sunteți într-o sală de așteptare. { $place ->
    [one] Înaintea dumneavoastră este o persoană;
    [few] Înaintea dumneavoastră sunt { $place } persoane;
   *[other] Înaintea dumneavoastră sunt { $place } de persoane;
} țineți pagina deschisă și încercați din nou peste { $seconds ->
    [one] o secundă.
    [few] { $seconds } secunde.
   *[other] { $seconds } de secunde.
} Locul vă este păstrat.
problem-staff-only = Doar personalul unui birou poate face aceasta.
problem-amount-mismatch = Evenimentul este pentru { $event_minor } { $event_currency }, dar comanda este pentru { $order_minor } { $order_currency }; nu s-a înregistrat nimic.

problem-draft-unknown-service = Niciun serviciu nu are acest identificator; vedeți /api/v1/services.
problem-assurance-too-low = Acest serviciu cere ca identitatea să vă fie confirmată printr-o verificare cu cardul bancar sau o dată la ghișeu; vedeți pagina serviciului.
problem-not-for-citizenship = Acest serviciu nu eliberează documente pentru cetățenia titularului, așa cum o arată profilul său. Pagina serviciului arată cine poate depune cererea.
problem-unknown-holder = `holder` trebuie să fie `self` sau un copil pentru care acționați.
problem-application-incomplete = Cererea nu poate fi trimisă încă: { $missing }.
problem-document-not-found = Nu dețineți un document cu acest număr. Verificați numărul tipărit pe document; documentul unui copil apare la documentele dumneavoastră cât timp sunteți tutorele lui.
problem-document-not-in-force = Acest document nu mai este valabil ({ $standing } la { $since }); nu mai trebuie raportat nimic. Depuneți o cerere pentru unul nou.
problem-document-expired = Acest document a expirat la { $on }, deci nu trebuie raportat. Depuneți o cerere pentru unul nou.
problem-document-not-in-registry = Niciun document cu acest număr nu este în registrul autorității dumneavoastră. Verificați numărul așa cum este tipărit pe document.
problem-document-unknown-reason = Alegeți un motiv din lista autorității.
