/** QR codes of a share link (qrcode loads here, where it is used). */

/** The QR code of a URL as a PNG (error correction M, quiet zone of 4 modules). */
export async function qrPng(url: string, width = 600): Promise<Buffer> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width });
}

/** The QR code of a URL as an SVG document. */
export async function qrSvg(url: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}
