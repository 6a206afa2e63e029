#!/usr/bin/env python3
"""Reads a directory of dccsim SMKI Repository extracts (format version 1) back.

Python 3.8+ standard library only. The format is described in docs/smki-extracts.md.

    python3 smki_extracts.py DIR            # verify the chain, print a summary
    python3 smki_extracts.py DIR --json     # ... and every certificate as JSON, sorted by serial

Loads the newest full extract and the deltas after it, checking on the way: the magic and end
marker, the framing and bounds, the header and trailer, the entry and status counts, the content
SHA-256, the detached .sha256 digest, the file name against the manifest and the chain (numbers
contiguous, each delta building on that full and on the extract before it, sequence ranges
adjoining). A later entry with the same serial supersedes an earlier one.

Exit status: 0 verified, 1 an extract is missing, broken or does not verify (one line on stderr),
2 a usage mistake.
"""

import hashlib
import json
import os
import re
import struct
import sys
from datetime import datetime, timezone

MAGIC = b"DCCSMKX1"
END_MAGIC = b"SMKXEND\n"
ENTRY_TAG = 0x01
END_TAG = 0x00
MAX_JSON = 64 * 1024
MAX_ENTRY = 1024 * 1024
NAME = re.compile(r"^smki-extract-(\d{10})-(FULL|DELTA)-(\d{8}T\d{6}Z)\.smkx$")
KINDS = {ord("A"): "AUTHORITY", ord("O"): "ORGANISATION", ord("D"): "DEVICE"}
STATUSES = set("PINER")
HAS_SUBJECT, HAS_ALT_NAME, HAS_ROLE = 1, 2, 4


class ExtractError(Exception):
    """An extract that is missing, broken or does not verify."""


def eui(value):
    """An EUI-64 as the repository interface writes it: 90-B3-D5-1F-30-01-00-00."""
    return "-".join("%02X" % b for b in value.to_bytes(8, "big"))


def decode_entry(body):
    """One entry body -> a dict (the fields of docs/smki-extracts.md, "Entry")."""
    try:
        kind = KINDS[body[0]]
        usage = body[1:3].decode("ascii")
        status = chr(body[3])
        if usage not in ("DS", "KA") or status not in STATUSES:
            raise ExtractError("bad usage %r or status %r" % (usage, status))
        flags = body[4]
        pos = 5
        subject = alt_name = role = None
        if flags & HAS_SUBJECT:
            subject = eui(struct.unpack_from(">Q", body, pos)[0])
            pos += 8
        if flags & HAS_ALT_NAME:
            alt_name = eui(struct.unpack_from(">Q", body, pos)[0])
            pos += 8
        if flags & HAS_ROLE:
            role = body[pos]
            pos += 1
        seconds, nanos = struct.unpack_from(">qi", body, pos)
        pos += 12
        (n,) = struct.unpack_from(">H", body, pos)
        pos += 2
        serial = int.from_bytes(body[pos : pos + n], "big", signed=True)
        pos += n
        (n,) = struct.unpack_from(">H", body, pos)
        pos += 2
        issuer = body[pos : pos + n].decode("utf-8")
        pos += n
        (n,) = struct.unpack_from(">I", body, pos)
        pos += 4
        if n > len(body) - pos:
            raise ExtractError("DER length %d overruns the entry" % n)
        der = bytes(body[pos : pos + n])
        # Bytes after the DER are fields of a later format version: ignored.
    except (IndexError, KeyError, struct.error, UnicodeDecodeError) as e:
        raise ExtractError("malformed entry: %s" % e) from e
    if serial <= 0:
        raise ExtractError("serial is not positive")
    return {
        "serial": "%X" % serial,
        "kind": kind,
        "usage": usage,
        "status": status,
        "subjectEui": subject,
        "subjectAltNameEui": alt_name,
        "role": role,
        "statusChangedAt": [seconds, nanos],
        "issuer": issuer,
        "der": der,
    }


def read_extract(path):
    """Reads and verifies one extract file -> (manifest dict, list of entry dicts)."""
    name = os.path.basename(path)
    m = NAME.match(name)
    if not m:
        raise ExtractError("%s: not an extract file name" % name)
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < len(MAGIC) + 4 + 1 + 4 + len(END_MAGIC) or data[:8] != MAGIC:
        raise ExtractError("%s: not an SMKI extract (bad magic)" % name)
    if data[-8:] != END_MAGIC:
        raise ExtractError("%s: incomplete extract (no end marker)" % name)
    (hlen,) = struct.unpack_from(">I", data, 8)
    if not 1 <= hlen <= MAX_JSON or 12 + hlen > len(data):
        raise ExtractError("%s: bad header length %d" % (name, hlen))
    header = json.loads(data[12 : 12 + hlen].decode("utf-8"))
    (tlen,) = struct.unpack_from(">I", data, len(data) - 12)
    if not 1 <= tlen <= MAX_JSON:
        raise ExtractError("%s: bad trailer length %d" % (name, tlen))
    trailer_start = len(data) - 12 - tlen
    pos = 12 + hlen
    entries = []
    while True:
        if pos >= trailer_start:
            raise ExtractError("%s: entries run into the trailer" % name)
        tag = data[pos]
        pos += 1
        if tag == END_TAG:
            break
        if tag != ENTRY_TAG:
            raise ExtractError("%s: bad tag %d at byte %d" % (name, tag, pos - 1))
        (elen,) = struct.unpack_from(">I", data, pos)
        pos += 4
        if not 1 <= elen <= MAX_ENTRY or pos + elen > trailer_start:
            raise ExtractError("%s: bad entry length %d" % (name, elen))
        try:
            entries.append(decode_entry(data[pos : pos + elen]))
        except ExtractError as e:
            raise ExtractError("%s: entry %d: %s" % (name, len(entries) + 1, e)) from e
        pos += elen
    if pos != trailer_start:
        raise ExtractError("%s: trailer length does not match the file" % name)
    trailer = json.loads(data[trailer_start : trailer_start + tlen].decode("utf-8"))
    manifest = dict(header)
    manifest.update(trailer)
    manifest["fileName"] = name
    if manifest.get("format") != "dccsim-smki-extract" or manifest.get("formatVersion") != 1:
        raise ExtractError("%s: not a version 1 dccsim SMKI extract" % name)
    content_sha = hashlib.sha256(data[:pos]).hexdigest()
    if content_sha != manifest.get("contentSha256"):
        raise ExtractError("%s: content SHA-256 mismatch" % name)
    if manifest.get("entryCount") != len(entries):
        raise ExtractError("%s: %d entries, the trailer says %s"
                           % (name, len(entries), manifest.get("entryCount")))
    counts = {}
    for e in entries:
        counts[e["status"]] = counts.get(e["status"], 0) + 1
    declared = {k: v for k, v in manifest.get("statusCounts", {}).items() if v}
    if counts != declared:
        raise ExtractError("%s: status counts %s, the trailer says %s" % (name, counts, declared))
    cut_off = datetime.strptime(m.group(3), "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
    if (int(m.group(1)) != manifest["number"] or m.group(2) != manifest["kind"]
            or cut_off != parse_instant(manifest["cutOff"]).replace(microsecond=0)):
        raise ExtractError("%s: name does not match the manifest" % name)
    digest_path = path + ".sha256"
    try:
        with open(digest_path, "rb") as f:
            line = f.read(4097).decode("ascii").strip()
    except (OSError, UnicodeDecodeError) as e:
        raise ExtractError("%s: detached digest missing or unreadable" % name) from e
    if line != "%s  %s" % (hashlib.sha256(data).hexdigest(), name):
        raise ExtractError("%s.sha256: does not match the file" % name)
    return manifest, entries


def parse_instant(text):
    """An ISO-8601 UTC instant as Java writes it (2021-06-27T00:00:00.123456789Z)."""
    m = re.match(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d{1,9}))?Z$", text)
    if not m:
        raise ExtractError("not an instant: %r" % text)
    base = m.group(1) if len(m.group(1)) == 19 else m.group(1) + ":00"
    micros = int((m.group(2) or "0").ljust(9, "0")[:6])
    t = datetime.strptime(base, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc)
    return t.replace(microsecond=micros)


def read_manifest_only(path):
    """The manifest of a file without verifying its entries (for ordering the chain)."""
    with open(path, "rb") as f:
        head = f.read(12 + MAX_JSON)
        f.seek(0, os.SEEK_END)
        size = f.tell()
        f.seek(max(0, size - 12 - MAX_JSON))
        tail = f.read()
    name = os.path.basename(path)
    if head[:8] != MAGIC or tail[-8:] != END_MAGIC:
        raise ExtractError("%s: not a complete SMKI extract" % name)
    (hlen,) = struct.unpack_from(">I", head, 8)
    (tlen,) = struct.unpack_from(">I", tail, len(tail) - 12)
    if not 1 <= hlen <= MAX_JSON or not 1 <= tlen <= MAX_JSON or tlen + 12 > len(tail):
        raise ExtractError("%s: bad manifest length" % name)
    manifest = json.loads(head[12 : 12 + hlen].decode("utf-8"))
    manifest.update(json.loads(tail[len(tail) - 12 - tlen : len(tail) - 12].decode("utf-8")))
    manifest["fileName"] = name
    manifest["path"] = path
    return manifest


def chain(directory):
    """The newest full extract and the extracts after it, checked to form an unbroken chain."""
    try:
        names = sorted(n for n in os.listdir(directory) if NAME.match(n))
    except OSError as e:
        raise ExtractError("cannot list %s: %s" % (directory, e)) from e
    manifests = sorted((read_manifest_only(os.path.join(directory, n)) for n in names),
                       key=lambda m: m["number"])
    fulls = [i for i, m in enumerate(manifests) if m["kind"] == "FULL"]
    if not fulls:
        raise ExtractError("no full extract among %d files in %s" % (len(manifests), directory))
    links = manifests[fulls[-1]:]
    full = prev = links[0]
    for m in links[1:]:
        at = "extract %d (%s)" % (m["number"], m["fileName"])
        if m["number"] != prev["number"] + 1:
            raise ExtractError("broken chain: %s follows extract %d" % (at, prev["number"]))
        if m.get("basedOnFull") != full["number"]:
            raise ExtractError("broken chain: %s does not build on full extract %d"
                               % (at, full["number"]))
        if m.get("previous") != prev["number"]:
            raise ExtractError("broken chain: %s does not follow extract %d" % (at, prev["number"]))
        if m["fromSequence"] != prev["toSequence"]:
            raise ExtractError("broken chain: %s starts after sequence %d, not %d"
                               % (at, m["fromSequence"], prev["toSequence"]))
        prev = m
    return links


def load(directory):
    """Verifies and applies the chain -> (list of manifests, {serial hex: certificate dict})."""
    links = chain(directory)
    certificates = {}
    verified = []
    for link in links:
        manifest, entries = read_extract(link["path"])
        if manifest["number"] != link["number"] or manifest["kind"] != link["kind"]:
            raise ExtractError("%s changed while it was read" % link["fileName"])
        for e in entries:
            certificates[e["serial"]] = e
        verified.append(manifest)
    return verified, certificates


def main(argv):
    args = [a for a in argv[1:] if a != "--json"]
    if len(args) != 1 or args[0].startswith("-"):
        sys.stderr.write("usage: smki_extracts.py DIR [--json]\n")
        return 2
    try:
        manifests, certificates = load(args[0])
    except (ExtractError, OSError, ValueError, KeyError, TypeError, struct.error) as e:
        sys.stderr.write("smki_extracts: %s\n" % str(e).splitlines()[0])
        return 1
    last = manifests[-1]
    if "--json" in argv:
        out = {
            "fullExtract": manifests[0]["number"],
            "deltas": [m["number"] for m in manifests[1:]],
            "toSequence": last["toSequence"],
            "cutOff": last["cutOff"],
            "certificates": [
                dict({k: v for k, v in c.items() if k != "der"},
                     derSha256=hashlib.sha256(c["der"]).hexdigest())
                for _, c in sorted(certificates.items(), key=lambda kv: int(kv[0], 16))
            ],
        }
        json.dump(out, sys.stdout, indent=1, sort_keys=True)
        sys.stdout.write("\n")
    else:
        statuses = {}
        for c in certificates.values():
            statuses[c["status"]] = statuses.get(c["status"], 0) + 1
        print("OK: full extract %d and %d deltas verified; %d certificates as of sequence %d (%s);"
              " by status %s" % (manifests[0]["number"], len(manifests) - 1, len(certificates),
                                 last["toSequence"], last["cutOff"],
                                 " ".join("%s=%d" % kv for kv in sorted(statuses.items()))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
