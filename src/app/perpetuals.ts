import { acquireFeed } from './workerClient';

/** Keeps both exchanges' perpetual feeds running in the ingest worker until released. */
export function acquirePerpetualFeeds(): () => void {
  return acquireFeed({ feed: 'perpetuals' });
}
