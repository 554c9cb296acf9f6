import { z } from 'zod';

/**
 * The shape of the `conversation` part of content/language.yaml: short messages that are not
 * questions about a procedure, scam questions, and the words that ask for one section of an answer.
 */
export const cuesSchema = z.object({
  /** intent id → whole messages (or their core) that mean it: greeting, thanks, ok, frustration, rude */
  intents: z.record(z.string().regex(/^[a-z]+$/), z.array(z.string().min(1)).min(1)).default({}),
  /**
   * intent id → phrases that mean it only when the message says nothing else («hướng dẫn cho bà với» is
   * help; «hướng dẫn đất đai» is a question)
   */
  alone: z.record(z.string().regex(/^[a-z]+$/), z.array(z.string().min(1)).min(1)).default({}),
  /** words that only address the bot or the page («ad», «admin»): a message of an intent and these is that intent */
  address: z.array(z.string().min(1)).default([]),
  /** good wishes and leave-taking («chúc chị sức khỏe», «để mai em lên xã hỏi»): beside an intent, nothing more */
  courtesy: z.array(z.string().min(1)).default([]),
  /** each rule: a message with a word from every group is a question about a scam */
  safety: z.array(z.array(z.array(z.string().min(1)).min(1)).min(2)).default([]),
  /** each rule: a message with a word from every group says a code, a password or money was already given */
  scammed: z.array(z.array(z.array(z.string().min(1)).min(1)).min(1)).default([]),
  /** …and these alone say so right after a scam question («tôi đọc rồi, giờ sao») */
  scammedAfter: z.array(z.string().min(1)).default([]),
  /** …but not with these («sợ bị lừa»: afraid of one, not tricked) */
  scammedNot: z.array(z.string().min(1)).default([]),
  /**
   * words that ask whether a paper is needed («có cần giấy», «mang theo sổ»): after an answer, the paper
   * named («giấy kết hôn») is something to bring for that procedure, not another procedure to start
   */
  papers: z.array(z.string().min(1)).default([]),
  /**
   * words that point back at the paper just discussed («giấy đó», «giấy này»): after an answer they name
   * no other procedure (typed bare, «giay do» is also «giấy đỏ», the land certificate)
   */
  referring: z.array(z.string().min(1)).default([]),
  /**
   * kinds of people («hộ nghèo», «người khuyết tật»): after an answer, «hộ nghèo có miễn không» asks who is
   * exempt from it, not about the allowance for poor households
   */
  people: z.array(z.string().min(1)).default([]),
  /** section key → words that ask for that section («bao nhiêu tiền» → le-phi) */
  sections: z.record(z.string(), z.array(z.string().min(1)).min(1)).default({}),
  /** the last words of a question asked yes or no («… được không», «… chưa», «có phải … không») */
  yesNo: z.array(z.string().min(1)).default([]),
  /** words that turn to another procedure («thế còn…», «… thì sao»): not a detail of the one just answered */
  turning: z.array(z.string().min(1)).default([]),
  /** words that only ask how a procedure is done, whatever it is («thủ tục», «hướng dẫn») */
  asking: z.array(z.string().min(1)).default([]),
});
