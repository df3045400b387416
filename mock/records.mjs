// What every stored record has in common: its collection's `type`, its references to other
// records, and the workflow ids that go with the names writes send (jobnimbus-api.md §5).

/** collection → the record's `type` */
export const TYPE_OF = {
  contacts: "contact",
  jobs: "job",
  tasks: "task",
  activities: "activity",
  files: "attachment",
  products: "product",
  workorders: "workorder",
  estimates: "estimate",
  invoices: "invoice",
  materialorders: "materialorder",
};

export const COLLECTIONS = Object.keys(TYPE_OF);

/** The name a reference to this record shows: contacts by display name, jobs by name, the rest by title or number. */
export function nameOf(record) {
  return record.display_name ?? record.name ?? record.title ?? (record.number ? `#${record.number}` : record.jnid);
}

/** `{id, name, number, type}`: how `primary` and `related` point at a record (§5 common fields). */
export function refOf(record) {
  return { id: record.jnid, name: nameOf(record), number: record.number ?? null, type: record.type };
}

/** Files' references leave `number` out, as the files example does (§5e). */
export function fileRefOf(record) {
  return { id: record.jnid, type: record.type, name: nameOf(record) };
}

/** "Dana Whitfield" for a user of the account. */
export const userName = (user) => `${user.first_name} ${user.last_name}`.trim();

/** The workflow fields for a workflow and one of its statuses. */
export function workflowFields(workflow, status) {
  return { record_type: workflow.id, record_type_name: workflow.name, status: status.id, status_name: status.name };
}

/** Keeps only the listed top-level fields, in the order asked (`fields`, §4). */
export function pickFields(record, fields) {
  if (!fields) return record;
  const out = {};
  for (const field of fields) if (Object.hasOwn(record, field)) out[field] = record[field];
  return out;
}

/** Collections whose records carry a per-account `recid` and its text `number`. */
export const NUMBERED = new Set(["contacts", "jobs", "tasks", "estimates", "invoices", "workorders", "materialorders"]);

/** Which workflow object type holds each collection's statuses. */
export const WORKFLOW_TYPE = { contacts: "contact", jobs: "job", workorders: "workorder" };

/**
 * A new record's fields before the request's own: the shape a seeded record of the collection
 * has, with empty values (§5). `user` is who creates it.
 */
export function blankRecord(collection, user, when) {
  const owners = [{ id: user.id }];
  const money = { subtotal: 0, tax: 0, total: 0, cost: 0, margin: 0 };
  switch (collection) {
    case "contacts":
      return {
        date_status_change: when, owners, location: { id: 1 }, sales_rep: null, sales_rep_name: null,
        first_name: "", last_name: "", display_name: "", company: "", description: "",
        email: "", home_phone: "", mobile_phone: "", work_phone: "", fax_number: "",
        address_line1: "", address_line2: null, city: "", state_text: "", country_name: "", zip: "", website: "", geo: null,
        source: null, source_name: null, is_sub_contractor: false, is_user: false, disable_auto_text: false, tags: [],
      };
    case "jobs":
      return {
        date_status_change: when, location: { id: 1 }, owners, sales_rep: null, sales_rep_name: null, description: null,
        source: null, source_name: null,
        address_line1: "", address_line2: null, city: "", state_text: "", country_name: "", zip: "", geo: null,
        primary: null, related: [], date_start: 0, date_end: 0, all_day: false, tags: [], approved_estimate_total: 0, approved_invoice_total: 0,
      };
    case "tasks":
      return {
        external_id: null, is_completed: false, primary: null, related: [], description: "", location: { id: 1 },
        priority: 0, date_end: 0, date_sort: null, all_day: false, actual_time: 0, estimated_time: 0,
        hide_from_calendarview: false, hide_from_tasklist: false, owners, subcontractors: [], tags: [], rules: [],
      };
    case "activities":
      return { location: { id: 1 }, related: [], is_editable: true, is_status_change: false, owners, sales_rep: null, sales_rep_name: null };
    case "files":
      return { date_file_created: when, is_private: false, description: "", related: [], primary: null, owners, sales_rep: null };
    case "products":
      return { location_id: 1, description: "", suppliers: [], tax_exempt: false, item_type: "material", uoms: [] };
    case "estimates":
    case "invoices":
      return {
        external_id: null, related: [], owners, sales_rep: user.id, location: { id: 1 }, internal_note: "",
        items: [], sections: [], ...money, template_id: null, attachment_id: null,
        ...(collection === "invoices" ? { date_invoice: when, date_due: 0, date_paid_in_full: 0, due: 0, total_paid: 0, payments: [], first_payment_date: 0 } : { date_estimate: when, esigned: false }),
      };
    case "workorders":
      return { external_id: null, related: [], owners, location: { id: 1 }, name: "", description: "", date_start: 0, date_end: 0, items: [] };
    case "materialorders":
      return { external_id: null, related: [], owners, location: { id: 1 }, description: "", items: [], total: 0 };
    default:
      return {};
  }
}

/**
 * Fills in what follows from the names a write sends (§7.2): workflow and status ids, type ids,
 * lead source, sales rep name, full references and the location's shape.
 * @param {string} collection
 * @param {Record<string, any>} record the merged record; a new object is returned
 * @param {{ ix: any, account: any, find: (id: string) => any }} ctx
 */
export function deriveFields(collection, record, { ix, account, find }) {
  const out = { ...record };
  const wfType = WORKFLOW_TYPE[collection];
  if (wfType && typeof out.record_type_name === "string") {
    const wf = ix.workflows[wfType].get(ix.norm(out.record_type_name));
    const status = wf?.status.find((s) => ix.norm(s.name) === ix.norm(out.status_name ?? ""));
    out.record_type = wf ? wf.id : null;
    if (wf) out.record_type_name = wf.name;
    out.status = status ? status.id : null;
    if (status) out.status_name = status.name;
  }
  const typeList = collection === "tasks" ? ix.taskTypes : collection === "activities" ? ix.activityTypes : null;
  if (typeList && typeof out.record_type_name === "string") {
    const type = typeList.get(ix.norm(out.record_type_name));
    if (type) {
      out.record_type = type.TaskTypeId ?? type.ActivityTypeId;
      out.record_type_name = type.TypeName;
    }
  }
  if (collection === "files" && Number.isInteger(out.record_type)) out.record_type_name = ix.fileTypes.get(out.record_type)?.TypeName ?? out.record_type_name;
  if ("source_name" in out) {
    const source = out.source_name ? ix.sources.get(ix.norm(out.source_name)) : null;
    out.source = source ? source.JobSourceId : null;
    out.source_name = source ? source.SourceName : null;
  }
  if ("sales_rep" in out && collection !== "files") {
    const rep = out.sales_rep ? ix.users.get(out.sales_rep) : null;
    if ("sales_rep_name" in out || collection === "contacts" || collection === "jobs") out.sales_rep_name = rep ? userName(rep) : null;
  }
  if (Array.isArray(out.owners)) out.owners = out.owners.map((o) => ({ id: o.id }));
  const fullRef = collection === "files" ? fileRefOf : refOf;
  const resolve = (value) => {
    const target = value && typeof value === "object" && typeof value.id === "string" ? find(value.id) : null;
    return target ? fullRef(target) : value;
  };
  if (out.primary && typeof out.primary === "object") {
    const target = typeof out.primary.id === "string" ? find(out.primary.id) : null;
    if (target) out.primary = refOf(target);
  }
  if (Array.isArray(out.related)) out.related = out.related.map((item) => resolve(typeof item === "string" ? { id: item } : item));
  if (out.location && typeof out.location === "object" && Number.isInteger(out.location.id)) {
    const loc = account.locations.find((l) => l.id === out.location.id);
    if (loc) {
      out.location = collection === "contacts" ? { id: loc.id, parent_id: loc.parent_id, name: loc.name }
        : collection === "jobs" ? { id: loc.id, parent_id: loc.parent_id }
        : { id: loc.id };
    }
  }
  if (collection === "contacts" && !String(out.display_name ?? "").trim()) {
    out.display_name = `${out.first_name ?? ""} ${out.last_name ?? ""}`.trim() || out.company || "";
  }
  return out;
}

/**
 * The fields a person looks for first, per collection. JSON key order means nothing to JobNimbus
 * clients, but tables (the console's among them) show the first columns, so records lead with these.
 */
const LEADING_FIELDS = {
  contacts: ["jnid", "number", "display_name", "first_name", "last_name", "company", "email", "mobile_phone", "home_phone", "record_type_name", "status_name", "city"],
  jobs: ["jnid", "number", "name", "record_type_name", "status_name", "primary", "sales_rep_name", "address_line1", "city", "state_text", "approved_estimate_total", "date_created"],
  tasks: ["jnid", "number", "title", "record_type_name", "date_start", "date_end", "is_completed", "priority", "related", "owners"],
  activities: ["jnid", "record_type_name", "note", "primary", "created_by_name", "date_created"],
  files: ["jnid", "filename", "content_type", "size", "record_type_name", "description", "primary"],
};

/** The record with its collection's leading fields first, then the rest in their order. */
export function inFieldOrder(collection, record) {
  const leading = LEADING_FIELDS[collection];
  if (!leading) return record;
  const out = {};
  for (const key of leading) if (Object.hasOwn(record, key)) out[key] = record[key];
  for (const key of Object.keys(record)) if (!Object.hasOwn(out, key)) out[key] = record[key];
  return out;
}
