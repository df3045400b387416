// The mock account: a roofing contractor's team, workflows, types, lead sources and locations,
// in the shapes jobnimbus-api.md §3f and §5f give. Fixed data: the same on every start.

import { createRandom } from "./random.mjs";

const ACCOUNT_SEED = 0x41434354; // "ACCT"

export const COMPANY = "Summit Ridge Roofing & Exteriors";
const DOMAIN = "summitridge-roofing.example";

/** [first, last, job, calendar colour, active]; the first is the account owner. */
const TEAM = [
  ["Dana", "Whitfield", "owner", "#1f77b4", true],
  ["Marcus", "Reyes", "sales", "#ff7f0e", true],
  ["Tina", "Okafor", "sales", "#2ca02c", true],
  ["Greg", "Halvorsen", "sales", "#d62728", true],
  ["Priya", "Natarajan", "sales", "#9467bd", true],
  ["Cody", "Brennan", "production", "#8c564b", true],
  ["Jill", "Carver", "office", "#e377c2", true],
  ["Sam", "Ortiz", "sales", "#7f7f7f", false],
];

/** [id, parent_id, name, states it serves] */
const LOCATIONS = [
  [1, null, "Front Range", ["CO"]],
  [2, null, "North Texas", ["TX"]],
];

/** [status name, is_lead, is_closed] in workflow order; status ids are unique across the account. */
const WORKFLOWS = [
  { id: 1, object_type: "contact", name: "Lead", statuses: [["New Lead", true, false], ["Contacted", true, false], ["Appointment Set", true, false], ["Not Interested", false, true]] },
  { id: 2, object_type: "contact", name: "Customer", statuses: [["Active", false, false], ["Warranty", false, false], ["Past Customer", false, true]] },
  { id: 3, object_type: "contact", name: "Vendor", is_vendor: true, is_supplier: true, statuses: [["Active", false, false], ["Inactive", false, true]] },
  { id: 4, object_type: "contact", name: "Subcontractor", is_sub_contractor: true, statuses: [["Active", false, false], ["Inactive", false, true]] },
  { id: 5, object_type: "contact", name: "Insurance Adjuster", statuses: [["Active", false, false], ["Inactive", false, true]] },
  {
    id: 10, object_type: "job", name: "Residential Roofing",
    statuses: [["Lead", true, false], ["Inspection Scheduled", true, false], ["Estimating", false, false], ["Sold", false, false], ["In Production", false, false], ["Completed", false, true], ["Lost", false, true]],
  },
  {
    id: 11, object_type: "job", name: "Insurance Claim",
    statuses: [["Lead", true, false], ["Inspection Scheduled", true, false], ["Claim Filed", false, false], ["Adjuster Meeting", false, false], ["Approved", false, false], ["Sold", false, false], ["In Production", false, false], ["Completed", false, true], ["Denied", false, true]],
  },
  {
    id: 12, object_type: "job", name: "Gutters & Siding",
    statuses: [["Lead", true, false], ["Estimating", false, false], ["Sold", false, false], ["In Production", false, false], ["Completed", false, true], ["Lost", false, true]],
  },
  {
    id: 13, object_type: "job", name: "Repair & Service",
    statuses: [["Lead", true, false], ["Estimating", false, false], ["Scheduled", false, false], ["Completed", false, true], ["Lost", false, true]],
  },
  {
    id: 14, object_type: "job", name: "Commercial Roofing",
    statuses: [["Lead", true, false], ["Bid Submitted", false, false], ["Sold", false, false], ["In Production", false, false], ["Completed", false, true], ["Lost", false, true]],
  },
  {
    id: 20, object_type: "workorder", name: "Work Order",
    statuses: [["Scheduled", false, false], ["In Progress", false, false], ["On Hold", false, false], ["Completed", false, true], ["Cancelled", false, true]],
  },
];

/** The documented file type codes (§3e), then two custom types of this account. */
const FILE_TYPES = [
  [1, "Document"], [2, "Photo"], [3, "Email Attachment"], [4, "naturalForms"], [5, "Invoice"],
  [6, "Eagleview"], [7, "Accurence"], [8, "Credit Memo"], [101, "Insurance Scope"], [102, "Permit"],
];

/** [id, name, default title, icon, hide from task list, hide from calendar] */
const TASK_TYPES = [
  [1, "Inspection", "Roof inspection", "search", false, false],
  [2, "Appointment", "Appointment", "calendar", false, false],
  [3, "Call", "Call", "phone", false, true],
  [4, "Follow-up", "Follow up", "repeat", false, true],
  [5, "Install", "Install", "hammer", false, false],
  [6, "Material Delivery", "Material delivery", "truck", false, false],
  [7, "Adjuster Meeting", "Meet the adjuster", "briefcase", false, false],
  [8, "Final Walk-through", "Final walk-through", "check", false, false],
];

/** [id, name, shown in JobShare] */
const ACTIVITY_TYPES = [
  [1, "Note", true], [2, "Email", false], [3, "Call log", false], [4, "Text Message", false], [5, "Site Visit", true], [6, "Meeting", false],
];

/** [id, name, active] */
const SOURCES = [
  [1, "Door Knocking", true], [2, "Referral", true], [3, "Website", true], [4, "Google Ads", true], [5, "Yard Sign", true],
  [6, "Repeat Customer", true], [7, "Home Show", true], [8, "Facebook", true], [9, "Storm Canvass 2024", false],
];

const UOMS = ["SQ", "LF", "EA", "BDL", "RL", "SF", "HR", "BX", "GAL", "TUBE"];

/**
 * @returns {{ customer: string, company: string, users: object[], ownerId: string, locations: object[],
 *   settings: { workflows: object[], fileTypes: object[], taskTypes: object[], activityTypes: object[], sources: object[] },
 *   groups: object[], uoms: string[], usersUpdated: number }}
 */
export function createAccount({ now }) {
  const r = createRandom(ACCOUNT_SEED);
  const customer = r.jnid();
  const users = TEAM.map(([first, last, , colour, active]) => ({
    first_name: first,
    last_name: last,
    image_url: "",
    id: r.jnid(),
    calendar_color: colour,
    email: `${first.toLowerCase()}@${DOMAIN}`,
    is_active: active,
  }));
  const roleOf = new Map(TEAM.map(([, , role], i) => [users[i].id, role]));
  const idsOf = (role) => users.filter((u) => u.is_active && roleOf.get(u.id) === role).map((u) => u.id);
  const owner = users[0];
  const allProfiles = [1, 2, 3];

  const workflows = WORKFLOWS.map((w, order) => {
    let statusId = w.id * 10;
    return {
      id: w.id,
      order: order + 1,
      object_type: w.object_type,
      name: w.name,
      is_sub_contractor: Boolean(w.is_sub_contractor),
      is_supplier: Boolean(w.is_supplier),
      is_vendor: Boolean(w.is_vendor),
      is_active: true,
      can_access_by_all: true,
      icon: null,
      status: w.statuses.map(([name, isLead, isClosed], i) => ({
        id: statusId++,
        name,
        is_lead: isLead,
        is_closed: isClosed,
        is_active: true,
        is_archived: false,
        send_to_quickbooks: name === "Sold",
        force_mobile_sync: false,
        order: i + 1,
        profile_ids: allProfiles,
      })),
    };
  });

  return {
    customer,
    company: COMPANY,
    users,
    ownerId: owner.id,
    salesRepIds: idsOf("sales"),
    productionIds: idsOf("production"),
    officeIds: [owner.id, ...idsOf("office")],
    locations: LOCATIONS.map(([id, parent_id, name, states]) => ({ id, parent_id, name, states })),
    settings: {
      workflows,
      fileTypes: FILE_TYPES.map(([FileTypeId, TypeName]) => ({ FileTypeId, TypeName, IsActive: true })),
      taskTypes: TASK_TYPES.map(([TaskTypeId, TypeName, DefaultName, Icon, HideFromTaskList, HideFromCalendarView]) => ({
        TaskTypeId, TypeName, DefaultName, Icon, HideFromTaskList, HideFromCalendarView, IsActive: true,
      })),
      activityTypes: ACTIVITY_TYPES.map(([ActivityTypeId, TypeName, ShowInJobShare]) => ({ ActivityTypeId, TypeName, ShowInJobShare, IsActive: true })),
      sources: SOURCES.map(([JobSourceId, SourceName, IsActive]) => ({ JobSourceId, SourceName, IsActive })),
    },
    groups: [
      { name: "Sales", managers: [owner.id], members: idsOf("sales") },
      { name: "Production", managers: idsOf("production"), members: [...idsOf("production"), ...idsOf("sales").slice(0, 2)] },
      { name: "Office", managers: [owner.id], members: idsOf("office") },
    ],
    uoms: UOMS,
    usersUpdated: now - 86400 * 12,
  };
}

/** Lookups over an account's settings by name, as writes use them (§7.2). */
export function accountIndex(account) {
  const { settings } = account;
  const norm = (s) => String(s).trim().toLowerCase();
  const byName = (list, key) => new Map(list.map((item) => [norm(item[key]), item]));
  const workflowsByType = (type) => byName(settings.workflows.filter((w) => w.object_type === type && w.is_active), "name");
  return {
    norm,
    workflows: { contact: workflowsByType("contact"), job: workflowsByType("job"), workorder: workflowsByType("workorder") },
    statusById: new Map(settings.workflows.flatMap((w) => w.status.map((s) => [s.id, s]))),
    fileTypes: new Map(settings.fileTypes.map((t) => [t.FileTypeId, t])),
    fileTypesByName: byName(settings.fileTypes, "TypeName"),
    taskTypes: byName(settings.taskTypes.filter((t) => t.IsActive), "TypeName"),
    activityTypes: byName(settings.activityTypes.filter((t) => t.IsActive), "TypeName"),
    sources: byName(settings.sources.filter((s) => s.IsActive), "SourceName"),
    users: new Map(account.users.map((u) => [u.id, u])),
    usersByEmail: new Map(account.users.map((u) => [norm(u.email), u])),
  };
}
