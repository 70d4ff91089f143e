"""What every post's HTML gets before it is shown: staff notes in <!-- comments
--> are removed (the post templates have them), a table is put in a box
that scrolls on a phone and can take keyboard focus (WCAG 2.1.1), and phone
numbers and e-mails written as text become links a phone can act on."""

import re

from klucz.typography import contact_links_html

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TABLE = re.compile(r"<table\b.*?</table>", re.S | re.I)
_TABLE_BOX = '<div class="table-scroll" role="region" aria-label="Tabela" tabindex="0">{}</div>'


def tidy(html):
    if not html:
        return html
    if "<!--" in html:
        html = _COMMENT.sub("", html)
    if "<table" in html.lower():
        html = _TABLE.sub(lambda m: _TABLE_BOX.format(m.group(0)), html)
    return contact_links_html(html)
