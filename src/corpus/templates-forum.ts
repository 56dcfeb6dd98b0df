/**
 * Sentence templates for the `forum` domain: first-person questions, second-person answers and the
 * one-line replies that make Q&A threads look like Q&A threads (many short lines, few full paragraphs).
 */
import { compileAll } from './template.js';

export const QUESTION = compileAll([
  'I have {an} {a} {tn} and it keeps {vg} the {n}.',
  'Whenever I {v} the {tn}, the {n} stops working.',
  'I already tried to {v} the {tn} but nothing changed.',
  'It started about {num} weeks ago after I {vd} the {tn}.',
  'Has anyone else seen this with {an} {a} {tn}?',
  'Is it normal for the {tn} to {v} like this?',
  'I am using {an} {a} {tn} from {year}, if that matters.',
  'My {n} says it is the {tn}, but I am not sure.',
  'Should I {v} the {tn} or just buy {an} {a} one?',
  'The manual says to {v} the {tn} every {num} months.',
  'What is the best way to {v} {an} {a} {tn}?',
  'I would rather not spend {money} on {an} {a} {tn}.',
  'Thanks in advance for any help with the {tn}.',
  'Before you ask, yes, I {vd} the {tn} twice.',
  'The {tn} is about {num} years old and otherwise {a}.',
  'I {vd} {num} {cns} already and none of them {vd}.',
  'Any idea why the {a} {tn} would {v} the {n}?',
  'I live in {place}, so the {n} might be part of it.',
]);

export const ANSWER = compileAll([
  'You need to {v} the {tn} before you {v} the {n}.',
  'I had the same problem with my {tn} last {n}.',
  'Try {vg} the {a} {tn} first, it is usually the cause.',
  'It sounds like the {tn} is {a}.',
  'Check the {tn} and the {n} before you {v} anything else.',
  'Most people {v} the {tn} every {num} weeks.',
  'If that does not help, {v} the {tn} and {v} it again.',
  'I would not {v} the {tn} yourself unless you have {an} {a} {n}.',
  'The {a} {tn} costs around {money}, so it is worth a try.',
  'In my experience the {tn} {vs} {adv2} after a while.',
  'There is a good guide at {url} that explains the {tn}.',
  'Did you {v} the {tn} after the {n}?',
  'That is exactly what {user} said in the other thread.',
  'Same issue here, {an} {a} {tn} fixed it for me.',
  'Do not forget to {v} the {tn} when you are done.',
  'My {n} {vd} the {tn} for {money} and it has been fine since.',
  'Honestly I would just {v} it and {v} {an} {a} {tn}.',
  'Which {tn} do you have, the {a} one or the {a} one?',
  'Post a photo of the {tn} and we can take a look.',
  'We {vd} ours in {year} and never had to {v} the {n} again.',
  'The {a} ones tend to {v} the {tns} faster.',
]);

/** Added to a few replies only: e-mail addresses should be findable, not everywhere. */
export const CONTACT = compileAll([
  'Feel free to email me at {email} if you get stuck.',
  'PM me or write to {email} and I can send you the {tn} manual.',
]);

/** Whole one-line replies; each is used at most once per thread. */
export const SHORT_REPLIES = compileAll([
  'Thanks, that worked!',
  'Same problem here.',
  '+1, following this thread.',
  'Any update on this?',
  'Solved, thank you all.',
  'Good question.',
  'Did you ever fix it?',
  'Thanks {user}, I will try that tonight.',
  'Agreed with {user}.',
  'What model is it?',
  'Following.',
  'This fixed it for me too, thanks!',
  'Seconding the {tn} suggestion.',
  'How much did the {tn} cost you?',
  'Marking this as solved.',
  'Where did you buy the {tn}?',
]);

export const THREAD_TITLES = compileAll([
  'How do I {v} {an} {a} {tn}?',
  '{tn} keeps {vg} after the {n}',
  'Help: {a} {tn} not working',
  'Best {tn} for {a} {ns}?',
  'Is it worth it to {v} my {tn}?',
  '[Solved] {a} {tn} problem',
  'Question about {an} {a} {tn}',
  '{a} {tn} or {a} {tn}?',
  'Weird {n} with my {tn}',
  'First time {vg} {an} {tn}, advice?',
]);

export const SUBFORUMS = [
  'General Discussion',
  'Help and Support',
  'Beginners',
  'Troubleshooting',
  'Reviews',
];
