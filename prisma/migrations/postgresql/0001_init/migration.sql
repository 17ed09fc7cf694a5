-- CreateTable
CREATE TABLE "SubDistrict" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "province" TEXT,
    "city" TEXT,
    "district" TEXT,

    CONSTRAINT "SubDistrict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Community" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "subDistrictId" INTEGER NOT NULL,
    "areaKm2" DOUBLE PRECISION,
    "population" INTEGER,
    "populationAtLeast" BOOLEAN NOT NULL DEFAULT false,
    "households" INTEGER,
    "floatingPopulation" INTEGER,
    "volunteers" INTEGER,
    "boundaryText" TEXT,
    "boundary" TEXT,
    "centroidLat" DOUBLE PRECISION,
    "centroidLng" DOUBLE PRECISION,
    "minLat" DOUBLE PRECISION,
    "minLng" DOUBLE PRECISION,
    "maxLat" DOUBLE PRECISION,
    "maxLng" DOUBLE PRECISION,
    "founded" TIMESTAMP(3),
    "source" TEXT NOT NULL,
    "generatedFields" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "Community_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Grid" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "communityId" INTEGER NOT NULL,
    "boundary" TEXT,
    "centroidLat" DOUBLE PRECISION,
    "centroidLng" DOUBLE PRECISION,
    "minLat" DOUBLE PRECISION,
    "minLng" DOUBLE PRECISION,
    "maxLat" DOUBLE PRECISION,
    "maxLng" DOUBLE PRECISION,
    "areaKm2" DOUBLE PRECISION NOT NULL,
    "workerName" TEXT,
    "workerPhone" TEXT,
    "households" INTEGER NOT NULL DEFAULT 0,
    "population" INTEGER NOT NULL DEFAULT 0,
    "generated" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Grid_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Building" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gridId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "units" INTEGER NOT NULL DEFAULT 1,
    "floors" INTEGER NOT NULL DEFAULT 1,
    "households" INTEGER NOT NULL DEFAULT 0,
    "population" INTEGER NOT NULL DEFAULT 0,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "generated" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Building_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartyOrganization" (
    "id" SERIAL NOT NULL,
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

    CONSTRAINT "PartyOrganization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerTeam" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "focus" TEXT NOT NULL,
    "communityId" INTEGER NOT NULL,
    "members" INTEGER NOT NULL,
    "generated" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "VolunteerTeam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerLog" (
    "id" SERIAL NOT NULL,
    "teamId" INTEGER NOT NULL,
    "gridId" INTEGER NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "participants" INTEGER NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL,
    "description" TEXT NOT NULL,
    "generated" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "VolunteerLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "communityId" INTEGER NOT NULL,
    "gridId" INTEGER NOT NULL,
    "buildingId" INTEGER,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "description" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reporterName" TEXT,
    "reporterPhone" TEXT,
    "reportedAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "rejectedAt" TIMESTAMP(3),
    "dispatchedAt" TIMESTAMP(3),
    "handledAt" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "deadline" TIMESTAMP(3) NOT NULL,
    "satisfaction" INTEGER,
    "generated" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "from" TEXT,
    "to" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actor" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricSnapshot" (
    "id" SERIAL NOT NULL,
    "communityId" INTEGER NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "population" INTEGER NOT NULL,
    "households" INTEGER NOT NULL,
    "floatingPopulation" INTEGER,
    "partyMembers" INTEGER NOT NULL,
    "volunteers" INTEGER NOT NULL,

    CONSTRAINT "MetricSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GridDayRollup" (
    "gridId" INTEGER NOT NULL,
    "communityId" INTEGER NOT NULL,
    "day" TIMESTAMP(3) NOT NULL,
    "casesReported" INTEGER NOT NULL DEFAULT 0,
    "casesAccepted" INTEGER NOT NULL DEFAULT 0,
    "casesRejected" INTEGER NOT NULL DEFAULT 0,
    "casesClosed" INTEGER NOT NULL DEFAULT 0,
    "casesClosedOnTime" INTEGER NOT NULL DEFAULT 0,
    "hoursToCloseSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "volunteerHours" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "satisfactionSum" INTEGER NOT NULL DEFAULT 0,
    "satisfactionCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GridDayRollup_pkey" PRIMARY KEY ("gridId","day")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "scope" TEXT,
    "hash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Community" ADD CONSTRAINT "Community_subDistrictId_fkey" FOREIGN KEY ("subDistrictId") REFERENCES "SubDistrict"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grid" ADD CONSTRAINT "Grid_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Building" ADD CONSTRAINT "Building_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyOrganization" ADD CONSTRAINT "PartyOrganization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PartyOrganization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyOrganization" ADD CONSTRAINT "PartyOrganization_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartyOrganization" ADD CONSTRAINT "PartyOrganization_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerTeam" ADD CONSTRAINT "VolunteerTeam_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerLog" ADD CONSTRAINT "VolunteerLog_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "VolunteerTeam"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerLog" ADD CONSTRAINT "VolunteerLog_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MetricSnapshot" ADD CONSTRAINT "MetricSnapshot_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GridDayRollup" ADD CONSTRAINT "GridDayRollup_gridId_fkey" FOREIGN KEY ("gridId") REFERENCES "Grid"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GridDayRollup" ADD CONSTRAINT "GridDayRollup_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

