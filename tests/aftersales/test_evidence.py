"""Dispute evidence packs: a real case folder (PNG and JPEG photos made with Pillow, a PDF, a chat export, Chinese
and Thai names, a lock file, hidden files, a hostile name) packed, then the archive opened, the index read as HTML
and the PDF parsed; the checklist, the appeal deadline, the folder rules, failures that leave nothing behind, and the
workbook path through a FileBook-built AfterSales sheet.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import tracemalloc
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from tkops import messages
from tkops.jobs import evidence_files, evidence_pack
from tkops.aftersales.catalogue import AfterSalesConfigError
from tkops.aftersales.evidence import EvidenceCase, appeal_due, checklist
from tkops.jobs.evidence_pack import gather_evidence
from tkops.jobs.evidence import run_evidence
from tkops.aftersales.evidence_catalogue import EvidenceError
from tkops.aftersales.evidence_checklist import CHECKLIST_HEADERS, DEFAULT_APPEAL_DAYS, covered_by
from tkops.aftersales.reasons import CASE_TYPES
from tkops.bundled import bundled_path
from tkops.case_schema import CASE_SHEET_COLUMNS
from tkops import atomic
from tkops.book import FileBook
from tkops.book.layout import ColumnSpec, SheetSpec
from tkops.errors import ConfigError, WorkbookLocked
from tkops.settings import Settings

CASE = "577123456789012345"
ORDER = "576987654321098765"
NOW = dt.datetime(2026, 3, 4, 9, 30)
OPENED = dt.datetime(2026, 3, 1, 10, 0)
HOSTILE = "<img src=x onerror=alert(1)>.txt"
CHINESE = "聊天记录/买家截图 1.png"
THAI = "รูปถ่าย ลูกค้า.jpg"
JUNK = ["~$notes.docx", ".DS_Store", "Thumbs.db", ".hidden/secret.txt", "draft.tmp"]


def _png(colour, size=(640, 480)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def _jpeg(colour) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 900), colour).save(buffer, "JPEG")
    return buffer.getvalue()


def _pdf(text: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)  # the same bytes every time
    canvas.drawString(72, 720, text)
    canvas.save()
    return buffer.getvalue()


def _team_files() -> dict[str, bytes]:
    return {
        "packing photo 1.png": _png((200, 30, 30)),
        "weight 1.2kg.jpg": _jpeg((20, 160, 40)),
        "tracking proof.pdf": _pdf(f"Tracking for {ORDER}"),
        "chat export.txt": "Buyer: it arrived broken\nSeller: sorry! please send a photo\n".encode(),
        CHINESE: _png((0, 90, 200), (300, 200)),
        THAI: _jpeg((240, 200, 0)),
        HOSTILE: b"not markup",
        "IMG_0042.heic": b"\x00\x00\x00\x18ftypheic not a real photo",
    }


def _write(folder: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def root(tmp_path) -> Path:
    """An evidence root holding one case folder with the team's files and the junk a real folder collects."""
    base = tmp_path / "Evidence"
    folder = base / CASE
    _write(folder, _team_files())
    _write(folder, {name: b"junk" for name in JUNK})
    return base


@pytest.fixture
def damaged() -> EvidenceCase:
    return EvidenceCase(CASE, ORDER, "damaged", OPENED, reason="Damaged item or packaging", skus=("MUG-RED",))


@pytest.fixture
def pack(root, damaged, tmp_path):
    return gather_evidence(damaged, root, tmp_path / "out", now=NOW)


@pytest.fixture
def registered(monkeypatch):
    """The evidence catalogue in tkops.messages' lookup (the one line messages.py gets when this is merged)."""
    module = "tkops.aftersales.evidence_catalogue"
    if module not in messages._SECTION_CATALOGUES:
        monkeypatch.setattr(messages, "_SECTION_CATALOGUES", messages._SECTION_CATALOGUES + (module,))


# --- the archive ----------------------------------------------------------------------------------------------------

def test_archive_holds_every_file_byte_for_byte_under_relative_utf8_names(pack, root, tmp_path):
    expected = _team_files()
    assert pack.zip == tmp_path / "out" / f"Evidence {CASE} 2026-03-04 0930.zip"
    assert pack.pdf == pack.zip.with_suffix(".pdf")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted([pack.zip.name, pack.pdf.name])
    with zipfile.ZipFile(pack.zip) as archive:
        assert archive.testzip() is None
        infos = {i.filename: i for i in archive.infolist()}
        assert set(infos) == {"index.html"} | {f"files/{rel}" for rel in expected}
        for rel, data in expected.items():
            info = infos[f"files/{rel}"]
            assert archive.read(info) == data
            assert bool(info.flag_bits & 0x800) == (not rel.isascii())  # the UTF-8 name flag
            mtime = dt.datetime.fromtimestamp((root / CASE / rel).stat().st_mtime)
            assert abs(dt.datetime(*info.date_time) - mtime) <= dt.timedelta(seconds=2)
        for name in infos:
            assert not name.startswith(("/", "\\")) and ".." not in name.split("/") and ":" not in name
    assert {f.rel: f.sha256 for f in pack.files} == {rel: hashlib.sha256(d).hexdigest() for rel, d in expected.items()}
    assert sorted(pack.skipped) == sorted([".hidden/", "~$notes.docx", ".DS_Store", "Thumbs.db", "draft.tmp"])


def test_the_teams_files_are_not_touched(root, damaged, tmp_path):
    before = _snapshot(root)
    gather_evidence(damaged, root, tmp_path / "out", now=NOW)
    assert _snapshot(root) == before


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _index(pack) -> str:
    with zipfile.ZipFile(pack.zip) as archive:
        return archive.read("index.html").decode("utf-8")


def test_index_lists_every_file_escaped_with_thumbnails_of_images(pack):
    page = _index(pack)
    parsed = _Tags()
    parsed.feed(page)
    text = "".join(parsed.text)
    for rel, data in _team_files().items():
        assert rel in text  # the name as text, whatever its characters
        assert hashlib.sha256(data).hexdigest() in text
    assert "&lt;img src=x onerror=alert(1)&gt;.txt" in page and "<img src=x" not in page
    assert not any(k.startswith("on") for _tag, attrs in parsed.tags for k in attrs)
    assert not any(tag == "script" for tag, _ in parsed.tags)
    images = [attrs["src"] for tag, attrs in parsed.tags if tag == "img"]
    assert len(images) == 4 and all(src.startswith("data:image/jpeg;base64,") for src in images)  # not the HEIC
    links = {attrs["href"] for tag, attrs in parsed.tags if tag == "a"}
    assert "files/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.txt" in links
    assert all(link.startswith("files/") for link in links)
    for fact in (CASE, ORDER, "Damaged", "2026-03-01 10:00", "2026-03-08 10:00", "MUG-RED"):
        assert fact in text


def test_pdf_index_names_the_case_and_every_file(pack):
    text = "\n".join(page.extract_text() for page in PdfReader(pack.pdf).pages)
    flat = text.replace("\n", " ")
    assert CASE in text and ORDER in text and "2026-03-08 10:00" in text
    for rel in ("packing photo 1.png", "weight 1.2kg.jpg", "tracking proof.pdf", "chat export.txt", "IMG_0042.heic",
                HOSTILE, CHINESE):
        assert rel in flat, rel
    for name, data in _team_files().items():
        digest = hashlib.sha256(data).hexdigest()
        assert digest[:32] in text and digest[32:] in text


# --- the checklist --------------------------------------------------------------------------------------------------

def test_checklist_coverage_ticks_what_the_names_show_and_highlights_the_rest(pack):
    covered = {c.requirement.item: c.files for c in pack.items if c.files}
    assert covered == {
        "Packing photos or video before dispatch": ["packing photo 1.png"],
        "Parcel weight at dispatch": ["weight 1.2kg.jpg"],
        "Buyer's photos or video of the damage": [THAI, CHINESE],  # sorted by name
        "Chat records with the buyer": ["chat export.txt", CHINESE],  # 聊天记录: the folder's name counts
        "Tracking history": ["tracking proof.pdf"],
    }
    assert [r.item for r in pack.missing] == []
    assert {f.rel for f in pack.unmatched} == {HOSTILE, "IMG_0042.heic"}
    optional = [c for c in pack.items if not c.files]
    assert [c.requirement.item for c in optional] == ["Product photos before dispatch"]
    assert not optional[0].requirement.required


def test_missing_required_items_are_reported_and_highlighted(root, tmp_path):
    case = EvidenceCase(CASE, ORDER, "wrong_item", OPENED)
    report = gather_evidence(case, root, tmp_path / "out", now=NOW)
    assert [r.item for r in report.missing] == ["Picking and packing record of the order",
                                                "Photo of the SKU label or barcode on the item"]
    page = _index(report)
    assert page.count('class="missing-row"') == 2
    assert "Still missing (required): Picking and packing record of the order; Photo of the SKU label" in \
        "\n".join(report.lines("en"))
    assert "仍缺少（必需）：该订单的拣货和打包记录; 商品 SKU 标签或条码照片" in "\n".join(report.lines("zh"))
    pdf = " ".join(page.extract_text() for page in PdfReader(report.pdf).pages)
    assert "MISSING: Picking and packing record of the order" in pdf


def test_checklist_per_case_type_in_both_languages():
    items = [r.item for r in checklist("not_received")]
    assert items[:4] == ["Tracking history with the delivery scan", "Carrier's proof of delivery (photo or signature)",
                         "Shipping label showing the buyer's address", "Chat records with the buyer"]
    damaged = {r.item for r in checklist("damaged") if r.required}
    assert {"Packing photos or video before dispatch", "Parcel weight at dispatch", "Chat records with the buyer",
            "Buyer's photos or video of the damage"} <= damaged
    wrong = {r.item for r in checklist("wrong_item") if r.required}
    assert {"Picking and packing record of the order", "Photo of the SKU label or barcode on the item",
            "Parcel weight at dispatch"} <= wrong
    assert [r.item for r in checklist("size_fit") if r.required] == ["Size chart in the listing",
                                                                      "Chat records with the buyer"]
    zh = checklist("size_fit", "zh")
    assert zh[0].label == "商品页中的尺码表" and zh[0].why.startswith("证明买家")
    for key, entry in CASE_TYPES.items():
        found = checklist(key)
        assert any(r.required for r in found) and "Chat records with the buyer" in [r.item for r in found], key
        assert checklist(entry.en) == found == checklist(entry.zh) == checklist(key.replace("_", " ").upper())
    assert checklist("nonsense") == checklist("other") == checklist("")


def test_the_checklist_data_is_complete():
    with open(bundled_path("aftersales/evidence.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == CHECKLIST_HEADERS
    assert {r["Case Type"] for r in rows} == set(CASE_TYPES)
    for r in rows:
        assert r["Item"] and r["Item 说明"] and r["Why"] and r["Why 说明"] and r["Keywords"], r
        assert r["Required"] in ("yes", "no"), r


@pytest.mark.parametrize("name, item", [
    ("IMG_chat_01.png", "Chat records with the buyer"), ("微信聊天.jpg", "Chat records with the buyer"),
    ("Packing-Video.mp4", "Packing photos or video before dispatch"), ("backpack.jpg", None),
    ("scale photo.jpg", "Parcel weight at dispatch"), ("称重.png", "Parcel weight at dispatch"),
    ("snack.png", None), ("买家/1.jpg", "Buyer's photos or video of the damage"),
])
def test_file_names_map_to_items_by_keywords(name, item):
    found = [r.item for r in covered_by(name, checklist("damaged"))]
    assert found == ([item] if item else [])


CHAT, TRACKING, WEIGHT = "Chat records with the buyer", "Tracking history", "Parcel weight at dispatch"


@pytest.mark.parametrize("case_type, name, items", [
    ("damaged", "收货照片.png", ["Buyer's photos or video of the damage"]),
    ("damaged", "开箱视频.mp4", ["Buyer's photos or video of the damage"]),
    ("not_received", "签收照片.jpg", ["Carrier's proof of delivery (photo or signature)"]),
    ("not_received", "物流轨迹截图.png", ["Tracking history with the delivery scan", CHAT]),
    ("not_received", "面单.pdf", ["Shipping label showing the buyer's address"]),
    ("damaged", "聊天截图.png", [CHAT]), ("late", "截图 1.png", [CHAT]),
    ("wrong_item", "称重.jpg", [WEIGHT]), ("damaged", "物流/追踪.png", [TRACKING]),
    ("damaged", "打包视频.mp4", ["Packing photos or video before dispatch"]),
    ("wrong_item", "拣货扫描.png", ["Picking and packing record of the order"]),
    ("wrong_item", "条码.jpg", ["Photo of the SKU label or barcode on the item"]),
    ("missing_parts", "装箱单.jpg", ["Packing list or photo of all parts in the box"]),
    ("no_longer_needed", "退货收货照片.jpg", ["Photos of the returned item as received"]),
    ("late", "揽收交接单.jpg", ["Proof of on-time dispatch (hand-over scan or pickup manifest)"]),
    # the most specific keyword wins: a listing screenshot is neither a chat screenshot nor a product photo
    ("not_as_described", "商品页截图.png", ["Listing screenshots (photos description and specifications)"]),
    ("damaged", "商品页截图.png", []), ("damaged", "商品照片.jpg", ["Product photos before dispatch"]),
    ("colour_material", "商品.jpg", ["Product photos in daylight"]),  # the same word in two items: both may claim it
    # Japanese
    ("damaged", "チャット履歴.png", [CHAT]), ("damaged", "梱包写真.jpg", ["Packing photos or video before dispatch"]),
    ("damaged", "開封動画.mp4", ["Buyer's photos or video of the damage"]),
    ("not_received", "配達証明.jpg", ["Carrier's proof of delivery (photo or signature)"]),
    ("no_longer_needed", "追跡.png", [TRACKING]), ("defective", "検品.mp4", ["Quality-check record or test video"]),
])
def test_chinese_and_japanese_file_names_map_to_items(case_type, name, items):
    assert [r.item for r in covered_by(name, checklist(case_type))] == items


def test_the_checklist_labels_in_chinese():
    zh, en = checklist("damaged", "zh")[0], checklist("damaged", "en")[0]
    assert (zh.item, zh.label, zh.why) == (en.item, "发货前打包照片或视频", "证明商品出库时完好且包装妥当。")
    assert (en.label, en.why) == ("Packing photos or video before dispatch",
                                  "Shows the item was intact and well protected when it left.")
    assert zh.required and zh.keywords == en.keywords and "打包" in zh.keywords


def test_a_team_checklist_decides_which_keyword_is_more_specific():
    from tkops.aftersales.evidence_checklist import EvidenceChecklist

    rows = [CHECKLIST_HEADERS, ["damaged", "Chat", "聊天", "w", "w", "yes", "截图"],
            ["other", "Listing", "商品页", "w", "w", "yes", "商品页截图"]]
    table = EvidenceChecklist.from_rows(rows)
    requirements = table.requirements("damaged")
    assert [r.item for r in covered_by("截图.png", requirements, table)] == ["Chat"]
    assert covered_by("商品页截图.png", requirements, table) == []
    merged = EvidenceChecklist.from_rows(rows[:2], base=table)  # the team's damaged rows replace the base's
    assert [r.item for r in merged.requirements("damaged")] == ["Chat"]
    assert [r.item for r in merged.requirements("other")] == ["Listing"]
    chat_only = EvidenceChecklist.from_rows(rows[:2])
    assert [r.item for r in covered_by("商品页截图.png", chat_only.requirements("damaged"), chat_only)] == ["Chat"]


def test_the_appeal_deadline():
    assert DEFAULT_APPEAL_DAYS == 7
    assert appeal_due(OPENED, 7) == dt.datetime(2026, 3, 8, 10, 0)
    assert appeal_due(dt.date(2026, 3, 1), 15) == dt.datetime(2026, 3, 16)
    assert appeal_due(None, 7) is None


def test_the_deadline_in_the_summary(root, tmp_path):
    late = gather_evidence(EvidenceCase(CASE, ORDER, "damaged", OPENED), root, tmp_path / "a",
                           now=dt.datetime(2026, 3, 9), appeal_days=3)
    assert late.appeal_due == dt.datetime(2026, 3, 4, 10, 0)
    assert "The appeal deadline 2026-03-04 10:00 has passed" in "\n".join(late.lines())
    assert 'class="deadline passed"' in _index(late)
    unknown = gather_evidence(EvidenceCase(CASE), root, tmp_path / "b", now=NOW)
    assert unknown.appeal_due is None and "没有开启时间" in "\n".join(unknown.lines("zh"))


# --- finding the folder ---------------------------------------------------------------------------------------------

def test_a_missing_folder_says_which_folder_and_how_to_name_it(tmp_path, registered):
    base = tmp_path / "Evidence"
    base.mkdir()
    with pytest.raises(EvidenceError) as caught:
        gather_evidence(EvidenceCase(CASE), base, tmp_path / "out")
    err = caught.value
    assert err.code == "evidence.no_folder"
    assert str(base / CASE) in err.render("en") and "named after the Case ID" in err.render("en")
    assert f'"{CASE} wrong colour"' in err.render("en")
    assert str(base / CASE) in err.render("zh") and "以 Case ID 命名的文件夹" in err.render("zh")
    assert messages.render(err.code, "zh", **err.params) == err.render("zh")
    assert not (tmp_path / "out").exists()
    with pytest.raises(EvidenceError) as caught:
        gather_evidence(EvidenceCase(CASE), tmp_path / "nowhere", tmp_path / "out")
    assert caught.value.code == "evidence.no_root" and str(tmp_path / "nowhere") in caught.value.render("zh")
    with pytest.raises(EvidenceError, match="cannot be a Case ID"):
        gather_evidence(EvidenceCase("../etc"), base, tmp_path / "out")


def test_a_folder_named_with_the_case_id_and_more_words(tmp_path, damaged):
    base = tmp_path / "Evidence"
    _write(base / f"{CASE} broken mug", {"packing.png": _png((1, 2, 3))})
    _write(base / f"{CASE}9", {"other case.txt": b"x"})  # a longer ID: another case
    report = gather_evidence(damaged, base, tmp_path / "out", now=NOW)
    assert report.folder.name == f"{CASE} broken mug" and [f.rel for f in report.files] == ["packing.png"]
    direct = gather_evidence(damaged, base / f"{CASE} broken mug", tmp_path / "out", now=NOW)  # --folder at the case
    assert direct.folder == report.folder and direct.zip.name.endswith(" (2).zip")
    _write(base / f"{CASE}-more", {"x.txt": b"x"})
    with pytest.raises(EvidenceError) as caught:
        gather_evidence(damaged, base, tmp_path / "out", now=NOW)
    assert caught.value.code == "evidence.ambiguous_folder" and f'"{CASE}-more"' in caught.value.render()


def test_earlier_packs_in_the_case_folder_are_left_out(root, damaged):
    first = gather_evidence(damaged, root, root / CASE, now=NOW)
    second = gather_evidence(damaged, root, root / CASE, now=NOW)
    assert first.zip.name in second.skipped and first.pdf.name in second.skipped
    assert {f.rel for f in second.files} == set(_team_files())


# --- failures leave nothing ------------------------------------------------------------------------------------------

def _no_output(out: Path) -> bool:
    return not out.exists() or not any(out.iterdir())


def test_a_write_error_in_the_archive_leaves_nothing(root, damaged, tmp_path, monkeypatch):
    before = _snapshot(root)
    real_open = zipfile.ZipFile.open
    opened = []

    def failing_open(self, name, mode="r", **kw):
        handle = real_open(self, name, mode, **kw)
        if mode == "w":
            opened.append(name)
            if len(opened) == 3:
                def disk_full(_data):
                    raise OSError(28, "No space left on device")
                handle.write = disk_full
        return handle

    monkeypatch.setattr(zipfile.ZipFile, "open", failing_open)
    with pytest.raises(EvidenceError) as caught:
        gather_evidence(damaged, root, tmp_path / "out", now=NOW)
    assert caught.value.code == "evidence.write_failed" and "No space left" in caught.value.render()
    assert "未留下任何文件" in caught.value.render("zh")
    assert _no_output(tmp_path / "out") and _snapshot(root) == before


def test_a_failing_pdf_or_final_rename_leaves_nothing(root, damaged, tmp_path, monkeypatch):
    def broken_pdf(*_a, **_k):
        raise OSError(5, "Input/output error")

    with monkeypatch.context() as m:
        m.setattr(evidence_pack, "evidence_pdf", broken_pdf)
        with pytest.raises(EvidenceError, match="Input/output error"):
            gather_evidence(damaged, root, tmp_path / "out", now=NOW)
    assert _no_output(tmp_path / "out")
    real_replace = os.replace

    def refuse_zip(src, dst):
        if str(dst).endswith(".zip"):
            raise PermissionError(13, "Permission denied")
        return real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", refuse_zip)
    with pytest.raises(WorkbookLocked):  # atomic_target's error; the PDF was already in place and is taken back
        gather_evidence(damaged, root, tmp_path / "out", now=NOW)
    assert _no_output(tmp_path / "out")


def test_an_unreadable_file_is_named_and_nothing_is_written(root, damaged, tmp_path, monkeypatch):
    real_open = open

    def locked(path, *a, **k):
        if str(path).endswith("chat export.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **k)

    monkeypatch.setattr(evidence_files, "open", locked, raising=False)
    with pytest.raises(EvidenceError) as caught:
        gather_evidence(damaged, root, tmp_path / "out", now=NOW)
    assert caught.value.code == "evidence.unreadable" and "chat export.txt" in caught.value.render()
    assert _no_output(tmp_path / "out")


def test_a_large_file_is_streamed_not_read_whole(tmp_path, damaged):
    base = tmp_path / "Evidence"
    big = base / CASE / "packing video.bin"
    big.parent.mkdir(parents=True)
    block = bytes(range(256)) * 4096  # 1 MiB
    digest = hashlib.sha256()
    with open(big, "wb") as f:
        for _ in range(48):
            f.write(block)
            digest.update(block)
    tracemalloc.start()
    try:
        report = gather_evidence(damaged, base, tmp_path / "out", now=NOW)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 12 * 2**20, peak
    assert report.files[0].sha256 == digest.hexdigest() and report.files[0].size == 48 * 2**20
    with zipfile.ZipFile(report.zip) as archive, archive.open("files/packing video.bin") as member:
        check = hashlib.sha256()
        for chunk in iter(lambda: member.read(2**20), b""):
            check.update(chunk)
    assert check.hexdigest() == digest.hexdigest()


# --- from the workbook ----------------------------------------------------------------------------------------------

AFTERSALES = SheetSpec("AfterSales", "AfterSales", tuple(ColumnSpec(c.name, c.kind, c.width)
                                                        for c in CASE_SHEET_COLUMNS))
CHECKLIST_SPEC = SheetSpec("EvidenceChecklist", "EvidenceChecklist", tuple(ColumnSpec(h) for h in CHECKLIST_HEADERS))


@dataclass(frozen=True)
class _Settings(Settings):
    """Settings with the two rows this feature adds (until settings.py has them)."""

    appeal_days: str = ""
    evidence_folder: str = ""


def _book(tmp_path: Path, checklist_rows: list[list[str]] | None = None) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / "ops.xlsx"
    names = [c.name for c in CASE_SHEET_COLUMNS]
    rows = [
        {"Case ID": CASE, "Order ID": ORDER, "SKU ID": "1729001", "Seller SKU": "MUG-RED", "Case Type": "Damaged",
         "Reason": "Damaged item or packaging", "Opened": pd.Timestamp(OPENED)},
        {"Case ID": CASE, "Order ID": ORDER, "SKU ID": "1729002", "Seller SKU": "MUG-BLUE", "Case Type": "Damaged",
         "Reason": "Damaged item or packaging", "Opened": pd.Timestamp(OPENED)},
        {"Case ID": "577000000000000001", "Order ID": "576000000000000001", "Case Type": "size_fit"},
    ]
    book = FileBook(path)
    book.write_table(AFTERSALES, pd.DataFrame(rows).reindex(columns=names))
    if checklist_rows:
        book.write_table(CHECKLIST_SPEC, pd.DataFrame(checklist_rows, columns=CHECKLIST_HEADERS))
    book.save()
    return path


def test_run_evidence_finds_the_case_on_the_aftersales_sheet(tmp_path):
    path = _book(tmp_path)
    _write(tmp_path / "Evidence" / f"{CASE} mug broken", _team_files())
    before = path.read_bytes()
    report = run_evidence(FileBook(path), Settings(), CASE, out=tmp_path / "out", now=NOW)
    case = report.case
    assert (case.case_id, case.order_id, case.case_type, case.opened) == (CASE, ORDER, "damaged", OPENED)
    assert case.skus == ("MUG-RED", "MUG-BLUE") and case.reason == "Damaged item or packaging"
    assert report.appeal_due == dt.datetime(2026, 3, 8, 10, 0) and report.zip.parent == tmp_path / "out"
    assert report.folder == tmp_path / "Evidence" / f"{CASE} mug broken"
    assert path.read_bytes() == before
    assert "MUG-RED, MUG-BLUE" in _index(report)
    with pytest.raises(EvidenceError) as caught:
        run_evidence(FileBook(path), Settings(), "577999999999999999", out=tmp_path / "out")
    assert caught.value.code == "evidence.no_case" and "ops.xlsx" in caught.value.render("zh")


def test_run_evidence_settings_and_the_teams_checklist_sheet(tmp_path):
    rows = [["damaged", "Insurance claim form", "保险理赔单", "The carrier pays", "承运商赔付", "yes", "claim; 理赔"]]
    path = _book(tmp_path, rows)
    elsewhere = tmp_path / "cases"
    _write(elsewhere / CASE, {"claim.pdf": _pdf("claim")})
    settings = _Settings(appeal_days="15", evidence_folder=str(elsewhere), language="zh")
    report = run_evidence(FileBook(path), settings, CASE, out=tmp_path / "out", now=NOW)
    assert report.appeal_due == dt.datetime(2026, 3, 16, 10, 0)
    assert [(c.requirement.label, c.files) for c in report.items] == [("保险理赔单", ["claim.pdf"])]
    assert "证据包" in _index(report) and report.lines("zh")[0].startswith(f"案例 {CASE} 的证据包")
    with pytest.raises(ConfigError, match="Appeal Days"):
        run_evidence(FileBook(path), _Settings(appeal_days="seven"), CASE, root=elsewhere, out=tmp_path / "out")
    bad = _book(tmp_path / "bad", [["damaged", "X", "", "", "", "maybe", ""]])
    with pytest.raises(AfterSalesConfigError, match='row 2, column "Required"'):
        run_evidence(FileBook(bad), Settings(), CASE, root=elsewhere, out=tmp_path / "out")


def test_run_evidence_defaults_to_an_evidence_folder_beside_the_workbook(tmp_path):
    path = _book(tmp_path)
    with pytest.raises(EvidenceError) as caught:
        run_evidence(FileBook(path), Settings(), CASE, out=tmp_path / "out")
    assert caught.value.code == "evidence.no_root"
    assert str(tmp_path / "Evidence") in caught.value.render()

    class NoSheets:  # a workbook without the AfterSales sheet (whether a new one has it is not this test's business)
        path = tmp_path / "old.xlsx"

        def read_rows(self, _sheet):
            return None

    with pytest.raises(EvidenceError, match="old.xlsx has no AfterSales sheet"):
        run_evidence(NoSheets(), Settings(), CASE)
