import QRCode from 'qrcode';
import type { Content } from 'pdfmake/interfaces.js';

export type QrErrorLevel = 'L' | 'M' | 'Q' | 'H';

export interface QrOptions {
  /** Quiet zone in modules. The QR standard asks for 4; inside a framed layout 1–2 is enough. */
  margin?: number;
  /** 'M' (15 % recovery) survives a scuffed print without making the code much denser. */
  errorLevel?: QrErrorLevel;
}

/** The QR code as an SVG document (vector, so it stays sharp at any print size). */
export async function qrSvg(text: string, options: QrOptions = {}): Promise<string> {
  return QRCode.toString(text, {
    type: 'svg',
    margin: options.margin ?? 1,
    errorCorrectionLevel: options.errorLevel ?? 'M',
  });
}

/** The QR code as a PNG `data:` URL, for places that want a raster image (web pages, e-mail). */
export async function qrDataUrl(text: string, options: QrOptions & { pixelsPerModule?: number } = {}): Promise<string> {
  return QRCode.toDataURL(text, {
    type: 'image/png',
    margin: options.margin ?? 1,
    errorCorrectionLevel: options.errorLevel ?? 'M',
    scale: options.pixelsPerModule ?? 8,
  });
}

/** A square pdfmake node of `size` points showing the QR code of `text`. */
export async function qrContent(text: string, size: number, options: QrOptions = {}): Promise<Content> {
  return { svg: await qrSvg(text, options), width: size, height: size };
}
