# Elektroniniu būdu išduota pažyma, kaip ji atrodo PDF faile.
certificate-title = Pažyma apie teistumą
certificate-number = Registracijos numeris
certificate-holder = Asmuo
certificate-personal-id = Asmens identifikacinis numeris
certificate-birth = Gimimo data
certificate-registration-code = Fiskalinis identifikavimo kodas (CUI)
certificate-representative = Prašė atstovas
certificate-purpose = Pažymos paskirtis
certificate-issued-on = Išdavimo data
certificate-valid-until = Galioja iki
certificate-result = Teistumo duomenys
certificate-no-entries = Teistumo registre įrašų apie asmenį nėra.
certificate-verify = Bet kas gali patikrinti šią pažymą: adresu { $url } įveskite jos registracijos numerį ir asmens identifikacinį numerį arba nuskenuokite QR kodą tikrinimo programėle, kuriai nereikia interneto ryšio.

# Viešas puslapis, kuriame tikrinamas dokumento QR kodas.
seal-verify-title = Dokumento QR kodo patikra
seal-verify-intro = Įklijuokite tekstą, kurį jūsų QR kodų skaitytuvas parodo nuskaitęs dokumente išspausdintą kodą. Paskyros nereikia, ir jokia informacija apie jus nesaugoma.
seal-verify-field-seal = QR kodo tekstas
seal-verify-field-seal-hint = Jis prasideda GHS1: – nukopijuokite jį visą.
seal-verify-submit = Tikrinti
seal-verify-genuine = QR kodas tikras
seal-verify-compare = Palyginkite šiuos duomenis su popieriniu dokumentu: jei kuris nors skiriasi, dokumentas buvo pakeistas.
seal-verify-offline = Tikrinimo programėlės gali patikrinti kodą ir be interneto ryšio, naudodamos institucijos raktus, paskelbtus adresu /.well-known/jwks.json, ir panaikintų dokumentų sąrašą adresu /api/v1/documents/revoked.
seal-verify-sealed-number = Registracijos numeris
seal-verify-sealed-holder = Turėtojas
seal-verify-sealed-birth = Gimimo data
seal-verify-sealed-issued = Išdavimo data
seal-verify-sealed-expires = Galioja iki
seal-verify-error-required = Įklijuokite QR kodo tekstą.
seal-verify-error-not-a-seal = Tai nėra dokumento QR kodo tekstas: toks tekstas prasideda GHS1:. Patikrinkite, ar nukopijavote visą tekstą.
seal-verify-error-unreadable = Teksto nuskaityti nepavyko: jis sugadintas arba nepilnas. Nuskenuokite arba nukopijuokite jį dar kartą.
seal-verify-error-unknown-key = Šį QR kodą užantspaudavo ne ši institucija. Dokumentu nepasitikėkite.
seal-verify-error-altered = Šis QR kodas pakeistas po to, kai buvo užantspauduotas. Dokumentu nepasitikėkite.

# Prašymo puslapis, kai jo dokumentas išduotas elektroniniu būdu.
case-issued-title = Jūsų dokumentas parengtas
case-issued-number = Registracijos numeris:
case-issued-download = Atsisiųsti pasirašytą PDF
case-issued-seal = QR kodo tekstas
case-issued-seal-hint = Tai informacija, kurią perteikia dokumente esantis QR kodas. Bet kas gali ją įklijuoti tikrinimo puslapyje.
office-register-entries = Kas įrašyta teistumo registre
office-register-entries-hint = Nuskaityta iš registro dabar. Jūsų išduodamoje pažymoje šie įrašai bus nurodyti tokie, kokie jie yra šiuo metu.
office-register-none = Registre šiuo metu apie šį asmenį įrašų nėra: tai bus nurodyta pažymoje.
seal-verify-file-title = Arba patikrinkite gautą PDF failą
seal-verify-field-file = Dokumento PDF failas
seal-verify-field-file-hint = Failas toks, kokį gavote, ne didesnis kaip 2 MB. Jis palyginamas su čia išduotais dokumentais ir nesaugomas.
seal-verify-file-submit = Tikrinti failą
seal-verify-file-recognised = Šis failas yra lygiai toks dokumentas { $number }, kokį išdavė institucija.
seal-verify-file-unknown = Šis failas nesutampa su jokiu čia išduotu dokumentu: tai kitas failas arba jis pakeistas po išdavimo. Juo nepasitikėkite; paprašykite QR kodo ar numerio ir patikrinkite juos.
seal-verify-file-error-required = Pasirinkite dokumento PDF failą.
seal-verify-file-error-too-large = Failas didesnis nei 2 MB, t. y. didesnis už bet kurį čia išduotą dokumentą, todėl tai nėra vienas iš jų.
case-prefilled-title = Kas bus nurodyta dokumente
case-prefilled-hint = Užpildyta pagal jūsų patvirtintą tapatybę ir institucijos duomenis; įvesti nereikia. Jei kas nors neteisinga, prieš pateikdami prašymą kreipkitės į instituciją.
case-prefilled-birth-place = Gimimo vieta
case-prefilled-father = Tėvo vardas
case-prefilled-mother = Motinos vardas
