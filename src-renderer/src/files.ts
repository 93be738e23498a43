import { FILE_ERRORS, MAX_RESUME_BYTES } from '../../src-shared/resume';

/** Refuses what we already know is too big before reading it; the host checks everything again. */
export function checkFile(file: File): string | null {
  if (file.size === 0) return FILE_ERRORS.empty;
  if (file.size > MAX_RESUME_BYTES) return FILE_ERRORS.tooLarge;
  return null;
}

export async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk)
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

export function downloadBase64(fileName: string, mime: string, dataBase64: string): void {
  const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0));
  save(fileName, new Blob([bytes], { type: mime }));
}

export function downloadText(fileName: string, mime: string, text: string): void {
  save(fileName, new Blob([text], { type: mime }));
}

function save(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
