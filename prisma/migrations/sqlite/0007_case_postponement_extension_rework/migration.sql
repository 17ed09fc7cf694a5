-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Case" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "externalId" TEXT,
    "category" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "communityId" INTEGER NOT NULL,
    "gridId" INTEGER NOT NULL,
    "buildingId" INTEGER,
    "lat" REAL,
    "lng" REAL,
    "description" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reporterName" TEXT,
    "reporterPhone" TEXT,
    "reportedAt" DATETIME NOT NULL,
    "acceptedAt" DATETIME,
    "rejectedAt" DATETIME,
    "dispatchedAt" DATETIME,
    "handledAt" DATETIME,
    "verifiedAt" DATETIME,
    "closedAt" DATETIME,
    "postponedAt" DATETIME,
    "deadline" DATETIME NOT NULL,
    "extendedAt" DATETIME,
    "reworks" INTEGER NOT NULL DEFAULT 0,
    "satisfaction" INTEGER,
    "generated" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "Case_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Case_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Case_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Case" ("acceptedAt", "buildingId", "category", "closedAt", "code", "communityId", "deadline", "description", "dispatchedAt", "externalId", "generated", "gridId", "handledAt", "id", "lat", "lng", "rejectedAt", "reportedAt", "reporterName", "reporterPhone", "satisfaction", "source", "status", "verifiedAt") SELECT "acceptedAt", "buildingId", "category", "closedAt", "code", "communityId", "deadline", "description", "dispatchedAt", "externalId", "generated", "gridId", "handledAt", "id", "lat", "lng", "rejectedAt", "reportedAt", "reporterName", "reporterPhone", "satisfaction", "source", "status", "verifiedAt" FROM "Case";
DROP TABLE "Case";
ALTER TABLE "new_Case" RENAME TO "Case";
CREATE UNIQUE INDEX "Case_code_key" ON "Case"("code");
CREATE UNIQUE INDEX "Case_externalId_key" ON "Case"("externalId");
CREATE INDEX "Case_gridId_reportedAt_idx" ON "Case"("gridId", "reportedAt");
CREATE INDEX "Case_communityId_status_idx" ON "Case"("communityId", "status");
CREATE INDEX "Case_communityId_closedAt_idx" ON "Case"("communityId", "closedAt");
CREATE INDEX "Case_communityId_acceptedAt_idx" ON "Case"("communityId", "acceptedAt");
CREATE INDEX "Case_gridId_acceptedAt_idx" ON "Case"("gridId", "acceptedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Cases already sent back by verification count as reworked.
UPDATE "Case" SET "reworks" = (
  SELECT COUNT(*) FROM "CaseEvent" WHERE "CaseEvent"."caseId" = "Case"."id" AND "CaseEvent"."from" = 'HANDLED' AND "CaseEvent"."to" = 'DISPATCHED'
);
