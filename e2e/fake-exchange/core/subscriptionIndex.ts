/** Who listens to what, keyed by stream/channel key, so a push finds its subscribers without a scan. */
export class SubscriptionIndex<Subscriber> {
  private readonly byKey = new Map<string, Set<Subscriber>>();

  add(key: string, subscriber: Subscriber): void {
    let subscribers = this.byKey.get(key);
    if (!subscribers) {
      subscribers = new Set();
      this.byKey.set(key, subscribers);
    }
    subscribers.add(subscriber);
  }

  remove(key: string, subscriber: Subscriber): void {
    const subscribers = this.byKey.get(key);
    if (!subscribers) return;
    subscribers.delete(subscriber);
    if (subscribers.size === 0) this.byKey.delete(key);
  }

  subscribers(key: string): ReadonlySet<Subscriber> | undefined {
    return this.byKey.get(key);
  }

  keys(): IterableIterator<string> {
    return this.byKey.keys();
  }
}
