// The mock's starting data set: the account (seed/account.mjs), its CRM records (seed/crm.mjs)
// and its /v2 records (seed/v2.mjs). Same `now` in, identical data out; ids never depend on `now`.

import { accountIndex, createAccount } from "./account.mjs";
import { generateCrm } from "./crm.mjs";
import { inFieldOrder } from "../records.mjs";
import { createRandom } from "./random.mjs";
import { generateV2 } from "./v2.mjs";

export const SEED = 0x4a4e4d42; // "JNMB"
export { COUNTS, FIXED_JOB } from "./crm.mjs";

/** Midnight UTC of the current day, in unix seconds: the default anchor for generated dates. */
export function defaultNow() {
  const d = new Date();
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 1000);
}

/**
 * @param {{ now?: number }} [opts] now: unix seconds that "today" means for the data
 */
export function generateDataset({ now = defaultNow() } = {}) {
  const account = createAccount({ now });
  const ix = accountIndex(account);
  const r = createRandom(SEED);
  // 23 base-36 characters from a fixed seed: the ids never collide (seed/index.test.ts checks it).
  const newId = () => r.jnid();
  const crm = generateCrm({ r, account, ix, now, newId });
  const v2 = generateV2({ r, account, ix, now, newId, jobs: crm.jobs, contacts: crm.contacts });
  const ordered = (name) => crm[name].map((record) => inFieldOrder(name, record));
  return { now, account, ...crm, ...v2, contacts: ordered("contacts"), jobs: ordered("jobs"), tasks: ordered("tasks"), activities: ordered("activities"), files: ordered("files") };
}
