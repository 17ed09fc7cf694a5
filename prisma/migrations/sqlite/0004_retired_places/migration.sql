-- AlterTable
ALTER TABLE "Community" ADD COLUMN "retiredAt" DATETIME;

-- AlterTable
ALTER TABLE "Grid" ADD COLUMN "retiredAt" DATETIME;

-- AlterTable
ALTER TABLE "Building" ADD COLUMN "retiredAt" DATETIME;

