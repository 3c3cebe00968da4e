import { performance } from 'node:perf_hooks';

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))] ?? Number.NaN;
};

/** CPU milliseconds (user + system) this process spent since `start` (from process.cpuUsage()). */
export const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};

export interface Timing {
  wall: number[];
  cpu: number[];
}

/**
 * Wall-clock and CPU milliseconds of each call of `fn`, after `warmup` untimed calls. CPU time is the
 * steadier number on a shared machine (other processes steal wall time, not our CPU time).
 */
export function timeEach(fn: () => void, runs: number, warmup = 3): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const timing: Timing = { wall: [], cpu: [] };
  for (let i = 0; i < runs; i++) {
    const [t, c] = [performance.now(), process.cpuUsage()];
    fn();
    timing.wall.push(performance.now() - t);
    timing.cpu.push(cpuMsSince(c));
  }
  return timing;
}

export const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
