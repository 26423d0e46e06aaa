"""A portal page over HTTP, read and used as a browser would, for the fast preconditions (issue 19
point 2): the page parsed into a tree (the standard library's HTMLParser), elements found by role and
accessible name (a section named by its heading is a region, a fieldset a group named by its legend, a
control named by its label), the form's controls holding what was typed, and a form submitted with the
data set a browser sends (every named control, the ticked boxes, the selected option, the files, the
button pressed). The harness never reads the portal's code: only its pages, as a browser does."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import httpx
from playwright.sync_api import FilePayload

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
CONTROLS = {"input", "select", "textarea"}
BUTTON_INPUTS = {"submit", "button", "reset", "image"}


@dataclass(eq=False)
class Node:
    tag: str
    attrs: dict[str, str | None]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)
    files: list[FilePayload] = field(default_factory=list)  # an <input type=file>'s chosen files

    def iter(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def get(self, name: str) -> str:
        return self.attrs.get(name) or ""

    def find(self, tag: str | None = None, **attrs: str) -> Node | None:
        return next(self.find_all(tag, **attrs), None)

    def find_all(self, tag: str | None = None, **attrs: str) -> Iterator[Node]:
        """The nodes below (and with) this one of that tag whose attributes have these values
        (`class_=` for class: a trailing "_" is dropped)."""
        for node in self.iter():
            if (tag is None or node.tag == tag) and all(node.attrs.get(k.rstrip("_")) == v for k, v in attrs.items()):
                yield node

    def has_class(self, name: str) -> bool:
        return name in self.get("class").split()

    @property
    def kind(self) -> str:
        """An input's type (text when absent), else the tag."""
        return (self.get("type") or "text").lower() if self.tag == "input" else self.tag

    @property
    def hidden(self) -> bool:
        """Not rendered: `hidden` or aria-hidden on it or an ancestor (as the page was served)."""
        return any("hidden" in n.attrs or n.get("aria-hidden") == "true" for n in (self, *self.ancestors()))


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs), parent=self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, dict(attrs), parent=self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if self.stack[-1].tag == "textarea" and not self.stack[-1].children:
            data = data.removeprefix("\n")  # the HTML parsing rule: a newline right after <textarea> is dropped
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    """The page's tree, as the browser builds it (the parts the harness reads)."""
    tree = _Tree()
    tree.feed(html)
    tree.close()
    return tree.root


def squash(text: str) -> str:
    return " ".join(text.split())


class Document:
    """One page as served: its tree, and lookups by role, accessible name and label."""

    def __init__(self, url: str, status: int, html: str) -> None:
        self.url, self.status = url, status
        self.root = parse(html)
        self.by_id = {n.get("id"): n for n in self.root.iter() if n.get("id")}
        self.label_for: dict[str, list[Node]] = {}
        for n in self.root.iter():
            if n.tag == "label" and n.get("for"):
                self.label_for.setdefault(n.get("for"), []).append(n)

    # Accessible names (the parts of the computation the portal's pages use) ----------------------
    def _name_text(self, node: Node) -> str:
        """The text a name is made of: aria-hidden parts left out (the "✓" before a done step)."""
        if node.get("aria-hidden") == "true" or node.tag in ("script", "style"):
            return ""
        if node.tag == "input" and node.kind not in BUTTON_INPUTS:
            return node.get("value")
        if node.tag == "select":
            chosen = self.selected(node)
            return chosen.text() if chosen is not None else ""
        return "".join(c if isinstance(c, str) else self._name_text(c) for c in node.children)

    def name(self, node: Node) -> str:
        labelledby = node.get("aria-labelledby").split()
        if labelledby:
            return squash(" ".join(self._name_text(self.by_id[i]) for i in labelledby if i in self.by_id))
        if node.get("aria-label"):
            return squash(node.get("aria-label"))
        if node.tag in CONTROLS:
            return squash(" ".join(self._name_text(label) for label in self.labels(node)))
        if node.tag == "fieldset":
            legend = next((c for c in node.children if isinstance(c, Node) and c.tag == "legend"), None)
            return squash(self._name_text(legend)) if legend is not None else ""
        if node.tag == "input":
            return squash(node.get("value"))
        return squash(self._name_text(node))

    def labels(self, control: Node) -> list[Node]:
        tied = self.label_for.get(control.get("id"), []) if control.get("id") else []
        return tied + [a for a in control.ancestors() if a.tag == "label" and not a.get("for")]

    @staticmethod
    def role(node: Node) -> str:
        if node.get("role"):
            return node.get("role")
        if node.tag == "section":
            return "region" if node.get("aria-labelledby") or node.get("aria-label") else ""
        if node.tag == "button" or (node.tag == "input" and node.kind in BUTTON_INPUTS):
            return "button"
        if node.tag == "a" and "href" in node.attrs:
            return "link"
        if re.fullmatch(r"h[1-6]", node.tag):
            return "heading"
        return {"fieldset": "group", "li": "listitem", "ol": "list", "ul": "list", "form": "form"}.get(node.tag, "")

    # Lookups: as Playwright's get_by_role / get_by_label, hidden parts kept (see Zone in demarche_http)
    def by_role(self, within: Node, role: str, name: re.Pattern[str] | None = None) -> list[Node]:
        return [n for n in within.iter() if n is not within and self.role(n) == role
                and (name is None or name.search(self.name(n)))]

    def by_label(self, within: Node, label: re.Pattern[str]) -> list[Node]:
        return [n for n in within.iter() if n.tag in CONTROLS and n.kind != "hidden" and label.search(self.name(n))]

    def selected(self, select: Node) -> Node | None:
        options = [o for o in select.iter() if o.tag == "option"]
        return next((o for o in options if "selected" in o.attrs),
                    None if "multiple" in select.attrs else next((o for o in options if "disabled" not in o.attrs), None))

    def form_of(self, node: Node) -> Node:
        owner = self.by_id.get(node.get("form")) if node.get("form") else None
        found = owner or next((a for a in node.ancestors() if a.tag == "form"), None)
        if found is None:
            raise AssertionError(f"« {self.name(node)} » n'est dans aucun formulaire de la page {self.url}")
        return found

    # What the user reads ------------------------------------------------------------------------
    def problems(self) -> list[str]:
        """The alerts and the messages tied to refused fields: what a failed step shows."""
        seen = [squash(self._name_text(n)) for n in self.root.iter() if n.get("role") == "alert"]
        for n in self.root.iter():
            if n.get("aria-invalid") == "true":
                described = " ".join(squash(self.by_id[i].text()) for i in n.get("aria-describedby").split() if i in self.by_id)
                seen.append(f"{self.name(n)} : {described}")
        return [p for p in seen if p]

    def data_set(self, form: Node, submitter: Node | None) -> tuple[list[tuple[str, str]], list[tuple[str, FilePayload]]]:
        """What a browser sends for `form` (the HTML "constructing the entry list" algorithm)."""
        data: list[tuple[str, str]] = []
        files: list[tuple[str, FilePayload]] = []
        for node in form.iter():
            name = node.get("name")
            if node.tag not in (*CONTROLS, "button") or not name or "disabled" in node.attrs:
                continue
            if any(a.tag == "datalist" for a in node.ancestors()):
                continue
            kind = node.kind
            if kind in BUTTON_INPUTS or node.tag == "button":
                if node is submitter:
                    data.append((name, node.get("value")))
            elif kind in ("checkbox", "radio"):
                if "checked" in node.attrs:
                    data.append((name, node.attrs.get("value") or "on"))
            elif kind == "file":
                files.extend((name, f) for f in node.files)
            elif node.tag == "select":
                chosen = [o for o in node.iter() if o.tag == "option" and "selected" in o.attrs] or \
                         [o for o in [self.selected(node)] if o is not None]
                data.extend((name, o.get("value") if o.attrs.get("value") is not None else squash(o.text()))
                            for o in chosen)
            elif node.tag == "textarea":
                data.append((name, node.text().replace("\r\n", "\n").replace("\n", "\r\n")))
            else:
                data.append((name, node.get("value")))
        return data, files


class HttpBrowser:
    """An httpx client that goes from page to page as a browser does: it follows redirects, sends
    the Origin of the page a form is on, and keeps the session cookie it was handed."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client
        self.page: Document | None = None

    @property
    def current(self) -> Document:
        if self.page is None:
            raise AssertionError("aucune page ouverte")
        return self.page

    def open(self, url: str) -> Document:
        return self._load(self.client.get(url))

    def _load(self, response: httpx.Response) -> Document:
        if response.status_code >= 500 or "html" not in response.headers.get("content-type", ""):
            raise AssertionError(f"{response.request.method} {response.request.url} : {response.status_code} "
                                 f"{response.text[:300]}")
        self.page = Document(str(response.url), response.status_code, response.text)
        return self.page

    def follow(self, link: Node) -> Document:
        return self.open(urljoin(self.current.url, link.get("href")))

    def submit(self, button: Node) -> Document:
        """Press a submit button: its form's data set sent to the form's action."""
        page = self.current
        if button.tag == "button" and button.get("type").lower() in ("button", "reset"):
            raise AssertionError(f"« {page.name(button)} » n'envoie pas de formulaire")
        form = page.form_of(button)
        action = urljoin(page.url, button.get("formaction") or form.get("action") or page.url)
        method = (button.get("formmethod") or form.get("method") or "get").lower()
        data, files = page.data_set(form, button)
        parts = urlsplit(page.url)
        headers = {"Origin": f"{parts.scheme}://{parts.netloc}", "Referer": page.url}
        if method == "get":
            return self._load(self.client.get(action, params=tuple(data), headers=headers))
        fields: dict[str, list[str]] = {}
        for key, value in data:
            fields.setdefault(key, []).append(value)
        uploads = [(key, (f["name"], f["buffer"], f["mimeType"])) for key, f in files]
        return self._load(self.client.post(action, data=fields, files=uploads or None, headers=headers))
