/** A Binance REST error: `{"code":-1121,"msg":"Invalid symbol."}` with its HTTP status. */
export class BinanceApiError extends Error {
  constructor(
    readonly code: number,
    readonly msg: string,
    readonly status = 400,
  ) {
    super(msg);
  }
}

export const invalidSymbol = () => new BinanceApiError(-1121, 'Invalid symbol.');
export const invalidInterval = () => new BinanceApiError(-1120, 'Invalid interval.');
export const missingParameter = (name: string) =>
  new BinanceApiError(-1102, `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`);
export const illegalCharacters = (name: string) =>
  new BinanceApiError(-1100, `Illegal characters found in parameter '${name}'; legal range is '^[0-9]{1,20}$'.`);
export const pathNotFound = (path: string, method: string) => new BinanceApiError(-5000, `Path ${path}, Method ${method} is invalid`, 404);
