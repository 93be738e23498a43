import { FILE_ERRORS, MAX_RESUME_BYTES } from '../../../src-shared/resume';
import { fileError } from './errors';
import { readZipDirectory } from './zip';

export type FileKind = 'pdf' | 'docx' | 'text';

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  signature.every((b, i) => bytes[at + i] === b);

/** Formats people try to upload that we do not read; recognised so they get the clear message, not a garbled parse. */
const FOREIGN_SIGNATURES: number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0xd0, 0xcf, 0x11, 0xe0], // OLE: legacy .doc, .xls
  [0x4d, 0x5a], // MZ: Windows executables
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // {\rtf
  [0x52, 0x49, 0x46, 0x46], // RIFF (webp, wav)
  [0x1f, 0x8b], // gzip
];

/**
 * Decides what a file is from its bytes, never its name, and refuses what we cannot read with the exact
 * message the candidate sees. Size and emptiness are checked first so nothing large is inspected further.
 */
export function detectKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) throw fileError('empty');
  if (bytes.length > MAX_RESUME_BYTES) throw fileError('tooLarge');
  const head = bytes.subarray(0, 1024);
  const pdfAt = Buffer.from(head).indexOf('%PDF-');
  if (pdfAt >= 0) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const entries = readZipDirectory(bytes);
    // A zip we cannot list is a damaged Word file if it names one in its first local header; otherwise not ours.
    if (!entries) {
      if (Buffer.from(bytes.subarray(0, 4096)).includes('word/')) throw fileError('damaged');
      throw fileError('unsupported');
    }
    if (entries.some((e) => e.name === 'word/document.xml')) return 'docx';
    throw fileError('unsupported');
  }
  if (FOREIGN_SIGNATURES.some((sig) => startsWith(bytes, sig))) throw fileError('unsupported');
  const text = decodeText(bytes);
  if (text === null) throw fileError('unsupported');
  if (text.replace(/[\s\u00a0\u200b\ufeff]+/g, '') === '') throw fileError('empty');
  return 'text';
}

/** UTF-8 (or UTF-16 with a byte-order mark) without NUL bytes, else null: binary is not text. */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    if (startsWith(bytes, [0xff, 0xfe]))
      text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    else if (startsWith(bytes, [0xfe, 0xff]))
      text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    else text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (text.includes('\0')) return null;
  // Control characters other than tab, newlines and form feed mean binary that happens to be valid UTF-8.
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > Math.max(2, text.length / 1000)) return null;
  return text.replace(/^\uFEFF/, '');
}

export { FILE_ERRORS };
