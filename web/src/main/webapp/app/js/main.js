// The app's shell: one screen at a time (history-aware, so the phone's back button works), the status on 首頁,
// refusals shown with their code, words and what to do, and the service worker that keeps the shell offline.
import {ApiError} from './api.js';
import {get} from './store.js';
import {setLanguage, language, t, translate} from './i18n.js';
import * as credential from './credential.js';
import * as eportal from './eportal.js';

export const APP_VERSION = '2.0.0';
export const APP_BUILD = 1;

const $ = (id) => document.getElementById(id);
const ENTER = {
  home: showStatus, download: credential.enterDownload, batch: eportal.enterBatch,
};

export function show(name, push = true) {
  document.querySelectorAll('.screen').forEach((s) => {
    s.hidden = s.id !== name;
  });
  $('back').hidden = name === 'home';
  if (push && history.state?.screen !== name) {
    history.pushState({screen: name}, '', '#/' + name);
  }
  window.scrollTo(0, 0);
  const enter = ENTER[name];
  if (enter) {
    enter().catch(fail);
  }
}

/** Any refusal: the error screen with the catalogue's code, words and what to do (and 重新登入 where it helps). */
export function fail(error) {
  busy(null);
  const coded = error instanceof ApiError ? error
    : {code: error.code || 'MS-9000', title: t('error.title'), message: error.message, action: ''};
  $('errorCode').textContent = coded.code;
  $('errorTitle').textContent = coded.title || t('error.title');
  $('errorWords').textContent = coded.message;
  $('errorAction').textContent = coded.action || '';
  $('errorRelogin').hidden = !['MS-1011', 'MS-1012', 'MS-1004', 'MS-1007'].includes(coded.code);
  $('errorForgot').hidden = !['MS-5015', 'MS-5016'].includes(coded.code);
  show('error');
}

/** A refusal made on the phone, with the catalogue's code where one fits. */
export function refusal(code, wordsKey) {
  const error = new Error(t(wordsKey));
  error.code = code;
  return error;
}

export function busy(textKey) {
  $('busy').hidden = !textKey;
  $('busyText').textContent = textKey ? t(textKey) : '';
}

async function showStatus() {
  const [device, session, signing, bound] = await Promise.all([get('device'), get('session'), get('signing'),
    get('eportal')]);
  $('stateDevice').textContent = device ? device.name + ' (' + device.deviceId.slice(0, 8) + ')' : t('state.none');
  $('stateUser').textContent = session ? session.name + ' ' + session.employeeNumber + ' ' + session.siteName
    : t('state.notLoggedIn');
  $('stateCertificate').textContent = signing ? t('state.' + signing.status) + ' ' + signing.serial.slice(0, 12)
    : t('state.none');
  $('stateEPortal').textContent = bound ? t('state.eportalBound') : t('state.none');
}

function start() {
  translate();
  $('appVersion').textContent = APP_VERSION + ' build ' + APP_BUILD;
  document.querySelectorAll('[data-go]').forEach((b) => b.addEventListener('click', () => show(b.dataset.go)));
  $('back').addEventListener('click', () => history.back());
  $('language').addEventListener('click', () => {
    setLanguage(language() === 'zh-TW' ? 'en' : 'zh-TW');
    translate();
    showStatus().catch(fail);
  });
  window.addEventListener('popstate', (e) => show(e.state?.screen || 'home', false));
  credential.wire();
  eportal.wire();
  history.replaceState({screen: 'home'}, '', '#/home');
  show('home', false);
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js').catch(() => {
      // the app works without its offline shell
    });
  }
  document.body.dataset.ready = 'true';
}

start();
