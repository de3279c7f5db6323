// The public mobile API (/medsign/api/v1, see its OpenAPI document), as medsign-mobile speaks it. A refusal is an
// ApiError with the catalogue's code, title, words and what to do, in the app's language.
import {get} from './store.js';
import {language} from './i18n.js';

export const BASE = new URL('../api/v1/', document.baseURI).href;

export class ApiError extends Error {
  constructor(problem, status) {
    super(problem.detail || problem.title || ('HTTP ' + status));
    this.code = problem.code || 'MS-9000';
    this.title = problem.title || '';
    this.action = problem.action || '';
    this.status = status;
  }
}

async function call(method, path, body, accept = 'application/json') {
  const session = await get('session');
  const headers = {'Accept': accept + ', application/problem+json', 'Accept-Language': language()};
  if (session) {
    headers['Authorization'] = 'Bearer ' + session.token;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(BASE + path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store', credentials: 'omit'});
  } catch (e) {
    throw new ApiError({code: 'MS-9003', detail: e.message}, 0);
  }
  const type = response.headers.get('Content-Type') || '';
  if (type.startsWith('application/problem+json')) {
    throw new ApiError(await response.json(), response.status);
  }
  if (!response.ok) {
    throw new ApiError({code: 'MS-9000', detail: 'HTTP ' + response.status}, response.status);
  }
  return accept === 'application/json' ? response.json() : response.text();
}

export const api = {
  health: () => call('GET', 'health'),
  errors: () => call('GET', 'errors'),
  login: (site, account, password) => call('POST', 'sessions', {site, account, password}),
  bind: (body) => call('POST', 'devices', body),
  enrol: (body) => call('POST', 'enrolments', body),
  certificates: () => call('GET', 'certificates'),
  chain: (serial) => call('GET', 'certificates/' + encodeURIComponent(serial) + '/chain', undefined,
      'application/pem-certificate-chain'),
  acknowledge: (serial, signature) => call('POST', 'certificates/' + encodeURIComponent(serial) + '/acknowledgement',
      {signature}),
  setPin: (serial, verifier, keySignature) => call('POST', 'certificates/' + encodeURIComponent(serial) + '/pin',
      {verifier, keySignature}),
  tryPin: (serial, verifier, deviceSignature) => call('POST',
      'certificates/' + encodeURIComponent(serial) + '/pin/tries', {verifier, deviceSignature}),
  bindEPortal: (deviceId, deviceSignature) => call('POST', 'eportal/bindings', {deviceId, deviceSignature}),
  pending: (content) => call('GET', 'pending?page=0&size=250&content=' + content),
  record: (id) => call('GET', 'pending/' + id),
  refresh: () => call('POST', 'pending/refresh'),
  sign: (batch) => call('POST', 'signatures', batch),
};
