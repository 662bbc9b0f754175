import type { ExchangeId } from '../domain/exchange';

/**
 * One key string per exchange and name (a symbol, an underlying), made once: a key built per
 * event is a new string each time, which every lookup by it (pending patches, rows, chains) must
 * flatten and hash again, where a kept key keeps its hash.
 */
export class KeyCache {
  private readonly keys: Record<ExchangeId, Map<string, string>> = { binance: new Map(), okx: new Map() };

  constructor(private readonly make: (exchange: ExchangeId, name: string) => string) {}

  /** The key, made on first use. */
  of(exchange: ExchangeId, name: string): string {
    let key = this.keys[exchange].get(name);
    if (key === undefined) this.keys[exchange].set(name, (key = this.make(exchange, name)));
    return key;
  }

  /** The key if it was made, without making it. */
  peek(exchange: ExchangeId, name: string): string | undefined {
    return this.keys[exchange].get(name);
  }

  delete(exchange: ExchangeId, name: string): void {
    this.keys[exchange].delete(name);
  }
}
