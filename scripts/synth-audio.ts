/**
 * Synthesises every sound Accord plays and writes them as WAV files to assets/audio/.
 * Run with `npm run assets:audio`. Deterministic: the same script writes the same bytes,
 * so the committed files can be checked against it (see synth-audio.test.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RATE = 22050;

/** A small seeded generator, so noise is the same on every run. */
function noiseSource(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 4294967296) * 2 - 1;
  };
}

type Signal = (t: number, i: number) => number;

function render(seconds: number, signal: Signal): Float32Array {
  const n = Math.round(seconds * RATE);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = signal(i / RATE, i);
  return out;
}

const env = (t: number, attack: number, decay: number) => (t < attack ? t / attack : Math.exp(-(t - attack) / decay));
const sine = (f: number, t: number) => Math.sin(2 * Math.PI * f * t);

/** One-pole low-pass over a buffer, for softer noise. */
function lowpass(x: Float32Array, amount: number): Float32Array {
  const y = new Float32Array(x.length);
  let prev = 0;
  for (let i = 0; i < x.length; i++) {
    prev += amount * (x[i]! - prev);
    y[i] = prev;
  }
  return y;
}

function normalise(x: Float32Array, peak: number): Float32Array {
  let max = 0;
  for (const v of x) max = Math.max(max, Math.abs(v));
  const k = max > 0 ? peak / max : 0;
  return x.map((v) => v * k);
}

/** 16-bit PCM mono WAV. */
export function wav(samples: Float32Array): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((v, i) => data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(v * 32767))), i * 2));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** Bell-like tone: a few inharmonic partials with their own decays. */
const bell = (f: number, t: number, decay: number) =>
  (sine(f, t) + 0.5 * sine(f * 2.01, t) * Math.exp(-t / (decay * 0.5)) + 0.25 * sine(f * 3.02, t) * Math.exp(-t / (decay * 0.3))) * env(t, 0.004, decay);

export const SOUNDS: Record<string, () => Float32Array> = {
  select: () => normalise(render(0.06, (t) => sine(1046.5, t) * env(t, 0.002, 0.015)), 0.5),
  redraft: () => {
    const noise = noiseSource(1);
    const scratch = render(0.18, (t) => noise() * env(t, 0.01, 0.05) * (0.6 + 0.4 * sine(38, t)));
    return normalise(lowpass(scratch, 0.35), 0.45);
  },
  stamp: () => {
    const noise = noiseSource(2);
    return normalise(render(0.25, (t) => (0.9 * sine(95, t) + 0.5 * noise() * Math.exp(-t / 0.01)) * env(t, 0.002, 0.06)), 0.8);
  },
  page: () => {
    const noise = noiseSource(3);
    const swish = render(0.32, (t) => noise() * Math.sin(Math.PI * Math.min(1, t / 0.32)) ** 2);
    return normalise(lowpass(swish, 0.18), 0.4);
  },
  news: () => normalise(render(0.7, (t) => bell(659.25, t, 0.25) + (t > 0.14 ? bell(880, t - 0.14, 0.3) : 0)), 0.55),
  good: () => normalise(render(0.8, (t) => [523.25, 659.25, 783.99].reduce((s, f, k) => s + (t > k * 0.09 ? bell(f, t - k * 0.09, 0.35) : 0), 0)), 0.55),
  bad: () => normalise(render(0.8, (t) => [440, 349.23].reduce((s, f, k) => s + (t > k * 0.16 ? 0.8 * sine(f, t - k * 0.16) * env(t - k * 0.16, 0.01, 0.25) : 0), 0)), 0.5),
  signing: () => normalise(render(2.4, (t) => [523.25, 659.25, 783.99, 1046.5].reduce((s, f, k) => s + (t > k * 0.12 ? bell(f, t - k * 0.12, 0.9) : 0), 0)), 0.6),
  // Loops: every partial completes whole cycles in 8 s and the swell has a period of 8 s, so the seam is silent.
  'ambience-map': () =>
    normalise(render(8, (t) => (sine(110, t) + 0.6 * sine(165, t) + 0.35 * sine(220.25, t)) * (0.6 + 0.4 * Math.sin((2 * Math.PI * t) / 8))), 0.18),
  'ambience-table': () => {
    const noise = noiseSource(4);
    const room = lowpass(lowpass(render(8, () => noise()), 0.02), 0.05);
    // Cross-fade the ends so the loop has no click.
    const n = room.length;
    const fade = Math.round(0.5 * RATE);
    for (let i = 0; i < fade; i++) {
      const k = i / fade;
      room[i] = room[i]! * k + room[n - fade + i]! * (1 - k);
    }
    return normalise(room.subarray(0, n - fade), 0.15);
  },
};

export function writeAll(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(SOUNDS).map(([name, make]) => {
    const file = `${dir}/${name}.wav`;
    writeFileSync(file, wav(make()));
    return file;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const written = writeAll(fileURLToPath(new URL('../assets/audio', import.meta.url)));
  process.stdout.write(`wrote ${written.length} sounds to assets/audio/\n`);
}
