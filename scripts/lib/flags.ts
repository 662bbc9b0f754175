/** A numeric command-line flag, or undefined when absent; anything else than a number is an error. */
export function numberFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`--${name} expects a number, got "${text}"`);
  return value;
}
