import { sql } from 'kysely';
import { PLAN_EACH_TIME } from './prepared-statements';

/** Put first in a report's SQL over a range: it is planned for its own parameters each time, never prepared. */
export const planEachTime = sql.raw(PLAN_EACH_TIME);
