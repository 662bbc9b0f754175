import fc from 'fast-check';

/**
 * Shared by the parsers' property tests: the seed and run count, JSON values that break naive
 * parsers, and mutations of recorded frames. Every value here is one `JSON.parse` can return
 * (`1e400` parses to Infinity; no NaN, no undefined).
 */

function seedFromEnv(): number {
  const raw = process.env.PROPERTY_SEED;
  if (raw === undefined || raw === '') return 23;
  const seed = Number(raw);
  if (!Number.isInteger(seed)) throw new Error(`PROPERTY_SEED must be an integer, got ${raw}`);
  return seed;
}

/** Fixed unless PROPERTY_SEED says otherwise, so CI is reproducible; fast-check prints it with any failure. */
export const PROPERTY_SEED = seedFromEnv();
export const PROPERTY_RUNS = 10_000;
export const propertyParameters = { seed: PROPERTY_SEED, numRuns: PROPERTY_RUNS } as const;

/** The largest |ms| `new Date` accepts. */
export const MAX_DATE_MS = 8.64e15;

/** Values that break naive parsers, in groups so each group is picked as often as the others. */
const edgeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(Infinity, -Infinity, 1e308, -1e308, 1e300, 1e21, 2 ** 53 + 2, -1, 0, -0, 0.5, -0.5, 1.5, 5e-324),
  fc.constantFrom(9e15, -9e15, MAX_DATE_MS, MAX_DATE_MS + 1, '9e15', '9000000000000000', '8640000000000001'),
  fc.constantFrom('1e400', '-1e400', 'NaN', 'Infinity', '-Infinity', '', ' ', '0x1A', '1e21', '-1', '0', '-0', '0.5', '1,000', 'null', 'true'),
  fc.constantFrom<unknown>(null, true, false, [], {}, [1], ['']),
  // Objects that String(), Number() and template literals cannot convert (`__proto__` as JSON.parse makes it: an own key).
  fc.constantFrom<unknown>(JSON.parse('{"toString":1}'), JSON.parse('{"valueOf":1,"toString":1}'), JSON.parse('{"__proto__":{"toString":1}}')),
);

/** A number of any size or sign, fractional or not, as a number or as the numeric string venues send. */
const numberish: fc.Arbitrary<unknown> = fc.oneof(
  fc.double({ noNaN: true }),
  fc.double({ noNaN: true }).map(String),
  fc.integer(),
  fc.integer().map(String),
);

/** Any value a field might be given: arbitrary JSON, an edge value, or a number. */
export const fieldValue: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue(), edgeValue, numberish);

/** What one mutation step does to the node it picks. */
type Mutation =
  | { kind: 'replace'; value: unknown }
  | { kind: 'delete' }
  | { kind: 'retype' }
  | { kind: 'scale'; factor: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), value: fieldValue }),
  fc.constant({ kind: 'delete' as const }),
  fc.constant({ kind: 'retype' as const }),
  fc.record({ kind: fc.constant('scale' as const), factor: fc.constantFrom(1e300, 1e303, 1e305, 1e308, -1, 0, 0.5, 1000.5, 1e-300) }),
);

type Path = readonly (string | number)[];

function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...path, index], out));
  else if (typeof value === 'object' && value !== null) for (const key of Object.keys(value)) pathsOf((value as Record<string, unknown>)[key], [...path, key], out);
  return out;
}

function retyped(value: unknown): unknown {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const parsed = Number(value);
    return Number.isNaN(parsed) ? value.length : parsed;
  }
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return Object.fromEntries(value.map((item, index) => [String(index), item]));
  return Object.values(value as object);
}

function scaled(value: unknown, factor: number): unknown {
  if (typeof value === 'number') return value * factor;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return String(Number(value) * factor);
  return value;
}

/** A deep copy that keeps own keys such as `__proto__` as data, as JSON.parse makes them; constants are shared, so never mutated in place. */
function copyOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyOf);
  if (typeof value !== 'object' || value === null) return value;
  const copy = {};
  for (const [key, field] of Object.entries(value)) Object.defineProperty(copy, key, { value: copyOf(field), writable: true, enumerable: true, configurable: true });
  return copy;
}

function applied(node: unknown, step: Mutation): unknown {
  switch (step.kind) {
    case 'replace':
      return copyOf(step.value);
    case 'retype':
      return retyped(node);
    case 'scale':
      return scaled(node, step.factor);
    case 'delete':
      return undefined;
  }
}

function setAt(root: unknown, path: Path, step: Mutation): unknown {
  if (path.length === 0) return step.kind === 'delete' ? null : applied(root, step);
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
  const key = path[path.length - 1]!;
  const container = parent as Record<string | number, unknown>;
  if (step.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete container[key];
    return root;
  }
  Object.defineProperty(container, key, { value: applied(container[key], step), writable: true, enumerable: true, configurable: true });
  return root;
}

/** One to three mutations of `sample`, each at a node chosen anywhere in it (the root included). */
export function mutationsOf(sample: unknown): fc.Arbitrary<unknown> {
  return fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }).map((steps) => {
    let value: unknown = copyOf(sample);
    for (const [pick, step] of steps) {
      const paths = pathsOf(value);
      value = setAt(value, paths[pick % paths.length]!, step);
    }
    return value;
  });
}

/** Mutations of any of `samples`. */
export function mutatedFrom(samples: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof(...samples.map(mutationsOf));
}

/** `sample`'s shape, keys and nesting kept, each leaf either its recorded value or an arbitrary one. */
export function shapedLike(sample: unknown): fc.Arbitrary<unknown> {
  if (Array.isArray(sample)) return fc.tuple(...sample.map(shapedLike));
  if (typeof sample === 'object' && sample !== null) {
    const fields = Object.fromEntries(Object.entries(sample).map(([key, value]) => [key, shapedLike(value)]));
    return fc.record(fields);
  }
  return fc.oneof({ arbitrary: fc.constant(sample), weight: 2 }, { arbitrary: fieldValue, weight: 1 });
}

/** Arbitrary JSON, or one of `samples`' shapes with arbitrary field values. */
export function arbitraryLike(samples: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof(fc.jsonValue(), ...samples.map(shapedLike));
}

/** JSON text as a venue could send it: Infinity written as the `1e400` that parses back to it. */
export function asFrameText(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) => (field === Infinity ? '\u0000inf' : field === -Infinity ? '\u0000-inf' : field))
    .replaceAll('"\\u0000inf"', '1e400')
    .replaceAll('"\\u0000-inf"', '-1e400');
}
