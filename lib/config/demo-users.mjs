// The demo sign-ins that `npm run demo` creates; shown on the sign-in page in demo mode.
// Plain JS so both the demo launcher (Node) and the app (TypeScript) read the same list.

export const DEMO_USERS = [
  { email: "editor@demo.test", password: "demo-editor-pass", role: "editor" },
  { email: "viewer@demo.test", password: "demo-viewer-pass", role: "viewer" },
];
