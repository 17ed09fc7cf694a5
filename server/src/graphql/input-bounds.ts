import { badInput } from './errors';

/** Control characters other than tab and line breaks: never part of a report, often part of an attack. */
const isControl = (character: string) => {
  const code = character.charCodeAt(0);
  return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127;
};

/** What is wrong with a free text argument (too long, control characters, missing when `required`), or null. */
export function textProblem(value: string | null | undefined, field: string, max: number, required = false) {
  const text = value?.trim() ?? '';
  if (!text) return required ? `${field} must not be empty` : null;
  if ([...text].length > max) return `${field} must be at most ${max.toLocaleString('en')} characters`;
  if ([...text].some(isControl)) return `${field} must not contain control characters`;
  return null;
}

/**
 * A free text argument, trimmed: within `max` characters, without control characters,
 * and present when `required`. Edge values are BAD_USER_INPUT, never an internal error.
 */
export function boundedText(
  value: string | null | undefined,
  field: string,
  max: number,
  required = false,
): string | null {
  const problem = textProblem(value, field, max, required);
  if (problem) throw badInput(problem);
  return value?.trim() || null;
}

/** Codes of places asked for together: `min` to `max` of them, each a code-sized text. */
export function boundedCodes(codes: string[], what: string, min: number, max: number): string[] {
  if (codes.length < min || codes.length > max) throw badInput(`Name ${min} to ${max} ${what}, not ${codes.length}`);
  for (const code of codes) boundedText(code, 'code', 100, true);
  return codes;
}

/** Dates this service can mean: from 2000 to 2100. */
export function plausibleDate(date: Date, field: string): Date {
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 2000 || year > 2100)
    throw badInput(`${field} must lie between the years 2000 and 2100`);
  return date;
}
