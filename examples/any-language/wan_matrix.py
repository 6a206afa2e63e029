#!/usr/bin/python3
"""Asks a DCC (the dccsim standalone server) for a WAN matrix: DUIS SR 12.1 from Python.

Needs Python 3 with Debian's python3-lxml and python3-xmlsec (apt-get install python3-lxml
python3-xmlsec); nothing else outside the standard library. See docs/any-language.md.

    wan_matrix.py BASE_URL PKI_DIR POSTCODE [ADDRESS]
    wan_matrix.py BASE_URL PKI_DIR UPRN          # all digits: asked by UPRN

    BASE_URL   the DUIS address, e.g. http://127.0.0.1:8079
    PKI_DIR    the server's pki directory (data/pki): supplier-xmlsign.cert.pem and .key.pem sign
               the request, dcc-dspxmlsign.cert.pem verifies the answer

Options:
    --counter N     the RequestID counter (default: the time in microseconds, so that it grows)
    --form F        exclusive (default): enveloped-signature then exclusive C14N;
                    enveloped: enveloped-signature alone (the digest is over inclusive C14N 1.0)
    --expect CODE   the ResponseCode that counts as success (default I0)
    --tamper        change the postcode after signing (the DCC must refuse it with E1)
    --schema-version V   5.4 (default, one result per CSP region) or 5.1 (one flat result)

Prints the ResponseCode and the WAN matrix read from the verified answer. Exit status: 0 when the
answer's signature verifies and its code is the expected one; 1 on any other outcome (HTTP error,
bad signature, another code); 2 on a usage mistake.
"""

import argparse
import os
import re
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone

import xmlsec
from lxml import etree

SR = "http://www.dccinterface.co.uk/ServiceUserGateway"
DS = "http://www.w3.org/2000/09/xmldsig#"
NS = {"sr": SR, "ds": DS}
SUPPLIER = "90-B3-D5-1F-30-01-00-00"  # the server's ready test supplier (Import Supplier)
DCC = "90-B3-D5-1F-30-00-00-02"  # the DCC (DSP / Access Control Broker): SR 12.1 goes to it
# Go-live of the June 2021 SEC release: 24 June 2021, 00:00 in London (BST), that is 23:00 UTC.
GO_LIVE = datetime(2021, 6, 23, 23, 0, tzinfo=timezone.utc)


class Failure(Exception):
    """Anything that makes the exchange fail: printed as one line, exit status 1."""


def sr(parent, name, text=None):
    element = etree.SubElement(parent, "{%s}%s" % (SR, name))
    if text is not None:
        element.text = text
    return element


def build_request(request_id, postcode, address, schema_version):
    """The unsigned SR 12.1 request: a Header and a RequestWANMatrix Body."""
    root = etree.Element("{%s}Request" % SR, nsmap={"sr": SR})
    root.set("schemaVersion", schema_version)
    header = sr(root, "Header")
    sr(header, "RequestID", request_id)
    sr(header, "CommandVariant", "8")  # 8: a non-device request, answered by the DCC
    sr(header, "ServiceReference", "12.1")
    sr(header, "ServiceReferenceVariant", "12.1")
    ask = sr(sr(root, "Body"), "RequestWANMatrix")
    if postcode.isdigit():
        sr(ask, "UPRN", postcode)
    else:
        partial = sr(ask, "PartialAddress")
        sr(partial, "PostCode", postcode)
        sr(partial, "AddressIdentifier", address)
    return root


def sign(root, key_file, cert_file, form):
    """Appends an enveloped ds:Signature to the root, in one of the two forms DUIS allows."""
    signature = xmlsec.template.create(
        root, xmlsec.constants.TransformExclC14N, xmlsec.constants.TransformEcdsaSha256, ns="ds"
    )
    root.append(signature)  # the signature must be the root's last element
    reference = xmlsec.template.add_reference(signature, xmlsec.constants.TransformSha256, uri="")
    xmlsec.template.add_transform(reference, xmlsec.constants.TransformEnveloped)
    if form == "exclusive":
        xmlsec.template.add_transform(reference, xmlsec.constants.TransformExclC14N)
    key_info = xmlsec.template.ensure_key_info(signature)
    # An empty X509IssuerSerial: xmlsec fills in the issuer and serial of the loaded certificate.
    # The certificate itself is not sent; the DCC finds it in its SMKI repository.
    xmlsec.template.x509_data_add_issuer_serial(xmlsec.template.add_x509_data(key_info))
    key = xmlsec.Key.from_file(key_file, xmlsec.constants.KeyDataFormatPem)
    key.load_cert_from_file(cert_file, xmlsec.constants.KeyDataFormatCertPem)
    context = xmlsec.SignatureContext()
    context.key = key
    context.sign(signature)


def post(url, body):
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": "application/xml"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", "replace").strip()
        raise Failure("HTTP %d from %s: %s" % (e.code, url, detail[:200]))
    except (urllib.error.URLError, OSError) as e:
        raise Failure("no answer from %s: %s" % (url, e))


def verify(answer, dcc_cert_file):
    """Parses the answer and verifies the DCC's signature on it; returns the verified root."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(answer, parser)
    except etree.XMLSyntaxError as e:
        raise Failure("the answer is not XML: %s" % e)
    if root.tag != "{%s}Response" % SR:
        raise Failure("the answer is not an sr:Response but %s" % root.tag)
    signatures = root.findall(".//ds:Signature", NS)
    children = [c for c in root if isinstance(c.tag, str)]
    if len(signatures) != 1 or children[-1] is not signatures[0]:
        raise Failure("the answer must carry one ds:Signature, the root's last element")
    references = signatures[0].findall("ds:SignedInfo/ds:Reference", NS)
    if len(references) != 1 or references[0].get("URI") != "":
        raise Failure('the DCC\'s signature must have one Reference, URI="" (the whole answer)')
    context = xmlsec.SignatureContext()
    context.key = xmlsec.Key.from_file(dcc_cert_file, xmlsec.constants.KeyDataFormatCertPem)
    try:
        context.verify(signatures[0])
    except xmlsec.Error as e:
        raise Failure("the DCC's signature on the answer does not verify: %s" % e)
    return root


def text(element, path):
    found = element.find(path, NS)
    return None if found is None else (found.text if found.text is not None else "")


def variant(raw, answered_at):
    """What a WANTechnology text means (MP106): " " is Unknown from go-live, unspecified before."""
    if raw == "Unknown":
        return "Unknown"
    if raw.strip() == "":
        if answered_at >= GO_LIVE:
            return "Unknown (MP106: a blank means Unknown from go-live)"
        return "unspecified (before go-live a blank has no defined meaning)"
    return raw


def print_matrix(root):
    """Prints the code and each CSP region's answer; returns the ResponseCode."""
    code = text(root, "sr:Header/sr:ResponseCode")
    when = text(root, "sr:Header/sr:ResponseDateTime")
    print("RequestID: %s" % text(root, "sr:Header/sr:RequestID"))
    print("ResponseCode: %s" % code)
    print("ResponseDateTime: %s" % when)
    answered_at = datetime.fromisoformat(re.sub(r"Z$", "+00:00", when))
    matrix = root.find("sr:Body/sr:ResponseMessage/sr:DSPWANMatrix", NS)
    if matrix is None:
        print("WAN matrix: none")
        return code
    # 5.3 on: one DSPWANMatrixResponse per region; 5.0 and 5.1: the facts sit in DSPWANMatrix.
    regions = matrix.findall("sr:DSPWANMatrixResponse", NS) or [matrix]
    print("WAN matrix: %d region(s)" % len(regions))
    for region in regions:
        technology = text(region, "sr:WANTechnology")
        print(
            "  CSPRegion=%s CoverageAvailability=%s AnticipatedCoverageDate=%s"
            " WANTechnology=%r ConnectivityLikelihood=%s"
            % (
                text(region, "sr:CSPRegion"),
                text(region, "sr:CoverageAvailability"),
                text(region, "sr:AnticipatedCoverageDate") or "-",
                technology,
                text(region, "sr:ConnectivityLikelihood"),
            )
        )
        if technology is not None:
            print("    WAN variant: %s" % variant(technology, answered_at))
    return code


def main(argv):
    parser = argparse.ArgumentParser(description="DUIS SR 12.1 Request WAN Matrix from Python")
    parser.add_argument("base_url")
    parser.add_argument("pki_dir")
    parser.add_argument("postcode", help="a postcode, or a UPRN (digits only)")
    parser.add_argument("address", nargs="?", default="", help="the AddressIdentifier")
    parser.add_argument("--counter", type=int, default=None)
    parser.add_argument("--form", choices=("exclusive", "enveloped"), default="exclusive")
    parser.add_argument("--expect", default="I0")
    parser.add_argument("--tamper", action="store_true")
    parser.add_argument("--schema-version", choices=("5.1", "5.4"), default="5.4")
    args = parser.parse_args(argv)

    counter = args.counter if args.counter is not None else time.time_ns() // 1000
    request_id = "%s:%s:%d" % (SUPPLIER, DCC, counter)
    pki = args.pki_dir
    try:
        for name in ("supplier-xmlsign.key.pem", "supplier-xmlsign.cert.pem", "dcc-dspxmlsign.cert.pem"):
            if not os.path.isfile(os.path.join(pki, name)):
                raise Failure("no %s in %s (the server's pki directory)" % (name, pki))
        root = build_request(request_id, args.postcode, args.address, args.schema_version)
        sign(
            root,
            os.path.join(pki, "supplier-xmlsign.key.pem"),
            os.path.join(pki, "supplier-xmlsign.cert.pem"),
            args.form,
        )
        if args.tamper:  # after signing: the digest no longer matches
            changed = root.find(".//sr:PostCode", NS)
            if changed is None:
                changed = root.find(".//sr:UPRN", NS)
                changed.text = changed.text + "1"
            else:
                changed.text = "SW1A 1AA" if changed.text != "SW1A 1AA" else "M22 0RR"
        body = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
        print("request %s (SR 12.1, schemaVersion %s, form %s)" % (request_id, args.schema_version, args.form))
        status, answer = post(args.base_url.rstrip("/") + "/api/v1/serviceD", body)
        print("HTTP %d" % status)
        verified = verify(answer, os.path.join(pki, "dcc-dspxmlsign.cert.pem"))
        print("DCC signature: verified")
        code = print_matrix(verified)
    except (Failure, xmlsec.Error, OSError) as e:
        print("wan_matrix: %s" % e, file=sys.stderr)
        return 1
    if code != args.expect:
        print("wan_matrix: ResponseCode %s, expected %s" % (code, args.expect), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
