# Everything the bot says that is not knowledge-base content. Vietnamese first: warm, short, plain.

## Answers
answer-more = Bà con muốn xem thêm phần nào thì bấm nút bên dưới nhé.
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
unknown-reply = Dạ, tôi chưa hiểu rõ câu hỏi này. Bà con thử hỏi ngắn hơn, ví dụ: "làm giấy khai sinh", "đổi căn cước", "nộp hồ sơ qua bưu điện". Hoặc gọi Bộ phận Một cửa của xã: { $phone }.
empty-reply = Dạ, bà con cần hỏi gì về thủ tục ở xã ạ? Ví dụ: "làm giấy khai sinh cho con", "đăng ký kết hôn cần gì".
too-long-note = (Tin nhắn dài quá nên tôi chỉ đọc phần đầu.)

## Buttons
button-main-menu = Menu chính
button-back = Quay lại
button-none-of-these = Không phải các việc trên
