// Runs in the test browser page: draws a PDF page with pdf.js, as a viewer would, and reads the QR code
// under each label with jsQR. Served with pdf.js and jsQR by test/helpers/pdf-look.ts.
import * as pdfjs from '/pdfjs/pdf.min.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.min.mjs';
/** one worker for every PDF looked at: starting pdf.js's worker is most of the time of a look */
const worker = new pdfjs.PDFWorker();

/** The page's text runs in canvas pixels: left x, baseline y, width and font height. */
function textBoxes(content, viewport) {
  return content.items
    .filter((item) => typeof item.str === 'string' && item.str.trim() !== '')
    .map((item) => {
      const [, , c, d, x, y] = pdfjs.Util.transform(viewport.transform, item.transform);
      return { str: item.str.trim(), x, y, w: item.width * viewport.scale, h: Math.hypot(c, d) };
    });
}

/**
 * jsQR reads one code per call and can miss codes when several share the picture, so each code is read
 * alone: the square between its label and the first text below the label (the link printed under it).
 */
function codeUnder(label, boxes, context, canvas) {
  const below = boxes
    .filter((b) => b.y > label.y + 1 && b.x < label.x + label.w && b.x + b.w > label.x)
    .sort((a, b) => a.y - b.y)[0];
  const top = Math.round(label.y + label.h * 0.3);
  const side = Math.round(Math.min((below ? below.y - below.h : canvas.height) - top, canvas.width));
  const left = Math.round(Math.max(0, Math.min(label.x + label.w / 2 - side / 2, canvas.width - side)));
  if (side <= 0) return undefined;
  const image = context.getImageData(left, top, side, side);
  return globalThis.jsQR(image.data, side, side, { inversionAttempts: 'dontInvert' })?.data;
}

globalThis.lookAtPdf = async (url, scale, labels) => {
  const doc = await pdfjs.getDocument({ url, worker }).promise;
  try {
    return await look(doc, scale, labels);
  } finally {
    await doc.destroy();
  }
};

async function look(doc, scale, labels) {
  const page = await doc.getPage(1);
  const size = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  await page.render({ canvas, canvasContext: context, viewport }).promise;
  const content = await page.getTextContent();
  const boxes = textBoxes(content, viewport);
  const codes = boxes
    .filter((b) => labels.includes(b.str))
    .map((label) => ({ label: label.str, text: codeUnder(label, boxes, context, canvas) }));
  return {
    pages: doc.numPages,
    width: size.width,
    height: size.height,
    text: content.items.map((item) => item.str ?? '').join(''),
    png: canvas.toDataURL('image/png'),
    codes,
  };
}
globalThis.viewerReady = true;
