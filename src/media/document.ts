import type { DocumentBlock, DocumentFormat } from '@aws-sdk/client-bedrock-runtime';
import { invalidRequest } from '../common/errors/api-error';
import { decodeDataUrl } from './data-url';
import { MAX_DOCUMENT_BYTES } from './media-limits';

const BY_MEDIA_TYPE: Record<string, DocumentFormat> = {
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/html': 'html',
  'text/plain': 'txt',
  'text/markdown': 'md',
};
const BY_EXTENSION = new Set<string>(Object.values(BY_MEDIA_TYPE));

/**
 * Bedrock document names allow alphanumerics, single spaces, hyphens, parentheses and square brackets
 * (DocumentBlock.name, 1–200 chars); anything else in a filename becomes a space.
 */
function documentName(filename: string | undefined, index: number): string {
  const base = (filename ?? '').replace(/\.[^.]+$/, '');
  const clean = base
    .replace(/[^a-zA-Z0-9\s\-()[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  return clean || `document-${index + 1}`;
}

function formatOf(mediaType: string, filename: string | undefined): DocumentFormat | undefined {
  const byType = BY_MEDIA_TYPE[mediaType];
  if (byType) return byType;
  const ext = filename?.split('.').pop()?.toLowerCase();
  return ext && BY_EXTENSION.has(ext) ? (ext as DocumentFormat) : undefined;
}

/** A file given inline: a `data:` URL and, optionally, the client's file name. */
export interface InlineFile {
  file_data?: string;
  filename?: string;
}

/** An inline file (`file_data` data URL) → a Bedrock document block. */
export function toDocumentBlock(part: { file: InlineFile }, param: string, index: number): DocumentBlock {
  const { mediaType, bytes } = decodeDataUrl(part.file.file_data ?? '', `${param}.file.file_data`);
  const format = formatOf(mediaType, part.file.filename);
  if (!format) {
    throw invalidRequest(
      `Unsupported document type '${mediaType}' in '${param}': Bedrock accepts pdf, csv, doc, docx, xls, xlsx, html, txt and md.`,
      `${param}.file.file_data`,
      'unsupported_file_type',
    );
  }
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw invalidRequest(
      `The document in '${param}' is ${bytes.length} bytes; Bedrock's limit is ${MAX_DOCUMENT_BYTES}.`,
      param,
      'file_too_large',
    );
  }
  return { name: documentName(part.file.filename, index), format, source: { bytes } };
}
