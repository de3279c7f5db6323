// The credential app's screens: 線上綁定裝置 (M9), 登入 (M14), 憑證申請 (M15–M17), 下載憑證 and 已下載 (M18).
import {api, ApiError} from './api.js';
import {get, put, remove} from './store.js';
import {t} from './i18n.js';
import {scan, stop, ticketLink} from './qr.js';
import {b64, newDeviceKey, newSigningKey, open, pinProblem, protect, spki} from './keys.js';
import {certificationRequest, hex, sha256, signDer} from './pki.js';
import {certificateParts} from './der.js';
import {entry} from './catalogue.js';
import {APP_BUILD, APP_VERSION, busy, fail, refusal, show} from './main.js';

const $ = (id) => document.getElementById(id);
const enc = new TextEncoder();
/** Where 登入 leads once it succeeds: 首頁, or the screen whose call found the login gone (M27). */
let resume = 'home';
/** This server's base address, as its QR codes name it. */
export const SERVER = new URL('..', document.baseURI).href.replace(/\/+$/, '');

function scanner(button, video, input) {
  $(button).addEventListener('click', () => {
    scan($(video), (text) => {
      $(input).value = text;
      $(input).dispatchEvent(new Event('change'));
    }).catch(() => {
      $(video).hidden = true;
      $(input).placeholder = t('qr.noCamera');
      $(input).focus();
    });
  });
}

/** This phone's device key and the app's login, or the refusal that says which step comes first. */
export async function boundAndLoggedIn() {
  const [device, session] = await Promise.all([get('device'), get('session')]);
  if (!device) {
    throw refusal('MS-3014', 'err.noDevice');
  }
  if (!session) {
    throw refusal('MS-1011', 'err.noLogin');
  }
  return {device, session};
}

function platform() {
  const ua = navigator.userAgent;
  const android = /Android ([\d.]+)/.exec(ua);
  const ios = /OS (\d+[_\d]*) like Mac/.exec(ua);
  return android ? ['Android', android[1]] : ios ? ['iOS', ios[1].replace(/_/g, '.')] : ['Web', navigator.platform];
}

async function bind() {
  const link = ticketLink($('bindLink').value, 'bind', SERVER);
  if (!link) {
    throw refusal('MS-3009', 'err.MS-3009');
  }
  busy('bind.submit');
  const pair = await newDeviceKey();
  const publicKey = await spki(pair.publicKey);
  const proof = enc.encode('medsign-bind-v1\n' + link.ticket + '\n' + hex(await sha256(publicKey)));
  const [os, osVersion] = platform();
  const bound = await api.bind({ticket: link.ticket, code: $('bindCode').value.trim(), publicKey: b64(publicKey),
    device: {platform: os, osVersion: String(osVersion).slice(0, 60), appVersion: APP_VERSION, appBuild: APP_BUILD,
      model: 'medsign web app'},
    proof: b64(await signDer(pair.privateKey, proof))});
  await put('device', {deviceId: bound.deviceId, name: bound.name, owner: bound.owner, privateKey: pair.privateKey,
    publicKey});
  busy(null);
  $('bindDone').textContent = t('bind.done') + '：' + bound.name;
  $('bindDone').hidden = false;
}

async function login() {
  busy('login.submit');
  const session = await api.login($('loginSite').value.trim(), $('loginAccount').value.trim(), $('loginPassword').value);
  await put('session', session);
  $('loginPassword').value = '';
  $('loginNotice').hidden = true;
  busy(null);
  const next = resume;
  resume = 'home';
  show(next);
}

/** The screen to carry on with after the next successful 登入. */
export function afterLogin(screen) {
  resume = screen;
}

async function enrol() {
  const link = ticketLink($('enrolLink').value, 'enrol', SERVER);
  const pin = $('enrolPin').value;
  const problem = !link ? null : pinProblem(pin) || (pin !== $('enrolPin2').value ? 'pin.mismatch' : null);
  if (!link) {
    throw refusal('MS-3009', 'err.MS-3009');
  }
  $('enrolProblem').hidden = !problem;
  $('enrolProblem').textContent = problem ? t(problem) : '';
  if (problem) {
    return;
  }
  const {device, session} = await boundAndLoggedIn();
  busy('enrol.working');
  const signingKey = await newSigningKey();
  const csr = await certificationRequest(signingKey, session.employeeNumber);
  const signed = enc.encode('medsign-enrol-v1\n' + link.ticket + '\n' + hex(await sha256(csr)));
  // Until the wrapped key is stored, the signing key lives only in memory; this note tells a restarted app that it
  // stopped in between (see unfinishedEnrolment).
  await put('enrolment', {});
  try {
    const issued = await api.enrol({ticket: link.ticket, code: $('enrolCode').value.trim(), csr: b64(csr),
      deviceId: device.deviceId, deviceSignature: b64(await signDer(device.privateKey, signed))});
    await put('enrolment', {serial: issued.serial});
    const wrapped = await protect(issued.serial, signingKey, pin,
        () => put('enrolment', {serial: issued.serial, pinSent: true}));
    await put('signing', {serial: issued.serial, status: 'ISSUED', spki: await spki(signingKey.publicKey), ...wrapped});
    await remove('enrolment');
    enrolled(issued);
  } catch (e) {
    if (e instanceof ApiError && e.status > 0) {
      // the server answered with its refusal, which the error screen shows now
      await remove('enrolment');
    }
    throw e;
  }
}

/**
 * The app stopped during 憑證申請 after sending it, before the wrapped signing key was stored (the phone was turned
 * off, the app killed). The key lived only in memory, by design: a key kept unwrapped, even for a moment, would let a
 * copy of the phone's storage sign without the server counting the PIN (docs/app-threat-model.md). So the application
 * cannot be finished; the answer is the coded refusal that says to apply again: MS-4013 when the PIN had gone to the
 * server (set there, it cannot be set again), MS-4014 when it had not (the application did not finish).
 */
export async function unfinishedEnrolment() {
  const [stopped, signing] = await Promise.all([get('enrolment'), get('signing')]);
  if (!stopped) {
    return null;
  }
  await remove('enrolment');
  if (signing && signing.serial === stopped.serial) {
    return null;
  }
  const code = stopped.pinSent ? 'MS-4013' : 'MS-4014';
  const words = await entry(code);
  return new ApiError({code, title: words?.title, detail: words?.message || t('recover.note'), action: words?.action}, 0);
}

function enrolled(issued) {
  $('enrolPin').value = '';
  $('enrolPin2').value = '';
  busy(null);
  $('enrolDone').textContent = t('enrol.done') + ' ' + issued.serial;
  $('enrolDone').hidden = false;
}

export async function enterDownload() {
  $('downloadDone').hidden = true;
  const list = $('certificateList');
  list.replaceChildren();
  const session = await get('session');
  if (!session) {
    return;
  }
  for (const c of await api.certificates()) {
    const item = document.createElement('li');
    item.textContent = t('state.' + c.status) + '  ' + c.serial.slice(0, 16) + '  ' + (c.notAfter || '').slice(0, 10);
    item.className = 'certificate ' + c.status.toLowerCase();
    list.append(item);
  }
}

async function download() {
  const [signing, device] = await Promise.all([get('signing'), get('device')]);
  if (!signing || !device) {
    throw refusal('MS-4007', 'download.none');
  }
  busy('download.submit');
  const key = await open(signing, device, $('downloadPin').value);
  $('downloadPin').value = '';
  const pem = await api.chain(signing.serial);
  const chain = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)]
      .map((m) => Uint8Array.from(atob(m[1].replace(/\s+/g, '')), (c) => c.charCodeAt(0)));
  const certificate = chain[0];
  if (hex(certificateParts(certificate).spki) !== hex(signing.spki)) {
    throw refusal('MS-4008', 'download.none');
  }
  const ack = enc.encode('medsign-ack-v1\n' + signing.serial + '\n' + hex(await sha256(certificate)));
  const view = await api.acknowledge(signing.serial, b64(await signDer(key, ack)));
  await put('signing', {...signing, status: view.status, certificate, chain});
  busy(null);
  await enterDownload();
  $('downloadDone').textContent = t('download.done') + ' ' + signing.serial;
  $('downloadDone').hidden = false;
}

function guarded(action) {
  return () => action().catch(fail);
}

export function wire() {
  scanner('bindScan', 'bindVideo', 'bindLink');
  scanner('enrolScan', 'enrolVideo', 'enrolLink');
  $('bindSubmit').addEventListener('click', guarded(bind));
  $('loginSubmit').addEventListener('click', guarded(login));
  $('enrolSubmit').addEventListener('click', guarded(enrol));
  $('downloadSubmit').addEventListener('click', guarded(download));
  window.addEventListener('popstate', stop);
}
