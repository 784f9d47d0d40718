import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** demo/citizens.json: the made-up people the local e-ID provider knows (username = ID number). */
const demoCitizensSchema = z.object({
  password: z.string().min(1),
  citizens: z.array(z.object({
    username: z.string().min(1),
    subject: z.string().min(1),
    fullName: z.string().min(1),
    idNumber: z.string().min(1),
    birthDate: z.iso.date(),
    phone: z.string().optional(),
    email: z.string().optional(),
    address: z.string().optional(),
  })).min(1),
});
export type DemoCitizens = z.infer<typeof demoCitizensSchema>;
export type DemoCitizen = DemoCitizens['citizens'][number];

export function loadDemoCitizens(path = new URL('../../../../demo/citizens.json', import.meta.url)): DemoCitizens {
  return demoCitizensSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}
