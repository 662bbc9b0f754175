import { describe, expect, it } from 'vitest';
import { WaitingSnapshots, type SnapshotReader } from './waitingSnapshots';

function collect(waiting: WaitingSnapshots, during?: (raw: string) => void): [string, number, number][] {
  const read: [string, number, number][] = [];
  const reader: SnapshotReader = (raw, receivedAt, coalesced) => {
    read.push([raw, receivedAt, coalesced]);
    during?.(raw);
  };
  waiting.read(reader);
  return read;
}

describe('WaitingSnapshots', () => {
  it("hands over each topic's newest push with how many it replaced, topics in order of first arrival", () => {
    const waiting = new WaitingSnapshots();
    waiting.add('btc', 'btc 1', 10);
    waiting.add('eth', 'eth 1', 11);
    waiting.add('btc', 'btc 2', 12);
    waiting.add('sol', 'sol 1', 13);
    waiting.add('btc', 'btc 3', 14);
    expect(waiting.size).toBe(5);

    expect(collect(waiting)).toEqual([
      ['btc 3', 14, 2],
      ['eth 1', 11, 0],
      ['sol 1', 13, 0],
    ]);
    expect(waiting.size).toBe(0);
    expect(collect(waiting)).toEqual([]);
  });

  it('keeps what arrives during a read for the next one', () => {
    const waiting = new WaitingSnapshots();
    waiting.add('btc', 'btc 1', 10);
    waiting.add('eth', 'eth 1', 11);
    const first = collect(waiting, (raw) => {
      if (raw === 'btc 1') waiting.add('btc', 'btc 2', 12);
    });
    expect(first).toEqual([
      ['btc 1', 10, 0],
      ['eth 1', 11, 0],
    ]);
    expect(collect(waiting)).toEqual([['btc 2', 12, 0]]);
  });

  it('drops the rest of a read, and everything waiting, once cleared', () => {
    const waiting = new WaitingSnapshots();
    waiting.add('btc', 'btc 1', 10);
    waiting.add('eth', 'eth 1', 11);
    const read = collect(waiting, () => waiting.clear());
    expect(read).toEqual([['btc 1', 10, 0]]);

    waiting.add('sol', 'sol 1', 12);
    waiting.clear();
    expect(waiting.size).toBe(0);
    expect(collect(waiting)).toEqual([]);
  });
});
