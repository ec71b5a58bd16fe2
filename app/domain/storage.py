"""Where a project lives: network file systems and synced folders, where SQLite is not safe.

SQLite's WAL mode shares an index between processes through a memory-mapped `-shm` file and
relies on POSIX locks; on a network file system (NFS, SMB/CIFS, sshfs, 9p…) the locks and the
mapping are not reliable, so two writers can corrupt the file. A synced folder (Dropbox,
OneDrive, iCloud Drive, Google Drive…) copies the database, its `-wal` and its `-shm` separately
while they are written, and can put back an old copy or one torn between them.

Pure functions: the caller reads the mounts table (on Linux, /proc/mounts) and resolves the path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath, PurePosixPath

# Kernel file-system types that are network or host-shared file systems.
NETWORK_FS_TYPES = frozenset(
    "nfs nfs4 cifs smb smb3 smbfs ncpfs 9p afs coda ceph glusterfs lustre gpfs beegfs "
    "davfs ocfs2 gfs2 orangefs vboxsf vmhgfs virtiofs".split()
)
# FUSE file systems (`fuse.NAME` in /proc/mounts) that reach over the network or to a cloud.
# Plain `fuse`/`fuseblk` are not listed: ntfs-3g and exFAT on a local disk mount as those.
NETWORK_FUSE_NAMES = frozenset(
    "sshfs rclone s3fs gcsfuse goofys juicefs davfs2 gvfsd-fuse onedriver dropbox "
    "google-drive-ocamlfuse glusterfs cephfs ceph-fuse smbnetfs curlftpfs afpfs-ng "
    "mountpoint-s3 blobfuse blobfuse2".split()
)
# Folder names the desktop clients of sync services create, compared case-insensitively.
SYNCED_FOLDER_NAMES = {
    "dropbox": "Dropbox",
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "com~apple~clouddocs": "iCloud Drive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "pcloud drive": "pCloud",
    "seafile": "Seafile",
    "synologydrive": "Synology Drive",
    "box sync": "Box",
    "megasync": "MEGA",
    "mega": "MEGA",
}
# OneDrive folders carry the organisation's name: "OneDrive - Contoso".
_ONEDRIVE = re.compile(r"^onedrive(\s*-.*)?$", re.IGNORECASE)
# macOS puts every provider under ~/Library/CloudStorage/PROVIDER-ACCOUNT.
_CLOUD_STORAGE = "cloudstorage"

_OCTAL_ESCAPE = re.compile(r"\\([0-7]{3})")


@dataclass(frozen=True)
class Mount:
    """One line of a mounts table."""

    device: str
    mount_point: str
    fs_type: str


def parse_mounts(text: str) -> list[Mount]:
    """The mounts of a /proc/mounts (or /etc/mtab) text; octal escapes (`\\040`) decoded."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        device, mount_point, fs_type = (_unescape(f) for f in fields[:3])
        mounts.append(Mount(device, mount_point, fs_type))
    return mounts


def _unescape(field: str) -> str:
    return _OCTAL_ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), field)


def mount_of(path: PurePath | str, mounts: Iterable[Mount]) -> Mount | None:
    """The mount holding an absolute path: the longest mount point it lies under.

    A later line for the same mount point wins, as the kernel lists a mount over another after
    it.
    """
    target = PurePosixPath(path)
    best: Mount | None = None
    best_depth = -1
    for mount in mounts:
        point = PurePosixPath(mount.mount_point)
        if target == point or point in target.parents:
            depth = len(point.parts)
            if depth >= best_depth:
                best, best_depth = mount, depth
    return best


def is_network_fs(fs_type: str) -> bool:
    """True for a network, cloud or host-shared file-system type as /proc/mounts spells it."""
    kind = fs_type.lower()
    if kind.startswith("fuse."):
        return kind[len("fuse.") :] in NETWORK_FUSE_NAMES
    if kind.startswith("nfs"):  # nfs, nfs4, nfsd…
        return True
    return kind in NETWORK_FS_TYPES


def synced_service(path: PurePath | str) -> str | None:
    """The sync service whose folder holds `path`, judged by the folder names, or None."""
    parts = PurePath(path).parts[:-1]  # the folders, not the file's own name
    for index, part in enumerate(parts):
        name = part.casefold()
        if name in SYNCED_FOLDER_NAMES:
            return SYNCED_FOLDER_NAMES[name]
        if _ONEDRIVE.match(part):
            return "OneDrive"
        if name == _CLOUD_STORAGE and index + 1 < len(parts):
            provider = parts[index + 1].split("-", 1)[0]  # "GoogleDrive-ana@example.org"
            return SYNCED_FOLDER_NAMES.get(provider.casefold(), provider or "a cloud service")
    return None


@dataclass(frozen=True)
class StorageRisk:
    """Why a project file is at risk: it is on a network file system (`network`, the mount
    holding it) or in a folder a sync service watches (`service`)."""

    path: str
    network: Mount | None = None
    service: str | None = None


def risk_of(path: PurePath | str, mounts: Sequence[Mount]) -> StorageRisk | None:
    """The risk of a project at this absolute path; None if it is local.

    `mounts` is the parsed mounts table (empty where there is none, e.g. on macOS and
    Windows: then only the synced-folder names are looked at).
    """
    mount = mount_of(path, mounts) if mounts else None
    if mount is not None and is_network_fs(mount.fs_type):
        return StorageRisk(str(path), network=mount)
    service = synced_service(path)
    return StorageRisk(str(path), service=service) if service is not None else None


def storage_risk(path: PurePath | str, mounts: Sequence[Mount]) -> str | None:
    """Why a project at this absolute path is at risk, in words for the user; None if local
    (the window words `risk_of` in its own language)."""
    risk = risk_of(path, mounts)
    if risk is not None and risk.network is not None:
        mount = risk.network
        return (
            f"{path} is on a network file system ({mount.fs_type} at {mount.mount_point}); "
            "SQLite's WAL is not safe there and edits can be lost: keep projects on a local disk"
        )
    if risk is not None:
        return (
            f"{path} is in a folder synced by {risk.service}; syncing a project while it is open "
            "can lose edits or corrupt it: keep projects on a local disk, share closed copies"
        )
    return None
