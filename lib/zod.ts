// zod, configured once for browser and server: jitless, because zod's probe for
// `new Function` trips the page's strict CSP (no 'unsafe-eval') with a violation report.
import { z } from "zod";

z.config({ jitless: true });

export { z };
