#!/usr/bin/env bash
# Asks a DCC (the dccsim standalone server) for a WAN matrix: DUIS SR 12.1 with xmlsec1 and curl.
#
# Needs bash, xmlsec1, curl and xmllint (apt-get install xmlsec1 curl libxml2-utils).
# See docs/any-language.md.
#
#   wan_matrix.sh [--counter N] [--form exclusive|enveloped] [--expect CODE] \
#       BASE_URL PKI_DIR POSTCODE [ADDRESS]
#
#   BASE_URL   the DUIS address, e.g. http://127.0.0.1:8079
#   PKI_DIR    the server's pki directory (data/pki)
#   POSTCODE   a postcode, or a UPRN (digits only)
#   --counter  the RequestID counter (default: the time in microseconds, so that it grows)
#   --form     exclusive (default): enveloped-signature then exclusive C14N;
#              enveloped: enveloped-signature alone
#   --expect   the ResponseCode that counts as success (default I0)
#
# Prints the ResponseCode and the WAN matrix of the verified answer. Exit status: 0 when the
# answer's signature verifies and its code is the expected one, 1 otherwise, 2 on a usage mistake.
set -euo pipefail

counter="" form=exclusive expect=I0
while [ $# -gt 0 ]; do
  case "$1" in
    --counter) counter=$2; shift 2 ;;
    --form) form=$2; shift 2 ;;
    --expect) expect=$2; shift 2 ;;
    --*) echo "wan_matrix.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
if [ $# -lt 3 ] || [ $# -gt 4 ]; then
  echo "usage: wan_matrix.sh [--counter N] [--form exclusive|enveloped] [--expect CODE] BASE_URL PKI_DIR POSTCODE [ADDRESS]" >&2
  exit 2
fi
base_url=${1%/} pki=$2 postcode=$3 address=${4:-}
case "$form" in exclusive|enveloped) ;; *) echo "wan_matrix.sh: --form exclusive or enveloped" >&2; exit 2 ;; esac

fail() { echo "wan_matrix.sh: $*" >&2; exit 1; }
for f in supplier-xmlsign.key.pem supplier-xmlsign.cert.pem dcc-dspxmlsign.cert.pem; do
  [ -f "$pki/$f" ] || fail "no $f in $pki (the server's pki directory)"
done

supplier=90-B3-D5-1F-30-01-00-00   # the server's ready test supplier (Import Supplier)
dcc=90-B3-D5-1F-30-00-00-02        # the DCC: SR 12.1 is addressed to it
# The counter must grow from one request to the next: microseconds since 1970 (GNU date).
[ -n "$counter" ] || counter=$(( $(date +%s%N) / 1000 ))
request_id="$supplier:$dcc:$counter"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

esc() { printf '%s' "$1" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }
if [[ "$postcode" =~ ^[0-9]+$ ]]; then
  ask="<sr:UPRN>$postcode</sr:UPRN>"
else
  ask="<sr:PartialAddress><sr:PostCode>$(esc "$postcode")</sr:PostCode><sr:AddressIdentifier>$(esc "$address")</sr:AddressIdentifier></sr:PartialAddress>"
fi
exclusive=""
if [ "$form" = exclusive ]; then
  exclusive='<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>'
fi

# The request with an empty signature as the root's last element. xmlsec1 computes the digest and
# the value, and fills X509IssuerSerial from the certificate given with the key.
cat >"$work/template.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<sr:Request xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway" schemaVersion="5.4"><sr:Header><sr:RequestID>$request_id</sr:RequestID><sr:CommandVariant>8</sr:CommandVariant><sr:ServiceReference>12.1</sr:ServiceReference><sr:ServiceReferenceVariant>12.1</sr:ServiceReferenceVariant></sr:Header><sr:Body><sr:RequestWANMatrix>$ask</sr:RequestWANMatrix></sr:Body><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"/><ds:Reference URI=""><ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>$exclusive</ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue/></ds:Reference></ds:SignedInfo><ds:SignatureValue/><ds:KeyInfo><ds:X509Data><ds:X509IssuerSerial/></ds:X509Data></ds:KeyInfo></ds:Signature></sr:Request>
EOF

xmlsec1 --sign --privkey-pem "$pki/supplier-xmlsign.key.pem,$pki/supplier-xmlsign.cert.pem" \
  --output "$work/request.xml" "$work/template.xml" 2>"$work/sign.err" \
  || fail "xmlsec1 --sign failed: $(head -c 300 "$work/sign.err")"
echo "request $request_id (SR 12.1, schemaVersion 5.4, form $form)"

status=$(curl -sS --max-time 30 -o "$work/answer.xml" -w '%{http_code}' \
  -H 'Content-Type: application/xml' --data-binary @"$work/request.xml" \
  "$base_url/api/v1/serviceD") || fail "no answer from $base_url/api/v1/serviceD"
echo "HTTP $status"
[ "$status" = 200 ] || fail "HTTP $status from $base_url/api/v1/serviceD: $(head -c 200 "$work/answer.xml")"

# Reads one value; every step names the DUIS namespace, so no look-alike element elsewhere is read.
SR='namespace-uri()="http://www.dccinterface.co.uk/ServiceUserGateway"'
DS='namespace-uri()="http://www.w3.org/2000/09/xmldsig#"'
value() { xmllint --nonet --xpath "string($1)" "$work/answer.xml" 2>/dev/null || true; }
step() { printf '*[local-name()="%s" and %s]' "$1" "$SR"; }

xmllint --nonet --noout "$work/answer.xml" 2>/dev/null || fail "the answer is not XML"
[ "$(value "count(/$(step Response))")" = 1 ] || fail "the answer is not an sr:Response"
# One signature, the root's last element, over the whole answer (URI=""): what xmlsec1 checks is
# then what is read below.
sig="/$(step Response)/*[last()][local-name()=\"Signature\" and $DS]"
[ "$(value "count(//*[local-name()=\"Signature\" and $DS])")" = 1 ] \
  && [ "$(value "count($sig)")" = 1 ] \
  && [ "$(value "count($sig/*[local-name()=\"SignedInfo\"]/*[local-name()=\"Reference\"])")" = 1 ] \
  && [ "$(value "count($sig/*[local-name()=\"SignedInfo\"]/*[local-name()=\"Reference\"][@URI=\"\"])")" = 1 ] \
  || fail "the answer must carry one ds:Signature, its last element, with one Reference URI=\"\""
xmlsec1 --verify --pubkey-cert-pem "$pki/dcc-dspxmlsign.cert.pem" "$work/answer.xml" \
  >"$work/verify.out" 2>&1 || fail "the DCC's signature on the answer does not verify: $(tail -c 300 "$work/verify.out")"
echo "DCC signature: verified"

header="/$(step Response)/$(step Header)"
code=$(value "$header/$(step ResponseCode)")
echo "RequestID: $(value "$header/$(step RequestID)")"
echo "ResponseCode: $code"
when=$(value "$header/$(step ResponseDateTime)")
echo "ResponseDateTime: $when"
matrix="/$(step Response)/$(step Body)/$(step ResponseMessage)/$(step DSPWANMatrix)"
n=$(value "count($matrix/$(step DSPWANMatrixResponse))")
if [ "$(value "count($matrix)")" = 0 ]; then
  echo "WAN matrix: none"
else
  echo "WAN matrix: $n region(s)"
  for i in $(seq 1 "$n"); do
    r="$matrix/$(step DSPWANMatrixResponse)[$i]"
    date=$(value "$r/$(step AnticipatedCoverageDate)")
    echo "  CSPRegion=$(value "$r/$(step CSPRegion)") CoverageAvailability=$(value "$r/$(step CoverageAvailability)") AnticipatedCoverageDate=${date:--} WANTechnology='$(value "$r/$(step WANTechnology)")' ConnectivityLikelihood=$(value "$r/$(step ConnectivityLikelihood)")"
    # MP106: a blank WANTechnology means Unknown from go-live (24 June 2021 00:00 London, 23:00
    # UTC); before it, a blank has no defined meaning. ISO-8601 UTC times compare as text.
    tech=$(value "$r/$(step WANTechnology)")
    if [ "$tech" = Unknown ]; then
      echo "    WAN variant: Unknown"
    elif [ -z "${tech//[[:space:]]/}" ]; then
      if [[ "$when" < "2021-06-23T23:00:00" ]]; then
        echo "    WAN variant: unspecified (before go-live a blank has no defined meaning)"
      else
        echo "    WAN variant: Unknown (MP106: a blank means Unknown from go-live)"
      fi
    else
      echo "    WAN variant: $tech"
    fi
  done
fi
[ "$code" = "$expect" ] || fail "ResponseCode $code, expected $expect"
