import type { AuditAction } from '../../../shared/enums';
import type { Database } from '../db/client';

export interface AuditEntry {
  action: AuditAction;
  /** Who acted: a username, "token:NAME", or "cli". */
  actor: string;
  subject?: string | null;
  address?: string | null;
  detail?: Record<string, unknown>;
}

/** One line of the audit log: kept in the database, beside what it records, for as long as the database. */
export async function audit(db: Database, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      action: entry.action,
      actor: entry.actor,
      subject: entry.subject ?? null,
      address: entry.address ?? null,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    },
  });
}
