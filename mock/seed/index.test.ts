// @vitest-environment node
// The seed data set (mock/seed/): the same on every run, ids that never collide, and every name a
// record carries is one the account's settings have, so the records could have been written through the API.

import { describe, expect, it } from "vitest";
import { COUNTS, FIXED_JOB, generateDataset } from "./index.mjs";

// Records are checked field by field, so a loose type keeps the assertions readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const NOW = 1767225600; // 2026-01-01
const data: Json = generateDataset({ now: NOW });
const COLLECTIONS = ["contacts", "jobs", "tasks", "activities", "files", "products", "estimates", "invoices", "workorders", "materialorders"];

describe("the seed", () => {
  it("has the promised volume", () => {
    expect(data.contacts).toHaveLength(COUNTS.contacts);
    expect(data.jobs).toHaveLength(COUNTS.jobs);
    expect(data.tasks).toHaveLength(COUNTS.tasks);
    expect(data.files).toHaveLength(COUNTS.files);
    expect(data.activities.length).toBeGreaterThan(COUNTS.notes);
    for (const name of ["products", "estimates", "invoices", "workorders", "materialorders"]) expect(data[name].length, name).toBeGreaterThan(10);
    expect(data.account.users.length).toBeGreaterThanOrEqual(6);
    expect(data.account.users.length).toBeLessThanOrEqual(10);
  });

  it("never gives two records, users or line items the same jnid", () => {
    const ids = [
      data.account.customer,
      ...data.account.users.map((u: Json) => u.id),
      ...COLLECTIONS.flatMap((name) => data[name].map((r: Json) => r.jnid)),
      ...data.estimates.flatMap((e: Json) => e.items.map((i: Json) => i.jnid)),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z]{23}$/);
  });

  it("is the same for the same day, and only its dates move with the day", () => {
    const again: Json = generateDataset({ now: NOW });
    expect(JSON.stringify(again.jobs)).toBe(JSON.stringify(data.jobs));
    const later: Json = generateDataset({ now: NOW + 86400 * 30 });
    expect(later.jobs.map((j: Json) => j.jnid)).toEqual(data.jobs.map((j: Json) => j.jnid));
    expect(later.jobs[0].date_created).not.toBe(data.jobs[0].date_created);
  });

  it("numbers jobs from 1001 in the order they were created, and fixes job #1043", () => {
    const byNumber = [...data.jobs].sort((a: Json, b: Json) => a.recid - b.recid);
    expect(byNumber[0].number).toBe("1001");
    const created = byNumber.map((j: Json) => j.date_created);
    expect(created).toEqual([...created].sort((a, b) => a - b));
    const fixed = data.jobs.find((j: Json) => j.number === FIXED_JOB.number);
    expect(fixed).toMatchObject({ record_type_name: FIXED_JOB.workflow, status_name: FIXED_JOB.status, is_active: true });
    expect(data.activities.filter((a: Json) => a.primary.id === fixed.jnid && a.is_editable).length).toBeGreaterThanOrEqual(6);
  });

  it("uses only the account's own workflows, statuses, types, sources and users", () => {
    const { settings, users } = data.account;
    const userIds = new Set(users.map((u: Json) => u.id));
    const workflows = new Map(settings.workflows.map((w: Json) => [w.id, w]));
    for (const record of [...data.contacts, ...data.jobs, ...data.workorders]) {
      const workflow: Json = workflows.get(record.record_type);
      expect(workflow?.name).toBe(record.record_type_name);
      expect(workflow.status.find((s: Json) => s.id === record.status)?.name).toBe(record.status_name);
    }
    const taskTypes = new Set(settings.taskTypes.map((t: Json) => `${t.TaskTypeId}:${t.TypeName}`));
    for (const task of data.tasks) expect(taskTypes.has(`${task.record_type}:${task.record_type_name}`)).toBe(true);
    const activityTypes = new Set(settings.activityTypes.map((t: Json) => `${t.ActivityTypeId}:${t.TypeName}`));
    for (const note of data.activities.filter((a: Json) => a.is_editable)) expect(activityTypes.has(`${note.record_type}:${note.record_type_name}`)).toBe(true);
    const fileTypes = new Set(settings.fileTypes.map((t: Json) => `${t.FileTypeId}:${t.TypeName}`));
    for (const file of data.files) expect(fileTypes.has(`${file.record_type}:${file.record_type_name}`)).toBe(true);
    const sources = new Set(settings.sources.map((s: Json) => `${s.JobSourceId}:${s.SourceName}`));
    for (const contact of data.contacts.filter((c: Json) => c.source !== null)) expect(sources.has(`${contact.source}:${contact.source_name}`)).toBe(true);
    for (const record of [...data.contacts, ...data.jobs, ...data.tasks, ...data.activities]) {
      expect(userIds.has(record.created_by)).toBe(true);
      for (const owner of record.owners) expect(userIds.has(owner.id)).toBe(true);
    }
  });

  it("points every reference at a record that exists, with its current name and number", () => {
    const all = new Map(COLLECTIONS.flatMap((name) => data[name].map((r: Json) => [r.jnid, r])));
    const refs = [
      ...data.jobs.flatMap((j: Json) => [j.primary, ...j.related]),
      ...data.tasks.flatMap((t: Json) => t.related),
      ...data.activities.flatMap((a: Json) => [a.primary, ...a.related]),
    ];
    for (const ref of refs) {
      const target: Json = all.get(ref.id);
      expect(target?.type).toBe(ref.type);
      expect(ref.number).toBe(target.number);
      expect(ref.name).toBe(target.display_name ?? target.name);
    }
  });

  it("keeps file sizes true to the bytes", () => {
    for (const file of data.files) expect(data.fileBodies.get(file.jnid)?.length).toBe(file.size);
  });
});
