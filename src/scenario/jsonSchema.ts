/** The JSON Schema editors use for completion, generated from the zod schema. Pure. */
import { z } from '../zod.ts';
import { scenarioSchema } from './schema.ts';

export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
