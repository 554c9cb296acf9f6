import { Queue } from 'bullmq';
import type { NewTicket } from '../../src/core/handoff';
import type { NewPostalRequest } from '../../src/core/postal';
import type { OutboxJobData } from '../../src/queues/outbox-job';
import { outboxQueueName, queuePrefix } from '../../src/queues/outbox-keys';
import type { TestServer } from './test-server';

/** The texts waiting in a channel's outbox for one chat, oldest first (the web role runs no worker). */
export async function outboxTexts(
  server: TestServer,
  channel: 'telegram' | 'zalo',
  chatId: string,
): Promise<string[]> {
  const queue = new Queue(outboxQueueName(channel), {
    connection: server.redis,
    prefix: queuePrefix(server.prefix),
  });
  try {
    const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized'], 0, -1, true);
    return jobs
      .sort((a, b) => a.timestamp - b.timestamp)
      .map((j) => j.data as OutboxJobData)
      .filter((j) => j.chatId === chatId)
      .map((j) => j.reply.text);
  } finally {
    await queue.close();
  }
}

let residents = 0;

/** A postal request of a new Zalo resident (their notices wait in the Zalo outbox). */
export function postalRequest(overrides: Partial<NewPostalRequest> = {}): NewPostalRequest {
  return {
    user: { channel: 'zalo', id: `z-post-${++residents}` },
    locale: 'vi',
    topic: 'khai-sinh',
    dossier: 'H23.34-241201-0001',
    name: 'Nguyễn Thị Lan',
    phone: '0912345678',
    village: 'thon-2',
    address: 'Số 5, xóm Đình, gần trạm y tế',
    ...overrides,
  };
}

/** A «Gặp cán bộ» ticket of a new Zalo resident. */
export function ticketRequest(overrides: Partial<NewTicket> = {}): NewTicket {
  return {
    user: { channel: 'zalo', id: `z-help-${++residents}` },
    village: 'thon-1',
    locale: 'vi',
    question: 'Giấy khai sinh của con tôi bị sai tên đệm, sửa thế nào?',
    context: ['khai sinh', 'cải chính hộ tịch'],
    ...overrides,
  };
}

/** A form post as another site's page (or a script) would send it, with the staff member's cookie. */
export function postForm(
  server: TestServer,
  path: string,
  cookie: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
}

/** «31/01/2026 14:05» in Vietnam, computed independently of the page's code. */
export function vietnamMinute(at: number): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(at)
    .replace(',', '');
}
