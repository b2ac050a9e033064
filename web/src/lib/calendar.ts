/** Date checks that need no date library: the route search validators and the dashboard use them (no dayjs). */

/** The API's date form, 'YYYY-MM-DD'. */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a well-formed 'YYYY-MM-DD' string. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value);
}

/** The current calendar year in Vietnam (UTC+7): the latest year a report may be made for. */
export function currentYearVn(now = Date.now()): number {
  return new Date(now + 7 * 3_600_000).getUTCFullYear();
}
