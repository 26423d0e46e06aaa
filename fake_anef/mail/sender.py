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


_SLOT = re.compile("\x00(\\d+)\x00")


def render(corps: str, values: dict[str, str] | None = None) -> tuple[str, str]:
    """The guide's body → (plain text, HTML). "[label](url)" is a link in HTML, "label : url" in text.
    `values` fill the body's placeholders AFTER the links are made: a user's value (a prénom such as
    "[réactivez-le ici](http://evil.example/x)") is text in both parts, never a link. Only the
    portal's own URLs (placeholders named lien*) take part in the markup."""
    values = values or {}
    trusted = {k: v for k, v in values.items() if k.startswith("lien")}
    users = [str(v) for k, v in values.items() if not k.startswith("lien")]
    slots = {k: f"\x00{i}\x00" for i, k in enumerate(k for k in values if not k.startswith("lien"))}
    corps = corps.format(**trusted, **slots) if values else corps

    def fill(rendered: str, escape: bool) -> str:
        return _SLOT.sub(lambda m: html.escape(users[int(m.group(1))]) if escape else users[int(m.group(1))], rendered)

    text = fill(_LINK.sub(lambda m: f"{m.group(1)} : {m.group(2)}", corps), escape=False)
    paragraphs = []
    for block in corps.split("\n\n"):
        escaped = html.escape(block)
        linked = _LINK.sub(lambda m: f'<a href="{m.group(2)}">{m.group(1)}</a>', escaped)
        linked = re.sub(r"(?<![\"'>])(https?://[^\s<\x00]+)", r'<a href="\1">\1</a>', linked)
        paragraphs.append(f"<p>{fill(linked.replace(chr(10), '<br>'), escape=True)}</p>")
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

    def send(self, to: str, key: str, attachments: tuple[Attachment, ...] = (), **values: object) -> None:
        """Send the mail `texts.MAILS[key]` to `to`, its placeholders filled from `values`."""
        model = texts.MAILS[key]
        text, body_html = render(model["corps"], {k: str(v) for k, v in values.items()})
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
