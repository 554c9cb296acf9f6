/**
 * What a resident reads when a date or time cannot be taken as said: short, plain, polite,
 * in the bot's one voice (bà con / tôi), and always ending with a question back.
 */
import { type CivilDate, formatClock, formatDay, WEEKDAY_NAMES } from './when-calendar';

const ASK_DAY = 'Bà con muốn nhắc vào ngày nào ạ?';
const ASK_TIME = 'Bà con muốn nhắc lúc mấy giờ ạ?';

export const whenMessages = {
  unclear: (): string =>
    'Tôi chưa rõ ngày giờ bà con muốn nhắc. Bà con nói giúp ngày nào, lúc mấy giờ được không ạ?',

  alreadyPast: (): string => `Thời gian đó đã qua rồi ạ. ${ASK_DAY}`,

  dayPassed: (date: CivilDate): string => `Ngày ${formatDay(date)} đã qua rồi ạ. ${ASK_DAY}`,

  timePassed: (date: CivilDate, hh: number, mm: number): string =>
    `${formatClock(hh, mm)} ngày ${formatDay(date)} đã qua rồi ạ. ${ASK_TIME}`,

  timePassedToday: (hh: number, mm: number): string =>
    `Hôm nay đã qua ${formatClock(hh, mm)} rồi ạ. Bà con muốn nhắc lúc ${formatClock(hh, mm)} ngày mai phải không ạ?`,

  askTimeToday: (hh: number, mm: number): string =>
    `Bây giờ đã quá ${formatClock(hh, mm)} hôm nay rồi ạ. Bà con muốn nhắc lúc mấy giờ hôm nay ạ?`,

  tooFar: (date: CivilDate, maxAheadDays: number): string => {
    const within = maxAheadDays === 366 || maxAheadDays === 365 ? 'một năm' : `${maxAheadDays} ngày`;
    return `Ngày ${formatDay(date)} còn xa quá, tôi chỉ nhắc được trong vòng ${within} tới. Bà con chọn ngày gần hơn được không ạ?`;
  },

  noSuchDate: (day: number, month: number): string => `Ngày ${day}/${month} không có trong lịch. ${ASK_DAY}`,

  noSuchDateThatYear: (day: number, month: number, year: number): string =>
    `Năm ${year} không có ngày ${day}/${month}. ${ASK_DAY}`,

  noSuchDay: (day: number): string => `Một tháng chỉ có nhiều nhất 31 ngày, không có ngày ${day}. ${ASK_DAY}`,

  noSuchMonth: (month: number): string => `Một năm chỉ có 12 tháng, không có tháng ${month}. ${ASK_DAY}`,

  monthTooShort: (day: number, month: number, year: number): string =>
    `Tháng ${month}/${year} không có ngày ${day}. ${ASK_DAY}`,

  noSuchLunarDate: (day: number, monthName: string, year: number): string =>
    `Năm ${year}, ${monthName} âm lịch không có ngày ${day}. ${ASK_DAY}`,

  noSuchLeapMonth: (monthName: string): string =>
    `Năm nay và năm sau không có ${monthName} nhuận âm lịch. ${ASK_DAY}`,

  lunarMonthTooShort: (day: number): string =>
    `Tháng âm lịch đó không có ngày ${day} (chỉ có 29 ngày). ${ASK_DAY}`,

  noSuchLunarDay: (day: number): string =>
    `Tháng âm lịch chỉ có 29 hoặc 30 ngày, không có ngày ${day}. ${ASK_DAY}`,

  noSuchWeekday: (said: string): string =>
    `Trong tuần chỉ có thứ Hai đến thứ Bảy và Chủ Nhật, không có ${said}. ${ASK_DAY}`,

  noSuchTime: (hour: number, minute: number): string => {
    if (hour > 23) return `Một ngày chỉ có từ 0 giờ đến 23 giờ, không có ${hour} giờ. ${ASK_TIME}`;
    const said = minute < 0 ? `${hour} giờ kém ${-minute}` : `${hour} giờ ${minute}`;
    return `Một giờ chỉ có 60 phút, không có ${said}. ${ASK_TIME}`;
  },

  morningOrAfternoon: (hour: number): string =>
    `Bà con muốn nhắc lúc ${hour} giờ sáng hay ${hour} giờ chiều ạ?`,

  timeDoesNotFitPart: (hour: number, part: string): string =>
    `Tôi chưa rõ "${hour} giờ ${part}" là mấy giờ. ${ASK_TIME}`,

  askTimeAtNight: (): string => 'Bà con muốn nhắc lúc mấy giờ đêm ạ?',

  twoDays: (a: CivilDate, b: CivilDate): string =>
    `Tôi thấy có hai ngày khác nhau: ${formatDay(a)} và ${formatDay(b)}. ${ASK_DAY}`,

  weekdayMismatch: (date: CivilDate, actual: number, said: number): string =>
    `Ngày ${formatDay(date)} là ${WEEKDAY_NAMES[actual - 1]}, không phải ${WEEKDAY_NAMES[said - 1]}. ${ASK_DAY}`,

  twoTimes: (a: string, b: string): string => `Tôi thấy có hai giờ khác nhau: ${a} và ${b}. ${ASK_TIME}`,

  lunarOrSolar: (): string => 'Bà con muốn tính theo âm lịch hay dương lịch ạ?',

  whichWeekday: (): string => 'Bà con muốn nhắc vào thứ mấy ạ?',

  monthWithoutDay: (): string => 'Bà con muốn nhắc vào ngày mấy ạ?',

  timeAndSpanTogether: (): string =>
    'Tôi thấy bà con vừa nói một khoảng thời gian, vừa nói ngày giờ. Bà con muốn nhắc vào lúc nào ạ?',
};
