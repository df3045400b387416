// Classic zod, for server modules and the forms the browser loads on demand. It is configured once, with zod/mini,
// in lib/zod-mini.ts (jitless for the page's strict CSP, English messages): imported first, so it applies here too.
import "./zod-mini";
import { z } from "zod";

export { z };
