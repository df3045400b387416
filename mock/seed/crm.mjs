// Generates the CRM records (contacts, jobs, tasks, activities, files) in the shapes of
// jobnimbus-api.md §5a-§5e, from a seeded random source: same `now` in, same records out.

import { makePdf, makePng } from "./binary.mjs";
import * as V from "./vocab.mjs";
import { fileRefOf, nameOf, refOf, userName, workflowFields } from "../records.mjs";

const DAY = 86400;
export const COUNTS = { contacts: 2500, jobs: 1800, tasks: 3200, notes: 4200, files: 320 };

/** Which contact workflow (kind) a generated contact is in, and its statuses' weights. */
const CONTACT_KINDS = [["Customer", 52], ["Lead", 33], ["Vendor", 4], ["Subcontractor", 4], ["Insurance Adjuster", 7]];
const CONTACT_STATUS_WEIGHTS = {
  Lead: [["New Lead", 35], ["Contacted", 30], ["Appointment Set", 20], ["Not Interested", 15]],
  Customer: [["Active", 70], ["Warranty", 10], ["Past Customer", 20]],
  Vendor: [["Active", 85], ["Inactive", 15]],
  Subcontractor: [["Active", 85], ["Inactive", 15]],
  "Insurance Adjuster": [["Active", 85], ["Inactive", 15]],
};

/** job workflow → status weights for customers' jobs (leads' jobs stay in the first stages) */
const JOB_STATUS_WEIGHTS = {
  "Residential Roofing": { Lead: 6, "Inspection Scheduled": 5, Estimating: 10, Sold: 12, "In Production": 10, Completed: 45, Lost: 12 },
  "Insurance Claim": { Lead: 4, "Inspection Scheduled": 5, "Claim Filed": 8, "Adjuster Meeting": 6, Approved: 7, Sold: 8, "In Production": 10, Completed: 40, Denied: 12 },
  "Gutters & Siding": { Lead: 6, Estimating: 10, Sold: 12, "In Production": 8, Completed: 52, Lost: 12 },
  "Repair & Service": { Lead: 8, Estimating: 8, Scheduled: 12, Completed: 62, Lost: 10 },
  "Commercial Roofing": { Lead: 10, "Bid Submitted": 20, Sold: 12, "In Production": 10, Completed: 30, Lost: 18 },
};

/** Job status stage → the task types that come up then. */
const TASKS_BY_STAGE = {
  early: [["Inspection", 40], ["Appointment", 30], ["Call", 30]],
  middle: [["Follow-up", 35], ["Call", 30], ["Appointment", 15], ["Adjuster Meeting", 20]],
  production: [["Material Delivery", 30], ["Install", 40], ["Call", 30]],
  done: [["Final Walk-through", 45], ["Follow-up", 55]],
  lost: [["Follow-up", 60], ["Call", 40]],
};
const TASK_MINUTES = { Inspection: 60, Appointment: 60, Call: 15, "Follow-up": 15, Install: 480, "Material Delivery": 60, "Adjuster Meeting": 90, "Final Walk-through": 45 };
const NOTE_KINDS = [["Note", 40], ["Email", 18], ["Call log", 22], ["Text Message", 10], ["Site Visit", 6], ["Meeting", 4]];

/** The job tests may rely on (mock/README.md, "Fixed records"). */
export const FIXED_JOB = { number: "1043", workflow: "Residential Roofing", status: "Estimating" };
const FIXED_JOB_NOTES = [
  ["Note", "Inspection done: {squares} squares, {pitch} pitch, hail bruising on the south and west slopes."],
  ["Email", "Sent the estimate for {job} to {contact}, with the good/better/best shingle options."],
  ["Call log", "Spoke with {contact}: comparing our estimate with one other company, decides by Friday."],
  ["Text Message", "{contact} texted: can we do Charcoal instead of Weathered Wood? Updating the estimate."],
  ["Note", "Revised estimate with Charcoal shingles and an upgraded ridge vent."],
  ["Call log", "Called {contact}; voicemail. Left a message about the revised estimate."],
];

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ""));
}

const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), hi);

/**
 * @param {{ r: ReturnType<import("./random.mjs").createRandom>, account: any, ix: any, now: number, newId: () => string }} ctx
 */
export function generateCrm({ r, account, ix, now, newId }) {
  const { customer } = account;
  const users = account.users.filter((u) => u.is_active);
  const reps = account.salesRepIds.map((id) => ix.users.get(id));
  const office = account.officeIds.map((id) => ix.users.get(id));
  const by = (user) => ({ created_by: user.id, created_by_name: userName(user) });
  const rep = (user) => ({ sales_rep: user.id, sales_rep_name: userName(user) });
  const locationOf = (state) => account.locations.find((l) => l.states.includes(state)) ?? account.locations[0];
  /** t, kept between lo and now; a time that would be in the future lands a while before now */
  const past = (t, lo) => Math.max(t <= now ? t : now - r.int(600, 3 * DAY), lo);
  const workflow = (type, name) => ix.workflows[type].get(ix.norm(name));
  const statusOf = (wf, name) => wf.status.find((s) => s.name === name);
  const phone = (loc) => `(${r.pick(loc.area)}) 555-01${String(r.int(0, 99)).padStart(2, "0")}`;
  const street = () => `${r.int(101, 9899)} ${r.pick(V.STREET_NAMES)} ${r.pick(V.STREET_SUFFIXES)}`;
  const geo = (loc) => ({ lat: Math.round((loc.lat + (r.next() - 0.5) * 0.12) * 1e6) / 1e6, lon: Math.round((loc.lon + (r.next() - 0.5) * 0.12) * 1e6) / 1e6 });
  const number = (list) => {
    list.sort((a, b) => a.date_created - b.date_created || (a.jnid < b.jnid ? -1 : 1));
    return (first) => list.forEach((rec, i) => { rec.recid = first + i; rec.number = String(first + i); });
  };

  // ---- Contacts ----
  const contacts = [];
  const emails = new Set();
  const companyUse = new Map();
  for (let i = 0; i < COUNTS.contacts; i++) {
    const kind = r.weighted(CONTACT_KINDS);
    const wf = workflow("contact", kind);
    const status = statusOf(wf, r.weighted(CONTACT_STATUS_WEIGHTS[kind]));
    const loc = r.pick(V.CITIES);
    const first = r.pick(V.FIRST_NAMES);
    const last = r.pick(V.LAST_NAMES);
    let company = "";
    const list = kind === "Vendor" ? V.VENDOR_COMPANIES : kind === "Subcontractor" ? V.SUBCONTRACTOR_COMPANIES : kind === "Insurance Adjuster" ? V.ADJUSTER_COMPANIES : null;
    if (list) {
      const base = r.pick(list);
      const n = (companyUse.get(base) ?? 0) + 1;
      companyUse.set(base, n);
      company = n === 1 || kind === "Insurance Adjuster" ? base : `${base} (${loc.city})`;
    } else if (r.chance(0.06)) {
      company = r.pick(V.COMMERCIAL_NAMES);
    }
    let email = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "") + `@${r.pick(V.EMAIL_DOMAINS)}`;
    for (let n = 2; emails.has(email); n++) email = email.replace(/\d*@/, `${n}@`);
    emails.add(email);
    const client = kind === "Customer" || kind === "Lead";
    const tags = client ? r.sample(V.CONTACT_TAGS, r.int(0, 3)) : [];
    if (company && client && !tags.includes("commercial")) tags.push("commercial");
    const source = client ? r.pick(account.settings.sources) : null;
    const owner = r.pick(reps);
    const created = now - (kind === "Lead" ? r.int(1, 150) : r.int(3, 730)) * DAY - r.int(0, DAY - 1);
    const statusChanged = past(created + r.int(0, 90) * DAY, created);
    const location = locationOf(loc.state);
    contacts.push({
      jnid: newId(),
      recid: 0,
      number: "",
      customer,
      type: "contact",
      ...by(r.chance(0.7) ? owner : r.pick(office)),
      date_created: created,
      date_updated: past(statusChanged + r.int(0, 30) * DAY, statusChanged),
      date_status_change: statusChanged,
      owners: [{ id: owner.id }],
      location: { id: location.id, parent_id: location.parent_id, name: location.name },
      ...rep(owner),
      first_name: first,
      last_name: last,
      display_name: company || `${first} ${last}`,
      company,
      description: "",
      email,
      home_phone: r.chance(0.5) ? phone(loc) : "",
      mobile_phone: phone(loc),
      work_phone: company ? phone(loc) : "",
      fax_number: "",
      address_line1: street(),
      address_line2: null,
      city: loc.city,
      state_text: loc.state,
      country_name: "United States",
      zip: r.pick(loc.zips),
      website: "",
      geo: geo(loc),
      ...workflowFields(wf, status),
      source: source ? source.JobSourceId : null,
      source_name: source ? source.SourceName : null,
      is_active: !r.chance(0.01),
      is_archived: false,
      is_sub_contractor: kind === "Subcontractor",
      is_user: false,
      disable_auto_text: false,
      tags,
    });
  }
  number(contacts)(1);
  const clients = contacts.filter((c) => c.record_type_name === "Customer" || c.record_type_name === "Lead");

  // ---- Jobs ----
  const jobs = [];
  const workWeights = Object.entries(V.JOB_WORK).map(([name, w]) => [name, w.weight]);
  for (let i = 0; i < COUNTS.jobs; i++) {
    const contact = r.pick(clients);
    const wfName = r.weighted(workWeights);
    const wf = workflow("job", wfName);
    const work = V.JOB_WORK[wfName];
    const leadOnly = contact.record_type_name === "Lead";
    const weights = Object.entries(JOB_STATUS_WEIGHTS[wfName])
      .filter(([name]) => !leadOnly || wf.status.findIndex((s) => s.name === name) < 3 || statusOf(wf, name).is_closed && name !== "Completed");
    const status = statusOf(wf, r.weighted(weights));
    const ownAddress = r.chance(0.9);
    const loc = ownAddress ? V.CITIES.find((c) => c.city === contact.city) : r.pick(V.CITIES);
    const address = ownAddress
      ? { address_line1: contact.address_line1, address_line2: null, city: contact.city, state_text: contact.state_text, country_name: "United States", zip: contact.zip, geo: contact.geo }
      : { address_line1: street(), address_line2: null, city: loc.city, state_text: loc.state, country_name: "United States", zip: r.pick(loc.zips), geo: geo(loc) };
    const owner = ix.users.get(contact.sales_rep) ?? r.pick(reps);
    const created = past(contact.date_created + Math.floor(r.next() * Math.max(now - contact.date_created, DAY)), contact.date_created);
    const statusChanged = past(created + r.int(0, 75) * DAY + r.int(0, 8 * 3600), created);
    const stage = stageOf(wf, status);
    const start = stage === "production" ? now + r.int(-4, 6) * DAY + 7 * 3600 : stage === "done" ? statusChanged - r.int(2, 6) * DAY : 0;
    const location = locationOf(address.state_text);
    const source = contact.source !== null ? { source: contact.source, source_name: contact.source_name } : { source: null, source_name: null };
    jobs.push({
      jnid: newId(),
      recid: 0,
      number: "",
      customer,
      type: "job",
      ...by(r.chance(0.8) ? owner : r.pick(office)),
      date_created: created,
      date_updated: past(statusChanged + r.int(0, 3 * 3600), statusChanged),
      date_status_change: statusChanged,
      location: { id: location.id, parent_id: location.parent_id },
      owners: [{ id: owner.id }],
      ...rep(owner),
      is_active: true,
      is_archived: false,
      name: `${r.pick(work.works)} – ${address.address_line1}`,
      description: fill(r.pick(work.descriptions), { squares: r.int(14, 48), pitch: r.pick(["4/12", "5/12", "6/12", "8/12", "10/12"]), feet: r.int(90, 260) }),
      ...workflowFields(wf, status),
      ...source,
      ...address,
      primary: refOf(contact),
      related: [refOf(contact)],
      date_start: start,
      date_end: start ? start + r.int(1, 3) * DAY : 0,
      all_day: false,
      tags: [],
      approved_estimate_total: 0,
      approved_invoice_total: 0,
    });
  }
  number(jobs)(1001);
  for (const job of jobs) if (r.chance(0.012)) job.is_active = false;
  const fixed = jobs.find((j) => j.number === FIXED_JOB.number);
  const fixedWf = workflow("job", FIXED_JOB.workflow);
  Object.assign(fixed, workflowFields(fixedWf, statusOf(fixedWf, FIXED_JOB.status)), {
    name: `Roof replacement – ${fixed.address_line1}`,
    description: "Hail hits on the south and west slopes; homeowner wants a full replacement before winter.",
    is_active: true,
    date_start: 0,
    date_end: 0,
  });
  const contactById = new Map(contacts.map((c) => [c.jnid, c]));

  // ---- Tasks ----
  const tasks = [];
  const taskType = (name) => ix.taskTypes.get(ix.norm(name));
  for (let i = 0; i < COUNTS.tasks; i++) {
    const onJob = r.chance(0.82);
    const job = r.pick(jobs);
    const contact = onJob ? contactById.get(job.primary.id) : r.pick(clients);
    const stage = onJob ? stageOf(workflow("job", job.record_type_name), ix.statusById.get(job.status)) : "early";
    let kind = r.weighted(TASKS_BY_STAGE[stage]);
    if (kind === "Adjuster Meeting" && job.record_type_name !== "Insurance Claim") kind = "Follow-up";
    const type = taskType(kind);
    const open = stage !== "done" && stage !== "lost";
    const base = onJob ? job : contact;
    const start = open
      ? now + r.int(-21, 21) * DAY + r.int(7, 17) * 3600 + r.pick([0, 1800])
      : past(base.date_status_change - r.int(0, 20) * DAY + r.int(7, 17) * 3600, base.date_created);
    const end = start + TASK_MINUTES[kind] * 60;
    const done = end < now ? r.chance(0.85) : r.chance(0.03);
    const owner = ix.users.get(onJob ? job.sales_rep : contact.sales_rep) ?? r.pick(reps);
    const extra = r.chance(0.2) ? r.pick(users.filter((u) => u.id !== owner.id)) : null;
    const created = past(start - r.int(1, 14) * DAY - r.int(0, 8 * 3600), base.date_created);
    tasks.push({
      jnid: newId(),
      external_id: null,
      recid: 0,
      number: "",
      customer,
      type: "task",
      ...by(r.chance(0.7) ? owner : r.pick(office)),
      date_created: created,
      date_updated: past(done ? end + r.int(0, 7200) : created + r.int(0, 7200), created),
      is_active: true,
      is_archived: false,
      is_completed: done,
      primary: null,
      related: onJob ? [refOf(job), refOf(contact)] : [refOf(contact)],
      title: fill(r.pick(V.TASK_TITLES[kind]), { address: base.address_line1, contact: contact.display_name, job: onJob ? job.name : contact.display_name }),
      description: "",
      location: { id: base.location.id },
      record_type: type.TaskTypeId,
      record_type_name: type.TypeName,
      priority: r.weighted([[0, 40], [1, 25], [2, 25], [3, 10]]),
      date_start: start,
      date_end: end,
      date_sort: null,
      all_day: false,
      actual_time: done ? TASK_MINUTES[kind] : 0,
      estimated_time: TASK_MINUTES[kind],
      hide_from_calendarview: type.HideFromCalendarView,
      hide_from_tasklist: type.HideFromTaskList,
      owners: extra ? [{ id: owner.id }, { id: extra.id }] : [{ id: owner.id }],
      subcontractors: [],
      tags: [],
      rules: [],
    });
  }
  number(tasks)(1);

  // ---- Activities: the team's notes, then the system's own log entries ----
  const activities = [];
  /** One activity on a contact or job; written out field by field, as there are thousands of them. */
  const activity = (primary, { note, type = null, name = type?.TypeName, editable = true, newStatus = null }, author, when) => {
    const contact = primary.type === "job" ? contactById.get(primary.primary.id) : null;
    const ref = refOf(primary);
    if (newStatus !== null) ref.new_status = newStatus;
    activities.push({
      jnid: newId(),
      type: "activity",
      customer,
      location: { id: primary.location.id },
      primary: ref,
      related: contact ? [refOf(contact)] : [],
      note,
      record_type: type ? type.ActivityTypeId : 0,
      record_type_name: name,
      is_active: true,
      is_archived: false,
      is_editable: editable,
      is_status_change: newStatus !== null,
      owners: primary.owners.map((o) => ({ id: o.id })),
      created_by: author.id,
      created_by_name: userName(author),
      date_created: when,
      date_updated: when,
      sales_rep: primary.sales_rep,
      sales_rep_name: primary.sales_rep_name,
    });
  };
  const noteOn = (primary, kind, template, author, when) => {
    const contact = primary.type === "job" ? contactById.get(primary.primary.id) : primary;
    const note = fill(template, { contact: contact.display_name, job: primary.type === "job" ? primary.name : "the job", squares: r.int(14, 48), pitch: r.pick(["4/12", "6/12", "8/12"]) });
    activity(primary, { note, type: ix.activityTypes.get(ix.norm(kind)) }, author, when);
  };
  for (let i = 0; i < COUNTS.notes; i++) {
    const primary = r.chance(0.75) ? r.pick(jobs) : r.pick(clients);
    const kind = r.weighted(NOTE_KINDS);
    const author = ix.users.get(primary.sales_rep) && r.chance(0.8) ? ix.users.get(primary.sales_rep) : r.pick(users);
    const span = Math.max(now - primary.date_created, 60);
    noteOn(primary, kind, r.pick(V.ACTIVITY_NOTES[kind]), author, past(primary.date_created + Math.floor(r.next() * span), primary.date_created));
  }
  FIXED_JOB_NOTES.forEach(([kind, template], i) => {
    noteOn(fixed, kind, template, ix.users.get(fixed.sales_rep), past(fixed.date_status_change + (i + 1) * 3 * 3600, fixed.date_created));
  });
  const system = (name, record, when, { note = `${name.charAt(0)}${name.slice(1).toLowerCase()}: ${nameOf(record)}`, newStatus = null } = {}) =>
    activity(record, { note, name, editable: false, newStatus }, ix.users.get(record.created_by) ?? account.users[0], when);
  for (const c of contacts) {
    system("Contact Created", c, c.date_created);
    if (!c.is_active) system("Contact Deleted", c, c.date_updated);
  }
  for (const j of jobs) {
    system("Job Created", j, j.date_created);
    if (j.status !== ix.workflows.job.get(ix.norm(j.record_type_name)).status[0].id) {
      system("Job Modified", j, j.date_status_change, { note: `Status changed to ${j.status_name}`, newStatus: j.status });
    }
    if (!j.is_active) system("Job Deleted", j, j.date_updated);
  }

  // ---- Files: metadata records plus their bodies ----
  const files = [];
  const fileBodies = new Map();
  const withPaperwork = jobs.filter((j) => ["middle", "production", "done"].includes(stageOf(workflow("job", j.record_type_name), ix.statusById.get(j.status))));
  const kindWeights = V.FILE_KINDS.map((k) => [k, k.weight]);
  /** photos differ only by a shade, so each shade's picture is made once */
  const photos = new Map();
  const photo = (shade) => {
    const tint = (rgb) => rgb.map((c) => clamp(c + shade, 0, 255));
    if (!photos.has(shade)) photos.set(shade, makePng({ sky: tint([135, 190, 235]), roof: tint([96, 72, 60]), wall: tint([220, 208, 186]) }));
    return photos.get(shade);
  };
  const names = new Set();
  for (let i = 0; i < COUNTS.files; i++) {
    const job = r.pick(withPaperwork);
    const contact = contactById.get(job.primary.id);
    const kind = r.weighted(kindWeights);
    const ext = kind.content_type === "application/pdf" ? "pdf" : "png";
    const shade = r.int(-25, 25);
    const body = ext === "pdf"
      ? makePdf(`${kind.label} - Job #${job.number}`, [
          job.name, `Customer: ${contact.display_name}`, `${job.address_line1}, ${job.city}, ${job.state_text} ${job.zip}`,
          `Prepared by ${account.company}.`,
        ])
      : photo(shade);
    let filename = `${kind.slug}-${job.number}.${ext}`;
    for (let n = 2; names.has(filename); n++) filename = `${kind.slug}-${job.number}-${n}.${ext}`;
    names.add(filename);
    const type = ix.fileTypes.get(kind.type);
    const created = past(job.date_created + r.int(0, 30) * DAY + r.int(0, 3600), job.date_created);
    const author = ix.users.get(job.sales_rep) ?? reps[0];
    const id = newId();
    fileBodies.set(id, body);
    files.push({
      jnid: id,
      customer,
      type: "attachment",
      ...by(author),
      date_created: created,
      date_updated: created,
      date_file_created: created,
      is_active: true,
      is_archived: false,
      is_private: false,
      filename,
      content_type: kind.content_type,
      size: body.length,
      description: kind.label,
      record_type: type.FileTypeId,
      record_type_name: type.TypeName,
      related: [fileRefOf(job), fileRefOf(contact)],
      primary: { id: job.jnid, type: "job", number: job.number, name: job.name },
      owners: [{ id: author.id }],
      sales_rep: job.sales_rep,
    });
  }

  return { contacts, jobs, tasks, activities, files, fileBodies };
}

/** Where a job is in its workflow, for choosing what tasks, files and paperwork it has. */
export function stageOf(workflow, status) {
  const index = workflow.status.findIndex((s) => s.id === status.id);
  if (status.is_closed) return status.name === "Completed" ? "done" : "lost";
  if (status.is_lead || index === 0) return "early";
  if (["Sold", "In Production", "Scheduled"].includes(status.name)) return "production";
  return "middle";
}
