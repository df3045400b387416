// Generates the /v2 records (products, estimates, invoices, work orders, material orders) for the
// generated jobs (jobnimbus-api.md §3h), and writes the approved totals back onto the jobs.

import * as V from "./vocab.mjs";
import { stageOf } from "./crm.mjs";
import { refOf, userName, workflowFields } from "../records.mjs";

const DAY = 86400;

/**
 * The seed's estimate and invoice `status` numbers. JobNimbus documents `status` as an integer and
 * not what each value means; these meanings are the mock's (mock/README.md).
 */
export const DOCUMENT_STATUS = { draft: 1, sent: 2, approved: 3, declined: 4 };

/** Which products a job of each workflow uses, by SKU. */
const PRODUCTS_FOR = {
  "Residential Roofing": ["SHG-AR-WW", "RDG-CAP", "UND-SYN", "IWS-200", "DRP-WH", "STR-01", "LAB-TEAR", "LAB-INST", "DUMP-20", "PERMIT"],
  "Insurance Claim": ["SHG-C4", "RDG-CAP", "UND-SYN", "IWS-200", "VNT-RDG", "BOOT-3", "LAB-TEAR", "LAB-INST", "GUT-6-WH", "DUMP-20"],
  "Gutters & Siding": ["GUT-6-WH", "DSP-34", "GRD-MESH", "SDG-FC", "LAB-GUT"],
  "Repair & Service": ["SHG-AR-CH", "FLS-STEP", "BOOT-3", "OSB-716", "LAB-DECK", "LAB-INST"],
  "Commercial Roofing": ["TPO-60", "UND-SYN", "FLS-STEP", "LAB-TEAR", "LAB-INST", "DUMP-20", "PERMIT"],
};

/**
 * @param {{ r: any, account: any, ix: any, now: number, newId: () => string, jobs: object[], contacts: object[] }} ctx
 */
export function generateV2({ r, account, ix, now, newId, jobs, contacts }) {
  const { customer } = account;
  const owner = ix.users.get(account.ownerId);
  const by = (user) => ({ created_by: user.id, created_by_name: userName(user) });
  const round2 = (n) => Math.round(n * 100) / 100;
  const vendors = contacts.filter((c) => c.record_type_name === "Vendor" && c.is_active);

  const products = V.PRODUCTS.map(([name, item_type, uom, mCost, mPrice, lCost, lPrice, sku], i) => {
    const created = now - (900 - i * 7) * DAY;
    return {
      jnid: newId(),
      customer,
      type: "product",
      ...by(owner),
      date_created: created,
      date_updated: created + r.int(0, 200) * DAY,
      location_id: 1,
      name,
      description: `${name} (${sku})`,
      suppliers: item_type === "labor" ? [] : [r.pick(vendors).jnid],
      is_active: true,
      tax_exempt: item_type === "labor",
      item_type,
      uoms: [{ uom, material: { cost: mCost, price: mPrice }, labor: { cost: lCost, price: lPrice } }],
    };
  });
  const productBySku = new Map(V.PRODUCTS.map((p, i) => [p[7], products[i]]));

  /** Line items worth about `target` from the workflow's products. */
  const itemsFor = (job, target) => {
    const skus = r.sample(PRODUCTS_FOR[job.record_type_name], r.int(3, PRODUCTS_FOR[job.record_type_name].length));
    const weights = skus.map(() => 0.5 + r.next());
    const sum = weights.reduce((a, b) => a + b, 0);
    return skus.map((sku, i) => {
      const product = productBySku.get(sku);
      const { uom, material, labor } = product.uoms[0];
      const unitPrice = material.price + labor.price;
      const quantity = Math.max(1, Math.round((target * weights[i]) / sum / unitPrice));
      return {
        jnid: newId(),
        name: product.name,
        description: "",
        uom,
        item_type: product.item_type,
        quantity,
        price: material.price,
        cost: material.cost,
        amount: round2(quantity * unitPrice),
        labor: { price: labor.price, cost: labor.cost, amount: round2(quantity * labor.price) },
        sku,
        color: sku.endsWith("-WW") ? "Weathered Wood" : sku.endsWith("-CH") ? "Charcoal" : "",
        category: product.item_type === "labor" ? "Labor" : "Materials",
        photos: [],
      };
    });
  };
  const totals = (items, taxRate) => {
    const subtotal = round2(items.reduce((a, it) => a + it.amount, 0));
    const cost = round2(items.reduce((a, it) => a + it.quantity * (it.cost + it.labor.cost), 0));
    const tax = round2(items.filter((it) => it.item_type !== "labor").reduce((a, it) => a + it.quantity * it.price, 0) * taxRate);
    return { subtotal, tax, total: round2(subtotal + tax), cost, margin: subtotal ? round2((subtotal - cost) / subtotal) : 0 };
  };
  const common = (type, job, user, created) => ({
    jnid: newId(),
    recid: 0,
    number: "",
    customer,
    type,
    ...by(user),
    date_created: created,
    date_updated: created,
    is_active: true,
    external_id: null,
    related: [{ id: job.jnid, type: "job", name: job.name, number: job.number }],
    owners: job.owners.map((o) => ({ id: o.id })),
    sales_rep: job.sales_rep,
    location: { id: job.location.id },
  });
  const numbered = (list, first) => {
    list.sort((a, b) => a.date_created - b.date_created || (a.jnid < b.jnid ? -1 : 1));
    list.forEach((rec, i) => { rec.recid = first + i; rec.number = String(first + i); });
    return list;
  };

  const estimates = [];
  const invoices = [];
  const workorders = [];
  const materialorders = [];
  const woFlow = ix.workflows.workorder.get("work order");
  const woStatus = (name) => woFlow.status.find((s) => s.name === name);
  for (const job of jobs) {
    const wf = ix.workflows.job.get(ix.norm(job.record_type_name));
    const stage = stageOf(wf, ix.statusById.get(job.status));
    if (stage === "early") continue;
    const rep = ix.users.get(job.sales_rep) ?? owner;
    const [lo, hi] = V.JOB_WORK[job.record_type_name].price;
    const taxRate = job.state_text === "TX" ? 0.0825 : 0.029;
    const items = itemsFor(job, lo + r.next() * (hi - lo));
    const sums = totals(items, taxRate);
    const estimated = Math.min(job.date_created + r.int(1, 12) * DAY, now - 3600);
    const estimateStatus = stage === "middle" ? r.pick([DOCUMENT_STATUS.draft, DOCUMENT_STATUS.sent]) : stage === "lost" ? DOCUMENT_STATUS.declined : DOCUMENT_STATUS.approved;
    estimates.push(Object.assign(common("estimate", job, rep, estimated), {
      date_updated: Math.max(estimated, Math.min(job.date_status_change, now)),
      date_estimate: estimated,
      date_status_change: Math.max(estimated, job.date_status_change),
      status: estimateStatus,
      internal_note: "",
      items,
      sections: [],
      ...sums,
      template_id: null,
      attachment_id: null,
      esigned: estimateStatus === DOCUMENT_STATUS.approved && r.chance(0.7),
      guid: newId(),
    }));
    if (estimateStatus !== DOCUMENT_STATUS.approved) continue;
    job.approved_estimate_total = sums.total;
    const produced = stage === "done" || job.status_name === "In Production";

    if (produced || r.chance(0.5)) {
      const invoiced = Math.min(Math.max(job.date_start || job.date_status_change, estimated + DAY), now - 3600);
      const paid = stage === "done" ? sums.total : round2(sums.total * r.pick([0, 0, 0.3, 0.5]));
      const payDate = Math.min(invoiced + r.int(1, 20) * DAY, now - 600);
      invoices.push({
        ...common("invoice", job, ix.users.get(account.officeIds[1]) ?? owner, invoiced),
        date_updated: paid ? payDate : invoiced,
        date_invoice: invoiced,
        date_due: invoiced + 30 * DAY,
        date_paid_in_full: paid === sums.total ? payDate : 0,
        date_status_change: paid ? payDate : invoiced,
        status: paid === sums.total ? DOCUMENT_STATUS.approved : DOCUMENT_STATUS.sent,
        internal_note: "",
        items,
        sections: [],
        ...sums,
        due: round2(sums.total - paid),
        total_paid: paid,
        payments: paid ? [{ amount: paid, date: payDate, method: r.pick(["Check", "Credit Card", "ACH", "Insurance Check"]) }] : [],
        first_payment_date: paid ? payDate : 0,
        template_id: null,
        attachment_id: null,
        guid: newId(),
      });
      job.approved_invoice_total = sums.total;
    }
    if (produced) {
      const crew = ix.users.get(r.pick(account.productionIds)) ?? owner;
      const start = job.date_start || job.date_status_change;
      const woCreated = Math.min(start - r.int(1, 7) * DAY, now - 3600);
      const status = stage === "done" ? woStatus("Completed") : r.pick([woStatus("Scheduled"), woStatus("In Progress")]);
      workorders.push({
        ...common("workorder", job, crew, Math.max(woCreated, estimated)),
        name: `Work order – ${job.name}`,
        description: `Crew instructions for job #${job.number}. Protect landscaping; magnet sweep at the end of each day.`,
        ...workflowFields(woFlow, status),
        owners: [{ id: crew.id }],
        date_start: start,
        date_end: job.date_end || start + DAY,
        items: items.filter((it) => it.item_type !== "material"),
        cf_boolean_1: stage === "done",
        cf_string_1: r.pick(V.SUBCONTRACTOR_COMPANIES),
      });
      const ordered = Math.max(Math.min(start - r.int(2, 10) * DAY, now - 3600), estimated);
      const vendor = r.pick(vendors);
      const materials = items.filter((it) => it.item_type !== "labor");
      materialorders.push({
        ...common("materialorder", job, rep, ordered),
        related: [{ id: job.jnid, type: "job", name: job.name, number: job.number }, { ...refOf(vendor) }],
        description: `Materials for job #${job.number}, deliver to ${job.address_line1}`,
        items: materials,
        supplier: { id: vendor.jnid, name: vendor.display_name },
        date_delivery: start - DAY,
        total: round2(materials.reduce((a, it) => a + it.quantity * it.cost, 0)),
      });
    }
  }

  return {
    products,
    estimates: numbered(estimates, 3001),
    invoices: numbered(invoices, 5001),
    workorders: numbered(workorders, 7001),
    materialorders: numbered(materialorders, 9001),
  };
}
