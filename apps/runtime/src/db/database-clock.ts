import { sql } from 'kysely';

/** The database's now() minus `ms`: one clock for every instance, whatever their own clocks say. */
export const databaseNowMinus = (ms: number) => sql<Date>`now() - (${ms} * interval '1 millisecond')`;
