import { z } from 'zod';

/**
 * What a verified e-ID sign-in tells us about a person (the claims of an ID token checked for its
 * signature, issuer, audience, nonce and expiry by the OpenID Connect client). Only this shape crosses
 * from the sign-in protocol into the citizen module, so a second provider needs no change here.
 */
export const verifiedIdentitySchema = z.object({
  issuer: z.string().min(1).max(500),
  subject: z.string().min(1).max(255),
  fullName: z.string().trim().min(1).max(200),
  /** Số định danh cá nhân (12 digits for a Vietnamese citizen); absent for a provider that has none. */
  idNumber: z.string().trim().max(20).optional(),
  /** yyyy-mm-dd */
  birthDate: z.iso.date().optional(),
  address: z.string().trim().max(500).optional(),
  phone: z.string().trim().max(20).optional(),
  email: z.string().trim().max(254).optional(),
});
export type VerifiedIdentity = z.infer<typeof verifiedIdentitySchema>;

/** The citizen as the portal and the online forms see them (the ID number in clear, for its owner only). */
export type CitizenProfile = {
  id: number;
  fullName: string;
  idNumber: string | null;
  birthDate: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  /** Where the identity came from: name, ID number and date of birth are the provider's and read-only. */
  issuer: string;
  version: number;
};
