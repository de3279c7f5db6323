// PKCS#10 (RFC 2986) and CMS SignedData (RFC 5652, CAdES-B attributes) made with WebCrypto keys and der.js, as
// medsign-mobile makes them with Bouncy Castle: the server checks both alike.
import {bitString, certificateParts, ctx, ecdsaDer, implicitSetOf, nul, octets, oid, seq, setOf, smallInteger,
  time, utf8} from './der.js';

const ECDSA_SHA256 = '1.2.840.10045.4.3.2';
const SHA256 = '2.16.840.1.101.3.4.2.1';
const DATA = '1.2.840.113549.1.7.1';
const SIGNED_DATA = '1.2.840.113549.1.7.2';
const CONTENT_TYPE = '1.2.840.113549.1.9.3';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_TIME = '1.2.840.113549.1.9.5';
const SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const ALGORITHM_PROTECTION = '1.2.840.113549.1.9.52';
const SIGN = {name: 'ECDSA', hash: 'SHA-256'};

export async function sha256(bytes) {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
}

export function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A DER ECDSA signature over the message (SHA-256), as the server verifies proofs and CMS signatures. */
export async function signDer(privateKey, message) {
  return ecdsaDer(new Uint8Array(await crypto.subtle.sign(SIGN, privateKey, message)));
}

/** The request for CN=<employee number>, signed by the new key (the server accepts no other subject). */
export async function certificationRequest(keyPair, employeeNumber) {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keyPair.publicKey));
  return certificationRequestOf(spki, employeeNumber, (info) => signDer(keyPair.privateKey, info));
}

export async function certificationRequestOf(spki, employeeNumber, signer) {
  const subject = seq(setOf(seq(oid('2.5.4.3'), utf8(employeeNumber))));
  const info = seq(smallInteger(0), subject, spki, ctx(0));
  return seq(info, seq(oid(ECDSA_SHA256)), bitString(await signer(info)));
}

/**
 * Detached CMS SignedData over the content: SHA-256, ECDSA, signed attributes contentType, signingTime,
 * messageDigest, CMSAlgorithmProtection and signingCertificateV2, the signer named by issuer and serial number,
 * its certificate included.
 */
export async function signedData(privateKey, certificateDer, content, when = new Date()) {
  return signedDataOf(certificateDer, await sha256(content), await sha256(certificateDer), when,
      (attributes) => signDer(privateKey, attributes));
}

/** The same with the digests given and any signer: what AppDerIT compares with Bouncy Castle's encoding. */
export async function signedDataOf(certificateDer, contentDigest, certificateDigest, when, signer) {
  const cert = certificateParts(certificateDer);
  const attributes = [
    seq(oid(CONTENT_TYPE), setOf(oid(DATA))),
    seq(oid(SIGNING_TIME), setOf(time(when))),
    seq(oid(MESSAGE_DIGEST), setOf(octets(contentDigest))),
    // RFC 6211, as Bouncy Castle adds it: the digest and signature algorithms under the signature too
    seq(oid(ALGORITHM_PROTECTION), setOf(seq(seq(oid(SHA256)), ctx(1, oid(ECDSA_SHA256))))),
    // ESSCertIDv2 with the default hash (SHA-256) leaves hashAlgorithm out (DER omits defaults)
    seq(oid(SIGNING_CERTIFICATE_V2), setOf(seq(seq(seq(octets(certificateDigest)))))),
  ];
  // the signature covers the attributes as a SET OF (tag 0x31), the SignerInfo carries them as [0] IMPLICIT
  const signature = await signer(setOf(...attributes));
  const digestAlgorithm = seq(oid(SHA256));
  const signerInfo = seq(smallInteger(1), seq(cert.issuer, cert.serial), digestAlgorithm,
      implicitSetOf(0xa0, ...attributes), seq(oid(ECDSA_SHA256)), octets(signature));
  const signed = seq(smallInteger(1), setOf(digestAlgorithm), seq(oid(DATA)), ctx(0, certificateDer),
      setOf(signerInfo));
  return seq(oid(SIGNED_DATA), ctx(0, signed));
}
