// The in-memory account behind both APIs: its settings and users, every record, file bytes and
// the system's own activity log. Starts from the seed; changes last until close() or reset().

import { randomBytes } from "node:crypto";
import { generateDataset } from "./seed/index.mjs";
import { accountIndex } from "./seed/account.mjs";
import { COLLECTIONS, NUMBERED, TYPE_OF, WORKFLOW_TYPE, blankRecord, deriveFields, inFieldOrder, refOf, userName } from "./records.mjs";

/** Record types whose writes the system logs as activities ("Contact Created", "Job Modified", …, §3d). */
const LOGGED = { contact: "Contact", job: "Job" };

/**
 * @param {{ now?: number, clock?: () => number }} [opts] now anchors the seed (unix seconds);
 *   clock (milliseconds) stamps writes
 */
export function createStore({ now, clock = Date.now } = {}) {
  /** @type {Record<string, Map<string, any>>} */
  let collections;
  let account;
  let ix;
  let fileBodies;
  let sequences;

  function reset() {
    const data = generateDataset({ now });
    account = data.account;
    ix = accountIndex(account);
    collections = Object.fromEntries(COLLECTIONS.map((name) => [name, new Map(data[name].map((r) => [r.jnid, r]))]));
    fileBodies = data.fileBodies;
    sequences = Object.fromEntries([...NUMBERED].map((name) => [name, Math.max(0, ...data[name].map((r) => r.recid)) + 1]));
  }
  reset();

  const unix = () => Math.floor(clock() / 1000);
  const taken = (id) => ix.users.has(id) || COLLECTIONS.some((c) => collections[c].has(id));
  const newId = () => {
    for (;;) {
      const id = BigInt(`0x${randomBytes(15).toString("hex")}`).toString(36).padStart(23, "0").slice(-23);
      if (!taken(id)) return id;
    }
  };
  /** Any contact, job or other record by jnid, for references. */
  const find = (id) => {
    for (const name of COLLECTIONS) {
      const record = collections[name].get(id);
      if (record) return record;
    }
    return undefined;
  };
  const derive = (name, record) => inFieldOrder(name, deriveFields(name, record, { ix, account, find }));

  /** Writes the system's own log entry for a change to a contact or job (§3d, PD's triggers). */
  function logChange(record, what, user, extra = {}) {
    const noun = LOGGED[record.type];
    if (!noun) return;
    const when = unix();
    const contact = record.type === "job" && record.primary ? find(record.primary.id) : null;
    const entry = inFieldOrder("activities", {
      jnid: newId(),
      type: "activity",
      customer: account.customer,
      location: { id: record.location?.id ?? 1 },
      primary: refOf(record),
      related: contact ? [refOf(contact)] : [],
      note: `${noun} ${what.toLowerCase()}: ${refOf(record).name}`,
      record_type: 0,
      record_type_name: `${noun} ${what}`,
      is_active: true,
      is_archived: false,
      is_editable: false,
      is_status_change: false,
      owners: (record.owners ?? []).map((o) => ({ id: o.id })),
      created_by: user.id,
      created_by_name: userName(user),
      date_created: when,
      date_updated: when,
      sales_rep: record.sales_rep ?? null,
      sales_rep_name: record.sales_rep_name ?? null,
      ...extra,
    });
    collections.activities.set(entry.jnid, entry);
  }

  return {
    reset,
    /** unix seconds by the store's clock */
    unix,
    newId,
    find,
    get account() {
      return account;
    },
    /** name lookups over the settings; rebuilt by settingsChanged() */
    get ix() {
      return ix;
    },
    settingsChanged() {
      ix = accountIndex(account);
    },
    /** The account owner: who a call without `actor` acts as. */
    owner: () => ix.users.get(account.ownerId),
    /** @param {string} name */
    list: (name) => [...collections[name].values()],
    get: (name, id) => collections[name].get(id),
    fileBody: (id) => fileBodies.get(id),

    /**
     * Stores a new record made of the collection's blank shape, `fields` and what follows from them.
     * @param {string} name collection
     * @param {Record<string, unknown>} fields already checked by the caller
     * @param {{ id: string, first_name: string, last_name: string }} user who creates it
     * @param {{ body?: Buffer, jnid?: string }} [more] a file's bytes; the jnid an upload already handed out
     */
    insert(name, fields, user, { body, jnid } = {}) {
      const when = unix();
      const draft = {
        jnid: jnid ?? newId(),
        ...(NUMBERED.has(name) ? { recid: sequences[name], number: String(sequences[name]) } : {}),
        customer: account.customer,
        type: TYPE_OF[name],
        created_by: user.id,
        created_by_name: userName(user),
        date_created: when,
        date_updated: when,
        is_active: true,
        is_archived: false,
        ...blankRecord(name, user, when),
        ...fields,
      };
      if (WORKFLOW_TYPE[name] && !Object.hasOwn(fields, "date_status_change")) draft.date_status_change = draft.date_created;
      const record = derive(name, draft);
      if (NUMBERED.has(name)) sequences[name] += 1;
      collections[name].set(record.jnid, record);
      if (body) fileBodies.set(record.jnid, body);
      logChange(record, "Created", user);
      return record;
    },

    /**
     * Replaces a record with `current` merged with `changes`, keeping what a client cannot change.
     * @param {{ body?: Buffer }} [more] a file's new bytes
     * @returns {object | undefined} the stored record, undefined if there is none with that id
     */
    update(name, id, changes, user, { body } = {}) {
      const current = collections[name].get(id);
      if (!current) return undefined;
      const when = Math.max(unix(), current.date_updated);
      const record = derive(name, {
        ...current,
        ...changes,
        jnid: current.jnid,
        customer: current.customer,
        type: current.type,
        date_created: current.date_created,
        date_updated: when,
      });
      const statusChanged = WORKFLOW_TYPE[name] && record.status !== current.status;
      if (statusChanged) record.date_status_change = when;
      collections[name].set(id, record);
      if (body) fileBodies.set(id, body);
      if (current.is_active && record.is_active === false) logChange(record, "Deleted", user);
      else if (statusChanged) logChange(record, "Modified", user, { is_status_change: true, note: `Status changed to ${record.status_name}`, primary: { ...refOf(record), new_status: record.status } });
      else logChange(record, "Modified", user);
      return record;
    },
  };
}
