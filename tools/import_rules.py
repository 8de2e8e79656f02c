"""An import-linter contract for the imports the others cannot see (``contract_types`` in pyproject.toml).

import-linter reads ``import`` statements. Two ways around them would go unnoticed: a dynamic import
(``importlib.import_module("seekh_convert.check")``, ``__import__``) and the package root, ``seekh_convert/__init__.py``,
which belongs to no layer: a stage importing it would reach whatever the root imports. This contract forbids both:
no dynamic import anywhere in the package, and the root imports nothing of the package.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck

#: Calls that import a module by name at run time.
_DYNAMIC = frozenset({"import_module", "__import__", "spec_from_file_location", "load_module", "exec_module"})


class NoHiddenImportsContract(Contract):
    """No dynamic imports in ``package``, and its root module imports nothing of it."""

    type_name = "no_hidden_imports"
    package = fields.StringField()

    def check(self, graph, verbose: bool) -> ContractCheck:
        root = str(self.package)  # type: ignore[attr-defined]
        problems = [
            f"{root} (the package root, in no layer) imports {imported}: import it where it is used"
            for imported in sorted(graph.find_modules_directly_imported_by(root))
            if imported.startswith(root + ".")
        ]
        spec = importlib.util.find_spec(root)
        folder = Path(next(iter(spec.submodule_search_locations or []))) if spec else None
        for path in sorted(folder.rglob("*.py")) if folder else []:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and _called_name(node.func) in _DYNAMIC:
                    where = path.relative_to(folder.parent).as_posix()
                    problems.append(f"{where}:{node.lineno}: dynamic import ({_called_name(node.func)}): use an import statement")
        return ContractCheck(kept=not problems, metadata={"problems": problems})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for problem in check.metadata["problems"]:
            output.print_error(f"- {problem}", bold=False)
        output.new_line()


def _called_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None
