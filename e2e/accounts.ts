// Known passwords for the demo accounts of the test server (e2e/server.ts seeds with them).
export const ACCOUNTS = {
  editor: { email: "editor@claimdesk.local", name: "Ana Martin", password: "editor-password-1" },
  reviewer: { email: "reviewer@claimdesk.local", name: "Ben Okafor", password: "reviewer-password-1" },
  admin: { email: "admin@claimdesk.local", name: "Chloé Dubois", password: "admin-password-1" },
} as const;
