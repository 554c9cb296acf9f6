/**
 * The usage report as data (built by stats/report.ts, rendered by stats/render-*.ts, read by the
 * dashboard and by /thongke).
 */
export const REPORT_CHANNELS = ['telegram', 'zalo', 'web'] as const;
export type ByChannel = Record<(typeof REPORT_CHANNELS)[number], number>;

/** One month of the period (only the days inside the period count). */
export interface MonthRow {
  /** YYYY-MM */
  readonly month: string;
  readonly messages: number;
  readonly residents: number;
  readonly newResidents: number;
  readonly asked: number;
  readonly answered: number;
  readonly feedbackUp: number;
  readonly feedbackDown: number;
  readonly helpSessions: number;
}

/**
 * «Báo cáo sử dụng Trợ lý DVC» as data. The JSON form is a contract other tools read (README, «Số liệu
 * cho báo cáo chuyển đổi số»): every count is a number, 0 when nothing happened. `interest` and
 * `monthly` come after the contract's fields.
 */
export interface UsageReport {
  /** YYYY-MM-DD, days in Asia/Ho_Chi_Minh, both included */
  readonly from: string;
  readonly to: string;
  readonly residents: {
    readonly unique: number;
    readonly new: number;
    readonly byChannel: ByChannel;
    readonly byVillage: Record<string, number>;
  };
  readonly messages: { readonly received: number; readonly byChannel: ByChannel };
  readonly questions: {
    readonly asked: number;
    readonly answered: number;
    readonly clarified: number;
    readonly unanswered: number;
    readonly outOfScope: number;
  };
  /** each answer shown for a topic (from a question, a «Ý bà con là…?» choice, the menu), largest first */
  readonly topics: { readonly topic: string; readonly count: number }[];
  readonly feedback: { readonly up: number; readonly down: number };
  readonly reminders: {
    readonly created: number;
    readonly sent: number;
    readonly failed: number;
    readonly cancelled: number;
  };
  readonly announcements: {
    readonly count: number;
    readonly recipients: number;
    readonly sent: number;
    readonly failed: number;
    readonly blocked: number;
  };
  readonly helpSessions: {
    readonly count: number;
    readonly filedOnline: number;
    readonly postalReturn: number;
    readonly vneidActivated: number;
    readonly byVillage: Record<string, number>;
  };
  /** the questions the bot did not understand, masked, most frequent first */
  readonly unanswered: { readonly text: string; readonly count: number }[];
  readonly daily: { readonly date: string; readonly messages: number; readonly residents: number }[];
  /** answers about filing online (the content group `truc-tuyen`, and the «Nộp trực tuyến» parts shown) */
  readonly interest: {
    readonly online: { readonly topics: number; readonly sections: number };
    readonly postal: { readonly topics: number; readonly sections: number };
  };
  /** postal return requests made in chat, and what staff did with them */
  readonly postalRequests: {
    readonly created: number;
    readonly accepted: number;
    readonly posted: number;
    readonly delivered: number;
    readonly refused: number;
    readonly lookups: number;
  };
  /** «Gặp cán bộ»: talks opened, staff answers relayed, and how the talks ended */
  readonly handoffs: {
    readonly opened: number;
    readonly staffReplies: number;
    readonly closedByResident: number;
    readonly closedByStaff: number;
    readonly timedOut: number;
  };
  /** recognised as not the commune's business and told where to go, most frequent first */
  readonly outOfScope: { readonly text: string; readonly count: number }[];
  readonly monthly: MonthRow[];
}

/** What features and the dashboard may ask of the statistics. */
export interface UsageReports {
  /** from/to as YYYY-MM-DD (days in Vietnam, both included); a RangeError for a bad period */
  report(from: string, to: string): Promise<UsageReport>;
}
