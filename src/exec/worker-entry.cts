/**
 * The file piscina loads in each worker thread: CommonJS on purpose. Piscina first tries `require(filename)`;
 * on Node 20.19+ that loads an ES module graph synchronously, and ours has top-level await (xxhash-wasm's
 * init), so the require fails half-way and piscina falls back to `import()` of the same graph. Node 20 then
 * sometimes aborts the whole process ("v8::Module::IsGraphAsync must be used on an instantiated module" when
 * the pool closes during loading; "module imported again after being required"). A CommonJS entry is
 * required cleanly and loads the ES modules with one dynamic import, started at once so the worker still
 * loads its modules while the main thread validates the recipe.
 */
import type { TaskReply, TaskRequest } from './worker.js';

const loaded = import('./worker.js');
// Unhandled until the first task awaits it; a load failure then surfaces as that task's error.
loaded.catch(() => {});

module.exports = async (req: TaskRequest): Promise<TaskReply> => (await loaded).handleTask(req);
