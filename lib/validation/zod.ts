// zod as every schema of the app imports it. In the browser zod would probe for eval (`new
// Function`) on its first parse; the Content-Security-Policy forbids eval, and the browser reports
// the probe as a violation even though zod catches it. Setting jitless here, where the schemas get
// zod, keeps zod out of pages that have no form (it loads with the first form check).
import { z } from "zod";

z.config({ jitless: true });

export { z };
