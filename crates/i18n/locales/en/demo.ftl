demo-mailbox-title = Demonstration mailbox
demo-mailbox-banner = Demonstration only: this server sends no real e-mail, so the messages it would have sent are shown here. A real installation has no such page.
demo-mailbox-address = E-mail address or phone number
demo-mailbox-address-hint = The messages sent to it since the server started, newest first.
demo-mailbox-open = Show the messages
demo-mailbox-empty = Nothing has been sent to this address yet. A message may take a few seconds to leave: reload the page.
demo-mailbox-channel-email = E-mail
demo-mailbox-channel-sms = Text message
