/**
 * What a runtime bench reads from the environment: BENCH_SECONDS, each measured phase's length (the bench's own
 * default when unset), and BENCH_RATE, the messages/s its latency phases offer (default 10).
 */
export function benchKnobs(defaultSeconds: number) {
  return {
    seconds: Number(process.env.BENCH_SECONDS ?? defaultSeconds),
    rate: Number(process.env.BENCH_RATE ?? 10),
  };
}
