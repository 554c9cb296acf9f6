/** What `npm run zalo:webhook` prints about Zalo's probe of the webhook, in Vietnamese for the staff. */
import type { ZaloWebhookVerification } from '../src/channels/zalo/schemas';
import type { WebhookUrlProblem } from '../src/channels/zalo/webhook-url';

/** Passed: Zalo says ok, and names no other outcome than webhook.ok. */
export const verificationPassed = (v: ZaloWebhookVerification): boolean =>
  v.ok === true && (v.outcome === undefined || v.outcome === 'webhook.ok');

/** The fields Zalo sent, one per line (absent ones are left out: their presence is undocumented). */
export function verificationLines(v: ZaloWebhookVerification): string[] {
  const lines = [`  outcome: ${v.outcome ?? '(Zalo không ghi)'}`];
  if (v.status_code !== undefined) lines.push(`  status_code: ${v.status_code ?? '(không có trả lời HTTP)'}`);
  if (v.latency_ms !== undefined && v.latency_ms !== null) lines.push(`  latency_ms: ${v.latency_ms}`);
  if (v.hint) lines.push(`  hint: ${v.hint}`);
  return lines;
}

/** Our reading of a failed outcome (names from the sources listed in the Zalo reference). */
function advice(v: ZaloWebhookVerification): string {
  const outcome = v.outcome ?? '';
  if (outcome === 'webhook.err.blocked')
    return 'Zalo không gọi địa chỉ nội bộ (localhost, mạng LAN): cần một tên miền công khai có HTTPS.';
  if (outcome === 'webhook.err.timeout')
    return 'Bot không trả lời kịp: bot đã chạy chưa, tường lửa có mở cổng 443 không?';
  if (outcome === 'webhook.err.tls')
    return 'Chứng chỉ HTTPS không hợp lệ (hết hạn, tự ký hoặc thiếu chứng chỉ trung gian).';
  if (outcome === 'webhook.err.dns')
    return 'Tên miền trong PUBLIC_URL không phân giải được: kiểm tra bản ghi DNS.';
  if (outcome === 'webhook.err.conn' || outcome === 'webhook.err.proxy')
    return 'Zalo không kết nối được tới máy chủ: bot (hoặc proxy phía trước) có đang chạy và mở cổng 443?';
  if (outcome === 'webhook.http.403') return 'Máy chủ từ chối Zalo (403): tường lửa, WAF hoặc CDN đang chặn.';
  if (outcome === 'webhook.http.404')
    return 'Không có đường dẫn /webhooks/zalo: bot có chạy với ZALO_MODE=webhook, proxy có chuyển đúng đường dẫn?';
  if (outcome === 'webhook.http.5xx' || (v.status_code ?? 0) >= 500)
    return 'Máy chủ báo lỗi (5xx): xem log của bot và của proxy.';
  if (v.status_code === 401)
    return 'Bot trả 401: ZALO_WEBHOOK_SECRET của bot đang chạy khác với secret vừa gửi cho Zalo.';
  return 'Xem gợi ý (hint) của Zalo ở trên.';
}

/** The stderr message when a probe failed; Zalo keeps the URL saved either way. */
export function failureMessage(v: ZaloWebhookVerification): string {
  const hint = v.hint ? ` Gợi ý của Zalo: ${v.hint}` : '';
  return (
    `Zalo chưa gửi được tin đến webhook (${v.outcome ?? 'không rõ lý do'}). ${advice(v)}${hint}\n` +
    'Sửa xong, chạy "npm run zalo:webhook -- test" (hoặc "-- set") để Zalo thử lại.'
  );
}

/** Why `set` stops before calling Zalo (exit code 2). */
export function refusalMessage(problem: WebhookUrlProblem, url: string): string {
  const tail = 'Chưa gửi gì cho Zalo.';
  if (problem.kind === 'invalid') return `PUBLIC_URL không phải một địa chỉ hợp lệ (${url}). ${tail}`;
  if (problem.kind === 'not-https')
    return (
      `PUBLIC_URL phải bắt đầu bằng https:// (đang là ${problem.protocol}//…): Zalo chỉ nhận webhook HTTPS. ` +
      tail
    );
  return (
    `PUBLIC_URL trỏ tới một địa chỉ nội bộ (${problem.host}): Zalo từ chối localhost, 127.x.x.x, 10.x.x.x, ` +
    '172.16–31.x.x, 192.168.x.x, ::1, fc00::/7 và tên .local (webhook.err.blocked). Hãy dùng tên miền ' +
    `công khai có HTTPS (hoặc một đường hầm như Cloudflare Tunnel, ngrok). ${tail}`
  );
}
