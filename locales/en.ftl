# English locale. Keys must match vi.ftl (a test checks it).

## Answers
answer-more = Choose below to see more.
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
followup-which-section = Is this about «{ $title }»? I can't answer that exactly. Choose the part you want below, or type «gặp cán bộ» to ask a person.
followup-no-topic = Which procedure do you mean ({ $section })? Please add its name, for example «birth registration fee» or «how long to renew the ID card», or choose from the menu.
followup-no-topic-offered = Which one do you mean for the { $section }? Please choose below.
english-noticed = (You wrote in English, so I answered in English. Tap below to keep English; «Tiếng Việt» switches back.)
button-keep-english = Keep English
unknown-reply = Sorry, I did not understand that. Try a shorter question, for example "birth registration", "renew ID card", "send papers by post". Or call the commune's one-stop desk: { $phone }.
empty-reply = What would you like to ask about procedures at the commune? For example "register my child's birth", "what do I need to marry".
too-long-note = (Your message was very long, so I only read the beginning.)

## Buttons
button-main-menu = Main menu
button-back = Back
button-none-of-these = None of these
button-alternative = ↪ Or did you mean: { $title }
button-change-village = Change village
button-other-language = Tiếng Việt
button-help = Help
button-ask-staff = 👤 Talk to staff
button-delete-data = Delete my data
button-delete-yes = Yes, delete everything
button-delete-no = No, keep it
button-helpful = 👍 Helpful
button-not-helpful = 👎 Not clear
button-skip = Skip

## Greeting and village
greeting = Hello! I am the procedures assistant of { $commune }. I explain how to get papers done: birth, marriage, ID card, online services, results by post…
onboarding-ask-village = Which village do you live in? Choose below (tap or type its number). Knowing it lets me send you your village's announcements.
onboarding-village-unknown = Sorry, I do not recognise that village. Choose below, or choose «Skip» to ask your question now.
onboarding-done = Thank you, I noted that you live in { $village }. You will receive its announcements; to stop, type "DỪNG".
onboarding-done-no-village = You can choose your village from the menu at any time.
privacy-note =
    I only keep the village you chose, your language and when we last talked, to answer you better.
    To delete all of it, type «delete my data».
village-changed = Done, your village is now { $village }.
village-cleared = Done, I no longer keep your village.

## Menus
menu-main = What do you need? Choose a topic, or type your question, e.g. «birth registration for my child».
menu-group = { $group }: choose what you need.
help =
    How to use: type your question in your own words, or tap the buttons.
    Type «menu» for the main menu, «change village» to change your village, «tiếng Việt» for Vietnamese, «delete my data» to delete your data.
    To talk to a person: type «gặp cán bộ» (staff answer right here), or call { $phone }.
language-set = From now on I will answer in English. Names of offices and papers stay in Vietnamese, as you will see them at the office.
stale-button = That button is out of date. Please choose again from the menu.
action-not-ready = «{ $title }»: I cannot do this here yet. Please call the commune's one-stop desk { $phone } (office hours: { $hours }).

## Answers
scam-warning = ⚠️ Officials and I never ask for your password or OTP code. Anyone who asks is a scammer.
fallback =
    Sorry, I still do not understand. Use the menu below, or ask an official directly:
    { $office }
    Address: { $address }
    Phone: { $phone }
    Office hours: { $hours }
feedback-thanks = Thank you for telling me!
feedback-sorry = Thank you. Try asking another way, or call the commune on { $phone } to ask an official.

## Forms
flow-cancelled = Cancelled. Ask me anything else.
flow-expired = (What we were doing took too long, so I dropped it.)
nothing-to-cancel = There is nothing in progress to cancel.

## Deleting data
delete-confirm = Delete everything I keep about you (village, language, conversation)? This cannot be undone.
delete-done = Done, I deleted all your data. Message me again any time.
delete-kept = Fine, I kept everything.
media-not-read = Sorry, I can only read text and choices. Please type your question, or type «menu».
command-start = Start, choose your village
command-menu = Main menu
command-help = How to use

## Zalo has no buttons: options are numbered
zalo-choose = { $count ->
    [1] (Reply 1 to choose.)
    [2] (Reply 1 or 2 to choose.)
    [3] (Reply 1, 2 or 3 to choose.)
   *[other] (Reply a number from 1 to { $count } to choose.)
}

## Short messages that are not questions (content/language.yaml, conversation.intents)
intent-greeting = Hello! What would you like to ask about the commune's procedures? For example: "birth registration", "renew ID card", "results by post".
intent-thanks = You're welcome. Ask me anything else any time.
intent-ok = All right. Ask me anything else, or tap Menu below.
intent-frustration = Sorry, I was not clear. Try one short question, for example "birth registration documents". To talk to a person, call the one-stop desk: { $phone }.
intent-rude = Sorry I could not help yet. Please ask one short question, or call the commune office: { $phone }.
intent-help = Just type what you need in your own words, for example "birth registration", "renew ID card", "results by post". Or tap «Main menu» to choose. To talk to a person, type «talk to staff» or call { $phone }.
safety-scam =
    ⚠️ NO. Never give an OTP code, a password, a card number or money to anyone, even someone who says they are a commune official or the police. Officials never ask for these by phone or message, and never ask you to install an unknown app.
    If someone asks: hang up, do not tap unknown links, and tell { $police }.
safety-scammed =
    ⚠️ Act now, the sooner the better:
    1. Call your bank's hotline (the number on the back of your ATM card or in the bank app) to lock your account and card.
    2. Change your VNeID and bank app passwords; remove any unknown app you just installed.
    3. Tell { $police } or call 113. Keep the messages and the caller's number as evidence.
    The sooner you report it, the easier it is for the bank and the police to stop the money.
followup-note = (About: { $title })

## «Nguồn»: where an answer comes from
button-sources = 📄 Sources
sources-title = Sources
sources-reviewed = Last checked on { $date }. Rules can change; to be sure, ask the commune's one-stop desk.

## Reminders
button-cancel = Cancel
reminder-button = ⏰ Remind me
reminder-deadline-button = ⏰ Remind me before the deadline
reminder-default-what = Go to the commune office: { $title }
reminder-ask-when = When should I remind you? Choose below, or type a date and time, e.g. "friday 8am", "15/12 2pm" (day/month).
reminder-quick-sm = Tomorrow 8:00
reminder-quick-cm = Tomorrow 14:00
reminder-quick-3d = In 3 days
reminder-quick-pick = Another day
reminder-pick-hint = Please type the date and time, e.g. "15/12 8:00" (day/month) or "next friday 8am".
when-refused = { $reason ->
    [past] That time has already passed. When should I remind you? For example "tomorrow 8:00" or "15/12 14:00" (day/month).
    [too-far] That is too far ahead: I can remind you within a year. Please choose a nearer day.
    [invalid] That day or time is not in the calendar. Which day and time do you mean?
   *[unclear] I did not catch the day and time. Please type them again, for example "tomorrow 8:00" or "Friday 14:00".
}
reminder-ask-what = What should I remind you of? Keep it short.
reminder-ask-what-suggested = I will remind you: "{ $what }". Press "Keep", or type what to be reminded of.
reminder-keep = Keep
reminder-what-empty = Please type what to be reminded of.
reminder-confirm = I will remind you "{ $what }" on { $when }. Is that right?
reminder-yes = ✅ Yes, set it
reminder-confirm-again = Please press "Yes, set it", or "Cancel" if you no longer need it.
reminder-created = ✅ Reminder set: "{ $what }", on { $when }. I will message you here.
reminder-refused-limit = You already have 20 reminders to come; I cannot add more. Type "reminders" to see and cancel some.
reminder-refused-past = That time has passed. Please choose another.
reminder-refused-too-far = I can only remind you within the next year.
reminder-list-button = 📋 My reminders
reminder-list-title = You have { $count } reminders:
reminder-list-empty = You have no reminders. Each procedure has a "Remind me" button, or type e.g. "remind me friday 8:00 to bring my papers".
reminder-cancel-n = Cancel no. { $n }
reminder-move-n = Move no. { $n }
reminder-cancelled = Cancelled the reminder "{ $what }".
reminder-gone = This reminder no longer exists (cancelled or deleted).
reminder-snooze-ask = When should I remind you again?
reminder-snooze-1h = In 1 hour
reminder-due = ⏰ Reminder: { $what }
    (Set for { $when }.)
reminder-web = This web page cannot message you later. Press "Add to my phone's calendar" and your phone will remind you "{ $what }" on { $when }. Or chat with me on Zalo or Telegram and I will remind you there.
reminder-web-none = This web page keeps no reminders. Set them on Zalo or Telegram, or add them to your phone's calendar.
reminder-calendar-link = 📅 Add to my phone's calendar
reminder-on-zalo = Chat on Zalo
reminder-on-telegram = Chat on Telegram
reminder-deadline-ask = When was the day of { $event }? E.g. "20 November", "yesterday" or "3 days ago".
reminder-deadline-unclear = I could not read the date. Please type the day and month, e.g. "20 November" (or 20/11, day first), or "yesterday".
reminder-deadline-what = Deadline for { $title }: { $date }
reminder-deadline-note = The deadline for { $title } is { $date }. I will remind you on { $when }.
reminder-deadline-passed = The deadline for { $title } was { $date } and has passed. You can still do it; go to the commune office soon and ask the staff.
reminder-deadline-today = Today ({ $date }) is the last day for { $title }. Please go to the commune office today.

## Village announcements
subscription-stopped = You will no longer receive the announcements of { $village }. To receive them again, type "BẬT LẠI".
subscription-resumed = You will receive the announcements of { $village } again. To stop, type "DỪNG".
subscription-none = There is nothing in progress, and you do not receive any village's announcements.
subscription-web = This web page cannot send announcements. You can receive your village's announcements on Zalo or Telegram.
announcement-message = 📢 Announcement for { $audience }:
    { $text }

    (To stop announcements, type "DỪNG".)

## Talking to a staff member (features/handoff*.ts)
handoff-ask = What would you like to ask the commune staff? Type it briefly; a staff member will answer right here.
handoff-ask-again = Please type your question for the staff (briefly, under 1,000 characters).
handoff-confirm = Shall I pass «{ $question }» on to the commune staff? They will answer right here.
handoff-send = ✅ Send to staff
handoff-confirm-again = Please press «Send to staff», or «Cancel» to ask me something else.
handoff-opened = I have passed your question to the commune staff (code { $code }). They will answer right here. Anything more you type, I pass on to them; type "kết thúc" when you are done, or "menu" to ask me something else.
handoff-office-open = It is office hours now: a staff member will answer soon.
handoff-office-closed = The office is closed now; staff will answer from { $next }.
handoff-office-unknown = Staff answer during office hours. If it is urgent, call the commune: { $phone }.
handoff-end-button = ✋ End
handoff-staff-says = 👤 Commune staff: { $text }
handoff-ended = The talk with the staff ({ $code }) has ended. Ask me anything.
handoff-nothing-open = The talk with the staff has already ended. Ask me anything.
handoff-closed-by-staff = The commune staff ended the talk ({ $code }). Ask me anything; to ask the staff again, type "gặp cán bộ".
handoff-timed-out = The talk with the staff ({ $code }) closed after a long silence. To ask again, type "gặp cán bộ".
handoff-resident-sent-media = [the resident sent a photo, file or voice message: not passed on, please type]
handoff-staff-new =
    🙋 { $code } · a resident asks for staff ({ $channel }, { $village }, at { $at })
    Question: { $question }
    Before:
    { $before }
    ↩ Reply to this message to write to the resident; reply "kết thúc" when done.
handoff-staff-more = 💬 { $code } the resident adds: { $text }
handoff-staff-resident-ended = ✋ { $code }: the resident ended the talk.
handoff-staff-timed-out = ⌛ { $code }: closed after a long silence.
handoff-staff-only = Only commune staff can answer residents.
handoff-relayed = ✓ Sent to the resident ({ $code }).
handoff-passed-on = ✓ Passed on to the staff ({ $code }). They will answer right here.
handoff-left = Ask me anything. Your question { $code } stays open: when the staff answer, I will pass it on right here.
handoff-staff-closed = ✓ { $code } ended; the resident was told.
handoff-already-closed = { $code } is already closed: the message was not sent. The resident will open a new one if needed.

## Postal return (features/postal*.ts)
postal-start-button = 📮 Get the result by post
postal-intro = You can have the commune send your result home by post. The postage differs from place to place and the post office tells you on delivery; some people (such as Heroic Vietnamese Mothers, war invalids) pay less or nothing: ask the post office ({ $post }) to be sure. A few questions; type "hủy" to stop.
postal-other-topic = Another procedure
postal-ask-topic = Which procedure is it?
postal-topic-unknown = Please press a procedure in the list, or "Another procedure".
postal-ask-dossier = The dossier code (on the receipt, e.g. H23.34-241201-0001)? No code yet: press "No code yet".
postal-no-dossier = No code yet
postal-dossier-wrong = This dossier code does not look right: letters, digits, dots and dashes, with at least 6 digits. Check the receipt, or press "No code yet".
postal-ask-name = The full name of the person receiving it?
postal-name-wrong = Please type the name in letters (e.g. Nguyễn Văn An).
postal-ask-phone = A mobile number the post office can call on delivery?
postal-phone-wrong = This phone number is not right: 10 digits starting 03, 05, 07, 08 or 09 (or +84…). Please type it again.
postal-ask-village = Which village should the result go to? If you live away, press «Outside the commune».
postal-village-unknown = Please press a village in the list.
postal-ask-address = The exact address (house number, hamlet, landmark…)?
postal-address-wrong = Please type a short address (3 to 200 characters).
postal-outside-button = 📍 Outside the commune (where you live or work now)
postal-outside-place = outside the commune
postal-ask-address-outside = The full address: house number, street or hamlet, commune/ward, province? The postage depends on where it goes.
postal-summary =
    Please check:
    • Procedure: { $topic }
    • Dossier code: { $dossier }
    • Recipient: { $name }
    • Phone: { $phone }
    • Address: { $address }, { $village }
    If it is right, press "Right, send".
postal-confirm = ✅ Right, send
postal-confirm-again = If it is right press "Right, send"; to stop type "hủy".
postal-registered =
    The commune has your request. Your code: { $code }
    I will message you here when the commune accepts it, hands it to the post and when it is delivered. To check it, type "tra cứu { $code }". Questions: call the commune on { $phone }.
postal-status-moi = Just sent
postal-status-da-tiep-nhan = Accepted by the commune
postal-status-da-gui-buu-dien = Handed to the post
postal-status-da-giao = Delivered
postal-status-tu-choi = Refused by the commune
postal-button-da-tiep-nhan = ✅ Accepted
postal-button-da-gui-buu-dien = 📦 Handed to the post
postal-button-da-giao = 🏠 Delivered
postal-button-refuse = ✖ Refuse
postal-staff-card =
    📮 { $code } · { $status }
    Procedure: { $topic } · Dossier: { $dossier }
    Recipient: { $name } · { $phone }
    Address: { $address }, { $village }
    Sent { $created } via { $channel }
    { $reason }
postal-staff-only = Only commune staff can change a request's status.
postal-unknown-code = No request { $code } (it may be past the retention).
postal-already-moved = Request { $code } is already "{ $status }": it cannot change that way (another staff member may have just pressed).
postal-ask-refuse-reason = Why is { $code } refused? (Reply to this message; the resident will read the reason.)
postal-refuse-reason-wrong = A short reason, 3 to 300 characters.
postal-notice-da-tiep-nhan = 📮 { $code }: the commune accepted your request to get the result by post. When it is ready it goes to the address you gave.
postal-notice-da-gui-buu-dien = 📮 { $code }: the result was handed to the post. The post office will call you before delivery.
postal-notice-da-giao = 📮 { $code }: the post office delivered the result. Thank you!
postal-notice-tu-choi = 📮 { $code }: the commune could not send the result by post. Reason: { $reason }. Call the commune: { $phone }.
postal-lookup = 📮 { $code } · { $topic }: { $status }
postal-lookup-own = Recipient: { $phone } · { $village }
postal-lookup-none = I could not find code { $code }. Check the code (like BD-XXXX), or call the commune.

## Statistics for staff (features/stats.ts)
stats-title = 📊 Trợ lý DVC statistics, { $month }/{ $year } (against last month)
stats-residents = • People: { $now } (last month { $before })
stats-messages = • Messages: { $now } (last month { $before })
stats-answered = • The bot answered { $now } % of { $asked } questions (last month { $before } %)
stats-feedback = • Satisfied 👍: { $share } % of { $count } ratings
stats-no-feedback = • Nobody pressed 👍/👎 this month
stats-top = • Most asked: { $topics }
stats-unanswered = • Questions the bot did not understand: { $count } (see the dashboard to add content)
stats-dashboard-link = Open the dashboard (one-time link, valid 15 minutes)
stats-dashboard-intro = Here is your link to the dashboard: charts, report downloads (Word, Excel) and the questions the bot did not understand. It works once, within 15 minutes; do not forward it.
stats-refused = Sorry, statistics are for commune staff only. Ask me anything else and I will help.
staff-group-id = This group's id: { $id }. To have postal requests and «Gặp cán bộ» sent here, set STAFF_CHAT_ID={ $id } and restart the bot.
staff-group-already = This is the staff group (STAFF_CHAT_ID={ $id }): postal requests and «Gặp cán bộ» come here.
staff-group-private = Send this in the staff's Telegram group (add the bot to it first) to learn the group's id.

## Village teams
role-admin = Administrator
role-staff = Commune staff
role-team = Community digital technology team: { $villages }
role-resident = You are a resident; the village team's commands need an invite code from the commune.
role-refused = Sorry, only commune staff or the village's digital team can do this. Ask the commune staff if you need help.
role-list-title = Current roles:
team-join-bad-code = This invite code is wrong, already used or expired. Please ask the commune staff for a new one.
team-joined = You have joined the community digital technology team of { $village }. Type "/thongbao" to send an announcement to the village.
team-invite-which = Which village is the invite for? Type e.g. "/taomamoi thon-1". Villages: { $ids }.
team-invite-code = Invite code for the team of { $village }: { $code } (one use, within 7 days). The person invited types "tham gia { $code }".
team-grant-usage = Usage: "/capquyen telegram:123 staff" (commune staff) or "/capquyen zalo:abc thon-1,thon-2" (village team).
team-granted = Done: { $who } has the role.
team-revoke-usage = Usage: "/thuhoi telegram:123".
team-revoked = Done: { $who } no longer has a role.
team-revoke-none = { $who } has no role to revoke.
announce-all-villages = The whole commune (all villages)
announce-ask-text = Type the announcement (at most { $max } characters); keep it short and plain.
announce-text-empty = Please type the announcement.
announce-text-long = The announcement is { $length } characters, more than { $max }. Please shorten it.
announce-ask-villages = Which village is it for?
announce-villages-unknown = Please choose a village with the buttons below.
announce-ask-when = When should it go out? Press "Send now", or type a date and time, e.g. "tomorrow 7am".
announce-now = Send now
announce-when-now = right now
announce-preview = Preview, exactly as residents will read it:

    { $message }

    Recipients: { $recipients }. Sending: { $when }.
announce-send = ✅ Send
announce-awaiting = The announcement (code { $id }) is waiting for the commune staff's approval; once approved it goes out on { $when }.
announce-scheduled = The announcement (code { $id }) will go out on { $when }. I will tell you when it is done.
announce-sending = Sending the announcement (code { $id }). I will tell you when it is done.
announce-cancel = Cancel announcement
announce-gone = This announcement was not found.
announce-cancelled = Cancelled; what has not been sent will not be sent.
announce-too-late = This announcement was already sent or cancelled.
announce-none-waiting = No announcement is waiting for approval.
announce-approve = ✅ Approve
announce-approved = Approved; the announcement will go out.
announcement-progress = Sent { $percent }%: { $sent }/{ $recipients } people.
announcement-done = Announcement { $id } is done: { $sent }/{ $recipients } people received it.
announcement-report-channel = { $channel }: sent { $sent }, failed { $failed }, blocked the bot { $blocked }, over the daily limit { $capped }

## Village teams' help log (/hotro)
help-ask-topic = Logging 1 help session. What did you help with? (tap a button, or type its number)
help-other = Something else
help-topic-unknown = Please choose one of the buttons below.
help-ask-village = In which village?
help-village-unknown = Please choose a village from the buttons below.
help-ask-online = Was the application filed online?
help-ask-postal = Will the result come back by post?
help-ask-vneid = Was VNeID activated?
help-yes = Yes
help-no = No
help-yes-no = Please tap «Yes» or «No» (or type yes / no).
help-recorded = ✅ 1 help session logged: { $topic }, { $village }.
    Filed online: { $online } · Result by post: { $postal } · VNeID activated: { $vneid }.
    { $today } session(s) in this village today. Thank you!
help-again = Log another

## Usage report (stats/report-sections.ts)
report-title = Trợ lý DVC usage report
report-period = { $commune } · from { $from } to { $to }
report-no-data = none yet
report-no-opinion = no ratings yet
report-empty = Nothing in this period.
report-col-item = Item
report-col-figure = Figure
report-residents = Residents reached
report-residents-unique = Residents who used the assistant (each counted once)
report-residents-new = First-time users
report-by-channel = By channel
report-col-channel = Channel
report-col-people = People
report-col-messages = Messages
report-channel-telegram = Telegram
report-channel-zalo = Zalo
report-channel-web = Commune website
report-total = Total
report-by-village = By village
report-col-village = Village
report-no-village = No resident has told us their village yet.
report-questions = Residents' questions
report-questions-note = The assistant answered { $share } of the questions right away.
report-questions-asked = Questions received
report-questions-answered = Answered right away
report-questions-clarified = Asked back to clarify («Did you mean…?»)
report-questions-unanswered = Not answered
report-questions-out-of-scope = Not the commune's business (pointed elsewhere)
report-questions-share = Share answered
report-topics = Most asked procedures
report-col-topic = Procedure
report-col-answers = Answers shown
report-online = Interest in filing online
report-online-note = Answers about accounts, VNeID and filing on the public services portal, and the help sessions in which the community digital team helped residents in person.
report-online-topics = Answers about accounts, VNeID, filing online
report-online-sections = «Online» parts of procedures viewed
report-help-online = Help sessions: filed online
report-help-vneid = Help sessions: VNeID activated
report-postal = Interest in results by post
report-postal-topics = Answers about filing and results by post
report-postal-sections = «By post» parts of procedures viewed
report-postal-created = Requests to get a result by post made through the assistant
report-postal-accepted = … accepted by the commune
report-postal-posted = … handed to the post
report-postal-delivered = … delivered by the post
report-postal-refused = … refused by the commune
report-handoff = Residents who asked for a staff member
report-handoff-opened = Talks with staff opened
report-handoff-replies = Staff answers relayed
report-handoff-closed-resident = Ended by the resident
report-handoff-closed-staff = Ended by staff
report-handoff-timeout = Closed after a long silence
report-help-postal = Help sessions: result by post
report-reminders = Reminders
report-reminders-created = Reminders set by residents
report-reminders-sent = Reminders sent on time
report-reminders-failed = Could not be sent
report-reminders-cancelled = Cancelled by residents
report-announcements = Announcements to residents
report-announcements-count = Announcements
report-announcements-recipients = Intended recipients
report-announcements-sent = Delivered
report-announcements-failed = Failed
report-announcements-blocked = Residents who blocked the assistant
report-announcements-share = Share delivered
report-help = In-person help by the community digital teams
report-help-count = Help sessions
report-col-sessions = Help sessions
report-feedback = Satisfaction
report-feedback-up = 👍 (helpful)
report-feedback-down = 👎 (not helpful)
report-feedback-share = Share satisfied (👍)
report-unanswered = Questions the assistant could not answer
report-unanswered-note = For the one-stop office to add answers. Phone and ID numbers in the questions are masked.
report-unanswered-caption = Frequent questions the assistant did not understand
report-out-of-scope-caption = Questions outside the commune's business
report-col-question = Question
report-col-times = Times
report-monthly = Month by month
report-col-month = Month
report-col-new = New
report-col-asked = Questions
report-col-answered = Answered
report-col-up = 👍
report-col-down = 👎
report-daily = Day by day
report-col-day = Day
report-csv-section = section
report-csv-item = row
report-csv-column = column
report-csv-value = value
report-csv-commune = Commune
report-csv-from = From
report-csv-to = To

## Staff dashboard (server/dashboard-*.ts)
dashboard-title = Trợ lý DVC dashboard
dashboard-subtitle = Usage of { $commune }
dashboard-other-language = Tiếng Việt
dashboard-period = Period
dashboard-from = From
dashboard-to = To
dashboard-apply = Show
dashboard-this-month = This month
dashboard-last-month = Last month
dashboard-this-year = This year
dashboard-loading = Loading the figures…
dashboard-load-failed = The figures could not be loaded. Try again in a few minutes.
dashboard-card-residents = Residents (unique)
dashboard-card-messages = Messages
dashboard-card-asked = Questions
dashboard-card-answered = Share answered
dashboard-card-satisfaction = Satisfaction (👍)
dashboard-card-reminders = Reminders created
dashboard-card-announcements = Village announcements
dashboard-card-help = Help sessions by the village teams
dashboard-chart-activity-day = Messages and residents per day
dashboard-chart-activity-month = Messages and residents per month
dashboard-chart-topics = Most asked procedures
dashboard-chart-channels = By channel
dashboard-chart-villages = Residents per village
dashboard-chart-questions = What became of the questions
dashboard-chart-feedback = Residents' ratings
dashboard-series-messages = Messages
dashboard-series-residents = Residents
dashboard-series-answers = Answers shown
dashboard-answered = Answered
dashboard-clarified = Asked back («Did you mean…?»)
dashboard-unanswered = Not answered
dashboard-out-of-scope = Out of scope
dashboard-feedback-up = 👍 Helpful
dashboard-feedback-down = 👎 Unclear
dashboard-channel-telegram = Telegram
dashboard-channel-zalo = Zalo
dashboard-channel-web = Web chat
dashboard-unanswered-title = Questions not answered
dashboard-unanswered-hint = Beside each question are the nearest procedures the bot found: staff can see which procedure needs more sample questions, or whether a new one is needed.
dashboard-outside-title = Questions outside the commune's business
dashboard-col-question = Question
dashboard-col-count = Times
dashboard-col-nearest = Nearest procedures
dashboard-col-day = Day
dashboard-col-month = Month
dashboard-col-topic = Procedure
dashboard-col-channel = Channel
dashboard-col-village = Village
dashboard-col-item = Item
dashboard-col-value = Figure
dashboard-empty = None yet.
dashboard-no-rating = none yet
dashboard-downloads = Download the report
dashboard-download-csv = Spreadsheet (CSV)
dashboard-download-md = Text (Markdown)
dashboard-download-docx = Word (DOCX)
dashboard-print = Printable view
dashboard-print-button = Print this page
dashboard-print-title = Trợ lý DVC usage report
dashboard-print-period = From { $from } to { $to }
dashboard-back = Back to the dashboard
dashboard-logout = Log out
dashboard-logged-out = Logged out.
dashboard-refused-title = Login needed
dashboard-refused-link = This login link cannot be used: it has expired, was used already, is wrong, or the account is not a commune staff member's.
dashboard-refused-session = Not logged in, the session has ended, or the account is no longer staff.
dashboard-how-to-login = Send /dashboard to Trợ lý DVC on Telegram or Zalo (from a staff account) to get a new login link. Each link works once, for { $minutes } minutes.
dashboard-bad-origin = This request did not come from the dashboard page, so it was not carried out.
dashboard-bad-date = Not a date: write year-month-day, e.g. 2026-01-31.
dashboard-half-period = Both the first and the last day are needed.
dashboard-bad-order = The first day must come before the last day.
dashboard-too-long = The period is too long: at most { $days } days.
dashboard-preview = Open this link in a browser to reach the dashboard.
dashboard-nav-label = Dashboard pages
dashboard-nav-report = Figures
dashboard-nav-postal = Post
dashboard-nav-tickets = Help
dashboard-badge-postal = { $count ->
    [one] 1 new request nobody has taken on
   *[other] { $count } new requests nobody has taken on
}
dashboard-badge-tickets = { $count ->
    [one] 1 resident waiting for an answer
   *[other] { $count } residents waiting for an answer
}
dashboard-back-postal = Back to Post
dashboard-back-tickets = Back to Help
dashboard-postal-title = Post
dashboard-postal-subtitle = Residents of { $commune } who asked for their results by post
dashboard-postal-hint = Newest first. Each time a request moves on, the resident is told at once on Zalo, Telegram or the web chat. Personal details are only for sending the result; do not copy them elsewhere.
dashboard-postal-filter-label = Filter requests
dashboard-postal-filter-dang-xu-ly = In progress
dashboard-postal-filter-tat-ca = All
dashboard-postal-none-open = No request is waiting.
dashboard-postal-none = No requests yet.
dashboard-postal-topic = Procedure
dashboard-postal-dossier = Dossier code
dashboard-postal-name = Recipient
dashboard-postal-phone = Phone
dashboard-postal-village = Village
dashboard-postal-address = Address
dashboard-postal-channel = Sent through
dashboard-postal-created = Sent at
dashboard-postal-history = Steps
dashboard-postal-reason = reason: { $reason }
dashboard-postal-reason-label = Why it is refused (the resident reads this; 3 to 300 characters)
dashboard-postal-refuse-send = Refuse and tell the resident
dashboard-postal-unknown = Request { $code } was not found: it may be past its keeping time, or the resident deleted their data.
dashboard-postal-bad-status = The new status is not valid. Please go back to the Post page and press a button there.
dashboard-postal-bad-reason = Refusing needs a reason of 3 to 300 characters: the resident reads it. Nothing was changed.
dashboard-postal-stale = { $code } is already "{ $status }" (another staff member may have just moved it), so nothing was changed. Please see below.
dashboard-flash-moved = { $code } moved to "{ $status }"; the resident has been told.
dashboard-flash-refused = { $code } refused; the resident has been told the reason.
dashboard-tickets-title = Help
dashboard-tickets-subtitle = Residents of { $commune } who asked to talk to staff
dashboard-tickets-hint = Longest waiting first. An answer reaches the resident on the app they use; meanwhile the bot stays quiet with them. Press «End» when done.
dashboard-tickets-none = No resident is waiting for staff.
dashboard-ticket-channel = Channel
dashboard-ticket-village = Village
dashboard-ticket-opened = Asked at
dashboard-ticket-question = Question
dashboard-ticket-context = Earlier messages
dashboard-ticket-log = Conversation
dashboard-ticket-from-resident = Resident
dashboard-ticket-from-staff = Staff
dashboard-ticket-answer-label = Answer the resident
dashboard-ticket-send = Send to the resident
dashboard-ticket-close = End
dashboard-ticket-unknown = Conversation { $code } was not found.
dashboard-ticket-closed = { $code } has already ended: the message was not sent. If the resident asks again, a new conversation opens.
dashboard-ticket-bad-text = The answer needs some text, at most 2,000 characters. Nothing was sent.
dashboard-ticket-bad-form = The form is not valid. Please reload the Help page and send again. Nothing was sent.
dashboard-flash-answered = Answer sent to the resident ({ $code }).
dashboard-flash-already-sent = This answer was already sent ({ $code }); it was not sent again.
dashboard-flash-closed = { $code } ended; the resident has been told.
