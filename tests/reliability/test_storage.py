"""Network and synced folders: detected from the mounts table and the folder names (pure
functions, tested with fake mounts tables), and warned about by the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SEED, cli, cli_ok

from app.domain.storage import (
    Mount,
    is_network_fs,
    mount_of,
    parse_mounts,
    storage_risk,
    synced_service,
)
from app.services import location

MOUNTS = """\
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw 0 0
server:/export/home /home/ana/labo nfs4 rw,vers=4.2 0 0
//nas/partage /mnt/My\\040Share cifs rw 0 0
ana@host: /home/ana/remote fuse.sshfs rw 0 0
/dev/sdb1 /media/usb fuseblk rw 0 0
/dev/sdb1 /mnt/nfs2 ext4 rw 0 0
remote: /home/ana/cloud fuse.rclone rw 0 0
hostshare /mnt/host 9p rw 0 0
"""


def test_parse_mounts_decodes_escaped_spaces() -> None:
    mounts = parse_mounts(MOUNTS + "garbage\n")
    assert Mount("//nas/partage", "/mnt/My Share", "cifs") in mounts
    assert len(mounts) == 9


@pytest.mark.parametrize(
    ("path", "fs_type"),
    [
        ("/home/ana/labo/these.sourcetrack", "nfs4"),
        ("/home/ana/labo", "nfs4"),
        ("/home/ana/laboratoire/p.sourcetrack", "ext4"),  # a prefix of the name is not a parent
        ("/mnt/My Share/p.sourcetrack", "cifs"),
        ("/tmp/p.sourcetrack", "tmpfs"),
        ("/mnt/nfs2/p.sourcetrack", "ext4"),
    ],
)
def test_the_longest_mount_point_holding_the_path_wins(path: str, fs_type: str) -> None:
    mount = mount_of(path, parse_mounts(MOUNTS))
    assert mount is not None and mount.fs_type == fs_type


@pytest.mark.parametrize(
    ("fs_type", "network"),
    [("nfs", True), ("nfs4", True), ("cifs", True), ("smb3", True), ("9p", True),
     ("fuse.sshfs", True), ("fuse.rclone", True), ("virtiofs", True), ("ext4", False),
     ("btrfs", False), ("tmpfs", False), ("fuseblk", False), ("fuse", False),
     ("fuse.ntfs-3g", False), ("overlay", False)],
)  # fmt: skip
def test_network_file_systems(fs_type: str, network: bool) -> None:
    assert is_network_fs(fs_type) is network


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/home/ana/Dropbox/thèse/p.sourcetrack", "Dropbox"),
        ("/home/ana/dropbox/p.sourcetrack", "Dropbox"),
        ("C:/Users/ana/OneDrive - Université de Lyon/p.sourcetrack", "OneDrive"),
        ("/Users/ana/OneDrive/p.sourcetrack", "OneDrive"),
        ("/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/p.sourcetrack", "iCloud Drive"),
        ("/Users/ana/Library/CloudStorage/GoogleDrive-ana@example.org/My Drive/p.sourcetrack",
         "Google Drive"),
        ("/Users/ana/Library/CloudStorage/Box-Box/p.sourcetrack", "Box"),
        ("/home/ana/Google Drive/p.sourcetrack", "Google Drive"),
        ("/home/ana/Nextcloud/p.sourcetrack", "Nextcloud"),
        ("/home/ana/dropbox-notes/p.sourcetrack", None),
        ("/home/ana/projets/Dropbox.sourcetrack", None),  # the file's own name does not count
        ("/home/ana/projets/p.sourcetrack", None),
    ],
)  # fmt: skip
def test_synced_folders_by_their_names(path: str, service: str | None) -> None:
    assert synced_service(path) == service


def test_storage_risk_says_why_and_what_to_do() -> None:
    mounts = parse_mounts(MOUNTS)
    network = storage_risk("/home/ana/labo/p.sourcetrack", mounts)
    assert network is not None
    assert "network file system (nfs4 at /home/ana/labo)" in network
    assert "SQLite's WAL is not safe there" in network and "local disk" in network
    synced = storage_risk("/home/ana/Dropbox/p.sourcetrack", mounts)
    assert synced is not None and "synced by Dropbox" in synced
    assert storage_risk("/home/ana/projets/p.sourcetrack", mounts) is None
    assert storage_risk("/home/ana/Dropbox/p.sourcetrack", []) is not None  # no mounts table


def test_the_warning_follows_symlinks_and_ignores_server_urls(tmp_path: Path) -> None:
    synced = tmp_path / "Dropbox"
    synced.mkdir()
    (tmp_path / "shortcut").symlink_to(synced)
    warning = location.storage_warning(tmp_path / "shortcut" / "p.sourcetrack", mounts=[])
    assert warning is not None and "Dropbox" in warning
    assert location.storage_warning(f"sqlite:///{synced}/p.sourcetrack", mounts=[]) is not None
    assert location.storage_warning("postgresql+psycopg://u@h/db") is None
    assert location.storage_warning(tmp_path / "p.sourcetrack", mounts=[]) is None


def test_read_mounts_reads_a_mounts_table(tmp_path: Path) -> None:
    table = tmp_path / "mounts"
    table.write_text(MOUNTS, encoding="utf-8")
    assert location.read_mounts(table) == parse_mounts(MOUNTS)
    assert location.read_mounts(tmp_path / "missing") == []


def test_a_project_on_a_local_disk_gets_no_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "p.sourcetrack"
    cli_ok(capsys, "import", project, SEED)
    status, _out, err = cli(capsys, "articles", project)
    assert (status, err) == (0, "")
    # The same project, seen on NFS: the command works and warns once.
    monkeypatch.setattr(
        location, "read_mounts", lambda *a: [Mount("srv:/x", str(tmp_path), "nfs4")]
    )
    status, _out, err = cli(capsys, "articles", project)
    assert status == 0
    assert err.count("\n") == 1 and err.startswith("sourcetrack: warning: ")
