// Generates the mock CRM (contacts, jobs, tasks, activities, files) from a fixed seed.
// Same `now` in → identical records out; ids and names do not depend on `now` at all.

import { createRandom } from "./random.mjs";
import { makePdf, makePng } from "./binary.mjs";
import * as V from "./vocab.mjs";

export const SEED = 0x4a4e4d42; // "JNMB"
const DAY = 86400;
const COUNTS = { contacts: 300, jobs: 220, tasks: 400, activities: 500, files: 48 };

/** Midnight UTC of the current day, in unix seconds: the default anchor for generated dates. */
export function defaultNow() {
  const d = new Date();
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 1000);
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ""));
}

const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), hi);
const ref = (record) => ({ id: record.jnid, name: record.display_name ?? record.name, type: record.type });

/**
 * @param {{ now?: number }} [opts] now: unix seconds that "today" means for the data
 * @returns {{ now: number, contacts: object[], jobs: object[], tasks: object[], activities: object[], files: object[], fileBodies: Map<string, Buffer>, users: {id: string, name: string}[] }}
 */
export function generateDataset({ now = defaultNow() } = {}) {
  const r = createRandom(SEED);
  const used = new Set();
  const newId = () => {
    let id = r.id();
    while (used.has(id)) id = r.id();
    used.add(id);
    return id;
  };
  const users = [...V.SALES_REPS, ...V.OFFICE_STAFF].map((name) => ({ id: newId(), name }));
  const reps = users.slice(0, V.SALES_REPS.length);
  const anyone = () => r.pick(r.chance(0.7) ? reps : users).name;
  /** t, kept between lo and now; times that would be in the future land a random while before now */
  const past = (t, lo) => {
    const jitter = r.int(600, 3 * DAY);
    return Math.max(t <= now ? t : now - jitter, lo);
  };

  const phone = (loc) => `(${r.pick(loc.area)}) 555-01${String(r.int(0, 99)).padStart(2, "0")}`;
  const street = () => `${r.int(101, 9899)} ${r.pick(V.STREET_NAMES)} ${r.pick(V.STREET_SUFFIXES)}`;
  const emails = new Set();
  const companyUse = new Map();

  // Contacts
  const contacts = [];
  for (let i = 0; i < COUNTS.contacts; i++) {
    const kind = r.weighted([["Customer", 55], ["Lead", 30], ["Vendor", 8], ["Subcontractor", 7]]);
    const loc = r.pick(V.CITIES);
    const first = r.pick(V.FIRST_NAMES);
    const last = r.pick(V.LAST_NAMES);
    const commercial = r.chance(0.08);
    let company = "";
    if (kind === "Vendor" || kind === "Subcontractor") {
      const list = kind === "Vendor" ? V.VENDOR_COMPANIES : V.SUBCONTRACTOR_COMPANIES;
      const base = r.pick(list);
      const n = (companyUse.get(base) ?? 0) + 1;
      companyUse.set(base, n);
      company = n === 1 ? base : `${base} (${loc.city})`;
    } else if (commercial) {
      company = r.pick(V.COMMERCIAL_NAMES);
    }
    const slug = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "");
    let email = `${slug}@${r.pick(V.EMAIL_DOMAINS)}`;
    for (let n = 2; emails.has(email); n++) email = email.replace(/\d*@/, `${n}@`);
    emails.add(email);
    const statusRoll = r.next();
    const status =
      kind === "Lead" ? (statusRoll < 0.7 ? "Lead" : statusRoll < 0.9 ? "Prospect" : "Inactive")
      : statusRoll < 0.86 ? "Active" : "Inactive";
    const tags = kind === "Customer" || kind === "Lead" ? r.sample(V.CONTACT_TAGS, r.int(0, 3)) : [];
    if (commercial && !tags.includes("commercial")) tags.push("commercial");
    const homeRoll = r.chance(0.55);
    const home = phone(loc);
    const mobile = phone(loc);
    const created = now - r.int(3, 730) * DAY - r.int(0, DAY - 1);
    const updated = past(created + r.int(0, 120) * DAY + r.int(0, 3600), created);
    contacts.push({
      jnid: newId(),
      type: "contact",
      first_name: first,
      last_name: last,
      display_name: company || `${first} ${last}`,
      company,
      email,
      home_phone: homeRoll ? home : "",
      mobile_phone: mobile,
      address_line1: street(),
      city: loc.city,
      state_text: loc.state,
      zip: r.pick(loc.zips),
      record_type_name: kind,
      status_name: status,
      sales_rep_name: r.pick(reps).name,
      tags,
      date_created: created,
      date_updated: updated,
      created_by_name: anyone(),
      is_active: status !== "Inactive",
    });
  }
  const clients = contacts.filter((c) => c.record_type_name === "Customer" || c.record_type_name === "Lead");

  // Jobs
  const jobs = [];
  const jobTypeWeights = Object.entries(V.JOB_TYPES).map(([name, t]) => [name, t.weight]);
  for (let i = 0; i < COUNTS.jobs; i++) {
    const contact = r.pick(clients);
    const typeName = r.weighted(jobTypeWeights);
    const jobType = V.JOB_TYPES[typeName];
    const ownAddress = r.chance(0.9);
    const loc = r.pick(V.CITIES);
    const otherStreet = street();
    const otherZip = r.pick(loc.zips);
    const address = ownAddress
      ? { address_line1: contact.address_line1, city: contact.city, state_text: contact.state_text, zip: contact.zip }
      : { address_line1: otherStreet, city: loc.city, state_text: loc.state, zip: otherZip };
    const statusWeights = contact.record_type_name === "Lead"
      ? [["Lead", 45], ["Estimating", 40], ["Lost", 15]]
      : [["Lead", 8], ["Estimating", 14], ["Sold", 16], ["In Progress", 14], ["Completed", 38], ["Lost", 10]];
    const status = r.weighted(statusWeights);
    const [lo, hi] = jobType.price;
    const amount = Math.round((lo + r.next() * (hi - lo)) * 100) / 100;
    const approved = ["Sold", "In Progress", "Completed"].includes(status) ? amount : 0;
    const desc = fill(r.pick(V.JOB_DESCRIPTIONS[typeName]), {
      squares: r.int(14, 48), pitch: r.pick(["4/12", "5/12", "6/12", "7/12", "8/12", "10/12"]), feet: r.int(90, 260),
    });
    const work = r.pick(jobType.works);
    const span = Math.max(now - contact.date_created, DAY);
    const created = past(contact.date_created + Math.floor(r.next() * span), contact.date_created);
    const updated = past(created + r.int(0, 60) * DAY + r.int(0, 3600), created);
    jobs.push({
      jnid: newId(),
      type: "job",
      name: `${work} – ${address.address_line1}`,
      number: "",
      record_type_name: typeName,
      status_name: status,
      primary: ref(contact),
      sales_rep_name: contact.sales_rep_name,
      ...address,
      approved_estimate_total: approved,
      description: desc,
      date_created: created,
      date_updated: updated,
      created_by_name: r.chance(0.8) ? contact.sales_rep_name : r.pick(V.OFFICE_STAFF),
      is_active: status !== "Lost",
    });
  }
  [...jobs]
    .sort((a, b) => a.date_created - b.date_created || a.jnid.localeCompare(b.jnid))
    .forEach((job, i) => { job.number = String(1001 + i); });
  const contactById = new Map(contacts.map((c) => [c.jnid, c]));

  // Tasks
  const tasks = [];
  const durations = { Inspection: 3600, Call: 1800, Install: 8 * 3600, "Follow-up": 1800 };
  for (let i = 0; i < COUNTS.tasks; i++) {
    const onJob = r.chance(0.8);
    const job = r.pick(jobs);
    const lone = r.pick(clients);
    let kind = r.weighted([["Inspection", 25], ["Call", 30], ["Install", 15], ["Follow-up", 30]]);
    if (!onJob && kind === "Install") kind = "Call";
    const contact = onJob ? contactById.get(job.primary.id) : lone;
    const title = fill(r.pick(V.TASK_TITLES[kind]), {
      address: onJob ? job.address_line1 : contact.address_line1,
      contact: contact.display_name,
      job: onJob ? job.name : contact.display_name,
    });
    const start = now + r.int(-30, 30) * DAY + r.int(7, 17) * 3600 + r.pick([0, 1800]);
    const end = start + durations[kind];
    const doneRoll = r.next();
    const isCompleted = end < now ? doneRoll < 0.85 : doneRoll < 0.03;
    const owner = onJob ? reps.find((u) => u.name === job.sales_rep_name) ?? reps[0] : r.pick(reps);
    const extraOwner = r.chance(0.2) ? r.pick(users.slice(reps.length)) : null;
    const base = onJob ? job : contact;
    const created = past(start - r.int(1, 20) * DAY - r.int(0, 8 * 3600), base.date_created);
    const updatedOffset = r.int(0, 7200);
    tasks.push({
      jnid: newId(),
      type: "task",
      title,
      record_type_name: kind,
      date_start: start,
      date_end: end,
      is_completed: isCompleted,
      priority: r.weighted([[0, 40], [1, 25], [2, 25], [3, 10]]),
      related: onJob ? [ref(job), ref(contact)] : [ref(contact)],
      owners: extraOwner ? [{ ...owner }, { ...extraOwner }] : [{ ...owner }],
      date_created: created,
      date_updated: past(isCompleted ? end + updatedOffset : created + updatedOffset, created),
      created_by_name: anyone(),
      is_active: true,
    });
  }

  // Activities (notes)
  const activities = [];
  for (let i = 0; i < COUNTS.activities; i++) {
    const onJob = r.chance(0.7);
    const job = r.pick(jobs);
    const anyContact = r.pick(r.chance(0.9) ? clients : contacts);
    const primary = onJob ? job : anyContact;
    const contact = onJob ? contactById.get(job.primary.id) : anyContact;
    const kind = r.weighted([["Note", 50], ["Email", 25], ["Call log", 25]]);
    const note = fill(r.pick(V.ACTIVITY_NOTES[kind]), {
      contact: contact.display_name, job: onJob ? job.name : "the job",
      squares: r.int(14, 48), pitch: r.pick(["4/12", "6/12", "8/12"]),
    });
    const span = Math.max(now - primary.date_created, 60);
    const created = past(primary.date_created + Math.floor(r.next() * span), primary.date_created);
    activities.push({
      jnid: newId(),
      type: "activity",
      note,
      record_type_name: kind,
      primary: ref(primary),
      date_created: created,
      date_updated: created,
      created_by_name: onJob ? job.sales_rep_name : anyone(),
      is_active: true,
    });
  }

  // Files: metadata records plus their bodies
  const files = [];
  const fileBodies = new Map();
  const soldJobs = jobs.filter((j) => j.approved_estimate_total > 0);
  for (let i = 0; i < COUNTS.files; i++) {
    const job = r.pick(soldJobs);
    const kind = r.pick(V.FILE_KINDS);
    const shade = r.int(-25, 25);
    const tint = (rgb) => rgb.map((c) => clamp(c + shade, 0, 255));
    const id = newId();
    const ext = kind.content_type === "application/pdf" ? "pdf" : "png";
    const body = ext === "pdf"
      ? makePdf(`${kind.label} - Job #${job.number}`, [
          job.name, `Customer: ${job.primary.name}`, `${job.address_line1}, ${job.city}, ${job.state_text} ${job.zip}`,
          `Approved estimate: $${job.approved_estimate_total.toFixed(2)}`, "Generated by the JobNimbus Console mock API.",
        ])
      : makePng({ sky: tint([135, 190, 235]), roof: tint([96, 72, 60]), wall: tint([220, 208, 186]) });
    fileBodies.set(id, body);
    const created = past(job.date_created + r.int(0, 30) * DAY + r.int(0, 3600), job.date_created);
    files.push({
      jnid: id,
      type: "file",
      filename: `${kind.slug}-${job.number}${files.some((f) => f.filename === `${kind.slug}-${job.number}.${ext}`) ? `-${i}` : ""}.${ext}`,
      content_type: kind.content_type,
      size: body.length,
      description: kind.label,
      record_type_name: kind.record_type_name,
      primary: ref(job),
      date_created: created,
      date_updated: created,
      created_by_name: job.sales_rep_name,
      is_active: true,
    });
  }

  return { now, contacts, jobs, tasks, activities, files, fileBodies, users };
}
