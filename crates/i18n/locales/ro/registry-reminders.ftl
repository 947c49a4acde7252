# Mementouri înainte de expirare, în preferințele de notificare ale profilului.
reminders-heading = Mementouri înainte de expirarea unui document
reminders-intro = Vă amintim dumneavoastră, și părinților sau tutorilor unui copil, înainte de expirarea unui document, pe canalele alese mai sus pentru expirarea documentelor și documentele gata de ridicare.
reminders-thresholds = Zile înainte de expirare
reminders-thresholds-hint = Până la 5 numere între 1 și 730, despărțite prin virgulă. Lăsați gol pentru alegerea autorității: { $defaults }.
reminders-certificates = Amintiți-mi când expiră certificatele de pe cipul cărții de identitate
reminders-not-collected = Amintiți-mi când un document gata încă așteaptă la ghișeu
reminders-error-not-a-number = „{ $value }” nu este un număr de zile. Scrieți numere despărțite prin virgulă, de exemplu 90, 30, 7.
reminders-error-range = Dați cel mult 5 numere de zile, fiecare între 1 și 730, de exemplu 90, 30, 7.
