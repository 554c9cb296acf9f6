import { type FSWatcher, watch } from 'node:fs';
import { type AnswerEngine, createAnswerEngine } from './answer-engine';
import { ContentError, formatProblem } from './knowledge/load';
import type { Logger } from './logger';

/** Waits this long after the last change: an editor saves a file in several writes. */
const SETTLE_MS = 500;

export interface ContentReloader {
  /** builds the engine from the files again; true when the new content is in use */
  reload(): boolean;
  stop(): void;
}

/**
 * Content and strings without a restart: when a file under the content or locales folder changes (or
 * on `reload()`, e.g. on SIGHUP), the answer engine is built again and handed to `use`. A bad edit
 * keeps the content that was running and logs every problem with file:line.
 */
export function startContentReload(o: {
  readonly contentDir: string;
  readonly localesDir: string;
  readonly logger: Logger;
  readonly use: (engine: AnswerEngine) => void;
  /** false: only reload() (tests; a read-only deployment) */
  readonly watchFiles?: boolean;
}): ContentReloader {
  const reload = (): boolean => {
    let engine: AnswerEngine;
    try {
      engine = createAnswerEngine(o.contentDir, o.localesDir);
    } catch (err) {
      const problems = err instanceof ContentError ? err.problems.filter((p) => p.severity === 'error') : [];
      o.logger.error(
        { problems: problems.map(formatProblem), err: problems.length > 0 ? undefined : err },
        'Nội dung vừa sửa có lỗi: bot vẫn dùng nội dung cũ. Sửa các lỗi sau rồi lưu lại: %s',
        problems.length > 0 ? problems.map(formatProblem).join(' | ') : String(err),
      );
      return false;
    }
    o.use(engine);
    o.logger.info(
      { topics: engine.kb.topics.length },
      'Đã nạp lại nội dung (%d chủ đề).',
      engine.kb.topics.length,
    );
    return true;
  };

  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  if (o.watchFiles !== false) {
    for (const dir of [o.contentDir, o.localesDir]) {
      try {
        const watcher = watch(dir, { recursive: true }, () => {
          clearTimeout(timer);
          timer = setTimeout(reload, SETTLE_MS);
          timer.unref();
        });
        watcher.on('error', (err) => o.logger.warn({ err, dir }, 'content watch stopped'));
        watcher.unref();
        watchers.push(watcher);
      } catch (err) {
        o.logger.warn({ err, dir }, 'cannot watch content for changes; reload with SIGHUP');
      }
    }
  }
  return {
    reload,
    stop() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
