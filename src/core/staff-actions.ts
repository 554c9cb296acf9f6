import type { MoveResult, PostalStatus } from './postal';

/**
 * What office staff do to requests and tickets, wherever they do it (the staff group in chat, the
 * dashboard): one implementation, so the resident is told the same way. The caller has checked the role.
 */
export interface StaffActions {
  /** moves a postal request one step; the resident is told */
  movePostal(code: string, to: PostalStatus, by: string, reason?: string): Promise<MoveResult>;
  /** relays a staff answer to the ticket's resident; false when the ticket is closed */
  answerTicket(code: string, text: string, by: string, messageId: string): Promise<boolean>;
  /** closes an open ticket; the resident is told; false when it was not open */
  closeTicket(code: string, by: string): Promise<boolean>;
}
