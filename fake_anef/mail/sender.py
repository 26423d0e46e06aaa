"""Builds the guides' mails (text and HTML) and sends them over SMTP to the configured server only."""

from __future__ import annotations

import html
import re
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from .. import texts

_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str = "application/pdf"


def render(corps: str) -> tuple[str, str]:
    """The guide's body → (plain text, HTML). "[label](url)" is a link in HTML, "label : url" in text."""
    text = _LINK.sub(lambda m: f"{m.group(1)} : {m.group(2)}", corps)
    paragraphs = []
    for block in corps.split("\n\n"):
        escaped = html.escape(block)
        linked = _LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', escaped)
        linked = re.sub(r"(?<![\"'>])(https?://[^\s<]+)", r'<a href="\1">\1</a>', linked)
        paragraphs.append(f"<p>{linked.replace(chr(10), '<br>')}</p>")
    body_html = (
        '<html><body style="font-family: sans-serif">'
        f"<p><strong>{html.escape(texts.SITE['bandeau'])}</strong></p>{''.join(paragraphs)}</body></html>"
    )
    return text, body_html


@dataclass
class MailSender:
    host: str
    port: int
    sender: str

    def send(self, to: str, key: str, attachments: tuple[Attachment, ...] = (), **values: str) -> None:
        """Send the mail `texts.MAILS[key]` to `to`, its placeholders filled from `values`."""
        model = texts.MAILS[key]
        text, body_html = render(model["corps"].format(**values))
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = to
        message["Subject"] = model["objet"]
        message["Date"] = formatdate(localtime=True)
        message["Message-ID"] = make_msgid(domain="anef-simulateur.test")
        message.set_content(text)
        message.add_alternative(body_html, subtype="html")
        for item in attachments:
            maintype, subtype = item.mimetype.split("/", 1)
            message.add_attachment(item.content, maintype=maintype, subtype=subtype, filename=item.filename)
        with smtplib.SMTP(self.host, self.port, timeout=10) as smtp:
            smtp.send_message(message)
