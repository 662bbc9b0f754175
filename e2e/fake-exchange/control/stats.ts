import type { BinanceExchange } from '../binance/binanceExchange.ts';
import type { OkxExchange } from '../okx/okxExchange.ts';
import { perRegion } from '../okx/regions.ts';

/** What tests read to check what a client did: sockets, their subscriptions and traffic. */
export function exchangeStats(binance: BinanceExchange, okx: OkxExchange): unknown {
  const binanceConnections = [...binance.sockets.connections].map((connection) => ({
    path: connection.path,
    route: connection.route,
    combined: connection.combined,
    streams: [...connection.streams],
    sent: connection.sent,
    received: connection.received,
    openedAt: connection.openedAt,
  }));
  const okxConnections = [...okx.sockets.connections].map((connection) => ({
    path: connection.path,
    connId: connection.connId,
    region: connection.region,
    subscriptions: [...connection.args.values()],
    sent: connection.sent,
    received: connection.received,
    openedAt: connection.openedAt,
  }));
  return {
    binance: {
      openConnections: binanceConnections.length,
      connections: binanceConnections,
      refusedUpgrades: binance.sockets.refusedUpgrades,
      faults: binance.faults,
    },
    okx: {
      openConnections: okxConnections.length,
      connections: okxConnections,
      refusedUpgrades: okx.sockets.refusedUpgrades,
      faults: okx.faults,
      regions: perRegion((region) => ({
        openConnections: okxConnections.filter((connection) => connection.region === region).length,
        openedConnections: okx.sockets.opened[region],
        restRequests: okx.restRequests[region],
      })),
    },
  };
}
