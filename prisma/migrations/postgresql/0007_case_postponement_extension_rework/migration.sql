-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "extendedAt" TIMESTAMP(3),
ADD COLUMN     "postponedAt" TIMESTAMP(3),
ADD COLUMN     "reworks" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Case_communityId_acceptedAt_idx" ON "Case"("communityId", "acceptedAt");

-- CreateIndex
CREATE INDEX "Case_gridId_acceptedAt_idx" ON "Case"("gridId", "acceptedAt");


-- Cases already sent back by verification count as reworked.
UPDATE "Case" SET "reworks" = (
  SELECT COUNT(*) FROM "CaseEvent" WHERE "CaseEvent"."caseId" = "Case"."id" AND "CaseEvent"."from" = 'HANDLED' AND "CaseEvent"."to" = 'DISPATCHED'
);
