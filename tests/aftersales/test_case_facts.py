"""A case's order facts (tkops.aftersales.case_facts.case_lines): from its own line, else from its whole order."""

import pandas as pd
import pytest

from tkops.aftersales.case_facts import case_lines


def lines(quantity) -> pd.DataFrame:
    return pd.DataFrame({"order_id": ["1", "1", "2"], "sku_id": ["a", "b", "c"], "seller_sku": ["A", "B", "C"],
                         "quantity": quantity, "order_status": ["Shipped", "Shipped", "Delivered"]})


@pytest.mark.parametrize("quantity", [pd.array([1, 2, 1], dtype="Int64"), [1, 2, 1], [1.0, 2.0, 1.0]])
@pytest.mark.parametrize("index", [[0, 1, 2, 3], [5, 9, 11, 12]])
def test_a_case_without_its_sku_takes_the_facts_of_its_whole_order(quantity, index):
    # rows the team types below the sheet's cases have no SKU ID and an index that does not start at 0; the order
    # lines' quantities come typed (nullable integers) from the sheet
    cases = pd.DataFrame({"order_id": ["1", "2", "1", "3"], "sku_id": ["", "", "a", ""]}, index=index)
    facts = case_lines(cases, lines(quantity))
    assert list(facts.index) == index
    assert list(facts["found"]) == [True, True, True, False]
    assert list(facts["seller_sku"]) == ["A", "C", "A", ""]  # the order's first line, else the case's own line
    assert list(facts["quantity"].fillna(-1)) == [3.0, 1.0, 1.0, -1.0]  # the whole order, else the line
    assert list(facts["shipped"]) == [True, True, True, False]
    assert list(facts["delivered"]) == [False, True, False, False]
