"""The project's pinned contract (docs/contract.json) is generated from the schema and equals the specification's.

The pinned record lets a bare clone check its templates against the contract without the specification's
shared/ folder; the comparison with that folder runs only where it exists beside the checkout.
"""

import importlib.util
import json

from .conftest import CONTRACT, PINNED_CONTRACT, ROOT, requires_shared


def _maker():
    spec = importlib.util.spec_from_file_location("make_contract", ROOT / "scripts" / "make_contract.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pinned_contract_is_generated_from_the_schema():
    assert PINNED_CONTRACT.read_text(encoding="utf-8") == _maker().render(), (
        "docs/contract.json drifted from mplan_xl/schema.py: run python scripts/make_contract.py"
    )


def test_pinned_contract_names_every_table_and_setting_of_v2():
    pinned = json.loads(PINNED_CONTRACT.read_text(encoding="utf-8"))
    assert pinned["version"] == 2
    assert [c["key"] for c in pinned["tables"]["actuals"]["columns"]][:2] == ["date", "action"]
    assert "measure_every_days" in [s["key"] for s in pinned["settings"]]


@requires_shared
def test_pinned_contract_equals_the_specification():
    shared = json.loads((CONTRACT / "contract.json").read_text(encoding="utf-8"))
    assert json.loads(PINNED_CONTRACT.read_text(encoding="utf-8")) == shared
