/**
 * One voice in what residents read (a topic's answer and sections): the resident is «bà con», the bot
 * is «tôi»; no legal citations (they go in `sources`); no staff hedges; jargon glossed the first time.
 * The rules are written for staff in content/README.md; `npm run kb:check` reports every breach.
 */

/** Letters and combining marks: Vietnamese words are whole syllables, so `\b` (ASCII only) will not do. */
const L = '\\p{L}\\p{M}';
const word = (w: string): string => `(?<![${L}])${w}(?![${L}])`;

export interface VoiceRule {
  readonly pattern: RegExp;
  readonly message: string;
}

/** Each rule flags one kind of breach; the message tells staff what to write instead. */
export const VOICE_RULES: readonly VoiceRule[] = [
  {
    pattern: new RegExp(word('bạn'), 'iu'),
    message: 'gọi người đọc là «bà con», không dùng «bạn»',
  },
  {
    // «một mình» (alone) is not an address; every other «mình» is the reader, the bot or «xã mình».
    pattern: new RegExp(`(?<!một\\s)${word('mình')}`, 'iu'),
    message:
      'không dùng «mình»: người đọc là «bà con», trợ lý là «tôi», «xã mình / tỉnh mình» viết là «xã {commune}» / «tỉnh {province}»',
  },
  {
    pattern: new RegExp(
      `${word('(?:Nghị định|Nghị quyết|Thông tư|Quyết định|Công văn|Chỉ thị|Pháp lệnh)')}\\s+(?:số\\s+)?\\d`,
      'iu',
    ),
    message: 'không ghi số văn bản pháp luật cho bà con đọc (chuyển vào `sources`, mục note)',
  },
  {
    pattern: new RegExp(`${word('(?:NĐ|NQ|TT|QĐ)')}[\\s-]*(?:số\\s*)?\\d`, 'u'),
    message: 'không ghi số văn bản pháp luật (NĐ, TT, QĐ…) cho bà con đọc (chuyển vào `sources`, mục note)',
  },
  {
    // «Luật Cư trú 2020», «Luật Hộ tịch số 60/2014»; not «thời hạn luật định».
    pattern: new RegExp(`${word('Luật')}(?:\\s+[${L}]+){1,4}\\s+(?:năm\\s+|số\\s+)?\\d`, 'u'),
    message: 'không ghi tên luật kèm năm, số cho bà con đọc (chuyển vào `sources`, mục note)',
  },
  {
    pattern: /\d+\/\d{4}\/[A-ZĐ]{2,}/u,
    message: 'không ghi số hiệu văn bản (như 45/2016/QĐ-TTg) cho bà con đọc (chuyển vào `sources`)',
  },
  {
    pattern: new RegExp(`${word('Điều')}\\s+\\d`, 'iu'),
    message: 'không trích «Điều …» của văn bản pháp luật cho bà con đọc (chuyển vào `sources`)',
  },
  {
    pattern: /chưa chắc chắn|chưa kiểm chứng|lạc hậu|chưa xác định chắc|số liệu cũ/iu,
    message:
      'lời dè dặt dành cho cán bộ; với bà con, nói điều nên làm (ví dụ «giá mỗi nơi một khác, bà con hỏi bưu điện trước khi gửi»)',
  },
];

/** Words residents may not know: the first time a topic uses one, it says what it means nearby. */
export const GLOSSES: readonly { term: RegExp; gloss: RegExp; hint: string }[] = [
  {
    term: /passcode/iu,
    gloss: /mã số bảo vệ/iu,
    hint: '«mã số bảo vệ 6 số (passcode)»',
  },
  {
    term: new RegExp(word('OTP'), 'u'),
    gloss: /mã số gửi qua tin nhắn/iu,
    hint: '«mã số gửi qua tin nhắn (OTP)»',
  },
  {
    term: /trích lục/iu,
    gloss: /bản sao giấy|giấy chứng tử/iu,
    hint: '«bản sao giấy khai sinh / giấy kết hôn (trích lục)»',
  },
];
/** How close (in characters) the gloss must be to the first use of the word. */
export const GLOSS_WINDOW = 120;

export interface VoiceProblem {
  /** index of the text in the list given to topicVoiceProblems */
  readonly index: number;
  readonly message: string;
}

/** Every breach of the voice rules in one text (what residents read), with the words that broke it. */
export function voiceProblems(text: string): string[] {
  const nfc = text.normalize('NFC');
  return VOICE_RULES.flatMap((rule) => {
    const m = rule.pattern.exec(nfc);
    if (!m) return [];
    // Quote up to the end of the last word matched («Nghị định 07/2025», not «Nghị định 0»).
    const rest = nfc.slice(m.index + m[0].length).match(/^[^\s,;:()]*/u)?.[0] ?? '';
    return [`«${(m[0] + rest).trim()}»: ${rule.message}`];
  });
}

/**
 * The voice rules over a whole topic: `texts` are its answer and sections in the order residents read
 * them. Jargon is checked at its first use in the topic.
 */
export function topicVoiceProblems(texts: readonly string[]): VoiceProblem[] {
  const problems: VoiceProblem[] = [];
  texts.forEach((text, index) => {
    for (const message of voiceProblems(text)) problems.push({ index, message });
  });
  for (const { term, gloss, hint } of GLOSSES) {
    const index = texts.findIndex((t) => term.test(t.normalize('NFC')));
    if (index < 0) continue;
    const text = texts[index]!.normalize('NFC');
    const at = text.search(term);
    const near = text.slice(Math.max(0, at - GLOSS_WINDOW), at + GLOSS_WINDOW);
    if (!gloss.test(near)) {
      const used = text.match(term)?.[0] ?? '';
      problems.push({
        index,
        message: `«${used}» lần đầu trong chủ đề cần giải nghĩa ngay bên cạnh, ví dụ ${hint}`,
      });
    }
  }
  return problems;
}
