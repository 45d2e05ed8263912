"""The fast reader gives exactly the strict reader's data, or steps aside (None) for the strict one."""

import itertools
import random
import subprocess
import sys
import textwrap

import pytest

from kit.content.fastyaml import fast_value, text_is_simple
from kit.content.yamlfile import YamlError, parse
from kit.paths import data_dir
from tests.content.helpers import MODULE, QUESTION


def typed(value):
    """Return VALUE with every scalar's type made part of it (True == 1 and 1 == 1.0 in Python)."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    return (type(value).__name__, repr(value))


def strict(text: str):
    try:
        return typed(parse(text.encode("utf-8", "surrogatepass")).value)
    except YamlError:
        return "refused"


def agrees(text: str) -> bool:
    """Say whether the fast reader used TEXT; fail if it gave anything but the strict reader's value."""
    fast = fast_value(text)
    if fast is None:
        return False
    assert typed(fast) == strict(text), text
    return True


def test_shipped_library_reads_the_same():
    files = sorted(data_dir("lessons").rglob("*.yaml"))
    used = [path.name for path in files if agrees(path.read_text(encoding="utf-8"))]
    assert len(used) >= len(files) * 2 // 3  # the fast reader is really used


def test_generated_files_read_the_same():
    module = MODULE.format(id="gen-1", summary="A summary.", minutes=10, third_minutes=5, link="childline")
    question = QUESTION.format(id="gen-q", type="single", first="false", second="true")
    assert agrees(module)
    assert agrees(question)
    assert agrees(question + "".join(QUESTION.format(id=f"q-{n}", type="single", first="true", second="false")
                                     .removeprefix("questions:\n") for n in range(50)))


SCALARS = [
    "no", "yes", "on", "off", "No", "YES", "On", "OFF", "y", "n", "true", "False", "TRUE", "tRue",
    "12:30", "1:02:03", "-12:30", "190:20:30.15", "12:30:00.5", "1e3", "1.0e+3", "1e-3", "6.8523015e+5",
    "0o17", "017", "08", "09", "0x1F", "0X1f", "0b101", "-0b1", "+0x1", "0_7", "00", "0", "-0", "+1", "1_000", "1__0",
    "3.14_15", ".5", "-.5", "+.5", "1.", ".", "+", "-", "._5", "1.2.3", ".inf", "-.Inf", ".NAN", ".nan", "1,000",
    "123456789012345678901234", "9223372036854775807", "9223372036854775808",
    "~", "null", "Null", "NULL", "", "=", "<<", "2024-01-02", "2024-1-2", "2024-01-02 10:00:00",
    "2024-01-02T10:00:00Z", "2001-12-14 21:59:43.10 -5", "10 minutes", "0800 1111", "TCH 3-03a",
    "HWB 2-16a", "Call 999", "ŵŷ Welsh", "Pam? Achos.", "Q&A", "a # not a comment", "a#b", "50%",
    "'no'", '"yes"', "'12:30'", '"0o17"', "'it''s'", '"say \\"no\\""', '"\\u0041"', "'~'", '""', "''",
    "{a: 1, b: [x, y]}", "[no, 'no', 1, '1']", "{en: Stop, then tell someone, cy: Stopia}",
    "|\n  line one\n  line two\n", ">-\n  folded\n  text\n\n  para\n", "|+\n  keep\n\n", ">\n  a\n    more\n  b\n",
    "|", ">", "{a\n  : b}", "[a:, b]", "[:a]", "{a: 1,\nb: 2}", "{cy_r\n  view: draft}",
    "plain\n  multi line\n  scalar", "'single\n  multi'", '"double\n  multi"',
]
CONTEXTS = ["k: {}\n", "k:\n  - {}\n", "k: [{}]\n", "k: {{a: {}}}\n", "k:\n  x: {}\n  y: 1\n"]


@pytest.mark.parametrize("scalar", SCALARS)
def test_tricky_scalars_read_the_same(scalar):
    for context in CONTEXTS:
        agrees(context.format(scalar))


def test_plain_text_and_numbers_do_use_the_fast_reader():
    for scalar in ("Stop and tell someone", "10", "true", "'no'", '"12:30"', "ŵŷ", "0800 1111", "'1e3'", "TCH 3-03a",
                   "{en: Hi, cy: Helo, cy_review: draft}"):
        assert agrees(f"k: {scalar}\n"), scalar


def test_every_short_scalar_reads_the_same():
    alphabet = "019+-._eExob:~ nyTN"
    for size in (1, 2, 3):
        for chars in itertools.product(alphabet, repeat=size):
            scalar = "".join(chars)
            agrees(f"k: {scalar}\n")
            agrees(f"k: [{scalar}, x]\n")


@pytest.mark.parametrize("text", [
    "k: !!python/object:os.system x\n", "k: !!str 1\n", "k: !custom x\n", "a: &x 1\nb: *x\n", "k: *x\n",
    "a: {x: 1}\nb:\n  <<: {y: 2}\n", "%YAML 1.1\n---\nk: v\n", "k: v\n---\nk: w\n", "k: v\n...\n",
    "k: v\nk: w\n", "k: {a: 1, a: 2}\n", "k: {a: 1, 'a': 2}\n", "k: a: b\n", "k: [a\n", "k: 'open\n", "k:\tv\n",
    "k:\n\t- v\n", "k: \"\\q\"\n", "k: a\x01b\n", "k: a\x85b\n", "k: a\u2028b\n", "k: a\ufeffb\n", "k: a\x7fb\n",
    "k: v\r- x\n", "? [a, b]\n: c\n", "- a\n- b\n", "just text\n", "", "k:\n  - a\n - b\n", "k: [a, b]]\n",
    "k: '''\n", "- " * 2000 + "x\n", ": x\n", "  : x\n", "---\nk: v\n", "k: " + "[" * 300 + "]" * 300 + "\n",
    "k: " + "[" * 40 + "x" + "]" * 40 + "\n", "k: [1.5, 2]\n", "k: 2024-01-01\n",
])
def test_refused_or_risky_text_goes_to_the_strict_reader(text):
    assert fast_value(text) is None


def test_every_character_reads_the_same():
    specials = [0x2028, 0x2029, 0xD800, 0xDFFF, 0xFEFF, 0xFFFE, 0xFFFF, 0xFDD0, 0x1FFFE, 0x1F600, 0x10FFFF]
    used = 0
    for code in [*range(0x200), *specials]:
        for context in ("k: a{}b\n", "k: '{}'\n", 'k: "a{}b"\n', "# {}\nk: v\n", "k: [a{}, b]\n", "{}k: v\n"):
            used += agrees(context.format(chr(code)))
    assert used > 1000


def test_random_edits_never_make_the_readers_disagree():
    source = (data_dir("lessons") / "modules" / "ground-rules.yaml").read_text(encoding="utf-8")
    pieces = list(" -:,[]{}'\"#|>\n?&*!0123456789abnoyes") + ["no", "  ", "\n  ", ": ", "- ", "12:30", "1e3", "~"]
    rng = random.Random(2)
    for _ in range(300):
        text = source
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(text))
            cut = rng.choice((0, 0, 1, 3))
            text = text[:at] + rng.choice(pieces + [""]) + text[at + cut:]
        agrees(text)


def test_nesting_the_scan_allows_fits_a_small_thread_stack():
    """Block nesting is capped by the scan and flow nesting by yaml_rs: both fit a 256 KiB stack."""
    assert fast_value("k: " + "[" * 300 + "x" + "]" * 300 + "\n") is None  # yaml_rs: recursion limit
    lines = "".join("  " * i + "- a:\n" for i in range(19)) + "  " * 19 + "- " + "[" * 250 + "x" + "]" * 250 + "\n"
    assert text_is_simple(lines)
    script = textwrap.dedent(f"""
        import threading
        from kit.content.fastyaml import fast_value
        threading.stack_size(256 * 1024)
        thread = threading.Thread(target=fast_value, args=({lines!r},))
        thread.start()
        thread.join()
        print("survived")
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "survived", run.stderr


@pytest.mark.parametrize("change", [
    ("minutes: 10", "minutes: ten"), ("summary: A summary.", "summary: no"), ("summary: A summary.", "summary: 'no'"),
    ("links: [childline]", "links: [nowhere]"), ("id: gen-1", "id: Gen 1"), ("minutes: 10", "minutes: 10\nminutes: 5"),
    ("title: A test module", "title: {en: Stop, then tell}"), ("title: A test module", "title: 12:30"),
])
def test_loader_reports_the_same_with_or_without_the_fast_reader(tmp_path, monkeypatch, change):
    from kit.content import loader

    path = tmp_path / "m.yaml"
    text = MODULE.format(id="gen-1", summary="A summary.", minutes=10, third_minutes=5, link="childline")
    path.write_text(text.replace(*change), encoding="utf-8")

    def read():
        model, doc, problems = loader.read_file("modules", path, "m.yaml")
        lines = doc.lines if doc is not None else None
        return (model.model_dump() if model else None), lines, [str(p) for p in problems]

    fast = read()
    monkeypatch.setattr(loader, "fast_value", lambda text: None)
    assert read() == fast
