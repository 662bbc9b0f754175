import type { AlertSubject } from '../../domain/alerts/rule';
import { pairKey } from '../../domain/contractPairs';

/** Where a fired alert's subject is shown: a contract's chart, a pair on the Carry desk, a chain on the Options page; none for a venue. */
export function alertPath(subject: AlertSubject): string | null {
  switch (subject.kind) {
    case 'contract':
      return `/charts/${subject.exchange}/${encodeURIComponent(subject.symbol)}`;
    case 'pair':
      return `/carry?${new URLSearchParams({ pair: pairKey(subject.coin, subject.margin) })}`;
    case 'chain':
      return `/options?${new URLSearchParams({ exchange: subject.exchange, underlying: subject.underlying })}`;
    case 'exchange':
      return null;
  }
}
