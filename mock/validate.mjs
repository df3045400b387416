// Checks and completes a record before it is stored: required fields, types, references.
// Returns the finished record or a list of { field, message } for a 422.

export const RECORD_TYPES = {
  contacts: ["Customer", "Lead", "Vendor", "Subcontractor"],
  jobs: ["Roofing", "Gutters", "Siding", "Insurance claim"],
  tasks: ["Inspection", "Call", "Install", "Follow-up"],
  activities: ["Note", "Email", "Call log"],
};

const DEFAULTS = {
  contacts: { first_name: "", last_name: "", display_name: "", company: "", email: "", home_phone: "", mobile_phone: "", address_line1: "", city: "", state_text: "", zip: "", record_type_name: "Lead", status_name: "Lead", sales_rep_name: "", tags: [] },
  jobs: { description: "", record_type_name: "Roofing", status_name: "Lead", sales_rep_name: "", address_line1: "", city: "", state_text: "", zip: "", approved_estimate_total: 0, primary: null },
  tasks: { record_type_name: "Follow-up", date_start: 0, date_end: 0, is_completed: false, priority: 0, related: [], owners: [] },
  activities: { record_type_name: "Note" },
};

const STRING_FIELDS = {
  contacts: ["first_name", "last_name", "display_name", "company", "email", "home_phone", "mobile_phone", "address_line1", "city", "state_text", "zip", "status_name", "sales_rep_name"],
  jobs: ["name", "description", "status_name", "sales_rep_name", "address_line1", "city", "state_text", "zip"],
  tasks: ["title", "description"],
  activities: ["note"],
};

const blank = (v) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/**
 * @param {"contacts"|"jobs"|"tasks"|"activities"} collection
 * @param {Record<string, unknown>} draft the stored record merged with the request's fields
 * @param {(id: string) => object | undefined} lookup finds a contact or job by jnid
 * @returns {{ record: Record<string, any>, errors: {field: string, message: string}[] }}
 */
export function completeRecord(collection, draft, lookup) {
  const errors = [];
  const err = (field, message) => errors.push({ field, message });
  const record = { ...DEFAULTS[collection], ...draft };

  for (const field of STRING_FIELDS[collection]) {
    if (record[field] !== undefined && record[field] !== null && typeof record[field] !== "string") err(field, "must be a string.");
  }
  if (record.is_active !== undefined && typeof record.is_active !== "boolean") err("is_active", "must be true or false.");
  if (typeof record.record_type_name !== "string" || !RECORD_TYPES[collection].includes(record.record_type_name)) {
    err("record_type_name", `must be one of: ${RECORD_TYPES[collection].join(", ")}.`);
  }
  const toRef = (value, field, types) => {
    if (value === null || typeof value !== "object" || Array.isArray(value) || blank(value.id) || typeof value.id !== "string") {
      err(`${field}.id`, "is required: the jnid of a " + types.join(" or ") + ".");
      return null;
    }
    const target = lookup(value.id);
    if (!target || !types.includes(target.type)) {
      err(`${field}.id`, `no ${types.join(" or ")} has jnid "${value.id.slice(0, 40)}".`);
      return null;
    }
    return { id: target.jnid, name: target.display_name ?? target.name, type: target.type };
  };

  if (collection === "contacts") {
    if (blank(record.first_name) && blank(record.display_name)) err("first_name", "first_name or display_name is required.");
    if (typeof record.email === "string" && record.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(record.email)) err("email", "is not a valid e-mail address.");
    if (!Array.isArray(record.tags) || record.tags.some((t) => typeof t !== "string")) err("tags", "must be an array of strings.");
    if (blank(record.display_name) && errors.length === 0) {
      record.display_name = record.company || `${record.first_name} ${record.last_name}`.trim();
    }
  }
  if (collection === "jobs") {
    if (blank(record.name)) err("name", "is required.");
    if (typeof record.approved_estimate_total !== "number" || !Number.isFinite(record.approved_estimate_total) || record.approved_estimate_total < 0) {
      err("approved_estimate_total", "must be a number of 0 or more.");
    }
    if (record.primary !== null && record.primary !== undefined) record.primary = toRef(record.primary, "primary", ["contact"]);
  }
  if (collection === "tasks") {
    if (blank(record.title)) err("title", "is required.");
    for (const field of ["date_start", "date_end"]) {
      if (!Number.isInteger(record[field]) || record[field] < 0) err(field, "must be a unix time in whole seconds.");
    }
    if (Number.isInteger(record.date_start) && Number.isInteger(record.date_end) && record.date_start && record.date_end && record.date_end < record.date_start) {
      err("date_end", "must not be before date_start.");
    }
    if (typeof record.is_completed !== "boolean") err("is_completed", "must be true or false.");
    if (!Number.isInteger(record.priority) || record.priority < 0 || record.priority > 3) err("priority", "must be a whole number from 0 to 3.");
    if (!Array.isArray(record.related)) err("related", "must be an array of {\"id\"} references.");
    else record.related = record.related.map((item, i) => toRef(item, `related[${i}]`, ["job", "contact"]));
    if (!Array.isArray(record.owners) || record.owners.some((o) => o === null || typeof o !== "object" || typeof o.name !== "string")) {
      err("owners", "must be an array of {\"id\", \"name\"}.");
    }
  }
  if (collection === "activities") {
    if (blank(record.note)) err("note", "is required.");
    if (record.primary === undefined || record.primary === null) err("primary.id", "is required: the jnid of the job or contact this note belongs to.");
    else record.primary = toRef(record.primary, "primary", ["job", "contact"]);
  }
  return { record, errors };
}
