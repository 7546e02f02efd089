import type { SlackStandIn } from './slack-stand-in';

/** A view or message as JSON. */
export type BlockKitNode = Record<string, unknown>;

/** Every view the app published with `views.publish`, oldest first, with the user it was for. */
export function publishedViews(standIn: SlackStandIn): { userId: string; view: BlockKitNode }[] {
  return standIn.callsTo('views.publish').map((call) => ({
    userId: String(call.args.user_id),
    view: JSON.parse(String(call.args.view)) as BlockKitNode,
  }));
}

/** Every string found under a `text` key, anywhere in `node`, joined by new lines. */
export function textsOf(node: unknown): string {
  if (Array.isArray(node)) return node.map(textsOf).filter(Boolean).join('\n');
  if (typeof node !== 'object' || node === null) return '';

  return Object.entries(node as BlockKitNode)
    .map(([key, value]) => (key === 'text' && typeof value === 'string' ? value : textsOf(value)))
    .filter(Boolean)
    .join('\n');
}

/** Every element of `node` (at any depth) whose `action_id` is `actionId`. */
export function elementsWith(node: unknown, actionId: string): BlockKitNode[] {
  if (Array.isArray(node)) return node.flatMap((item) => elementsWith(item, actionId));
  if (typeof node !== 'object' || node === null) return [];

  const here = (node as BlockKitNode).action_id === actionId ? [node as BlockKitNode] : [];
  return [...here, ...Object.values(node).flatMap((value) => elementsWith(value, actionId))];
}

/** The `value`s of the checkboxes ticked in a view's element. */
export function tickedValues(element: BlockKitNode): string[] {
  const ticked = (element.initial_options ?? []) as { value: string }[];
  return ticked.map((option) => option.value);
}
