import { describe, expect, it } from 'vitest';
import { WaitingSnapshots, type MayWait, type SnapshotReader } from './waitingSnapshots';

function collect(waiting: WaitingSnapshots, during?: (raw: string) => void, mayWait?: MayWait): [string, number, number][] {
  const read: [string, number, number][] = [];
  const reader: SnapshotReader = (raw, receivedAt, superseded) => {
    read.push([raw, receivedAt, superseded]);
    during?.(raw);
  };
  waiting.read(reader, mayWait);
  return read;
}
const ethMayWait: MayWait = (key) => key === 'eth';

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

  it('keeps the newest push of a topic that may wait, unread, until a read without mayWait, counting every push it replaced', () => {
    const waiting = new WaitingSnapshots();
    waiting.add('eth', 'eth 1', 10);
    waiting.add('btc', 'btc 1', 11);
    waiting.add('eth', 'eth 2', 12);
    expect(collect(waiting, undefined, ethMayWait)).toEqual([['btc 1', 11, 0]]);
    expect(waiting.size).toBe(0);
    expect(waiting.hasDeferred).toBe(true);

    waiting.add('eth', 'eth 3', 13);
    waiting.add('btc', 'btc 2', 14);
    expect(collect(waiting, undefined, ethMayWait)).toEqual([['btc 2', 14, 0]]);
    // Nothing new arrived: a read that may let topics wait reads nothing.
    expect(collect(waiting, undefined, ethMayWait)).toEqual([]);

    expect(collect(waiting)).toEqual([['eth 3', 13, 2]]);
    expect(waiting.hasDeferred).toBe(false);
    expect(collect(waiting)).toEqual([]);
  });

  it('reads a waiting topic once mayWait says no, its newest push replacing the one that waited', () => {
    const waiting = new WaitingSnapshots();
    waiting.add('eth', 'eth 1', 10);
    expect(collect(waiting, undefined, ethMayWait)).toEqual([]);
    waiting.add('eth', 'eth 2', 11);
    expect(collect(waiting, undefined, () => false)).toEqual([['eth 2', 11, 1]]);
    expect(waiting.hasDeferred).toBe(false);
  });

  it('reads the topics that waited after the newly arrived ones, and drops them when cleared', () => {
    const waiting = new WaitingSnapshots();
    waiting.add('eth', 'eth 1', 10);
    collect(waiting, undefined, ethMayWait);
    waiting.add('btc', 'btc 1', 11);
    expect(collect(waiting)).toEqual([
      ['btc 1', 11, 0],
      ['eth 1', 10, 0],
    ]);

    waiting.add('eth', 'eth 2', 12);
    collect(waiting, undefined, ethMayWait);
    waiting.clear();
    expect(waiting.hasDeferred).toBe(false);
    expect(collect(waiting)).toEqual([]);
  });
});
