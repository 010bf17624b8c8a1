"""Small shared helpers for the values people put in cells: one meaning of yes/no, one text coercion, one reading
of times. Every step (review, pick list, slips, clocks, ship, push, after-sales, settings) reads a cell through
these, so the same cell means the same thing everywhere.
"""
