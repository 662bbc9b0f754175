import type { Endpoint } from '../../connection/connectionHub';
import { okxProtocol, type OkxArg } from './okxProtocol';

export function okxEndpoint(kind: 'public' | 'business', wsUrl: string, restBase: string): Endpoint<OkxArg> {
  return {
    id: `okx ${kind} ${wsUrl}`,
    exchange: 'okx',
    url: wsUrl,
    protocol: okxProtocol,
    probeUrl: `${restBase}/api/v5/public/time`,
  };
}
