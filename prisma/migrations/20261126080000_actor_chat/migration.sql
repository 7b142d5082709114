-- A chat that is not yet a known donor, trustee or volunteer is audited as such.
ALTER TYPE "ActorType" ADD VALUE 'CHAT' BEFORE 'SYSTEM';
