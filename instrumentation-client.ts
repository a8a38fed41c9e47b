// Runs in the browser before the app starts. zod would otherwise probe for eval (`new Function`)
// on its first parse; the Content-Security-Policy forbids eval, and the browser reports the probe
// as a violation even though zod catches it.
import { z } from "zod";

z.config({ jitless: true });
