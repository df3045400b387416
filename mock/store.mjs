// The in-memory record store behind both APIs: list, get, create, update, delete.
// Starts from the generated dataset; changes last until the server stops or reset().

import { randomBytes } from "node:crypto";
import { generateDataset } from "./data.mjs";
import { completeRecord } from "./validate.mjs";
import { HttpError } from "./http.mjs";

export const COLLECTIONS = ["contacts", "jobs", "tasks", "activities", "files"];
const TYPE_OF = { contacts: "contact", jobs: "job", tasks: "task", activities: "activity", files: "file" };
/** Fields a client cannot set; they are ignored in request bodies. */
const READ_ONLY = new Set(["jnid", "type", "date_created", "date_updated", "created_by_name", "number", "size", "content_type"]);

/** @param {{ now?: number }} [opts] */
export function createStore(opts = {}) {
  /** @type {Record<string, Map<string, any>>} */
  let collections;
  let fileBodies;
  let nextJobNumber;

  function reset() {
    const data = generateDataset(opts);
    collections = Object.fromEntries(COLLECTIONS.map((name) => [name, new Map(data[name].map((r) => [r.jnid, r]))]));
    fileBodies = data.fileBodies;
    nextJobNumber = 1001 + data.jobs.length;
  }
  reset();

  const lookup = (id) => collections.contacts.get(id) ?? collections.jobs.get(id);
  const newId = () => {
    for (;;) {
      const id = (randomBytes(6).readUIntBE(0, 6) % 36 ** 8).toString(36).padStart(8, "0");
      if (!COLLECTIONS.some((c) => collections[c].has(id))) return id;
    }
  };
  const writable = (body) => Object.fromEntries(Object.entries(body).filter(([k]) => !READ_ONLY.has(k)));
  const failIf = (errors) => {
    if (errors.length) {
      throw new HttpError(422, `The ${errors.length === 1 ? "field" : "fields"} ${errors.map((e) => `"${e.field}"`).join(", ")} ${errors.length === 1 ? "is" : "are"} not valid.`, { extensions: { errors } });
    }
  };
  const unix = () => Math.floor(Date.now() / 1000);

  return {
    reset,
    /** @param {string} name */
    list: (name) => [...collections[name].values()],
    get: (name, id) => collections[name].get(id),
    fileBody: (id) => fileBodies.get(id),
    /** @returns {object} the stored record; throws HttpError 422 on invalid input */
    create(name, body, createdBy) {
      const { record, errors } = completeRecord(name, writable(body), lookup);
      failIf(errors);
      const now = unix();
      const stored = {
        jnid: newId(),
        type: TYPE_OF[name],
        ...(name === "jobs" ? { number: String(nextJobNumber++) } : {}),
        ...record,
        date_created: now,
        date_updated: now,
        created_by_name: createdBy,
        is_active: record.is_active ?? true,
      };
      collections[name].set(stored.jnid, stored);
      return stored;
    },
    /** @returns {object | undefined} the updated record, undefined if there is none with that id */
    update(name, id, body) {
      const current = collections[name].get(id);
      if (!current) return undefined;
      const changes = writable(body);
      if (name === "contacts" && changes.display_name === undefined &&
          (changes.first_name !== undefined || changes.last_name !== undefined) &&
          current.display_name === `${current.first_name} ${current.last_name}`.trim()) {
        changes.display_name = "";
      }
      const { record, errors } = completeRecord(name, { ...current, ...changes }, lookup);
      failIf(errors);
      const stored = { ...record, jnid: current.jnid, type: current.type, date_created: current.date_created, date_updated: Math.max(unix(), current.date_updated) };
      collections[name].set(id, stored);
      return stored;
    },
    remove(name, id) {
      fileBodies.delete(id);
      return collections[name].delete(id);
    },
  };
}
