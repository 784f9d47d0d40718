export { DOCUMENT_FONT, TINOS_FILES, detectImageType, imageDataUrl, renderPdf } from './pdf.js';
export type { Content, DocumentDefinition } from './pdf.js';
export { qrContent, qrDataUrl, qrSvg } from './qr.js';
export type { QrErrorLevel, QrOptions } from './qr.js';
export {
  DOCUMENT_TIME_ZONE,
  calendarParts,
  formatDong,
  formatViDate,
  formatViDateTime,
  formatViDateTimeShort,
  formatViInteger,
  officialDate,
  officialPlaceDate,
} from './vi-format.js';
export type { CalendarParts, DateInput } from './vi-format.js';
export {
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  OFFICIAL_PAGE_MARGINS,
  mm,
  officialDocument,
  officialHeading,
  officialTitle,
  signatureBlock,
  signatureRow,
} from './official-style.js';
export type { OfficialDocumentOptions, OfficialHeadingOptions, SignatureOptions } from './official-style.js';
export { estimateTextWidth, fitFontSize } from './text-fit.js';
export type { FitOptions } from './text-fit.js';
export {
  TemplateDataError,
  buildTemplateDocument,
  documentTemplateSchema,
  parseDocumentTemplate,
  renderTemplatePdf,
} from './template.js';
export type { BuiltTemplate, DocumentTemplate, TemplateBlock, TemplateRenderOptions } from './template.js';
export { BLANK, FORMATTERS } from './template-text.js';
