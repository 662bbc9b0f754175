/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_BINANCE_FUTURES_WS: string;
  readonly VITE_BINANCE_FUTURES_REST: string;
  readonly VITE_BINANCE_OPTIONS_WS: string;
  readonly VITE_BINANCE_OPTIONS_REST: string;
  readonly VITE_OKX_WS: string;
  readonly VITE_OKX_BUSINESS_WS: string;
  readonly VITE_OKX_REST: string;
  readonly VITE_OKX_EEA_WS: string;
  readonly VITE_OKX_EEA_BUSINESS_WS: string;
  readonly VITE_OKX_EEA_REST: string;
  readonly VITE_OKX_US_WS: string;
  readonly VITE_OKX_US_BUSINESS_WS: string;
  readonly VITE_OKX_US_REST: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
