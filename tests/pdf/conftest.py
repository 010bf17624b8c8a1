"""Shared helpers of the PDF tests: the three PDFs tkops writes (slips, pick list, evidence index) with Chinese,
Japanese and Thai text, what a PDF's fonts are, and a computer without system fonts."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.picking.conftest import BUNDLES, INVENTORY
from tests.picking.conftest import frame as pick_frame
from tests.picking.conftest import line as pick_line
from tests.slips.sample import frame as slip_frame
from tests.slips.sample import line as slip_line
from tkops.pdf import discovery

#: What each script's text looks like on the PDFs: buyers, products, file names, the team's headings.
ZH = {"recipient": "陈小明", "product": "纯棉短袖T恤", "file": "收货照片.png", "video": "开箱视频.mp4"}
JA = {"recipient": "山田 太郎", "product": "コットンTシャツ", "address": "渋谷区神南1-2-3", "file": "梱包写真.jpg"}
TH = {"recipient": "สมชาย ใจดี", "product": "ชุดเดรสลายดอกไม้", "address": "กรุงเทพมหานคร", "file": "รูปถ่ายลูกค้า.jpg"}
VI = {"recipient": "Nguyễn Thị Hoa", "address": "Đường Lê Lợi"}
PRINTED = dt.datetime(2026, 11, 25, 10, 30)


@pytest.fixture
def no_system_fonts(monkeypatch, tmp_path):
    """A computer with no fonts of its own: tkops' list of system fonts finds nothing and fontconfig is pointed at
    an empty configuration (for any library that would ask it)."""
    empty = tmp_path / "fonts.conf"
    empty.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>',
                     encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(empty))
    monkeypatch.setattr(discovery, "SYSTEM_FONTS", ())
    monkeypatch.setattr(discovery, "system_fonts", lambda: [])


def slips_pdf(layout: str = "a6") -> bytes:
    from tkops.slips import SlipSettings, build_slips, render_pdf

    lines = slip_frame(
        slip_line(0, "zh", recipient=ZH["recipient"], product_name=ZH["product"], buyer_message="请不要放发票"),
        slip_line(1, "ja", recipient=JA["recipient"], product_name=JA["product"], address_line_1=JA["address"]),
        slip_line(2, "th", recipient=TH["recipient"], product_name=TH["product"], state=TH["address"]),
        slip_line(3, "vi", recipient=VI["recipient"], address_line_1=VI["address"]))
    settings = SlipSettings.from_mapping({"Shop Name": "小店 Demo", "Return Address": "深圳市南山区 1 号"})
    return render_pdf(build_slips(lines, settings), settings, layout)


def picklist_pdf_bytes(lang: str = "zh") -> bytes:
    from tkops.picking import pick_list, released, wave_summary, waves
    from tkops.picking.pdf import picklist_pdf

    lines = pick_frame(pick_line(1, "MUG", product_name=ZH["product"]), pick_line(2, "CAP", product_name=JA["product"]),
                       pick_line(3, "TEE-M", product_name=TH["product"]), pick_line(3, "PIN"))
    ready = released(lines)
    wave = waves(ready, bundles=BUNDLES)
    inventory = INVENTORY.assign(**{"Product Name": [TH["product"], "Basic Tee", ZH["product"], JA["product"], "Pin",
                                                      "Socks"]})  # TEE-M, TEE-L, MUG, CAP, PIN, SOCK
    pick = pick_list(ready, inventory, BUNDLES, wave)
    return picklist_pdf(pick, wave_summary(ready, wave, BUNDLES), lang, shop="小店", printed=PRINTED)


def evidence_pdf_path(tmp_path: Path, lang: str = "zh") -> Path:
    from tkops.aftersales.evidence import EvidenceCase
    from tkops.jobs.evidence_pack import gather_evidence

    case = "577123456789012345"
    folder = tmp_path / "Evidence" / case
    for name in (ZH["file"], ZH["video"], "聊天记录/买家截图 1.png", JA["file"], TH["file"]):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"evidence")
    report = gather_evidence(EvidenceCase(case, "576987654321098765", "damaged", dt.datetime(2026, 3, 1, 10)),
                             tmp_path / "Evidence", tmp_path / "out", lang=lang, now=dt.datetime(2026, 3, 2))
    return report.pdf


def text_of(data: bytes) -> str:
    """The text of every page, as a PDF reader extracts it."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def fonts_of(data: bytes) -> dict[str, bool]:
    """Base font name -> embedded, for every font the pages use (type 0 fonts through their descendant)."""
    found: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"])] = embedded
    return found
