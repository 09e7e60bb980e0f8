#!/usr/bin/env node
/**
 * A tight, hand-written M/M/c engine: the yardstick for `npm run bench`'s whole-process figure.
 * It does only what W1 needs (Poisson arrivals, c identical agents, exponential handle times,
 * FIFO queue, service level and ASA) with typed arrays and no allocation per event, the way the
 * fastest special-purpose simulator would. ccsim does far more per contact (cases, costs,
 * interval × type counters, histograms); the ratio of the two says what that generality costs.
 *
 *   node bench/reference-engine.mjs [contacts=10000000] [agents=100] [perHour=5700] [aht=60]
 */
const contacts = Number(process.argv[2] ?? 1e7);
const agents = Number(process.argv[3] ?? 100);
const rate = Number(process.argv[4] ?? 5700) / 3600;
const meanHandle = Number(process.argv[5] ?? 60);
const threshold = 20;

// xorshift128+ (two 32-bit halves kept as uint32), uniform in (0, 1).
let s0 = 0x9e3779b9 >>> 0, s1 = 0x243f6a88 >>> 0, s2 = 0xb7e15162 >>> 0, s3 = 0x12345678 >>> 0;
function uniform() {
  const t = s0 ^ (s0 << 11);
  s0 = s1; s1 = s2; s2 = s3;
  s3 = (s3 ^ (s3 >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
  return (s3 + 0.5) / 4294967296;
}

// Event heap: departures only (times of busy agents); the next arrival is kept aside.
const heap = new Float64Array(agents + 1);
let size = 0;
function push(t) {
  let i = size++;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (heap[p] <= t) break;
    heap[i] = heap[p];
    i = p;
  }
  heap[i] = t;
}
function replaceTop(t) {
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= size) break;
    const r = l + 1;
    const c = r < size && heap[r] < heap[l] ? r : l;
    if (heap[c] >= t) break;
    heap[i] = heap[c];
    i = c;
  }
  heap[i] = t;
}
function popTop() {
  const last = heap[--size];
  if (size > 0) replaceTop(last);
}

// FIFO queue of arrival times (ring buffer, grown by doubling).
let queue = new Float64Array(1 << 16), head = 0, tail = 0;
function enqueue(t) {
  if (tail - head === queue.length) {
    const bigger = new Float64Array(queue.length * 2);
    for (let i = 0; i < tail - head; i++) bigger[i] = queue[(head + i) & (queue.length - 1)];
    tail -= head; head = 0; queue = bigger;
  }
  queue[tail++ & (queue.length - 1)] = t;
}

const start = process.hrtime.bigint();
let now = 0, nextArrival = -Math.log(uniform()) / rate, arrived = 0, answered = 0, withinT = 0, waitSum = 0;
while (arrived < contacts || size > 0) {
  if (arrived < contacts && (size === 0 || nextArrival < heap[0])) {
    now = nextArrival;
    arrived++;
    nextArrival = now - Math.log(uniform()) / rate;
    if (size < agents && tail === head) {
      answered++; withinT++;
      push(now - Math.log(uniform()) * meanHandle);
    } else enqueue(now);
  } else {
    now = heap[0];
    if (tail !== head) {
      const wait = now - queue[head++ & (queue.length - 1)];
      answered++; waitSum += wait; if (wait <= threshold) withinT++;
      replaceTop(now - Math.log(uniform()) * meanHandle);
    } else popTop();
  }
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ contacts: arrived, answered, service_level: withinT / answered, asa_seconds: waitSum / answered, seconds, contactsPerSecond: arrived / seconds }));
