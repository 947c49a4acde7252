"""An SMTP sink that takes 0.3 s over each message, so that a delivery worker is caught in the
middle of a batch: `python3 -m aiosmtpd -c slow_sink.SlowMailbox MAILDIR` (scripts/faults on
PYTHONPATH)."""

import asyncio

from aiosmtpd.handlers import Mailbox


class SlowMailbox(Mailbox):
    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(0.3)
        return await super().handle_DATA(server, session, envelope)
