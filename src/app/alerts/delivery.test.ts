import { beforeEach, describe, expect, it } from 'vitest';
import type { AlertRule, AlertSubject, FiredAlert } from '../../domain/alerts/rule';
import { useAlertsStore, type NotificationAccess } from '../../store/alertsStore';
import { createAlertTone, type ToneContext } from './alertTone';
import { alertPath } from './alertPath';
import { deliverAlerts, watchTitle, type DesktopNotice } from './delivery';

const hot: AlertRule = {
  id: 'hot',
  condition: { kind: 'funding-level', target: { scope: 'every' }, basis: 'current', side: 'above', level: 0.3 },
  paused: false,
  hysteresis: 0.05,
  cooldownMs: 0,
  createdAt: 0,
};

function fired(subject: AlertSubject, text: string): FiredAlert {
  return { id: text, ruleId: 'hot', time: 1, subject, values: { kind: 'level', value: 0.35, level: 0.3, side: 'above' }, text };
}

const btc = fired({ kind: 'contract', exchange: 'binance', symbol: 'BTCUSDT' }, 'BTCUSDT (Binance) annualised funding 35% is above 30%');
const pair = fired({ kind: 'pair', coin: 'BTC', margin: 'linear' }, 'BTC linear pair net carry 35% is above 30%');

/** Delivery with recording fakes in place of the browser's notifications, audio, focus and router. */
function recorder() {
  const notices: DesktopNotice[] = [];
  const log: string[] = [];
  const options = {
    notify: (notice: DesktopNotice) => notices.push(notice),
    tone: () => log.push('tone'),
    focus: () => log.push('focus'),
    navigate: (path: string) => log.push(`navigate ${path}`),
  };
  return { notices, log, options };
}

function given(notifications: NotificationAccess, sound: boolean): void {
  useAlertsStore.setState({ ...useAlertsStore.getInitialState(), rules: [hot], notifications, sound }, true);
}

beforeEach(() => useAlertsStore.setState(useAlertsStore.getInitialState(), true));

describe('alert delivery', () => {
  it('shows a desktop notification per alert while permitted, titled by the rule and tagged with its id', () => {
    given('granted', false);
    const { notices, log, options } = recorder();
    deliverAlerts([btc, pair], options);
    expect(notices.map(({ title, body, tag }) => ({ title, body, tag }))).toEqual([
      { title: 'Any contract annualised funding above 30%', body: btc.text, tag: 'hot' },
      { title: 'Any contract annualised funding above 30%', body: pair.text, tag: 'hot' },
    ]);
    notices[0]!.onClick();
    notices[1]!.onClick();
    expect(log).toEqual(['focus', 'navigate /charts/binance/BTCUSDT', 'focus', 'navigate /carry?pair=BTC%3Alinear']);
  });

  it('shows none when the permission is refused or unsupported, and plays one tone per delivery while the sound is on', () => {
    for (const access of ['denied', 'unsupported', 'default'] as const) {
      given(access, true);
      const { notices, log, options } = recorder();
      deliverAlerts([btc, pair], options);
      expect(notices).toEqual([]);
      expect(log).toEqual(['tone']);
    }
    given('granted', false);
    const { log, options } = recorder();
    deliverAlerts([btc], options);
    expect(log).toEqual([]);
  });

  it('opens a contract’s chart, a pair in the Carry view, the options view, and nothing for a venue', () => {
    expect(alertPath({ kind: 'contract', exchange: 'okx', symbol: 'BTC-USDT-SWAP' })).toBe('/charts/okx/BTC-USDT-SWAP');
    expect(alertPath({ kind: 'contract', exchange: 'binance', symbol: '币安人生USDT' })).toBe('/charts/binance/%E5%B8%81%E5%AE%89%E4%BA%BA%E7%94%9FUSDT');
    expect(alertPath({ kind: 'pair', coin: 'ETH', margin: 'inverse' })).toBe('/carry?pair=ETH%3Ainverse');
    expect(alertPath({ kind: 'chain', exchange: 'okx', underlying: 'BTC-USD' })).toBe('/options?exchange=okx&underlying=BTC-USD');
    expect(alertPath({ kind: 'exchange', exchange: 'okx' })).toBeNull();
  });

  it('counts unseen alerts in the title and restores it once they are seen', () => {
    const page = { title: 'Funding Desk' };
    const stop = watchTitle(page);
    useAlertsStore.setState({ unseen: 2 });
    expect(page.title).toBe('(2) Funding Desk');
    useAlertsStore.setState({ unseen: 3 });
    expect(page.title).toBe('(3) Funding Desk');
    useAlertsStore.setState({ unseen: 0 });
    expect(page.title).toBe('Funding Desk');
    stop();
    useAlertsStore.setState({ unseen: 1 });
    expect(page.title).toBe('Funding Desk');
  });
});

describe('the alert tone', () => {
  function fakeAudio(state: AudioContextState = 'running') {
    const log: string[] = [];
    const made: number[] = [];
    const context = {
      state,
      currentTime: 2,
      destination: { name: 'speakers' },
      resume: () => {
        log.push('resume');
        return Promise.resolve();
      },
      createGain: () => {
        const gain = { gain: { value: 1 }, connect: (to: { name: string }) => (log.push(`gain ${gain.gain.value} → ${to.name}`), to) };
        return gain;
      },
      createOscillator: () => {
        const oscillator = {
          frequency: { value: 0 },
          connect: <Node>(to: Node) => (log.push(`oscillator ${oscillator.frequency.value} Hz → gain`), to),
          start: () => log.push('start'),
          stop: (at: number) => log.push(`stop at ${at}`),
        };
        return oscillator;
      },
    };
    return { log, made, make: () => (made.push(1), context as unknown as ToneContext) };
  }

  it('beeps for 150 ms with an oscillator, on one context made once', () => {
    const audio = fakeAudio();
    const tone = createAlertTone(audio.make);
    tone.play();
    tone.play();
    expect(audio.made).toEqual([1]);
    const beep = ['oscillator 880 Hz → gain', 'gain 0.1 → speakers', 'start', 'stop at 2.15'];
    expect(audio.log).toEqual([...beep, ...beep]);
  });

  it('resumes a suspended context, and stays silent where there is no Web Audio', () => {
    const audio = fakeAudio('suspended');
    createAlertTone(audio.make).prime();
    expect(audio.log).toEqual(['resume']);
    const silent = createAlertTone(() => {
      throw new ReferenceError('AudioContext is not defined');
    });
    expect(() => silent.play()).not.toThrow();
  });
});
