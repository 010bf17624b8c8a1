"""After-sales (issue 6): the case log, causes, suggested resolutions, replies and summaries.

Pure functions on DataFrames; reading exports and writing workbooks happen at the edges.
"""
