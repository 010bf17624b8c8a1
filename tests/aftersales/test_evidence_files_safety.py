"""Evidence packs hold only regular files that really are in the case's folder, under names that stay inside it."""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

import pytest

from tkops.aftersales.evidence_catalogue import EvidenceError
from tkops.jobs.evidence_files import find_case_folder, list_files

CASE = "578123456789012345"
needs_symlinks = pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")


@pytest.fixture
def case(tmp_path) -> Path:
    folder = tmp_path / "Evidence" / f"{CASE} wrong colour"
    folder.mkdir(parents=True)
    (folder / "chat.png").write_bytes(b"png")
    (folder / "sub").mkdir()
    (folder / "sub" / "label.pdf").write_bytes(b"pdf")
    return folder


@needs_symlinks
def test_symbolic_links_are_left_out_wherever_they_point(case, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "other.png").write_bytes(b"x")
    os.symlink(secret, case / "secret.txt")
    os.symlink(case / "chat.png", case / "chat-again.png")  # even one pointing inside: it is not a file of its own
    os.symlink(outside, case / "linked-folder")
    files, skipped = list_files(case, CASE)
    assert [f.rel for f in files] == ["chat.png", "sub/label.pdf"]
    assert {"secret.txt", "chat-again.png", "linked-folder/"} <= set(skipped)


@pytest.mark.skipif(sys.platform == "win32", reason="these names cannot exist on Windows")
@pytest.mark.parametrize("name", ["a\\..\\..\\evil.png", "x\\y.png", "bell\x07.png", "tab\tname.png"])
def test_names_that_could_climb_out_when_unpacked_are_left_out(case, name):
    (case / name).write_bytes(b"x")
    files, skipped = list_files(case, CASE)
    assert name not in {f.rel for f in files} and name in skipped
    assert [f.rel for f in files] == ["chat.png", "sub/label.pdf"]


def test_ordinary_names_with_dots_and_other_scripts_are_kept(case):
    for name in ("photo..png", "收货照片.png", "scan v1.2.jpg"):
        (case / name).write_bytes(b"x")
    rels = {f.rel for f in list_files(case, CASE)[0]}
    assert {"photo..png", "收货照片.png", "scan v1.2.jpg"} <= rels


@needs_symlinks
def test_a_case_folder_that_is_a_link_elsewhere_is_refused(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.png").write_bytes(b"x")
    root = tmp_path / "Evidence"
    root.mkdir()
    os.symlink(elsewhere, root / CASE)
    with pytest.raises(EvidenceError) as err:
        find_case_folder(root, CASE)
    assert err.value.code == "evidence.linked_folder" and CASE in err.value.render("en")
    assert "链接" in err.value.render("zh")


@needs_symlinks
def test_the_archive_of_a_folder_with_links_holds_only_its_own_files(case, tmp_path):
    from tkops.jobs.evidence_pack import gather_evidence

    secret = tmp_path / "secret.txt"
    secret.write_text("password")
    os.symlink(secret, case / "secret.txt")
    report = gather_evidence({"Case ID": CASE, "Order ID": "577123456789012345", "Case Type": "wrong_item"}, case,
                             tmp_path / "out")
    with zipfile.ZipFile(report.zip) as archive:
        names = archive.namelist()
        assert all(not n.endswith("secret.txt") for n in names)
        assert all(b"password" not in archive.read(n) for n in names)
