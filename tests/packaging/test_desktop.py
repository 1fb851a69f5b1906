"""The desktop entry, the file types and the icon (packaging/linux), and the script that
installs them for one user (`scripts/dev install-desktop`, the bundle's
desktop/install-desktop.sh), tried in a temporary data folder."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "nl.safety-cohesion.Reviewer"
DESKTOP = LINUX / f"{APP_ID}.desktop"
MIME_XML = LINUX / "safety-cohesion-reviewer.xml"
INSTALL = LINUX / "install-desktop.sh"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
TYPES = {
    "application/x-safety-cohesion-review": "*.review",
    "application/x-safety-cohesion-workshop": "*.workshop",
}
ICON_SIZES = (32, 48, 64, 128, 256)


def desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_the_mime_xml_is_well_formed_and_declares_both_zip_types():
    root = ET.parse(MIME_XML).getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    declared = {}
    for mime_type in root.findall(f"{MIME_NS}mime-type"):
        parents = [e.get("type") for e in mime_type.findall(f"{MIME_NS}sub-class-of")]
        assert parents == ["application/zip"]  # both files are zip containers
        assert [e.get("name") for e in mime_type.findall(f"{MIME_NS}icon")] == [APP_ID]
        globs = [e.get("pattern") for e in mime_type.findall(f"{MIME_NS}glob")]
        declared[mime_type.get("type")] = globs
    assert declared == {mime: [glob] for mime, glob in TYPES.items()}


def test_the_desktop_entry_opens_both_file_types_with_the_app():
    entry = desktop_entry(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "reviewer %f"
    assert entry["Icon"] == APP_ID
    assert entry["MimeType"] == "".join(f"{mime};" for mime in TYPES)
    assert entry["Terminal"] == "false"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_the_desktop_entry_is_valid():
    out = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert out.returncode == 0 and not out.stdout.strip(), out.stdout + out.stderr


def test_the_icon_is_an_svg_with_pngs_at_every_installed_size():
    svg = ET.parse(LINUX / "icons" / f"{APP_ID}.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    for size in ICON_SIZES:
        with Image.open(LINUX / "icons" / f"{APP_ID}-{size}.png") as png:
            assert png.size == (size, size)
            assert png.mode == "RGBA"


def fake_reviewer(folder: Path) -> Path:
    exe = folder / "reviewer"
    exe.parent.mkdir(parents=True, exist_ok=True)
    exe.write_text("#!/bin/sh\nexit 0\n")
    exe.chmod(0o755)
    return exe


def run_install(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(data.parent),
        "XDG_DATA_HOME": str(data),
    }
    return subprocess.run(
        ["bash", str(INSTALL), *args], capture_output=True, text=True, env=env, check=True
    )


def installed_files(data: Path) -> list[Path]:
    return [
        data / "applications" / f"{APP_ID}.desktop",
        data / "mime" / "packages" / MIME_XML.name,
        data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        *(data / "icons" / "hicolor" / f"{s}x{s}" / "apps" / f"{APP_ID}.png" for s in ICON_SIZES),
    ]


def test_install_desktop_installs_into_the_users_data_folder_and_again(tmp_path):
    data = tmp_path / "data"
    exe = fake_reviewer(tmp_path / "My Apps" / "reviewer")  # a space: the Exec key quotes it
    run_install(data, "--exec", str(exe))
    first = {p: p.read_bytes() for p in installed_files(data)}
    run_install(data, "--exec", str(exe))  # idempotent: the same files, nothing added
    assert {p: p.read_bytes() for p in installed_files(data)} == first

    desktop = data / "applications" / f"{APP_ID}.desktop"
    entry = desktop_entry(desktop)
    # the string value unescaped once (\\ -> \) is the Exec command line: here no
    # backslashes at all, only the double quotes around the path with a space
    assert entry["Exec"] == f'"{exe}" %f'
    assert entry["TryExec"] == str(exe)
    assert entry["Icon"] == APP_ID
    assert [line for line in desktop.read_text().splitlines() if line.startswith("Exec")] == [
        f'Exec="{exe}" %f'
    ]
    if shutil.which("desktop-file-validate"):
        out = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True)
        assert out.returncode == 0, out.stdout
    if shutil.which("update-mime-database"):  # the MIME database knows the globs now
        globs = (data / "mime" / "globs2").read_text()
        assert "application/x-safety-cohesion-review:*.review" in globs
        assert "application/x-safety-cohesion-workshop:*.workshop" in globs
        subclasses = (data / "mime" / "subclasses").read_text()
        assert "application/x-safety-cohesion-review application/zip" in subclasses
    if shutil.which("update-desktop-database"):
        cache = (data / "applications" / "mimeinfo.cache").read_text()
        assert f"application/x-safety-cohesion-review={APP_ID}.desktop;" in cache

    run_install(data, "--uninstall")
    assert not any(p.exists() for p in installed_files(data))
    run_install(data, "--uninstall")  # again: nothing left to remove is no error


def test_install_desktop_escapes_what_the_exec_key_would_act_on(tmp_path):
    data = tmp_path / "data"
    exe = fake_reviewer(tmp_path / 'a "quoted" $HOME 100% `x` \\ dir' / "reviewer")
    run_install(data, "--exec", str(exe))
    line = next(
        line
        for line in (data / "applications" / f"{APP_ID}.desktop").read_text().splitlines()
        if line.startswith("Exec=")
    )
    quoted = (
        str(exe)
        .replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("`", "\\`")
        .replace("$", "\\$")
        .replace("%", "%%")
    )
    assert line == "Exec=" + f'"{quoted}" %f'.replace("\\", "\\\\")
    if shutil.which("desktop-file-validate"):
        desktop = data / "applications" / f"{APP_ID}.desktop"
        out = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True)
        assert out.returncode == 0, out.stdout


def test_install_desktop_refuses_a_missing_executable(tmp_path):
    with pytest.raises(subprocess.CalledProcessError) as failed:
        run_install(tmp_path / "data", "--exec", str(tmp_path / "nothing" / "reviewer"))
    assert failed.value.returncode == 2
    assert "is not an executable" in failed.value.stderr
    assert not (tmp_path / "data" / "applications").exists()


def test_scripts_dev_installs_the_venvs_reviewer():
    dev = (ROOT / "scripts" / "dev").read_text()
    assert 'packaging/linux/install-desktop.sh --exec "$PWD/$VENV/bin/reviewer"' in dev
    assert "packaging/linux/install-desktop.sh --uninstall" in dev
