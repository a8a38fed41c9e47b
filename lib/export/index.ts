// Public API of lib/export: pure formatters of the verified summary (data in, text out).
export type {
  Summary,
  SummaryArticle,
  SummaryClaim,
  SummaryCorrection,
  SummaryCorrectionItem,
  SummaryCommentRequest,
  SummaryCounts,
  SummaryGroup,
  SummaryInput,
  SummaryItem,
  SummarySource,
  SummaryReply,
} from "./types";
export { buildSummary, claimUrl, summaryItems, SUMMARY_VERDICT_ORDER } from "./summary";
export { labelsFor, LABELS, type Labels, type LabelLanguage } from "./labels";
export {
  formatLongDate,
  formatLongDay,
  isoDate,
  isoDateTime,
  parseIsoDate,
  zonedDayStart,
  zonedIsoDate,
} from "./dates";
export { escapeHtml, escapeMarkdown, escapeMarkdownLine, httpUrl } from "./escape";
export { toMarkdown } from "./markdown";
export { toHtml } from "./html";
export { toJson, summaryToJsonValue, SUMMARY_JSON_FORMAT } from "./json";
export {
  toCsv,
  csvRow,
  csvCellText,
  csvClaimValues,
  csvClaimRow,
  CSV_COLUMNS,
  CSV_BOM,
  type CsvColumn,
  type CsvOptions,
  type CsvSeparator,
  type CsvValue,
} from "./csv";
export {
  toClaimReview,
  buildClaimReviews,
  claimReviewScript,
  scriptSafeJson,
  speakerType,
  CLAIM_REVIEW_SCALE,
  type ClaimReview,
  type ClaimReviewOptions,
} from "./claimreview";
export {
  FORMATS,
  FORMAT_INFO,
  exportFileName,
  contentDisposition,
  isExportFormat,
  renderExport,
  slugify,
  type ExportFormat,
  type ExportOptions,
  type FormatInfo,
} from "./formats";
export {
  BULK_FORMATS,
  BULK_FORMAT_INFO,
  bulkExportChunks,
  bulkFileName,
  createRecordCounter,
  isBulkFormat,
  textStream,
  toCsvRows,
  toJsonLine,
  type BulkFormat,
  type BulkFormatInfo,
} from "./bulk";
export { singleLine, textLines, trimText } from "./text";
