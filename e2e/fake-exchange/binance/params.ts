import { BinanceApiError, illegalCharacters, missingParameter } from './restErrors.ts';

/** Reads query parameters the way Binance validates them, throwing its errors. */
export class BinanceParams {
  constructor(private readonly query: URLSearchParams) {}

  optionalString(name: string): string | undefined {
    const value = this.query.get(name);
    return value === null || value === '' ? undefined : value;
  }

  requiredString(name: string): string {
    const value = this.optionalString(name);
    if (value === undefined) throw missingParameter(name);
    return value;
  }

  optionalInteger(name: string): number | undefined {
    const value = this.optionalString(name);
    if (value === undefined) return undefined;
    if (!/^[0-9]{1,20}$/.test(value)) throw illegalCharacters(name);
    return Number(value);
  }

  /** Binance's `limit`: default when absent, out-of-range values rejected. */
  limit(defaultLimit: number, maxLimit: number): number {
    const limit = this.optionalInteger('limit') ?? defaultLimit;
    if (limit < 1 || limit > maxLimit) throw new BinanceApiError(-1130, 'Invalid data sent for a parameter.');
    return limit;
  }
}
