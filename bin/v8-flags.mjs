// V8 flags every ccsim process runs with, set on import, before any code is optimised (worker
// threads share the process's flags). Imported by bin/ccsim.mjs, bin/bench.mjs and the build
// step that makes validate's code cache: V8 accepts a code cache only under the flags it was
// made with, so the cache must be made under these too (test/cli/code-cache.test.ts checks it).
//
// The engine's event handlers call one another deeply (arrival -> offer -> start of service ->
// heap push). V8's default inlining budget (920 bytes of bytecode per optimised function) runs
// out inside the event loop, and each call left out of line boxes its floating-point arguments
// (times, durations) as heap numbers: garbage per event. A larger budget keeps the hot paths
// inlined. On W1 (callgrind, 200k contacts, warmed) it cut instructions per contact from about
// 5,500 to 4,850 and roughly halved the bytes allocated per contact (V8's sampling heap
// profiler); cumulative budgets of 2,000, 4,000 and 6,000 measured worse than 3,000.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--max-inlined-bytecode-size-cumulative=3000');
setFlagsFromString('--max-inlined-bytecode-size=1000');
