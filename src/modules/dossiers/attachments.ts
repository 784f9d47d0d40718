import { errors } from '../../platform/http/app-error.js';
import { sniffScanType } from '../../platform/files/file-types.js';
import type { FilesPort } from './ports.js';
import type { FileRef } from './rules/events.js';

/** A file as a client names it in a request: the key the upload answered, and what to call it. */
export type AttachedFileInput = { key: string; name: string };

type FieldProblem = { path: string; message: string; messageEn: string };

/**
 * Turns the files a request refers to into references a dossier event may hold: each must be
 * stored (an upload that failed must not leave a dossier pointing at nothing) and be a PDF, JPEG or
 * PNG by its content — the type is read from the stored bytes, never taken from the client.
 * Read before the action's transaction (the embedded database has one connection).
 */
export async function resolveFiles(files: FilesPort, wanted: { path: string; file: AttachedFileInput }[]): Promise<Map<string, FileRef>> {
  const out = new Map<string, FileRef>();
  const problems: FieldProblem[] = [];
  for (const { path, file } of wanted) {
    const content = await files.get(file.key);
    if (!content || content.length === 0) {
      problems.push({ path, message: `Tệp "${file.name}" chưa được lưu trên hệ thống; hãy tải tệp lên lại.`, messageEn: `The file "${file.name}" is not stored; upload it again.` });
      continue;
    }
    const type = sniffScanType(content);
    if (!type) {
      problems.push({ path, message: `Tệp "${file.name}" không phải PDF, JPEG hoặc PNG.`, messageEn: `The file "${file.name}" is not a PDF, JPEG or PNG.` });
      continue;
    }
    out.set(path, { key: file.key, name: file.name, type });
  }
  if (problems.length) throw errors.validation(problems);
  return out;
}
