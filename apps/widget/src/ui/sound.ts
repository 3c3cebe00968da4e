import type { KeyValueStore } from '../core/store';

const KEY = 'flowdesk:sound';

/** A short two-tone chime through Web Audio (no audio file to download). Off unless the visitor turns it on. */
export class Sound {
  private ctx: AudioContext | null = null;
  enabled: boolean;

  constructor(private readonly store: KeyValueStore) {
    this.enabled = store.getItem(KEY) === 'on';
  }

  toggle(): boolean {
    this.enabled = !this.enabled;
    this.store.setItem(KEY, this.enabled ? 'on' : 'off');
    if (this.enabled) this.play();
    return this.enabled;
  }

  play(): void {
    if (!this.enabled || typeof AudioContext === 'undefined') return;
    this.ctx ??= new AudioContext();
    const ctx = this.ctx;
    const gain = ctx.createGain();
    gain.connect(ctx.destination);
    gain.gain.setValueAtTime(0.08, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.35);
    [880, 1320].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      osc.frequency.value = freq;
      osc.connect(gain);
      osc.start(ctx.currentTime + i * 0.09);
      osc.stop(ctx.currentTime + 0.35);
    });
  }
}
