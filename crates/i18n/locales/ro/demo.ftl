demo-mailbox-title = Cutia poștală de demonstrație
demo-mailbox-banner = Doar pentru demonstrație: acest server nu trimite e-mailuri reale, așa că mesajele pe care le-ar fi trimis apar aici. O instalare reală nu are această pagină.
demo-mailbox-address = Adresa de e-mail sau numărul de telefon
demo-mailbox-address-hint = Mesajele trimise către ea de la pornirea serverului, cele mai noi întâi.
demo-mailbox-open = Arată mesajele
demo-mailbox-empty = Nu s-a trimis încă nimic la această adresă. Un mesaj poate pleca în câteva secunde: reîncărcați pagina.
demo-mailbox-channel-email = E-mail
demo-mailbox-channel-sms = SMS
