# English locale. Keys must match vi.ftl (a test checks it).

## Answers
answer-more = Tap a button below to see more.
answer-more-text = To see more, type: { $sections }.
answer-source = Source: { $source } (checked { $reviewed }).
section-giay-to = Papers needed
section-le-phi = Fees
section-thoi-gian = Processing time
section-noi-nop = Where to apply
section-truc-tuyen = Apply online
section-buu-dien = By post
section-cac-buoc = Steps
section-luu-y = Notes

## Not sure
clarify-prompt = Did you mean one of these?
clarify-prompt-text = Did you mean one of these? { $options }
unknown-reply = Sorry, I did not understand that. Try a shorter question, for example "birth registration", "renew ID card", "send papers by post". Or call the commune's one-stop desk: { $phone }.
empty-reply = What would you like to ask about procedures at the commune? For example "register my child's birth", "what do I need to marry".
too-long-note = (Your message was very long, so I only read the beginning.)

## Buttons
button-main-menu = Main menu
button-back = Back
button-none-of-these = None of these
