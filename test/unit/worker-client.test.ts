// The lint worker client (no vscode in it): requests while the worker is still starting.
import { strict as assert } from 'node:assert';
import { LintWorkerClient, type ChannelEvents } from '../../src/extension/worker/client.js';
import type { FromWorker, ToWorker } from '../../src/extension/worker/protocol.js';

/** A worker channel that starts only when told to (`ready()`), recording what it was sent. */
function startingWorker() {
  const posted: ToWorker[] = [];
  let events: ChannelEvents | undefined;
  return {
    posted,
    factory: (e: ChannelEvents) => {
      events = e;
      return { post: (message: ToWorker) => void posted.push(message), terminate: () => {} };
    },
    ready: () => events!.onMessage({ type: 'ready' } as FromWorker),
    crash: () => events!.onExit({ kind: 'crash', message: 'test' }),
    answer: (message: ToWorker) => events!.onMessage({ type: 'result', id: message.id, value: `worker:${message.kind}` } as unknown as FromWorker),
  };
}

const options = { config: {}, lang: 'en' as const };
const fallback = (message: ToWorker): FromWorker => ({ type: 'result', id: message.id, value: `in-process:${message.kind}` }) as unknown as FromWorker;

describe('lint worker client: requests while the worker starts', () => {
  it('runs an accepted request in-process at once instead of waiting for the worker', async () => {
    const worker = startingWorker();
    const client = new LintWorkerClient(worker.factory, {
      fallback,
      inProcessWhileStarting: (message) => message.kind === 'analyze' && message.text.length <= 10,
    });
    client.prestart();
    const outcome = await client.run('analyze', { text: 'short', options, optionsId: 1 }, { budgetMs: 1000 });
    assert.deepEqual(outcome.status === 'done' && outcome.value, 'in-process:analyze');
    assert.equal(client.ranWhileStarting, 1);
    assert.equal(worker.posted.length, 0, 'nothing was sent to the worker');
    client.dispose();
  });

  it('a request it does not accept (too long, another kind) waits for the worker, and nothing runs in-process once it is ready', async () => {
    const worker = startingWorker();
    const client = new LintWorkerClient(worker.factory, {
      fallback,
      inProcessWhileStarting: (message) => message.kind === 'analyze' && message.text.length <= 10,
    });
    client.prestart();
    const long = client.run('analyze', { text: 'a longer document', options, optionsId: 1 }, { budgetMs: 1000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(worker.posted.length, 0, 'queued until the worker is ready');
    worker.ready();
    assert.equal(worker.posted.length, 1);
    worker.answer(worker.posted[0]!);
    const outcome = await long;
    assert.deepEqual(outcome.status === 'done' && outcome.value, 'worker:analyze');
    const short = client.run('analyze', { text: 'short', options, optionsId: 1 }, { budgetMs: 1000 });
    assert.equal(worker.posted.length, 2, 'a ready worker gets the small request too');
    worker.answer(worker.posted[1]!);
    assert.deepEqual(((await short) as { value: unknown }).value, 'worker:analyze');
    assert.equal(client.ranWhileStarting, 0);
    client.dispose();
  });

  it('a restarted worker is waited for: only the first start-up is bridged in-process', async () => {
    const worker = startingWorker();
    const client = new LintWorkerClient(worker.factory, { fallback, inProcessWhileStarting: () => true });
    client.prestart();
    worker.ready();
    worker.crash();
    const pending = client.run('analyze', { text: 'short', options, optionsId: 1 }, { budgetMs: 1000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(client.starts, 2, 'a fresh worker was started');
    assert.equal(client.ranWhileStarting, 0, 'not run in-process');
    worker.ready();
    worker.answer(worker.posted[0]!);
    assert.deepEqual(((await pending) as { value: unknown }).value, 'worker:analyze');
    client.dispose();
  });

  it('without the option every request waits for the worker', async () => {
    const worker = startingWorker();
    const client = new LintWorkerClient(worker.factory, { fallback });
    client.prestart();
    const pending = client.run('analyze', { text: 'short', options, optionsId: 1 }, { budgetMs: 1000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(worker.posted.length, 0);
    worker.ready();
    worker.answer(worker.posted[0]!);
    assert.deepEqual(((await pending) as { value: unknown }).value, 'worker:analyze');
    client.dispose();
  });
});
