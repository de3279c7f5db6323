#!/usr/bin/env bash
# Makes the development TLS set once per unpacked server: a development CA, a server certificate it signs for
# localhost and 127.0.0.1, the key store WildFly serves it from (medsign-tls.p12) and the CA certificate as PEM for
# browsers and phones to trust (medsign-dev-tls-ca.pem). The CA's private key is thrown away once it has signed:
# an authority a developer imported can then vouch for nothing else. Production sets MEDSIGN_TLS_KEYSTORE instead.
set -euo pipefail
config=$1
keystore=$config/medsign-tls.p12 ca_pem=$config/medsign-dev-tls-ca.pem
# The development key store's password (the CLI's default for MEDSIGN_TLS_KEYSTORE_PASSWORD).
password=medsign-dev-tls

if [ -f "$keystore" ] && [ -f "$ca_pem" ]; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$keystore" "$ca_pem"
kt() { keytool "$@" -storetype PKCS12 -storepass "$password" 2>&1 | grep -v '^Generating' || true; }

kt -genkeypair -keystore "$work/ca.p12" -alias ca -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA \
   -dname "CN=medsign development TLS CA $(date -u +%Y%m%d%H%M%S), O=medsign development" -validity 3650 \
   -ext bc:c=ca:true,pathlen:0 -ext ku:c=keyCertSign,cRLSign
kt -exportcert -keystore "$work/ca.p12" -alias ca -rfc -file "$ca_pem"

kt -genkeypair -keystore "$keystore" -alias server -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA \
   -dname "CN=localhost, O=medsign development" -validity 397
kt -certreq -keystore "$keystore" -alias server -file "$work/server.csr"
# Browsers want the names in subjectAltName and serverAuth; 397 days stays within what browsers accept of public CAs.
kt -gencert -keystore "$work/ca.p12" -alias ca -infile "$work/server.csr" -outfile "$work/server.pem" -rfc \
   -validity 397 -sigalg SHA256withECDSA -ext san=dns:localhost,ip:127.0.0.1 -ext eku:c=serverAuth \
   -ext ku:c=digitalSignature
cat "$work/server.pem" "$ca_pem" >"$work/chain.pem"
kt -importcert -keystore "$keystore" -alias dev-ca -file "$ca_pem" -noprompt
kt -importcert -keystore "$keystore" -alias server -file "$work/chain.pem" -noprompt
kt -delete -keystore "$keystore" -alias dev-ca
chmod 600 "$keystore"
keytool -list -keystore "$keystore" -storepass "$password" -alias server -v | grep -q 'Certificate chain length: 2' \
  || { echo "the development TLS key store was not made" >&2; exit 1; }
echo "Development TLS CA: $ca_pem"
