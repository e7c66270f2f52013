import type { NewStaffAccount } from '../commands/create-staff-account/create-staff-account.command.js';

/**
 * The demo town's staff, one per role; the passwords are documented in the README
 * ("Demo town"). Seeded only in demo mode (SEED_DEMO).
 */
export const DEMO_STAFF: NewStaffAccount[] = [
  { email: 'admin@demo.ardoise.fr', displayName: 'Administration', role: 'admin', password: 'Demo-Admin-2026!', passwordConfirmation: 'Demo-Admin-2026!' },
  {
    email: 'agent@demo.ardoise.fr',
    displayName: 'Service périscolaire',
    role: 'agent',
    password: 'Demo-Agent-2026!',
    passwordConfirmation: 'Demo-Agent-2026!',
  },
  {
    email: 'finances@demo.ardoise.fr',
    displayName: 'Service finances',
    role: 'finance',
    password: 'Demo-Finances-2026!',
    passwordConfirmation: 'Demo-Finances-2026!',
  },
  { email: 'audit@demo.ardoise.fr', displayName: 'Contrôle interne', role: 'auditor', password: 'Demo-Audit-2026!', passwordConfirmation: 'Demo-Audit-2026!' },
];
