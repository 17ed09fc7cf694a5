import type { Strings } from '../../i18n/catalogue';

/** 5 天 / 5 days; "today" on the day the deadline passed (0 whole days). */
export function daysOverdueText(days: number, strings: Strings): string {
  if (days === 0) return strings.cases.today;
  return days === 1 ? strings.cases.oneDay : strings.cases.days.replace('{days}', String(days));
}
