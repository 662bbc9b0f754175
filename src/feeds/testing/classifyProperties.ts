import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { Inbound, WireProtocol } from '../../connection/wireProtocol';
import { arbitraryLike, asFrameText, mutatedFrom, propertyParameters } from './jsonMutations';

function expectReadable(inbound: Inbound): void {
  switch (inbound.kind) {
    case 'data':
      expect(inbound.topicKey).not.toBe('');
      return;
    case 'ack':
      expect(inbound.requestId === null || Number.isSafeInteger(inbound.requestId)).toBe(true);
      expect(inbound.topicKey === null || typeof inbound.topicKey === 'string').toBe(true);
      return;
    case 'request-error':
      expect(Number.isSafeInteger(inbound.requestId) || inbound.requestId === null).toBe(true);
      expect(typeof inbound.code).toBe('string');
      expect(typeof inbound.message).toBe('string');
      return;
    case 'server-error':
    case 'subscriptions-dropped':
    case 'reconnect-notice':
      expect(typeof inbound.code).toBe('string');
      expect(typeof inbound.message).toBe('string');
      return;
    case 'pong':
      return;
    case 'malformed':
    case 'unknown':
      // The socket counts these as noise: the refusal is counted, with a reason to show.
      expect(inbound.reason).not.toBe('');
      return;
  }
}

/** A protocol's classifier and snapshot key over PROPERTY_RUNS texts each: never throw, always say what a frame is. */
export function classifyProperties(protocol: WireProtocol<unknown>, frames: readonly unknown[]): void {
  const check = (raw: string) => {
    expectReadable(protocol.classify(raw));
    const key = protocol.snapshotKey?.(raw) ?? null;
    expect(key === null || typeof key === 'string').toBe(true);
  };
  it('classifies mutated recorded frames', () => {
    fc.assert(fc.property(mutatedFrom(frames).map(asFrameText), check), propertyParameters);
  });
  it('classifies arbitrary JSON, frames with arbitrary field values, and text that is no JSON', () => {
    const texts = fc.oneof(arbitraryLike(frames).map(asFrameText), fc.string(), fc.string({ unit: 'binary' }));
    fc.assert(fc.property(texts, check), propertyParameters);
  });
}
