"""A user who has only a keyboard (RGAA 12.8, 12.13 and 7.3; WCAG 2.1.1): focus moves with Tab
alone, a link or a button is activated with Enter, a checkbox with Space, a radio button with the
arrows, text is typed into the focused field. Elements are named as a person reads them (role and
label, harness.browser); the mouse is never used, and nothing is focused by script."""

from __future__ import annotations

import re
from typing import Literal

from playwright.sync_api import Locator, Page, expect

from .browser import label_pattern

MAX_TABS = 150

# What a keyboard user must be able to reach on a page: every visible, enabled control (a radio
# group counts once: Tab enters it, the arrows move inside it).
_RECORD_FOCUS = """() => { window.__anefFocus = new Set();
  document.addEventListener('focusin', e => window.__anefFocus.add(e.target), true);
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  return document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]').length; }"""
_UNREACHED = """() => {
  const seen = window.__anefFocus || new Set();
  const shown = el => el.checkVisibility ? el.checkVisibility({visibilityProperty: true})  // closed <details> too
    : el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const group = el => [...document.forms].indexOf(el.form) + '|' + el.name;
  const radios = new Set([...seen].filter(el => el.type === 'radio').map(group));
  const controls = [...document.querySelectorAll(
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
    .filter(el => !el.disabled && shown(el));
  const name = el => (el.labels && el.labels[0] ? el.labels[0].textContent : (el.getAttribute('aria-label') || el.textContent || el.value || ''))
    .replace(/\\s+/g, ' ').trim().slice(0, 80);
  return controls.filter(el => !seen.has(el) && !(el.type === 'radio' && radios.has(group(el))))
    .map(el => `${el.tagName.toLowerCase()}${el.type ? '[' + el.type + ']' : ''} « ${name(el)} »`);
}"""
_IS_FOCUSED = "el => el === document.activeElement"
_SAME_RADIO_GROUP = "el => document.activeElement && document.activeElement.type === 'radio' && document.activeElement.name === el.name"
# RGAA 10.7: the focus is visible (the browser's ring, or the page's own outline or shadow).
_FOCUS_SHOWN = """el => { const s = getComputedStyle(el);
  return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; }"""


class NotReachable(AssertionError):
    pass


class Keyboard:
    """The keyboard of one page: Tab to an element, then act on it with the key a person would use."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def tab_to(self, element: Locator, what: str, *, focused: str = _IS_FOCUSED) -> None:
        """Press Tab until `element` has the focus (from wherever the focus is now), bounded."""
        expect(element).to_be_visible()
        for _ in range(MAX_TABS):
            if element.evaluate(focused):
                if not self.page.evaluate(f"() => ({_FOCUS_SHOWN})(document.activeElement)"):
                    raise AssertionError(f"« {what} » reçoit le focus sans qu'il soit visible (RGAA 10.7)")
                return
            self.page.keyboard.press("Tab")
        raise NotReachable(f"« {what} » n'est pas atteignable avec la touche Tab ({MAX_TABS} tabulations ; RGAA 12.8)")

    def every_control_reachable(self) -> None:
        """Tab through the whole page once: each visible control must have had the focus."""
        count = self.page.evaluate(_RECORD_FOCUS)
        for _ in range(count + 3):
            self.page.keyboard.press("Tab")
        unreached = self.page.evaluate(_UNREACHED)
        if unreached:
            raise NotReachable("commande(s) non atteignable(s) au clavier (RGAA 12.8) sur « "
                               f"{self.page.title()} » : " + " ; ".join(unreached))

    # Acting -----------------------------------------------------------------------------------
    def _named(self, role: Literal["link", "button"], name: str) -> Locator:
        pattern = re.compile(rf"^\s*{re.escape(name)}\s*[>›]?\s*$", re.IGNORECASE)
        return self.page.get_by_role(role, name=pattern).first

    def follow_link(self, name: str) -> None:
        link = self._named("link", name)
        self.tab_to(link, name)
        self.page.keyboard.press("Enter")

    def press_button(self, name: str) -> None:
        button = self._named("button", name)
        self.tab_to(button, name)
        self.page.keyboard.press("Enter")

    def type_into(self, label: str, text: str) -> None:
        field = self.page.get_by_label(label_pattern(label)).first
        self.tab_to(field, label)
        self.page.keyboard.type(text)
        expect(field).to_have_value(text)

    def tick(self, label: str) -> None:
        """A checkbox: Tab to it, Space."""
        box = self.page.get_by_label(label, exact=True)
        self.tab_to(box, label)
        self.page.keyboard.press("Space")
        expect(box).to_be_checked()

    def choose(self, label: str) -> None:
        """A radio button: Tab into its group, then the arrows until it is the one chosen."""
        radio = self.page.get_by_label(label, exact=True)
        self.tab_to(radio, label, focused=_SAME_RADIO_GROUP)
        for _ in range(MAX_TABS):
            if radio.is_checked() and radio.evaluate(_IS_FOCUSED):
                return
            if not radio.evaluate(_IS_FOCUSED):
                self.page.keyboard.press("ArrowDown")
            else:  # focused but not checked (no radio of the group was chosen yet): Space chooses it
                self.page.keyboard.press("Space")
        raise NotReachable(f"« {label} » ne peut pas être choisi avec les flèches (RGAA 7.3)")
