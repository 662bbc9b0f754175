/** A control request with bad input: answered 400 `{ ok: false, error }`. */
export class ControlError extends Error {}
