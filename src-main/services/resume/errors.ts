import { AppError } from '../../../src-shared/errors';
import { FILE_ERRORS } from '../../../src-shared/resume';

export type FileErrorKind = keyof typeof FILE_ERRORS;

/** A file the candidate gave us cannot be used: the UI and CLI show `message` as it is. */
export function fileError(kind: FileErrorKind): AppError {
  return new AppError('VALIDATION_ERROR', FILE_ERRORS[kind], { field: 'file', reason: kind });
}

export function fileErrorKind(err: unknown): FileErrorKind | undefined {
  if (err instanceof AppError && err.details?.field === 'file') return err.details.reason as FileErrorKind;
  return undefined;
}
