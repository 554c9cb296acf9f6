import { z } from 'zod';

/**
 * Topic ids that statistics, tests and tools rely on: a public contract (never rename). A minimum:
 * any other topic is one more YAML file in content/topics/.
 */
export const REQUIRED_TOPIC_IDS = [
  'khai-sinh',
  'lien-thong-khai-sinh',
  'khai-tu',
  'ket-hon',
  'xac-nhan-hon-nhan',
  'chung-thuc-ban-sao',
  'chung-thuc-chu-ky',
  'trich-luc-ho-tich',
  'thuong-tru',
  'tam-tru',
  'can-cuoc',
  'vneid',
  'tai-khoan-dvc',
  'nop-truc-tuyen',
  'thanh-toan-truc-tuyen',
  'tra-cuu-ho-so',
  'buu-chinh',
  'lien-he',
  'nhac-lich',
  'thong-bao',
  'gap-can-bo',
  'xac-nhan-cu-tru',
  'cai-chinh-ho-tich',
  'ly-lich-tu-phap',
  'giay-thong-hanh',
  'ho-tich-campuchia',
  'chung-thuc-hop-dong',
  'cong-dan-so',
  'bao-hiem-y-te',
  'tro-cap-xa-hoi',
  'dat-dai',
  'phan-anh-kien-nghi',
  'khong-co-dien-thoai',
] as const;

export const SECTION_KEYS = [
  'giay-to',
  'le-phi',
  'thoi-gian',
  'noi-nop',
  'truc-tuyen',
  'buu-dien',
  'cac-buoc',
  'luu-y',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/**
 * The short answer, counted once the commune's details are filled in ({office}, {hours}…): about one
 * screen of a 360 px phone, so that what to bring and the cost come before any scrolling.
 */
export const ANSWER_MAX = 400;
/** English aliases per topic: what an English speaker would type for it. */
export const MIN_ALIASES_EN = 3;
export const SECTION_MAX = 1500;
export const MIN_QUESTIONS = 8;
export const PLACEHOLDER_MARK = '(cần cập nhật';

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'chỉ chữ thường không dấu, số và dấu gạch ngang');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày dạng YYYY-MM-DD');
const text = z.string().trim().min(1, 'không được để trống');

export const topicSchema = z.object({
  id,
  title: text,
  title_en: text,
  group: id,
  kind: z.enum(['info', 'action']),
  aliases: z.array(text).min(1),
  aliases_en: z.array(text).min(MIN_ALIASES_EN, `cần ít nhất ${MIN_ALIASES_EN} tên tiếng Anh (aliases_en)`),
  questions: z.array(text).min(MIN_QUESTIONS, `cần ít nhất ${MIN_QUESTIONS} câu hỏi mẫu`),
  /**
   * Words that define the topic («Campuchia» for hộ tịch with a Cambodian spouse): a question naming
   * none of them gets the topic as a choice, never as a straight answer.
   */
  named: z.array(text).min(1).optional(),
  /**
   * Phrases that ask the bot for this topic itself, whatever else the message names («đặt lịch nhắc đi
   * đổi căn cước» asks for a reminder, not about the ID card): a message with one is answered with it.
   * Written with `^` first, a phrase holds only as the message's first words (`^nhắc tôi`).
   */
  asks: z.array(text).min(1).optional(),
  answer: text.max(ANSWER_MAX, `câu trả lời dài quá ${ANSWER_MAX} ký tự`),
  sections: z
    .partialRecord(z.enum(SECTION_KEYS), text.max(SECTION_MAX, `mục dài quá ${SECTION_MAX} ký tự`))
    .default({}),
  /** The answer and sections in English, for residents who chose English (Vietnamese where missing). */
  answer_en: text.max(ANSWER_MAX, `câu trả lời tiếng Anh dài quá ${ANSWER_MAX} ký tự`).optional(),
  sections_en: z
    .partialRecord(z.enum(SECTION_KEYS), text.max(SECTION_MAX, `mục tiếng Anh dài quá ${SECTION_MAX} ký tự`))
    .default({}),
  links: z.array(z.object({ label: text.max(40, 'nhãn dài quá 40 ký tự'), url: z.url() })).default([]),
  /**
   * A legal deadline counted from an event (khai sinh: 60 days from the birth): the answer offers
   * «Nhắc tôi trước hạn», which asks the day of the event (`event`: «cháu bé sinh», «người thân mất»).
   */
  deadline: z.object({ days: z.number().int().min(1).max(366), event: text }).optional(),
  /** accounts and payments: the answer ends with a short scam warning */
  scam_warning: z.boolean().default(false),
  /**
   * A way of doing any procedure (online, by post), not a procedure: «khai tử làm online được không»
   * names a procedure and such a way, and gets that procedure's own section (QuestionAnswering.decide)
   */
  way: z.boolean().default(false),
  sources: z
    .array(z.object({ url: z.url(), date: z.union([isoDate, z.literal('không rõ')]), note: text.optional() }))
    .min(1, 'cần ít nhất một nguồn'),
  reviewed: isoDate,
});
export type Topic = z.infer<typeof topicSchema>;

export const groupsSchema = z.object({
  groups: z
    .array(
      z.object({
        id,
        title: text,
        title_en: text,
      }),
    )
    .min(1),
});
export type Group = z.infer<typeof groupsSchema>['groups'][number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'giờ dạng HH:MM');
const dayHours = z.array(z.object({ from: hhmm, to: hhmm })).default([]);
const contact = z.object({ name: text, address: text, phone: text });
const weekHours = z.object({
  monday: dayHours,
  tuesday: dayHours,
  wednesday: dayHours,
  thursday: dayHours,
  friday: dayHours,
  saturday: dayHours,
  sunday: dayHours,
  note: text.optional(),
});

export const communeSchema = z.object({
  name: text,
  province: text,
  office: z.object({ name: text, address: text, phones: z.array(text).min(1), email: text.optional() }),
  hours: weekHours.extend({
    /** dated exceptions (holidays, closures, a Saturday duty); answers show those of the next two weeks */
    exceptions: z
      .array(
        z.object({
          date: isoDate,
          hours: z.array(z.object({ from: hhmm, to: hhmm })).default([]),
          note: text,
        }),
      )
      .default([]),
  }),
  /** Công an xã keeps its own hours (residence papers are received on Saturday morning) */
  police: contact.extend({ hours: weekHours.optional() }),
  /** a border commune: what its residents do not pay (shown where answers use {border}) */
  border: z.object({ exemptions: z.array(text).min(1) }).optional(),
  post_office: contact,
  villages: z.array(z.object({ id, name: text })).min(1),
  portals: z.object({ national: z.url(), provincial: text }),
  /** where residents can chat with the bot (shown to web visitors, whom the bot cannot remind itself) */
  chat: z.object({ telegram: z.url().optional(), zalo: z.url().optional() }).optional(),
});
export type Commune = z.infer<typeof communeSchema>;

/** Things the bot does not handle, so that it can say so kindly instead of guessing a procedure. */
export const outOfScopeSchema = z.object({
  topics: z
    .array(
      z.object({
        id,
        examples: z.array(text).min(3),
        /** how residents who chose English ask (optional) */
        examples_en: z.array(text).optional(),
        reply: text.max(ANSWER_MAX),
        /** the reply for residents who chose English; the Vietnamese one when absent */
        reply_en: text.max(ANSWER_MAX).optional(),
      }),
    )
    .min(1),
});
export type OutOfScope = z.infer<typeof outOfScopeSchema>['topics'][number];

export interface KnowledgeBase {
  readonly commune: Commune;
  readonly groups: readonly Group[];
  readonly topics: readonly Topic[];
  readonly outOfScope: readonly OutOfScope[];
}
