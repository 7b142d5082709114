/**
 * Entries of the main menu (/menu), shown by role. Each feature adds its own
 * lines to `menuItems` (the owning feature handles the callback data it names
 * and answers the callback query). Order here is the order on screen.
 */
import { fixedButtons } from '../messenger/callback-data.ts';
import { DONOR_MENU } from './keyboards/donor-buttons.ts';
import { TRUSTEE_MENU } from './keyboards/trustee.ts';
import { REMINDERS_MENU } from './keyboards/reminders.ts';
import { VOLUNTEER_MENU } from './keyboards/volunteer.ts';

/** The entries everyone sees, handled by the infra features (center-pick, language, help). */
export const INFRA_MENU = fixedButtons({ center: 'menu:center', language: 'menu:language', help: 'menu:help' });

export interface MenuRoles {
  /** The chat has chosen a center (session.centerId). */
  hasCenter: boolean;
  /** The chat's person is a registered donor. */
  donor: boolean;
  /** The chat's person has a volunteer record. */
  volunteer: boolean;
  /** The chat's person has applied to volunteer at the chosen center (and was not rejected): applying again would be refused. */
  appliedHere: boolean;
  /** The chat's person holds at least one APPOINTED trustee membership. */
  trustee: boolean;
}

export interface MenuItem {
  /** Locale key of the button label, e.g. 'donor:menu.pledge'. */
  label: string;
  /** Callback data the button sends (≤ 64 bytes); the owning feature handles it. */
  data: string;
  /** Who sees it; omitted: everyone. */
  show?: (roles: MenuRoles) => boolean;
}

export const menuItems: MenuItem[] = [
  // ── donors ──
  { label: 'donor:menu.register', data: DONOR_MENU.register, show: (r) => !r.donor },
  { label: 'donor:menu.pledge', data: DONOR_MENU.pledge, show: (r) => r.donor && r.hasCenter },
  { label: 'donor:menu.pay', data: DONOR_MENU.pay, show: (r) => r.donor && r.hasCenter },
  { label: 'donor:menu.gift', data: DONOR_MENU.gift, show: (r) => r.donor && r.hasCenter },
  { label: 'donor:menu.history', data: DONOR_MENU.history, show: (r) => r.donor },
  { label: 'donor:menu.transparency', data: DONOR_MENU.transparency, show: (r) => r.hasCenter },
  { label: 'donor:menu.feedback', data: DONOR_MENU.feedback, show: (r) => r.hasCenter },
  // ── volunteers and trustees ──
  // One live application per person and center: whoever has applied here sees its status instead.
  { label: 'volunteer:menu.signup', data: VOLUNTEER_MENU.signup, show: (r) => r.hasCenter && !r.appliedHere },
  { label: 'volunteer:menu.serviceForService', data: VOLUNTEER_MENU.serviceForService, show: (r) => r.hasCenter && !r.appliedHere },
  { label: 'volunteer:menu.status', data: VOLUNTEER_MENU.status, show: (r) => r.volunteer },
  { label: 'volunteer:menu.networks', data: VOLUNTEER_MENU.networks, show: (r) => r.volunteer },
  { label: 'trustee:menu.tasks', data: TRUSTEE_MENU.tasks, show: (r) => r.trustee },
  { label: 'trustee:menu.approvals', data: TRUSTEE_MENU.approvals, show: (r) => r.trustee },
  { label: 'trustee:menu.digest', data: TRUSTEE_MENU.digest, show: (r) => r.trustee },
  { label: 'trustee:menu.networks', data: TRUSTEE_MENU.networks, show: (r) => r.trustee },
  { label: 'trustee:menu.link', data: TRUSTEE_MENU.link, show: (r) => !r.trustee },
  // ── reminders ──
  { label: 'reminders:menu.settings', data: REMINDERS_MENU.settings, show: (r) => r.donor || r.trustee },
  // ── infra (always last) ──
  { label: 'bot:menu.chooseCenter', data: INFRA_MENU.center },
  { label: 'bot:menu.language', data: INFRA_MENU.language },
  { label: 'bot:menu.help', data: INFRA_MENU.help },
];
