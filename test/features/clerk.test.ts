import { afterAll, describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer-engine';
import type { SectionKey } from '../../src/knowledge/schema';
import { foldedWords } from '../../src/language/normalize';
import { createTestBot } from '../helpers/test-bot';

/** The conversation as a patient clerk would hold it (issue «A bot that understands residents…»). */

const bot = createTestBot();
afterAll(() => bot.close());
const engine = createAnswerEngine('content', 'locales');

async function onboarded() {
  const r = bot.resident();
  await r.start('thon-1');
  return r;
}

describe('short messages that are not questions', () => {
  it.each([
    ['chao chau', 'chào bà con'],
    ['cam on chau nhieu', 'không có gì'],
    ['ok', 'cần hỏi thêm'],
    ['👍', 'cần hỏi thêm'],
    ['ko hieu gi het', 'xin lỗi'],
    ['may ngu qua', 'xin lỗi'],
    // «ad» calls the page's admin (the bot): a thanks to it used to get «Gặp cán bộ»
    ['cam on ad nhieu', 'không có gì'],
    ['Cảm ơn ad nhiều nha', 'không có gì'],
    ['chào ad', 'chào bà con'],
    // the bot called by its name: «DVC» is not a question about the public service portal
    ['Xin chào Trợ lý DVC', 'chào bà con'],
    // a thanks with good wishes or a goodbye (they got replies about court disputes, pensions, veterans)
    ['Em cảm ơn chị nhiều ạ! Chúc chị sức khỏe.', 'không có gì'],
    ['Dạ em cảm ơn anh chị nhiều ạ, chúc anh chị một ngày tốt lành.', 'không có gì'],
    ['Dạ em cảm ơn ạ, em hiểu rồi', 'không có gì'],
    ['Dạ thôi em cảm ơn, để mai em lên xã hỏi ạ.', 'không có gì'],
    ['Dạ con cảm ơn cô chú, con đi hỏi thử ạ.', 'không có gì'],
    ['Chúc chị sức khỏe', 'không có gì'],
    // a first message that only calls for attention or asks leave to ask (they got «tôi chưa hiểu», the
    // lottery reply, the application-status answer, a list of procedures)
    ['ad ơi', 'chào bà con'],
    ['có ai không ạ', 'chào bà con'],
    ['co ai o day ko a', 'chào bà con'],
    ['cho hỏi tí', 'chào bà con'],
    ['chị ơi cho em hỏi', 'chào bà con'],
    ['chào ad, e hỏi chút đc ko ạ', 'chào bà con'],
    ['cháu ơi bà hỏi cái', 'chào bà con'],
    ['Dạ em cảm ơn ạ, để mai em lên xã', 'không có gì'],
    // the Hmong hello and thank you
    ['nyob zoo', 'chào bà con'],
    ['ok ua tsaug nhe', 'không có gì'],
    // a thanks to the staff is no request to meet them; English words with a Vietnamese particle are Vietnamese
    ['dạ em cảm ơn cán bộ nhiều', 'không có gì'],
    ['thank you nha', 'không có gì'],
  ])('«%s» gets a kind word, never "tôi chưa hiểu"', async (said, expected) => {
    const r = await onboarded();
    const replies = await r.say(said);
    expect(r.text(replies).toLowerCase()).toContain(expected);
    expect(r.text(replies)).not.toContain('chưa hiểu');
    // Said twice, still no "tôi vẫn chưa hiểu" fallback.
    expect(r.text(await r.say(said))).not.toContain('vẫn chưa hiểu');
  });

  it('asking leave to ask, then asking: the question is answered; asked in one message, the same', async () => {
    const r = await onboarded();
    expect(r.text(await r.say('ad ơi em hỏi xíu'))).toContain('chào bà con');
    await r.say('lam giay khai sinh can gi');
    expect(r.last.text).toContain('Đăng ký khai sinh');
    const once = await onboarded();
    await once.say('cho em hỏi chút, làm giấy khai sinh cần gì');
    expect(once.last.text).toContain('Đăng ký khai sinh');
    expect(once.last.text).not.toContain('chào bà con');
  });

  it('«hướng dẫn» typed is the «Hướng dẫn» button (how to use the bot), not a request for a staff member', async () => {
    for (const said of ['huong dan', 'Hướng dẫn']) {
      const r = await onboarded();
      await r.say(said);
      expect(r.last.text, said).toContain('Cách dùng');
      expect(r.last.text, said).not.toContain('cần hỏi cán bộ xã việc gì');
    }
  });

  it.each(['huong dan cho ba voi', 'Chỉ cho bà với', 'giúp tôi với'])(
    '«%s» alone gets how to use the bot, not a list of unrelated procedures',
    async (said) => {
      const r = await onboarded();
      const [reply] = await r.say(said);
      expect(reply?.text).toContain('bằng lời của mình');
      expect(reply?.text).not.toContain('Ý bà con là');
    },
  );

  it('an «ok» beside a question plainly not ours does not hide its where-to-go sentence', async () => {
    const r = await onboarded();
    expect(r.text(await r.say('ok, lam ho chieu o dau'))).toContain('Công an tỉnh');
    // typed bare, «vâng» is also «vắng»: a question about tạm vắng is not an «ok»
    expect(r.text(await r.say('khai bao tam vang o dau'))).not.toContain('cần hỏi thêm gì');
  });

  it('two out-of-scope questions in a row each get their where-to-go sentence, not a fallback', async () => {
    const r = await onboarded();
    expect(r.text(await r.say('lam ho chieu o dau'))).toContain('Công an tỉnh');
    const second = r.text(await r.say('thu tuc ly hon the nao'));
    expect(second).toContain('Tòa án');
    expect(second).not.toContain('vẫn chưa hiểu');
  });
});

describe('safety', () => {
  it.each([
    'can bo xa hoi ma otp co dua ko',
    'Có người xưng công an gọi điện bảo cài app để cập nhật VNeID, có cài không?',
    'cán bộ xã nhắn tin bảo chuyển tiền nộp phạt, có chuyển không',
    'nguoi ta goi dien xin ma otp vneid thi co doc cho ho ko',
    'co nguoi goi xung cong an bao cccd cua toi bi khoa, bat cai app, co phai lua dao ko',
    'cán bộ đòi mã OTP thì có đưa không',
    'ai do xin ma otp cua toi',
    // a call telling the resident to pay, or to «update» papers through a link
    'có người gọi bảo đưa tiền để làm sổ đỏ nhanh, có đưa không',
    'nguoi goi nhan tin bao cap nhat thong tin can cuoc qua duong link',
    'cán bộ gọi bảo nộp trước 500 nghìn mới giải quyết hồ sơ',
    'có tin nhắn gửi đường link bảo bấm vào nhận tiền hỗ trợ',
    // a fake SMS pasted as it came
    '[BCA] Tai khoan dinh danh cua ban sap bi khoa. Cap nhat ngay tai vneid-xacthuc.com de tranh gian doan',
  ])('«%s» gets an immediate «KHÔNG» and what to do', async (said) => {
    const r = await onboarded();
    const text = r.text(await r.say(said));
    expect(text).toContain('KHÔNG');
    expect(text).toContain('cúp máy');
  });

  it('does not cry wolf at an ordinary question about a code or a password', async () => {
    const r = await onboarded();
    expect(r.text(await r.say('khong nhan duoc ma otp khi dang nhap vneid'))).not.toContain('⚠️ KHÔNG');
    expect(r.text(await r.say('quen mat khau vneid thi lam sao'))).not.toContain('⚠️ KHÔNG');
    // «đổi» (change) is not «đòi» (demand): a word typed with its marks keeps them
    for (const q of [
      'đổi số điện thoại rồi, VNeID không gửi mã OTP về số mới',
      'doi so dien thoai roi ko nhan dc ma OTP vneid',
      'tài khoản VNeID bị khóa tạm thời, mở lại sao',
      // updating papers in the app is no scam
      'cập nhật thông tin căn cước trên VNeID thế nào',
      // the app asks for the code: no person is named
      'quen passcod vneid, bam quen mat khau thi no doi OTP ma sdt cu em bo roi, gio sao ad',
    ]) {
      const text = r.text(await r.say(q));
      expect(text, q).not.toContain('⚠️ KHÔNG');
      expect(text, q).toContain('VNeID');
    }
  });

  it.each([
    'lo dua ma otp cho nguoi la roi',
    'bi lua mat tien trong tai khoan roi',
    'Tôi lỡ bấm vào link lạ rồi',
  ])('«%s» (already given) gets what to do now: lock the bank account, report', async (said) => {
    const r = await onboarded();
    const text = r.text(await r.say(said));
    expect(text).toContain('khóa tài khoản');
    expect(text).toContain('113');
    expect(text).not.toContain('KHÔNG. Bà con đừng đưa');
  });

  it('after a scam question, «I already read it out» gets what to do now, not a procedure that shares a word', async () => {
    const r = await onboarded();
    await r.say('co nguoi goi dien xung cong an bao doc ma otp');
    // «doc» is «đọc» (read out) here, not «độc thân»
    const text = r.text(await r.say('toi da doc roi phai lam sao'));
    expect(text).toContain('khóa tài khoản');
    expect(text).not.toContain('độc thân');
  });

  it('does not alarm a resident who paid a fee, installed VNeID or asks what «the police app» is', async () => {
    const r = await onboarded();
    for (const q of [
      'tôi đã chuyển tiền lệ phí qua ngân hàng rồi',
      'em da cai app vneid roi ma ko dang nhap duoc',
      'cai app cua cong an do la gi',
    ]) {
      const text = r.text(await r.say(q));
      expect(text, q).not.toContain('⚠️ KHÔNG');
      expect(text, q).not.toContain('khóa tài khoản');
    }
  });

  it('shows the scam warning at most once in an answer', async () => {
    const r = await onboarded();
    for (const q of ['tài khoản vneid mức 2', 'tai khoan dich vu cong', 'thanh toan le phi truc tuyen']) {
      const text = r.text(await r.say(q));
      expect((text.match(/OTP/g) ?? []).length, q).toBeLessThanOrEqual(1);
    }
  });
});

/** Follow-ups: after one topic's answer, a cue alone asks for that topic's section. */
const CUES: Record<SectionKey, readonly string[]> = {
  'le-phi': ['bao nhieu tien', 'mất bao nhiêu tiền', 'co mat phi ko', 'le phi the nao'],
  'thoi-gian': ['mat may ngay', 'bao lâu thì có', 'khi nao lay duoc'],
  'giay-to': ['can mang gi', 'cần giấy tờ gì', 'chuan bi nhung gi'],
  'noi-nop': ['o dau', 'nộp ở đâu', 'lam o cho nao'],
  'truc-tuyen': ['lam online dc ko', 'làm trên mạng được không', 'nop qua mang dc k'],
  'buu-dien': ['gui qua buu dien dc ko', 'nhận kết quả tại nhà được không'],
  'cac-buoc': [],
  'luu-y': ['nho nguoi khac lam thay dc ko', 'ông bà làm được không'],
};

const FOLLOW_UPS = engine.kb.topics
  .filter((t) => t.kind === 'info')
  .flatMap((topic) =>
    Object.keys(topic.sections).flatMap((key) =>
      (CUES[key as SectionKey] ?? []).map((cue) => ({ topic: topic.id, key: key as SectionKey, cue })),
    ),
  );

describe('follow-ups about the topic just answered', () => {
  it('covers at least 60 follow-ups', () => {
    expect(FOLLOW_UPS.length).toBeGreaterThanOrEqual(60);
  });

  it('answers ≥ 90 % of follow-ups with the right section of the right topic', async () => {
    const wrong: string[] = [];
    for (const f of FOLLOW_UPS) {
      const r = await onboarded();
      await r.pressPayload(`topic:${f.topic}`);
      const [reply] = await r.say(f.cue);
      const title = engine.kb.topics.find((t) => t.id === f.topic)?.title ?? '';
      const label = bot.deps.t('vi', `section-${f.key}`);
      if (!reply?.text.startsWith(`${title} — ${label}`))
        wrong.push(`${f.topic} «${f.cue}» → ${reply?.text.slice(0, 60)}`);
    }
    expect(wrong.length / FOLLOW_UPS.length, wrong.join('\n')).toBeLessThanOrEqual(0.1);
  });

  it.each([
    ['khai-sinh', 'bao nhieu tien', 'le-phi'],
    ['khai-sinh', 'mat may ngay', 'thoi-gian'],
    ['khai-sinh', 'can mang gi', 'giay-to'],
    ['khai-sinh', 'lam online dc ko', 'truc-tuyen'],
    ['khai-sinh', 'o dau', 'noi-nop'],
  ])('after %s, «%s» is its %s section (the cases residents met)', async (topic, cue, key) => {
    const r = await onboarded();
    await r.pressPayload(`topic:${topic}`);
    const [reply] = await r.say(cue);
    expect(reply?.text).toContain(`— ${bot.deps.t('vi', `section-${key}`)}`);
    expect(reply?.text).not.toContain('Khai tử');
  });

  it('drops the context when the resident names another procedure', async () => {
    const r = await onboarded();
    await r.pressPayload('topic:khai-sinh');
    const [reply] = await r.say('đăng ký kết hôn cần gì');
    expect(reply?.text).toContain('Đăng ký kết hôn');
    // papers asked of another procedure by name: that procedure, not the papers of the last one
    const [death] = await r.say('khai tử cần giấy tờ gì');
    expect(death?.text).toContain('Đăng ký khai tử');
    // an exemption of another procedure named outright: that procedure
    const [other] = await r.say('khai tu co mien khong');
    expect(other?.text).toContain('Đăng ký khai tử');
    // «giấy đỏ» typed with its marks is the land certificate, not «giấy đó» (that paper)
    const [land] = await r.say('giấy đỏ có giá trị bao lâu');
    expect(land?.text).toContain('Đất đai');
  });

  it.each([
    ['khai-sinh', 'thế còn làm căn cước cho con thì sao', 'Cấp đổi, cấp lại thẻ căn cước'],
    ['tam-tru', 'còn làm sổ đỏ có được không', 'Đất đai'],
    // named less surely beside the cue, but outright in the whole message
    ['bao-hiem-y-te', 'vậy khai sinh cho đứa nhỏ mới đẻ thì cần giấy gì em', 'Đăng ký khai sinh'],
    // a procedure named by a section word («VNeID» is an online cue), turned to
    ['can-cuoc', 'thế còn VNeID thì sao', 'Tài khoản định danh điện tử VNeID'],
    // asked who can do it for a resident without a smartphone: the help without one
    [
      'ly-lich-tu-phap',
      'tui hổng có điện thoại xịn, cũng hông biết xài app, thì nhờ ai làm giùm được',
      'Không có điện thoại thông minh',
    ],
  ])('after %s, «%s» turns to another procedure', async (topic, said, title) => {
    const r = await onboarded();
    await r.pressPayload(`topic:${topic}`);
    const [reply] = await r.say(said);
    expect(reply?.text.startsWith(title), reply?.text).toBe(true);
  });

  it('a short question read as another procedure it does not name outright offers the topic just answered', async () => {
    const r = await onboarded();
    await r.pressPayload('topic:chung-thuc-hop-dong');
    await r.say('2 vo chong phai cung di ko');
    expect(r.buttons.join(' | ')).toContain('Hay là: Chứng thực hợp đồng');
  });

  it.each([
    ['khai-sinh', 'nho con lam dc ko', 'luu-y'],
    ['khai-sinh', 'Bà ngoại cần mang giấy gì ạ?', 'giay-to'],
    ['khai-sinh', 'Em ở Bình Dương, có cần về quê không ạ?', 'noi-nop'],
    ['can-cuoc', 'co phai ra huyen ko', 'noi-nop'],
    ['khai-tu', 'co dc tien mai tang ko', 'luu-y'],
    // no cue word: the section whose text holds the message's own words
    ['khai-sinh', 'can nguoi lam chung ko', 'giay-to'],
    ['khai-sinh', 'tre han thi sao', 'le-phi'],
    // a paper named as something to bring: the papers of the procedure just answered, not that paper's own
    // procedure (they got the marriage and birth answers)
    ['thuong-tru', 'co can giay ket hon ko', 'giay-to'],
    ['thuong-tru', 'can so ho khau ko', 'giay-to'],
    ['can-cuoc', 'co can giay khai sinh ko', 'giay-to'],
    // …unless another section's words are there: who may go in the grandparents' place
    ['khai-sinh', 'ba noi di lam ho co can giay uy quyen ko', 'luu-y'],
    // a deadline or how long a paper is valid: the notes, not the processing time; «giay do» is «giấy đó»
    ['khai-tu', 'bao lau phai khai', 'luu-y'],
    ['xac-nhan-hon-nhan', 'giay do dung dc may thang', 'luu-y'],
    // from the second trial: the cost of one copy, «mất bao nhiêu», someone else asking in one's place
    ['trich-luc-ho-tich', 'bn 1 ban', 'le-phi'],
    ['can-cuoc', 'lam lai mat bn', 'le-phi'],
    ['trich-luc-ho-tich', 'nguoi khac xin thay dc ko', 'luu-y'],
    // from the third trial: an exemption named in the fees is not the social allowance; a fine for lateness
    // is the fees' late line, not tạm trú's fines; «t7»; «thời hạn» of tạm trú is its time section
    ['khai-sinh', 'ho ngheo mien ko', 'le-phi'],
    ['khai-sinh', 'tre han co bi phat', 'le-phi'],
    ['chung-thuc-ban-sao', 't7 co lam ko', 'noi-nop'],
    ['tam-tru', 'thoi han bao lau', 'thoi-gian'],
    // bare «gia» in «gia hạn» is not «giá» (a price): when to renew
    ['tam-tru', 'het han thi gia han the nao', 'thoi-gian'],
    // the topic asked again with a detail: the section that has it, not the whole answer a second time
    ['can-cuoc', 'toi 60 tuoi co phai doi cccd ko', 'giay-to'],
    // the child's surname, ethnicity and name (khai sinh's notes, from the real dev questions)
    ['khai-sinh', 'con theo họ bố hay họ mẹ', 'luu-y'],
    ['khai-sinh', 'con lay ho me duoc khong', 'luu-y'],
    ['khai-sinh', 'dat ten con bang tieng anh duoc ko', 'luu-y'],
    // residents' own words for a section (a probe of follow-ups; these forms were not in it)
    ['khai-tu', 'khoảng mấy hôm thì có giấy', 'thoi-gian'],
    ['can-cuoc', 'phai dem gi theo', 'giay-to'],
    ['chung-thuc-ban-sao', 'ko có bản chính thì sao', 'giay-to'],
    ['tam-tru', 'tốn mấy đồng vậy', 'le-phi'],
    ['trich-luc-ho-tich', 'len dau de xin', 'noi-nop'],
    ['xac-nhan-cu-tru', 'bằng điện thoại có được không', 'truc-tuyen'],
    ['trich-luc-ho-tich', 'gui giay ve nha duoc khong', 'buu-dien'],
    ['khai-tu', 'co duoc ho tro tien chon cat ko', 'luu-y'],
    ['can-cuoc', 'thẻ cũ còn xài được không', 'luu-y'],
    ['ket-hon', 'lam lien trong buoi dc ko', 'thoi-gian'],
    ['chung-thuc-chu-ky', 'chiều có làm không', 'noi-nop'],
    ['tro-cap-xa-hoi', 'mẹ tôi nằm một chỗ, làm sao nộp', 'luu-y'],
    ['chung-thuc-hop-dong', 'ong gia roi khong den duoc thi lam sao', 'luu-y'],
    ['chung-thuc-chu-ky', 'người không biết ký tên thì sao', 'luu-y'],
    ['tam-tru', 'dang ky 1 lan duoc may nam', 'thoi-gian'],
    ['khai-sinh', 'chiều nay lên nộp kịp không', 'noi-nop'],
    ['thuong-tru', 'vào mục nào để khai', 'truc-tuyen'],
    ['chung-thuc-chu-ky', 'ky truoc o nha roi dem len duoc khong', 'luu-y'],
    ['chung-thuc-ban-sao', 'em tự photo rồi mang lên được không', 'giay-to'],
    ['thuong-tru', 'thay chu ho sao ad', 'luu-y'],
    ['khai-sinh', 'con gái đi làm giấy cho cháu được không', 'luu-y'],
    ['khai-sinh', 'chừng nào có giấy vậy', 'thoi-gian'],
    ['tam-tru', 'hết bao nhiu vậy em', 'le-phi'],
    ['chung-thuc-chu-ky', 'mẹ tôi bị liệt thì ký sao', 'luu-y'],
    ['khai-tu', 'em dau di khai cho me chong duoc khong', 'luu-y'],
    ['thuong-tru', 'bây giờ ai đứng tên sổ vậy', 'luu-y'],
    ['trich-luc-ho-tich', 'muốn làm trực tiếp thì đến chỗ nào', 'noi-nop'],
    // a baby who lived under 24 hours (the notes), a relative who died abroad (where), from the real dev questions
    ['khai-tu', 'be song chua duoc 24 gio co phai khai tu ko', 'luu-y'],
    ['khai-sinh', 'bé mất sau 12 tiếng thì có làm khai sinh không', 'luu-y'],
    ['khai-tu', 'chồng mất bên Hàn Quốc thì khai tử ở đâu', 'noi-nop'],
    ['khai-tu', 'người nhà mất ở nước ngoài thì sao', 'noi-nop'],
    // a yes/no question naming another procedure, whose words a line of the answer holds: a detail of it
    // (cải chính's notes say to change the ID card; the marital-status paper is asked where one is on tạm trú)
    ['cai-chinh-ho-tich', 'sửa ngày sinh rồi có phải đổi thẻ căn cước không', 'luu-y'],
    ['xac-nhan-hon-nhan', 'tôi ở tạm trú nơi khác, xin ở đó được không', 'noi-nop'],
    // the offices' hours, the online and postal ways, help without a smartphone: asked beside a section's
    // words, that section of the procedure just answered (they got the contacts, the portal's how-to, the
    // postal service, the no-smartphone help)
    ['khai-tu', 'ủy ban xã chiều thứ sáu mấy giờ đóng cửa', 'noi-nop'],
    ['tam-tru', 'cong an xa co lam viec thu 7 ko a', 'noi-nop'],
    ['can-cuoc', 'làm trên dichvucong được hông', 'truc-tuyen'],
    ['can-cuoc', 'nop qua buu dien thi gui the ve nha luon dc ko', 'buu-dien'],
    ['ket-hon', 'tui ko rành điện thoại, lên xã làm trực tiếp chỗ nào', 'noi-nop'],
    // another procedure told as the resident's situation, whose words the section asked holds
    ['xac-nhan-hon-nhan', 'mấy bữa thì có, tuần sau tui ký hợp đồng bán đất', 'thoi-gian'],
    // residents' own words: Southern «bi nhiêu», «đồng nào», Central «chi», «mấy bữa», «xã nào», steps
    ['chung-thuc-ban-sao', 'sao 3 ban het bi nhieu', 'le-phi'],
    ['ket-hon', 'nghèo quá, có phải đóng đồng nào không', 'le-phi'],
    ['xac-nhan-cu-tru', 'phải đem theo chi rứa', 'giay-to'],
    ['khai-tu', 'đợi mấy bữa', 'thoi-gian'],
    ['khai-sinh', 'sinh ở bệnh viện huyện thì khai ở xã nào', 'noi-nop'],
    ['chung-thuc-chu-ky', 'cac buoc ra sao', 'cac-buoc'],
    ['khai-sinh', 'bà ngoại đi khai cho cháu được không', 'luu-y'],
    ['xac-nhan-hon-nhan', 'giấy này xài bao lâu', 'luu-y'],
    ['xac-nhan-cu-tru', 'sáng mai cần nộp rồi, xin bây giờ có kịp không', 'thoi-gian'],
    ['khai-tu', 'không có giấy báo tử của bệnh viện thì sao', 'giay-to'],
    // the way the topic just answered is itself says nothing: the other words ask
    ['buu-chinh', 'gửi qua bưu điện thì mấy ngày xã mới nhận', 'thoi-gian'],
    ['buu-chinh', 'gui buu dien thi phai lam nhung buoc nao', 'cac-buoc'],
    // something we do not handle told as the situation, while the question names the topic just answered or
    // points at its paper (they got the labour-export and court replies)
    ['khai-tu', 'con tôi mất lúc đi xuất khẩu lao động bên Nhật, giờ khai tử ở đâu', 'noi-nop'],
    ['xac-nhan-hon-nhan', 'tui ly hôn rồi, xin giấy này cần mang thêm gì', 'giay-to'],
    // «VNeID» beside «trên app» is the online way of the procedure just answered
    ['ly-lich-tu-phap', 'xin phiếu trên app vneid thì vào mục nào', 'truc-tuyen'],
    // a plain cue keeps its section though other words of the message are in another one
    ['trich-luc-ho-tich', 'đăng ký kết hôn ở tỉnh khác thì xin bản sao ở đây được không', 'noi-nop'],
    ['can-cuoc', 'nhận thẻ ở nhà được hông, nhà xa quá', 'buu-dien'],
    // turning to a way of doing it stays with the procedure
    ['khai-tu', 'thế còn làm online thì sao', 'truc-tuyen'],
    // the same procedure asked again yes or no about a case no section's words name: the notes
    ['ket-hon', 'em trai 19 tuổi lấy vợ đăng ký kết hôn được không', 'luu-y'],
    // a little of the resident's case told first: up to 16 words is still a follow-up
    ['chung-thuc-chu-ky', 'mẹ tôi tay run quá không ký nổi tên nữa, vậy có chứng thực được không', 'luu-y'],
    ['can-cuoc', 'bà nội cháu năm nay vừa tròn 60 tuổi rồi, có phải đi đổi thẻ nữa không', 'giay-to'],
  ])('after %s, «%s» (cases from a trial with residents) is its %s section', async (topic, said, key) => {
    const r = await onboarded();
    await r.pressPayload(`topic:${topic}`);
    const title = engine.kb.topics.find((t) => t.id === topic)?.title ?? '';
    const [reply] = await r.say(said);
    expect(reply?.text.startsWith(`${title} — ${bot.deps.t('vi', `section-${key}`)}`), reply?.text).toBe(
      true,
    );
  });

  it("a long section picked by the resident's words shows the line asked about first, with its heading", async () => {
    const r = await onboarded();
    await r.pressPayload('topic:can-cuoc');
    const [reply] = await r.say('toi 60 tuoi co phai doi cccd ko');
    const [, , first] = reply?.text.split('\n') ?? [];
    expect(first).toBe(
      '👉 Khi nào phải đổi: Bắt buộc khi đủ 14, 25, 40 và 60 tuổi (miễn phí). Thẻ cấp trong vòng 2 năm trước các mốc này thì còn dùng đến mốc tiếp theo.',
    );
    // the section itself follows whole
    expect(reply?.text).toContain('- Đổi từ CCCD sang thẻ căn cước');
    // a section asked by a cue word alone has no line of its own to show first
    const [fee] = await r.say('bao nhieu tien');
    expect(fee?.text).not.toContain('👉');
  });

  it('a short follow-up it cannot place gets the sections of the topic just answered, not unrelated topics', async () => {
    for (const said of ['co duoc giam ko', 'co can ky ten ko']) {
      const r = await onboarded();
      await r.pressPayload('topic:khai-sinh');
      const [reply] = await r.say(said);
      // once the loan and prison-visit replies, because of one shared word
      expect(reply?.text, said).toContain('«Đăng ký khai sinh»');
      expect(
        reply?.buttons?.flat().map((b) => b.label),
        said,
      ).toContain(bot.deps.t('vi', 'section-le-phi'));
    }
    // a subject plainly not ours still gets its where-to-go sentence
    const r = await onboarded();
    await r.pressPayload('topic:khai-sinh');
    expect(r.text(await r.say('lam ho chieu o dau'))).toContain('Công an tỉnh');
  });

  it('has no context without an answer first: a lone cue is not guessed, the resident is asked which procedure', async () => {
    const r = await onboarded();
    const [reply] = await r.say('bao nhieu tien');
    expect(reply?.text).not.toContain('—');
    // it used to get «tôi không có thông tin giá cả thị trường»
    expect(reply?.text).toContain('lệ phí của việc nào');
  });

  it('a short question back right after an answer names its topics, and offers the topic just answered too', async () => {
    const r = await onboarded();
    await r.pressPayload('topic:khai-sinh');
    const [reply] = await r.say('chứng thực');
    expect(reply?.text).toContain('ý bà con là');
    const labels = reply?.buttons?.flat().map((b) => b.label) ?? [];
    expect(labels).toContain('Chứng thực chữ ký, điểm chỉ');
    expect(labels).toContain('Đăng ký khai sinh');
    // …first when the message's own words found it too: the talk is still about it
    const k = await onboarded();
    await k.pressPayload('topic:khai-tu');
    const [late] = await k.say('qua 30 ngay roi co sao ko');
    expect(late?.buttons?.[0]?.[0]?.label).toBe('Đăng ký khai tử');
  });

  it('a lone cue right after a question back offers that section of each topic it offered, one tap away', async () => {
    const r = await onboarded();
    await r.say('the bhyt cho con duoi 6 tuoi');
    expect(r.last.text).toContain('ý bà con là');
    await r.say('lam o dau');
    expect(r.last.text).toContain('nơi nộp của việc nào');
    expect(r.buttons).toContain('Thẻ bảo hiểm y tế (BHYT)');
    await r.press('Thẻ bảo hiểm y tế (BHYT)');
    expect(r.last.text).toContain('Thẻ bảo hiểm y tế (BHYT) — Nơi nộp');
    // only the message right after it: a thanks in between ends it
    await r.say('the bhyt cho con duoi 6 tuoi');
    await r.say('cảm ơn');
    await r.say('lam o dau');
    expect(r.buttons).not.toContain('Thẻ bảo hiểm y tế (BHYT)');
  });

  it('a word that is also a cue is not taken for a lone cue: «vneid», «làm hộ chiếu» («làm hộ»)', async () => {
    const r = await onboarded();
    expect(r.text(await r.say('vneid'))).toContain('VNeID');
    expect(r.last.text).not.toContain('của việc nào');
    const p = await onboarded();
    expect(p.text(await p.say('lam ho chieu'))).toContain('Công an tỉnh');
    // nor, after an answer, for its «Lưu ý»
    const k = await onboarded();
    await k.pressPayload('topic:khai-sinh');
    expect(k.text(await k.say('lam ho chieu'))).toContain('Công an tỉnh');
  });

  it('drops the context after a question about something we do not handle', async () => {
    const r = await onboarded();
    await r.pressPayload('topic:chung-thuc-chu-ky');
    expect(r.text(await r.say('vay von ngan hang o dau'))).toContain('ngân hàng');
    const [reply] = await r.say('bao nhieu tien');
    expect(reply?.text).not.toContain('Chứng thực chữ ký');
  });
});

describe('a greeting or thanks in the same message as a question', () => {
  it.each([
    ['chao ad, cho hoi lam khai sinh o dau', 'Đăng ký khai sinh'],
    ['cảm ơn ạ, cho hỏi thêm đăng ký kết hôn cần gì', 'Đăng ký kết hôn'],
  ])('«%s» is answered as the question it asks', async (said, title) => {
    const r = await onboarded();
    const [reply] = await r.say(said);
    expect(reply?.text).toContain(title);
  });
});

/**
 * The questions every resident asks first, of the procedures asked most: what to bring, how long, how
 * much, where — with and without diacritics. Each gets its procedure (the whole answer or the section
 * asked for), never a question back: «khai sinh cần giấy tờ gì» and «khai tu het bao nhieu tien» used to.
 */
describe('the first questions about the common procedures', () => {
  const procedures: [topic: string, said: string][] = [
    ['khai-sinh', 'khai sinh'],
    ['khai-sinh', 'làm giấy khai sinh'],
    ['khai-tu', 'khai tử'],
    ['khai-tu', 'làm giấy chứng tử'],
    ['ket-hon', 'đăng ký kết hôn'],
    ['tam-tru', 'đăng ký tạm trú'],
    ['thuong-tru', 'đăng ký thường trú'],
    ['thuong-tru', 'nhập hộ khẩu'],
    ['can-cuoc', 'làm lại căn cước'],
    ['can-cuoc', 'đổi căn cước'],
    ['ly-lich-tu-phap', 'lý lịch tư pháp'],
    ['xac-nhan-hon-nhan', 'giấy xác nhận độc thân'],
    ['xac-nhan-cu-tru', 'giấy xác nhận cư trú'],
    ['chung-thuc-ban-sao', 'công chứng giấy tờ'],
    ['trich-luc-ho-tich', 'xin bản sao giấy khai sinh'],
    ['cai-chinh-ho-tich', 'đổi tên cho con'],
    ['bao-hiem-y-te', 'làm lại thẻ bảo hiểm y tế'],
    ['chung-thuc-chu-ky', 'chứng thực chữ ký'],
  ];
  const asks = ['cần giấy tờ gì', 'mất bao lâu', 'hết bao nhiêu tiền', 'làm ở đâu'];
  const questions = procedures.flatMap(([topic, said]) =>
    asks.flatMap((ask) => [`${said} ${ask}`, foldedWords(`${said} ${ask}`)].map((q) => [topic, q] as const)),
  );

  it('answers every one with its procedure', () => {
    const missed = questions
      .map(([topic, q]) => ({ topic, q, d: engine.qa.decide(q) }))
      .filter(({ topic, d }) => !(d.kind === 'answer' && d.topic.id === topic))
      .map(({ topic, q, d }) => `${q} → ${d.kind === 'answer' ? d.topic.id : d.kind} (not ${topic})`);
    expect(questions).toHaveLength(144);
    expect(missed).toEqual([]);
  });

  it('answers with the section asked for when the whole question alone would get a question back', async () => {
    // the search alone asks back between khai sinh and trích lục; «cần giấy tờ gì» set aside, it is khai sinh
    expect(engine.matcher.match('khai sinh cần giấy tờ gì').decision).toBe('clarify');
    const r = await onboarded();
    const [reply] = await r.say('khai sinh cần giấy tờ gì');
    expect(
      reply?.text.startsWith(`Đăng ký khai sinh — ${bot.deps.t('vi', 'section-giay-to')}`),
      reply?.text,
    ).toBe(true);
    // «thủ tục», «hướng dẫn» only ask how it is done: read without them, «thủ tục khai sinh» is khai sinh
    expect(engine.matcher.match('thủ tục khai sinh').decision).toBe('clarify');
    const [whole] = await (await onboarded()).say('thủ tục khai sinh');
    expect(whole?.text.startsWith('Đăng ký khai sinh\n'), whole?.text).toBe(true);
  });
});

describe('an answer with a close runner-up («Hay là…»)', () => {
  it('offers the runner-up under the answer, one tap away', async () => {
    const r = await onboarded();
    const [answer] = await r.say('chưa đăng ký kết hôn thì làm khai sinh cho con được không');
    expect(answer?.text.startsWith('Đăng ký khai sinh'), answer?.text).toBe(true);
    expect(r.buttons).toContain('↪ Hay là: Đăng ký kết hôn');
    const [other] = await r.press('Hay là');
    expect(other?.text.startsWith('Đăng ký kết hôn\n'), other?.text).toBe(true);
    // the follow-up is now about the topic chosen
    const [fees] = await r.say('bao nhieu tien');
    expect(fees?.text.startsWith(`Đăng ký kết hôn — ${bot.deps.t('vi', 'section-le-phi')}`)).toBe(true);
  });

  it('offers nothing more when the question names one procedure clearly', async () => {
    const r = await onboarded();
    await r.say('đăng ký khai sinh cho con cần giấy tờ gì');
    expect(r.buttons.some((b) => b.startsWith('↪'))).toBe(false);
  });
});

describe('a procedure asked with a way of doing it (online, by post)', () => {
  it.each([
    ['ket hon online tren dich vu cong duoc hong', 'Đăng ký kết hôn', 'truc-tuyen'],
    ['Nhận căn cước qua bưu điện về nhà mất phí bao nhiêu', 'Cấp đổi, cấp lại thẻ căn cước', 'buu-dien'],
    // the procedure itself answered, with the postal way in the same message
    ['đăng ký khai tử xong nhận giấy qua bưu điện được ko', 'Đăng ký khai tử', 'buu-dien'],
  ])('«%s» gets %s, its %s section, not the general how-to', async (said, title, key) => {
    const r = await onboarded();
    const [reply] = await r.say(said);
    expect(reply?.text.startsWith(`${title} — ${bot.deps.t('vi', `section-${key}`)}`), reply?.text).toBe(
      true,
    );
    // and a follow-up then stays with that procedure
    const [fees] = await r.say('bao nhieu tien');
    expect(fees?.text.startsWith(`${title} — ${bot.deps.t('vi', 'section-le-phi')}`), fees?.text).toBe(true);
  });

  it('answers the whole procedure when it has no postal section', async () => {
    const r = await onboarded();
    const [reply] = await r.say('làm lý lịch tư pháp rồi nhận qua bưu điện');
    expect(reply?.text.startsWith('Phiếu lý lịch tư pháp\n'), reply?.text).toBe(true);
  });

  it('answers a VNeID or account topic as itself, not as a way to do another procedure', async () => {
    // «Công dân số» is about documents in VNeID; it used to be sent to the BHYT topic's online section
    const r = await onboarded();
    const [reply] = await r.say('đưa thẻ bảo hiểm y tế vào VNeID để đi khám khỏi mang thẻ giấy được không');
    expect(reply?.text.startsWith('Công dân số'), reply?.text).toBe(true);
  });

  it('still gives the general how-to when no procedure is named', async () => {
    const r = await onboarded();
    const [reply] = await r.say('nop ho so online the nao');
    expect(reply?.text).toContain('Nộp hồ sơ trực tuyến');
    expect(reply?.text).not.toContain(' — ');
  });
});

describe('where and when a procedure is done', () => {
  it("«làm căn cước ở đâu, mấy giờ mở cửa» gets the ID card's own office (Công an xã) and its hours, not the one-stop desk", async () => {
    const r = await onboarded();
    const [reply] = await r.say('lam can cuoc o dau, may gio mo cua');
    const title = `Cấp đổi, cấp lại thẻ căn cước — ${bot.deps.t('vi', 'section-noi-nop')}`;
    expect(reply?.text.startsWith(title), reply?.text).toBe(true);
    // the police keep their own hours (commune.yaml: Saturday morning too), not the one-stop desk's
    expect(reply?.text).toContain('Thứ Bảy: 07:00–11:00');
  });

  it("a procedure done at the one-stop desk gets its own «Nơi nộp», with the desk's hours", async () => {
    const r = await onboarded();
    const [reply] = await r.say('khai sinh làm ở đâu mấy giờ mở cửa');
    expect(
      reply?.text.startsWith(`Đăng ký khai sinh — ${bot.deps.t('vi', 'section-noi-nop')}`),
      reply?.text,
    ).toBe(true);
    expect(reply?.text).toContain('Bộ phận Một cửa');
  });

  it("a day asked after an answer is that procedure's office: căn cước's Công an xã opens on Saturday morning", async () => {
    const r = await onboarded();
    await r.pressPayload('topic:can-cuoc');
    const [reply] = await r.say('ngay thu 7 co lam ko');
    expect(reply?.text).toContain('Nơi nộp');
    expect(reply?.text).toContain('Thứ Bảy: 07:00–11:00');
  });

  it('the office hours asked alone are still the contact answer', async () => {
    const r = await onboarded();
    const [reply] = await r.say('xa lam viec may gio');
    expect(reply?.text.startsWith('Địa chỉ, giờ làm việc, số điện thoại'), reply?.text).toBe(true);
  });
});

describe('English', () => {
  it('answers a question written in English in English, even in a Vietnamese chat, and offers to keep English', async () => {
    const r = await onboarded();
    const replies = await r.say('Hi, I need to register the birth of my son. What documents do I need?');
    const khaiSinh = engine.kb.topics.find((t) => t.id === 'khai-sinh')!;
    expect(replies[0]?.text).toContain(khaiSinh.title_en);
    expect(replies[0]?.text).not.toContain(khaiSinh.answer.split('\n')[0]);
    expect(r.last.text).toContain('You wrote in English');
    await r.press('Keep English');
    expect(r.transcript.at(-2)?.text).toContain('answer in English');
    // bare Vietnamese is not English: «the» is «thẻ», «can» «cần»
    const v = await onboarded();
    await v.say('the can cuoc bi hong chip');
    expect(v.last.text.startsWith('Cấp đổi, cấp lại thẻ căn cước'), v.last.text).toBe(true);
    expect(v.text(v.transcript)).not.toContain('You wrote in English');
  });

  it.each([
    ['birth registration', 'khai-sinh'],
    ['renew ID card', 'can-cuoc'],
    ['send papers by post', 'buu-chinh'],
    ['how do I register my baby', 'khai-sinh'],
    ['death certificate', 'khai-tu'],
    ['marriage registration', 'ket-hon'],
    ['register temporary residence', 'tam-tru'],
    // everyday English for a birth or a death (content/language.yaml)
    ['my wife gave birth last week', 'khai-sinh'],
    ['what papers do I need to register my newborn', 'khai-sinh'],
    ['my husband died', 'khai-tu'],
    ['my father died last night, what should I do', 'khai-tu'],
    // «certified copies» stands for «chứng thực bản sao»: the topic's defining words are said
    ['certified copies of my diploma', 'chung-thuc-ban-sao'],
    ['my cousin is staying with us for two months', 'tam-tru'],
    ['is my application ready yet', 'tra-cuu-ho-so'],
    // the English examples of subjects we do not handle (jobs near the commune, a son at school) must not
    // take these
    ['what time does the commune office open', 'lien-he'],
    ['how do I transfer land to my son', 'dat-dai'],
  ])('understands «%s» (%s)', (question, topic) => {
    const d = engine.qa.decide(question);
    expect(d.kind === 'answer' ? d.topic.id : d.kind).toBe(topic);
  });

  it('does not read a phone that «died» as a death', () => {
    const d = engine.qa.decide('my phone died, can the commune help');
    expect(d.kind === 'answer' ? d.topic.id : d.kind).not.toBe('khai-tu');
    if (d.kind === 'clarify') expect(d.options.map((o) => o.id)).not.toContain('khai-tu');
  });

  it.each([
    // worded unlike the subjects' English examples
    ['fire in our kitchen, who should we phone', ['114', 'call'], 'gọi ngay'],
    ['what will the weather be like on sunday', ['weather'], 'thời tiết'],
    ['my daughter needs a passport for her studies', ['passport'], 'hộ chiếu'],
  ])(
    'tells a resident who chose English where to go, in English: «%s»',
    async (question, english, vietnamese) => {
      const r = await onboarded();
      await r.say('English');
      const replies = await r.say(question);
      const text = r.text(replies).toLowerCase();
      for (const word of english) expect(text).toContain(word);
      expect(text).not.toContain(vietnamese);
    },
  );

  it.each([
    'is it safe to give my OTP to the commune officer',
    'a man says he is from the commune and wants my OTP code',
    'the police called and told me to transfer money',
    'an officer called and told me to install an app',
  ])('answers a scam question in English with an immediate «NO»: «%s»', async (question) => {
    const r = await onboarded();
    await r.say('English');
    const text = r.text(await r.say(question));
    expect(text).toContain('NO.');
    expect(text).not.toContain('KHÔNG');
  });

  it.each([
    ['good morning', 'Hello'],
    ['bye', "You're welcome"],
    ['got it', 'All right'],
    ["I don't understand", 'Sorry, I was not clear'],
    // it got the reply about the weather
    ['this is useless', 'Sorry, I was not clear'],
    ['stupid bot', 'Sorry I could not help yet'],
    // a first message that only calls for attention or asks leave to ask
    ['is anyone there?', 'Hello'],
    ['can i ask something', 'Hello'],
  ])('answers «%s» in English with a kind word, never "I did not understand"', async (said, expected) => {
    const r = await onboarded();
    await r.say('English');
    const text = r.text(await r.say(said));
    expect(text).toContain(expected);
    expect(text).not.toContain('did not understand');
  });

  it('does not cry wolf in English at an ordinary question about a code or a password', async () => {
    const r = await onboarded();
    await r.say('English');
    for (const q of [
      'I forgot my VNeID password',
      "didn't get the OTP for VNeID",
      'the VNeID app asks for an OTP but I changed my number',
    ]) {
      const text = r.text(await r.say(q));
      expect(text, q).not.toContain('NO.');
      expect(text, q).toContain('VNeID');
    }
  });

  it('answers a resident who chose English in English: the answer, its sections and the office hours', async () => {
    const r = await onboarded();
    await r.say('English');
    const khaiSinh = engine.kb.topics.find((t) => t.id === 'khai-sinh')!;
    const answer = r.text(await r.say('birth registration'));
    expect(answer).toContain(khaiSinh.answer_en!.split('\n')[0]);
    expect(answer).not.toContain(khaiSinh.answer.split('\n')[0]);
    const fees = r.text(await r.press('Fees'));
    expect(fees).toContain(khaiSinh.sections_en['le-phi']!.split('\n')[0]!.slice(0, 30));
    const where = r.text(await r.press('Where to apply'));
    expect(where).toMatch(/Monday/);
    expect(where).not.toMatch(/Thứ Hai/);
  });

  it.each([
    ['how much does it cost', 'le-phi'],
    ['how long does it take', 'thoi-gian'],
    ['what should i bring', 'giay-to'],
    ['can i do it online', 'truc-tuyen'],
  ] as const)('answers an English follow-up «%s» with that section, in English', async (said, key) => {
    const r = await onboarded();
    await r.say('English');
    await r.say('birth registration');
    const khaiSinh = engine.kb.topics.find((t) => t.id === 'khai-sinh')!;
    const text = r.text(await r.say(said));
    expect(text).toContain(khaiSinh.sections_en[key]!.split('\n')[0]!.slice(0, 30));
  });

  it('every topic has an English title', () => {
    for (const t of engine.kb.topics) expect(t.title_en, t.id).toBeTruthy();
  });
});

describe('«Nguồn»', () => {
  it('shows where an answer comes from and when it was checked, for every topic answered', async () => {
    for (const topic of engine.kb.topics.filter((t) => t.kind === 'info')) {
      const r = await onboarded();
      await r.pressPayload(`topic:${topic.id}`);
      const [reply] = await r.press('Nguồn');
      expect(reply?.text, topic.id).toContain(topic.sources[0]?.url ?? '');
      const [y, m, d] = topic.reviewed.split('-');
      expect(reply?.text, topic.id).toContain(`${d}/${m}/${y}`);
    }
  });
});
