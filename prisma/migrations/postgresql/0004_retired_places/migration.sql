-- AlterTable
ALTER TABLE "Community" ADD COLUMN     "retiredAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Grid" ADD COLUMN     "retiredAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Building" ADD COLUMN     "retiredAt" TIMESTAMP(3);

