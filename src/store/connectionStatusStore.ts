import { create } from 'zustand';
import { initialLinkStatus, type ExchangeLinkStatus } from '../domain/connectionState';
import type { ExchangeId } from '../domain/exchange';

interface ConnectionStatusState {
  byExchange: Record<ExchangeId, ExchangeLinkStatus>;
  setStatus: (status: ExchangeLinkStatus) => void;
}

export const useConnectionStatusStore = create<ConnectionStatusState>()((set) => ({
  byExchange: { binance: initialLinkStatus('binance'), okx: initialLinkStatus('okx') },
  setStatus: (status) =>
    set((state) => ({ byExchange: { ...state.byExchange, [status.exchange]: status } })),
}));

export const selectLinkStatus = (exchange: ExchangeId) => (state: ConnectionStatusState) =>
  state.byExchange[exchange];
