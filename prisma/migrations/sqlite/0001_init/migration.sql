-- CreateTable
CREATE TABLE "SubDistrict" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "province" TEXT,
    "city" TEXT,
    "district" TEXT
);

-- CreateTable
CREATE TABLE "Community" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "subDistrictId" INTEGER NOT NULL,
    "areaKm2" REAL,
    "population" INTEGER,
    "populationAtLeast" BOOLEAN NOT NULL DEFAULT false,
    "households" INTEGER,
    "floatingPopulation" INTEGER,
    "volunteers" INTEGER,
    "boundaryText" TEXT,
    "boundary" TEXT,
    "centroidLat" REAL,
    "centroidLng" REAL,
    "minLat" REAL,
    "minLng" REAL,
    "maxLat" REAL,
    "maxLng" REAL,
    "founded" DATETIME,
    "source" TEXT NOT NULL,
    "generatedFields" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "Community_subDistrictId_fkey" FOREIGN KEY ("subDistrictId") REFERENCES "SubDistrict" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Grid" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "communityId" INTEGER NOT NULL,
    "boundary" TEXT,
    "centroidLat" REAL,
    "centroidLng" REAL,
    "minLat" REAL,
    "minLng" REAL,
    "maxLat" REAL,
    "maxLng" REAL,
    "areaKm2" REAL NOT NULL,
    "workerName" TEXT,
    "workerPhone" TEXT,
    "households" INTEGER NOT NULL DEFAULT 0,
    "population" INTEGER NOT NULL DEFAULT 0,
    "generated" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "Grid_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Building" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gridId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "units" INTEGER NOT NULL DEFAULT 1,
    "floors" INTEGER NOT NULL DEFAULT 1,
    "households" INTEGER NOT NULL DEFAULT 0,
    "population" INTEGER NOT NULL DEFAULT 0,
    "lat" REAL,
    "lng" REAL,
    "generated" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "Building_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PartyOrganization" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "parentId" INTEGER,
    "communityId" INTEGER NOT NULL,
    "gridId" INTEGER,
    "residentMembers" INTEGER NOT NULL DEFAULT 0,
    "inServiceMembers" INTEGER NOT NULL DEFAULT 0,
    "retiredMembers" INTEGER NOT NULL DEFAULT 0,
    "mobileMembers" INTEGER NOT NULL DEFAULT 0,
    "generated" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "PartyOrganization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PartyOrganization" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PartyOrganization_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PartyOrganization_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VolunteerTeam" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "focus" TEXT NOT NULL,
    "communityId" INTEGER NOT NULL,
    "members" INTEGER NOT NULL,
    "generated" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "VolunteerTeam_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "VolunteerLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" INTEGER NOT NULL,
    "gridId" INTEGER NOT NULL,
    "date" DATETIME NOT NULL,
    "participants" INTEGER NOT NULL,
    "hours" REAL NOT NULL,
    "description" TEXT NOT NULL,
    "generated" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "VolunteerLog_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "VolunteerTeam" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "VolunteerLog_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Case" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
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
    "deadline" DATETIME NOT NULL,
    "satisfaction" INTEGER,
    "generated" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "Case_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Case_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Case_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "caseId" INTEGER NOT NULL,
    "from" TEXT,
    "to" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "actor" TEXT NOT NULL,
    "note" TEXT,
    CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MetricSnapshot" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communityId" INTEGER NOT NULL,
    "date" DATETIME NOT NULL,
    "population" INTEGER NOT NULL,
    "households" INTEGER NOT NULL,
    "floatingPopulation" INTEGER,
    "partyMembers" INTEGER NOT NULL,
    "volunteers" INTEGER NOT NULL,
    CONSTRAINT "MetricSnapshot_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "GridDayRollup" (
    "gridId" INTEGER NOT NULL,
    "communityId" INTEGER NOT NULL,
    "day" DATETIME NOT NULL,
    "casesReported" INTEGER NOT NULL DEFAULT 0,
    "casesAccepted" INTEGER NOT NULL DEFAULT 0,
    "casesRejected" INTEGER NOT NULL DEFAULT 0,
    "casesClosed" INTEGER NOT NULL DEFAULT 0,
    "casesClosedOnTime" INTEGER NOT NULL DEFAULT 0,
    "hoursToCloseSum" REAL NOT NULL DEFAULT 0,
    "volunteerHours" REAL NOT NULL DEFAULT 0,
    "satisfactionSum" INTEGER NOT NULL DEFAULT 0,
    "satisfactionCount" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("gridId", "day"),
    CONSTRAINT "GridDayRollup_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "GridDayRollup_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "scope" TEXT,
    "hash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "SubDistrict_code_key" ON "SubDistrict"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Community_code_key" ON "Community"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Grid_code_key" ON "Grid"("code");

-- CreateIndex
CREATE INDEX "Grid_communityId_idx" ON "Grid"("communityId");

-- CreateIndex
CREATE INDEX "Grid_minLat_minLng_maxLat_maxLng_idx" ON "Grid"("minLat", "minLng", "maxLat", "maxLng");

-- CreateIndex
CREATE UNIQUE INDEX "Building_code_key" ON "Building"("code");

-- CreateIndex
CREATE INDEX "Building_gridId_idx" ON "Building"("gridId");

-- CreateIndex
CREATE UNIQUE INDEX "PartyOrganization_code_key" ON "PartyOrganization"("code");

-- CreateIndex
CREATE INDEX "PartyOrganization_communityId_idx" ON "PartyOrganization"("communityId");

-- CreateIndex
CREATE INDEX "VolunteerTeam_communityId_idx" ON "VolunteerTeam"("communityId");

-- CreateIndex
CREATE INDEX "VolunteerLog_gridId_date_idx" ON "VolunteerLog"("gridId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Case_code_key" ON "Case"("code");

-- CreateIndex
CREATE INDEX "Case_gridId_reportedAt_idx" ON "Case"("gridId", "reportedAt");

-- CreateIndex
CREATE INDEX "Case_communityId_status_idx" ON "Case"("communityId", "status");

-- CreateIndex
CREATE INDEX "Case_communityId_closedAt_idx" ON "Case"("communityId", "closedAt");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_idx" ON "CaseEvent"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "MetricSnapshot_communityId_date_key" ON "MetricSnapshot"("communityId", "date");

-- CreateIndex
CREATE INDEX "GridDayRollup_communityId_day_idx" ON "GridDayRollup"("communityId", "day");

-- CreateIndex
CREATE INDEX "GridDayRollup_day_idx" ON "GridDayRollup"("day");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_hash_key" ON "ApiToken"("hash");

