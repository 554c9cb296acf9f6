import type { UsageEvent } from './usage';

/**
 * The counters of one Vietnamese day are one Redis hash; an event adds one (or `recipients`) to a few of
 * its fields. Topic, village and section ids have no ':' (they are kebab-case), so `topic:<id>` reads
 * back unambiguously. The report (stats/report.ts) reads the same names.
 */
export const FIELD = {
  messages: 'msg',
  messagesOn: (channel: string) => `msg:${channel}`,
  newResidents: 'new',
  newOn: (channel: string) => `new:${channel}`,
  question: (result: string) => `q:${result}`,
  answeredBand: (band: string) => `q:answered:${band}`,
  topic: (topic: string) => `topic:${topic}`,
  topicFrom: (from: string) => `topic-from:${from}`,
  section: (section: string) => `sec:${section}`,
  feedback: (value: string) => `fb:${value}`,
  feedbackOn: (topic: string, value: string) => `fb-topic:${topic}:${value}`,
  resident: (what: string) => `res:${what}`,
  reminder: (what: string) => `rem:${what}`,
  announcement: (what: string) => `ann:${what}`,
  announcementRecipients: 'ann:recipients',
  other: (kind: string, what: string) => `${kind}:${what}`,
} as const;

/** The day-hash fields an event adds to, and by how much (the message counters need the channel). */
export function usageFields(event: UsageEvent, channel: string | undefined): [string, number][] {
  switch (event.kind) {
    case 'message':
      return [[FIELD.messages, 1], ...(channel ? [[FIELD.messagesOn(channel), 1] as [string, number]] : [])];
    case 'question':
      return event.result === 'answered'
        ? [
            [FIELD.question('answered'), 1],
            [FIELD.answeredBand(event.band), 1],
          ]
        : [[FIELD.question(event.result), 1]];
    case 'topic':
      return [
        [FIELD.topic(event.topic), 1],
        [FIELD.topicFrom(event.from), 1],
        ...(event.section ? [[FIELD.section(event.section), 1] as [string, number]] : []),
      ];
    case 'feedback':
      return [
        [FIELD.feedback(event.value), 1],
        ...(event.topic ? [[FIELD.feedbackOn(event.topic, event.value), 1] as [string, number]] : []),
      ];
    case 'resident':
      return [[FIELD.resident(event.what), 1]];
    case 'reminder':
      return [[FIELD.reminder(event.what), 1]];
    case 'announcement':
      return event.what === 'created'
        ? [
            [FIELD.announcement('created'), 1],
            [FIELD.announcementRecipients, event.recipients],
          ]
        : [[FIELD.announcement(event.what), 1]];
    case 'postal':
    case 'handoff':
      return [[FIELD.other(event.kind, event.what), 1]];
  }
}
