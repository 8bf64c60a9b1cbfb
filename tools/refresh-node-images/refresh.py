#!/usr/bin/env python3
"""Rebuild src/rules/eta/node_images.json from a checkout (or bare clone) of Azure/AKS.

Usage: python3 tools/refresh-node-images/refresh.py PATH_TO_AZURE_AKS > src/rules/eta/node_images.json

Reads every `vhd-notes/**.txt` file and `CHANGELOG.md` at HEAD of that repository (through git,
so a bare clone works too) and writes, per node image family, every image built on or after
2024-01-01 as "VERSION RELEASED" (RELEASED = the heading date of the first AKS release that
names the version, or "-"). docs/node-image-data.md explains each rule; Python 3 standard
library only.
"""
import json
import re
import subprocess
import sys

WINDOW_START = "2024-01-01"
WINDOWS_PREFIX = {"17763": "AKSWindows-2019", "20348": "AKSWindows-2022",
                  "25398": "AKSWindows-23H2", "26100": "AKSWindows-2025"}
LINUX_FOLDERS = [  # (path fragment, family); first match wins
    ("aks-ubuntu/AKSUbuntu-1804/", "AKSUbuntu-1804"),
    ("aks-ubuntu/AKSUbuntu-2204/", "AKSUbuntu-2204"),
    ("aks-ubuntu/AKSUbuntu-2404/", "AKSUbuntu-2404"),
    # Before 2025-02-13 one Ubuntu 22.04 file sat directly in aks-ubuntu/.
    ("aks-ubuntu/", "AKSUbuntu-2204"),
    ("AzureLinuxv3/", "AzureLinuxv3"),
    ("Azurelinuxv3/", "AzureLinuxv3"),
    ("AzureLinux/", "AzureLinux"),
    ("AKSMariner/", "AzureLinux"),
]
LINUX_VERSION = re.compile(r"^(\d{4})(\d{2})\.(\d{2})\.(\d+)$")
WINDOWS_VERSION = re.compile(r"^(\d{5})\.(\d+)\.(\d{2})(\d{2})(\d{2})$")
HEADING = re.compile(r"^## Release(?: Notes)?(?: -)? (\d{4}-\d{2}-\d{2})")
VERSION_IN_TEXT = re.compile(r"\d{5}\.\d+\.\d{6}|\d{6}\.\d{2}\.\d+")
LINK = re.compile(r"\[([^\]]*)\]\(([^)]*vhd-notes[^)]*)\)")


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True,
                          capture_output=True, text=True).stdout


def normalise(version):
    """`202504.06.00` (a CHANGELOG spelling) is `202504.06.0`."""
    version = version.strip().strip("`")
    m = LINUX_VERSION.match(version)
    if m:
        return f"{m[1]}{m[2]}.{m[3]}.{int(m[4])}"
    return version


def built(version):
    m = LINUX_VERSION.match(version)
    if m:
        return f"{m[1]}-{m[2]}-{m[3]}"
    m = WINDOWS_VERSION.match(version)
    if m and m[1] in WINDOWS_PREFIX:
        return f"20{m[3]}-{m[4]}-{m[5]}"
    return None


def family(path, version):
    if WINDOWS_VERSION.match(version):
        return WINDOWS_PREFIX.get(version[:5])
    if "AKSWindows" in path:
        return None
    for fragment, fam in LINUX_FOLDERS:
        if fragment in path:
            return fam
    return None


def notes(repo):
    """{family: {version}} of every notes file in the window."""
    out = {}
    for path in git(repo, "ls-tree", "-r", "--name-only", "HEAD", "vhd-notes").splitlines():
        if not path.endswith(".txt"):
            continue
        version = normalise(path.rsplit("/", 1)[-1][: -len(".txt")])
        fam = family(path, version)
        day = built(version)
        # Drops misnamed copies such as AKSWindows/2022/0348.2402.240410.txt.
        if fam is None or day is None or day < WINDOW_START:
            continue
        out.setdefault(fam, set()).add(version)
    return out


def releases(repo, known):
    """{(family, version): first release heading date naming it}, and the newest heading."""
    first, newest, date = {}, None, None
    for line in git(repo, "show", "HEAD:CHANGELOG.md").splitlines():
        m = HEADING.match(line)
        if m:
            date = m[1]
            newest = max(newest or date, date)
            continue
        if date is None:
            continue
        for text, target in LINK.findall(line):
            # Link texts may carry a prefix, e.g. `AKSWindows-20348.2762.241009`.
            found = VERSION_IN_TEXT.search(text)
            named = normalise(found[0]) if found else ""
            linked = normalise(target.rsplit("/", 1)[-1].removesuffix(".txt"))
            # The version named by the link text, unless only the linked file exists.
            choices = [named, linked]
            hit = None
            for version in choices:
                fam = family(target, version)
                if fam and version in known.get(fam, ()):
                    hit = (fam, version)
                    break
            if hit and (hit not in first or date < first[hit]):
                first[hit] = date
    return first, newest


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    repo = sys.argv[1]
    commit = git(repo, "log", "-1", "--format=%H %cd", "--date=short", "HEAD").split()
    known = notes(repo)
    first, newest = releases(repo, known)
    families = {}
    for fam in sorted(known):
        items = sorted(known[fam], key=lambda v: (built(v), v))
        families[fam] = [f"{v} {first.get((fam, v), '-')}" for v in items]
    doc = {
        "asOf": newest,
        "source": f"Azure/AKS vhd-notes/ and CHANGELOG.md at {commit[0][:12]} ({commit[1]})",
        "families": families,
    }
    text = json.dumps(doc, indent=0, separators=(",", ":"))
    print(text.replace("\n", ""))


if __name__ == "__main__":
    main()
