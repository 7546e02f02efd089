/**
 * Slack's published length and count limits for the Block Kit pieces the app uses
 * (https://api.slack.com/reference/block-kit/blocks, .../block-elements and
 * .../composition-objects). Slack refuses a view breaking one with `invalid_arguments` and a
 * `[ERROR] ... [json-pointer:...]` message per problem; the stand-in does the same.
 */
type Node = Record<string, unknown>;

/** Longest text per (block or element type, field). */
const TEXT_LIMITS: Record<string, Record<string, number>> = {
  header: { text: 150 },
  section: { text: 3000 },
  button: { text: 75, url: 3000, value: 2000 },
  checkboxes: {},
  timepicker: { placeholder: 150 },
  option: { text: 75, description: 75, value: 150 },
};

/** Most items per (block or element type, array field). */
const COUNT_LIMITS: Record<string, Record<string, number>> = {
  section: { fields: 10 },
  context: { elements: 10 },
  actions: { elements: 25 },
  checkboxes: { options: 10, initial_options: 10 },
};

const ID_FIELDS = ['block_id', 'action_id'];

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isNode(value) && typeof value.text === 'string') return value.text;
  return undefined;
}

function checkNode(kind: string, node: Node, path: string, problems: string[]): void {
  for (const [field, max] of Object.entries(TEXT_LIMITS[kind] ?? {})) {
    const text = textOf(node[field]);
    if (text !== undefined && text.length > max) {
      problems.push(
        `[ERROR] must be less than ${max + 1} characters [json-pointer:${path}/${field}]`,
      );
    }
  }
  for (const [field, max] of Object.entries(COUNT_LIMITS[kind] ?? {})) {
    const items = node[field];
    if (Array.isArray(items) && items.length > max) {
      problems.push(
        `[ERROR] must provide no more than ${max} items [json-pointer:${path}/${field}]`,
      );
    }
  }
  for (const field of ID_FIELDS) {
    const id = node[field];
    if (typeof id === 'string' && id.length > 255) {
      problems.push(`[ERROR] must be less than 256 characters [json-pointer:${path}/${field}]`);
    }
  }
}

function walk(value: unknown, path: string, problems: string[], parentField = ''): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}/${i}`, problems, parentField));
    return;
  }
  if (!isNode(value)) return;

  const optionLike = parentField === 'options' || parentField.startsWith('initial_option');
  const kind = optionLike ? 'option' : typeof value.type === 'string' ? value.type : '';
  checkNode(kind, value, path, problems);
  if (kind === 'context' || kind === 'section') checkTexts(value, path, problems);
  for (const [field, child] of Object.entries(value))
    walk(child, `${path}/${field}`, problems, field);
}

/** Context elements and section fields are text objects of at most 3000 characters each. */
function checkTexts(block: Node, path: string, problems: string[]): void {
  for (const field of ['elements', 'fields']) {
    const items = block[field];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      const text = textOf(item);
      const max = field === 'fields' ? 2000 : 3000;
      if (text === undefined || text.length <= max) return;
      problems.push(
        `[ERROR] must be less than ${max + 1} characters [json-pointer:${path}/${field}/${i}]`,
      );
    });
  }
}

/** Every limit a Home view breaks, as Slack words it; empty when Slack would accept it. */
export function viewProblems(view: Node): string[] {
  const problems: string[] = [];
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > 3000) {
    problems.push(
      '[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]',
    );
  }
  walk(view.blocks, '/view/blocks', problems);
  return problems;
}
