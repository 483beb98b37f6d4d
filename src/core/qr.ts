/**
 * QR codes of a URL, the one encoder every link uses (survey links and cards, follow-up enrolment,
 * share and referral links, story requests, posters): error correction M, a quiet zone of 4 modules
 * unless a layout draws its own. qrcode loads on first use.
 */

/** The QR code of a URL as a PNG `width` pixels wide. */
export async function qrPng(url: string, options: { width?: number; margin?: number } = {}): Promise<Buffer> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: options.margin ?? 4, width: options.width ?? 600 });
}

/** The QR code of a URL as an SVG document. */
export async function qrSvg(url: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}
