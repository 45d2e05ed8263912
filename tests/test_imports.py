"""The kit's modules import one another in one direction only: no module reaches back up to an importer."""

import ast
from pathlib import Path

import kit

PACKAGE = Path(kit.__file__).parent


def module_name(path: Path) -> str:
    """Return the dotted name of the module at PATH inside the kit package."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, modules: set[str]) -> set[str]:
    """Return the kit modules PATH imports, at the top or inside a function alike."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            for alias in node.names:  # `from kit.pdf import handout` imports a module, not only the package
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {m for m in found if m in modules and m != name}


def graph() -> dict[str, set[str]]:
    """Return every kit module and the kit modules it imports."""
    paths = {module_name(p): p for p in PACKAGE.rglob("*.py") if "_data" not in p.parts}
    return {name: imports(path, set(paths)) for name, path in paths.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Return one path around each import cycle found by a depth-first walk."""
    found, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                found.append([*stack[stack.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found


def packages(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    """Return the same graph between the kit's areas (kit.content, kit.pdf, …): an area never reaches back."""
    area = lambda name: ".".join(name.split(".")[:2])  # noqa: E731
    joined: dict[str, set[str]] = {}
    for name, targets in edges.items():
        joined.setdefault(area(name), set()).update(area(t) for t in targets if area(t) != area(name))
    return joined


def test_the_walk_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert packages({"kit.a.x": {"kit.b.y"}, "kit.b.y": {"kit.a.z"}}) == {"kit.a": {"kit.b"}, "kit.b": {"kit.a"}}


def test_the_walk_sees_imports_inside_functions_and_relative_ones():
    edges = graph()
    assert "kit.web" in edges["kit"]  # imported inside create_app's helper
    assert "kit.cli.group" in edges["kit.cli.export"]


def test_no_module_imports_its_importer():
    assert cycles(graph()) == []


def test_no_area_of_the_kit_imports_an_area_that_imports_it():
    assert cycles(packages(graph())) == []
