"""An index part as an XML tree that keeps its namespace prefixes: parse, edit, serialise.

The index parts the report edits (`[Content_Types].xml`, `xl/workbook.xml`, its relationships,
`xl/styles.xml`) are written by many writers, each with its own layout: prefixed or default namespaces,
single or double quotes, `<sheet …></sheet>` or `<sheet …/>`, namespace declarations on the root or on
each child. Editing them as text patterns assumes one writer's layout; they are edited as XML instead.

xml.etree forgets where a namespace was declared and renames every prefix (`ns0:`), and it drops the
declarations nothing uses (which `mc:Ignorable="x14ac"` needs). So `parse` records each element's own
declarations, and `serialise` writes them back where they were, with the same prefixes: the same XML
infoset, in the writer's own words where the serialiser can keep them. Elements added by the report
use the prefix in scope for their namespace (a new declaration only when there is none).
DTDs and entities are refused by defusedxml; every part is size-checked before it is parsed.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

from defusedxml.ElementTree import DefusedXMLParser

XML_NS = "http://www.w3.org/XML/1998/namespace"


class Doc:
    """A parsed part: its root element, each element's own namespace declarations, its XML declaration."""

    def __init__(self, root: ET.Element, declared: dict[int, list[tuple[str, str]]], standalone: bool):
        self.root = root
        self.declared = declared  # id(element) -> [(prefix, uri)], as written on that element
        self.standalone = standalone
        self._keep = [root]  # the ids above stay valid while the Doc lives

    def serialise(self) -> bytes:
        out = io.StringIO()
        standalone = ' standalone="yes"' if self.standalone else ""
        out.write(f'<?xml version="1.0" encoding="UTF-8"{standalone}?>\n')
        self._write(out, self.root, {XML_NS: "xml"})
        return out.getvalue().encode("utf-8")

    def _write(self, out: io.StringIO, element: ET.Element, scope: dict[str, str]) -> None:
        if element.tag is ET.Comment:
            out.write(f"<!--{element.text or ''}-->")
            return
        if element.tag is ET.ProcessingInstruction:
            out.write(f"<?{element.text or ''}?>")
            return
        declarations = list(self.declared.get(id(element), []))
        scope = dict(scope)
        for prefix, uri in declarations:
            _bind(scope, prefix, uri)

        def name(clark: str, attribute: bool) -> str:
            if not clark.startswith("{"):
                return clark
            uri, local = clark[1:].split("}", 1)
            prefix = scope.get(uri + ("\0attr" if attribute else ""), scope.get(uri))
            if prefix is None or (attribute and prefix == ""):
                prefix = _free_prefix(scope, uri) if attribute or "" in scope.values() else ""
                declarations.append((prefix, uri))
                _bind(scope, prefix, uri)
            return f"{prefix}:{local}" if prefix else local

        tag = name(element.tag, False)
        attributes = [f'{name(k, True)}="{escape(v, _ATTR)}"' for k, v in element.attrib.items()]
        namespaces = [
            f"xmlns:{prefix}={quoteattr(uri)}" if prefix else f"xmlns={quoteattr(uri)}" for prefix, uri in declarations
        ]
        out.write("<" + " ".join([tag, *namespaces, *attributes]))
        if len(element) or element.text:
            out.write(">")
            if element.text:
                out.write(escape(element.text, _TEXT))
            for child in element:
                self._write(out, child, scope)
                if child.tail:
                    out.write(escape(child.tail, _TEXT))
            out.write(f"</{tag}>")
        else:
            out.write("/>")


_ATTR = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
_TEXT = {"\r": "&#13;"}


def _bind(scope: dict[str, str], prefix: str, uri: str) -> None:
    """Record that prefix names uri from here on (and forget any other uri the prefix named)."""
    for key in [k for k, v in scope.items() if v == prefix and not k.startswith(XML_NS)]:
        del scope[key]
    scope[uri] = prefix
    if prefix:
        scope[uri + "\0attr"] = prefix  # attributes need a prefix: remember one even under a default


PREFERRED = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
    "http://purl.oclc.org/ooxml/officeDocument/relationships": "r",
}


def _free_prefix(scope: dict[str, str], uri: str) -> str:
    taken = set(scope.values())
    if uri in PREFERRED and PREFERRED[uri] not in taken:
        return PREFERRED[uri]
    n = 0
    while f"ns{n}" in taken:
        n += 1
    return f"ns{n}"


def parse(data: bytes) -> Doc:
    """Parse a part (DTDs and entities refused), recording where each namespace is declared."""
    builder = ET.TreeBuilder(insert_comments=True, insert_pis=True)
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    pull = ET.XMLPullParser(events=("start", "start-ns"), _parser=parser)
    pull.feed(data)
    pull.close()
    declared: dict[int, list[tuple[str, str]]] = {}
    pending: list[tuple[str, str]] = []
    root: ET.Element | None = None
    for entry in pull.read_events():
        event, item = entry  # type: ignore[misc]  # typeshed's event queue type has a 1-tuple; none is ever queued
        if event == "start-ns" and isinstance(item, tuple):
            prefix, uri = item
            pending.append((prefix, uri))
        elif isinstance(item, ET.Element):
            if root is None:
                root = item
            if pending:
                declared[id(item)] = pending
                pending = []
    if root is None:
        raise ET.ParseError("no root element")
    head = data[:200].split(b"?>", 1)[0] if data.lstrip().startswith(b"<?xml") else b""
    standalone = b"standalone" in head and b"yes" in head.split(b"standalone", 1)[1][:10]
    doc = Doc(root, declared, standalone)
    doc._keep = list(root.iter())  # keep every element alive: the ids in `declared` name them
    return doc


def local(tag: object) -> str:
    """An element's or attribute's name without its namespace."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def children(element: ET.Element, name: str) -> list[ET.Element]:
    """The child elements of `element` whose local name is `name`, in whichever namespace."""
    return [child for child in element if local(child.tag) == name]


def child(element: ET.Element, name: str) -> ET.Element | None:
    found = children(element, name)
    return found[0] if found else None


def attr(element: ET.Element, name: str, default: str | None = None) -> str | None:
    """An attribute by its local name (unprefixed first, then any namespace)."""
    if name in element.attrib:
        return element.attrib[name]
    for key, value in element.attrib.items():
        if local(key) == name:
            return value
    return default


# canonical(): tag, attributes, text, children (recursively)
Canonical = tuple[str, tuple[tuple[str, str], ...], str, tuple["Canonical", ...]]


def canonical(element: ET.Element) -> Canonical:
    """A comparable form of an element: names, attributes (unordered), text and children; no prefixes."""
    return (
        element.tag,
        tuple(sorted(element.attrib.items())),
        (element.text or "").strip(),
        tuple(canonical(c) for c in element if isinstance(c.tag, str)),
    )
