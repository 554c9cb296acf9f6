import { announcementsFeature } from './announcements';
import { answerFeature } from './answer';
import { cancelFeature } from './cancel';
import { deleteDataFeature } from './delete-data';
import type { Feature } from './feature';
import { feedbackFeature } from './feedback';
import { handoffFeature } from './handoff';
import { helpLogFeature } from './help-log';
import { menuFeature } from './menu';
import { onboardingFeature } from './onboarding';
import { postalFeature } from './postal';
import { remindersFeature } from './reminders';
import { settingsFeature } from './settings';
import { staffGroupFeature } from './staff-group';
import { statsFeature } from './stats';
import { subscriptionsFeature } from './subscriptions';
import { teamFeature } from './team';

/**
 * Every behaviour of the bot. A new feature is one file that exports a `Feature` and one line here
 * (plus its strings in locales/). The order is the order of their buttons within a row of the menu.
 */
export const FEATURES: readonly Feature[] = [
  answerFeature,
  menuFeature,
  onboardingFeature,
  settingsFeature,
  deleteDataFeature,
  feedbackFeature,
  remindersFeature,
  subscriptionsFeature,
  teamFeature,
  announcementsFeature,
  helpLogFeature,
  statsFeature,
  handoffFeature,
  postalFeature,
  staffGroupFeature,
  cancelFeature,
];
