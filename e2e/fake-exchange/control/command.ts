/** A control request with bad input: answered 400 `{ ok: false, error }`. */
export class ControlError extends Error {}

/** A POST endpoint of the control API: it reads its query and, for those that take one (`/inject`), the request body. */
export type Command = (query: URLSearchParams, body: string) => Record<string, unknown>;
