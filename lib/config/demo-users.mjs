// The demo sign-ins that `npm run demo` creates; shown on the sign-in page in demo mode.
// Plain JS so both the demo launcher (Node) and the app (TypeScript) read the same list.
// They are staff of the mock's JobNimbus account (mock/seed/account.mjs), so calls made with the demo's shared
// key, which acts as the person signed in, are ones the mock accepts (it refuses an actor who is no user).

export const DEMO_USERS = [
  { email: "marcus@summitridge-roofing.example", password: "demo-editor-pass", role: "editor" },
  { email: "jill@summitridge-roofing.example", password: "demo-viewer-pass", role: "viewer" },
  { email: "dana@summitridge-roofing.example", password: "demo-admin-pass", role: "admin" },
];

/** The demo's TEAM_KEYS: the mock's full-access key, shared with everyone, each call acting as the person. */
export function demoTeamKeys(key, today = new Date()) {
  return JSON.stringify([
    { id: "office", label: "Office key (demo)", key, roles: ["viewer", "editor", "admin"], actor: "signed-in", createdAt: today.toISOString().slice(0, 10) },
  ]);
}
