"""No import circle anywhere in the package, counting the imports made only for type checking.

`make lint` runs import-linter's acyclic-siblings contract, but its settings
leave out ``if TYPE_CHECKING:`` imports (the layered contract needs that), and
a circle through one is still a circle a reader must untangle: the one between
the old brief/merge.py and brief/located.py was of that kind.
"""

from __future__ import annotations

import grimp


def test_no_two_sibling_modules_import_each_other_even_for_type_checking() -> None:
    graph = grimp.build_graph("summarizer", exclude_type_checking_imports=False)
    packages = sorted(module for module in graph.modules if graph.find_children(module))
    circles = {package: sorted(graph.nominate_cycle_breakers(package)) for package in packages}
    assert "summarizer.brief" in circles, "the package's rooms are read"
    assert {package: breakers for package, breakers in circles.items() if breakers} == {}
