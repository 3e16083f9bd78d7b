"""The imports run one way, from the start-up hook down to the leaves:
``_pip_explain`` -> ``_hook`` -> ``_pip`` -> ``report`` -> classifier,
enrichment, rendering -> ``model``, ``sanitize``, ``_env``. A reader can
follow a failure from pip to the panel without going back up."""
import ast
import os

from conftest import SRC

import _pip_explain
from pip_explain import _env


def _module_name(path):
    rel = os.path.relpath(path, SRC)[:-3].replace(os.sep, ".")
    return rel[:-9] if rel.endswith(".__init__") else rel


def _graph():
    """Every import of a pip-explain module by another (function-level ones too)."""
    modules = {}
    for root, _, files in os.walk(SRC):
        for name in files:
            if name.endswith(".py"):
                path = os.path.join(root, name)
                modules[_module_name(path)] = path
    graph = {}
    for mod, path in modules.items():
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read())
        package = mod if path.endswith("__init__.py") else mod.rpartition(".")[0]
        targets = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")
                    base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
                names = [base] + [base + "." + a.name for a in node.names]
            else:
                continue
            for name in names:
                while name and name not in modules:
                    name = name.rpartition(".")[0]
                if name and name != mod:
                    targets.add(name)
        graph[mod] = targets
    return graph


def _cycle(graph):
    state = {}

    def visit(node, trail):
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return trail + [node, nxt]
            if nxt not in state:
                found = visit(nxt, trail + [node])
                if found:
                    return found
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node, [])
            if found:
                return found
    return None


def test_no_import_cycle_among_pip_explain_modules():
    graph = _graph()
    # the package's __init__ is imported with every submodule; it must import nothing itself
    assert not graph.get("pip_explain"), graph.get("pip_explain")
    assert _cycle({k: v - {"pip_explain"} for k, v in graph.items()}) is None


def test_leaves_import_nothing_of_pip_explain():
    graph = _graph()
    for leaf in ("pip_explain._env", "pip_explain._lazyre", "pip_explain.model", "pip_explain.sanitize"):
        assert graph[leaf] <= {"pip_explain"}, (leaf, graph[leaf])


def test_start_up_module_imports_only_downward_and_lazily():
    graph = _graph()
    assert graph["_pip_explain"] == {"pip_explain._hook"}
    assert "_pip_explain" not in set().union(*(v for k, v in graph.items() if k != "_pip_explain"))


def test_start_up_module_and_env_agree():
    assert _pip_explain.ENV_ACTIVE == _env.ENV_ACTIVE
    assert _pip_explain.TARGETS == _env.TARGETS
