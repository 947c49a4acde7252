# Priminimai prieš baigiantis dokumento galiojimui (profilio pranešimų nustatymuose).
reminders-heading = Priminimai prieš baigiantis dokumento galiojimui
reminders-intro = Prieš baigiantis dokumento galiojimui, priminsime jums ir vaiko atstovams tais būdais, kurie aukščiau pasirinkti pranešimams apie dokumento galiojimo pabaigą ir parengtus dokumentus.
reminders-thresholds = Kiek dienų prieš galiojimo pabaigą
reminders-thresholds-hint = Iki 5 skaičių nuo 1 iki 730, atskirtų kableliais. Jei paliksite tuščią, bus taikomas institucijos nustatymas: { $defaults }.
reminders-certificates = Priminti, kai baigiasi asmens tapatybės kortelės lusto sertifikatų galiojimas
reminders-not-collected = Priminti, kai parengtas dokumentas vis dar laukia padalinyje
reminders-error-not-a-number = „{ $value }“ nėra dienų skaičius. Įrašykite skaičius, atskirtus kableliais, pavyzdžiui, 90, 30, 7.
reminders-error-range = Nurodykite iki 5 dienų skaičių, kurių kiekvienas – nuo 1 iki 730, pavyzdžiui, 90, 30, 7.
