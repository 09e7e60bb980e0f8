/** The scenarios that ship with ccsim, embedded in the page as text (esbuild's text loader). */
import retailBank from '../../../scenarios/retail-bank.yaml';
import retailBankSkillsBot from '../../../scenarios/retail-bank-skills-bot.yaml';
import techSupport from '../../../scenarios/tech-support.yaml';
import emailBackoffice from '../../../scenarios/email-backoffice.yaml';
import erlangC from '../../../scenarios/erlang-c.yaml';

export const BUNDLED: ReadonlyArray<{ file: string; text: string }> = [
  { file: 'retail-bank.yaml', text: retailBank },
  { file: 'retail-bank-skills-bot.yaml', text: retailBankSkillsBot },
  { file: 'tech-support.yaml', text: techSupport },
  { file: 'email-backoffice.yaml', text: emailBackoffice },
  { file: 'erlang-c.yaml', text: erlangC },
];
