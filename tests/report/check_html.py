"""Checks a report written by `limber report` (HTML) as a strict reader would.

Usage: python3 check_html.py REPORT.html

- It parses as HTML (html.parser) with every element closed in order, one doctype, lang set.
- It is self-contained: no script, no element or attribute that loads anything (src, href
  other than "#...", srcset, link, img, iframe, object, embed, base, @import, url()).
- Each inline <svg> is well-formed XML in the SVG namespace, with role="img", a <title> and a
  <desc>, and aria-labelledby naming ids that exist.
- Each table has a caption and header cells with a scope; ids are unique.
Prints "ok" and exits 0, or prints each problem and exits 1.
"""
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# SVG children written as self-closing tags (<line/>): html.parser reports them as startendtag
LOADING = {"script", "link", "img", "iframe", "object", "embed", "base", "audio", "video", "source", "frame"}
SVG = "{http://www.w3.org/2000/svg}"


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.problems = []
        self.ids = {}
        self.doctypes = 0
        self.labelled_by = []
        self.tables = 0
        self.captions = 0
        self.header_cells = 0
        self.scoped_cells = 0
        self.style_text = ""
        self.in_style = False
        self.html_lang = None

    def where(self):
        line, column = self.getpos()
        return f"line {line}, column {column}"

    def handle_decl(self, decl):
        if decl.lower() == "doctype html":
            self.doctypes += 1
        else:
            self.problems.append(f"{self.where()}: unexpected declaration <!{decl}>")

    def attributes(self, tag, attrs):
        names = [name for name, _ in attrs]
        if len(names) != len(set(names)):
            self.problems.append(f"{self.where()}: <{tag}> repeats an attribute")
        for name, value in attrs:
            value = value or ""
            if name in ("src", "srcset", "data", "poster", "xlink:href", "action", "formaction"):
                self.problems.append(f"{self.where()}: <{tag} {name}=...> loads something")
            if name == "href" and not value.startswith("#"):
                self.problems.append(f"{self.where()}: <{tag} href={value!r}> points outside the page")
            if name.startswith("on"):
                self.problems.append(f"{self.where()}: <{tag} {name}> is script")
            if "url(" in value.replace(" ", ""):
                self.problems.append(f"{self.where()}: <{tag} {name}> holds url()")
            if name == "id":
                if value in self.ids:
                    self.problems.append(f"{self.where()}: id {value!r} used twice")
                self.ids[value] = tag
            if name == "aria-labelledby":
                self.labelled_by.append((self.where(), value.split()))
        if tag in LOADING:
            self.problems.append(f"{self.where()}: <{tag}> is not allowed in a self-contained report")
        if tag == "html":
            self.html_lang = dict(attrs).get("lang")
        if tag == "table":
            self.tables += 1
        if tag == "caption":
            self.captions += 1
        if tag == "th":
            self.header_cells += 1
            if dict(attrs).get("scope") in ("col", "row"):
                self.scoped_cells += 1

    def handle_starttag(self, tag, attrs):
        self.attributes(tag, attrs)
        if tag == "style":
            self.in_style = True
        if tag not in VOID:
            self.stack.append((tag, self.where()))

    def handle_startendtag(self, tag, attrs):
        self.attributes(tag, attrs)
        if tag not in VOID and not self.stack_has("svg"):
            self.problems.append(f"{self.where()}: <{tag}/> outside SVG is not a void element")

    def stack_has(self, tag):
        return any(t == tag for t, _ in self.stack)

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False
        if tag in VOID:
            self.problems.append(f"{self.where()}: </{tag}> closes a void element")
            return
        if not self.stack:
            self.problems.append(f"{self.where()}: </{tag}> closes nothing")
            return
        open_tag, opened = self.stack.pop()
        if open_tag != tag:
            self.problems.append(f"{self.where()}: </{tag}> closes <{open_tag}> opened at {opened}")

    def handle_data(self, data):
        if self.in_style:
            self.style_text += data


def main(path):
    text = open(path, encoding="utf-8").read()
    checker = Checker()
    checker.feed(text)
    checker.close()
    problems = checker.problems
    for tag, opened in checker.stack:
        problems.append(f"<{tag}> opened at {opened} is never closed")
    if checker.doctypes != 1:
        problems.append(f"{checker.doctypes} doctypes, not 1")
    if not checker.html_lang:
        problems.append("<html> has no lang")
    if "@import" in checker.style_text or "url(" in checker.style_text:
        problems.append("the style sheet loads something (@import or url())")
    if checker.tables == 0 or checker.captions != checker.tables:
        problems.append(f"{checker.tables} tables but {checker.captions} captions")
    if checker.header_cells == 0 or checker.scoped_cells != checker.header_cells:
        problems.append(f"{checker.header_cells} header cells, {checker.scoped_cells} with a scope")
    for where, ids in checker.labelled_by:
        for i in ids:
            if i not in checker.ids:
                problems.append(f"{where}: aria-labelledby names {i!r}, which no element has")
    svgs = re.findall(r"<svg\b.*?</svg>", text, flags=re.S)
    if len(svgs) < 3:
        problems.append(f"{len(svgs)} SVG charts, not 3")
    for n, svg in enumerate(svgs, 1):
        try:
            root = ET.fromstring(svg)
        except ET.ParseError as e:
            problems.append(f"SVG {n} is not well-formed XML: {e}")
            continue
        if root.tag != SVG + "svg":
            problems.append(f"SVG {n}: root {root.tag}, not svg in the SVG namespace")
        if root.get("role") != "img":
            problems.append(f"SVG {n}: no role=img")
        for child in ("title", "desc"):
            node = root.find(SVG + child)
            if node is None or not (node.text or "").strip():
                problems.append(f"SVG {n}: no {child}")
        for node in root.iter():
            for name, value in node.attrib.items():
                if name.endswith("href") or "url(" in value:
                    problems.append(f"SVG {n}: <{node.tag}> {name} points elsewhere")
    if problems:
        print("\n".join(problems))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[-1]))
