// The camera reads the portal's QR code: the browser's BarcodeDetector where it has one, else jsQR (fetched and
// pinned by the build into vendor/). Also the QR link's rules, as medsign-mobile's TicketLink reads them.

let stream = null;

export async function scan(video, onText) {
  stop();
  stream = await navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment'}, audio: false});
  video.srcObject = stream;
  video.hidden = false;
  await video.play();
  const detector = 'BarcodeDetector' in window
      && (await window.BarcodeDetector.getSupportedFormats()).includes('qr_code')
    ? new window.BarcodeDetector({formats: ['qr_code']}) : null;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', {willReadFrequently: true});
  const tick = async () => {
    if (!stream) {
      return;
    }
    let text = null;
    if (video.videoWidth > 0) {
      if (detector) {
        const found = await detector.detect(video);
        text = found.length ? found[0].rawValue : null;
      } else {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0);
        const image = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = window.jsQR(image.data, image.width, image.height, {inversionAttempts: 'dontInvert'});
        text = code ? code.data : null;
      }
    }
    if (text) {
      stop();
      video.hidden = true;
      onText(text);
    } else {
      setTimeout(tick, 150);
    }
  };
  tick();
}

export function stop() {
  if (stream) {
    stream.getTracks().forEach((track) => track.stop());
    stream = null;
  }
}

/** medsign://bind?v=1&server=<base URL>&ticket=<id> (or enrol) of this server; otherwise MS-3009. */
export function ticketLink(text, purpose, server) {
  // read by hand: browsers disagree on the host of a URL with a non-special scheme
  const match = /^medsign:\/\/([a-z]+)\?(.*)$/.exec((text || '').trim());
  if (!match) {
    return null;
  }
  const q = new URLSearchParams(match[2]);
  const ticket = q.get('ticket');
  const of = (u) => (u || '').replace(/\/+$/, '');
  if (match[1] !== purpose || q.get('v') !== '1' || !ticket || !/^[A-Za-z0-9_-]{22,64}$/.test(ticket)
      || of(q.get('server')) !== of(server)) {
    return null;
  }
  return {purpose, server: of(q.get('server')), ticket};
}
