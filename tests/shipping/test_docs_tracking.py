"""docs/tracking.md says what the code does: every bundled format and check-digit algorithm is described, and the
inference examples it gives come out as it says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tkops.shipping.carriers import provider_map
from tkops.shipping.checksums import ALGORITHMS
from tkops.shipping.formats import data_folder, load_formats, recorded_checksums
from tkops.shipping.inference import infer

DOC = (Path(__file__).resolve().parents[2] / "docs" / "tracking.md").read_text(encoding="utf-8")


def test_every_bundled_format_and_algorithm_is_documented():
    for fmt in load_formats():
        row = next((line for line in DOC.splitlines() if f"| `{fmt.id}` |" in line), None)
        assert row is not None, fmt.id
        assert f"`{fmt.valid_examples[0]}`" in row and fmt.courier_name in row
    for name in ALGORITHMS:
        assert f"**{name}**" in DOC, name
    assert len(load_formats()) == len(re.findall(r"^\| [^|]+ \| `[a-z0-9_]+` \|", DOC, re.M))
    assert f"{len(list(data_folder().glob('*.json')))} couriers, {len(load_formats())} formats" in DOC
    assert len(recorded_checksums()) == len(list(data_folder().glob("*.json")))


@pytest.mark.parametrize("number, market, provider", [
    ("1Z5R89390357567127", "US", "UPS"), ("9400111206206406260787", "US", "USPS"), ("986578788855", "US", "FedEx"),
    ("986578788855", "TH", ""), ("RB123456785GB", "GB", "Royal Mail"), ("TBA123456789012", "US", ""),
])
def test_the_inference_examples_of_the_doc_hold(number, market, provider):
    assert f"`{number}`" in DOC
    assert infer(number, provider_map(), market).provider == provider
