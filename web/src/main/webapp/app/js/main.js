// The app's shell: one screen at a time (history-aware, so the phone's back button works), the status on 首頁,
// refusals shown with their code, words and what to do, and the service worker that keeps the shell offline.
import {ApiError} from './api.js';
import {get, remove} from './store.js';
import {setLanguage, language, t, translate} from './i18n.js';
import {entry, enterCodes, explain} from './catalogue.js';
import * as credential from './credential.js';
import * as eportal from './eportal.js';

// Sent when binding (DeviceInfo), as medsign-mobile sends its own; the server refuses one below its minimum (M26).
export const APP_VERSION = '2.1.0';
export const APP_BUILD = 2;

/** The app's login is gone (expired, or the Portal password changed: M27): the answer is to log in again. */
const LOG_IN_AGAIN = ['MS-1011', 'MS-1012', 'MS-1004', 'MS-1007'];
/** The signing PIN is wrong, locked or cannot be opened: the way on is 忘記PIN碼's new application. */
const APPLY_AGAIN = ['MS-5015', 'MS-5016', 'MS-4013', 'MS-4014'];

const $ = (id) => document.getElementById(id);
const ENTER = {
  home: showStatus, download: credential.enterDownload, batch: eportal.enterBatch, codes: enterCodes,
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

/** The screen in front, for coming back to it after logging in again. */
const current = () => document.querySelector('.screen:not([hidden])')?.id || 'home';

/**
 * Any refusal, with the catalogue's code, words and what to do: a lost login goes to 登入 (and back to where the
 * user was afterwards), anything else to the error screen, whose 這是什麼意思 opens the code in 錯誤代碼說明.
 */
export function fail(error, note = '') {
  busy(null);
  const coded = error instanceof ApiError ? error
    : {code: error.code || 'MS-9000', title: '', message: error.message, action: ''};
  if (LOG_IN_AGAIN.includes(coded.code)) {
    logInAgain(coded).catch(() => show('login'));
    return;
  }
  $('errorCode').textContent = coded.code;
  $('errorTitle').textContent = coded.title || t('error.title');
  $('errorNote').textContent = note;
  $('errorNote').hidden = !note;
  $('errorWords').textContent = coded.message;
  $('errorAction').textContent = coded.action || '';
  $('errorUpdate').hidden = coded.code !== 'MS-3013';
  $('errorForgot').hidden = !APPLY_AGAIN.includes(coded.code);
  show('error');
  if (!coded.title || !coded.action) {
    // a refusal made on the phone: its title and what to do are the catalogue's
    entry(coded.code).then((e) => {
      if (e && $('errorCode').textContent === coded.code) {
        $('errorTitle').textContent = coded.title || e.title;
        $('errorAction').textContent = coded.action || e.action;
      }
    });
  }
}

/** 登入 with the code's words on top; the old token is dropped (it will never work again). */
async function logInAgain(coded) {
  const from = current();
  const old = await get('session');
  await remove('session');
  eportal.forget();
  credential.afterLogin(['login', 'error'].includes(from) ? 'home' : from);
  $('loginNoticeCode').textContent = coded.code;
  $('loginNoticeWords').textContent = coded.message;
  const e = coded.action ? coded : await entry(coded.code);
  $('loginNoticeAction').textContent = e?.action || '';
  $('loginNotice').hidden = false;
  if (old) {
    $('loginSite').value = old.siteCode || $('loginSite').value;
    $('loginAccount').value = old.employeeNumber;
  }
  show('login');
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

/** M26 for a web app: "update" is the server's current shell, so drop the kept one and load afresh. */
async function updateApp() {
  const registration = await navigator.serviceWorker?.getRegistration();
  await registration?.unregister();
  await Promise.all((await caches.keys()).map((name) => caches.delete(name)));
  location.replace(location.pathname);
}

function start() {
  translate();
  $('appVersion').textContent = APP_VERSION + ' build ' + APP_BUILD;
  document.querySelectorAll('[data-go]').forEach((b) => b.addEventListener('click', () => show(b.dataset.go)));
  $('back').addEventListener('click', () => history.back());
  $('language').addEventListener('click', () => {
    setLanguage(language() === 'zh-TW' ? 'en' : 'zh-TW');
    translate();
    const enter = ENTER[current()];
    if (enter) {
      enter().catch(fail);
    }
  });
  $('errorExplain').addEventListener('click', () => {
    explain($('errorCode').textContent);
    show('codes');
  });
  $('loginExplain').addEventListener('click', () => {
    explain($('loginNoticeCode').textContent);
    show('codes');
  });
  $('errorUpdate').addEventListener('click', () => updateApp().catch(() => location.reload()));
  window.addEventListener('popstate', (e) => show(e.state?.screen || 'home', false));
  credential.wire();
  eportal.wire();
  history.replaceState({screen: 'home'}, '', '#/home');
  show('home', false);
  credential.unfinishedEnrolment().then((stopped) => {
    if (stopped) {
      fail(stopped, t('recover.note'));
    }
  }).catch(fail).finally(() => {
    document.body.dataset.ready = 'true';
  });
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js').catch(() => {
      // the app works without its offline shell
    });
  }
}

start();
