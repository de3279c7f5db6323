// The E Portal app's screens: 綁定裝置 (M19), 批次簽章作業 (M22: list, read, select), 簽章 with the PIN once for the
// whole batch (M23), 重新整理 (M24), and delay reasons for records past 24 hours.
import {api} from './api.js';
import {get, put} from './store.js';
import {t} from './i18n.js';
import {b64, open, unb64} from './keys.js';
import {hex, sha256, signDer, signedData} from './pki.js';
import {busy, fail, refusal, show} from './main.js';
import {boundAndLoggedIn} from './credential.js';
import {explain} from './catalogue.js';

const $ = (id) => document.getElementById(id);
const enc = new TextEncoder();
const TIME = new Intl.DateTimeFormat('zh-TW', {timeZone: 'Asia/Taipei', year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false});

let items = [];
let pinAnswer = null;
/** Only the latest load of the list shows (entering the screen and 重新整理 may overlap). */
let generation = 0;

async function bindEPortal() {
  const {device, session} = await boundAndLoggedIn();
  busy('eportal.submit');
  const message = enc.encode('medsign-eportal-v1\n' + session.employeeNumber + '\n' + device.deviceId);
  const bound = await api.bindEPortal(device.deviceId, b64(await signDer(device.privateKey, message)));
  await put('eportal', {deviceId: device.deviceId, boundAt: bound.boundAt});
  busy(null);
  $('eportalDone').textContent = bound.message;
  $('eportalDone').hidden = false;
}

function render() {
  const list = $('pendingList');
  list.replaceChildren();
  for (const item of items) {
    const r = item.record;
    const line = document.createElement('li');
    line.className = 'pending-item' + (r.deadline === 'OVERDUE' ? ' overdue' : '');
    line.dataset.recordId = r.recordId;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = item.selected;
    box.setAttribute('aria-label', r.typeName + ' ' + r.patientMasked);
    box.addEventListener('change', () => {
      item.selected = box.checked;
      count();
    });
    const text = document.createElement('button');
    text.type = 'button';
    text.className = 'pending-text';
    const type = document.createElement('strong');
    type.textContent = r.typeName;
    const who = document.createElement('span');
    who.textContent = r.patientMasked + '(' + r.chartNumber + ')';
    const when = document.createElement('small');
    when.textContent = TIME.format(new Date(r.modifiedAt)) + (r.deadline === 'OVERDUE' ? ' · ' + t('batch.overdue') : '');
    text.append(type, who, when);
    text.addEventListener('click', () => read(r.recordId).catch(fail));
    line.append(box, text);
    list.append(line);
  }
  $('batchEmpty').hidden = items.length > 0;
  count();
}

function count() {
  const chosen = items.filter((i) => i.selected);
  $('batchCount').textContent = t('batch.count', items.length, chosen.length);
  $('selectAll').checked = items.length > 0 && chosen.length === items.length;
  $('delayField').hidden = !chosen.some((i) => i.record.deadline === 'OVERDUE');
}

async function load(refresh) {
  const mine = ++generation;
  busy('batch.refresh');
  try {
    if (refresh) {
      await api.refresh();
    }
    const list = await api.pending(true);
    if (mine === generation) {
      items = list.items.map((i) => ({...i, selected: false}));
      busy(null);
      render();
    }
  } catch (e) {
    if (mine === generation) {
      throw e;
    }
  }
}

/** The login is gone: the list (patients' masked names, charts) leaves the screen with it. */
export function forget() {
  generation++;
  items = [];
  render();
}

export async function enterBatch() {
  if (!(await get('session'))) {
    throw refusal('MS-1011', 'err.noLogin');
  }
  await load(false);
}

async function read(recordId) {
  busy('batch.read');
  const record = await api.record(recordId);
  const r = record.record;
  $('recordHead').textContent = r.typeName + '  ' + r.patientMasked + '(' + r.chartNumber + ')  '
      + TIME.format(new Date(r.modifiedAt));
  $('recordText').textContent = record.text;
  busy(null);
  show('record');
}

/** Asks the signing PIN once for the batch; null when cancelled. */
function askPin() {
  $('pinInput').value = '';
  $('pinDialog').hidden = false;
  $('pinInput').focus();
  return new Promise((resolve) => {
    pinAnswer = resolve;
  });
}

function answerPin(pin) {
  $('pinDialog').hidden = true;
  const resolve = pinAnswer;
  pinAnswer = null;
  if (resolve) {
    resolve(pin);
  }
}

async function sign() {
  const chosen = items.filter((i) => i.selected);
  if (chosen.length === 0) {
    $('batchCount').textContent = t('batch.none');
    return;
  }
  const delayReason = $('delayReason').value;
  if (chosen.some((i) => i.record.deadline === 'OVERDUE') && !delayReason) {
    $('batchCount').textContent = t('batch.delayNeeded');
    return;
  }
  const [signing, device] = await Promise.all([get('signing'), get('device')]);
  if (!signing || !signing.certificate || !device) {
    throw refusal('MS-5002', 'err.noSigning');
  }
  const pin = await askPin();
  if (pin === null) {
    return;
  }
  const started = performance.now();
  busy('batch.sign');
  const key = await open(signing, device, pin);
  const signed = await Promise.all(chosen.map(async (item) => {
    const content = unb64(item.canonical);
    if (hex(await sha256(content)) !== item.record.digest) {
      throw refusal('MS-5005', 'err.digest');
    }
    const entry = {recordId: item.record.recordId, cms: b64(await signedData(key, signing.certificate, content))};
    if (item.record.deadline === 'OVERDUE') {
      entry.delayReason = delayReason;
    }
    return entry;
  }));
  const answer = await api.sign({batchId: crypto.randomUUID(), deviceId: device.deviceId, items: signed});
  busy(null);
  showResult(answer, performance.now() - started);
}

function showResult(answer, millis) {
  const {signed, refused} = answer.result;
  $('resultHead').textContent = signed === 0 ? t('result.failed') : refused === 0 ? t('result.success')
    : t('result.partial');
  $('resultHead').className = 'result-head ' + (refused === 0 && signed > 0 ? 'ok' : 'warn');
  $('resultLine').textContent = answer.message;
  $('result').dataset.millis = String(Math.round(millis));
  const list = $('refusedList');
  list.replaceChildren();
  for (const item of answer.result.items.filter((i) => i.result === 'REFUSED')) {
    const line = document.createElement('li');
    // each refused item's code opens its entry in 錯誤代碼說明, as the error screen's 這是什麼意思 does
    const code = document.createElement('button');
    code.type = 'button';
    code.className = 'code code-link';
    code.textContent = item.code;
    code.addEventListener('click', () => {
      explain(item.code);
      show('codes');
    });
    line.append(code, ' ' + item.recordId + '：' + item.message);
    list.append(line);
  }
  show('result');
}

export function wire() {
  $('eportalSubmit').addEventListener('click', () => bindEPortal().catch(fail));
  $('refresh').addEventListener('click', () => load(true).catch(fail));
  $('selectAll').addEventListener('change', () => {
    items.forEach((i) => {
      i.selected = $('selectAll').checked;
    });
    render();
  });
  $('signButton').addEventListener('click', () => sign().catch(fail));
  $('pinOk').addEventListener('click', () => answerPin($('pinInput').value));
  $('pinCancel').addEventListener('click', () => answerPin(null));
  $('pinInput').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      answerPin($('pinInput').value);
    }
  });
}
