import { describe, expect, it } from 'vitest';
import { compile } from '../../src/model/compile.ts';
import { ContactCenter } from '../../src/center/contact-center.ts';
import { exp, mmc } from '../helpers/scenarios.ts';

/*
 * Memory must not grow with the number of contacts: records are recycled once a contact's
 * journey is over. A few hundred contacts are in the system at once here (M/M/100 near 95%,
 * plus scheduled retries and repeats), so the pool must stay within a few thousand records over
 * a run of ~300,000 contacts.
 */
describe('bounded memory', () => {
  for (const policy of ['skill_based', 'longest_idle', 'round_robin'] as const) {
    it(`recycles contact records under ${policy}`, () => {
      const s = mmc(5700, 60, 100, 2, 5);
      s.routing.policy = policy;
      s.contact_types[0]!.patience = exp(120);
      s.contact_types[0]!.retry = { probability: 0.3, after: exp(300) };
      s.contact_types[0]!.fcr = 0.8;
      // Pending repeats are real contacts-to-be: keep them few (rate x delay x 0.2 ~ 190).
      s.contact_types[0]!.repeat_after = exp(600);
      const center = new ContactCenter(compile(s), 5, 0);
      center.run();
      expect(center.contactCapacity).toBeLessThanOrEqual(8192);
    });
  }
});
