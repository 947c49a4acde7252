demo-mailbox-title = Demonstracinė pašto dėžutė
demo-mailbox-banner = Tik demonstracija: šis serveris tikrų el. laiškų nesiunčia, todėl čia rodomi pranešimai, kuriuos jis būtų išsiuntęs. Tikroje sistemoje tokio puslapio nėra.
demo-mailbox-address = El. pašto adresas arba telefono numeris
demo-mailbox-address-hint = Šiuo adresu išsiųsti pranešimai nuo serverio paleidimo, naujausi viršuje.
demo-mailbox-open = Rodyti pranešimus
demo-mailbox-empty = Šiuo adresu dar nieko neišsiųsta. Pranešimo išsiuntimas gali užtrukti kelias sekundes: atnaujinkite puslapį.
demo-mailbox-channel-email = El. paštas
demo-mailbox-channel-sms = SMS žinutė
