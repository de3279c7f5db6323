// The little DER the app needs (X.690): enough to write a PKCS#10 request and a CMS SignedData, and to read a
// certificate's issuer, serial number and public key. Checked byte for byte against Bouncy Castle by AppDerIT.

const enc = new TextEncoder();

export function concat(...parts) {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function length(n) {
  if (n < 0x80) {
    return Uint8Array.of(n);
  }
  const bytes = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) {
    bytes.unshift(v & 0xff);
  }
  return Uint8Array.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag, ...contents) {
  const body = concat(...contents);
  return concat(Uint8Array.of(tag), length(body.length), body);
}

export const seq = (...items) => tlv(0x30, ...items);
export const nul = () => Uint8Array.of(0x05, 0x00);
export const octets = (bytes) => tlv(0x04, bytes);
export const utf8 = (text) => tlv(0x0c, enc.encode(text));
export const bitString = (bytes) => tlv(0x03, Uint8Array.of(0), bytes);
/** A context-specific constructed tag, [n] (explicit, or implicit over a SET/SEQUENCE's contents). */
export const ctx = (n, ...contents) => tlv(0xa0 | n, ...contents);

function compare(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return a[i] - b[i];
    }
  }
  return a.length - b.length;
}

/** SET OF in DER order: the elements sorted by their encodings. */
export function setOf(...items) {
  return tlv(0x31, ...[...items].sort(compare));
}

/** SET OF's elements under an implicit tag (e.g. signedAttrs [0]), also in DER order. */
export function implicitSetOf(tag, ...items) {
  return tlv(tag, ...[...items].sort(compare));
}

/** INTEGER from unsigned big-endian bytes: no superfluous leading zeros, a zero added before a high bit. */
export function unsignedInteger(bytes) {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) {
    i++;
  }
  const trimmed = bytes.slice(i);
  return tlv(0x02, trimmed[0] & 0x80 ? concat(Uint8Array.of(0), trimmed) : trimmed);
}

export const smallInteger = (n) => tlv(0x02, Uint8Array.of(n));

export function oid(dotted) {
  const parts = dotted.split('.').map(Number);
  const bytes = [parts[0] * 40 + parts[1]];
  for (const part of parts.slice(2)) {
    const chunk = [part & 0x7f];
    for (let v = Math.floor(part / 128); v > 0; v = Math.floor(v / 128)) {
      chunk.unshift(0x80 | (v & 0x7f));
    }
    bytes.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(bytes));
}

/** UTCTime (YYMMDDHHMMSSZ) for years before 2050, GeneralizedTime after, as RFC 5652's Time. */
export function time(date) {
  const p = (n) => String(n).padStart(2, '0');
  const year = date.getUTCFullYear();
  const rest = p(date.getUTCMonth() + 1) + p(date.getUTCDate()) + p(date.getUTCHours()) + p(date.getUTCMinutes())
      + p(date.getUTCSeconds()) + 'Z';
  return year < 2050 ? tlv(0x17, enc.encode(p(year % 100) + rest)) : tlv(0x18, enc.encode(year + rest));
}

/** WebCrypto's ECDSA signature (r || s, IEEE P1363) as the DER ECDSA-Sig-Value X.509 and CMS carry. */
export function ecdsaDer(raw) {
  const half = raw.length / 2;
  return seq(unsignedInteger(raw.slice(0, half)), unsignedInteger(raw.slice(half)));
}

/** One element at {@code at}: its tag, where its contents start and end, and its whole encoding's end. */
export function read(bytes, at = 0) {
  const tag = bytes[at];
  let len = bytes[at + 1];
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) {
      len = len * 256 + bytes[start + i];
    }
    start += n;
  }
  if (start + len > bytes.length) {
    throw new Error('truncated DER');
  }
  return {tag, at, start, end: start + len, bytes};
}

/** The elements inside a constructed element. */
export function children(element) {
  const out = [];
  for (let at = element.start; at < element.end;) {
    const child = read(element.bytes, at);
    out.push(child);
    at = child.end;
  }
  return out;
}

export const whole = (element) => element.bytes.slice(element.at, element.end);

/** A certificate's issuer Name, serialNumber INTEGER and SubjectPublicKeyInfo, each as its DER encoding. */
export function certificateParts(der) {
  const tbs = children(children(read(der))[0]);
  const i = tbs[0].tag === 0xa0 ? 1 : 0;
  return {serial: whole(tbs[i]), issuer: whole(tbs[i + 2]), spki: whole(tbs[i + 5])};
}
