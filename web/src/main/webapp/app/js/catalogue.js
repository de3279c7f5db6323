// 錯誤代碼說明 (M25–M26): the server's own error catalogue (GET /api/v1/errors) in the app's language, so that the app
// explains a code with the same words as the FAQ page and the refusal itself. The last copy is kept in the app's
// storage: a phone off the network (MS-9003) can still look its code up.
import {api} from './api.js';
import {get, put} from './store.js';
import {language, t} from './i18n.js';

const $ = (id) => document.getElementById(id);
/** Fetched once per language and page load; the screen fetches afresh each time it opens. */
const loaded = new Map();
let wanted = null;

async function catalogue(fresh) {
  const lang = language();
  if (!fresh && loaded.has(lang)) {
    return loaded.get(lang);
  }
  let entries;
  try {
    entries = await api.errors();
    await put('errors.' + lang, entries);
  } catch (e) {
    entries = await get('errors.' + lang);
    if (!entries) {
      throw e;
    }
  }
  loaded.set(lang, entries);
  return entries;
}

/** The catalogue's entry of a code, or null when neither the server nor the kept copy has it. */
export async function entry(code) {
  try {
    return (await catalogue(false)).find((e) => e.code === code) || null;
  } catch (e) {
    return null;
  }
}

/** The code the screen should open at (the one the user asked about), before it is shown. */
export function explain(code) {
  wanted = code;
}

function render(entries, asked) {
  const query = $('codesSearch').value.trim().toLowerCase();
  const list = $('codesList');
  list.replaceChildren();
  for (const e of entries) {
    if (query && !(e.code + ' ' + e.title + ' ' + e.message + ' ' + e.action).toLowerCase().includes(query)) {
      continue;
    }
    const item = document.createElement('li');
    item.id = 'code-' + e.code;
    item.className = 'code-entry' + (e.code === asked ? ' wanted' : '');
    const head = document.createElement('p');
    const code = document.createElement('span');
    code.className = 'code';
    code.textContent = e.code;
    const title = document.createElement('strong');
    title.textContent = e.title;
    head.append(code, ' ', title);
    const words = document.createElement('p');
    words.textContent = e.message;
    const action = document.createElement('p');
    action.className = 'hint';
    action.textContent = t('error.action') + '：' + e.action;
    item.append(head, words, action);
    list.append(item);
  }
}

export async function enterCodes() {
  // asked once: opened later from 首頁, the list marks nothing
  const asked = wanted;
  wanted = null;
  $('codesProblem').hidden = true;
  $('codesList').replaceChildren();
  // the asked code opens the list at its entry; a search typed earlier would hide it
  $('codesSearch').value = '';
  let entries;
  try {
    entries = await catalogue(true);
  } catch (e) {
    // not an error screen: this screen is where error screens send the user
    $('codesProblem').textContent = t('codes.offline');
    $('codesProblem').hidden = false;
    return;
  }
  render(entries, asked);
  const target = asked && document.getElementById('code-' + asked);
  if (target) {
    target.scrollIntoView({block: 'center'});
  }
  $('codesSearch').oninput = () => render(entries, asked);
}
