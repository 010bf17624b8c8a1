"""tkops: TikTok Shop order operations for small teams, inside the Excel workbook they already use."""

__version__ = "0.1.0"
