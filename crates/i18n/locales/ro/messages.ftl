# Mesajele trimise de Ghiseu: subiectul și textul e-mailului fiecărui fel de
# mesaj, și SMS-ul lui. Un SMS are sub 160 de caractere și niciun link;
# diacriticele lui sunt înlocuite la trimitere.
notice-second-factor-enabled-subject = Autentificarea în doi pași a fost activată pentru contul Ghiseu
notice-second-factor-enabled-body = Bună ziua,

    Pentru contul dumneavoastră Ghiseu a fost activată autentificarea în doi pași cu o aplicație de autentificare. De acum, la conectare vi se cere, pe lângă parolă, și un cod din aplicație.

    Dacă nu ați fost dumneavoastră, cineva vă cunoaște parola: alegeți imediat una nouă aici:
    { $link }
notice-second-factor-enabled-sms = Ghiseu: pentru contul dvs. a fost activată autentificarea în doi pași. Dacă nu ați fost dvs., resetați imediat parola.
notice-application-returned-subject = Cererea { $reference } trebuie completată
notice-application-returned-body = Bună ziua,

    Cererea dumneavoastră { $reference } pentru { $service } v-a fost returnată: ghișeul are nevoie de completări sau corecturi înainte de a o prelucra. Autentificați-vă pentru a vedea ce vi se cere:
    { $link }
notice-application-returned-sms = Ghiseu: cererea { $reference } v-a fost returnată pentru completări. Autentificați-vă în Ghiseu pentru detalii.
notice-application-accepted-subject = Cererea { $reference } a fost acceptată
notice-application-accepted-body = Bună ziua,

    Cererea dumneavoastră { $reference } pentru { $service } a fost acceptată și este în lucru. Vă scriem când documentul este gata.

    Contul dumneavoastră: { $link }
notice-application-accepted-sms = Ghiseu: cererea { $reference } a fost acceptată și este în lucru. Vă anunțăm când documentul este gata.
notice-application-rejected-subject = Cererea dumneavoastră { $reference } a fost respinsă
notice-application-rejected-body = Bună ziua,

    Cererea dumneavoastră { $reference } pentru { $service } a fost respinsă, din acest motiv:
    { $reason }

    Intrați în cont pentru a vedea cererea și istoricul ei: { $link }
notice-application-rejected-sms = Ghiseu: cererea { $reference } a fost respinsă. Intrați în Ghiseu pentru a vedea motivul.
notice-payment-received-subject = Plata pentru cererea { $reference } a fost primită
notice-payment-received-body = Bună ziua,

    Am primit { $amount }, taxa pentru cererea dumneavoastră { $reference } pentru { $service }. Documentul intră acum în producție; vă scriem când este gata de ridicat.

    Contul dumneavoastră: { $link }
notice-payment-received-sms = Ghiseu: am primit { $amount } pentru cererea { $reference }. Documentul intră acum în producție.
notice-appointment-confirmed-subject = Programarea { $reference } din { $date }, ora { $time }
notice-appointment-confirmed-body = Bună ziua,

    Programarea dumneavoastră { $reference } pentru { $service } este pe { $date }, la ora { $time }, la { $office } ({ $address }). Fișierul pentru calendar este atașat. Aduceți documentele cerute pentru serviciu; vă reamintim cu o zi înainte.

    Pentru a o muta sau anula: { $link }
notice-appointment-confirmed-sms = Ghiseu: programarea { $reference } pe { $date }, ora { $time }, la { $office }. O puteți muta sau anula din contul dumneavoastră.
notice-appointment-reminder-subject = Reamintire: programarea din { $date }
notice-appointment-reminder-body = Bună ziua,

    Aveți o programare pentru { $service } pe { $date }, la ora { $time }, la { $office }. Aduceți documentele cerute pentru serviciu.

    Programările dumneavoastră: { $link }
notice-appointment-reminder-sms = Ghiseu: programare pe { $date }, ora { $time }, la { $office }. Aduceți documentele cerute pentru serviciu.
notice-appointment-cancelled-subject = Programarea { $reference } din { $date } a fost anulată
notice-appointment-cancelled-body = Bună ziua,

    Programarea dumneavoastră { $reference } pentru { $service } din { $date }, ora { $time }, la { $office }, a fost anulată, iar locul este liber pentru alte persoane. Fișierul de calendar atașat o scoate din calendarul dumneavoastră.

    Pentru o nouă programare: { $link }
notice-appointment-cancelled-sms = Ghiseu: programarea { $reference } din { $date }, ora { $time }, a fost anulată. Pentru o nouă programare, intrați în contul dumneavoastră.
notice-document-ready-subject = Documentul dumneavoastră poate fi ridicat
notice-document-ready-body = Bună ziua,

    Documentul cerut prin cererea { $reference } este gata. Îl puteți ridica de la { $office }; aveți la dumneavoastră actul de identitate.

    Contul dumneavoastră: { $link }
notice-document-ready-sms = Ghiseu: documentul pentru cererea { $reference } poate fi ridicat de la { $office }. Aveți la dvs. actul de identitate.
notice-document-expiry-subject = Un document al dumneavoastră expiră pe { $date }
notice-document-expiry-body = Bună ziua,

    Documentul „{ $document }” expiră pe { $date }. Dacă aveți în continuare nevoie de el, cereți unul nou din timp: eliberarea durează.

    Contul dumneavoastră: { $link }
notice-document-expiry-sms = Ghiseu: documentul „{ $document }” expiră pe { $date }. Dacă mai aveți nevoie de el, cereți din timp unul nou.
notice-document-reported-subject = { $loss ->
        [stolen] Documentul { $number } a fost declarat furat și nu mai este valabil
       *[lost] Documentul { $number } a fost declarat pierdut și nu mai este valabil
    }
notice-document-reported-body = Bună ziua,

    Documentul „{ $document }” cu numărul { $number } al titularului { $holder } a fost declarat { $loss ->
        [stolen] furat
       *[lost] pierdut
    } pe { $date }. Din acel moment nu mai este valabil, chiar dacă este găsit: nimeni nu îl mai poate folosi. Pentru unul nou, faceți o cerere din contul dumneavoastră.

    Dacă nu dumneavoastră ați făcut această declarație, anunțați imediat autoritatea.

    Contul dumneavoastră: { $link }
notice-document-reported-sms = Ghiseu: documentul { $number } ({ $holder }) a fost declarat { $loss ->
        [stolen] furat
       *[lost] pierdut
    } pe { $date } si nu mai este valabil. Nu ati fost dvs.? Anuntati autoritatea.
notice-certificate-expiry-subject = { $certificate ->
        [signature] Certificatul de semnătură de pe cartea dumneavoastră de identitate expiră pe { $date }
       *[identification] Certificatul de identificare de pe cartea dumneavoastră de identitate expiră pe { $date }
    }
notice-certificate-expiry-body = Bună ziua,

    { $certificate ->
        [signature] Certificatul de semnătură calificată
       *[identification] Certificatul de identificare electronică
    } de pe „{ $document }” expiră pe { $date }. După această zi nu îl mai puteți folosi pentru { $certificate ->
        [signature] a semna documente electronic
       *[identification] a vă autentifica în serviciile online
    }. Reînnoiți-l din timp.

    Contul dumneavoastră: { $link }
notice-certificate-expiry-sms = Ghiseu: certificatul de { $certificate ->
        [signature] semnătură
       *[identification] identificare
    } de pe „{ $document }” expiră pe { $date }. Reînnoiți-l din timp.
notice-document-not-collected-subject = Documentul dumneavoastră vă așteaptă încă la { $office }
notice-document-not-collected-body = Bună ziua,

    Documentul dumneavoastră „{ $document }” este gata la { $office } din { $date } și nu a fost încă ridicat. Ridicați-l cât mai curând și aduceți actul de identitate; un document care nu este ridicat niciodată este anulat.

    Contul dumneavoastră: { $link }
notice-document-not-collected-sms = Ghiseu: documentul „{ $document }” vă așteaptă la { $office } din { $date }. Ridicați-l cât mai curând, cu actul de identitate.
notice-document-issued-subject = Documentul dumneavoastră { $number } a fost eliberat
notice-document-issued-body = Bună ziua,

    Documentul „{ $document }” pe care l-ați cerut prin cererea { $reference } a fost eliberat, semnat electronic, cu numărul { $number }. Îl puteți descărca din cererea din contul dumneavoastră; oricine îl poate verifica după număr și codul numeric personal al titularului sau după codul QR.

    Contul dumneavoastră: { $link }
notice-document-issued-sms = Ghiseu: documentul { $number } a fost eliberat. Îl descărcați din cererea { $reference }, în contul dumneavoastră.
notice-document-revoked-subject = Documentul { $number } a fost revocat și nu mai este valabil
notice-document-revoked-body = Bună ziua,

    Autoritatea a revocat documentul „{ $document }” cu numărul { $number } al titularului { $holder } pe { $date }. Motivul: { $reason }

    Din acea zi documentul nu mai este valabil: verificarea publică și codul său QR arată acest lucru. Dacă aveți în continuare nevoie de un astfel de document, faceți o cerere nouă din contul dumneavoastră. Dacă credeți că este o greșeală, contactați autoritatea.

    Contul dumneavoastră: { $link }
notice-document-revoked-sms = Ghiseu: documentul { $number } ({ $holder }) a fost revocat de autoritate pe { $date } si nu mai este valabil. Detalii in contul dvs.
notice-appointment-office-closed-subject = { $office } este închis pe { $date }: alegeți altă oră pentru { $reference }
notice-appointment-office-closed-body = Bună ziua,

    { $office } va fi închis pe { $date } ({ $reason }). Programarea dumneavoastră { $reference } pentru { $service } la ora { $time } din acea zi nu poate avea loc.

    Alegeți altă oră aici: { $link }

    Programarea rămâne rezervată până o mutați, dar în acea zi nu vă va primi nimeni.
notice-appointment-office-closed-sms = Ghiseu: biroul este închis pe { $date }; programarea { $reference } nu are loc. Intrați în cont și alegeți altă oră.
