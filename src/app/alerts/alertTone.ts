const TONE_HZ = 880;
const TONE_SECONDS = 0.15;
const TONE_GAIN = 0.1;

/** The parts of Web Audio the tone uses. */
export type ToneContext = Pick<AudioContext, 'createOscillator' | 'createGain' | 'currentTime' | 'destination' | 'state' | 'resume'>;

export interface AlertTone {
  /** Creates or resumes the audio context: from a click, since a browser starts one made without a gesture suspended. */
  prime(): void;
  /** A short beep: no audio file, an oscillator for 150 ms. */
  play(): void;
}

export function createAlertTone(makeContext: () => ToneContext): AlertTone {
  let context: ToneContext | null = null;
  const ready = (): ToneContext | null => {
    try {
      context ??= makeContext();
      if (context.state === 'suspended') void context.resume().catch(() => undefined);
      return context;
    } catch {
      // No Web Audio here: the alert still shows as a toast and in the title.
      return null;
    }
  };
  return {
    prime() {
      ready();
    },
    play() {
      const audio = ready();
      if (!audio) return;
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = TONE_HZ;
      gain.gain.value = TONE_GAIN;
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start();
      oscillator.stop(audio.currentTime + TONE_SECONDS);
    },
  };
}
