/** Party member counts of one organisation (or a sum of them) by category. */
export interface MemberCounts {
  residentMembers: number | null;
  inServiceMembers: number | null;
  retiredMembers: number | null;
  mobileMembers: number | null;
}

/** Party members = the sum over categories (resident, in-service 双报到, retired, mobile 流动). */
export function memberTotal(counts: MemberCounts): number {
  return (
    (counts.residentMembers ?? 0) +
    (counts.inServiceMembers ?? 0) +
    (counts.retiredMembers ?? 0) +
    (counts.mobileMembers ?? 0)
  );
}
