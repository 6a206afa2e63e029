#!/usr/bin/env python3
"""Known-answer vectors for the GBCS codec, computed with Python's `cryptography` package.

Everything here is written from the byte layouts in docs/core-gbcs.md, not from the Java code:
the BER lengths, the grouping header, the DLMS and GBZ forms, the KDF, the MAC (AES-GCM's full
tag truncated to 12 bytes) and the sensitive-data encryption. ECDSA signatures are random, so
`--reuse-signatures FILE` takes a vector's signature from an earlier file when it still verifies
(checked here) over the data computed now; that makes a re-run reproduce the file byte for byte.

    gbcs_vectors.py --out core/src/test/resources/io/dccsim/core/gbcs/gbcs-vectors.txt \
        [--reuse-signatures core/src/test/resources/io/dccsim/core/gbcs/gbcs-vectors.txt]
"""

import argparse
import hashlib
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import (
    decode_dss_signature,
    encode_dss_signature,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551

DEVICE_E = bytes.fromhex("0012345678ABCDEF")
DEVICE_G = bytes.fromhex("00DB1234567890AB")
USER = bytes.fromhex("90B3D51F30010000")
DSP = bytes.fromhex("90B3D51F30000002")


def private_key(label):
    """A fixed P-256 key: the scalar is SHA-256 of the label, reduced into 1..n-1."""
    d = int.from_bytes(hashlib.sha256(label.encode()).digest(), "big") % (P256_ORDER - 1) + 1
    return ec.derive_private_key(d, ec.SECP256R1())


def scalar_hex(key):
    return key.private_numbers().private_value.to_bytes(32, "big").hex().upper()


def point_hex(key):
    n = key.public_key().public_numbers()
    return ("04" + n.x.to_bytes(32, "big").hex() + n.y.to_bytes(32, "big").hex()).upper()


def ber(n):
    if n < 0x80:
        return bytes([n])
    if n < 0x100:
        return bytes([0x81, n])
    if n < 0x10000:
        return bytes([0x82]) + n.to_bytes(2, "big")
    raise ValueError(n)


def dlms_date_time(year, month, day, dow, hour, minute, second):
    return (year.to_bytes(2, "big") + bytes([month, day, dow, hour, minute, second, 0])
            + bytes([0x00, 0x00, 0x00]))


def u32(v):
    return v.to_bytes(4, "big")


def kdf(z, originator, mode, counter, recipient):
    other = (bytes.fromhex("60857406080300") + originator + b"\x09" + bytes([mode])
             + counter.to_bytes(8, "big") + recipient)
    return other, hashlib.sha256(b"\x00\x00\x00\x01" + z + other).digest()[:16]


def encrypt(key, originator, invocation, plaintext):
    iv = originator + u32(invocation)
    sealed = AESGCM(key).encrypt(iv, plaintext, b"\x31")
    return b"\x31" + u32(invocation) + sealed[:-16] + sealed[-16:-4]


def mac(key, originator, general_signing):
    iv = originator + b"\x00\x00\x00\x00"
    return AESGCM(key).encrypt(iv, b"", bytes.fromhex("110000000000") + general_signing)[:12]


def grouping_header(cra, counter, originator, recipient, date_time, message_code, party):
    out = b"\xDF\x09" + bytes([cra]) + counter.to_bytes(8, "big")
    out += b"\x08" + originator + b"\x08" + recipient
    out += (b"\x0C" + date_time) if date_time else b"\x00"
    if party:
        out += b"\x12" + message_code.to_bytes(2, "big") + party[0] + party[1].to_bytes(8, "big")
    else:
        out += b"\x02" + message_code.to_bytes(2, "big")
    return out


def p1363(der):
    r, s = decode_dss_signature(der)
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def signature_for(name, key, data, earlier):
    old = earlier.get(name, {}).get("signature")
    if old:
        raw = bytes.fromhex(old)
        der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
        try:
            key.public_key().verify(der, data, ec.ECDSA(hashes.SHA256()))
            return raw
        except InvalidSignature:
            pass
    return p1363(key.sign(data, ec.ECDSA(hashes.SHA256())))


def access_response(invoke, data_items):
    out = b"\xDA" + u32(invoke) + b"\x00" + b"\x00" + ber(len(data_items))
    for d in data_items:
        out += d
    out += ber(len(data_items)) + b"\x01\x00" * len(data_items)
    return out


def octet_string(b):
    return b"\x09" + ber(len(b)) + b


def gbz_encrypted_component(cluster, additional, zcl, ciphered, last):
    rest = bytes(additional) + bytes(zcl) + len(ciphered).to_bytes(2, "big") + ciphered
    control = 0x02 | (0x01 if last else 0x00)
    return bytes([control]) + cluster.to_bytes(2, "big") + len(rest).to_bytes(2, "big") + rest


def build(earlier):
    keys = {
        "device_e_ka": private_key("dccsim gbcs vectors: electricity meter KA"),
        "device_e_ds": private_key("dccsim gbcs vectors: electricity meter DS"),
        "device_g_ka": private_key("dccsim gbcs vectors: gas meter KA"),
        "user_ka": private_key("dccsim gbcs vectors: supplier KA"),
        "user_ds": private_key("dccsim gbcs vectors: supplier DS"),
        "dsp_ka": private_key("dccsim gbcs vectors: DSP KA"),
    }
    vectors = []

    def z(own, peer):
        return keys[own].exchange(ec.ECDH(), keys[peer].public_key())

    # 1. ECS17b: an electricity meter's instantaneous import registers, encrypted, MACed.
    counter = 0x0000017C3A2B1C0D
    zz = z("device_e_ka", "user_ka")
    _, mac_key = kdf(zz, DEVICE_E, 2, counter, USER)
    enc_info, enc_key = kdf(zz, DEVICE_E, 4, counter, USER)
    registers = b"\x02\x02" + b"\x06" + u32(12345678) + b"\x06" + u32(4321)
    encrypted = encrypt(enc_key, DEVICE_E, 0, registers)
    content = access_response(0x00000001, [octet_string(encrypted)])
    gs = grouping_header(2, counter, DEVICE_E, USER, dlms_date_time(2021, 6, 27, 7, 10, 30, 0),
                         0x0027, None) + ber(len(content)) + content + b"\x00"
    vectors.append(("ecs17b-response", {
        "form": "general-ciphering", "cra": "02", "originator": DEVICE_E.hex(),
        "recipient": USER.hex(), "counter": "%016X" % counter, "message_code": "0027",
        "date_time": dlms_date_time(2021, 6, 27, 7, 10, 30, 0).hex(),
        "own_ka_private": scalar_hex(keys["device_e_ka"]),
        "own_ka_public": point_hex(keys["device_e_ka"]),
        "peer_ka_private": scalar_hex(keys["user_ka"]), "peer_ka_public": point_hex(keys["user_ka"]),
        "z": zz.hex(), "mac_key": mac_key.hex(), "encryption_other_info": enc_info.hex(),
        "encryption_key": enc_key.hex(), "plaintext": registers.hex(),
        "encrypted_data": encrypted.hex(), "content": content.hex(), "general_signing": gs.hex(),
        "mac": mac(mac_key, DEVICE_E, gs).hex(),
        "frame": frame(gs, mac(mac_key, DEVICE_E, gs)).hex()}))

    # 2. GCS13a: a gas meter's registers in GBZ, the DSP the recipient for the User.
    counter = 0x0000017C3A2B1C0E
    user_counter = 0x0000017C00000042
    zz_dsp = z("device_g_ka", "dsp_ka")
    zz_user = z("device_g_ka", "user_ka")
    _, mac_key = kdf(zz_dsp, DEVICE_G, 2, counter, DSP)
    enc_info, enc_key = kdf(zz_user, DEVICE_G, 4, user_counter, USER)
    zcl_payload = b"\x00\x00\x00\x25" + (987654).to_bytes(6, "little")
    encrypted = encrypt(enc_key, DEVICE_G, 0, zcl_payload)
    content = (b"\x01\x09" + b"\x01"
               + gbz_encrypted_component(0x0702, [0x00, 0x01], [0x08, 0x01, 0x01], encrypted, True))
    gs = grouping_header(2, counter, DEVICE_G, DSP, None, 0x0074, (USER, user_counter)) \
        + ber(len(content)) + content + b"\x00"
    vectors.append(("gcs13a-response-via-dsp", {
        "form": "general-ciphering", "cra": "02", "originator": DEVICE_G.hex(),
        "recipient": DSP.hex(), "counter": "%016X" % counter, "message_code": "0074",
        "supplementary_party": USER.hex(), "supplementary_counter": "%016X" % user_counter,
        "own_ka_private": scalar_hex(keys["device_g_ka"]),
        "own_ka_public": point_hex(keys["device_g_ka"]),
        "peer_ka_private": scalar_hex(keys["dsp_ka"]), "peer_ka_public": point_hex(keys["dsp_ka"]),
        "encryption_peer_ka_private": scalar_hex(keys["user_ka"]),
        "encryption_peer_ka_public": point_hex(keys["user_ka"]),
        "z": zz_dsp.hex(), "mac_key": mac_key.hex(), "encryption_z": zz_user.hex(),
        "encryption_other_info": enc_info.hex(), "encryption_key": enc_key.hex(),
        "plaintext": zcl_payload.hex(), "encrypted_data": encrypted.hex(),
        "content": content.hex(), "general_signing": gs.hex(),
        "mac": mac(mac_key, DEVICE_G, gs).hex(),
        "frame": frame(gs, mac(mac_key, DEVICE_G, gs)).hex()}))

    # 3. An alert, 0x8F66, signed by the device's DS key and MACed.
    counter = 0x0000017C3A2B1C0F
    zz = z("device_e_ka", "user_ka")
    _, mac_key = kdf(zz, DEVICE_E, 3, counter, USER)
    dt = dlms_date_time(2021, 6, 28, 1, 0, 0, 5)
    content = b"\x0F" + u32(0) + b"\x0C" + dt + b"\x02\x02\x12\x8F\x66\x19" + dt
    unsigned = grouping_header(3, counter, DEVICE_E, USER, dt, 0x8F66, None) \
        + ber(len(content)) + content
    sig = signature_for("alert-8f66", keys["device_e_ds"], unsigned[1:], earlier)
    gs = unsigned + b"\x40" + sig
    vectors.append(("alert-8f66", {
        "form": "general-ciphering", "cra": "03", "originator": DEVICE_E.hex(),
        "recipient": USER.hex(), "counter": "%016X" % counter, "message_code": "8F66",
        "date_time": dt.hex(), "own_ka_private": scalar_hex(keys["device_e_ka"]),
        "own_ka_public": point_hex(keys["device_e_ka"]),
        "peer_ka_private": scalar_hex(keys["user_ka"]), "peer_ka_public": point_hex(keys["user_ka"]),
        "signer_private": scalar_hex(keys["device_e_ds"]),
        "signer_public": point_hex(keys["device_e_ds"]), "z": zz.hex(), "mac_key": mac_key.hex(),
        "content": content.hex(), "signed_data": unsigned[1:].hex(), "signature": sig.hex(),
        "general_signing": gs.hex(), "mac": mac(mac_key, DEVICE_E, gs).hex(),
        "frame": frame(gs, mac(mac_key, DEVICE_E, gs)).hex()}))

    # 4. A pre-command the User signs: a bare General-Signing APDU, no MAC.
    counter = 0x0000017C00000043
    content = (b"\xD9" + u32(1) + b"\x00" + b"\x01" + b"\x03" + (9).to_bytes(2, "big")
               + bytes.fromhex("00000A0064FF") + b"\x01" + b"\x01" + b"\x11\x01")
    unsigned = grouping_header(1, counter, USER, DEVICE_E, None, 0x00A1, None) \
        + ber(len(content)) + content
    sig = signature_for("pre-command", keys["user_ds"], unsigned[1:], earlier)
    vectors.append(("pre-command", {
        "form": "general-signing", "cra": "01", "originator": USER.hex(),
        "recipient": DEVICE_E.hex(), "counter": "%016X" % counter, "message_code": "00A1",
        "signer_private": scalar_hex(keys["user_ds"]),
        "signer_public": point_hex(keys["user_ds"]), "content": content.hex(),
        "unsigned": (unsigned + b"\x00").hex(), "signed_data": unsigned[1:].hex(),
        "signature": sig.hex(), "general_signing": (unsigned + b"\x40" + sig).hex()}))

    # 5. ECS22b: half-hourly profile data, long enough for two-byte BER lengths.
    counter = 0x0000017C3A2B1C10
    zz = z("device_e_ka", "user_ka")
    _, mac_key = kdf(zz, DEVICE_E, 2, counter, USER)
    rows = b""
    for i in range(24):
        rows += (b"\x02\x02\x19" + dlms_date_time(2021, 6, 27, 7, i // 2, 30 * (i % 2), 0)
                 + b"\x06" + u32(1000 + 37 * i))
    content = access_response(0x00000002, [b"\x01" + ber(24) + rows])
    gs = grouping_header(2, counter, DEVICE_E, USER, None, 0x0037, None) \
        + ber(len(content)) + content + b"\x00"
    vectors.append(("ecs22b-long-response", {
        "form": "general-ciphering", "cra": "02", "originator": DEVICE_E.hex(),
        "recipient": USER.hex(), "counter": "%016X" % counter, "message_code": "0037",
        "own_ka_private": scalar_hex(keys["device_e_ka"]),
        "own_ka_public": point_hex(keys["device_e_ka"]),
        "peer_ka_private": scalar_hex(keys["user_ka"]), "peer_ka_public": point_hex(keys["user_ka"]),
        "z": zz.hex(), "mac_key": mac_key.hex(), "content": content.hex(),
        "general_signing": gs.hex(), "mac": mac(mac_key, DEVICE_E, gs).hex(),
        "frame": frame(gs, mac(mac_key, DEVICE_E, gs)).hex()}))
    return vectors


def frame(general_signing, tag):
    body = bytes.fromhex("1100000000") + general_signing + tag
    return bytes.fromhex("DD000000000000") + ber(len(body)) + body


def read_vectors(path):
    out, current = {}, None
    with open(path, encoding="ascii") as f:
        for line in f:
            line = line.strip()
            if line.startswith("[") and line.endswith("]"):
                current = out.setdefault(line[1:-1], {})
            elif "=" in line and current is not None and not line.startswith("#"):
                k, v = line.split("=", 1)
                current[k.strip()] = v.strip()
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--reuse-signatures")
    args = parser.parse_args()
    earlier = read_vectors(args.reuse_signatures) if args.reuse_signatures else {}
    lines = ["# GBCS known-answer vectors, written by core/src/test/python/gbcs_vectors.py",
             "# with Python's cryptography package. Hex, upper case. Do not edit by hand."]
    for name, fields in build(earlier):
        lines.append("")
        lines.append("[" + name + "]")
        for k, v in fields.items():
            lines.append(k + " = " + (v.upper() if k != "form" else v))
    with open(args.out, "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
