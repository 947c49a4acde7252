registry-title = Documentele mele
registry-intro = Documentele pe care le dețineți și cele ale copiilor ai căror părinte sau tutore sunteți. Dacă unul este pierdut sau furat, declarați-l aici, la orice oră: nu mai este valabil din acel moment, astfel încât nimeni altcineva nu îl poate folosi.
registry-none = Nu există încă documente înregistrate pentru dumneavoastră sau copiii dumneavoastră. Un document apare aici după ce v-a fost înmânat.
registry-documents-title = Documente
registry-waiting-title = Gata de ridicat
registry-waiting-at = Vă așteaptă la
registry-number = Număr
registry-document = Document
registry-holder = Titular
registry-standing = Situație
registry-valid-until = Valabil până la { $date } ({ $days ->
        [0] ultima zi
        [one] mai are { $days } zi
        [few] mai are { $days } zile
       *[other] mai are { $days } de zile
    })
registry-valid-no-expiry = Valabil, fără dată de expirare
registry-expired-on = Expirat pe { $date }
registry-not-valid-reported-lost = Nu este valabil: declarat pierdut pe { $date }
registry-not-valid-reported-stolen = Nu este valabil: declarat furat pe { $date }
registry-not-valid-invalidated = Nu este valabil: anulat de autoritate pe { $date }
registry-not-valid-replaced = Nu este valabil: înlocuit cu un document nou pe { $date }
registry-not-valid-not-collected = Nu este valabil: nu a fost ridicat la timp (înregistrat pe { $date })
registry-not-valid-awaiting-collection = Așteaptă să fie ridicat din { $date }
registry-not-valid-valid = Valabil din { $date }
registry-apply-by-label = Cereți unul nou până la
registry-apply-by = { $date }, ca să îl aveți pe cel nou înainte să expire acesta
registry-apply-new = Cereți unul nou
registry-report-link = Declarați pierdut sau furat
registry-reported-done = Documentul { $number } este înregistrat ca nemaifiind valabil. V-am trimis o confirmare dumneavoastră și celorlalți părinți sau tutori ai copilului, dacă există.
registry-check-link = Verificați dacă un document este valabil
registry-report-title = Declarați un document pierdut sau furat
registry-report-warning = După ce îl declarați, documentul nu mai este valabil, imediat și definitiv: chiar dacă îl găsiți, nu îl mai puteți folosi. Va trebui să cereți unul nou.
registry-report-loss = Ce s-a întâmplat cu documentul?
registry-report-lost = L-am pierdut
registry-report-stolen = A fost furat
registry-report-place = Unde s-a întâmplat, din câte știți
registry-report-circumstances = Ce s-a întâmplat
registry-report-optional = Opțional.
registry-report-police = Numărul plângerii la poliție
registry-report-police-hint = Opțional. Dacă ați anunțat poliția, numărul primit de la ea.
registry-report-submit = Declarați-l și anulați-l
registry-report-error-loss = Alegeți dacă documentul este pierdut sau a fost furat.
registry-back = Înapoi la documentele mele
