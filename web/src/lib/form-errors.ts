/** Maps field errors of a problem document onto an antd form. */
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** The form field a problem path points at: 'body.email', '/email' and 'email' all give 'email'. */
export function fieldNameOf(path: string): string {
  const parts = path.split(/[./]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

/**
 * Puts the server's per-field messages under the matching inputs.
 * Returns true when at least one message found its field (the rest stay for the alert).
 */
export function applyFieldErrors<T>(form: FormInstance<T>, err: unknown, fields: readonly string[]): boolean {
  if (!(err instanceof ApiError) || !err.problem.errors?.length) return false;
  const known = err.problem.errors
    .map((e) => ({ name: fieldNameOf(e.path), message: e.message }))
    .filter((e) => fields.includes(e.name));
  if (known.length === 0) return false;
  // biome-ignore lint/suspicious/noExplicitAny: antd's NamePath type is generic over the form values.
  form.setFields(known.map((e) => ({ name: e.name as any, errors: [e.message] })));
  return true;
}

/** True when `err` carries a message for one of `fields` (shown under the input, so no alert is needed). */
export function hasFieldErrors(err: unknown, fields: readonly string[]): boolean {
  return err instanceof ApiError && !!err.problem.errors?.some((e) => fields.includes(fieldNameOf(e.path)));
}
