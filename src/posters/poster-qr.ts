import QRCode from 'qrcode';

/**
 * The QR code of a link as SVG markup (vector: sharp at any print size). Level M survives a smudge or a
 * fold; the 4-module quiet zone is what phone cameras need to find the code.
 */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}
