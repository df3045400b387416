// Checks a legacy write against the account before it is stored: required fields (§3a-§3c, §3h),
// workflow, status, type and lead-source names (§7.2), references and value types. Each problem
// is one plain sentence naming the field and the bad value; the route answers 400 with them.

const blank = (v) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const quote = (v) => JSON.stringify(typeof v === "string" ? v.slice(0, 80) : v);
const listOf = (names) => names.join(", ");

/** Fields whose values are text (or null) wherever they appear. */
const TEXT = [
  "first_name", "last_name", "display_name", "company", "description", "email", "home_phone", "mobile_phone", "work_phone",
  "fax_number", "address_line1", "address_line2", "city", "state_text", "country_name", "zip", "website", "name", "title",
  "note", "internal_note", "external_id", "filename",
];
const FLAGS = ["is_active", "is_archived", "is_completed", "is_private", "all_day", "tax_exempt", "esigned"];
const TIMES = ["date_start", "date_end", "date_created", "date_estimate", "date_invoice", "date_due"];

/** What a write to each collection needs (§3a-§3c, §3h), checked on the merged record. */
const REQUIRED = {
  jobs: ["name"],
  tasks: ["title", "date_start"],
  activities: ["note"],
  products: ["name"],
};

/**
 * @param {string} collection
 * @param {Record<string, any>} record the record as it would be stored: the current one merged with the body on PUT
 * @param {{ ix: any, account: any, find: (id: string) => any, creating: boolean, body: Record<string, any> }} ctx
 * @returns {string[]} problems; empty when the write may go ahead
 */
export function checkWrite(collection, record, { ix, account, find, creating, body }) {
  const problems = [];
  const say = (sentence) => problems.push(sentence);

  for (const field of TEXT) if (record[field] !== undefined && record[field] !== null && typeof record[field] !== "string") say(`${field} must be text, not ${quote(record[field])}.`);
  for (const field of FLAGS) if (record[field] !== undefined && typeof record[field] !== "boolean") say(`${field} must be true or false, not ${quote(record[field])}.`);
  for (const field of TIMES) {
    if (record[field] !== undefined && record[field] !== null && (!Number.isInteger(record[field]) || record[field] < 0)) {
      say(`${field} must be a unix time in whole seconds, not ${quote(record[field])}.`);
    }
  }
  for (const field of REQUIRED[collection] ?? []) if (blank(record[field])) say(`${field} is required.`);

  const workflowType = { contacts: "contact", jobs: "job", workorders: "workorder" }[collection];
  if (workflowType) checkWorkflow(workflowType, record, ix, say, collection !== "workorders");
  if (collection === "contacts" && ["first_name", "last_name", "display_name", "company"].every((f) => blank(record[f]))) {
    say("A contact needs at least one of first_name, last_name, display_name or company.");
  }
  if ((collection === "contacts" || collection === "jobs") && !blank(record.source_name) && Object.hasOwn(body, "source_name")) {
    if (!ix.sources.has(ix.norm(record.source_name))) say(`source_name ${quote(record.source_name)} is not a lead source of this account. Its lead sources: ${listOf([...ix.sources.values()].map((s) => s.SourceName))}.`);
  }
  if (collection === "tasks") checkType("task type", ix.taskTypes, record, say);
  if (collection === "activities") {
    checkType("activity type", ix.activityTypes, record, say);
    if (!isObject(record.primary) || blank(record.primary.id)) say("primary.id is required: the jnid of the contact or job the activity is about.");
  }

  const checkRef = (value, field, kinds) => {
    const id = typeof value === "string" ? value : isObject(value) ? value.id : undefined;
    if (typeof id !== "string" || !id) return say(`${field} must name a record by jnid, like {"id": "<jnid>"}.`);
    const target = find(id);
    if (!target || !kinds.includes(target.type)) say(`${field} ${quote(id)} is not a ${kinds.join(" or ")} of this account.`);
  };
  if (record.primary !== undefined && record.primary !== null && Object.hasOwn(body, "primary")) {
    checkRef(record.primary, "primary.id", collection === "jobs" ? ["contact"] : ["contact", "job"]);
  }
  if (Object.hasOwn(body, "related")) {
    if (!Array.isArray(record.related)) say("related must be a list of references, like [{\"id\": \"<jnid>\"}].");
    else {
      const kinds = collection === "estimates" || collection === "invoices" || collection === "workorders" || collection === "materialorders" ? ["job"] : ["contact", "job"];
      record.related.forEach((item, i) => checkRef(item, `related[${i}].id`, kinds));
    }
  }
  if (Object.hasOwn(body, "owners")) {
    if (!Array.isArray(record.owners)) say("owners must be a list like [{\"id\": \"<user id>\"}].");
    else record.owners.forEach((o, i) => { if (!isObject(o) || !ix.users.has(o.id)) say(`owners[${i}].id ${quote(isObject(o) ? o.id : o)} is not a user of this account (GET /account/users lists them).`); });
  }
  if (Object.hasOwn(body, "sales_rep") && record.sales_rep !== null && !ix.users.has(record.sales_rep)) {
    say(`sales_rep ${quote(record.sales_rep)} is not a user of this account (GET /account/users lists them).`);
  }
  if (Object.hasOwn(body, "location") && (!isObject(record.location) || !account.locations.some((l) => l.id === record.location.id))) {
    say(`location.id ${quote(isObject(record.location) ? record.location.id : record.location)} is not a location of this account. Its locations: ${account.locations.map((l) => `${l.id} (${l.name})`).join(", ")}.`);
  }
  if (collection === "tasks" && Number.isInteger(record.date_start) && Number.isInteger(record.date_end) && record.date_end && record.date_end < record.date_start) {
    say("date_end must not be before date_start.");
  }
  if (collection === "tasks" && record.priority !== undefined && !Number.isInteger(record.priority)) say(`priority must be a whole number, not ${quote(record.priority)}.`);
  if (collection === "products") checkProduct(record, say);
  if (collection === "estimates" || collection === "invoices") checkDocument(collection, record, body, creating, say);
  if (collection === "materialorders" && creating && (!Array.isArray(record.related) || record.related.length === 0)) say("related is required: the job the material order is for, like [{\"id\": \"<job jnid>\"}].");
  if (Object.hasOwn(body, "items") && !Array.isArray(record.items)) say("items must be a list of line items.");
  if (collection === "files" && Object.hasOwn(body, "record_type") && !ix.fileTypes.has(record.record_type)) {
    say(`record_type ${quote(record.record_type)} is not a file type of this account. Its file types: ${listOf([...ix.fileTypes.values()].map((t) => `${t.FileTypeId} ${t.TypeName}`))}.`);
  }
  return problems;
}

/** record_type_name names a workflow of the object type, and status_name one of its statuses. */
function checkWorkflow(objectType, record, ix, say, required) {
  const workflows = ix.workflows[objectType];
  const names = listOf([...workflows.values()].map((w) => w.name));
  if (blank(record.record_type_name)) {
    if (required) say(`record_type_name is required: the name of a ${objectType} workflow of this account (${names}).`);
    return;
  }
  const workflow = typeof record.record_type_name === "string" ? workflows.get(ix.norm(record.record_type_name)) : undefined;
  if (!workflow) return say(`record_type_name ${quote(record.record_type_name)} is not a ${objectType} workflow of this account. Its ${objectType} workflows: ${names}.`);
  const statuses = listOf(workflow.status.filter((s) => s.is_active).map((s) => s.name));
  if (blank(record.status_name)) {
    if (required) say(`status_name is required: a status of the ${objectType} workflow "${workflow.name}" (${statuses}).`);
    return;
  }
  if (typeof record.status_name !== "string" || !workflow.status.some((s) => s.is_active && ix.norm(s.name) === ix.norm(record.status_name))) {
    say(`status_name ${quote(record.status_name)} is not a status of the ${objectType} workflow "${workflow.name}". Its statuses: ${statuses}.`);
  }
}

/** record_type_name names one of the account's task or activity types. */
function checkType(what, types, record, say) {
  const names = listOf([...types.values()].map((t) => t.TypeName));
  if (blank(record.record_type_name)) return say(`record_type_name is required: the name of a ${what} of this account (${names}).`);
  if (typeof record.record_type_name !== "string" || !types.has(record.record_type_name.trim().toLowerCase())) {
    say(`record_type_name ${quote(record.record_type_name)} is not ${/^[aeiou]/.test(what) ? "an" : "a"} ${what} of this account. Its ${what}s: ${names}.`);
  }
}

const ITEM_TYPES = ["material", "labor", "labor+material"];

function checkProduct(record, say) {
  if (record.item_type !== undefined && !ITEM_TYPES.includes(record.item_type)) say(`item_type ${quote(record.item_type)} is not one of ${listOf(ITEM_TYPES)}.`);
  if (record.uoms === undefined) return;
  if (!Array.isArray(record.uoms)) return say("uoms must be a list like [{\"uom\": \"SQ\", \"material\": {\"cost\": 1, \"price\": 2}, \"labor\": {\"cost\": 0, \"price\": 0}}].");
  record.uoms.forEach((u, i) => {
    if (!isObject(u) || typeof u.uom !== "string" || !u.uom) say(`uoms[${i}].uom must name a unit of measure, such as "SQ".`);
    for (const part of ["material", "labor"]) {
      const money = isObject(u) ? u[part] : undefined;
      if (money !== undefined && (!isObject(money) || !["cost", "price"].every((k) => money[k] === undefined || (typeof money[k] === "number" && Number.isFinite(money[k]))))) {
        say(`uoms[${i}].${part} must be {"cost": <number>, "price": <number>}.`);
      }
    }
  });
}

/** Estimates and invoices need is_active, items, related (a job), an integer status and their type (§3h). */
function checkDocument(collection, record, body, creating, say) {
  const type = collection === "estimates" ? "estimate" : "invoice";
  if (creating) {
    for (const field of ["is_active", "items", "related", "status", "type"]) if (!Object.hasOwn(body, field)) say(`${field} is required to create an ${type}.`);
    if (Object.hasOwn(body, "type") && body.type !== type) say(`type must be "${type}", not ${quote(body.type)}.`);
    if (Array.isArray(record.related) && record.related.length === 0) say(`related must name the job, like [{"id": "<job jnid>", "type": "job"}].`);
  }
  if (record.status !== undefined && !Number.isInteger(record.status)) say(`status must be a whole number, not ${quote(record.status)}.`);
}
