// The demo set-up that `npm run demo` starts: who can sign in and which mock key to paste.
// Shown on the sign-in page only when CONSOLE_DEMO=1.
import { DEMO_KEY, DEMO_READONLY_KEY } from "@/mock/keys.mjs";
import { DEMO_USERS as USERS } from "./demo-users.mjs";

export const DEMO_USERS: { email: string; password: string; role: "viewer" | "editor" | "admin" }[] = USERS as never;

export const DEMO_KEYS = [
  { label: "Demo key (full access)", key: DEMO_KEY as string },
  { label: "Demo key (read-only access profile)", key: DEMO_READONLY_KEY as string },
];
