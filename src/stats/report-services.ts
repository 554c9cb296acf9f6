import type { UsageReport } from '../core/usage-report';
import type { ReportSection, TableKit } from './report-doc';

/** Filing online, the post, reminders, announcements and the village teams' help. */
export function serviceSections(
  r: UsageReport,
  { t, count, share, figures, perVillage }: TableKit,
): ReportSection[] {
  const { announcements: a, helpSessions: help, interest } = r;
  const section = (title: string, tables: ReportSection['tables'], notes: string[] = []) => ({
    title: t(title),
    notes,
    tables,
  });
  return [
    section(
      'online',
      [
        figures([
          ['online-topics', count(interest.online.topics)],
          ['online-sections', count(interest.online.sections)],
          ['help-online', count(help.filedOnline)],
          ['help-vneid', count(help.vneidActivated)],
        ]),
      ],
      [t('online-note')],
    ),
    section('postal', [
      figures([
        ['postal-topics', count(interest.postal.topics)],
        ['postal-sections', count(interest.postal.sections)],
        ['help-postal', count(help.postalReturn)],
        ['postal-created', count(r.postalRequests.created)],
        ['postal-accepted', count(r.postalRequests.accepted)],
        ['postal-posted', count(r.postalRequests.posted)],
        ['postal-delivered', count(r.postalRequests.delivered)],
        ['postal-refused', count(r.postalRequests.refused)],
      ]),
    ]),
    section('handoff', [
      figures([
        ['handoff-opened', count(r.handoffs.opened)],
        ['handoff-replies', count(r.handoffs.staffReplies)],
        ['handoff-closed-resident', count(r.handoffs.closedByResident)],
        ['handoff-closed-staff', count(r.handoffs.closedByStaff)],
        ['handoff-timeout', count(r.handoffs.timedOut)],
      ]),
    ]),
    section('reminders', [
      figures([
        ['reminders-created', count(r.reminders.created)],
        ['reminders-sent', count(r.reminders.sent)],
        ['reminders-failed', count(r.reminders.failed)],
        ['reminders-cancelled', count(r.reminders.cancelled)],
      ]),
    ]),
    section('announcements', [
      figures([
        ['announcements-count', count(a.count)],
        ['announcements-recipients', count(a.recipients)],
        ['announcements-sent', count(a.sent)],
        ['announcements-failed', count(a.failed)],
        ['announcements-blocked', count(a.blocked)],
        ['announcements-share', share(a.recipients === 0 ? undefined : Math.min(1, a.sent / a.recipients))],
      ]),
    ]),
    section('help', [
      figures([
        ['help-count', count(help.count)],
        ['help-online', count(help.filedOnline)],
        ['help-postal', count(help.postalReturn)],
        ['help-vneid', count(help.vneidActivated)],
      ]),
      perVillage(help.byVillage, t('col-sessions'), t('empty')),
    ]),
  ];
}
