"""Bad models: one clear message each, and nothing written."""

from __future__ import annotations

import zipfile

import pytest

from reviewer.bim import source
from reviewer.bim.source import IfcImportError, open_model
from reviewer.cli import main
from tests.bim.conftest import HOUSE

pytest.importorskip("ifcopenshell")

HEADER = (
    "ISO-10303-21;\nHEADER;\nFILE_DESCRIPTION((''),'2;1');\n"
    "FILE_NAME('x','2026-01-01T00:00:00',(''),(''),'','','');\n"
    "FILE_SCHEMA(('{schema}'));\nENDSEC;\nDATA;\n{data}ENDSEC;\nEND-ISO-10303-21;\n"
)
PROJECT_ONLY = (
    "#1=IFCPROJECT('0_P_7dE9PAquKcxkUWQ1TR',$,'Empty',$,$,$,$,$,#2);\n"
    "#2=IFCUNITASSIGNMENT((#3));\n#3=IFCSIUNIT(*,.LENGTHUNIT.,$,.METRE.);\n"
)


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("notes.ifc", "This is a letter, not a model.\n", "not an IFC file"),
        (
            "old.ifc",
            HEADER.format(schema="IFC2X_FINAL", data=PROJECT_ONLY),
            "uses the schema IFC2X_FINAL; only IFC2X3 and IFC4",
        ),
        ("empty.ifc", HEADER.format(schema="IFC4", data=PROJECT_ONLY), "has no storeys"),
        ("plan.pdf", "%PDF-1.4", "use an .ifc or .ifczip file"),
    ],
)
def test_refused_with_one_message(tmp_path, name, text, message):
    path = _write(tmp_path, name, text)
    with pytest.raises(IfcImportError, match=message):
        open_model(path)


def test_a_truncated_file_is_refused(tmp_path):
    data = HOUSE.read_bytes()
    path = tmp_path / "cut.ifc"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(IfcImportError, match="cut off"):
        open_model(path)


def test_over_the_size_limit_is_refused_and_large_warns(tmp_path, monkeypatch):
    size = HOUSE.stat().st_size
    monkeypatch.setattr(source, "MAX_BYTES", size - 1)
    with pytest.raises(IfcImportError, match=r"at most 0 MB can be imported"):
        open_model(HOUSE)
    monkeypatch.setattr(source, "MAX_BYTES", size + 1)
    monkeypatch.setattr(source, "WARN_BYTES", size - 1)
    assert "may take several minutes" in open_model(HOUSE).warning


def test_an_ifczip_opens_and_a_zip_bomb_does_not(tmp_path):
    good = tmp_path / "house.ifczip"
    with zipfile.ZipFile(good, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(HOUSE, "IfcOpenHouse.ifc")
    assert open_model(good).schema == "IFC4"
    bomb = tmp_path / "bomb.ifczip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("model.ifc", HEADER.format(schema="IFC4", data=" " * 20_000_000))
    with pytest.raises(IfcImportError, match="inflates"):
        open_model(bomb)
    two = tmp_path / "two.ifczip"
    with zipfile.ZipFile(two, "w") as archive:
        archive.writestr("a.ifc", "x")
        archive.writestr("b.ifc", "y")
    with pytest.raises(IfcImportError, match="exactly one .ifc model"):
        open_model(two)


def test_cli_says_it_in_one_line_and_writes_nothing(tmp_path, capsys):
    bad = _write(tmp_path, "old.ifc", HEADER.format(schema="IFC2X_FINAL", data=PROJECT_ONLY))
    out = tmp_path / "out.review"
    code = main(["new", "--ifc", str(bad), "--perspective", "safety", "-o", str(out)])
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "IFC2X_FINAL" in err
    assert not out.exists()


def test_cli_without_the_extra_says_how_to_install_it(tmp_path, capsys, monkeypatch):
    import reviewer.bim

    monkeypatch.setattr(reviewer.bim, "missing_extra", lambda: "ifcopenshell")
    out = tmp_path / "out.review"
    code = main(["new", "--ifc", str(HOUSE), "--perspective", "safety", "-o", str(out)])
    assert code == 2
    assert "[bim]" in capsys.readouterr().err
    assert not out.exists()
