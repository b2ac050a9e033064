/** Date helpers around dayjs (the date library antd pickers use). */
import dayjs, { type Dayjs } from 'dayjs';

/** Display format of dates in pickers, matching core/format.ts. */
export const DATE_FORMAT = 'DD/MM/YYYY';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A picker value as the API's 'YYYY-MM-DD'. */
export function toIsoDate(value: Dayjs): string {
  return value.format('YYYY-MM-DD');
}

/** Today's date as 'YYYY-MM-DD' in the browser's time zone. */
export function todayIso(): string {
  return toIsoDate(dayjs());
}

/** Parses 'YYYY-MM-DD' for a picker; undefined for anything else. */
export function fromIsoDate(value: string | undefined | null): Dayjs | undefined {
  if (!value || !ISO_DATE.test(value)) return undefined;
  const d = dayjs(value, 'YYYY-MM-DD');
  return d.isValid() ? d : undefined;
}

/** True for a well-formed 'YYYY-MM-DD' string. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value);
}

/** The current calendar year in Vietnam (UTC+7): the latest year a report may be made for. */
export function currentYearVn(now = Date.now()): number {
  return new Date(now + 7 * 3_600_000).getUTCFullYear();
}
