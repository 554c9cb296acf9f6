# Everything the bot says that is not knowledge-base content. Vietnamese first: warm, short, plain.

## Answers
answer-more = Bà con muốn xem thêm phần nào thì chọn bên dưới nhé.
answer-more-text = Muốn xem thêm, bà con gõ: { $sections }.
answer-source = Nguồn: { $source } (kiểm tra ngày { $reviewed }).
section-giay-to = Giấy tờ cần có
section-le-phi = Lệ phí
section-thoi-gian = Thời gian
section-noi-nop = Nơi nộp
section-truc-tuyen = Nộp trực tuyến
section-buu-dien = Qua bưu điện
section-cac-buoc = Các bước
section-luu-y = Lưu ý

## Not sure
clarify-prompt = Dạ, ý bà con là việc nào dưới đây ạ?
clarify-prompt-text = Dạ, ý bà con là việc nào dưới đây ạ? { $options }
followup-which-section = Dạ, bà con hỏi thêm về «{ $title }» phải không ạ? Câu này tôi chưa trả lời chắc được. Bà con chọn phần muốn xem bên dưới, hoặc gõ «gặp cán bộ» để hỏi người thật.
followup-no-topic = Dạ, bà con hỏi { $section } của việc nào ạ? Bà con gõ kèm tên việc, ví dụ «khai sinh bao nhiêu tiền», «đổi căn cước mất mấy ngày», hoặc chọn trong menu.
followup-no-topic-offered = Dạ, bà con hỏi { $section } của việc nào ạ? Bà con chọn bên dưới.
english-noticed = (Bà con viết tiếng Anh nên tôi trả lời bằng tiếng Anh.)
button-keep-english = Dùng tiếng Anh
unknown-reply = Dạ, tôi chưa hiểu rõ câu hỏi này. Bà con thử hỏi ngắn hơn, ví dụ: "làm giấy khai sinh", "đổi căn cước", "nộp hồ sơ qua bưu điện". Hoặc gọi Bộ phận Một cửa của xã: { $phone }.
empty-reply = Dạ, bà con cần hỏi gì về thủ tục ở xã ạ? Ví dụ: "làm giấy khai sinh cho con", "đăng ký kết hôn cần gì".
too-long-note = (Tin nhắn dài quá nên tôi chỉ đọc phần đầu.)

## Buttons
button-main-menu = Menu chính
button-back = Quay lại
button-none-of-these = Không phải các việc trên
button-alternative = ↪ Hay là: { $title }
button-change-village = Đổi thôn/làng
button-other-language = English
button-help = Hướng dẫn
button-ask-staff = 👤 Gặp cán bộ
button-delete-data = Xóa dữ liệu của tôi
button-delete-yes = Có, xóa hết
button-delete-no = Không, giữ lại
button-helpful = 👍 Có ích
button-not-helpful = 👎 Chưa rõ
button-skip = Bỏ qua

## Greeting and village
greeting = Xin chào bà con! Tôi là trợ lý thủ tục hành chính của { $commune }. Tôi chỉ đường làm giấy tờ: khai sinh, kết hôn, căn cước, làm trên mạng, nhận kết quả qua bưu điện…
onboarding-ask-village = Bà con ở thôn/làng nào? Chọn bên dưới (bấm hoặc gõ số thứ tự). Biết thôn để tôi gửi đúng thông báo của thôn mình.
onboarding-village-unknown = Dạ, tôi chưa nhận ra thôn/làng này. Bà con chọn bên dưới, hoặc chọn «Bỏ qua» để hỏi luôn nhé.
onboarding-done = Dạ, tôi ghi nhận bà con ở { $village }. Bà con sẽ nhận thông báo của thôn; không muốn nhận, gõ «DỪNG».
onboarding-done-no-village = Dạ, khi nào cần bà con có thể chọn thôn/làng trong menu.
privacy-note =
    Tôi chỉ lưu thôn/làng bà con chọn, ngôn ngữ và lần trò chuyện gần nhất, để trả lời cho tiện.
    Muốn xóa hết, bà con gõ «xóa dữ liệu của tôi».
village-changed = Dạ, đã đổi sang { $village }.
village-cleared = Dạ, tôi không lưu thôn/làng nữa.

## Menus
menu-main = Bà con cần hỏi việc gì? Chọn một mục, hoặc gõ câu hỏi, ví dụ «làm giấy khai sinh cho con».
menu-group = { $group }: bà con chọn việc cần làm.
help =
    Cách dùng: gõ câu hỏi bằng lời của mình (có dấu hay không dấu đều được), hoặc bấm nút.
    Gõ «menu» để về menu chính, «đổi thôn» để đổi thôn/làng, «English» để dùng tiếng Anh, «xóa dữ liệu của tôi» để xóa thông tin.
    Cần người thật giúp: gõ «gặp cán bộ» (cán bộ trả lời ngay tại đây), hoặc gọi { $phone }.
language-set = Dạ, từ giờ tôi nói tiếng Việt.
stale-button = Dạ, nút này đã cũ. Bà con chọn lại trong menu nhé.
action-not-ready = «{ $title }»: việc này tôi chưa làm được ngay trên đây. Bà con gọi Bộ phận Một cửa của xã { $phone } (giờ làm việc: { $hours }).

## Answers
scam-warning = ⚠️ Cán bộ và tôi không bao giờ hỏi mật khẩu hay mã OTP. Ai hỏi là lừa đảo, bà con đừng đưa.
fallback =
    Xin lỗi bà con, tôi vẫn chưa hiểu. Bà con xem menu bên dưới, hoặc hỏi trực tiếp cán bộ:
    { $office }
    Địa chỉ: { $address }
    Điện thoại: { $phone }
    Giờ làm việc: { $hours }
feedback-thanks = Cảm ơn bà con đã cho biết!
feedback-sorry = Cảm ơn bà con. Bà con thử hỏi lại bằng cách khác, hoặc gọi xã { $phone } để hỏi cán bộ nhé.

## Forms
flow-cancelled = Dạ, đã hủy. Bà con cần gì cứ hỏi tiếp nhé.
flow-expired = (Việc đang làm dở đã quá lâu nên tôi bỏ qua.)
nothing-to-cancel = Dạ, không có việc nào đang làm dở.

## Deleting data
delete-confirm = Bà con muốn xóa hết thông tin tôi lưu về mình (thôn/làng, ngôn ngữ, cuộc trò chuyện)? Việc này không hoàn tác được.
delete-done = Dạ, tôi đã xóa hết thông tin của bà con. Khi nào cần, bà con cứ nhắn lại.
delete-kept = Dạ, tôi giữ nguyên.
media-not-read = Dạ, tôi chỉ đọc được chữ và các lựa chọn. Bà con gõ câu hỏi bằng chữ, hoặc gõ «menu» nhé.
command-start = Bắt đầu, chọn thôn/làng
command-menu = Menu chính
command-help = Hướng dẫn sử dụng

## Zalo has no buttons: options are numbered
zalo-choose = { $count ->
    [1] (Trả lời 1 để chọn.)
    [2] (Trả lời 1 hoặc 2 để chọn.)
    [3] (Trả lời 1, 2 hoặc 3 để chọn.)
   *[other] (Trả lời một số từ 1 đến { $count } để chọn.)
}

## Short messages that are not questions (content/language.yaml, conversation.intents)
intent-greeting = Dạ, chào bà con! Bà con cần hỏi thủ tục gì ở xã ạ? Ví dụ: "làm giấy khai sinh", "đổi căn cước", "nhận kết quả qua bưu điện".
intent-thanks = Dạ, không có gì ạ. Bà con cần hỏi thêm gì cứ nhắn nhé.
intent-ok = Dạ. Bà con cần hỏi thêm gì cứ nhắn, hoặc bấm Menu bên dưới.
intent-frustration = Dạ, xin lỗi bà con, tôi nói chưa rõ. Bà con thử hỏi ngắn một việc, ví dụ "làm khai sinh cần gì". Muốn hỏi người thật, bà con gọi Bộ phận Một cửa: { $phone }.
intent-rude = Dạ, tôi xin lỗi vì chưa giúp được bà con. Bà con hỏi lại ngắn một việc, hoặc gọi cán bộ xã: { $phone }, cán bộ sẽ giúp ạ.
intent-help = Dạ, bà con cứ gõ việc cần làm bằng lời của mình, có dấu hay không dấu đều được, ví dụ "làm giấy khai sinh", "đổi căn cước", "nhận kết quả qua bưu điện". Hoặc bấm «Menu chính» để chọn. Cần người thật giúp: gõ «gặp cán bộ», hoặc gọi { $phone }.
safety-scam =
    ⚠️ KHÔNG. Bà con đừng đưa mã OTP, mật khẩu, số thẻ hay chuyển tiền cho bất kỳ ai, kể cả người xưng là cán bộ xã hay công an. Cán bộ không bao giờ hỏi những thứ đó qua điện thoại hay tin nhắn, và không bảo bà con cài ứng dụng lạ.
    Nếu có người hỏi: bà con cúp máy, không bấm đường link lạ, rồi báo { $police }.
safety-scammed =
    ⚠️ Bà con làm ngay, càng sớm càng tốt:
    1. Gọi tổng đài của ngân hàng (số in sau thẻ ATM hoặc trong ứng dụng ngân hàng) để khóa tài khoản, khóa thẻ.
    2. Đổi mật khẩu VNeID và ứng dụng ngân hàng; gỡ ứng dụng lạ vừa cài.
    3. Báo { $police } hoặc gọi 113. Giữ lại tin nhắn, số điện thoại của kẻ gian để làm bằng chứng.
    Báo càng sớm, ngân hàng và công an càng dễ chặn tiền lại.
followup-note = (Bà con hỏi về: { $title })

## «Nguồn»: where an answer comes from
button-sources = 📄 Nguồn
sources-title = Nguồn
sources-reviewed = Thông tin được kiểm tra lại ngày { $date }. Quy định có thể thay đổi; khi cần chắc chắn, bà con hỏi Bộ phận Một cửa của xã.

## Reminders
button-cancel = Hủy
reminder-button = ⏰ Nhắc tôi
reminder-deadline-button = ⏰ Nhắc tôi trước hạn
reminder-default-what = Lên xã làm { $title }
reminder-ask-when = Bà con muốn tôi nhắc lúc nào? Chọn bên dưới, hoặc gõ ngày giờ, ví dụ «thứ 6 8 giờ», «15/12 14:00», «mùng 1 tháng 11 âm lịch».
reminder-quick-sm = Sáng mai 8:00
reminder-quick-cm = Chiều mai 14:00
reminder-quick-3d = 3 ngày nữa
reminder-quick-pick = Chọn ngày khác
reminder-pick-hint = Dạ, bà con gõ ngày giờ muốn nhắc, ví dụ «thứ 6 tuần sau 8 giờ», «20/12 2 giờ chiều», «rằm tháng Chạp».
# The date reader's own Vietnamese sentence, which says exactly what cannot be (ngày 30/2, 25 giờ…).
when-refused = { $detail }
reminder-ask-what = Tôi nhắc bà con việc gì ạ? Gõ ngắn thôi, ví dụ «lên xã nhận giấy khai sinh».
reminder-ask-what-suggested = Tôi sẽ nhắc: «{ $what }». Bấm «Giữ nguyên», hoặc gõ lại việc cần nhắc.
reminder-keep = Giữ nguyên
reminder-what-empty = Dạ, bà con gõ việc cần nhắc giúp tôi nhé.
reminder-confirm = Tôi sẽ nhắc bà con «{ $what }» vào { $when }. Đúng không ạ?
reminder-yes = ✅ Đúng, đặt nhắc
reminder-confirm-again = Dạ, bà con bấm «Đúng, đặt nhắc», hoặc «Hủy» nếu không cần nữa.
reminder-created = ✅ Đã đặt nhắc: «{ $what }», vào { $when }. Đến giờ tôi sẽ nhắn bà con ở đây.
reminder-refused-limit = Dạ, bà con đang có 20 lời nhắc chưa đến giờ, tôi không đặt thêm được. Bà con gõ «nhắc nhở» để xem và hủy bớt nhé.
reminder-refused-past = Dạ, giờ đó đã qua rồi. Bà con chọn một lúc khác nhé.
reminder-refused-too-far = Dạ, tôi chỉ nhắc được trong vòng một năm tới thôi ạ.
reminder-list-button = 📋 Nhắc nhở của tôi
reminder-list-title = Bà con có { $count } lời nhắc:
reminder-list-empty = Bà con chưa có lời nhắc nào. Dưới mỗi thủ tục có nút «Nhắc tôi», hoặc bà con gõ, ví dụ «nhắc tôi thứ 6 lên xã nộp hồ sơ».
reminder-cancel-n = Hủy số { $n }
reminder-move-n = Dời số { $n }
reminder-cancelled = Dạ, đã hủy lời nhắc «{ $what }».
reminder-gone = Dạ, lời nhắc này không còn (đã hủy hoặc đã xóa).
reminder-snooze-ask = Bà con muốn tôi nhắc lại lúc nào?
reminder-snooze-1h = Sau 1 tiếng
reminder-due = ⏰ Nhắc bà con: { $what }
    (Hẹn lúc { $when }.)
reminder-web = Trang web này không tự nhắn lại cho bà con được. Bà con bấm «Thêm vào lịch điện thoại» để điện thoại tự nhắc «{ $what }» vào { $when }. Hoặc trò chuyện với tôi trên Zalo hay Telegram, tôi sẽ nhắn nhắc bà con.
reminder-web-none = Trang web này không giữ lời nhắc. Bà con đặt nhắc trên Zalo hay Telegram, hoặc thêm vào lịch điện thoại khi đặt nhắc.
reminder-calendar-link = 📅 Thêm vào lịch điện thoại
reminder-on-zalo = Trò chuyện trên Zalo
reminder-on-telegram = Trò chuyện trên Telegram
reminder-deadline-ask = Dạ, ngày { $event } là ngày nào ạ? Ví dụ «20/11» hoặc «hôm qua».
reminder-deadline-unclear = Dạ, tôi chưa đọc được ngày. Bà con gõ ngày/tháng, ví dụ «20/11», hoặc «hôm qua», «3 ngày trước».
reminder-deadline-what = Hạn cuối { $title } là { $date }
reminder-deadline-note = Hạn cuối để { $title } là ngày { $date }. Tôi sẽ nhắc bà con vào { $when }.
reminder-deadline-passed = Hạn { $title } là ngày { $date }, đã qua rồi. Bà con vẫn làm được, nhưng nên lên xã sớm và hỏi cán bộ.
reminder-deadline-today = Hôm nay ({ $date }) là hạn cuối để { $title }. Bà con lên xã ngay hôm nay nhé.

## Village announcements
subscription-stopped = Dạ, bà con sẽ không nhận thông báo của { $village } nữa. Muốn nhận lại, bà con gõ «BẬT LẠI».
subscription-resumed = Dạ, bà con sẽ nhận lại thông báo của { $village }. Không muốn nhận, gõ «DỪNG».
subscription-none = Dạ, không có việc nào đang làm dở, và bà con chưa nhận thông báo của thôn nào.
subscription-web = Trang web này không gửi thông báo được. Bà con nhận thông báo của thôn trên Zalo hoặc Telegram nhé.
announcement-message = 📢 Thông báo của { $audience }:
    { $text }

    (Không muốn nhận thông báo, bà con gõ «DỪNG».)

## Talking to a staff member (features/handoff*.ts)
handoff-ask = Dạ, bà con cần hỏi cán bộ xã việc gì? Gõ ngắn gọn, cán bộ sẽ trả lời ngay tại đây.
handoff-ask-again = Dạ, bà con gõ câu hỏi cho cán bộ (ngắn gọn, dưới 1.000 ký tự).
handoff-confirm = Dạ, tôi chuyển câu «{ $question }» cho cán bộ xã nhé? Cán bộ sẽ trả lời ngay tại đây.
handoff-send = ✅ Gửi cho cán bộ
handoff-confirm-again = Dạ, bà con bấm «Gửi cho cán bộ», hoặc «Hủy» để hỏi tôi việc khác.
handoff-opened = Dạ, tôi đã chuyển câu hỏi cho cán bộ xã (mã { $code }). Cán bộ trả lời ngay tại đây. Bà con nhắn thêm gì, tôi chuyển tiếp cho cán bộ; gõ «kết thúc» khi xong, hoặc «menu» để hỏi tôi việc khác.
handoff-office-open = Bây giờ là giờ làm việc, cán bộ sẽ trả lời sớm.
handoff-office-closed = Bây giờ ngoài giờ làm việc; cán bộ sẽ trả lời từ { $next }.
handoff-office-unknown = Cán bộ sẽ trả lời trong giờ làm việc. Việc gấp, bà con gọi xã: { $phone }.
handoff-end-button = ✋ Kết thúc
handoff-staff-says = 👤 Cán bộ xã: { $text }
handoff-ended = Dạ, đã kết thúc trò chuyện với cán bộ ({ $code }). Bà con cần gì cứ hỏi tôi nhé.
handoff-nothing-open = Dạ, cuộc trò chuyện với cán bộ đã kết thúc rồi. Bà con cần gì cứ hỏi tôi nhé.
handoff-closed-by-staff = Dạ, cán bộ xã đã kết thúc trò chuyện ({ $code }). Bà con cần gì cứ hỏi tôi; muốn hỏi cán bộ nữa thì gõ «gặp cán bộ».
handoff-timed-out = Dạ, cuộc trò chuyện với cán bộ ({ $code }) đã tự đóng vì lâu không có tin nhắn. Cần hỏi tiếp, bà con gõ «gặp cán bộ».
handoff-resident-sent-media = [bà con gửi ảnh, tệp hoặc tin nhắn thoại: bot chưa chuyển được, xin bà con gõ chữ]
handoff-staff-new =
    🙋 { $code } · bà con cần gặp cán bộ ({ $channel }, { $village }, lúc { $at })
    Hỏi: { $question }
    Trước đó:
    { $before }
    ↩ Trả lời (reply) tin nhắn này để nhắn cho bà con; trả lời «kết thúc» khi xong.
handoff-staff-more = 💬 { $code } bà con nhắn thêm: { $text }
handoff-staff-resident-ended = ✋ { $code }: bà con đã kết thúc trò chuyện.
handoff-staff-timed-out = ⌛ { $code }: tự đóng vì lâu không có tin nhắn.
handoff-staff-only = Dạ, chỉ cán bộ xã mới trả lời bà con được.
handoff-relayed = ✓ Đã gửi cho bà con ({ $code }).
handoff-passed-on = ✓ Đã chuyển thêm cho cán bộ ({ $code }). Cán bộ trả lời ngay tại đây.
handoff-left = Dạ, bà con hỏi tôi tiếp nhé. Câu hỏi { $code } vẫn mở: cán bộ trả lời, tôi chuyển tới bà con ngay tại đây.
handoff-staff-closed = ✓ Đã kết thúc { $code }; bà con được báo.
handoff-already-closed = { $code } đã đóng rồi: tin nhắn không được gửi. Bà con muốn hỏi lại sẽ tự mở phiếu mới.

## Postal return (features/postal*.ts)
postal-start-button = 📮 Đăng ký nhận kết quả qua bưu điện
postal-intro = Dạ, bà con đăng ký để xã gửi kết quả về nhà qua bưu điện nhé. Cước gửi mỗi nơi một khác, bưu điện báo khi giao; một số người (như Bà mẹ Việt Nam anh hùng, thương binh) được miễn hoặc giảm cước, bà con hỏi bưu điện ({ $post }) cho chắc. Cháu hỏi vài câu, gõ «hủy» để thôi.
postal-other-topic = Thủ tục khác
postal-ask-topic = Bà con làm thủ tục gì ạ?
postal-topic-unknown = Dạ, bà con bấm một thủ tục trong danh sách, hoặc «Thủ tục khác».
postal-ask-dossier = Mã hồ sơ (in trên giấy biên nhận, ví dụ H23.34-241201-0001) là gì ạ? Chưa có thì bấm «Chưa có mã».
postal-no-dossier = Chưa có mã
postal-dossier-wrong = Dạ, mã hồ sơ này chưa đúng: mã gồm chữ, số, dấu chấm, gạch ngang, có ít nhất 6 chữ số. Bà con xem lại giấy biên nhận, hoặc bấm «Chưa có mã».
postal-ask-name = Họ tên người nhận kết quả?
postal-name-wrong = Dạ, bà con gõ họ tên bằng chữ (ví dụ: Nguyễn Văn An).
postal-ask-phone = Số điện thoại di động để bưu điện gọi khi giao?
postal-phone-wrong = Dạ, số điện thoại chưa đúng: cần 10 số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 (hoặc +84…). Bà con gõ lại giúp tôi.
postal-ask-village = Gửi kết quả về thôn, làng nào? Đang ở xa thì bấm «Ngoài xã».
postal-village-unknown = Dạ, bà con bấm tên thôn, làng trong danh sách.
postal-ask-address = Địa chỉ nhận cụ thể (số nhà, xóm, gần chỗ nào…)?
postal-address-wrong = Dạ, bà con gõ địa chỉ ngắn gọn (3 đến 200 ký tự).
postal-outside-button = 📍 Ngoài xã (nơi đang ở, làm ăn xa)
postal-outside-place = ngoài xã
postal-ask-address-outside = Địa chỉ nhận đầy đủ: số nhà, đường hoặc thôn, xã/phường, tỉnh? Cước gửi tùy nơi nhận.
postal-summary =
    Bà con xem lại giúp tôi:
    • Thủ tục: { $topic }
    • Mã hồ sơ: { $dossier }
    • Người nhận: { $name }
    • Điện thoại: { $phone }
    • Địa chỉ: { $address }, { $village }
    Đúng thì bấm «Đúng, gửi».
postal-confirm = ✅ Đúng, gửi
postal-confirm-again = Dạ, đúng thì bấm «Đúng, gửi»; muốn thôi thì gõ «hủy».
postal-registered =
    Dạ, xã đã nhận yêu cầu của bà con. Mã của bà con: { $code }
    Khi xã tiếp nhận, gửi bưu điện và khi bưu điện giao, tôi sẽ nhắn bà con ở đây. Muốn xem lại, gõ «tra cứu { $code }». Cần hỏi thêm, gọi xã: { $phone }.
postal-status-moi = Mới gửi
postal-status-da-tiep-nhan = Xã đã tiếp nhận
postal-status-da-gui-buu-dien = Đã gửi bưu điện
postal-status-da-giao = Bưu điện đã giao
postal-status-tu-choi = Xã từ chối
postal-button-da-tiep-nhan = ✅ Đã tiếp nhận
postal-button-da-gui-buu-dien = 📦 Đã gửi bưu điện
postal-button-da-giao = 🏠 Đã giao
postal-button-refuse = ✖ Từ chối
postal-staff-card =
    📮 { $code } · { $status }
    Thủ tục: { $topic } · Mã hồ sơ: { $dossier }
    Người nhận: { $name } · { $phone }
    Địa chỉ: { $address }, { $village }
    Gửi lúc { $created } qua { $channel }
    { $reason }
postal-staff-only = Dạ, chỉ cán bộ xã mới đổi được trạng thái yêu cầu.
postal-unknown-code = Không tìm thấy yêu cầu { $code } (có thể đã quá hạn lưu).
postal-already-moved = Yêu cầu { $code } đã ở trạng thái «{ $status }»: không đổi được như vậy (có thể cán bộ khác vừa bấm).
postal-ask-refuse-reason = Lý do từ chối { $code }? (Trả lời tin nhắn này; bà con sẽ đọc được lý do.)
postal-refuse-reason-wrong = Dạ, lý do ngắn gọn, từ 3 đến 300 ký tự.
postal-notice-da-tiep-nhan = 📮 { $code }: xã đã tiếp nhận yêu cầu nhận kết quả qua bưu điện của bà con. Có kết quả, xã gửi bưu điện về địa chỉ bà con đã cho.
postal-notice-da-gui-buu-dien = 📮 { $code }: kết quả đã gửi qua bưu điện. Bưu điện sẽ gọi bà con trước khi giao.
postal-notice-da-giao = 📮 { $code }: bưu điện đã giao kết quả. Cảm ơn bà con!
postal-notice-tu-choi = 📮 { $code }: xã chưa gửi được kết quả qua bưu điện. Lý do: { $reason }. Bà con gọi xã để hỏi thêm: { $phone }.
postal-lookup = 📮 { $code } · { $topic }: { $status }
postal-lookup-own = Người nhận: { $phone } · { $village }
postal-lookup-none = Dạ, tôi không tìm thấy mã { $code }. Bà con xem lại mã (dạng BD-XXXX), hoặc gọi xã.

## Statistics for staff (features/stats.ts)
stats-title = 📊 Thống kê Trợ lý DVC, tháng { $month }/{ $year } (so với tháng trước)
stats-residents = • Người dùng: { $now } (tháng trước { $before })
stats-messages = • Tin nhắn: { $now } (tháng trước { $before })
stats-answered = • Bot trả lời được { $now } % của { $asked } câu hỏi (tháng trước { $before } %)
stats-feedback = • Hài lòng 👍: { $share } % của { $count } ý kiến
stats-no-feedback = • Chưa ai bấm 👍/👎 tháng này
stats-top = • Hỏi nhiều nhất: { $topics }
stats-unanswered = • Câu hỏi bot chưa hiểu: { $count } (xem trên trang thống kê để bổ sung nội dung)
stats-dashboard-link = Mở trang thống kê (link dùng 1 lần, trong 15 phút)
stats-dashboard-intro = Dạ, đây là link vào trang thống kê: biểu đồ, tải báo cáo (Word, Excel) và các câu bot chưa hiểu. Link chỉ dùng được 1 lần, trong 15 phút; đừng gửi cho người khác.
stats-refused = Dạ, thống kê chỉ dành cho cán bộ xã. Bà con cần gì cứ hỏi, tôi giúp ạ.
staff-group-id = Mã của nhóm này: { $id }. Để bot gửi yêu cầu bưu điện và «Gặp cán bộ» vào đây, đặt STAFF_CHAT_ID={ $id } trong cấu hình rồi khởi động lại bot.
staff-group-already = Đây đã là nhóm cán bộ (STAFF_CHAT_ID={ $id }): yêu cầu bưu điện và «Gặp cán bộ» được gửi vào đây.
staff-group-private = Lệnh này gõ trong nhóm Telegram của cán bộ (thêm bot vào nhóm trước), để biết mã nhóm.

## Village teams
role-admin = Quản trị
role-staff = Cán bộ xã
role-team = Tổ công nghệ số cộng đồng: { $villages }
role-resident = Dạ, bà con là người dân; các lệnh của tổ công nghệ số cần mã mời của xã.
role-refused = Dạ, việc này chỉ cán bộ xã hoặc tổ công nghệ số của thôn làm được. Bà con cần giúp thì hỏi cán bộ xã nhé.
role-list-title = Vai trò đang có:
team-join-bad-code = Dạ, mã mời này không đúng, đã dùng rồi hoặc đã hết hạn. Bà con xin cán bộ xã mã mới nhé.
team-joined = Dạ, bà con đã vào Tổ công nghệ số cộng đồng của { $village }. Gõ «/thongbao» để gửi thông báo cho thôn.
team-invite-which = Dạ, mã mời cho thôn nào ạ? Gõ ví dụ «/taomamoi thon-1». Các thôn: { $ids }.
team-invite-code = Mã mời vào tổ của { $village }: { $code } (dùng một lần, trong 7 ngày). Người được mời gõ «tham gia { $code }».
team-grant-usage = Cách dùng: «/capquyen telegram:123 staff» (cán bộ xã) hoặc «/capquyen zalo:abc thon-1,thon-2» (tổ công nghệ số của thôn).
team-granted = Dạ, đã cấp quyền cho { $who }.
team-revoke-usage = Cách dùng: «/thuhoi telegram:123».
team-revoked = Dạ, đã thu hồi quyền của { $who }.
team-revoke-none = { $who } không có quyền nào để thu hồi.
announce-all-villages = Cả xã (tất cả các thôn)
announce-ask-text = Bà con gõ nội dung thông báo (tối đa { $max } ký tự), viết ngắn, dễ hiểu.
announce-text-empty = Dạ, bà con gõ nội dung thông báo giúp tôi.
announce-text-long = Dạ, thông báo dài { $length } ký tự, quá { $max }. Bà con viết ngắn lại nhé.
announce-ask-villages = Gửi cho thôn nào ạ?
announce-villages-unknown = Dạ, bà con chọn thôn trong các nút bên dưới nhé.
announce-ask-when = Gửi lúc nào ạ? Bấm «Gửi ngay», hoặc gõ ngày giờ, ví dụ «7 giờ sáng mai».
announce-now = Gửi ngay
announce-when-now = ngay bây giờ
announce-preview = Xem trước, bà con sẽ nhận đúng như sau:

    { $message }

    Số người nhận: { $recipients }. Gửi: { $when }.
announce-send = ✅ Gửi
announce-awaiting = Dạ, thông báo (mã { $id }) đang chờ cán bộ xã duyệt; duyệt xong sẽ gửi vào { $when }.
announce-scheduled = Dạ, thông báo (mã { $id }) sẽ gửi vào { $when }. Tôi sẽ báo khi gửi xong.
announce-sending = Dạ, đang gửi thông báo (mã { $id }). Tôi sẽ báo khi gửi xong.
announce-cancel = Hủy thông báo
announce-gone = Dạ, không tìm thấy thông báo này.
announce-cancelled = Dạ, đã hủy; phần chưa gửi sẽ không gửi nữa.
announce-too-late = Dạ, thông báo này đã gửi xong hoặc đã hủy trước đó.
announce-none-waiting = Dạ, không có thông báo nào chờ duyệt.
announce-approve = ✅ Duyệt
announce-approved = Dạ, đã duyệt; thông báo sẽ được gửi.
announcement-progress = Đã gửi { $percent }%: { $sent }/{ $recipients } người.
announcement-done = Đã gửi xong thông báo { $id }: { $sent }/{ $recipients } người nhận được.
announcement-report-channel = { $channel }: gửi được { $sent }, lỗi { $failed }, đã chặn bot { $blocked }, đủ số tin trong ngày { $capped }

## Village teams' help log (/hotro)
help-ask-topic = Ghi 1 lượt hỗ trợ. Đã giúp bà con việc gì ạ? (bấm nút, hoặc gõ số thứ tự)
help-other = Việc khác
help-topic-unknown = Dạ, chọn một việc trong các nút bên dưới nhé.
help-ask-village = Ở thôn nào ạ?
help-village-unknown = Dạ, chọn thôn trong các nút bên dưới nhé.
help-ask-online = Nộp hồ sơ trực tuyến?
help-ask-postal = Chọn nhận kết quả qua bưu điện?
help-ask-vneid = Kích hoạt VNeID?
help-yes = Có
help-no = Không
help-yes-no = Dạ, bấm «Có» hoặc «Không» (hoặc gõ có / không) nhé.
help-recorded = ✅ Đã ghi 1 lượt hỗ trợ: { $topic }, { $village }.
    Nộp trực tuyến: { $online } · Nhận qua bưu điện: { $postal } · Kích hoạt VNeID: { $vneid }.
    Hôm nay thôn đã có { $today } lượt. Cảm ơn tổ nhiều!
help-again = Ghi lượt khác

## Usage report (stats/report-sections.ts)
report-title = Báo cáo sử dụng Trợ lý DVC
report-period = { $commune } · từ ngày { $from } đến ngày { $to }
report-no-data = chưa có
report-no-opinion = chưa có ý kiến
report-empty = Chưa có số liệu trong kỳ này.
report-col-item = Nội dung
report-col-figure = Số liệu
report-residents = Người dân đã dùng Trợ lý
report-residents-unique = Số người dân đã dùng (mỗi người tính một lần)
report-residents-new = Số người dùng lần đầu
report-by-channel = Theo kênh
report-col-channel = Kênh
report-col-people = Số người
report-col-messages = Số tin nhắn
report-channel-telegram = Telegram
report-channel-zalo = Zalo
report-channel-web = Trang web của xã
report-total = Tổng cộng
report-by-village = Theo thôn, làng
report-col-village = Thôn, làng
report-no-village = Chưa có bà con nào cho biết mình ở thôn, làng nào.
report-questions = Câu hỏi của bà con
report-questions-note = Trợ lý đã trả lời ngay được { $share } số câu hỏi.
report-questions-asked = Số câu hỏi nhận được
report-questions-answered = Trả lời ngay được
report-questions-clarified = Phải hỏi lại cho rõ («Ý bà con là…?»)
report-questions-unanswered = Chưa trả lời được
report-questions-out-of-scope = Không thuộc việc của xã (đã chỉ chỗ hỏi)
report-questions-share = Tỉ lệ trả lời được
report-topics = Thủ tục được hỏi nhiều nhất
report-col-topic = Thủ tục
report-col-answers = Số lần trả lời
report-online = Quan tâm đến nộp hồ sơ trực tuyến
report-online-note = Gồm các câu trả lời về tài khoản, VNeID, nộp hồ sơ trên Cổng Dịch vụ công, và số lượt tổ công nghệ số cộng đồng giúp bà con tận nơi.
report-online-topics = Câu trả lời về tài khoản, VNeID, nộp trực tuyến
report-online-sections = Lần xem phần «Nộp trực tuyến» của thủ tục
report-help-online = Lượt tổ công nghệ số giúp nộp trực tuyến
report-help-vneid = Lượt tổ công nghệ số giúp kích hoạt VNeID
report-postal = Quan tâm đến nhận kết quả qua bưu điện
report-postal-topics = Câu trả lời về nộp hồ sơ, nhận kết quả qua bưu điện
report-postal-sections = Lần xem phần «Qua bưu điện» của thủ tục
report-postal-created = Yêu cầu nhận kết quả qua bưu điện đăng ký qua Trợ lý
report-postal-accepted = … xã đã tiếp nhận
report-postal-posted = … đã gửi bưu điện
report-postal-delivered = … bưu điện đã giao
report-postal-refused = … xã từ chối
report-handoff = Bà con cần gặp cán bộ
report-handoff-opened = Số lần bà con xin gặp cán bộ
report-handoff-replies = Số câu trả lời của cán bộ
report-handoff-closed-resident = Bà con tự kết thúc
report-handoff-closed-staff = Cán bộ kết thúc
report-handoff-timeout = Tự đóng vì lâu không có tin nhắn
report-help-postal = Lượt tổ công nghệ số giúp đăng ký nhận qua bưu điện
report-reminders = Nhắc lịch
report-reminders-created = Lời nhắc bà con đã đặt
report-reminders-sent = Đã nhắc đúng hẹn
report-reminders-failed = Không gửi được
report-reminders-cancelled = Bà con tự hủy
report-announcements = Thông báo gửi bà con
report-announcements-count = Số thông báo
report-announcements-recipients = Số lượt người cần nhận
report-announcements-sent = Đã gửi đến
report-announcements-failed = Gửi không được
report-announcements-blocked = Bà con đã chặn Trợ lý
report-announcements-share = Tỉ lệ gửi đến được
report-help = Tổ công nghệ số cộng đồng hỗ trợ tận nơi
report-help-count = Số lượt hỗ trợ
report-col-sessions = Lượt hỗ trợ
report-feedback = Mức độ hài lòng
report-feedback-up = Lượt bấm 👍 (có ích)
report-feedback-down = Lượt bấm 👎 (chưa có ích)
report-feedback-share = Tỉ lệ hài lòng (👍)
report-unanswered = Câu hỏi Trợ lý chưa trả lời được
report-unanswered-note = Bộ phận Một cửa xem để bổ sung câu trả lời. Số điện thoại, số giấy tờ trong câu hỏi đã được che đi.
report-unanswered-caption = Câu hỏi hay gặp mà Trợ lý chưa hiểu
report-out-of-scope-caption = Câu hỏi không thuộc việc của xã
report-col-question = Câu hỏi
report-col-times = Số lần
report-monthly = Số liệu theo tháng
report-col-month = Tháng
report-col-new = Người mới
report-col-asked = Câu hỏi
report-col-answered = Trả lời được
report-col-up = 👍
report-col-down = 👎
report-daily = Số liệu theo ngày
report-col-day = Ngày
report-csv-section = Mục
report-csv-item = Dòng
report-csv-column = Cột
report-csv-value = Giá trị
report-csv-commune = Xã
report-csv-from = Từ ngày
report-csv-to = Đến ngày

## Staff dashboard (server/dashboard-*.ts)
dashboard-title = Bảng số liệu Trợ lý DVC
dashboard-subtitle = Số liệu sử dụng của { $commune }
dashboard-other-language = English
dashboard-period = Khoảng thời gian
dashboard-from = Từ ngày
dashboard-to = Đến ngày
dashboard-apply = Xem
dashboard-this-month = Tháng này
dashboard-last-month = Tháng trước
dashboard-this-year = Năm nay
dashboard-loading = Đang tải số liệu…
dashboard-load-failed = Không tải được số liệu. Thử lại sau ít phút.
dashboard-card-residents = Người dùng (không trùng)
dashboard-card-messages = Tin nhắn
dashboard-card-asked = Câu hỏi
dashboard-card-answered = Tỉ lệ trả lời được
dashboard-card-satisfaction = Hài lòng (👍)
dashboard-card-reminders = Lời nhắc đã tạo
dashboard-card-announcements = Thông báo của thôn
dashboard-card-help = Lượt hỗ trợ của Tổ công nghệ số
dashboard-chart-activity-day = Tin nhắn và người dùng theo ngày
dashboard-chart-activity-month = Tin nhắn và người dùng theo tháng
dashboard-chart-topics = Thủ tục được hỏi nhiều nhất
dashboard-chart-channels = Theo kênh
dashboard-chart-villages = Người dùng theo thôn/làng
dashboard-chart-questions = Kết quả các câu hỏi
dashboard-chart-feedback = Đánh giá của bà con
dashboard-series-messages = Tin nhắn
dashboard-series-residents = Người dùng
dashboard-series-answers = Lượt trả lời
dashboard-answered = Trả lời được
dashboard-clarified = Hỏi lại «Ý bà con là…?»
dashboard-unanswered = Chưa trả lời được
dashboard-out-of-scope = Ngoài phạm vi
dashboard-feedback-up = 👍 Có ích
dashboard-feedback-down = 👎 Chưa rõ
dashboard-channel-telegram = Telegram
dashboard-channel-zalo = Zalo
dashboard-channel-web = Trang web
dashboard-unanswered-title = Câu hỏi chưa trả lời được
dashboard-unanswered-hint = Bên cạnh mỗi câu là các thủ tục gần nhất mà bot tìm được: cán bộ xem nên thêm câu hỏi mẫu vào thủ tục nào, hay cần một thủ tục mới.
dashboard-outside-title = Câu hỏi ngoài phạm vi của xã
dashboard-col-question = Câu hỏi
dashboard-col-count = Số lần
dashboard-col-nearest = Thủ tục gần nhất
dashboard-col-day = Ngày
dashboard-col-month = Tháng
dashboard-col-topic = Thủ tục
dashboard-col-channel = Kênh
dashboard-col-village = Thôn/làng
dashboard-col-item = Mục
dashboard-col-value = Số liệu
dashboard-empty = Chưa có.
dashboard-no-rating = chưa có
dashboard-downloads = Tải báo cáo
dashboard-download-csv = Bảng tính (CSV)
dashboard-download-md = Văn bản (Markdown)
dashboard-download-docx = Word (DOCX)
dashboard-print = Bản in
dashboard-print-button = In trang này
dashboard-print-title = Báo cáo sử dụng Trợ lý DVC
dashboard-print-period = Từ { $from } đến { $to }
dashboard-back = Về bảng số liệu
dashboard-logout = Đăng xuất
dashboard-logged-out = Đã đăng xuất.
dashboard-refused-title = Cần đăng nhập
dashboard-refused-link = Đường dẫn đăng nhập này không dùng được: đã hết hạn, đã dùng rồi, không đúng, hoặc tài khoản không phải của cán bộ xã.
dashboard-refused-session = Chưa đăng nhập, phiên đăng nhập đã hết, hoặc tài khoản không còn quyền cán bộ.
dashboard-how-to-login = Gửi /dashboard cho Trợ lý DVC trên Telegram hoặc Zalo (từ tài khoản cán bộ) để nhận đường dẫn đăng nhập mới. Mỗi đường dẫn dùng được một lần, trong { $minutes } phút.
dashboard-bad-origin = Yêu cầu này không đến từ trang bảng số liệu nên không được thực hiện.
dashboard-bad-date = Ngày không đúng: cần dạng năm-tháng-ngày, ví dụ 2026-01-31.
dashboard-half-period = Cần cả ngày bắt đầu và ngày kết thúc.
dashboard-bad-order = Ngày bắt đầu phải trước ngày kết thúc.
dashboard-too-long = Khoảng thời gian dài quá: nhiều nhất { $days } ngày.
dashboard-preview = Mở đường dẫn này trong trình duyệt để vào bảng số liệu.
dashboard-nav-label = Các trang của bảng số liệu
dashboard-nav-report = Số liệu
dashboard-nav-postal = Bưu điện
dashboard-nav-tickets = Hỗ trợ
dashboard-badge-postal = { $count } yêu cầu mới chưa ai tiếp nhận
dashboard-badge-tickets = { $count } bà con đang chờ cán bộ trả lời
dashboard-back-postal = Về trang Bưu điện
dashboard-back-tickets = Về trang Hỗ trợ
dashboard-postal-title = Bưu điện
dashboard-postal-subtitle = Bà con đăng ký nhận kết quả qua bưu điện ở { $commune }
dashboard-postal-hint = Mới nhất ở trên. Mỗi lần chuyển trạng thái, bà con được nhắn báo ngay trên Zalo, Telegram hoặc trang web. Thông tin cá nhân chỉ dùng để gửi kết quả, không chép ra ngoài.
dashboard-postal-filter-label = Lọc yêu cầu
dashboard-postal-filter-dang-xu-ly = Đang xử lý
dashboard-postal-filter-tat-ca = Tất cả
dashboard-postal-none-open = Không có yêu cầu nào đang chờ xử lý.
dashboard-postal-none = Chưa có yêu cầu nào.
dashboard-postal-topic = Thủ tục
dashboard-postal-dossier = Mã hồ sơ
dashboard-postal-name = Người nhận
dashboard-postal-phone = Điện thoại
dashboard-postal-village = Thôn/làng
dashboard-postal-address = Địa chỉ
dashboard-postal-channel = Gửi qua
dashboard-postal-created = Gửi lúc
dashboard-postal-history = Các bước
dashboard-postal-reason = lý do: { $reason }
dashboard-postal-reason-label = Lý do từ chối (bà con sẽ đọc được, từ 3 đến 300 ký tự)
dashboard-postal-refuse-send = Từ chối và báo bà con
dashboard-postal-unknown = Không tìm thấy yêu cầu { $code }: có thể đã quá hạn lưu, hoặc bà con đã xóa dữ liệu của mình.
dashboard-postal-bad-status = Trạng thái muốn chuyển sang không đúng. Xin quay lại trang Bưu điện và bấm nút trên đó.
dashboard-postal-bad-reason = Từ chối thì cần ghi lý do, từ 3 đến 300 ký tự: bà con sẽ đọc được lý do này. Chưa có gì thay đổi.
dashboard-postal-stale = { $code } đã ở trạng thái "{ $status }" rồi (có thể cán bộ khác vừa chuyển), nên không đổi gì thêm. Xin xem lại bên dưới.
dashboard-flash-moved = Đã chuyển { $code } sang "{ $status }"; bà con đã được báo.
dashboard-flash-refused = Đã từ chối { $code }; bà con đã được báo kèm lý do.
dashboard-tickets-title = Hỗ trợ
dashboard-tickets-subtitle = Bà con cần gặp cán bộ ở { $commune }
dashboard-tickets-hint = Chờ lâu nhất ở trên. Câu trả lời được gửi đến bà con ngay trên ứng dụng bà con đang dùng; trong lúc chờ, bot tạm im với bà con đó. Xong việc thì bấm «Kết thúc».
dashboard-tickets-none = Không có bà con nào đang chờ cán bộ.
dashboard-ticket-channel = Kênh
dashboard-ticket-village = Thôn/làng
dashboard-ticket-opened = Hỏi lúc
dashboard-ticket-question = Câu hỏi
dashboard-ticket-context = Bà con nhắn trước đó
dashboard-ticket-log = Trao đổi
dashboard-ticket-from-resident = Bà con
dashboard-ticket-from-staff = Cán bộ
dashboard-ticket-answer-label = Trả lời bà con
dashboard-ticket-send = Gửi cho bà con
dashboard-ticket-close = Kết thúc
dashboard-ticket-unknown = Không tìm thấy cuộc trò chuyện { $code }.
dashboard-ticket-closed = { $code } đã kết thúc rồi: tin nhắn không được gửi. Bà con muốn hỏi lại sẽ tự mở cuộc mới.
dashboard-ticket-bad-text = Câu trả lời cần có chữ, nhiều nhất 2.000 ký tự. Chưa gửi gì cho bà con.
dashboard-ticket-bad-form = Biểu mẫu không đúng. Xin tải lại trang Hỗ trợ rồi gửi lại. Chưa gửi gì cho bà con.
dashboard-flash-answered = Đã gửi câu trả lời cho bà con ({ $code }).
dashboard-flash-already-sent = Câu trả lời này đã gửi cho bà con rồi ({ $code }), không gửi lại lần nữa.
dashboard-flash-closed = Đã kết thúc { $code }; bà con đã được báo.
