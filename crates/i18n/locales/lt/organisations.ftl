## Darbuotojų sritis: organizacijų (juridinių asmenų) atstovai.

office-organisations-title = Organizacijų atstovai
office-organisations-intro = Patikrinę dokumentą, kuriuo asmeniui suteikti įgaliojimai, užregistruokite jį kaip įmonės ar kitos organizacijos atstovą. Tada jis galės internetu prašyti išduoti organizacijai pažymą apie teistumą.
office-organisations-code = Fiskalinis identifikavimo kodas (CUI)
office-organisations-code-hint = Kaip įregistruotas, su RO arba be jo, pavyzdžiui, RO 12345674.
office-organisations-name = Organizacijos pavadinimas
office-organisations-name-hint = Kaip įregistruota Rumunijos prekybos registre.
office-organisations-email = Atstovo el. pašto adresas
office-organisations-email-hint = Atstovo Ghiseu paskyros adresas. Jo tapatybė jau turi būti patvirtinta banko kortele arba asmeniškai.
office-organisations-evidence = Kas įrodo įgaliojimus
office-organisations-evidence-hint = Pavyzdžiui: 2026 m. kovo 3 d. įgaliojimas Nr. 12 arba prekybos registro išrašas, kuriame asmuo nurodytas kaip bendrovės vadovas.
office-organisations-submit = Užregistruoti atstovą
office-organisations-recorded = { $email } dabar užregistruotas kaip organizacijos { $name } (CUI { $code }) atstovas.
office-organisations-error-registration_code-malformed = CUI sudaro nuo 2 iki 10 skaitmenų, prieš kuriuos gali būti RO. Patikrinkite, kaip jis įregistruotas.
office-organisations-error-registration_code-check-digit = Šio CUI kontrolinis skaitmuo nesutampa. Patikrinkite, ar nesuklydote.
office-organisations-error-name-required = Įveskite organizacijos pavadinimą, kaip jis įregistruotas.
office-organisations-error-name-too-long = Pavadinimas per ilgas: ne daugiau kaip 200 simbolių.
office-organisations-error-evidence-required = Nurodykite, kas įrodo įgaliojimus, pavyzdžiui, įgaliojimo numerį ir datą.
office-organisations-error-evidence-too-long = Apie įgaliojimus parašykite ne daugiau kaip 500 simbolių.
office-organisations-error-email-unknown = Šiuo el. pašto adresu paskyros nėra. Atstovas pirmiausia turi užsiregistruoti.
office-organisations-error-email-not-assured = Šio asmens tapatybė dar nepatvirtinta banko kortele ar asmeniškai: pirmiausia ją patvirtinkite.
office-organisations-error-email-already = Šis asmuo jau užregistruotas kaip organizacijos atstovas.
office-organisations-none-here = Nė vienas jūsų padalinys neteikia paslaugų organizacijoms, todėl atstovai registruojami padalinyje, kuris jas teikia.
