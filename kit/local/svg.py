"""Make an uploaded SVG logo safe: drawing elements only, nothing that runs, loads or expands.

An SVG is an XML program-like document: it can hold scripts, event handlers, links to other files
or sites, and entity declarations that expand to gigabytes or read local files. We parse it with
every XML trick switched off, refuse what could run or fetch (naming it), drop what only editors
keep (Inkscape and Illustrator metadata), and keep the cleaned SVG. The documents print a PNG
drawn from it once, when it is saved (svglib draws it, PDFium rasterises it): a detailed crest
drawn as vectors costs 100 ms a document, the PNG costs what any PNG logo costs.
"""

from __future__ import annotations

import io
import re

import pypdfium2
from lxml import etree
from PIL import Image
from reportlab.graphics import renderPDF
from svglib.svglib import svg2rlg

from kit.local.errors import LogoError

SVG = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
KEPT_XML = ("{http://www.w3.org/XML/1998/namespace}space", "{http://www.w3.org/XML/1998/namespace}lang")
MAX_ELEMENTS = 5_000  # a detailed crest has a few hundred; more is a drawing, not a logo
MAX_DRAWN = 20_000  # elements once every <use> is expanded: nested <use> multiplies (10 of 10 of 10 ...)
MAX_EXTENT = 100_000  # user units: any real logo's viewBox is far smaller
MAX_RATIO = 20  # width to height (or back): a logo, not a ribbon
W3C_SVG = "-//W3C//DTD SVG"  # the only DOCTYPE kept (drawing programs write it); never loaded, then dropped
SHAPES = frozenset({"path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "use"})

# What a printed logo is made of; other SVG elements (metadata, filters, masks) are dropped.
DRAWING = frozenset({"svg", "g", "defs", "symbol", "use", "path", "rect", "circle", "ellipse", "line",
                     "polyline", "polygon", "linearGradient", "radialGradient", "stop", "clipPath", "title",
                     "desc", "style"})
# What is refused outright, and how the message names it.
REFUSED = {
    "script": "a script (<script>)",
    "foreignObject": "embedded web content (<foreignObject>)",
    "image": "a picture inside the SVG (<image>); upload that picture as a PNG instead",
    "a": "a link (<a>)",
    "text": "text set in a font (<text>); convert the text to outlines (paths) in your drawing program",
    "animate": "an animation (<animate>)", "set": "an animation (<set>)",
    "animateMotion": "an animation (<animateMotion>)", "animateTransform": "an animation (<animateTransform>)",
    "iframe": "embedded web content (<iframe>)",
}
URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.IGNORECASE)
FRAGMENT = re.compile(r"#[A-Za-z_][\w.:-]*")
LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)\s*(px|pt|pc|mm|cm|in)?\s*", re.IGNORECASE)


def _parsed(data: bytes) -> etree._ElementTree:
    """Return DATA parsed with entities, DTDs, network and huge trees all off; LogoError when it is not XML."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                             dtd_validation=False, remove_comments=True, remove_pis=True)
    entities = LogoError("this SVG declares its own entities (a DOCTYPE), which can expand without end or read "
                         "files: export it again without a DOCTYPE")
    if b"<!ENTITY" in data:  # libxml2 would refuse a bomb too, but in its own words
        raise entities
    try:
        tree = etree.parse(io.BytesIO(data), parser)
    except etree.XMLSyntaxError as exc:
        if "amplification" in exc.msg:
            raise entities from None
        raise LogoError(f"this SVG is not well-formed XML ({exc.msg}): export it again") from None
    info, dtd = tree.docinfo, tree.docinfo.internalDTD
    if dtd is not None and (any(dtd.iterentities()) or not (info.public_id or "").startswith(W3C_SVG)):
        raise entities
    if tree.getroot().tag != f"{{{SVG}}}svg":
        raise LogoError("this file is not an SVG image (its first element is not <svg>)")
    return tree


def _check_references(element: etree._Element) -> None:
    """Raise LogoError when ELEMENT runs code or points outside the SVG; drop editors' own attributes."""
    for name, value in list(element.attrib.items()):
        local = etree.QName(name).localname
        if local.lower().startswith("on"):
            raise LogoError(f"this SVG has an event handler ({local} on <{etree.QName(element).localname}>), "
                            "which is a script")
        if local == "href":
            if not FRAGMENT.fullmatch(value.strip()):
                raise LogoError(f'this SVG refers to another file or site (href="{value[:60]}"): '
                                "keep everything inside the one SVG")
            if name != XLINK_HREF:
                continue
        elif name.startswith("{") and name not in KEPT_XML:
            del element.attrib[name]  # inkscape:label, sodipodi:docname, ...: editors' notes
            continue
        _check_css(value)
    if etree.QName(element).localname == "style":
        _check_css(element.text or "")


def _check_css(text: str) -> None:
    """Raise LogoError when the CSS or attribute TEXT imports or points outside the SVG."""
    if "@import" in text.lower():
        raise LogoError("this SVG's style imports another file (@import): keep everything inside the one SVG")
    for target in URL.findall(text):
        if not FRAGMENT.fullmatch(target):
            raise LogoError(f"this SVG's style refers to another file or site (url({target[:60]})): "
                            "keep everything inside the one SVG")


def _cleaned(root: etree._Element) -> None:
    """Drop from ROOT what is not drawing; raise LogoError on anything refused or too large."""
    count = shapes = 0
    for element in list(root.iter()):
        if not isinstance(element.tag, str):  # an entity reference left unexpanded
            raise LogoError("this SVG uses entities (&name;), which can expand without end: export it again")
        qname = etree.QName(element)
        if qname.localname in REFUSED:
            raise LogoError(f"this SVG has {REFUSED[qname.localname]}")
        if qname.namespace != SVG or qname.localname not in DRAWING:
            if element.getparent() is not None:
                element.getparent().remove(element)  # metadata, sodipodi:namedview, filters: not printed
            continue
        count, shapes = count + 1, shapes + (qname.localname in SHAPES)
        if count > MAX_ELEMENTS:
            raise LogoError(f"this SVG has more than {MAX_ELEMENTS:,} elements: simplify it or upload a PNG")
        _check_references(element)
    if not shapes:
        raise LogoError("this SVG draws nothing (it has no paths or shapes): export it again, or upload a PNG")
    etree.cleanup_namespaces(root)


def _drawn(root: etree._Element) -> int:
    """Return how many elements drawing ROOT takes once every <use> is expanded; LogoError on a loop or a bomb."""
    by_id = {e.get("id"): e for e in root.iter() if e.get("id")}
    memo: dict[etree._Element, int] = {}

    def weight(element: etree._Element, seen: frozenset) -> int:
        if element in seen:
            raise LogoError("this SVG has a <use> that refers to itself: export it again")
        if element not in memo:
            target = by_id.get((element.get(XLINK_HREF) or element.get("href") or "").lstrip("#"))
            used = etree.QName(element).localname == "use" and target is not None
            inner = weight(target, seen | {element}) if used else 0
            memo[element] = min(1 + inner + sum(weight(child, seen | {element}) for child in element), MAX_DRAWN + 1)
        return memo[element]

    try:
        return weight(root, frozenset())
    except RecursionError:
        raise LogoError("this SVG nests too deeply to print: simplify it or upload a PNG") from None


def _length(value: str | None) -> float | None:
    match = LENGTH.fullmatch(value or "")
    return float(match.group(1)) if match else None


def aspect(root: etree._Element) -> float:
    """Return ROOT's width / height, from its viewBox or its width and height; LogoError when absurd."""
    box = root.get("viewBox")
    if box is not None:
        try:
            _, _, width, height = (float(n) for n in box.replace(",", " ").split())
        except ValueError:
            raise LogoError(f'this SVG\'s viewBox "{box[:60]}" is not four numbers') from None
    else:
        width, height = _length(root.get("width")), _length(root.get("height"))
        if width is None or height is None:
            raise LogoError("this SVG does not say its size: give it a viewBox (any drawing program's "
                            "'export as SVG' does)")
    if not (0 < width <= MAX_EXTENT and 0 < height <= MAX_EXTENT):
        raise LogoError(f"this SVG is {width:g} × {height:g} units; each side must be more than 0 and at most "
                        f"{MAX_EXTENT:,}")
    if not 1 / MAX_RATIO <= width / height <= MAX_RATIO:
        raise LogoError(f"this SVG is {width:g} × {height:g}: a logo at most {MAX_RATIO} times as wide as tall "
                        "(or tall as wide) can print")
    return width / height


def safe_svg(data: bytes) -> bytes:
    """Return DATA as a cleaned SVG (drawing only, no DOCTYPE, comments or editors' notes); raise LogoError."""
    root = _parsed(data).getroot()
    _cleaned(root)
    if _drawn(root) > MAX_DRAWN:
        raise LogoError(f"this SVG repeats its shapes (<use>) more than {MAX_DRAWN:,} times when drawn: simplify it "
                        "or upload a PNG")
    aspect(root)
    return etree.tostring(root, encoding="utf-8")


def rendition(svg: bytes, height_px: int) -> Image.Image:
    """Return the cleaned SVG drawn HEIGHT_PX tall on white, as the documents print it; LogoError when it cannot be."""
    try:
        drawing = svg2rlg(io.BytesIO(svg))
        if drawing is None or not drawing.width > 0 or not drawing.height > 0:
            raise LogoError("this SVG draws nothing we can print: export it again, or upload a PNG")
        scale = height_px / drawing.height
        drawing.scale(scale, scale)
        drawing.width, drawing.height = drawing.width * scale, height_px
        document = pypdfium2.PdfDocument(renderPDF.drawToString(drawing))  # one page, 1 pt = 1 px at scale 1
    except LogoError:
        raise
    except Exception:  # noqa: BLE001 - svglib and ReportLab raise many kinds on odd numbers; all mean the same
        raise LogoError("this SVG has shapes we cannot draw (a broken path, transform or number): export it "
                        "again from your drawing program, or upload a PNG") from None
    try:
        return document[0].render(scale=1, fill_color=(255, 255, 255, 255)).to_pil().convert("RGB")
    finally:
        document.close()
