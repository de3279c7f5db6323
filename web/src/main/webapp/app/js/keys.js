// The phone's keys, made by WebCrypto (EC P-256). The device key is non-extractable from birth. The signing key is
// wrapped (AES-GCM) under a key derived from the signing PIN and a secret the server releases only to the bound
// device after counting the PIN try; unwrapped, it is non-extractable and lives only for one batch. See
// docs/app-threat-model.md.
import {api} from './api.js';
import {hex, sha256, signDer} from './pki.js';

const EC = {name: 'ECDSA', namedCurve: 'P-256'};
const PBKDF2_ROUNDS = 210000;
const enc = new TextEncoder();

export const b64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
export const unb64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export async function newDeviceKey() {
  return crypto.subtle.generateKey(EC, false, ['sign']);
}

/** Extractable only so that it can be wrapped once; the caller drops it right after {@link protect}. */
export async function newSigningKey() {
  return crypto.subtle.generateKey(EC, true, ['sign']);
}

export async function spki(publicKey) {
  return new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
}

/** The PIN's two halves: the verifier the server checks, and the part that goes into the wrapping key. */
async function derive(pin, salt) {
  const material = await crypto.subtle.importKey('raw', enc.encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(await crypto.subtle.deriveBits(
      {name: 'PBKDF2', hash: 'SHA-256', salt, iterations: PBKDF2_ROUNDS}, material, 512));
  return {verifier: bits.slice(0, 32), wrapPart: bits.slice(32)};
}

async function wrappingKey(wrapPart, secret, serial) {
  const ikm = new Uint8Array(wrapPart.length + secret.length);
  ikm.set(wrapPart);
  ikm.set(secret, wrapPart.length);
  const base = await crypto.subtle.importKey('raw', ikm, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0),
    info: enc.encode('medsign-app-wrap-v1\n' + serial)}, base, {name: 'AES-GCM', length: 256}, false,
  ['wrapKey', 'unwrapKey']);
}

/**
 * After enrolment: sets the PIN's verifier on the server (proven by the new key), receives the secret, and wraps the
 * signing key under PIN and secret. Answers what the phone keeps: salt, iv and the wrapped key. {@code sending} runs
 * just before the PIN goes to the server (the app notes it, for a restart in between).
 */
export async function protect(serial, signingKeyPair, pin, sending = async () => {}) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const {verifier, wrapPart} = await derive(pin, salt);
  const message = enc.encode('medsign-pin-set-v1\n' + serial + '\n' + hex(await sha256(verifier)));
  await sending();
  const answer = await api.setPin(serial, b64(verifier), b64(await signDer(signingKeyPair.privateKey, message)));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrapped = await crypto.subtle.wrapKey('pkcs8', signingKeyPair.privateKey,
      await wrappingKey(wrapPart, unb64(answer.secret), serial), {name: 'AES-GCM', iv});
  return {salt, iv, wrapped: new Uint8Array(wrapped)};
}

/** One counted PIN try (MS-5015 wrong, MS-5016 locked): the signing key, non-extractable, for this batch only. */
export async function open(signing, device, pin) {
  const {verifier, wrapPart} = await derive(pin, signing.salt);
  const message = enc.encode('medsign-pin-v1\n' + signing.serial + '\n' + hex(await sha256(verifier)));
  const answer = await api.tryPin(signing.serial, b64(verifier), b64(await signDer(device.privateKey, message)));
  return crypto.subtle.unwrapKey('pkcs8', signing.wrapped, await wrappingKey(wrapPart, unb64(answer.secret),
      signing.serial), {name: 'AES-GCM', iv: signing.iv}, EC, false, ['sign']);
}

const COMMON = new Set(['123123', '121212', '112233', '123321', '520520', '147258', '159357', '000000', '111111',
  '888888', '666666', '12345678', '87654321', '123456', '654321', '123456789', '987654321']);

/** The rule medsign-mobile applies (SigningPin): 6 to 12 digits, not all alike, not a run, not a common PIN. */
export function pinProblem(pin) {
  if (!/^\d{6,12}$/.test(pin)) {
    return 'pin.digits';
  }
  const steps = [...pin].slice(1).map((c, i) => c.charCodeAt(0) - pin.charCodeAt(i));
  if (COMMON.has(pin) || new Set(pin).size === 1 || steps.every((s) => s === 1) || steps.every((s) => s === -1)) {
    return 'pin.common';
  }
  return null;
}
