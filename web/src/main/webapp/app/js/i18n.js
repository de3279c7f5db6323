// The app's words, zh-TW first, English too; the server answers refusals in the same language (Accept-Language).
const WORDS = {
  'zh-TW': {
    'app.title': '行動憑證 App', 'app.subtitle': '醫事人員行動簽章', 'lang.other': 'English',
    'nav.home': '首頁', 'nav.back': '返回',
    'home.bind': '線上綁定裝置', 'home.login': '登入', 'home.enrol': '憑證申請', 'home.download': '下載憑證',
    'home.eportal': 'E Portal 綁定裝置', 'home.batch': '批次簽章作業', 'home.forgot': '忘記PIN碼',
    'home.codes': '錯誤代碼說明', 'home.logout': '登出',
    'state.device': '裝置', 'state.user': '登入者', 'state.certificate': '憑證', 'state.none': '尚未設定',
    'state.notLoggedIn': '尚未登入', 'state.ISSUED': '正常（尚未下載）', 'state.DOWNLOADED': '已下載',
    'state.REVOKED': '已註銷', 'state.EXPIRED': '已過期', 'state.eportal': 'E Portal', 'state.eportalBound': '已綁定',
    'qr.scan': '掃描 QR Code', 'qr.stop': '停止掃描', 'qr.or': '或輸入 QR Code 下方的連結',
    'qr.link': 'QR Code 連結', 'qr.found': '已讀取 QR Code', 'qr.noCamera': '無法開啟相機，請輸入連結。',
    'bind.title': '線上綁定裝置', 'bind.code': 'QR Code 密碼（10 碼）', 'bind.submit': '綁定',
    'bind.done': '裝置綁定成功', 'bind.hint': '在 Portal「行動裝置管理 → 匯入載具 → 取得QRCode」後，掃描畫面上的 QR Code，並輸入其下方的 10 碼密碼。',
    'login.title': '登入', 'login.site': '院區代碼', 'login.account': '員工編號', 'login.password': 'Portal 密碼',
    'login.submit': '登入', 'login.done': '登入成功',
    'enrol.title': '憑證申請', 'enrol.hint': '在 Portal「申請憑證」完成後，掃描「取得 QRCode 成功」畫面上的 QR Code。',
    'enrol.pin': '設定簽章 PIN（金鑰保護密碼，6–12 位數字）', 'enrol.pin2': '再輸入一次簽章 PIN',
    'enrol.submit': '申請憑證', 'enrol.done': '憑證申請成功（正常），請下載憑證。', 'enrol.working': '正在產生金鑰並申請憑證…',
    'pin.digits': '簽章 PIN 須為 6 到 12 位數字。', 'pin.common': '此簽章 PIN 太容易被猜到，請換一組。',
    'pin.mismatch': '兩次輸入的簽章 PIN 不同。',
    'download.title': '下載憑證', 'download.pin': '簽章 PIN', 'download.submit': '下載憑證',
    'download.done': '憑證下載完成（已下載）', 'download.none': '沒有可下載的憑證：請先完成憑證申請。',
    'eportal.title': 'E Portal 綁定裝置', 'eportal.hint': '請在院內網路（醫院 Wi-Fi）下進行，只需一次。',
    'eportal.submit': '綁定裝置',
    'batch.title': '批次簽章作業', 'batch.refresh': '重新整理', 'batch.all': '全選', 'batch.sign': '簽章',
    'batch.empty': '沒有待簽章的病歷', 'batch.count': '待簽 {0} 筆，已選 {1} 筆', 'batch.none': '請先選擇要簽章的病歷。',
    'batch.delay': '延遲簽章原因（超過 24 小時的病歷）', 'batch.delayNeeded': '所選病歷有超過 24 小時者，請選擇延遲簽章原因。',
    'batch.overdue': '已逾時', 'batch.read': '閱讀',
    'delay.none': '請選擇', 'delay.emergency': '急診或急救處置', 'delay.offDuty': '休假或輪班', 'delay.system': '系統異常',
    'delay.late': '補簽',
    'pin.title': '輸入簽章 PIN', 'pin.label': '簽章 PIN（金鑰保護密碼）', 'pin.ok': '確定', 'pin.cancel': '取消',
    'record.title': '病歷內容',
    'result.success': '成功', 'result.partial': '部分完成', 'result.failed': '未完成任何簽章', 'result.refused': '未能簽章：',
    'error.title': '錯誤', 'error.action': '處理方式', 'error.explain': '這是什麼意思？', 'error.update': '更新 App',
    'forgot.title': '忘記PIN碼',
    'forgot.text': '簽章 PIN 無法找回，也不能重設：沒有它，簽章金鑰就無法使用，這是設計上的保護。忘記時請重新申請憑證：',
    'forgot.step1': '在電腦上登入 Portal →「行動憑證申請」→「申請憑證」，選擇這支手機，插入醫事人員卡完成申請，畫面會顯示 QR Code 與密碼。',
    'forgot.step2': '在本 App 點「重新申請憑證」，掃描該 QR Code、輸入密碼，並設定新的簽章 PIN。',
    'forgot.step3': '再點「下載憑證」，以新的簽章 PIN 下載；下載完成（已下載）後，這支手機的舊憑證會自動註銷。',
    'forgot.apply': '重新申請憑證',
    'recover.note': '上次的憑證申請在保護簽章金鑰之前中斷（App 被關閉或手機關機）。簽章金鑰只存在當時的記憶體中，已無法取回，這張憑證不能使用：請重新申請憑證。',
    'forgot.lock': '簽章 PIN 連續輸入錯誤 3 次後，簽章將依序暫時鎖定 1 分鐘、5 分鐘、30 分鐘，之後每次 24 小時；鎖定由伺服器計算，複製手機資料也無法繞過。',
    'codes.title': '錯誤代碼說明', 'codes.text': 'App 顯示的每個錯誤都有代碼（MS-xxxx）、說明與處理方式。需要協助時，請將錯誤畫面截圖並聯絡資訊室。',
    'codes.search': '搜尋代碼或文字', 'codes.offline': '目前無法取得錯誤代碼表，請連上網路後再試。',
    'codes.link': 'Portal 常見問題及錯誤代碼對照表', 'version': 'App 版本',
    'err.MS-3009': 'QR Code 不正確：不是本系統的 QR Code，或用途不符。請重新掃描 Portal 上的 QR Code。',
    'err.noDevice': '此手機尚未綁定：請先完成「線上綁定裝置」。', 'err.noLogin': '請先登入。',
    'err.noSigning': '此手機沒有已下載的憑證：請先完成憑證申請與下載。',
    'err.digest': '病歷內容與清單不符，未簽章。請重新整理後再試。',
  },
  'en': {
    'app.title': 'Credential app', 'app.subtitle': 'Mobile signing for staff', 'lang.other': '中文',
    'nav.home': 'Home', 'nav.back': 'Back',
    'home.bind': 'Bind device online', 'home.login': 'Log in', 'home.enrol': 'Apply for certificate',
    'home.download': 'Download certificate', 'home.eportal': 'E Portal: bind device', 'home.batch': 'Batch signing',
    'home.forgot': 'Forgot PIN', 'home.codes': 'Error codes', 'home.logout': 'Log out',
    'state.device': 'Device', 'state.user': 'Logged in', 'state.certificate': 'Certificate', 'state.none': 'not set up',
    'state.notLoggedIn': 'not logged in', 'state.ISSUED': 'issued (not downloaded)', 'state.DOWNLOADED': 'downloaded',
    'state.REVOKED': 'revoked', 'state.EXPIRED': 'expired', 'state.eportal': 'E Portal', 'state.eportalBound': 'bound',
    'qr.scan': 'Scan QR code', 'qr.stop': 'Stop scanning', 'qr.or': 'or type the link shown under the QR code',
    'qr.link': 'QR code link', 'qr.found': 'QR code read', 'qr.noCamera': 'Cannot open the camera; type the link.',
    'bind.title': 'Bind device online', 'bind.code': 'QR code password (10 characters)', 'bind.submit': 'Bind',
    'bind.done': 'Device bound', 'bind.hint': 'On the Portal, open Devices → Import → Get QR code, scan it and type the 10-character password under it.',
    'login.title': 'Log in', 'login.site': 'Site code', 'login.account': 'Employee number',
    'login.password': 'Portal password', 'login.submit': 'Log in', 'login.done': 'Logged in',
    'enrol.title': 'Apply for certificate', 'enrol.hint': 'After applying on the Portal, scan the QR code it shows.',
    'enrol.pin': 'Choose a signing PIN (6–12 digits)', 'enrol.pin2': 'Signing PIN again', 'enrol.submit': 'Apply',
    'enrol.done': 'Certificate issued; download it now.', 'enrol.working': 'Making the key and applying…',
    'pin.digits': 'The signing PIN must be 6 to 12 digits.', 'pin.common': 'This signing PIN is too easy to guess; choose another.',
    'pin.mismatch': 'The two PINs differ.',
    'download.title': 'Download certificate', 'download.pin': 'Signing PIN', 'download.submit': 'Download',
    'download.done': 'Certificate downloaded', 'download.none': 'No certificate to download: apply first.',
    'eportal.title': 'E Portal: bind device', 'eportal.hint': 'Once, on the hospital network (hospital Wi-Fi).',
    'eportal.submit': 'Bind device',
    'batch.title': 'Batch signing', 'batch.refresh': 'Refresh', 'batch.all': 'Select all', 'batch.sign': 'Sign',
    'batch.empty': 'No records to sign', 'batch.count': '{0} pending, {1} selected', 'batch.none': 'Select records to sign first.',
    'batch.delay': 'Reason for signing late (records past 24 hours)', 'batch.delayNeeded': 'Some selected records are past 24 hours: choose a reason.',
    'batch.overdue': 'overdue', 'batch.read': 'Read',
    'delay.none': 'Choose', 'delay.emergency': 'Emergency care', 'delay.offDuty': 'Off duty or shift change',
    'delay.system': 'System problem', 'delay.late': 'Signed late',
    'pin.title': 'Signing PIN', 'pin.label': 'Signing PIN', 'pin.ok': 'OK', 'pin.cancel': 'Cancel',
    'record.title': 'Record',
    'result.success': 'Success', 'result.partial': 'Partly done', 'result.failed': 'Nothing was signed', 'result.refused': 'Not signed:',
    'error.title': 'Error', 'error.action': 'What to do', 'error.explain': 'What does this mean?', 'error.update': 'Update the app',
    'forgot.title': 'Forgot PIN',
    'forgot.text': 'The signing PIN cannot be recovered or reset: without it the signing key cannot be used, by design. If you forgot it, apply for a new certificate:',
    'forgot.step1': 'On a PC, log in to the Portal → Mobile credential → Apply for certificate, choose this phone and complete it with your healthcare professional card; it shows a QR code and its password.',
    'forgot.step2': 'In this app tap "Apply again", scan that QR code, type its password and choose a new signing PIN.',
    'forgot.step3': 'Then tap "Download certificate" with the new PIN; once downloaded, this phone\'s old certificate is revoked.',
    'forgot.apply': 'Apply again',
    'recover.note': 'The last certificate application stopped before the signing key was protected (the app was closed or the phone turned off). The key existed only in memory and is gone, so that certificate cannot be used: apply again.',
    'forgot.lock': 'After 3 wrong signing PINs, signing locks for 1, 5, 30 minutes, then 24 hours each time; the server counts, so copying the phone\'s data does not get around it.',
    'codes.title': 'Error codes', 'codes.text': 'Every error the app shows has a code (MS-xxxx), its words and what to do. If you need help, take a screenshot of the error and contact IT.',
    'codes.search': 'Search a code or words', 'codes.offline': 'The error-code table cannot be fetched now; try again when online.',
    'codes.link': 'Portal FAQ and error codes', 'version': 'App version',
    'err.MS-3009': 'Wrong QR code: not one of this system\'s, or for another purpose. Scan the Portal\'s QR code again.',
    'err.noDevice': 'This phone is not bound yet: bind it first.', 'err.noLogin': 'Please log in first.',
    'err.noSigning': 'No downloaded certificate on this phone: apply and download first.',
    'err.digest': 'The record differs from the list; nothing was signed. Refresh and try again.',
  },
};

// zh-TW unless the user chose English here: the project's first language, whatever the phone's own setting.
let current = localStorage.getItem('medsign.lang') || 'zh-TW';

export const language = () => current;

export function setLanguage(lang) {
  current = lang;
  localStorage.setItem('medsign.lang', lang);
}

export function t(key, ...args) {
  const text = WORDS[current][key] ?? WORDS['zh-TW'][key] ?? key;
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
}

/** Fills every element with data-i18n (text) or data-i18n-label (aria-label, placeholder). */
export function translate(root = document) {
  document.documentElement.lang = current;
  root.querySelectorAll('[data-i18n]').forEach((e) => {
    e.textContent = t(e.dataset.i18n);
  });
}
