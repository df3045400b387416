// Legacy account routes (jobnimbus-api.md §3f, §5f): settings (workflows and their statuses, file,
// task and activity types, lead sources), the team, units of measure, and the "create or return
// the one with that name" writes that add to the settings.

import { HttpError, readJsonObject, sendJson } from "./http.mjs";
import { refuseProblems } from "./legacy-records.mjs";
import { allowMethods } from "./methods.mjs";

const OBJECT_TYPES = ["contact", "job", "workorder"];
const FIELD_TYPES = { date: "date", double: "double", long: "long", string: "string", boolean: "boolean", dropdown: "string" };

const text = (v) => (typeof v === "string" ? v.trim() : "");
const flag = (v, fallback) => (typeof v === "boolean" ? v : fallback);
const nextId = (list, key, floor = 0) => Math.max(floor, ...list.map((x) => x[key])) + 1;
const sameName = (a, b) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** A location as the account shows it: without the states the seed files its records under. */
function publicLocation(location) {
  const shown = { ...location };
  delete shown.states;
  return shown;
}

/** What `GET /account/settings?field=<name>` can return: one field of the account object. */
function settingsFields(account) {
  return {
    ...account.settings,
    groups: account.groups,
    locations: account.locations.map(publicLocation),
    customfields: account.customfields ?? [],
  };
}

function settings(ctx) {
  const fields = settingsFields(ctx.store.account);
  const field = ctx.params.get("field");
  if (field === null || field === "") return sendJson(ctx.res, 200, ctx.store.account.settings);
  if (!Object.hasOwn(fields, field)) {
    throw new HttpError(400, `field ${JSON.stringify(field.slice(0, 60))} is not a field of the account settings. Fields: ${Object.keys(fields).join(", ")}.`);
  }
  sendJson(ctx.res, 200, fields[field]);
}

/**
 * The account's list to add to, how to find an entry by name, and how to make a new one;
 * each answers the existing entry when one has that name (BC/Account.txt).
 */
const WRITES = {
  leadsource: {
    list: (a) => a.settings.sources,
    name: (b) => text(b.SourceName),
    nameField: "SourceName",
    make: (b, list) => ({ JobSourceId: nextId(list, "JobSourceId"), SourceName: text(b.SourceName), IsActive: flag(b.IsActive, true) }),
    entryName: (x) => x.SourceName,
  },
  filetype: {
    list: (a) => a.settings.fileTypes,
    name: (b) => text(b.TypeName),
    nameField: "TypeName",
    make: (b, list) => ({ FileTypeId: nextId(list, "FileTypeId", 100), TypeName: text(b.TypeName), IsActive: flag(b.IsActive, true) }),
    entryName: (x) => x.TypeName,
  },
  tasktype: {
    list: (a) => a.settings.taskTypes,
    name: (b) => text(b.TypeName),
    nameField: "TypeName",
    make: (b, list) => ({
      TaskTypeId: nextId(list, "TaskTypeId"), TypeName: text(b.TypeName), DefaultName: text(b.DefaultName) || text(b.TypeName), Icon: null,
      HideFromTaskList: flag(b.HideFromTaskList, false), HideFromCalendarView: flag(b.HideFromCalendarView, false), IsActive: flag(b.IsActive, true),
    }),
    entryName: (x) => x.TypeName,
  },
  activitytype: {
    list: (a) => a.settings.activityTypes,
    name: (b) => text(b.TypeName),
    nameField: "TypeName",
    make: (b, list) => ({ ActivityTypeId: nextId(list, "ActivityTypeId"), TypeName: text(b.TypeName), ShowInJobShare: flag(b.ShowInJobShare, false), IsActive: flag(b.IsActive, true) }),
    entryName: (x) => x.TypeName,
  },
  location: {
    list: (a) => a.locations,
    name: (b) => text(b.name),
    nameField: "name",
    make: (b, list) => ({
      id: nextId(list, "id"), parent_id: null, name: text(b.name), code: text(b.code), address_line1: text(b.address_line1), address_line2: text(b.address_line2),
      city: text(b.city), zip: text(b.zip), phone: text(b.phone), is_active: flag(b.is_active, true), states: [],
    }),
    entryName: (x) => x.name,
    answer: publicLocation,
  },
  workflow: {
    list: (a) => a.settings.workflows,
    name: (b) => text(b.name),
    nameField: "name",
    check: (b) => (OBJECT_TYPES.includes(b.object_type) ? [] : [`object_type ${JSON.stringify(b.object_type ?? null)} must be one of ${OBJECT_TYPES.join(", ")}.`]),
    find: (list, b) => list.find((w) => sameName(w.name, text(b.name)) && w.object_type === b.object_type),
    make: (b, list) => ({
      id: nextId(list, "id"), order: list.length + 1, object_type: b.object_type, name: text(b.name),
      is_sub_contractor: flag(b.is_sub_contractor, false), is_supplier: flag(b.is_supplier, false), is_vendor: flag(b.is_vendor, false),
      is_active: flag(b.is_active, true), can_access_by_all: flag(b.can_access_by_all, false), icon: null, status: [],
    }),
  },
  customfield: {
    list: (a) => (a.customfields ??= []),
    name: (b) => text(b.title),
    nameField: "title",
    check: (b) => [
      ...(OBJECT_TYPES.includes(b.object_type) ? [] : [`object_type ${JSON.stringify(b.object_type ?? null)} must be one of ${OBJECT_TYPES.join(", ")}.`]),
      ...(Object.hasOwn(FIELD_TYPES, b.type) ? [] : [`type ${JSON.stringify(b.type ?? null)} must be one of ${Object.keys(FIELD_TYPES).join(", ")}.`]),
      ...(b.type === "dropdown" && (!Array.isArray(b.options) || b.options.length === 0) ? ["options is required for a dropdown: a list of its choices."] : []),
    ],
    find: (list, b) => list.find((f) => sameName(f.title, text(b.title)) && f.object_type === b.object_type),
    make: (b, list) => {
      const kind = FIELD_TYPES[b.type];
      return {
        title: text(b.title), type: b.type, visible: true, is_currency: b.type === "double" && flag(b.is_currency, false), is_ddn: b.type === "dropdown",
        is_required: flag(b.is_required, false), options: b.type === "dropdown" ? b.options.map(String) : [],
        field: `cf_${kind}_${list.filter((f) => f.field.startsWith(`cf_${kind}_`)).length + 1}`, object_type: b.object_type,
      };
    },
  },
};

async function addSetting(ctx, kind) {
  const write = WRITES[kind];
  const body = await readJsonObject(ctx.req);
  const name = write.name(body);
  refuseProblems([...(name ? [] : [`${write.nameField} is required.`]), ...(write.check?.(body) ?? [])]);
  const list = write.list(ctx.store.account);
  let entry = write.find ? write.find(list, body) : list.find((x) => sameName(write.entryName(x), name));
  if (!entry) {
    entry = write.make(body, list);
    list.push(entry);
    ctx.store.settingsChanged();
  }
  sendJson(ctx.res, 200, write.answer ? write.answer(entry) : entry);
}

/** POST /account/workflow/{id}/status: adds a status to a workflow, or answers the one with that name. */
async function addStatus(ctx, workflowId) {
  const { account } = ctx.store;
  const workflow = account.settings.workflows.find((w) => String(w.id) === workflowId);
  if (!workflow) throw new HttpError(404, `No workflow has the id ${JSON.stringify(workflowId.slice(0, 20))}.`);
  const body = await readJsonObject(ctx.req);
  const name = text(body.name);
  refuseProblems(name ? [] : ["name is required."]);
  let status = workflow.status.find((s) => sameName(s.name, name));
  if (!status) {
    const all = account.settings.workflows.flatMap((w) => w.status);
    status = {
      id: nextId(all, "id"), name, is_lead: flag(body.is_lead, false), is_closed: flag(body.is_closed, false), is_active: flag(body.is_active, true),
      is_archived: flag(body.is_archived, false), send_to_quickbooks: flag(body.send_to_quickbooks, false), force_mobile_sync: flag(body.force_mobile_sync, false),
      order: workflow.status.length + 1, profile_ids: [],
    };
    workflow.status.push(status);
    ctx.store.settingsChanged();
  }
  sendJson(ctx.res, 200, status);
}

/** @param {string[]} segments path segments after "api1", starting with "account" or "utility" */
export async function handleAccount(ctx, segments) {
  const [area, what, id, sub, ...more] = segments;
  const path = [area, what].join("/");
  if (path === "account/settings" && id === undefined) {
    allowMethods(ctx, ["GET"]);
    return settings(ctx);
  }
  if (path === "account/users" && id === undefined) {
    allowMethods(ctx, ["GET"]);
    const { account } = ctx.store;
    return sendJson(ctx.res, 200, { users: account.users, date_updated: account.usersUpdated });
  }
  if (path === "utility/uoms" && id === undefined) {
    allowMethods(ctx, ["GET"]);
    return sendJson(ctx.res, 200, ctx.store.account.uoms);
  }
  if (area === "account" && what === "workflow" && id !== undefined && sub === "status" && more.length === 0) {
    allowMethods(ctx, ["POST"]);
    return addStatus(ctx, id);
  }
  if (area === "account" && Object.hasOwn(WRITES, what) && id === undefined) {
    allowMethods(ctx, ["POST"]);
    return addSetting(ctx, what);
  }
  throw new HttpError(404, `There is nothing at ${ctx.path}.`);
}
