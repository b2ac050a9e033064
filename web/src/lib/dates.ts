/** Date helpers around dayjs (the date library antd pickers use). */
import dayjs, { type Dayjs } from 'dayjs';
import { ISO_DATE } from './calendar';

export { currentYearVn, isIsoDate } from './calendar';

/** Display format of dates in pickers, matching core/format.ts. */
export const DATE_FORMAT = 'DD/MM/YYYY';

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
